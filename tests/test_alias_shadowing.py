"""Issue 11, class "alias shadowing a more specific skill": an alias belongs to the skill it is a synonym of. The
loader keeps one skill per alias, so an abbreviation left on a broad skill ("GTAW" on Welding) hides the specific
skill it names (Gas Tungsten Arc Welding) for good; a phrase that names a skill cannot merely imply another."""

import pytest

from skills_catalog.audit import shadowing_aliases
from skills_catalog.engine import Line
from skills_catalog.files import read_default_catalog
from skills_catalog.loading import load_catalog
from skills_catalog.models import Skill, SkillAlias

from .catalog_files import run_data_migration


def test_no_alias_of_the_shipped_catalog_names_another_skill():
    skills, _ = read_default_catalog()
    assert shadowing_aliases(skills) == [], "move each alias to the skill it names"


def test_no_implying_phrase_names_a_skill_of_its_own():
    """ "RF scanners" is RF Scanning, not evidence of RFID; "arc flash" is Arc Flash Safety, not the NEC."""
    skills, _ = read_default_catalog()
    names = [{"name": row["name"]} for row in skills]
    phrases = [{"name": row["name"], "aliases": list(row.get("implied_by") or ())} for row in skills]
    assert shadowing_aliases(names + phrases) == []


# The rule on rows of no catalog file.
def test_an_abbreviation_of_a_kind_of_the_skill_is_shadowing():
    rows = [{"name": "Cutting", "aliases": ["PAC"]}, {"name": "Plasma Arc Cutting"}]
    assert shadowing_aliases(rows) == [("Cutting", "PAC", "Plasma Arc Cutting")]


def test_a_name_without_its_head_noun_or_in_the_plural_is_shadowing():
    rows = [
        {"name": "Material Handling", "aliases": ["order picker", "Scissor Lifts"]},
        {"name": "Order Picker Operation"},
        {"name": "Scissor Lift"},
    ]
    assert shadowing_aliases(rows) == [
        ("Material Handling", "order picker", "Order Picker Operation"),
        ("Material Handling", "Scissor Lifts", "Scissor Lift"),
    ]


def test_unrelated_acronyms_word_order_and_spellings_are_not_shadowing():
    rows = [
        {"name": "Speech Recognition", "aliases": ["speech-to-text"]},
        {"name": "Text-to-Speech"},  # the same words the other way round is the opposite
        {"name": "Metrology", "aliases": ["CMM"]},
        {"name": "CMMS"},  # an acronym's "S" is a letter, not a plural
        {"name": "Project Portfolio Management", "aliases": ["PPM"]},
        {"name": "Pediatric Practice Management"},  # the same initials, but not a kind of the alias's skill
        {"name": "Welding", "aliases": ["welding"]},
    ]
    assert shadowing_aliases(rows) == []


@pytest.mark.parametrize(
    ("text", "expected", "not_expected"),
    [
        ("Certified in GTAW and SMAW", {"Gas Tungsten Arc Welding", "Shielded Metal Arc Welding"}, set()),
        ("Holds a CDL Class A with a clean record", {"Commercial Driver's License"}, {"Delivery Driving"}),
        ("Used pallet jacks, reach trucks", {"Reach Truck Operation", "Pallet Jack Operation"}, {"Forklift Operation"}),
        ("Picked orders with RF scanners", {"RF Scanning"}, {"RFID"}),
        ("Ran I-9 and E-Verify for all new hires", {"I-9 Verification", "E-Verify"}, set()),
        ("Quoted LTL and FTL lanes for shippers", {"LTL Shipping", "Full Truckload"}, {"Freight Forwarding"}),
        ("Completed NFPA 70E training", {"Arc Flash Safety"}, {"NEC"}),
        ("Administered blood transfusions", {"Blood Transfusion Administration"}, {"Blood Bank"}),
        ("Skills: sanitation, knife skills, menu costing", {"Kitchen Sanitation"}, {"Housekeeping"}),
        ("Led arc flash assessments for the plant", {"Arc Flash Safety"}, {"NEC"}),
    ],
)
def test_the_specific_skill_is_found_by_its_abbreviations(shipped_matcher, text, expected, not_expected):
    result = shipped_matcher.match([Line(page=1, text=text, section="experience")])
    names = set(result.names()) | set(result.inferred)
    assert expected <= names
    assert not (not_expected & names)


