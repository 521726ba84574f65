"""Issue 11, a stated job title the catalog has no profile for: a bank teller whose cash handling and point of sale
fit Bartender, or a school counsellor whose crisis intervention fits Social Worker, is told no role rather than
another occupation's; a title of the best-fit role's occupation, or of a specialty of it, keeps the role."""

from types import SimpleNamespace

import pytest

from skills_catalog.files import read_default_catalog
from skills_catalog.job_titles import (
    INDEX_PATH,
    build_title_index,
    normalise_title,
    read_title_index,
    role_occupations,
    stated_occupations,
    title_occupations,
    write_title_index,
)
from skills_catalog.matcher import matcher_from_rows
from skills_catalog.roles import STRONG_FIT, RoleEntry, title_conflict

from . import pdfs, resume_layouts


@pytest.fixture(scope="module")
def matcher():
    skills, roles = read_default_catalog()
    return matcher_from_rows(skills, roles)


def analyse_pdf(pdf, matcher, **options):
    from analyses.pipeline.analyse import AnalysisOptions, analyse

    return analyse(pdf, matcher, AnalysisOptions(**options))


def _analyse(lines, matcher, **options):
    return analyse_pdf(pdfs.make_pdf([lines]), matcher, **options)


TELLER = [
    "Jordan Blake",
    "Bank Teller",
    "jordan@example.com | (555) 201-4471",
    "Experience",
    "Bank Teller | Harbor Community Bank, 2024 - Present",
    "- Processed deposits, withdrawals and cashier's checks for 120 customers a day",
    "- Balanced the cash drawer at close with no variances",
    "Education",
    "High School Diploma, Eastside High School, 2023",
    "Skills",
    "Cash Handling, Teller Operations, Anti-Money Laundering, Point of Sale, Customer Service",
]
COUNSELLOR = [
    "Avery Lee",
    "School Counselor",
    "avery@example.com | (555) 310-2290",
    "Experience",
    "School Counselor, Lincoln High School, 2019 - Present",
    "- Advised 400 students on course planning and college applications",
    "- Led crisis response with families and staff",
    "Education",
    "M.Ed. School Counseling, Riverbend University, 2019",
    "Skills",
    "Academic Advising, College Readiness, Counseling, Crisis Intervention, Student Support, FERPA",
]


@pytest.mark.parametrize("lines", [TELLER, COUNSELLOR], ids=["bank teller", "school counsellor"])
def test_a_stated_title_without_a_profile_names_no_other_occupation(lines, matcher):
    report = _analyse(lines, matcher)
    source = report.details["missing_keywords_source"]
    assert source["type"] == "none" and source["closest_role"]
    assert report.missing_keywords == []
    assert source["closest_role"] not in report.summary_text
    assert "Fits" not in report.summary_text and "role" not in report.summary_text
    # Still a summary written for this person: their own stated skills, then the fixes.
    assert "Cash Handling" in report.summary_text or "Counseling" in report.summary_text


def test_a_job_ad_keeps_its_keywords_but_the_summary_names_no_other_occupation(matcher):
    report = _analyse(TELLER, matcher, job_description="Wanted: bartender with mixology and wine knowledge.")
    assert report.details["missing_keywords_source"]["type"] == "job_description"
    assert "Fits" not in report.summary_text


def test_a_target_role_is_still_measured(matcher):
    report = _analyse(TELLER, matcher, target_role="Retail Sales Associate")
    assert report.details["missing_keywords_source"] == {"type": "target_role", "role": "Retail Sales Associate"}


ICU_NURSE = [
    "Sam Ortiz",
    "ICU Nurse",
    "sam@example.com | (555) 118-0042",
    "Experience",
    "ICU Nurse, Mercy Hospital, 2018 - Present",
    "- Cared for four critically ill patients a shift",
    "Education",
    "BSN, Riverbend University, 2018",
    "Skills",
    "Nursing, Patient Assessment, Critical Care, ACLS, BLS, IV Therapy, Medication Administration",
]
LINE_COOK = [
    "Kim Park",
    "Line Cook",
    "kim@example.com | (555) 772-1903",
    "Experience",
    "Line Cook, Bistro Nine, 2020 - Present",
    "- Prepared 200 covers a night on the grill station",
    "Education",
    "Culinary Arts Certificate, Metro College, 2019",
    "Skills",
    "Cooking, Food Safety, Food Preparation, Knife Skills, Menu Planning, Grilling",
]


@pytest.mark.parametrize(
    ("lines", "role"),
    [(ICU_NURSE, "Registered Nurse"), (LINE_COOK, "Line Cook")],
    ids=["a specialty of the role's occupation", "the role's own occupation"],
)
def test_a_title_of_the_roles_occupation_keeps_the_role(lines, role, matcher):
    report = _analyse(lines, matcher)
    assert report.details["missing_keywords_source"] == {"type": "best_fit_role", "role": role}
    assert report.missing_keywords
    assert f"Fits a {role} role" in report.summary_text


