"""Issue 11, "every alias a synonym": "3G" and "4G" are cellular generations and welding test positions, not LTE
("AWS D1.1 Structural (3G/4G)" gave LTE); "discovery calls" is an activity that implies Customer Needs Analysis and
"shop drawings" a document that implies Technical Drawing: both moved to the skill's `implied_by` list in the shipped
catalog, as are "direct reports" (People Management), "bug reports" (Defect Tracking), "construction drawings"
(Contract Documents) and the inbound, outbound and high-volume "calls" of a Call Center: the calls, drawings and reports
a job handles imply the skill. "MEP" (mechanical, electrical and plumbing) is three trades, not Mechanical Systems. Databases loaded before keep the old rows: remove exactly those (skill, alias) pairs. Nothing else is touched,
and no tombstone is written (this is not a curator's deletion)."""

from django.db import migrations

REMOVED = [
    ("LTE", "3G"),
    ("LTE", "4G"),
    ("Customer Needs Analysis", "discovery calls"),
    ("Technical Drawing", "shop drawings"),
    ("Mechanical Systems", "MEP"),
    ("Mechanical Systems", "mechanical electrical plumbing"),
    ("Mechanical Systems", "MEP design"),
    ("People Management", "direct reports"),
    ("Defect Tracking", "bug reports"),
    ("Contract Documents", "construction drawings"),
    ("Call Center", "inbound calls"),
    ("Call Center", "outbound calls"),
    ("Call Center", "high-volume calls"),
]


def remove_aliases(apps, schema_editor):
    SkillAlias = apps.get_model("skills_catalog", "SkillAlias")
    for skill_name, alias in REMOVED:
        SkillAlias.objects.filter(skill__name__iexact=skill_name, alias__iexact=alias).delete()


class Migration(migrations.Migration):
    dependencies = [("skills_catalog", "0007_tombstones")]

    operations = [migrations.RunPython(remove_aliases, migrations.RunPython.noop)]
