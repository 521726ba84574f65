"""PDF → ParsedResume. The only module that imports PyMuPDF."""

from dataclasses import dataclass, field

import pymupdf

from .errors import UnreadablePdf

# Plain text flags: no images in the text dict (we only count images), whitespace kept for tokenising.
TEXT_FLAGS = pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP
MIN_TEXT_CHARS = 40


@dataclass
class TextLine:
    page: int  # 1-based
    text: str
    bbox: tuple  # x0, y0, x1, y1 in points
    size: float  # largest font size on the line
    bold: bool
    fonts: tuple = ()


@dataclass
class PageInfo:
    number: int
    width: float
    height: float
    image_count: int = 0
    drawing_count: int = 0


@dataclass
class ParsedResume:
    pages: list
    lines: list  # TextLine, in reading order: block by block, so each column stays together
    links: list = field(default_factory=list)  # URIs of link annotations
    fonts: dict = field(default_factory=dict)  # font name -> characters set in it
    font_sizes: dict = field(default_factory=dict)  # rounded size -> characters
    margins: dict = field(default_factory=dict)  # left/right/top/bottom in points, over all pages
    is_repaired: bool = False
    metadata: dict = field(default_factory=dict)

    @property
    def page_count(self):
        return len(self.pages)

    @property
    def text(self):
        return "\n".join(line.text for line in self.lines)


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
    if doc.page_count == 0:
        doc.close()
        raise UnreadablePdf("Could not read PDF: it has no pages.", "damaged_pdf")
    return doc


def parse_pdf(data, max_pages=10):
    doc = open_pdf(data)
    try:
        if doc.page_count > max_pages:
            raise UnreadablePdf(
                f"The PDF has {doc.page_count} pages; a resume can have at most {max_pages}.", "too_many_pages"
            )
        parsed = ParsedResume(pages=[], lines=[], is_repaired=bool(doc.is_repaired), metadata=dict(doc.metadata or {}))
        for index, page in enumerate(doc):
            _read_page(page, index + 1, parsed)
    except UnreadablePdf:
        raise
    except Exception:
        raise UnreadablePdf("Could not read PDF: the file is damaged.", "damaged_pdf") from None
    finally:
        doc.close()
    if sum(len(line.text.strip()) for line in parsed.lines) < MIN_TEXT_CHARS:
        raise UnreadablePdf(
            "The PDF holds no selectable text (it looks like a scan or an image). "
            "Export it as a PDF from your editor, or run OCR on it, and upload it again.",
            "no_text",
        )
    parsed.margins = _margins(parsed)
    return parsed


def _read_page(page, number, parsed):
    rect = page.rect
    info = PageInfo(number=number, width=rect.width, height=rect.height)
    info.image_count = len(page.get_images(full=False))
    parsed.pages.append(info)
    for link in page.get_links():
        if link.get("uri"):
            parsed.links.append(link["uri"])
    content = page.get_text("dict", flags=TEXT_FLAGS)
    for block in content["blocks"]:
        if block.get("type", 0) != 0:
            continue
        for line in block["lines"]:
            spans = [span for span in line["spans"] if span["text"]]
            text = "".join(span["text"] for span in spans)
            if not text.strip():
                continue
            for span in spans:
                chars = len(span["text"].strip())
                if chars:
                    parsed.fonts[span["font"]] = parsed.fonts.get(span["font"], 0) + chars
                    size = round(span["size"], 1)
                    parsed.font_sizes[size] = parsed.font_sizes.get(size, 0) + chars
            visible = [span for span in spans if span["text"].strip()]
            parsed.lines.append(
                TextLine(
                    page=number,
                    text=text.strip(),
                    bbox=_union(span["bbox"] for span in visible),
                    size=max(span["size"] for span in visible),
                    bold=all(span["flags"] & 16 or "bold" in span["font"].lower() for span in visible),
                    fonts=tuple(dict.fromkeys(span["font"] for span in visible)),
                )
            )


def _union(boxes):
    boxes = list(boxes)
    return (
        min(box[0] for box in boxes),
        min(box[1] for box in boxes),
        max(box[2] for box in boxes),
        max(box[3] for box in boxes),
    )


def _margins(parsed):
    sides = {"left": [], "right": [], "top": [], "bottom": []}
    for page in parsed.pages:
        boxes = [line.bbox for line in parsed.lines if line.page == page.number]
        if not boxes:
            continue
        x0, y0, x1, y1 = _union(boxes)
        sides["left"].append(x0)
        sides["top"].append(y0)
        sides["right"].append(page.width - x1)
        sides["bottom"].append(page.height - y1)
    return {side: round(max(0.0, min(values)), 1) for side, values in sides.items() if values}
