"""The summary is written for this person: the role the resume fits (or targets), its strongest stated evidence and
the two fixes that would raise its score most, in words that fit the profession. Nine professions."""

import dataclasses
import re

import pytest

from analyses.pipeline.analyse import AnalysisOptions, analyse

from . import resume_layouts

ROLES = {
    "nursing": "Registered Nurse",
    "teaching": "Teacher",
    "culinary": "Chef",
    "accounting": "Accountant",
    "software": "Backend Developer",
    "civil engineering": "Civil Engineer",
    "sales": "Sales Representative",
    "human resources": "HR Specialist",
    "data": "Data Analyst",
}
UNITS = {"nursing": "patients", "teaching": "class sizes", "sales": "revenue", "accounting": "accounts, days to close"}
CASES = list(enumerate(resume_layouts.PROFESSIONS))


@pytest.fixture(scope="module")
def matcher(shipped_matcher):
    return shipped_matcher


def _cited(summary):
    """The skills the first sentence cites after "it states" / "among them"."""
    match = re.search(r"(?:it states|among them) (.+?)[;.]", summary)
    if not match:
        return []
    listed = match.group(1)
    # With the serial comma ("A, Shipping and Receiving, and C") only commas separate the names.
    return [name.strip() for name in re.split(r",(?: and)? " if ", and " in listed else r", | and ", listed)]


@pytest.mark.parametrize(("variant", "resume"), CASES, ids=[resume.profession for _, resume in CASES])
def test_the_summary_names_the_role_and_cites_only_stated_skills(matcher, variant, resume):
    report = analyse(resume_layouts.render(resume, "two_column", variant), matcher)
    summary = report.summary_text
    assert f" {ROLES[resume.profession]} role" in summary
    cited = _cited(summary)
    assert cited and set(cited) <= set(report.technical_skills + report.soft_skills)
    assert "set the page in one column" in summary  # the fix worth most points comes first
    assert "technical background" not in summary


@pytest.mark.parametrize("profession", sorted(UNITS))
def test_the_fixes_are_worded_for_the_profession(matcher, profession):
    variant, resume = next((index, item) for index, item in CASES if item.profession == profession)
    unquantified = [
        (title, [re.sub(r"[\d$%]+", "several", bullet) for bullet in bullets]) for title, bullets in resume.jobs
    ]
    resume = dataclasses.replace(resume, jobs=unquantified)
    summary = analyse(resume_layouts.render(resume, "single", variant), matcher).summary_text
    assert f"put numbers on your results ({UNITS[profession]}" in summary


def test_a_target_role_is_named_as_the_target(matcher):
    resume = resume_layouts.PROFESSIONS[0]
    options = AnalysisOptions(target_role="Medical Assistant")
    summary = analyse(resume_layouts.render(resume, "single", 0), matcher, options).summary_text
    assert summary.startswith("For the Medical Assistant role you target")


def test_two_resumes_of_different_professions_never_share_a_summary(matcher):
    summaries = {
        analyse(resume_layouts.render(resume, "single", index), matcher).summary_text for index, resume in CASES
    }
    assert len(summaries) == len(CASES)


def test_the_two_fixes_are_the_ones_worth_most_points_not_the_first_listed(matcher):
    # "No email found" is listed first (as severe, checked first), but one column wins more points: an ATS reading
    # risk costs 10 on top of its category.
    resume = dataclasses.replace(resume_layouts.PROFESSIONS[1], email="on request")
    report = analyse(resume_layouts.render(resume, "two_column", 1), matcher)
    assert report.formatting_issues[0] == "No email found"
    assert "To raise the score most: set the page in one column, and add your email address." in report.summary_text


def every_finding_code():
    """Every code a Finding is built with anywhere in the pipeline, read from the source so a new check cannot be
    forgotten here."""
    from pathlib import Path

    pipeline = Path(__file__).resolve().parent.parent / "analyses" / "pipeline"
    codes = set()
    for module in pipeline.glob("*.py"):
        codes |= set(re.findall(r'Finding\(\s*"([a-z_]+)"', module.read_text()))
    return codes | {f"no_{kind}_section" for kind in ("experience", "education", "skills")}


