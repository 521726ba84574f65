"""Pictures in a .docx: one over the page is reported as the page being an image; one whose recorded size or place is
not page geometry (negative, past Word's 22-inch limit, off the page) is an ordinary picture, never a "scan"."""

import io
import re
import zipfile

import docx
import pymupdf
import pytest
from docx.shared import Inches

from analyses.pipeline.analyse import analyse
from analyses.pipeline.facts import image_kind
from skills_catalog.matcher import compile_catalog

from . import docx_files

EMU_PER_INCH = 914400


@pytest.fixture
def matcher(small_catalog):
    return compile_catalog()


def resume_with_picture(cx, cy):
    """The test resume with a picture as its first paragraph, its recorded extent rewritten to cx × cy EMU."""
    document = docx.Document(io.BytesIO(docx_files.resume_docx()))
    pixmap = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 40), False)
    pixmap.clear_with(128)
    document.add_picture(io.BytesIO(pixmap.tobytes("png")), width=Inches(2))
    picture = document.paragraphs[-1]._p
    document.element.body.insert(0, picture)
    buffer = io.BytesIO()
    document.save(buffer)

    def rewrite(xml):
        rewritten, count = re.subn(rb'<wp:extent cx="\d+" cy="\d+"', f'<wp:extent cx="{cx}" cy="{cy}"'.encode(), xml)
        assert count == 1
        return rewritten

    return docx_files._rezip(buffer.getvalue(), replace={"word/document.xml": rewrite})


def codes(report):
    return {finding["code"] for finding in report.details["findings"]}


def test_a_picture_over_the_page_is_reported_as_the_page_being_an_image(matcher):
    data = resume_with_picture(int(8.5 * EMU_PER_INCH), 11 * EMU_PER_INCH)
    assert "page_is_image" in codes(analyse(data, matcher))


@pytest.mark.parametrize(
    "cx, cy",
    [
        (-int(8.5 * EMU_PER_INCH), -11 * EMU_PER_INCH),  # negative: a picture turned inside out
        (10**12, 10**12),  # 17 miles across
        (0, 11 * EMU_PER_INCH),
        ("1e9", "1e9"),
        ("\u00b2", "\u00b2"),  # "²": str.isdigit() says yes, int() says no
        ("9" * 5000, "9" * 5000),  # past int()'s 4,300-digit limit
    ],
)
def test_a_picture_whose_size_is_not_page_geometry_is_an_ordinary_picture(matcher, cx, cy):
    found = codes(analyse(resume_with_picture(cx, cy), matcher))
    assert "page_is_image" not in found
    assert "images_or_graphics" in found  # still a picture an ATS cannot read


def test_a_box_off_the_page_covers_none_of_it():
    letter = (612, 792)
    assert image_kind((1440, 1440, 2440, 2440), *letter, 1) == "image"  # right of and below the page
    assert image_kind((72, 72, -900, -900), *letter, 1) == "image"  # inside out
    assert image_kind((-10, -10, 620, 800), *letter, 1) == "page"


def test_the_builder_writes_the_extent_it_is_given():
    data = resume_with_picture(123, 456)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert b'<wp:extent cx="123" cy="456"' in archive.read("word/document.xml")


@pytest.mark.parametrize("text", ["--5", "\u00b9\u00b2", "-" + "9" * 5000, "\u0661", "", None, "5 5"])
def test_a_number_no_layout_program_writes_is_no_number(text):
    from analyses.pipeline.docx import _whole_number

    assert _whole_number(text) is None


def test_whole_numbers_are_read():
    from analyses.pipeline.docx import _whole_number

    assert (_whole_number("914400"), _whole_number("-12700"), _whole_number(" 7 ")) == (914400, -12700, 7)
