"""PDF → ParsedResume. With ocr.py, the only modules that import PyMuPDF.

One interpretation of each page: a text page that also collects vector paths (rules, boxes) gives text, fonts and
drawings at once; images are located with a second cheap call only on pages whose resources hold any.
"""

import re
from bisect import bisect_left
from dataclasses import dataclass, field

import pymupdf

from .errors import UnreadablePdf
from .facts import image_kind
from .layout import ZONE_SHARE, header_footer_zones, reading_order, union_box
from .ocr import find_tessdata, is_scanned, ocr_page_content
from .sections import heading_kinds

# Whitespace kept for tokenising; vectors collected to count rules and boxes without a get_drawings() pass.
TEXT_FLAGS = pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP | pymupdf.TEXT_COLLECT_VECTORS
MIN_TEXT_CHARS = 40
BOLD_FLAG = 16
# MuPDF marks each character as filled and/or stroked; text that is neither is invisible (OCR layers, hidden text).
VISIBLE_CHAR_FLAGS = 16 | 32
# A rule is a path thinner than this; shorter ones are bullets, icons or underlines of a word.
RULE_THICKNESS_PT = 2.5
MIN_HRULE_PT = 20
MIN_VRULE_PT = 12
MIN_SHAPE_PT = 3  # dots of a dotted rule are smaller
MAX_MARKER_PT, MARKER_GAP_PT = 8, 15  # a bullet drawn as a path: its size, and its distance to the text it marks
MIN_IMAGE_PT = 4  # smaller images are spacers and tracking pixels
# Glyphs without a Unicode mapping: U+FFFD inside a word or in runs, "(cid:…)" and control characters. A lone
# U+FFFD before a word is an unmapped icon (an envelope before the email) and costs nothing.
GARBLED_RE = re.compile(r"\ufffd{2,}|(?<=\w)\ufffd|\(cid:\d+\)|[\x00-\x08\x0b\x0c\x0e-\x1f]")
PRIVATE_USE_RE = re.compile(r"[\ue000-\uf8ff]")
# Word's PDF export separates words with "\t\r \xa0" runs and keeps soft hyphens; one space and no soft hyphen
# make headings, phone numbers and skills match as written.
WHITESPACE_RE = re.compile(r"[\s\xa0\u2000-\u200b\u202f\u205f\u3000]+")
DOUBLE_HYPHEN_RE = re.compile(r"-{2,}")  # "555-\xad‐5555": a hyphen, a soft hyphen and a Unicode hyphen in a row
HYPHEN_CHARS_RE = re.compile("[\xad\u2010\u2011]")
CELL_GAP_RE = re.compile(r"[\s\xa0]{2,}|\t")  # a tab or a run of spaces: the gap between two cells of a row
HYPHENS = str.maketrans({"\xad": None, "\u2010": "-", "\u2011": "-"})
# Cheap guards, counted in a page's raw content before MuPDF builds its text page and we build a dict per span (a
# million one-letter text objects took 2.1 GB that way). The densest real resume page has ~2,900 text-showing
# operators and 180 KB of content; these limits are over ten times that.
MAX_TEXT_OBJECTS_PER_PAGE = 50_000
MAX_CONTENT_BYTES_PER_PAGE = 8 * 1024 * 1024
# Pictures are decoded once per time the page draws them: one 25-megapixel picture drawn 200 times in a 36 KB file
# held a worker for the whole time limit. A 300 DPI scan of a page is ~9 megapixels; this is over ten times that.
MAX_IMAGE_PIXELS_PER_PAGE = 120_000_000
# What MuPDF reports when it gives up on part of a file: a page that then shows no text is damaged, not a scan.
DAMAGE_WARNINGS = ("syntax error", "format error", "limit error", "stack overflow", "cannot load object", "failed")
DAMAGED_MESSAGE = (
    "Could not read PDF: the file is damaged (its page tree or the objects on a page are broken or nested too deeply "
    "to read). Export it again from your editor and upload the new file."
)


@dataclass(eq=False)  # lines are compared by identity: two equal-looking lines are still two lines
class TextLine:
    page: int  # 1-based
    text: str
    bbox: tuple  # x0, y0, x1, y1 in points
    size: float  # largest font size on the line
    bold: bool
    fonts: tuple = ()
    zone: str = "body"  # body | header | footer
    column: int = 0  # 0 on one-column pages; 1, 2… left to right otherwise
    paragraph: int = 0  # .docx: 1-based paragraph number in reading order (what evidence points to)


