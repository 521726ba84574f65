"""Issue 11, class "quality stated as an adjective": "customer-focused", "customer-centric", "client-focused" state
Customer Focus (a quality of the person), not Customer Service (the job of serving customers); the shipped catalog
moved them. Databases loaded before keep the old rows: remove exactly those (skill, alias) pairs, and the next
`load_default_catalog` gives each alias to Customer Focus. Nothing else is touched."""

from django.db import migrations

MOVED = [
    ("Customer Service", "customer-focused"),
    ("Customer Service", "customer focused"),
    ("Customer Service", "customer-centric"),
    ("Customer Service", "client-focused"),
]


def remove_moved_aliases(apps, schema_editor):
    SkillAlias = apps.get_model("skills_catalog", "SkillAlias")
    for skill_name, alias in MOVED:
        SkillAlias.objects.filter(skill__name__iexact=skill_name, alias__iexact=alias).delete()


class Migration(migrations.Migration):
    dependencies = [("skills_catalog", "0005_specific_skill_aliases")]

    operations = [migrations.RunPython(remove_moved_aliases, migrations.RunPython.noop)]
