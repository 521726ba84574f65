"""Issue 11, class "soft skill shown by an activity": "led a team of 8" or "presented to the board" shows leadership
or presenting but does not state it; those phrases left the shipped catalog's aliases for `implied_by` (reported as
inferred, never as a soft skill). Databases loaded before keep the old alias rows: remove exactly those. Nothing else
is touched."""

from django.db import migrations

MOVED = [
    ("Leadership", "led a team"),
    ("Leadership", "led a team of"),
    ("Leadership", "leading teams"),
    ("Leadership", "led teams"),
    ("Leadership", "leading a team"),
    ("Leadership", "led cross-functional"),
    ("People Management", "managed a team"),
    ("People Management", "managed a team of"),
    ("People Management", "managed staff"),
    ("People Management", "supervised staff"),
    ("People Management", "supervised a team"),
    ("Supervision", "oversaw staff"),
    ("Presentation Skills", "delivered presentations"),
    ("Presentation Skills", "presented to"),
    ("Public Speaking", "spoke at"),
    ("Public Speaking", "presented at conferences"),
    ("Public Speaking", "speaking engagements"),
    ("Team Building", "built a team"),
    ("Team Building", "built teams"),
    ("Collaboration", "worked closely with"),
    ("People Development", "developed team members"),
]


def remove_activity_aliases(apps, schema_editor):
    SkillAlias = apps.get_model("skills_catalog", "SkillAlias")
    for skill_name, alias in MOVED:
        SkillAlias.objects.filter(skill__name__iexact=skill_name, alias__iexact=alias).delete()


class Migration(migrations.Migration):
    dependencies = [("skills_catalog", "0003_common_word_aliases")]

    operations = [migrations.RunPython(remove_activity_aliases, migrations.RunPython.noop)]