# Roles of a small catalog, by O*NET occupation through the shipped title index: Bartender 35-3011, Social Worker
# 21-1021 (Child, Family, and School Social Workers), Chef 35-1011, which O*NET ranks closest to Cooks, Restaurant.
BARTENDER = RoleEntry("Bartender", (), {"Cash Handling": 3, "Point of Sale": 3, "Mixology": 5})
CHEF = RoleEntry("Chef", (), {"Cooking": 5, "Menu Planning": 4, "Food Safety": 3})
SOCIAL_WORKER = RoleEntry("Social Worker", (), {"Case Management": 5, "Counseling": 4})
ROLES = SimpleNamespace(roles=[BARTENDER, CHEF, SOCIAL_WORKER])


def test_a_weak_fit_against_a_stated_title_of_another_occupation_conflicts():
    assert title_conflict(ROLES, BARTENDER, {"Cash Handling"}, ["Jordan Blake", "Bank Teller"])


def test_no_conflict_without_a_known_title_or_with_a_related_one():
    assert not title_conflict(ROLES, BARTENDER, {"Cash Handling"}, ["Jordan Blake", "Friendly person"])
    assert not title_conflict(ROLES, BARTENDER, {"Cash Handling"}, ["Bartender | The Anchor Pub"])
    # Cooks, Restaurant is among the occupations O*NET ranks closest to Chefs and Head Cooks.
    assert not title_conflict(ROLES, CHEF, {"Food Safety"}, ["Line Cook"])


def test_a_headline_that_also_names_the_role_keeps_it():
    retail = RoleEntry("Retail Sales Associate", (), {"Visual Merchandising": 5, "Cash Handling": 2})
    roles = SimpleNamespace(roles=[BARTENDER, retail])
    assert title_conflict(roles, retail, {"Cash Handling"}, ["Bank Teller", "Harbor Bank, 2022 - 2025"])
    assert not title_conflict(roles, retail, {"Cash Handling"}, ["Bank Teller | Retail Sales Associate"])


def test_a_title_a_profile_covers_is_left_to_best_role():
    """The stated occupation has a profile of its own: choosing between profiles is not this rule's job."""
    teller = RoleEntry("Bank Teller", (), {"Teller Operations": 5, "Cash Handling": 3})
    roles = SimpleNamespace(roles=[BARTENDER, teller])
    assert not title_conflict(roles, BARTENDER, {"Cash Handling"}, ["Bank Teller"])


def test_a_strong_fit_outweighs_the_stated_title():
    found = {"Cash Handling", "Point of Sale", "Mixology"}
    assert title_conflict(ROLES, BARTENDER, {"Cash Handling"}, ["Bank Teller"])
    assert not title_conflict(ROLES, BARTENDER, found, ["Bank Teller"])
    assert STRONG_FIT < 1


def test_the_stated_title_is_the_headline_or_the_first_title_line():
    assert stated_occupations(["Jordan Blake", "Bank Teller", "jordan@example.com"]) == {"43-3071"}
    assert stated_occupations(["School Counselor, Lincoln High School, 2019 - Present"]) == {"21-1012"}
    assert stated_occupations(["Senior Bank Teller | Harbor Bank"]) == {"43-3071"}
    assert stated_occupations(["2019 - 2024 ICU Nurse — Mercy Hospital"]) == {"29-1141"}
    assert stated_occupations(["Experience", "Bartender"]) == {"35-3011"}
    # A one-word title inside a longer line is an ordinary word ("Server racks", "Cook County").
    assert stated_occupations(["Bartender, The Anchor"]) == frozenset()
    assert stated_occupations(["Cash Handling, Point of Sale", "Friendly and punctual"]) == frozenset()
    # O*NET lists "Management" (a military title) and "PA"; alone on a line they are a field and a state.
    assert title_occupations("Management") and title_occupations("PA")
    assert stated_occupations(["Management", "PA", "Bank Teller"]) == {"43-3071"}


def test_a_stage_of_study_states_no_occupation():
    """A student's headline says what they study for; the job below it (a teaching assistant's) is a student job."""
    assert title_occupations("Graduate Student")  # O*NET reports it for postsecondary teaching assistants
    assert stated_occupations(["Graduate Student", "Teaching Assistant, Hillcrest University"]) == frozenset()
    assert stated_occupations(["Software Engineering Intern | Acme", "Bank Teller"]) == frozenset()


