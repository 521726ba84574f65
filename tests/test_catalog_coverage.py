"""Catalog coverage beyond software (issue 11): the trade, logistics, legal, kitchen, nursing, recruiting and
compliance names of skills_catalog/data/skills_coverage_*.json, matched by the shipped catalog."""

import json

import pytest

from skills_catalog.engine import Line
from skills_catalog.files import DEFAULT_DATA_DIR

from .catalog_files import run_data_migration


@pytest.fixture(scope="module")
def matcher(shipped_matcher):
    return shipped_matcher


def found(matcher, text, section="experience"):
    return set(matcher.match([Line(page=1, text=text, section=section)]).names())


def _forms(row):
    return [row["name"], *row.get("aliases", ())]


def test_no_coverage_form_is_taken_by_another_skill():
    """The loader skips an alias another skill already has, so a collision would silently lose the form."""
    coverage, others = {}, {}
    for path in sorted(DEFAULT_DATA_DIR.glob("skills_*.json")):
        target = coverage if path.name.startswith("skills_coverage_") else others
        for row in json.loads(path.read_text(encoding="utf-8")):
            for form in [*_forms(row), *row.get("implied_by", ())]:
                target.setdefault(form.lower(), []).append(row["name"])
    assert coverage, "no skills_coverage_*.json file was read"
    taken = {form: names for form, names in coverage.items() if form in others or len(names) > 1}
    assert taken == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Qualified to AWS D1.1 in all positions, Gas Tungsten Arc Welding on stainless", {"AWS D1.1"}),
        ("Root passes by Gas Tungsten Arc Welding on stainless pipe", {"Gas Tungsten Arc Welding"}),
        ("Holds a TWIC card and a Hazmat Endorsement", {"TWIC", "Hazmat Endorsement"}),
        ("Planned loads in McLeod LoadMaster and posted trucks on the DAT Load Board", {"McLeod LoadMaster"}),
        ("Tracked Hours of Service on Electronic Logging Devices", {"Hours of Service", "Electronic Logging Devices"}),
        ("Cite checking of appellate briefs; e-filed through CM/ECF and PACER", {"Cite Checking", "CM/ECF", "PACER"}),
        ("Prepared the schedule of values and collected lien waivers", {"Schedule of Values", "Lien Waivers"}),
        ("Set up mise en place for a 120-cover service", {"Mise en Place"}),
        ("Certifications: PCCN, BLS, ACLS", {"PCCN"}),
        ("Sourced candidates in Bullhorn and ran structured interviewing", {"Bullhorn", "Structured Interviewing"}),
        ("Certified Anti-Money Laundering Specialist (CAMS)", {"CAMS"}),
        ("Sized systems with Manual J and installed ductless mini-splits", {"Manual J", "Ductless Mini-Splits"}),
        (
            "Handled grounding and bonding and wire pulling on a new motor control center",
            {"Grounding and Bonding", "Cable Pulling", "Motor Control Center"},
        ),
        (
            "Tested controls against the COSO framework and FCPA; filed FATCA reports",
            {"COSO Framework", "FCPA", "FATCA"},
        ),
        (
            "Scored patients on the Braden Scale and the Glasgow Coma Scale; handoffs in SBAR",
            {"Braden Scale", "Glasgow Coma Scale", "SBAR"},
        ),
        ("Filled prescriptions in PioneerRx and QS/1", {"PioneerRx", "QS/1"}),
        ("Sterile work under USP 800", {"Compounding"}),
        ("Placed learners on CEFR levels", {"CEFR"}),
        ("Ran the books in Sage 300 and MAS 90", {"Sage 300 Construction and Real Estate", "MAS 90 ERP"}),
    ],
)
def test_trade_and_domain_names_are_found(matcher, text, expected):
    assert expected <= found(matcher, text)


@pytest.mark.parametrize(
    ("text", "not_expected"),
    [
        ("Indeed, the team doubled in a year", "Indeed"),
        ("Grinding through a backlog of tickets", "Grinding"),
        ("Led the discovery of a leak in the main line", "Discovery"),
        ("Hiring froze for a quarter", "Hiring"),
    ],
)
def test_everyday_words_of_the_new_families_are_not_skills_in_prose(matcher, text, not_expected):
    assert not_expected not in found(matcher, text, section="summary")


def test_everyday_words_of_the_new_families_count_in_a_skills_list(matcher):
    assert {"Indeed", "Bullhorn"} <= found(matcher, "Indeed, Bullhorn, LinkedIn Recruiter", section="skills")


def test_an_acronym_two_trades_share_keeps_its_catalog_meaning(matcher):
    """EMT is the emergency medical technician's in the catalog; the electrician's tubing needs its longer name."""
    assert "Electrical Metallic Tubing" not in found(matcher, "EMT, CPR and BLS certified")
    assert "Electrical Metallic Tubing" in found(matcher, "Ran EMT conduit through the warehouse")


def test_welding_test_positions_are_not_cellular_networks(matcher):
    """ "3G" and "4G" were aliases of LTE: a welder's "(3G/4G)" certification positions read as a telecom skill."""
    assert "LTE" not in found(matcher, "Certifications: AWS D1.1 Structural (3G/4G), OSHA 10", section="skills")
    assert "LTE" in found(matcher, "Tuned 4G LTE base stations", section="experience")


def test_an_activity_or_a_document_only_implies_the_skill(matcher):
    assert "Customer Needs Analysis" not in found(matcher, "Ran discovery calls and product demos for buyers")
    assert "Technical Drawing" not in found(matcher, "Read shop drawings and weld symbols")
    assert "Mechanical Systems" not in found(matcher, "Coordinated MEP clashes from the Revit model")


@pytest.mark.django_db
def test_the_migration_removes_the_non_synonym_aliases_of_an_earlier_load():

    from skills_catalog.models import Skill, SkillAlias, Tombstone

    lte = Skill.objects.create(name="LTE")
    for alias in ("3G", "4G", "4G LTE"):
        SkillAlias.objects.create(skill=lte, alias=alias)
    run_data_migration("0008_non_synonym_aliases", "remove_aliases")
    assert list(SkillAlias.objects.values_list("alias", flat=True)) == ["4G LTE"]
    assert not Tombstone.objects.exists()
