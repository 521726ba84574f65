"""Build real Word files with python-docx for tests: resumes with layout features, and hostile look-alikes."""

import io
import zipfile

import docx
from docx.enum.section import WD_SECTION
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Inches, Pt

from tests.pdfs import RESUME_PAGE_1, RESUME_PAGE_2

CONTACT = "jane.doe@example.com | +1 415 555 0100 | linkedin.com/in/janedoe"
SKILLS_LINE = "Python, Go, PostgreSQL, Docker, Kubernetes, AWS, CI/CD, Git"


def resume_docx(
    *,
    margins_in=1.0,
    font="Calibri",
    size_pt=11,
    two_column=False,
    table=False,
    header_contact=False,
    text_box=False,
    page_break=True,
):
    """The same resume as tests.pdfs.resume_pdf, as a .docx; each keyword adds one layout feature."""
    document = docx.Document()
    section = document.sections[0]
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(margins_in))
    normal = document.styles["Normal"].font
    normal.name, normal.size = font, Pt(size_pt)
    lines = [line for line in RESUME_PAGE_1 if line]
    if header_contact:
        section.header.paragraphs[0].text = CONTACT
        lines = [line for line in lines if line != CONTACT]
    for line in lines:
        if line.startswith("- "):
            document.add_paragraph(line[2:], style="List Bullet")
        elif line in ("Summary", "Experience", "Education", "Skills"):
            document.add_heading(line, level=2)
        elif line == SKILLS_LINE and table:
            _skills_table(document)
        else:
            document.add_paragraph(line)
    if text_box:
        _add_text_box(document.add_paragraph(), "Available for relocation")
    if two_column:
        columns = document.add_section(WD_SECTION.CONTINUOUS)
        _set_columns(columns, 2)
    elif page_break:
        document.add_page_break()
    for line in RESUME_PAGE_2:
        if line.startswith("- "):
            document.add_paragraph(line[2:], style="List Bullet")
        elif line:
            document.add_paragraph(line)
    return _bytes(document)


def _skills_table(document):
    table = document.add_table(rows=2, cols=2)
    cells = [("Languages", "Python, Go"), ("Platforms", "PostgreSQL, Docker, Kubernetes, AWS, CI/CD, Git")]
    for row, (label, value) in zip(table.rows, cells, strict=True):
        row.cells[0].text, row.cells[1].text = label, value


def _set_columns(section, count):
    cols = section._sectPr.find(qn("w:cols"))
    if cols is None:
        cols = section._sectPr.makeelement(qn("w:cols"), {})
        section._sectPr.append(cols)
    cols.set(qn("w:num"), str(count))
    cols.set(qn("w:space"), "720")


def _add_text_box(paragraph, text):
    """A floating text box the way Word writes it: a DrawingML shape inside mc:AlternateContent, VML as fallback."""
    xml = f"""
<w:r {nsdecls("w", "wp", "a")} {EXTRA_NAMESPACES}>
  <mc:AlternateContent>
    <mc:Choice Requires="wps">
      <w:drawing>
        <wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0"
                   locked="0" layoutInCell="1" allowOverlap="1">
          <wp:simplePos x="0" y="0"/>
          <wp:positionH relativeFrom="page"><wp:posOffset>4572000</wp:posOffset></wp:positionH>
          <wp:positionV relativeFrom="page"><wp:posOffset>914400</wp:posOffset></wp:positionV>
          <wp:extent cx="1828800" cy="457200"/>
          <wp:wrapNone/>
          <wp:docPr id="99" name="Text Box 1"/>
          <a:graphic>
            <a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
              <wps:wsp>
                <wps:txbx><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx>
                <wps:bodyPr/>
              </wps:wsp>
            </a:graphicData>
          </a:graphic>
        </wp:anchor>
      </w:drawing>
    </mc:Choice>
    <mc:Fallback>
      <w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>
      </v:textbox></v:shape></w:pict>
    </mc:Fallback>
  </mc:AlternateContent>
</w:r>"""
    paragraph._p.append(parse_xml(xml))


EXTRA_NAMESPACES = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _bytes(document):
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _rezip(data, *, replace=None, add=None):
    """A copy of a ZIP with some entries' contents replaced (by a function of the old bytes) or added."""
    replace, add = replace or {}, add or {}
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            content = source.read(entry.filename)
            if entry.filename in replace:
                content = replace[entry.filename](content)
            target.writestr(entry.filename, content)
        for name, content in add.items():
            target.writestr(name, content)
    return out.getvalue()


def docm_bytes():
    """A macro-enabled document: the main part's content type says so and a VBA project is inside."""
    docm_main = b"application/vnd.ms-word.document.macroEnabled.main+xml"
    docx_main = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    return _rezip(
        resume_docx(),
        replace={"[Content_Types].xml": lambda xml: xml.replace(docx_main, docm_main)},
        add={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 fake VBA project"},
    )


def doc_signature_bytes():
    """The first bytes of a Word 97-2003 file (an OLE compound file), then filler."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + b"Word.Document.8" * 40


def plain_zip_bytes():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("resume.txt", "Jane Doe\nPython, Go, Docker\n")
        archive.writestr("photo.jpg", b"\xff\xd8\xff\xe0 not really a jpeg")
    return out.getvalue()


def xlsx_like_bytes():
    """An Office ZIP that is not Word: a spreadsheet's content types."""
    xml = (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", xml)
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return out.getvalue()


def zip_bomb_bytes(megabytes=40):
    """A real .docx with one extra entry of zeros: ~40 KB on disk, 40 MB inflated (ratio ~1000)."""
    return _rezip(resume_docx(), add={"word/media/padding.bin": b"\x00" * (megabytes * 1024 * 1024)})


def many_entries_zip_bytes(count=1500):
    return _rezip(resume_docx(), add={f"word/media/part{index}.xml": b"<x/>" for index in range(count)})