@dataclass
class ImageInfo:
    page: int
    bbox: tuple
    pixels: tuple  # width, height in image pixels


@dataclass
class PageInfo:
    number: int
    width: float
    height: float
    image_count: int = 0
    drawing_count: int = 0  # vector paths on the page
    columns: int = 1
    horizontal_rules: int = 0
    vertical_rules: int = 0
    boxes: int = 0  # stroked rectangles big enough to frame text
    table_grids: int = 0  # horizontal rules crossing two or more vertical ones: the borders of a table
    shapes: int = 0  # other vector shapes: skill bars, charts, icons drawn as paths, coloured panels
    text_box: tuple = ()  # union of the boxes of the text blocks holding any text


@dataclass
class ParsedResume:
    pages: list
    lines: list  # TextLine in reading order: column by column, header first and footer last on each page
    links: list = field(default_factory=list)  # URIs of link annotations
    fonts: dict = field(default_factory=dict)  # font name -> characters set in it
    font_sizes: dict = field(default_factory=dict)  # rounded size -> characters
    margins: dict = field(default_factory=dict)  # left/right/top/bottom in points, over all pages
    images: list = field(default_factory=list)  # ImageInfo
    garbled_chars: int = 0  # U+FFFD, "(cid:…)" runs and control characters: glyphs without a Unicode mapping
    icon_chars: int = 0  # private-use characters: icon fonts (phone, envelope glyphs)
    invisible_chars: int = 0
    total_chars: int = 0
    is_repaired: bool = False
    metadata: dict = field(default_factory=dict)
    file_type: str = "pdf"  # pdf | docx
    ocr_pages: list = field(default_factory=list)  # pages whose text Tesseract read from the picture
    ocr_dpi: int = 0
    ocr_missing_pages: list = field(default_factory=list)  # scanned pages left unread: OCR is not installed
    page_count_estimated: bool = False  # a .docx has no pages until Word lays it out
    text_boxes: int = 0  # text in floating boxes (.docx): many ATS skip it

    @property
    def page_count(self):
        return len(self.pages)

    @property
    def text(self):
        return "\n".join(line.text for line in self.lines)

    @property
    def columns(self):
        return max((page.columns for page in self.pages), default=1)


def open_pdf(data):
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception:
        raise UnreadablePdf("Could not read PDF: the file is damaged or is not a PDF.", "damaged_pdf") from None
    if doc.needs_pass:
        doc.close()
        raise UnreadablePdf(
            "The PDF is password-protected. Remove the password and upload it again.", "password_protected"
        )
    try:
        page_count = doc.page_count
    except Exception:  # a page tree whose /Count lies about its kids
        doc.close()
        raise UnreadablePdf(DAMAGED_MESSAGE, "damaged_pdf") from None
    if page_count == 0:
        doc.close()
        raise UnreadablePdf("Could not read PDF: it has no pages.", "damaged_pdf")
    return doc


def parse_pdf(data, max_pages=10, ocr=None):
    """`ocr`: OcrOptions for pages that are only a picture; None reads text layers only."""
    pymupdf.TOOLS.mupdf_warnings(reset=True)
    doc = open_pdf(data)
    try:
        if doc.page_count > max_pages:
            raise UnreadablePdf(
                f"The PDF has {doc.page_count} pages; a resume can have at most {max_pages}.", "too_many_pages"
            )
        parsed = ParsedResume(pages=[], lines=[], is_repaired=bool(doc.is_repaired), metadata=dict(doc.metadata or {}))
        for index, page in enumerate(doc):  # every page is counted before any is turned into Python objects
            _check_page_size(page, index + 1)
        contents = [page.get_textpage(flags=TEXT_FLAGS).extractDICT() for page in doc]
        _ocr_scanned_pages(doc, contents, parsed, ocr)
        for index, page in enumerate(doc):
            _read_page(page, index + 1, parsed, contents[index])
    except (UnreadablePdf, MemoryError):
        raise
    except Exception:
        raise UnreadablePdf(DAMAGED_MESSAGE, "damaged_pdf") from None
    finally:
        doc.close()
    if sum(len(line.text.strip()) for line in parsed.lines) < MIN_TEXT_CHARS:
        if _mupdf_gave_up():
            raise UnreadablePdf(DAMAGED_MESSAGE, "damaged_pdf")
        if parsed.ocr_missing_pages:
            raise UnreadablePdf(
                "The PDF is a scan (its pages are pictures) and OCR is not installed on this server, so its text "
                "cannot be read. Upload a PDF exported from your editor (with selectable text), or a .docx.",
                "ocr_unavailable",
            )
        if parsed.ocr_pages:
            raise UnreadablePdf(
                "The PDF holds no selectable text, and OCR found no words in its pictures either. "
                "Upload a PDF exported from your editor, or a sharper scan (300 DPI, black on white).",
                "no_text",
            )
        raise UnreadablePdf(
            "The PDF holds no selectable text (it looks like a scan or an image). "
            "Export it as a PDF from your editor, or run OCR on it, and upload it again.",
            "no_text",
        )
    parsed.margins = _margins(parsed)
    return parsed


