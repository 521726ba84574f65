"""Scanned resumes: pages that are only pictures are read with Tesseract (Debian's tesseract-ocr-eng; `make test`
installs it), bounded, and the report says the text came from OCR."""

import pymupdf
import pytest

from analyses.pipeline.analyse import AnalysisOptions, analyse
from analyses.pipeline.errors import UnreadablePdf
from analyses.pipeline.extract import parse_pdf
from analyses.pipeline.ocr import (
    OcrOptions,
    clean_ocr_words,
    find_tessdata,
    is_scanned,
    page_dpi,
    reading_dpi,
    scan_resolution,
)
from skills_catalog.matcher import compile_catalog

from . import pdfs, scans

NO_OCR = OcrOptions(tessdata="", candidates=())
ONE_PAGE = pdfs.make_pdf([pdfs.RESUME_PAGE_1])


@pytest.fixture
def matcher(small_catalog):
    return compile_catalog()


def codes(report):
    return {finding["code"] for finding in report.details["findings"]}


def test_tesseract_language_data_is_installed():
    assert find_tessdata(OcrOptions()), "make test installs tesseract-ocr-eng; run it, or apt-get install it"


def test_a_text_resume_rendered_to_pictures_is_read_by_ocr(matcher):
    text = analyse(ONE_PAGE, matcher)
    scan = analyse(scans.scan_of(ONE_PAGE, dpi=200), matcher)
    assert set(scan.technical_skills) <= set(text.technical_skills)  # nothing invented by OCR noise
    assert len(scan.technical_skills) >= 0.9 * len(text.technical_skills)
    assert scan.details["sections"] == text.details["sections"]
    assert scan.details["contact"]["email"] == "jane.doe@example.com"
    assert scan.details["text_source"] == "ocr"
    assert scan.details["ocr"]["pages"] == [1]
    assert "ocr_text" in codes(scan) and "page_is_image" not in codes(scan)
    assert "OCR" in next(f["hint"] for f in scan.details["findings"] if f["code"] == "ocr_text")
    assert scan.details["low_confidence"] is True
    # Geometry comes from the OCR word boxes: the 1-inch margin is measured, within a few points.
    assert abs(scan.details["margins_pt"]["left"] - 72) < 6


def test_a_mixed_pdf_reads_its_one_scanned_page(matcher):
    report = analyse(scans.mixed_resume_pdf(), matcher)
    assert report.details["text_source"] == "mixed"
    assert report.details["ocr"]["pages"] == [2]
    assert {"Airflow", "pandas", "Python", "Kubernetes"} <= set(report.technical_skills)


def test_a_rotated_noisy_scan_still_gives_its_skills(matcher):
    text = analyse(ONE_PAGE, matcher)
    scan = analyse(scans.scan_of(ONE_PAGE, dpi=200, angle=1.0, noise=0.0005), matcher)
    assert set(scan.technical_skills) <= set(text.technical_skills)
    assert len(scan.technical_skills) >= 0.8 * len(text.technical_skills)


def test_without_tesseract_a_scan_fails_with_a_sentence():
    with pytest.raises(UnreadablePdf) as failed:
        parse_pdf(scans.scan_of(ONE_PAGE, dpi=100), ocr=NO_OCR)
    assert failed.value.code == "ocr_unavailable"
    assert "OCR is not installed" in failed.value.message


def test_without_tesseract_a_mixed_pdf_is_analysed_from_its_text_pages(matcher):
    report = analyse(scans.mixed_resume_pdf(), matcher, AnalysisOptions(ocr=NO_OCR))
    assert "scanned_page_not_read" in codes(report)
    assert report.details["ocr"]["not_read_pages"] == [2]
    assert "Python" in report.technical_skills


def test_at_most_ocr_max_pages_are_read():
    with pytest.raises(UnreadablePdf) as failed:
        parse_pdf(scans.scan_of(pdfs.resume_pdf(), dpi=72), ocr=OcrOptions(max_pages=1))
    assert failed.value.code == "too_many_scanned_pages"
    assert "at most 1" in failed.value.message


def test_a_huge_scanned_page_is_refused_before_rendering():
    with pytest.raises(UnreadablePdf) as failed:
        parse_pdf(scans.huge_page_scan_pdf(inches=200), ocr=OcrOptions())
    assert failed.value.code == "scan_too_large"


