"""Every profession gets a role and missing keywords (issue 11): supervisors, trades, care and service workers that
no profile covered got an empty `missing_keywords` ("a warehouse supervisor fits no role profile"). The resumes are
written here and rendered with PyMuPDF."""

import pytest

from analyses.pipeline.analyse import analyse

from . import resume_layouts
from .resume_layouts import Resume


def _resume(title, employer_line, bullets, skills):
    return Resume(
        title.lower(),
        "Robin Okafor",
        title,
        f"{title} with nine years on the floor and a record of safe, steady shifts.",
        [(employer_line, bullets)],
        ["Diploma, Eastfield Community College, 2014"],
        skills,
    )


CASES = {
    "Warehouse Supervisor": (
        _resume(
            "Warehouse Supervisor",
            "Warehouse Supervisor, Northgate Distribution, 2019 - 2025",
            [
                "Supervised 22 associates across two shifts in a 180,000 sq ft cross-dock",
                "Cut mis-picks by 30% by retraining pickers on RF scanning",
            ],
            ["Shipping and Receiving", "Warehouse Management", "Forklift Operation", "Staff Scheduling", "OSHA"],
        ),
        {"Warehouse Supervisor", "Logistics Manager", "Logistics Coordinator", "Warehouse Associate"},
    ),
    "Security Officer": (
        _resume(
            "Security Officer",
            "Security Officer, Harbourside Mall, 2017 - 2025",
            [
                "Patrolled a 60-store mall and wrote 120 incident reports a year",
                "Calmed disputes between shoppers before police were needed",
            ],
            ["Physical Security", "Loss Prevention", "First Aid", "CPR", "Conflict Resolution"],
        ),
        {"Security Officer"},
    ),
    "Childcare Worker": (
        _resume(
            "Childcare Worker",
            "Childcare Worker, Little Acorns Nursery, 2018 - 2025",
            [
                "Planned play-based days for a room of 12 toddlers",
                "Kept parents informed with daily notes and monthly meetings",
            ],
            ["Childcare", "Early Childhood Education", "Child Development", "First Aid", "CPR"],
        ),
        {"Childcare Worker", "Preschool Teacher"},
    ),
    "Housekeeping Supervisor": (
        _resume(
            "Housekeeping Supervisor",
            "Housekeeping Supervisor, Lakeview Hotel, 2016 - 2025",
            [
                "Led 18 room attendants turning 240 rooms a day",
                "Raised room inspection scores from 82% to 95%",
            ],
            ["Housekeeping", "Cleaning Services", "Laundry", "Staff Scheduling", "Inventory Management"],
        ),
        {"Housekeeping Supervisor", "Housekeeper"},
    ),
    "Medical Laboratory Technician": (
        _resume(
            "Medical Laboratory Technician",
            "Medical Laboratory Technician, Riverside Clinic Lab, 2018 - 2025",
            [
                "Ran 150 hematology and urinalysis panels a shift",
                "Kept quality control logs for three analysers",
            ],
            ["Hematology", "Urinalysis", "Specimen Processing", "Laboratory Testing", "Phlebotomy"],
        ),
        {"Medical Laboratory Technician", "Medical Laboratory Scientist"},
    ),
    "Production Supervisor": (
        _resume(
            "Production Supervisor",
            "Production Supervisor, Keystone Plastics, 2015 - 2025",
            [
                "Ran three moulding lines with 40 operators and cut scrap by 18%",
                "Led weekly kaizen events on changeover time",
            ],
            ["Production Planning", "Lean Manufacturing", "Six Sigma", "Quality Inspection", "Machine Operation"],
        ),
        {"Production Supervisor", "Production Manager"},
    ),
}


@pytest.fixture(scope="module")
def matcher(shipped_matcher):
    return shipped_matcher


@pytest.mark.parametrize("title", sorted(CASES))
def test_every_profession_gets_a_fitting_role_and_missing_keywords(matcher, title):
    resume, roles = CASES[title]
    report = analyse(resume_layouts.render(resume, "single", 0), matcher)
    source = report.details["missing_keywords_source"]
    assert source.get("role") in roles, source
    assert report.missing_keywords
    assert not set(report.missing_keywords) & set(report.technical_skills + report.soft_skills)
    assert f" {source['role']} role" in report.summary_text


MISSING_SECTION = {"no_experience_section", "no_education_section", "no_skills_section"}
RISKS = {"table": "tables", "columns": "multi_column"}


@pytest.mark.parametrize("title", sorted(CASES))
def test_the_same_content_scores_10_points_lower_with_ats_problems_and_never_misses_a_section(matcher, title):
    # Paired across professions beyond the nine of resume_layouts: each resume has all its sections in every layout,
    # and a table or columns cost at least 10 points against the same content in one clean column.
    resume, _ = CASES[title]
    clean = analyse(resume_layouts.render(resume, "single", 0), matcher)
    for variant, layout in enumerate(resume_layouts.LAYOUTS):
        report = clean if layout == "single" else analyse(resume_layouts.render(resume, layout, variant), matcher)
        codes = {finding["code"] for finding in report.details["findings"]}
        assert not codes & MISSING_SECTION, (layout, report.details["sections"])
        kind = resume_layouts.LAYOUT_KIND.get(layout)
        if kind:
            assert RISKS[kind] in codes, layout
            assert clean.overall_score - report.overall_score >= 10, (layout, clean.overall_score, report.overall_score)
        else:
            assert not codes & set(RISKS.values()), (layout, codes)


def test_a_short_resume_whose_few_skills_one_profession_explains_gets_its_keywords(matcher):
    # Class: a new graduate lists five skills of a broad profile (coverage under the floor), all of one profession.
    student = _resume(
        "Graduate Student",
        "Teaching Assistant, Hillcrest University, 2023 - 2025",
        ["Graded lab reports for 60 students a term"],
        ["C", "C++", "Java", "Python", "Linux"],
    )
    report = analyse(resume_layouts.render(student, "single", 0), matcher)
    source = report.details["missing_keywords_source"]
    assert source["type"] == "best_fit_role", source
    assert "Engineer" in source["role"] or "Developer" in source["role"], source
    assert report.missing_keywords
    # One skill that many roles share is a guess: no role, no keywords from another trade.
    lone = _resume("Assistant", "Assistant, Corner Shop, 2023 - 2025", ["Opened the shop"], ["Customer Service"])
    report = analyse(resume_layouts.render(lone, "single", 0), matcher)
    assert report.details["missing_keywords_source"]["type"] == "none"
    assert report.missing_keywords == []


def test_a_role_sharing_one_skill_with_the_resume_gives_no_keywords(matcher):
    # Class: one shared skill is a guess: "Baking" among an executive's interests covers a fifth of Baker alone.
    executive = _resume(
        "Chief Executive",
        "Chief Executive, Brightwater Holdings, 2015 - 2025",
        ["Grew revenue from $40M to $95M"],
        ["Baking", "Persuasion", "Motivation"],
    )
    report = analyse(resume_layouts.render(executive, "single", 0), matcher)
    source = report.details["missing_keywords_source"]
    found = set(report.technical_skills + report.soft_skills)
    if source["type"] == "none":
        assert report.missing_keywords == []
    else:
        role = next(role for role in matcher.roles if role.name == source["role"])
        assert len(found & set(role.weights)) >= 2, (source, found)
