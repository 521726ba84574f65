"""Issue 11, class "alias shadowing a more specific skill": the loader keeps one skill per alias, so aliases such as
"GTAW" (on Welding) or "reach truck" (on Forklift Operation) kept the more specific skills added later (Gas Tungsten
Arc Welding, Reach Truck Operation) from ever being found by them. The shipped catalog moved them; databases loaded
before keep the old rows: remove exactly those (skill, alias) pairs, and the next `load_default_catalog` gives each
alias to the skill it names. Skills the catalog held twice under another grammatical form (Motor Controls, Inventory
Counts, Technical Drawings beside Motor Control, Inventory Counting, Technical Drawing) hand their aliases to the
older skill and are switched off. Nothing else is
touched."""

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
    ("Blood Bank", "blood transfusion"),
    ("Blood Bank", "transfusion"),
]

DUPLICATES = [
    ("Motor Controls", "Motor Control"),
    ("Inventory Counts", "Inventory Counting"),
    ("Technical Drawings", "Technical Drawing"),
]


def remove_shadowing_aliases(apps, schema_editor):
    SkillAlias = apps.get_model("skills_catalog", "SkillAlias")
    for skill_name, alias in MOVED:
        SkillAlias.objects.filter(skill__name__iexact=skill_name, alias__iexact=alias).delete()
    Skill = apps.get_model("skills_catalog", "Skill")
    for duplicate_name, kept_name in DUPLICATES:
        duplicate = Skill.objects.filter(name__iexact=duplicate_name).first()
        kept = Skill.objects.filter(name__iexact=kept_name).first()
        if duplicate is None or kept is None:
            continue
        duplicate.aliases.update(skill=kept)
        duplicate.active = False
        duplicate.save(update_fields=["active"])


class Migration(migrations.Migration):
    dependencies = [("skills_catalog", "0004_soft_activity_aliases")]

    operations = [migrations.RunPython(remove_shadowing_aliases, migrations.RunPython.noop)]