def test_a_large_page_is_read_at_a_lower_dpi_within_the_pixel_budget():
    options = OcrOptions(dpi=300, max_page_pixels=12_000_000)
    assert page_dpi(612, 792, options) == 300  # letter: 8.4 MP
    a3 = page_dpi(842, 1191, options)
    assert a3 < 300 and (842 / 72 * a3) * (1191 / 72 * a3) <= 12_000_000


def ocr_lines(*lines, heights=()):
    """MuPDF's dict for OCR'd lines, one span per word and one per gap, as get_textpage_ocr gives them."""
    heights = list(heights) or [10] * len(lines)
    return {
        "blocks": [
            {
                "type": 0,
                "lines": [
                    {"bbox": (72, 72 + 20 * row, 300, 72 + 20 * row + height), "spans": [{"text": t} for t in line]}
                    for row, (line, height) in enumerate(zip(lines, heights, strict=True))
                ],
            }
        ]
    }


def cleaned(*lines, heights=()):
    content = clean_ocr_words(ocr_lines(*lines, heights=heights))
    return [" ".join("".join(span["text"] for span in line["spans"]).split()) for line in content["blocks"][0]["lines"]]


def test_an_icon_read_as_characters_before_a_link_is_dropped():
    # A globe icon before a URL read as "f#" would be the skill F#; the envelope, phone and pin icons likewise.
    assert cleaned(
        ["f#", " ", "www.janedoe.dev"],
        ["f#www.janedoe.dev"],
        ["®", " ", "jane.doe@example.com", " ", "Q", " ", "github.com/janedoe"],
        ["2", " ", "+1-415-555-0100"],
        ["in", " ", "linkedin.com/in/janedoe/", " ", "X", " ", "@janedoe"],
    ) == [
        "www.janedoe.dev",
        "www.janedoe.dev",
        "jane.doe@example.com github.com/janedoe",
        "+1-415-555-0100",
        "linkedin.com/in/janedoe/ @janedoe",
    ]


def test_short_skills_beside_words_that_are_not_links_stay():
    lines = [["C#,", " ", "F#,", " ", "Node.js,", " ", "ASP.NET"], ["Go", " ", "R", " ", "C++", " ", "CI/CD"]]
    assert cleaned(*lines) == ["C#, F#, Node.js, ASP.NET", "Go R C++ CI/CD"]


def test_words_made_mostly_of_stray_symbols_are_dropped():
    assert cleaned(["=e", " ", "Python", " ", "[i", " ", "Django", " ", "©3"]) == ["Python Django"]
    kept = ["R&D", " ", "(k8s)", " ", "40%", " ", "e-mail:", " ", "“quoted”"]
    assert cleaned(kept) == ["R&D (k8s) 40% e-mail: “quoted”"]


def test_a_separator_inside_a_line_stays_and_marks_at_its_ends_go():
    lines = [["|", " ", "Python", " ", "|", " ", "Django", " ", "="], ["•", " ", "Built", " ", "APIs"]]
    assert cleaned(*lines) == ["Python | Django", "• Built APIs"]


def test_a_pipe_between_letters_is_read_as_the_letter_it_was():
    assert cleaned(["BPMN.|O", " ", "He|lo", " ", "ReactJS|"]) == ["BPMN.IO Hello ReactJS|"]


def test_a_name_in_display_type_read_letter_by_letter_is_dropped():
    # A large decorative "John Doe" comes back as lines "J", "h", "D" (D is a language); text lines stay.
    lines = [["J"], ["D"], ["Go", " ", "R"], ["Python,", " ", "Go"], ["Backend", " ", "engineer"], ["C"]]
    assert cleaned(*lines, heights=[30, 24, 10, 10, 10, 11]) == ["Go R", "Python, Go", "Backend engineer", "C"]