def test_every_finding_has_a_fix_worded_as_an_instruction():
    from analyses.pipeline.scoring import FIXES

    codes = every_finding_code()
    assert {"no_email", "ocr_text", "text_boxes", "tables"} <= codes  # the source scan itself works
    assert sorted(codes - FIXES.keys()) == []


def test_every_shipped_role_is_worded_for_its_profession():
    from analyses.pipeline.scoring import DEFAULT_PROFESSION_WORDS, _profession_words
    from skills_catalog.files import read_default_catalog

    _, roles = read_default_catalog()
    assert len(roles) > 50
    generic = sorted(role["name"] for role in roles if _profession_words(role["name"]) == DEFAULT_PROFESSION_WORDS)
    assert generic == []


@pytest.mark.parametrize(
    ("role", "units"),
    [
        ("Medical Billing Specialist", "accounts"),  # billing before the broader medical family
        ("Customer Service Representative", "calls"),  # not "revenue, quota" of sales
        ("Data Analyst", "reports"),  # not the developers' "latency, uptime"
        ("Compliance Officer", "audits passed"),
        ("Electrician", "jobs completed"),
        ("Site Reliability Engineer", "users, latency"),
    ],
)
def test_narrow_families_win_over_broad_ones(role, units):
    from analyses.pipeline.scoring import _profession_words

    assert _profession_words(role)[0].startswith(units)


def test_the_strongest_evidence_is_technical_and_names_with_and_keep_their_meaning():
    from analyses.pipeline.scoring import summary_text

    role = {
        "name": "Logistics Coordinator",
        "coverage": 0.5,
        "target": False,
        "evidence": ["Leadership", "Inventory Management", "Shipping and Receiving", "Route Planning"],
    }
    technical = ["Inventory Management", "Shipping and Receiving", "Route Planning"]
    summary = summary_text(technical, ["Leadership"], [], {}, {}, role)
    assert summary.startswith(
        "Fits a Logistics Coordinator role: it states Inventory Management, Shipping and Receiving, and Route Planning."
    )
    assert _cited(summary) == technical
    # A soft skill fills in when too few technical ones are stated.
    assert "it states Inventory Management and Leadership." in summary_text(
        ["Inventory Management"], ["Leadership"], [], {}, {}, role
    )


def test_a_role_is_named_as_the_fit_only_on_two_stated_skills_of_it():
    from analyses.pipeline.scoring import summary_text

    baker = {"name": "Baker", "coverage": 0.25, "target": False, "evidence": ["Baking", "Food Safety"]}
    one = summary_text(["Python", "Baking", "LaTeX", "MATLAB"], [], [], {}, {}, baker)
    assert "Baker" not in one
    assert one.startswith("It states 4 skills, among them Python, Baking and LaTeX.")
    two = summary_text(["Baking", "Food Safety"], [], [], {}, {}, baker)
    assert two.startswith("Fits a Baker role: it states Food Safety and Baking.")  # its own name last
    # The same role as the target is named on any evidence; few skills are listed without "among them".
    assert summary_text(["Baking"], [], [], {}, {}, {**baker, "target": True}).startswith(
        "For the Baker role you target: it states Baking."
    )
    assert summary_text(["Sed", "Customer Service"], [], [], {}, {}, None).startswith(
        "It states Sed and Customer Service."
    )


@pytest.mark.parametrize(
    ("role", "own_name", "evidence"),
    [
        ("Registered Nurse", "Nursing", "Patient Care"),
        ("Accountant", "Accounting", "GAAP"),
        ("Civil Engineer", "Civil Engineering", "Structural Analysis"),
        ("Welder", "Welding", "Blueprint Reading"),
        ("Project Manager", "Project Management", "Risk Management"),
    ],
)
def test_the_roles_own_name_is_not_cited_as_its_evidence(role, own_name, evidence):
    from analyses.pipeline.scoring import summary_text

    summary = summary_text(
        [own_name, evidence, "Excel"], [], [], {}, {}, {"name": role, "coverage": 0.4, "evidence": [own_name, evidence]}
    )
    assert summary.startswith(f"Fits {'an' if role[0] in 'AE' else 'a'} {role} role: it states {evidence} and")
    assert _cited(summary) == [evidence, own_name]  # still cited, last, when little else is stated


