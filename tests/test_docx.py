"""Word .docx through the whole pipeline: the same skills, sections, findings and score as the same resume as a PDF,
with layout read exactly from the document's own structure."""

import io
import json
import re
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from analyses.pipeline.analyse import analyse
from analyses.pipeline.docx import _without_table_styles, parse_docx
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


def test_table_styles_are_cut_before_parsing_and_every_other_style_kept():
    styles = (
        b'<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b'<w:style w:type="paragraph" w:styleId="Normal"><w:rPr><w:sz w:val="22"/></w:rPr></w:style>'
        b'<w:style w:type="table" w:styleId="Grid"><w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr>'
        b"</w:tblStylePr></w:style>"
        b'<w:style w:type="table" w:styleId="Empty"/>'
        b'<w:style w:type="character" w:styleId="Strong"><w:rPr><w:b/></w:rPr></w:style>'
        b'<w:style w:styleId="Light" w:type="table"><w:rPr/></w:style>'
        b'<w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Normal"/></w:style>'
        b"</w:styles>"
    )
    root = etree.fromstring(_without_table_styles(styles))
    kept = [(style.get(qn("w:type")), style.get(qn("w:styleId"))) for style in root]
    assert kept == [("paragraph", "Normal"), ("character", "Strong"), ("paragraph", "Heading1")]
    assert root[0].find(f"{qn('w:rPr')}/{qn('w:sz')}").get(qn("w:val")) == "22"


def test_a_docx_is_read_without_its_unused_parts(matcher):
    # The package's settings, numbering and font table are never parsed: damaging them changes nothing.
    data = docx_files._rezip(docx_files.resume_docx(), replace={"word/settings.xml": lambda xml: xml[:10]})
    assert analyse(data, matcher).technical_skills == analyse(docx_files.resume_docx(), matcher).technical_skills


# Entity "i" is 10^8 copies of a 20-letter word: 2 GB of text if anything expanded it.
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "hahahahahahahahahaha">'
    + b"".join(b'<!ENTITY %c "%s">' % (name, b"&%c;" % (name - 1) * 10) for name in b"bcdefghi")
    + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    b"<w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>"
)
EXTERNAL = (
    b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    b"<w:p><w:r><w:t>&secret;</w:t></w:r></w:p></w:body></w:document>"
)


@pytest.mark.parametrize("document_xml", [LAUGHS, EXTERNAL], ids=["billion laughs", "external entity"])
def test_entities_in_a_docx_are_never_expanded(matcher, document_xml):
    data = docx_files._rezip(docx_files.resume_docx(), replace={"word/document.xml": lambda _: document_xml})
    with pytest.raises(UnreadablePdf) as failed:
        analyse(data, matcher)
    assert failed.value.code in ("no_text", "damaged_docx")
    assert failed.value.message.endswith(".")


@pytest.mark.parametrize("value", ["nan", "inf", "-1e400", "1e400"])
def test_a_length_that_is_not_a_finite_number_is_read_as_missing(matcher, value):
    """Malformed section lengths once reached the report as NaN/Infinity, which no database stores as JSON: the row
    stayed `processing` until the sweep gave up on it."""

    def poison(xml):
        xml = re.sub(rb'(<w:pgMar[^>]*w:left=")[^"]*"', rb"\g<1>" + value.encode() + b'"', xml)
        return re.sub(rb'(<w:pgSz[^>]*w:w=")[^"]*"', rb"\g<1>" + value.encode() + b'"', xml)

    data = docx_files._rezip(docx_files.resume_docx(), replace={"word/document.xml": poison})
    assert f'w:left="{value}"'.encode() in zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    report = analyse(data, matcher)
    json.dumps(report.details, allow_nan=False)  # raises on NaN or Infinity anywhere in the report


def test_one_saved_page_mark_does_not_lift_the_page_limit(matcher):
    """A single `lastRenderedPageBreak` once switched the length estimate off: 46,000 words passed as 2 pages."""
    document = docx.Document()
    document.add_paragraph("Jordan Lee, Electrician").add_run()._r.append(etree.Element(qn("w:lastRenderedPageBreak")))
    for number in range(1500):
        document.add_paragraph(f"Installed conduit and panels on site {number}, tested circuits and wrote reports.")
    with pytest.raises(UnreadablePdf) as failed:
        parse_docx(docx_files._bytes(document), max_pages=10)
    assert failed.value.code == "too_many_pages"


def test_a_table_row_of_page_long_cells_does_not_escape_the_page_limit():
    """Each cell restarts the flow at its row's top: a row of 300 cells of most of a page each passed as 1 page
    (attack review)."""
    line = "Welded structural steel to AWS D1.1 on bridge and tower jobs, passed every inspection first time. " * 2
    paragraph = f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>"
    row = "<w:tbl><w:tr>" + f"<w:tc>{paragraph * 8}</w:tc>" * 300 + "</w:tr></w:tbl>"
    data = docx_files._rezip(
        docx_files.resume_docx(),
        replace={"word/document.xml": lambda xml: xml.replace(b"<w:sectPr", row.encode() + b"<w:sectPr", 1)},
    )
    with pytest.raises(UnreadablePdf) as failed:
        parse_docx(data, max_pages=10)
    assert failed.value.code == "too_many_pages"


def test_many_references_to_one_header_read_it_once():
    """20,000 header references with ids of their own, all to one small header part, were each parsed again."""
    data = docx_files.resume_docx(header_contact=True)
    package = zipfile.ZipFile(io.BytesIO(data))
    rels = package.read("word/_rels/document.xml.rels").decode()
    header_rel = re.search(r'<Relationship [^>]*Target="header\d*\.xml"[^>]*/>', rels).group(0)
    copies = "".join(re.sub(r'Id="[^"]+"', f'Id="rIdH{n}"', header_rel) for n in range(3000))
    references = "".join(f'<w:headerReference w:type="default" r:id="rIdH{n}"/>' for n in range(3000))
    data = docx_files._rezip(
        data,
        replace={
            "word/_rels/document.xml.rels": lambda xml: xml.replace(
                b"</Relationships>", copies.encode() + b"</Relationships>"
            ),
            "word/document.xml": lambda xml: re.sub(
                rb"(<w:sectPr[^>]*>)", lambda m: m.group(1) + references.encode(), xml, count=1
            ),
        },
    )
    parsed = parse_docx(data)
    header_texts = [line.text for line in parsed.lines if "jane.doe@example.com" in line.text]
    assert len(header_texts) == 1
