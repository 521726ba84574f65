"""The whole pipeline on real PDFs generated with PyMuPDF."""

import pytest

from analyses.pipeline.analyse import AnalysisOptions, analyse
from analyses.pipeline.errors import UnreadablePdf
from skills_catalog.matcher import compile_catalog

from . import pdfs, scans


@pytest.fixture
def matcher(small_catalog):
    return compile_catalog()


def test_a_clean_resume_gets_its_skills_score_and_summary(matcher):
    report = analyse(pdfs.resume_pdf(), matcher)
    assert {"Python", "Django", "Kubernetes", "Docker", "PostgreSQL", "CI/CD", "Go", "React"} <= set(
        report.technical_skills
    )
    assert {"Leadership", "Mentoring", "Communication"} <= set(report.soft_skills)
    assert len(report.technical_skills) == len(set(report.technical_skills))
    # The same resume without its email and with cramped margins loses points for exactly those.
    flawed = analyse(pdfs.make_pdf([[line for line in pdfs.RESUME_PAGE_1 if "@" not in line]], margin=12), matcher)
    assert report.overall_score > flawed.overall_score
    assert "No email found" not in report.formatting_issues
    assert "Margins too narrow" not in report.formatting_issues
    assert "Backend Developer" in report.summary_text and "Python" in report.summary_text
    assert report.details["page_count"] == 2
    assert report.details["contact"]["email"] == "jane.doe@example.com"
    evidence = report.details["skill_evidence"]["Kubernetes"]
    assert {"page": 1, "text": "k8s"} in [{"page": e["page"], "text": e["text"]} for e in evidence]


def test_narrow_margins_and_no_email_are_reported_first(matcher):
    lines = [line for line in pdfs.RESUME_PAGE_1 if "@" not in line]
    report = analyse(pdfs.make_pdf([lines], margin=12), matcher)
    assert report.formatting_issues[0] == "No email found"
    assert "Margins too narrow" in report.formatting_issues
    assert "add your email address" in report.summary_text
    assert report.details["margins_pt"]["left"] < 36


def test_missing_keywords_follow_the_job_description(matcher):
    options = AnalysisOptions(job_description="We want Python, C++ and C#.\nC++ daily; Terraform a plus.")
    report = analyse(pdfs.resume_pdf(), matcher, options)
    assert report.missing_keywords == ["C++", "C#"]
    assert report.details["missing_keywords_source"]["type"] == "job_description"


def test_missing_keywords_follow_the_target_role(matcher):
    options = AnalysisOptions(target_role="Frontend Developer")
    report = analyse(pdfs.make_pdf([["Skills", "Python, React and Git", "jane@example.com"]]), matcher, options)
    assert report.missing_keywords == ["JavaScript", "TypeScript"]
    assert report.details["missing_keywords_source"] == {"type": "target_role", "role": "Frontend Developer"}


def test_missing_keywords_default_to_the_best_fitting_role(matcher):
    report = analyse(pdfs.make_pdf([["Skills", "Python, PostgreSQL and Docker", "jane@example.com"]]), matcher)
    assert report.details["missing_keywords_source"] == {"type": "best_fit_role", "role": "Backend Developer"}
    assert report.missing_keywords == ["REST APIs", "CI/CD"]


@pytest.mark.parametrize(
    ("data", "code", "words"),
    [
        (pdfs.damaged_pdf(), "damaged_pdf", "Could not read PDF"),
        (pdfs.encrypted_pdf(), "password_protected", "password-protected"),
        (scans.picture_without_text_pdf(), "no_text", "no selectable text"),
        (pdfs.many_pages_pdf(300), "too_many_pages", "300 pages"),
        (b"%PDF-1.4\n", "damaged_pdf", "Could not read PDF"),
        (pdfs.truncated_pdf(), "damaged_pdf", "Could not read PDF"),
    ],
)
def test_unreadable_files_fail_with_a_reason(matcher, data, code, words):
    with pytest.raises(UnreadablePdf) as raised:
        analyse(data, matcher)
    assert raised.value.code == code
    assert words in raised.value.message


def test_the_report_explains_its_findings_and_layout(matcher):
    report = analyse(pdfs.two_column_pdf(), matcher)
    details = report.details
    assert "Multi-column layout" in report.formatting_issues
    assert details["layout"]["columns"] == 2
    assert details["low_confidence"] is False
    finding = next(item for item in details["findings"] if item["code"] == "multi_column")
    assert finding["severity"] == "high" and finding["hint"] and finding["page"] == 1
    assert set(details["score_breakdown"]) == {"skills", "contact", "structure", "layout", "length", "content"}
    assert details["content"]["bullets"] >= 6
    severities = [item["severity"] for item in details["findings"]]
    assert severities == sorted(severities, key=["high", "medium", "low"].index)


def test_garbled_text_lowers_confidence(matcher):
    report = analyse(pdfs.garbled_pdf(), matcher)
    assert report.details["low_confidence"] is True
    assert report.formatting_issues[0] == "Text cannot be read reliably"


def test_the_score_follows_the_weights_given(matcher):
    pdf = pdfs.make_pdf([[line for line in pdfs.RESUME_PAGE_1 if "@" not in line]], margin=12)
    plain = analyse(pdf, matcher)
    contact_heavy = analyse(pdf, matcher, AnalysisOptions(score_weights={"contact": 100, "skills": 1}))
    assert contact_heavy.overall_score < plain.overall_score
    assert analyse(pdf, matcher).overall_score == plain.overall_score


def test_a_keyword_the_resume_already_writes_is_never_reported_missing(matcher):
    from analyses.pipeline.analyse import not_written

    text = "Moved every service to k8s.\nWe go to production weekly; our CI runs on GitHub."
    assert not_written(matcher, ["Kubernetes", "Terraform", "Go"], text) == ["Terraform", "Go"]
    assert not_written(matcher, ["Go"], "A CLI written in Go.") == []
    # Through the pipeline: the job ad asks for what the resume states only in prose or not at all.
    resume = pdfs.make_pdf([["Jane Doe", "jane@example.com", "Experience", "Ran the team's k8s clusters."]])
    report = analyse(resume, matcher, AnalysisOptions(job_description="Kubernetes and Terraform."))
    assert "Kubernetes" not in report.missing_keywords and "Terraform" in report.missing_keywords
