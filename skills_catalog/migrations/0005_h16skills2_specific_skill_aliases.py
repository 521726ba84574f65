"""Issue 11, class "alias shadowing a more specific skill": the loader keeps one skill per alias, so aliases such as
"GTAW" (on Welding) or "reach truck" (on Forklift Operation) kept the more specific skills added later (Gas Tungsten
Arc Welding, Reach Truck Operation) from ever being found by them. The shipped catalog moved them; databases loaded
before keep the old rows: remove exactly those (skill, alias) pairs, and the next `load_default_catalog` gives each
alias to the skill it names. Nothing else is touched."""

from django.db import migrations

MOVED = [
    ("Welding", "GTAW"),
    ("Welding", "TIG welding"),
    ("Welding", "GMAW"),
    ("Welding", "MIG welding"),
    ("Welding", "SMAW"),
    ("Welding", "stick welding"),
    ("Welding", "welding inspection"),
    ("HVAC Installation", "EPA 608"),
    ("Delivery Driving", "CDL"),
    ("Delivery Driving", "CDL Class A"),
    ("Freight Forwarding", "LTL"),
    ("Freight Forwarding", "FTL"),
    ("Freight Forwarding", "truckload"),
    ("Freight Forwarding", "freight brokerage"),
    ("Trauma Care", "TNCC"),
    ("HR Compliance", "E-Verify"),
    ("HR Compliance", "I-9"),
    ("Interviewing", "structured interviews"),
    ("Interviewing", "behavioral interviewing"),
    ("Forklift Operation", "reach truck"),
    ("Forklift Operation", "pallet jack"),
    ("Non-Destructive Testing", "magnetic particle testing"),
    ("Non-Destructive Testing", "dye penetrant"),
    ("BIM", "BIM 360"),
    ("NEC", "NFPA 70E"),
    ("Environmental Engineering", "water treatment"),
    ("Debugging", "debugger"),
    ("Food Safety", "food handler"),
]


def remove_shadowing_aliases(apps, schema_editor):
    SkillAlias = apps.get_model("skills_catalog", "SkillAlias")
    for skill_name, alias in MOVED:
        SkillAlias.objects.filter(skill__name__iexact=skill_name, alias__iexact=alias).delete()


class Migration(migrations.Migration):
    dependencies = [("skills_catalog", "0004_soft_activity_aliases")]

    operations = [migrations.RunPython(remove_shadowing_aliases, migrations.RunPython.noop)]
