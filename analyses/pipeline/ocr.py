"""OCR of PDF pages that are only a picture (a scan), with Tesseract through PyMuPDF.

MuPDF carries the Tesseract engine itself: only the language data (Debian's tesseract-ocr-eng) must be installed,
and the words come back as an ordinary MuPDF text page, with a box per word, so margins and columns are measured
from the scan the way they are from a text PDF. Bounded: a fixed DPI, a pixel budget per page (a huge page is read at
a lower DPI, or refused), and a cap on the pixels of the images a page would decode.
"""

import math
from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

from .errors import UnreadablePdf

# Debian's tesseract-ocr-eng puts its data here (5.x; 4.x before); a configured folder is tried first.
TESSDATA_CANDIDATES = ("/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata")
LANGUAGE = "eng"
# A page is a scan when it holds (almost) no text and a picture covers a good part of it.
MAX_SCAN_TEXT_CHARS = 10
MIN_SCAN_IMAGE_SHARE = 0.25
# 300 DPI is what Tesseract is trained for; a letter page is then 8.4 megapixels (~25 MB as RGB, ~1.5 s of CPU).
MIN_DPI = 100  # below this body text is too small to read: a page needing less is far larger than any paper
BULLET_MARKS = frozenset("-–—•*●▪◦■>»")
OCR_TEXT_FLAGS = pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP


@dataclass
class OcrOptions:
    dpi: int = 300
    max_pages: int = 3  # a resume is at most 3 pages; at up to 5 s each that stays inside a 30 s time limit
    max_page_pixels: int = 12_000_000  # letter at 300 DPI is 8.4 MP; A3 gets read at a lower DPI
    max_image_pixels: int = 60_000_000  # a decoded picture this large is ~180 MB of RGB
    tessdata: str = ""  # the folder holding eng.traineddata; empty: Debian's places
    candidates: tuple = field(default=TESSDATA_CANDIDATES)


def find_tessdata(options):
    """The language-data folder, or "" when OCR is not installed."""
    for folder in (options.tessdata, *options.candidates):
        if folder and (Path(folder) / f"{LANGUAGE}.traineddata").is_file():
            return folder
    return ""


def is_scanned(page, content, images):
    """No text worth the name, and a picture over a good part of the page."""
    chars = sum(
        len(span["text"].strip())
        for block in content["blocks"]
        if block.get("type", 0) == 0
        for line in block["lines"]
        for span in line["spans"]
    )
    if chars > MAX_SCAN_TEXT_CHARS:
        return False
    area = page.rect.width * page.rect.height
    covered = sum(_clipped_area(image["bbox"], page.rect) for image in images)
    return area > 0 and covered >= MIN_SCAN_IMAGE_SHARE * area


def ocr_page_content(page, number, options, tessdata):
    """The page's words as MuPDF's dict of blocks/lines/spans, read by Tesseract at (at most) options.dpi."""
    for image in page.get_image_info():
        pixels = image.get("width", 0) * image.get("height", 0)
        if pixels > options.max_image_pixels:
            raise UnreadablePdf(
                f"Page {number} is a picture of {pixels / 1e6:.0f} megapixels, too large to read by OCR "
                f"(at most {options.max_image_pixels / 1e6:.0f}). Scan it at 300 DPI, or export a text PDF.",
                "scan_too_large",
            )
    dpi = page_dpi(page.rect.width, page.rect.height, options)
    if dpi < MIN_DPI:
        raise UnreadablePdf(
            f"Page {number} is {page.rect.width / 72:.0f} × {page.rect.height / 72:.0f} inches, too large to read "
            "by OCR. Scan the resume at letter or A4 size, or export a text PDF.",
            "scan_too_large",
        )
    textpage = page.get_textpage_ocr(flags=OCR_TEXT_FLAGS, language=LANGUAGE, dpi=dpi, full=True, tessdata=tessdata)
    return without_edge_marks(textpage.extractDICT()), dpi


def without_edge_marks(content):
    """Drop the words at either end of a line that hold no letter or digit: Tesseract reads rules, frames, icons
    and specks beside text as "|", "=", "©" (a heading "| SKILLS |" would not be a heading). A bullet stays."""
    for block in content["blocks"]:
        if block.get("type", 0) != 0:
            continue
        for line in block["lines"]:
            spans = line["spans"]
            while spans and _is_mark(spans[-1]["text"]):
                spans.pop()
            start = 0
            while start < len(spans) and _is_mark(spans[start]["text"]) and not _is_bullet(spans[start]["text"]):
                start += 1
            line["spans"] = spans[start:]
        block["lines"] = [line for line in block["lines"] if line["spans"]]
    return content


def _is_mark(text):
    return not any(char.isalnum() for char in text)


def _is_bullet(text):
    return text.strip() in BULLET_MARKS


def page_dpi(width_pt, height_pt, options):
    """options.dpi, lowered so the rendered page stays within the pixel budget."""
    pixels = (width_pt / 72 * options.dpi) * (height_pt / 72 * options.dpi)
    if pixels <= options.max_page_pixels:
        return options.dpi
    return int(options.dpi * math.sqrt(options.max_page_pixels / pixels))


def _clipped_area(bbox, rect):
    x0, y0, x1, y1 = max(bbox[0], rect.x0), max(bbox[1], rect.y0), min(bbox[2], rect.x1), min(bbox[3], rect.y1)
    return max(0.0, x1 - x0) * max(0.0, y1 - y0)
