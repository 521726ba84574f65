"""Issue 11, best-fit role consistency: the same resume content must get the same, sensible role whatever the
template, the order of its lines or of the catalog's roles."""

import random
from types import SimpleNamespace

import pytest

from skills_catalog.roles import RoleEntry, best_role, role_fit, skill_specificity

CHEF_SKILLS = {
    "Cooking",
    "Food Safety",
    "Food Preparation",
    "Baking",
    "Menu Planning",
    "Inventory Management",
    "Staff Scheduling",
    "Leadership",
}


@pytest.fixture(scope="module")
def matcher(shipped_matcher):
    return shipped_matcher


def test_a_chef_who_also_bakes_is_a_chef_not_a_baker(matcher):
    assert best_role(matcher, CHEF_SKILLS).name == "Chef"
    assert best_role(matcher, CHEF_SKILLS, "Sous Chef with ten years on the line").name == "Chef"


def test_a_baker_is_still_a_baker(matcher):
    assert best_role(matcher, {"Baking", "Food Preparation", "Food Safety", "Cleanliness"}).name == "Baker"


def test_the_choice_does_not_depend_on_the_order_of_the_roles():
    roles = [
        RoleEntry("Pastry Lead", (), {"Baking": 3, "Food Safety": 3}),
        RoleEntry("Bread Lead", (), {"Baking": 3, "Food Safety": 3}),
        RoleEntry("Deli Lead", (), {"Slicing": 3, "Food Safety": 3}),
    ]
    picks = set()
    for seed in range(5):
        shuffled = roles[:]
        random.Random(seed).shuffle(shuffled)
        picks.add(best_role(SimpleNamespace(roles=shuffled), {"Baking", "Food Safety"}).name)
    assert picks == {"Bread Lead"}


def test_the_title_stated_first_wins_between_close_roles():
    roles = [
        RoleEntry("Night Auditor", ("Night Audit Clerk",), {"Night Audit": 3, "Reconciliation": 3, "Opera PMS": 2}),
        RoleEntry("Front Desk Agent", ("Front Desk Clerk",), {"Check-In": 3, "Opera PMS": 3, "Reconciliation": 1}),
    ]
    found = {"Night Audit", "Opera PMS", "Reconciliation", "Check-In"}
    text = "front desk clerk\nworked nights beside the night audit clerk"
    assert best_role(SimpleNamespace(roles=roles), found, text).name == "Front Desk Agent"
    assert best_role(SimpleNamespace(roles=roles), found, "night audit clerk").name == "Night Auditor"


def _analyse(lines, matcher):
    from analyses.pipeline.analyse import analyse

    from . import pdfs

    return analyse(pdfs.make_pdf([lines]), matcher)


def test_a_stated_title_is_named_even_when_few_of_its_skills_were_found(matcher):
    """A resume whose skills cover under the pipeline's floor of a role is given no role, unless it says what it is."""
    body = [
        "Experience",
        "Northgate Builders, 2019 - 2025",
        "- Prepared quantity takeoffs for mid-rise projects",
        "Education",
        "B.S. Construction Management, 2018",
        "Skills",
        "Quantity Takeoff",
    ]
    stated = _analyse(["Dana Reyes", "Cost Estimator", "dana@example.com", *body], matcher)
    unstated = _analyse(["Dana Reyes", "dana@example.com", *body], matcher)
    assert stated.details["missing_keywords_source"] == {"type": "best_fit_role", "role": "Cost Estimator"}
    assert unstated.details["missing_keywords_source"]["type"] == "none"


# A small O*NET-style profile built from a neighbouring job's skills (the shape of O*NET 29-2043.00 Paramedics),
# added to the shipped catalog: emergency care shares BLS, ACLS, triage and IV therapy with nursing.
PARAMEDIC = RoleEntry(
    "Paramedic",
    ("Flight Paramedic", "Critical Care Paramedic", "Firefighter Paramedic"),
    {
        "Emergency Medical Services": 5,
        "Patient Assessment": 5,
        "ACLS": 4,
        "Airway Management": 4,
        "IV Therapy": 4,
        "Trauma Care": 4,
        "BLS": 3,
        "CPR": 3,
        "EKG": 3,
        "Medication Administration": 3,
        "PALS": 3,
        "Triage": 3,
        "Meditech": 3,
        "eClinicalWorks EHR": 3,
        "Clinical Documentation": 2,
        "Bulb Syringe": 1,
        "Endotracheal ET Tube": 1,
        "First Aid": 1,
        "Mechanical Stethoscope": 1,
    },
)
ER_NURSE = {
    "Nursing",
    "Patient Assessment",
    "Triage",
    "ACLS",
    "BLS",
    "PALS",
    "IV Therapy",
    "Medication Administration",
    "Trauma Care",
    "Critical Care",
}


def test_an_emergency_nurse_fits_registered_nurse_beside_a_small_paramedic_profile(matcher):
    with_paramedic = SimpleNamespace(roles=[*matcher.roles, PARAMEDIC])
    assert best_role(with_paramedic, ER_NURSE).name == "Registered Nurse"


def test_a_paramedic_fits_paramedic(matcher):
    with_paramedic = SimpleNamespace(roles=[*matcher.roles, PARAMEDIC])
    found = {"Emergency Medical Services", "Patient Assessment", "Airway Management", "ACLS", "Trauma Care", "EKG"}
    assert best_role(with_paramedic, found | {"IV Therapy", "Triage", "CPR", "BLS"}).name == "Paramedic"


def test_a_skill_few_roles_expect_outweighs_skills_many_share():
    """The small profile holds only skills every role shares, so the resume covers all of it; the role that expects
    the resume's one specific skill fits better all the same. Seven more roles make "Safety" and "Reporting"
    generic."""
    others = [RoleEntry(f"Other {n}", (), {"Safety": 3, "Reporting": 3, f"Own {n}": 5}) for n in range(7)]
    generic = RoleEntry("Site Assistant", (), {"Safety": 3, "Reporting": 3})
    crane = RoleEntry(
        "Crane Operator", (), {"Crane Operation": 5, "Safety": 3, "Reporting": 3, "Load Charts": 3, "Signalling": 3}
    )
    roles = [generic, crane, *others]
    found = {"Crane Operation", "Safety", "Reporting"}
    specificity = skill_specificity(roles)
    assert role_fit(crane, found, found, specificity) > role_fit(generic, found, found, specificity)