@pytest.mark.django_db
def test_the_migration_hands_the_aliases_of_an_earlier_load_to_the_skills_they_name():
    welding = Skill.objects.create(name="Welding")
    SkillAlias.objects.create(skill=welding, alias="GTAW")
    SkillAlias.objects.create(skill=welding, alias="arc welding")  # a synonym of Welding: stays
    run_data_migration("0005_specific_skill_aliases", "remove_shadowing_aliases")
    skills, roles = read_default_catalog()
    load_catalog(skills, roles)
    assert SkillAlias.objects.get(alias="GTAW").skill.name == "Gas Tungsten Arc Welding"
    assert SkillAlias.objects.get(alias="arc welding").skill == welding


def test_roles_expect_the_specific_skills_the_moved_aliases_now_name(shipped_matcher):
    """A welder who lists processes, a driver who lists a CDL: the role profiles count the specific skills."""
    from skills_catalog.roles import best_role

    matcher = shipped_matcher
    for text, role, specific in [
        (
            "Skills: TIG welding, MIG welding, stick welding, blueprint reading, fabrication",
            "Welder",
            {"Gas Tungsten Arc Welding", "Gas Metal Arc Welding", "Shielded Metal Arc Welding"},
        ),
        (
            "Skills: CDL Class A, route planning, bills of lading, hazmat, pre-trip inspections",
            "Truck Driver",
            {"Commercial Driver's License"},
        ),
    ]:
        found = matcher.match([Line(page=1, text=text, section="skills")]).names()
        fit = best_role(matcher, found)
        assert fit.name == role
        assert specific <= set(found) & set(fit.weights), "the profile must count the specific skills listed"


@pytest.mark.django_db
def test_a_reload_adds_the_skills_a_shipped_role_gained_and_keeps_a_curators_weights():
    from skills_catalog.models import RoleSkill

    skills, roles = read_default_catalog()
    load_catalog(skills, roles)
    welder = RoleSkill.objects.filter(role__name="Welder")
    welder.filter(skill__name="Gas Tungsten Arc Welding").delete()  # a database loaded before the profile had it
    welder.filter(skill__name="Welding").update(weight=1)  # a curator's edit
    load_catalog(skills, roles)
    assert welder.get(skill__name="Gas Tungsten Arc Welding").weight == 3
    assert welder.get(skill__name="Welding").weight == 1


def _name_key(name):
    """A name's words without a plural "s" or an "-ing" ("Valve Repairs", "Valve Repairing"); acronyms as written."""
    import re

    key = []
    for word in re.findall(r"[A-Za-z0-9+#]+", name):
        if not word.isupper() and len(word) > 5 and word.endswith("ing"):
            word = word[:-3]
        elif not word.isupper() and len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        key.append(word.lower())
    return tuple(key)


def test_no_coverage_skill_repeats_an_older_skill_under_another_grammatical_form():
    """ "Motor Controls" beside Motor Control, "Inventory Counts" beside Inventory Counting: one concept, two skills
    that split the evidence (and a role profile names only one of them)."""
    import json

    from skills_catalog.files import DEFAULT_DATA_DIR

    older, coverage = {}, []
    for path in sorted(DEFAULT_DATA_DIR.glob("skills_*.json")):
        for row in json.loads(path.read_text(encoding="utf-8")):
            if path.name.startswith("skills_coverage_"):
                coverage.append(row["name"])
            else:
                older[_name_key(row["name"])] = row["name"]
    assert [(name, older[_name_key(name)]) for name in coverage if _name_key(name) in older] == []


def test_the_rule_for_repeated_skills_on_names_of_no_catalog():
    assert _name_key("Valve Repairs") == _name_key("Valve Repair") == _name_key("Valve Repairing")
    assert _name_key("Sketch") != _name_key("Sketchup")
    assert _name_key("CAMS") != _name_key("CAM")  # an acronym's last letter is no plural


@pytest.mark.django_db
def test_the_migration_switches_off_a_repeated_skill_and_keeps_its_aliases():
    kept = Skill.objects.create(name="Motor Control")
    duplicate = Skill.objects.create(name="Motor Controls")
    SkillAlias.objects.create(skill=duplicate, alias="Motor Starters")
    run_data_migration("0005_specific_skill_aliases", "remove_shadowing_aliases")
    duplicate.refresh_from_db()
    assert not duplicate.active
    assert SkillAlias.objects.get(alias="Motor Starters").skill == kept
