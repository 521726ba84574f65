"""Word .docx through the whole pipeline: the same skills, sections, findings and score as the same resume as a PDF,
with layout read exactly from the document's own structure."""

import pytest

from analyses.pipeline.analyse import analyse
from analyses.pipeline.docx import parse_docx
from analyses.pipeline.errors import UnreadablePdf
from skills_catalog.matcher import compile_catalog

from . import docx_files, pdfs


@pytest.fixture
def matcher(small_catalog):
    return compile_catalog()


def codes(report):
    return {finding["code"] for finding in report.details["findings"]}


def test_a_docx_gets_the_same_skills_sections_and_score_as_the_pdf(matcher):
    from_pdf = analyse(pdfs.resume_pdf(), matcher)
    from_docx = analyse(docx_files.resume_docx(), matcher)
    assert from_docx.technical_skills == from_pdf.technical_skills
    assert from_docx.soft_skills == from_pdf.soft_skills
    assert from_docx.details["sections"] == from_pdf.details["sections"]
    assert codes(from_docx) == codes(from_pdf)
    assert from_docx.overall_score == from_pdf.overall_score
    assert from_docx.details["file_type"] == "docx"
    assert from_docx.details["page_count"] == 2 and from_docx.details["page_count_estimated"] is True
    assert from_pdf.details["page_count_estimated"] is False


def test_evidence_points_to_a_paragraph(matcher):
    report = analyse(docx_files.resume_docx(), matcher)
    evidence = report.details["skill_evidence"]["Kubernetes"][0]
    assert "page" not in evidence
    paragraph = evidence["paragraph"]
    lines = parse_docx(docx_files.resume_docx()).lines
    assert "Kubernetes" in next(line.text for line in lines if line.paragraph == paragraph)


def test_layout_is_read_exactly_from_the_document(matcher):
    data = docx_files.resume_docx(margins_in=0.3, font="Georgia", size_pt=8, two_column=True, table=True)
    report = analyse(data, matcher)
    assert report.details["margins_pt"] == {"left": 21.6, "right": 21.6, "top": 21.6, "bottom": 21.6}
    assert report.details["layout"]["columns"] == 2
    assert report.details["layout"]["font_families"][0] == "Georgia"
    assert report.details["layout"]["body_font_size"] == 8.0
    assert {"margins_too_narrow", "multi_column", "tables", "small_text"} <= codes(report)
    # The skills written in the table's cells are still found.
    assert {"Python", "Go", "Kubernetes", "PostgreSQL"} <= set(report.technical_skills)


def test_contact_details_in_the_header_are_read_and_flagged(matcher):
    report = analyse(docx_files.resume_docx(header_contact=True), matcher)
    assert report.details["contact"]["email"] == "jane.doe@example.com"
    assert "contact_in_header_footer" in codes(report)
    assert report.details["layout"]["header_footer_lines"][0].startswith("jane.doe@example.com")


def test_text_box_content_is_read_once_and_flagged(matcher):
    report = analyse(docx_files.resume_docx(text_box=True), matcher)
    lines = [line.text for line in parse_docx(docx_files.resume_docx(text_box=True)).lines]
    assert lines.count("Available for relocation") == 1  # the DrawingML box, not its VML copy as well
    assert "text_boxes" in codes(report)
    assert report.details["layout"]["text_boxes"] == 1


def test_list_paragraphs_are_bullets_like_the_pdfs(matcher):
    report = analyse(docx_files.resume_docx(), matcher)
    assert report.details["content"]["bullets"] == 5
    assert (
        report.details["content"]["quantified_bullets"]
        == analyse(pdfs.resume_pdf(), matcher).details["content"]["quantified_bullets"]
    )


def test_a_damaged_docx_fails_with_a_sentence(matcher):
    data = docx_files._rezip(docx_files.resume_docx(), replace={"word/document.xml": lambda xml: xml[: len(xml) // 2]})
    with pytest.raises(UnreadablePdf) as failed:
        analyse(data, matcher)
    assert failed.value.code == "damaged_docx"
    assert "Word document" in failed.value.message