def _ocr_scanned_pages(doc, contents, parsed, options):
    """Replace the empty text of scanned pages by what Tesseract reads on them; note which pages it read."""
    if options is None:
        return
    scanned = [
        index
        for index, page in enumerate(doc)
        if page.get_images(full=False) and is_scanned(page, contents[index], page.get_image_info())
    ]
    if not scanned:
        return
    tessdata = find_tessdata(options)
    if not tessdata:
        parsed.ocr_missing_pages = [index + 1 for index in scanned]
        return
    if len(scanned) > options.max_pages:
        raise UnreadablePdf(
            f"The PDF has {len(scanned)} scanned pages; at most {options.max_pages} are read by OCR. "
            "Upload a PDF exported from your editor (with selectable text), or a .docx.",
            "too_many_scanned_pages",
        )
    for index in scanned:
        contents[index], parsed.ocr_dpi = ocr_page_content(doc[index], index + 1, options, tessdata)
        parsed.ocr_pages.append(index + 1)


def _read_page(page, number, parsed, content):
    rect = page.rect
    info = PageInfo(number=number, width=rect.width, height=rect.height)
    parsed.pages.append(info)
    ocr = number in parsed.ocr_pages
    for link in page.get_links():
        if link.get("uri"):
            parsed.links.append(link["uri"])
    if page.get_images(full=False):  # reads the resources only; locating the images costs a pass, so only then
        for image in page.get_image_info():
            x0, y0, x1, y1 = image["bbox"]
            if x1 - x0 >= MIN_IMAGE_PT and y1 - y0 >= MIN_IMAGE_PT:
                if ocr and image_kind(image["bbox"], rect.width, rect.height, number) == "page":
                    continue  # the scan itself: reported as a page read by OCR, not as a picture on the page
                parsed.images.append(ImageInfo(number, tuple(image["bbox"]), (image["width"], image["height"])))
                info.image_count += 1
    lines, vectors = [], []
    for block in content["blocks"]:
        kind = block.get("type", 0)
        if kind == 0:
            found = list(_block_lines(block, number, parsed, ocr))
            if found:
                lines.extend(found)
                info.text_box = union_box([block["bbox"], info.text_box or block["bbox"]])
        elif kind == 3:
            vectors.append(block)
    _count_vectors(vectors, info, lines)
    # Class: when the page before ends with a heading (orphaned at a browser-printed page break) or its body runs
    # on into the bottom zone (a page flowing without a footer margin), the top of this page continues it: body,
    # not header text.
    previous = [line for line in parsed.lines if line.page == number - 1 and line.zone == "body"]
    continued = bool(previous) and (
        bool(heading_kinds(previous[-1].text))
        or max(line.bbox[3] for line in previous) >= rect.height * (1 - ZONE_SHARE)
    )
    header, footer = header_footer_zones(lines, rect.height, after_heading=continued)
    for line in header:
        line.zone = "header"
    for line in footer:
        line.zone = "footer"
    body = [line for line in lines if line.zone == "body"]
    ordered, columns, info.columns = reading_order(body)
    for line, column in zip(ordered, columns, strict=True):
        line.column = column
    parsed.lines.extend(sorted(header, key=lambda line: (line.bbox[1], line.bbox[0])))
    parsed.lines.extend(ordered)
    parsed.lines.extend(sorted(footer, key=lambda line: (line.bbox[1], line.bbox[0])))


