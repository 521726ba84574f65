"""Scans are read in the same column order as their text PDF: Tesseract reads a sidebar's row and the main column's
row beside it as one text line, and the OCR line boxes are fitted to their ink so the two columns do not look like
the rows of one table (nor the rows of a real table like two columns)."""

import pymupdf

from analyses.pipeline.extract import parse_pdf
from analyses.pipeline.ocr import OcrOptions, fit_lines_to_ink

from . import pdfs, scans

OCR = OcrOptions()
SIDEBAR = [
    "SKILLS",
    "Python scripting",
    "Ansible playbooks",
    "Linux servers",
    "Django REST",
    "Kubernetes clusters",
    "LANGUAGES",
    "English (native)",
    "German (fluent)",
]
PROSE = [
    "PROFILE",
    "Consultant with strong theoretical skills and a solid background in building",
    "reliable software for customers of every size, from start-ups to large banks.",
    "Customer-oriented and structured method of working, with a focus on quality",
    "and maintainability. Highly motivated to work in big companies as in small teams.",
    "EXPERIENCE",
    "Automation engineer at Example Systems, where the deployment pipeline was",
    "rebuilt for forty services and the release time fell from days to one hour.",
    "Led the migration of the billing platform to containers with zero downtime.",
    "Wrote the on-call handbook and trained new engineers in incident response.",
    "Developer at Sample Labs, building internal tools for the finance department",
    "and the reporting service that replaced a dozen spreadsheets every month.",
]
GRID = [
    ("Frontend frameworks", "Delivery tooling"),
    ("React and Redux", "Docker Compose"),
    ("Vue with Pinia", "Terraform modules"),
    ("Sass and Tailwind", "GitHub Actions"),
    ("Jest and Cypress", "Ansible playbooks"),
]


def sidebar_pdf():
    """A narrow sidebar of short entries set at a wide pitch beside prose at a tight one (latexcv's sidebar)."""
    doc = pymupdf.open()
    page = doc.new_page(width=pdfs.LETTER[0], height=pdfs.LETTER[1])
    page.insert_text((40, 60), "Jane Doe", fontsize=22, fontname="hebo")
    for index, text in enumerate(SIDEBAR):
        page.insert_text((40, 140 + 34 * index), text, fontsize=10, fontname="hebo" if text.isupper() else "helv")
    for index, text in enumerate(PROSE):
        page.insert_text((200, 132 + 12 * index + (8 if index >= 5 else 0)), text, fontsize=9)
    return doc.tobytes()


def grid_pdf():
    """Two sides of short cells on shared rows: a skills table read row by row, not two columns."""
    doc = pymupdf.open()
    page = doc.new_page(width=pdfs.LETTER[0], height=pdfs.LETTER[1])
    page.insert_text((72, 80), "Jane Doe", fontsize=22, fontname="hebo")
    page.insert_text((72, 110), "Backend developer writing Python services and the tools around them.", fontsize=10)
    page.insert_text((72, 140), "SKILLS", fontsize=11, fontname="hebo")
    for index, (left, right) in enumerate(GRID * 2):
        page.insert_text((72, 160 + 16 * index), left, fontsize=10)
        page.insert_text((330, 160 + 16 * index), right, fontsize=10)
    return doc.tobytes()


def columns_and_order(pdf):
    parsed = parse_pdf(pdf, ocr=OCR)
    return parsed.pages[0].columns, [line.text for line in parsed.lines]


def test_a_scanned_sidebar_is_read_as_two_columns_like_its_text_pdf():
    text = sidebar_pdf()
    assert columns_and_order(text)[0] == 2
    for options in ({"dpi": 200}, {"dpi": 200, "angle": 1.0, "noise": 0.0005}):
        columns, order = columns_and_order(scans.scan_of(text, **options))
        assert columns == 2, options
        teams = next(index for index, line in enumerate(order) if "small teams" in line)
        german = next(index for index, line in enumerate(order) if "German" in line)
        assert german < teams, order  # the whole sidebar first, then the main column: prose not under Skills


def test_a_scanned_grid_of_short_cells_stays_rows_like_its_text_pdf():
    text = grid_pdf()
    assert columns_and_order(text)[0] == 1
    for options in ({"dpi": 200}, {"dpi": 200, "angle": 1.0, "noise": 0.0005}):  # a slant is not a column
        columns, order = columns_and_order(scans.scan_of(text, **options))
        assert columns == 1, options
    assert order.index("Frontend frameworks") < order.index("Delivery tooling") < order.index("React and Redux")


def test_a_line_box_is_fitted_to_the_ink_of_its_own_words():
    # One Tesseract line over two rows: a label low on the left, a word high on the right. Each keeps its own height.
    pixmap = pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.IRect(0, 0, 200, 60), 0)
    pixmap.clear_with(255)
    pixmap.set_rect(pymupdf.IRect(10, 30, 50, 42), (0,))  # left label, body rows 30-41
    pixmap.set_rect(pymupdf.IRect(120, 10, 180, 22), (0,))  # right word, body rows 10-21
    content = {"blocks": [{"lines": [line_over((0, 8, 60, 50)), line_over((110, 8, 190, 50))]}]}
    fit_lines_to_ink(content, pixmap, 1.0)
    left, right = (line["bbox"] for line in content["blocks"][0]["lines"])
    assert left[1] == 30 and left[3] > 42 and right[1] == 10 and right[3] < 30
    assert content["blocks"][0]["lines"][0]["spans"][0]["bbox"][1] == 30


def line_over(box):
    return {"bbox": box, "spans": [{"bbox": box, "text": "word"}]}