def test_columns_and_a_table_with_one_remedy_make_one_fix_and_leave_room_for_the_next():
    from analyses.pipeline.findings import Finding
    from analyses.pipeline.scoring import category_scores, score_gains, summary_text

    findings = [
        Finding("multi_column", "high", "layout", "Multiple columns", ""),
        Finding("tables", "high", "layout", "Tables found", ""),
        Finding("margins_too_narrow", "medium", "layout", "Margins too narrow", ""),
    ]
    gains = score_gains(findings, 0.5, 8)
    scores = category_scores(findings, 0.5, 8)
    role = {"name": "Welder", "coverage": 0.5, "evidence": ["Blueprint Reading", "Fabrication"]}
    summary = summary_text(["Blueprint Reading", "Fabrication"], [], findings, scores, {}, role, gains)
    assert summary.endswith(
        "To raise the score most: set the page in one column, with plain headings and lines instead of tables, "
        "and widen the margins to at least 0.5 in."
    )


def test_legal_roles_count_their_own_results():
    from analyses.pipeline.scoring import _profession_words

    assert _profession_words("Paralegal")[0].startswith("cases, filings")
    assert _profession_words("Legal Counsel")[0].startswith("cases, filings")


def _first_sentence(summary):
    return summary.split(". ")[0]


@pytest.mark.parametrize(("variant", "resume"), CASES, ids=[resume.profession for _, resume in CASES])
def test_a_job_ad_of_generic_words_does_not_change_the_evidence_cited(matcher, variant, resume):
    # Class: a job ad shares the resume's generic words ("Inventory Management", "Communication"); with an ad, the
    # summary still names the role the resume fits and its most specific stated skills for it.
    pdf = resume_layouts.render(resume, "single", variant)
    plain = analyse(pdf, matcher)
    ad = "We need someone with inventory management, customer service, communication, teamwork and Excel skills."
    with_ad = analyse(pdf, matcher, AnalysisOptions(job_description=ad))
    assert with_ad.details["missing_keywords_source"]["type"] == "job_description"
    assert f" {ROLES[resume.profession]} role" in with_ad.summary_text
    assert _first_sentence(with_ad.summary_text) == _first_sentence(plain.summary_text)
    assert set(_cited(with_ad.summary_text)) <= set(with_ad.technical_skills + with_ad.soft_skills)


def test_a_target_role_with_a_job_ad_is_still_named_as_the_target(matcher):
    resume = resume_layouts.PROFESSIONS[0]
    options = AnalysisOptions(target_role="Medical Assistant", job_description="Vital signs, phlebotomy, EHR.")
    summary = analyse(resume_layouts.render(resume, "single", 0), matcher, options).summary_text
    assert summary.startswith("For the Medical Assistant role you target: it states")


def test_the_strongest_evidence_is_the_most_specific_to_the_role_not_the_most_shared():
    from skills_catalog.roles import RoleEntry, role_evidence

    pastry = RoleEntry(
        "Pastry Chef", (), {"Pastry": 5, "Inventory Management": 5, "Banquets": 3, "Lamination": 3, "Food Safety": 4}
    )
    others = [
        RoleEntry(f"Other {n}", (), {"Inventory Management": 4, "Banquets": 2, "Food Safety": 3}) for n in range(20)
    ]
    found = ["Banquets", "Inventory Management", "Food Safety", "Lamination", "Pastry", "Python"]
    evidence = role_evidence([pastry, *others], pastry, found)
    assert evidence[:2] == ["Pastry", "Lamination"]  # heavy and specific first; shared words, however heavy, after
    assert set(evidence) == set(found) - {"Python"}  # only the role's skills, only those the resume states
    assert evidence.index("Inventory Management") < evidence.index("Banquets")  # weight still counts among equals