def _check_page_size(page, number):
    content = page.read_contents()
    text_objects = _text_objects(content) + _text_objects_in_forms(page, content)
    if text_objects > MAX_TEXT_OBJECTS_PER_PAGE:
        raise UnreadablePdf(
            f"Page {number} holds {text_objects:,} pieces of text; a resume page has a few thousand at most "
            f"(limit {MAX_TEXT_OBJECTS_PER_PAGE:,}). The file may be built to exhaust the reader; export it again "
            "from your editor.",
            "page_too_complex",
        )
    pixels = _image_pixels_drawn(page, content)
    if pixels > MAX_IMAGE_PIXELS_PER_PAGE:
        raise UnreadablePdf(
            f"Page {number} draws {pixels // 1_000_000:,} megapixels of pictures; a resume page needs a few at most "
            f"(limit {MAX_IMAGE_PIXELS_PER_PAGE // 1_000_000:,}). The file may be built to exhaust the reader; export "
            "it again from your editor.",
            "page_too_complex",
        )
    if len(content) > MAX_CONTENT_BYTES_PER_PAGE:
        raise UnreadablePdf(
            f"Page {number} holds {len(content) // (1024 * 1024)} MB of drawing instructions; a resume page needs "
            f"well under one (limit {MAX_CONTENT_BYTES_PER_PAGE // (1024 * 1024)} MB). Export it again from your "
            "editor.",
            "page_too_complex",
        )


def _text_objects(content):
    return max(content.count(b"BT"), content.count(b"Tj") + content.count(b"TJ"))


def _text_objects_in_forms(page, content):
    """Text in the forms the page draws, once per time it draws each: a form of 1,000 letters drawn 2,000 times is
    two million text objects in an 8 KB file. Forms inside forms are left to the memory cap."""
    total = 0
    for xref, name, invoker, _ in page.get_xobjects():
        if invoker == 0:
            uses = len(re.findall(re.escape(b"/" + name.encode()) + rb"\s*Do\b", content))
            total += uses * _text_objects(page.parent.xref_stream(xref) or b"") if uses else 0
    return total


def _image_pixels_drawn(page, content):
    """Pixels of the pictures the page draws itself, once per time it draws each (pictures inside forms are left to
    the time and memory limits)."""
    total = 0
    for image in page.get_images(full=True):
        width, height, name, invoker = image[2], image[3], image[7], image[9]
        if invoker == 0:
            uses = len(re.findall(re.escape(b"/" + name.encode()) + rb"\s*Do\b", content))
            total += uses * width * height
    return total


def _mupdf_gave_up():
    warnings = pymupdf.TOOLS.mupdf_warnings().lower()
    return any(sign in warnings for sign in DAMAGE_WARNINGS)


def _block_lines(block, number, parsed, ocr=False):
    for line in block["lines"]:
        spans = [span for span in line["spans"] if span["text"]]
        text = _clean("".join(span["text"] for span in spans))
        if not text:
            continue
        visible = [span for span in spans if span["text"].strip()]
        for span in visible:
            chars = len(span["text"].strip())
            parsed.total_chars += chars
            if ocr:
                continue  # OCR text is set in an invisible stand-in font at estimated sizes: nothing to measure
            parsed.fonts[span["font"]] = parsed.fonts.get(span["font"], 0) + chars
            size = round(span["size"], 1)
            parsed.font_sizes[size] = parsed.font_sizes.get(size, 0) + chars
            if not span.get("char_flags", VISIBLE_CHAR_FLAGS) & VISIBLE_CHAR_FLAGS or not span.get("alpha", 255):
                parsed.invisible_chars += chars
        parsed.garbled_chars += sum(len(found) for found in GARBLED_RE.findall(text))
        parsed.icon_chars += len(PRIVATE_USE_RE.findall(text))
        cell = _heading_cell_end(visible) if len(visible) > 1 else 0
        if cell:
            yield _text_line(number, visible[:cell], _clean("".join(span["text"] for span in visible[:cell])))
            yield _text_line(number, visible[cell:], _clean("".join(span["text"] for span in visible[cell:])))
        else:
            yield _text_line(number, visible, text)


def _clean(text):
    if HYPHEN_CHARS_RE.search(text):  # str.translate with a table costs more than this test on every line
        text = DOUBLE_HYPHEN_RE.sub("-", text.translate(HYPHENS))
    return WHITESPACE_RE.sub(" ", text).strip()