def test_the_shipped_index_names_occupations_and_stays_small():
    assert title_occupations("Bank Teller") == {"43-3071"}
    assert title_occupations("icu nurse") == {"29-1141"}  # 29-1141.03 Critical Care Nurses: a Registered Nurse
    assert title_occupations("Intensive Care Unit Nurse") == {"29-1141"}
    assert len(title_occupations("Teacher")) > 1
    assert role_occupations(RoleEntry("Registered Nurse", (), {})) == {"29-1141"}
    assert INDEX_PATH.stat().st_size < 400_000
    # O*NET spells the American way; the British spelling of a title names the same occupation.
    assert title_occupations("School Counsellor") == title_occupations("School Counselor") == {"21-1012"}
    assert title_occupations("Paediatric Nurse") == title_occupations("Pediatric Nurse")


ONET_FILES = {
    "Occupation Data.txt": "O*NET-SOC Code\tTitle\tDescription\n43-3071.00\tTellers\tx\n35-3011.00\tBartenders\tx\n",
    "Alternate Titles.txt": (
        "O*NET-SOC Code\tAlternate Title\tShort Title\tSource(s)\n"
        "43-3071.00\tBank Teller\tn/a\t02\n"
        "43-3071.00\tHead Teller (Head Bank Teller)\tHead Teller\t02\n"
        "43-3071.00\tTeller of the First National Savings Bank Branch\tn/a\t02\n"
        "35-3011.00\tHead Teller\tn/a\t02\n"
        "21-1012.00\tGuidance Counselor\tn/a\t02\n"
    ),
    "Sample of Reported Titles.txt": (
        "O*NET-SOC Code\tReported Job Title\tShown in My Next Move\n35-3011.02\tMixologist\tY\n"
    ),
    "Related Occupations.txt": (
        "O*NET-SOC Code\tRelated O*NET-SOC Code\tRelatedness Tier\tIndex\n"
        "43-3071.00\t35-3011.00\tPrimary-Short\t1\n43-3071.00\t35-9011.00\tPrimary-Long\t2\n"
    ),
}


def test_the_index_is_built_from_onet_titles(tmp_path):
    for name, text in ONET_FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    index = build_title_index(tmp_path, [{"name": "Drinks Lead", "onet_soc": "35-3011.00"}])
    write_title_index(index, tmp_path / "titles.json.gz")
    titles, related = read_title_index(tmp_path / "titles.json.gz")
    assert titles["bank teller"] == {"43-3071"}
    assert titles["head bank teller"] == {"43-3071"}  # the parenthesis is a title of its own
    assert titles["head teller"] == {"43-3071", "35-3011"}  # named by two occupations: both kept
    assert titles["mixologist"] == {"35-3011"}  # a detailed occupation is its SOC occupation
    assert titles["drinks lead"] == {"35-3011"}
    assert titles["guidance counselor"] == titles["guidance counsellor"] == {"21-1012"}  # and its British spelling
    assert "teller of the first national savings bank branch" not in titles  # longer than five words
    assert related == {"43-3071": {"35-3011"}}  # the closest tier only
    assert normalise_title("Teller, Bank (Head)") == "teller bank head"


def test_every_derived_role_maps_to_its_own_occupation():
    """The index holds each derived role's name with the code roles_onet.json records; a new derived role needs
    `manage.py build_title_index` rerun, and this fails until it is."""
    _, roles = read_default_catalog()
    derived = [role for role in roles if role.get("onet_soc")]
    assert derived
    stale = [role["name"] for role in derived if title_occupations(role["name"]) != {role["onet_soc"][:7]}]
    assert not stale, f"rerun manage.py build_title_index for: {stale}"


@pytest.mark.parametrize("layout", resume_layouts.LAYOUTS)
def test_the_stated_title_is_read_in_every_layout(layout, matcher):
    """Tables, columns and sidebars move the headline and the first job: the decision must not move with them."""
    variant = resume_layouts.LAYOUTS.index(layout)

    def source(title, employer_line, skills):
        resume = resume_layouts.Resume(
            title.lower(),
            "Robin Okafor",
            title,
            f"{title} with six years of steady, careful work.",
            [(employer_line, ["Served 120 people a day"])],
            ["Diploma, Eastfield Community College, 2014"],
            skills,
        )
        return analyse_pdf(resume_layouts.render(resume, layout, variant), matcher).details["missing_keywords_source"]

    teller = source(
        "Bank Teller",
        "Bank Teller, Harbor Community Bank, 2022 - 2025",
        ["Cash Handling", "Teller Operations", "Anti-Money Laundering", "Point of Sale", "Customer Service"],
    )
    nurse = source(
        "ICU Nurse",
        "ICU Nurse, Mercy Hospital, 2018 - 2025",
        ["Nursing", "Patient Assessment", "Critical Care", "ACLS", "BLS", "IV Therapy"],
    )
    assert teller["type"] == "none", teller
    assert nurse == {"type": "best_fit_role", "role": "Registered Nurse"}
