"""Tables and multi-column layouts are reported as ATS risks whenever present, and the score separates them: the
same content as a clean single column scores at least 10 points more. A resume with all its sections never gets a
missing-section finding."""

import pytest

from analyses.pipeline.analyse import analyse

from . import resume_layouts

RISKS = {"table": "tables", "columns": "multi_column"}
MISSING = {"no_experience_section", "no_education_section", "no_skills_section"}


@pytest.fixture(scope="module")
def matcher(shipped_matcher):
    return shipped_matcher


def _codes(report):
    return {finding["code"] for finding in report.details["findings"]}


@pytest.mark.parametrize("variant", range(len(resume_layouts.PROFESSIONS)))
def test_tables_and_columns_are_reported_and_cost_at_least_10_points(matcher, variant):
    resume = resume_layouts.PROFESSIONS[variant]
    clean = analyse(resume_layouts.render(resume, "single", variant), matcher)
    assert not _codes(clean) & set(RISKS.values()) and not _codes(clean) & MISSING
    for layout, kind in resume_layouts.LAYOUT_KIND.items():
        flawed = analyse(resume_layouts.render(resume, layout, variant), matcher)
        codes = _codes(flawed)
        assert RISKS[kind] in codes, (resume.profession, layout)
        assert not codes & MISSING, (resume.profession, layout, flawed.details["sections"])
        assert clean.overall_score - flawed.overall_score >= 10, (resume.profession, layout)


@pytest.mark.parametrize("layout", ["unusual_headings", "small_caps", "letter_spaced", "spaced_letters"])
def test_headings_styled_or_worded_unusually_are_no_ats_risk(matcher, layout):
    for variant, resume in enumerate(resume_layouts.PROFESSIONS[:5]):
        codes = _codes(analyse(resume_layouts.render(resume, layout, variant), matcher))
        assert not codes & (MISSING | set(RISKS.values())), (resume.profession, layout, codes)