def _text_line(number, spans, text):
    return TextLine(
        page=number,
        text=text,
        bbox=union_box(span["bbox"] for span in spans),
        size=max(span["size"] for span in spans),
        bold=all(_is_bold(span) for span in spans),
        fonts=tuple(dict.fromkeys(span["font"] for span in spans)),
    )


def _is_bold(span):
    return bool(span["flags"] & BOLD_FLAG) or "bold" in span["font"].lower()


def _heading_cell_end(spans):
    """Class: a heading cell glued to its content on one text line ("EDUCATION⇥BSc Nursing…", a tab or a run of
    spaces after a bold or capitals heading). The index of the first content span, or 0: the heading is then its own
    line beside the content, as a table row's cells are."""
    for end in range(1, min(3, len(spans))):
        head, rest = spans[:end], spans[end]
        head_text = "".join(span["text"] for span in head).strip()
        styled_apart = (all(_is_bold(span) for span in head) and not _is_bold(rest)) or (
            head_text.isupper() and not rest["text"].strip().isupper()
        )
        gap = rest["bbox"][0] - head[-1]["bbox"][2]
        spaced = gap >= rest["size"] or CELL_GAP_RE.match(rest["text"])
        if styled_apart and spaced and heading_kinds(_clean(head_text)):
            return end
    return 0


def _count_vectors(vectors, info, lines=()):
    info.drawing_count = len(vectors)
    starts = sorted((line.bbox[0], line.bbox[1], line.bbox[3]) for line in lines)
    horizontal, vertical = [], []
    page_area = info.width * info.height
    for vector in vectors:
        x0, y0, x1, y1 = vector["bbox"]
        width, height = x1 - x0, y1 - y0
        if height <= RULE_THICKNESS_PT and width >= MIN_HRULE_PT:
            horizontal.append((x0, x1, (y0 + y1) / 2))
        elif width <= RULE_THICKNESS_PT and height >= MIN_VRULE_PT:
            vertical.append(((x0 + x1) / 2, y0, y1))
        # A stroked frame round text; one framing half the page or more is a page border, not a cell.
        elif vector.get("stroked") and vector.get("isrect") and width >= MIN_HRULE_PT and height >= MIN_VRULE_PT:
            info.boxes += width * height < 0.5 * page_area
        elif width >= MIN_SHAPE_PT and height >= MIN_SHAPE_PT and width * height < 0.5 * page_area:
            info.shapes += not _list_marker(vector["bbox"], starts)
    info.horizontal_rules, info.vertical_rules = len(horizontal), len(vertical)
    if len(vertical) >= 2:
        info.table_grids = sum(1 for rule in horizontal[:500] if _crossings(rule, vertical[:200]) >= 2)


def _list_marker(box, starts):
    """Class: a list bullet drawn as a small disc or square (browsers draw CSS list markers as paths) sits just left
    of the start of a text line, within its height; rating dots and icons do not. `starts`: (x0, y0, y1) of every
    line, sorted."""
    x0, y0, x1, y1 = box
    if x1 - x0 > MAX_MARKER_PT or y1 - y0 > MAX_MARKER_PT:
        return False
    middle = (y0 + y1) / 2
    for start_x, start_y0, start_y1 in starts[bisect_left(starts, (x1,)) :]:
        if start_x - x1 > MARKER_GAP_PT:
            return False
        if start_y0 <= middle <= start_y1:
            return True
    return False


def _crossings(horizontal, verticals):
    x0, x1, y = horizontal
    slack = RULE_THICKNESS_PT
    return sum(1 for x, y0, y1 in verticals if x0 - slack <= x <= x1 + slack and y0 - slack <= y <= y1 + slack)


def _margins(parsed):
    """Text margins as the corpus labels measure them: from the boxes of the text blocks, over all pages."""
    boxes = [page for page in parsed.pages if page.text_box]
    if not boxes:
        return {}
    return {
        "left": round(max(0.0, min(page.text_box[0] for page in boxes)), 1),
        "right": round(max(0.0, min(page.width - page.text_box[2] for page in boxes)), 1),
        "top": round(max(0.0, min(page.text_box[1] for page in boxes)), 1),
        "bottom": round(max(0.0, min(page.height - page.text_box[3] for page in boxes)), 1),
    }
