"""The summary is written for this person: the role the resume fits (or targets), its strongest stated evidence and
the two fixes that would raise its score most, in words that fit the profession. Nine professions."""

import dataclasses
import re

import pytest

from analyses.pipeline.analyse import AnalysisOptions, analyse
from bench.pipeline import default_matcher

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
def matcher():
    return default_matcher()


def _cited(summary):
    """The skills the first sentence cites after "it states" / "among them"."""
    match = re.search(r"(?:it states|among them) (.+?)[;.]", summary)
    return [name.strip() for name in re.split(r", | and ", match.group(1))] if match else []


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