def test_a_bar_read_as_stretched_letters_is_dropped():
    # A skill-level bar 105 pt long and 4 pt tall read as "D"; a word of ordinary proportions beside it stays.
    content = {
        "blocks": [
            {
                "type": 0,
                "lines": [
                    {
                        "bbox": (34, 100, 181, 110),
                        "spans": [
                            {"text": "Go", "bbox": (34, 100, 46, 110)},
                            {"text": " ", "bbox": (46, 100, 50, 110)},
                            {"text": "D", "bbox": (50, 104, 155, 108)},
                            {"text": " MAYER", "bbox": (155, 100, 181, 110)},
                        ],
                    }
                ],
            }
        ]
    }
    line = clean_ocr_words(content)["blocks"][0]["lines"][0]
    assert " ".join("".join(span["text"] for span in line["spans"]).split()) == "Go MAYER"


def test_a_scan_is_read_at_its_own_resolution_from_200_dpi_and_upscaled_below():
    options = OcrOptions(dpi=300)
    resolutions = {}
    for dpi in (150, 200, 300):
        with pymupdf.open(stream=scans.scan_of(ONE_PAGE, dpi=dpi), filetype="pdf") as doc:
            resolutions[dpi] = scan_resolution(doc[0])
    assert resolutions == {150: 150, 200: 200, 300: 300}
    assert [reading_dpi(resolutions[dpi], options) for dpi in (150, 200, 300)] == [300, 200, 300]
    assert reading_dpi(600, options) == 300 and reading_dpi(0, options) == 300


def test_a_word_with_a_stray_symbol_inside_is_dropped_whole():
    # A speck read as "€" inside "CI/CD" leaves "D", a language; a bracket inside a word is a misread too.
    lines = [["CI/€D,", " ", "Docker"], ["Facebook)", "iad", " ", "Go"], ["R&D,", " ", "engineer(s),", " ", "Node.js®"]]
    assert cleaned(*lines) == ["Docker", "Go", "R&D, engineer(s), Node.js®"]


def test_an_l_among_capitals_is_read_as_the_i_it_was():
    # In sans-serif type I and l are one glyph: "AI" comes back as "Al", "CI/CD" as "Cl/CD".
    lines = [["DeFi,", " ", "Al,", " ", "APl", " ", "Cl/CD"], ["All", " ", "Ill", " ", "Alan", " ", "Hello"]]
    assert cleaned(*lines) == ["DeFi, AI, API CI/CD", "All Ill Alan Hello"]


def test_a_bullet_read_as_a_letter_is_the_bullet_it_was():
    # "• GitHub Visualization: …" read as "e GitHub …": without its bullet the line reads as prose to the matcher.
    lines = [["e", " ", "GitHub", " ", "Visualization"], ["o", " ", "Research"], ["e", " ", "mail"], ["Go", " ", "o"]]
    assert cleaned(*lines) == ["• GitHub Visualization", "• Research", "e mail", "Go o"]


@pytest.mark.parametrize("render_mode", [0, 3])  # a visible stamp; an invisible (broken) OCR layer
def test_a_scan_under_a_line_of_stray_text_is_still_read_by_ocr(matcher, render_mode):
    """A page-size picture with a scanner's stamp or a dozen characters of a broken OCR layer over it was refused
    as "no selectable text"; it is a scan, and is read as one."""
    document = pymupdf.open(stream=scans.scan_of(ONE_PAGE, dpi=200))
    document[0].insert_text((20, 14), "Scanned 2026-11-30 10:41 p.1", fontsize=6, render_mode=render_mode)
    report = analyse(document.tobytes(), matcher)
    assert report.details["text_source"] == "ocr"
    assert {"Python", "Kubernetes"} <= set(report.technical_skills)


def test_a_short_page_with_a_photo_is_not_taken_for_a_scan():
    """The stamped-scan rule needs a picture over most of the page: a title page with a photo stays text."""
    document = pymupdf.open()
    page = document.new_page()
    page.insert_text((72, 72), "Jane Doe, Data Engineer: portfolio 2026", fontsize=14)
    photo = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 40, 40), False)
    photo.set_rect(photo.irect, (120, 140, 160))
    page.insert_image(pymupdf.Rect(0, 100, page.rect.width * 0.8, page.rect.height * 0.6), pixmap=photo)
    assert not is_scanned(page, page.get_text("dict"), page.get_image_info())
    page.insert_image(page.rect, pixmap=photo)  # now a page-size picture under one line: a stamped scan
    assert is_scanned(page, page.get_text("dict"), page.get_image_info())
