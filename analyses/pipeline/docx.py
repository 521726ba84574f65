""".docx → ParsedResume, the structure the PDF path builds, so sections, skills, checks and score are the same code.

The package is opened with zipfile and only the parts the reader uses are parsed, with lxml: the body, styles,
theme, the headers and footers the sections reference, their relationships and the core properties (python-docx's
`Document()` parses every XML part up front, and measured as half of the whole .docx analysis: docs/formats.md). The
body is walked as XML in document order, because text boxes, section columns and numbering live in markup
python-docx has no API for. What a PDF only lets us measure is exact here: margins and columns from the section
properties, typefaces and sizes from the runs and their styles, tables, text boxes and pictures from the markup. What
a .docx does not have is pages: Word lays them out when it opens the file, so page numbers and positions are
estimated (the last layout Word saved, where it left its page-break marks, else from line lengths) and the result
says so.
"""

import io
import math
import posixpath
import re
import zipfile
from dataclasses import dataclass

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from .errors import UnreadablePdf
from .extract import ImageInfo, PageInfo, ParsedResume, TextLine
from .facts import MIN_TABLE_GRIDS

TWIPS_PER_PT = 20
EMU_PER_PT = 12700
# Word pages are at most 22 inches; a length beyond that (or not finite: "nan", "1e400") is malformed.
MAX_LENGTH_PT = 22 * 72
# Content this many pages long without a page mark Word saved is paged by its length instead.
STALE_BREAKS_PAGES = 2
# Word gives a section at most three headers (default, first page, even pages): more parts than this is no resume.
MAX_HEADER_PARTS = 12
BULLET = "• "  # list numbering is markup, not text; the PDF path sees the mark Word draws
# Word's defaults when a document declares none (ECMA-376: 10 pt Times New Roman; letter page, 1 in margins).
DEFAULT_SIZE_PT = 10.0
DEFAULT_FONT = "Times New Roman"
DEFAULT_PAGE = (612.0, 792.0)
DEFAULT_MARGIN_PT = 72.0
# Layout estimate: average glyph width as a share of the size for proportional faces; line height 1.15x the size.
CHAR_WIDTH_EM = 0.5
LINE_HEIGHT_EM = 1.15
# Synthetic line boxes are half a size tall, so two paragraphs never look like one wrapped line to the bullet finder.
BOX_HEIGHT_EM = 0.5

MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
MC_ALTERNATE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"
PICTURE_URI = "http://schemas.openxmlformats.org/drawingml/2006/picture"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
TRUE_VALUES = ("1", "true", "on")
RUN_CONTAINERS = {qn(tag) for tag in ("w:hyperlink", "w:ins", "w:smartTag", "w:fldSimple", "w:customXml", "w:moveTo")}


def parse_docx(data, max_pages=10):
    try:
        document = _Package(data)
    except Exception:
        raise UnreadablePdf(
            "Could not read the Word document: it is damaged. Save it again from Word, or export it as a PDF.",
            "damaged_docx",
        ) from None
    try:
        parsed = _Reader(document, max_pages).read()
    except UnreadablePdf:
        raise
    except Exception:
        raise UnreadablePdf(
            "Could not read the Word document: its content is damaged. Save it again from Word, or export a PDF.",
            "damaged_docx",
        ) from None
    if sum(len(line.text.strip()) for line in parsed.lines) < 40:
        raise UnreadablePdf(
            "The Word document holds almost no text (is the resume a picture pasted into it?). "
            "Type it as text, or export a PDF, and upload it again.",
            "no_text",
        )
    return parsed


R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
DC_NS = "{http://purl.org/dc/elements/1.1/}"
# Table styles are never read (a table's text takes its paragraph and run styles), yet python-docx's template, and
# documents made from it, define a hundred of them: nine tenths of a 350 KB styles part. Cut before parsing.
TABLE_STYLE = b'w:type="table"'


class _Package:
    """The parts of a .docx the reader needs, each parsed once: the main document, its styles and theme, the headers
    and footers its sections reference, hyperlink targets and the core properties."""

    def __init__(self, data):
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        package_rels = self._rels("")
        main = next(target for kind, target, _ in package_rels.values() if kind == RT.OFFICE_DOCUMENT)
        self.main = main
        self.element = self._xml(main)
        self.body = self.element.find(qn("w:body"))
        self.rels = self._rels(main)
        styles = self._target(self.rels, RT.STYLES)
        self.styles = self._xml(styles, _without_table_styles) if styles else etree.Element(qn("w:styles"))
        theme = self._target(self.rels, RT.THEME)
        self.theme = self._xml(theme) if theme else None
        core = self._target(package_rels, RT.CORE_PROPERTIES)
        self.core = self._xml(core) if core else None
        self._parts = {}

    def part(self, rel_id):
        """(element, relationships) of the header or footer a section references by relationship id; None for a
        reference to nothing or outside the package. Parsed once per part, however many ids point at it."""
        target = self.part_name(rel_id)
        if target is None:
            return None
        if target not in self._parts:
            self._parts[target] = (self._xml(target), self._rels(target))
        return self._parts[target]

    def part_name(self, rel_id):
        """The package part a relationship id points at; None for nothing or a target outside the package."""
        kind, target, external = self.rels.get(rel_id, ("", "", True))
        return None if external else target or None

    def core_property(self, name):
        found = self.core.find(f"{DC_NS}{name}") if self.core is not None else None
        return (found.text or "") if found is not None else ""

    def _xml(self, name, prepare=None):
        data = self.zip.read(name)
        return etree.fromstring(prepare(data) if prepare else data, _parser())

    def _rels(self, part_name):
        """{id: (type, target part name or URL, external)} of a part ("" for the package's own)."""
        folder, base = posixpath.split(part_name)
        name = posixpath.join(folder, "_rels", f"{base}.rels")
        if name not in self.zip.NameToInfo:
            return {}
        rels = {}
        for rel in etree.fromstring(self.zip.read(name), _parser()).iter(f"{RELS_NS}Relationship"):
            external = rel.get("TargetMode") == "External"
            target = rel.get("Target", "")
            if not external:  # a part name: absolute ("/word/header1.xml") or relative to the part's folder
                target = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
                target = posixpath.normpath(target)
            rels[rel.get("Id")] = (rel.get("Type"), target, external)
        return rels

    @staticmethod
    def _target(rels, kind):
        return next((target for reltype, target, external in rels.values() if reltype == kind and not external), "")


def _parser():
    """As python-docx parses: no entities resolved, no network, no huge trees. One per parse: lxml parsers are not
    shared between threads."""
    return etree.XMLParser(resolve_entities=False, no_network=True)


def _without_table_styles(xml):
    """styles.xml less its `<w:style w:type="table" …>…</w:style>` elements (styles never nest). Anything written
    otherwise (another prefix, the attribute on some other element) is left in place: it only costs parsing time."""
    pieces, position = [], 0
    found = xml.find(TABLE_STYLE)
    while found != -1:
        start = xml.rfind(b"<w:style ", position, found)
        open_end = xml.find(b">", found)
        if start != -1 and open_end != -1 and b">" not in xml[start:found]:
            self_closing = xml[open_end - 1 : open_end] == b"/"
            end = open_end + 1 if self_closing else xml.find(b"</w:style>", open_end)
            if end != -1:
                pieces.append(xml[position:start])
                position = end if self_closing else end + len(b"</w:style>")
        found = xml.find(TABLE_STYLE, max(position, found + 1))
    pieces.append(xml[position:])
    return b"".join(pieces)


@dataclass
class _Geometry:
    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float
    columns: int = 1
    column_gap: float = 36.0

    @property
    def column_width(self):
        usable = self.width - self.left - self.right
        return max(36.0, (usable - self.column_gap * (self.columns - 1)) / self.columns)

    @property
    def column_height(self):
        return max(72.0, self.height - self.top - self.bottom)


class _Reader:
    def __init__(self, document, max_pages):
        self.document = document
        self.max_pages = max_pages
        self.parsed = ParsedResume(pages=[], lines=[], file_type="docx", page_count_estimated=True)
        self.styles = {style.get(qn("w:styleId")): style for style in document.styles.iterchildren(qn("w:style"))}
        self.default_paragraph_style = next(
            (
                style_id
                for style_id, style in self.styles.items()
                if style.get(qn("w:type")) == "paragraph" and style.get(qn("w:default")) in TRUE_VALUES
            ),
            None,
        )
        defaults = document.styles.find(qn("w:docDefaults"))
        self.default_rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}") if defaults is not None else None
        self.theme_fonts = _theme_fonts(document.theme)
        self.rendered_breaks = any(True for _ in document.body.iter(qn("w:lastRenderedPageBreak")))
        self.paragraph = 0
        self.page = 1
        self.flow = 0.0  # height used in the current page's columns
        self.laid_out = 0.0  # height of all the text laid out so far, table cells included
        self.geometry = None

    # Walking

    def read(self):
        parsed = self.parsed
        body = self.document.body
        sections = [sect_pr for sect_pr in body.iter(qn("w:sectPr"))]
        geometries = [_geometry(sect_pr) for sect_pr in sections] or [_geometry(None)]
        section_index = 0
        self._start_section(geometries[0], first=True)
        header_lines = self._header_footer_lines(sections, "header")
        body_lines = []
        for block in body.iterchildren():
            if block.tag == qn("w:p"):
                body_lines.extend(self._paragraph(block))
                sect_pr = block.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
                if sect_pr is not None and section_index + 1 < len(geometries):
                    section_index += 1
                    following = geometries[section_index]
                    new_page = _section_type(sections[section_index]) != "continuous" and not self.rendered_breaks
                    self._start_section(following, new_page=new_page)
            elif block.tag == qn("w:tbl"):
                body_lines.extend(self._table(block))
            elif block.tag == qn("w:sdt"):
                content = block.find(qn("w:sdtContent"))
                for inner in content.iterchildren() if content is not None else ():
                    if inner.tag == qn("w:p"):
                        body_lines.extend(self._paragraph(inner))
                    elif inner.tag == qn("w:tbl"):
                        body_lines.extend(self._table(inner))
        footer_lines = self._header_footer_lines(sections, "footer")
        parsed.lines = header_lines + body_lines + footer_lines
        parsed.links = _links(self.document, sections)
        parsed.margins = {
            side: round(min(getattr(geometry, side) for geometry in geometries), 1)
            for side in ("left", "right", "top", "bottom")
        }
        parsed.metadata = {
            "author": self.document.core_property("creator"),
            "title": self.document.core_property("title"),
        }
        return parsed

    def _start_section(self, geometry, first=False, new_page=True):
        if not first and new_page:
            self._new_page()
        self.geometry = geometry
        if first or new_page:
            self._ensure_page()
        self._ensure_page().columns = max(self._ensure_page().columns, geometry.columns)

    def _ensure_page(self):
        while len(self.parsed.pages) < self.page:
            geometry = self.geometry
            self.parsed.pages.append(
                PageInfo(
                    number=len(self.parsed.pages) + 1,
                    width=geometry.width,
                    height=geometry.height,
                    columns=geometry.columns,
                    text_box=(
                        geometry.left,
                        geometry.top,
                        geometry.width - geometry.right,
                        geometry.height - geometry.bottom,
                    ),
                )
            )
        return self.parsed.pages[self.page - 1]

    def _new_page(self):
        self.page += 1
        self.flow = 0.0
        if self.page > self.max_pages:
            raise UnreadablePdf(
                f"The Word document runs to about {self.page} pages; a resume can have at most {self.max_pages}.",
                "too_many_pages",
            )
        self._ensure_page()

    def _position(self, height):
        """(page, column 0-based, y) for a block this tall at the current point of the flow; advances the flow."""
        geometry = self.geometry
        capacity = geometry.column_height * geometry.columns
        if not self.rendered_breaks and self.flow + height > capacity and self.flow > 0:
            self._new_page()
        elif self.rendered_breaks and self.flow + height > STALE_BREAKS_PAGES * capacity:
            # Page marks Word saved are trusted, but a mark can be stale or planted once: content running on for
            # pages without one is paged by its length, so no document escapes the page limit.
            self._new_page()
        # Table cells restart the flow at their row's top, so a row of page-long cells never turns a page: all the
        # text laid out, wherever it stands, may fill at most the page limit (twice over, for side-by-side cells).
        self.laid_out += height
        if self.laid_out > STALE_BREAKS_PAGES * self.max_pages * capacity:
            raise UnreadablePdf(
                f"The Word document holds more text than {self.max_pages} pages can; a resume can have at most "
                f"{self.max_pages}.",
                "too_many_pages",
            )
        column = min(geometry.columns - 1, int(self.flow // geometry.column_height))
        y = geometry.top + self.flow - column * geometry.column_height
        self.flow += height
        return self.page, column, y

    def _table(self, table, zone="body", x_offset=0.0):
        lines = []
        widths = [_twips(col.get(qn("w:w"))) for col in table.iterfind(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")]
        cells = 0
        start_page = self.page
        for row in table.iterchildren(qn("w:tr")):
            row_top = self.flow
            row_bottom = self.flow
            x = x_offset
            for index, cell in enumerate(row.iterchildren(qn("w:tc"))):
                cells += 1
                self.flow = row_top
                for inner in cell.iterchildren():
                    if inner.tag == qn("w:p"):
                        lines.extend(self._paragraph(inner, zone=zone, x_offset=x))
                    elif inner.tag == qn("w:tbl"):
                        lines.extend(self._table(inner, zone=zone, x_offset=x))
                row_bottom = max(row_bottom, self.flow)
                x += widths[index] if index < len(widths) else 0.0
            self.flow = row_bottom
        if zone == "body" and cells >= 2:
            # A grid in the markup is a table for certain; the PDF path infers one from three crossing rules.
            page = self.parsed.pages[start_page - 1]
            page.table_grids = max(page.table_grids, MIN_TABLE_GRIDS)
        return lines

    def _paragraph(self, p, zone="body", x_offset=0.0):
        segments, boxes, breaks = self._runs(p)
        ppr = p.find(qn("w:pPr"))
        style_chain = self._style_chain(_val(ppr, "w:pStyle") or self.default_paragraph_style)
        # Word's own page-break marks from its last layout, when it saved them; else the breaks the author set.
        kind = "rendered" if self.rendered_breaks else "explicit"
        starts_page = breaks.get(kind) == "first" or (
            kind == "explicit" and self._is_page_break_before(ppr, style_chain)
        )
        if zone == "body" and starts_page and (self.flow > 0 or kind == "rendered"):
            self._new_page()
        text = "".join(text for text, _ in segments)
        lines = []
        if text.strip():
            is_list = not self._is_heading(style_chain) and self._has_numbering(ppr, style_chain)
            pieces = [" ".join(text.split("\n"))] if is_list else text.split("\n")
            sizes = [self._size(rpr, style_chain) for _, rpr in segments if _.strip()]
            size = max(sizes) if sizes else DEFAULT_SIZE_PT
            self._count_fonts(segments, style_chain)
            indent = _twips(_attr(ppr, "w:ind", "w:left") or _attr(ppr, "w:ind", "w:start"))
            bold = all(self._bold(rpr, style_chain) for piece, rpr in segments if piece.strip())
            fonts = tuple(dict.fromkeys(self._font(rpr, style_chain) for piece, rpr in segments if piece.strip()))
            for piece in pieces:
                piece = " ".join(piece.split())
                if not piece:
                    continue
                self.paragraph += 1
                lines.append(self._line(piece, size, bold, fonts, zone, x_offset + indent, is_list))
        elif zone == "body":
            self._position(DEFAULT_SIZE_PT * LINE_HEIGHT_EM)  # an empty paragraph still takes a line
        if zone == "body" and breaks.get(kind) == "inside":
            self._new_page()
        for box in boxes:
            self.parsed.text_boxes += 1
            for inner in box.iterchildren():
                if inner.tag == qn("w:p"):
                    lines.extend(self._paragraph(inner, zone=zone, x_offset=x_offset))
                elif inner.tag == qn("w:tbl"):
                    lines.extend(self._table(inner, zone=zone, x_offset=x_offset))
        return lines

    def _line(self, text, size, bold, fonts, zone, x, is_list):
        geometry = self.geometry
        text = (BULLET + text) if is_list else text
        width = len(text) * size * CHAR_WIDTH_EM
        line_count = max(1, math.ceil(width / geometry.column_width))
        height = line_count * size * LINE_HEIGHT_EM + size * 0.4
        if zone == "body":
            page, column, y = self._position(height)
        else:
            page, column = 1, 0
            y = geometry.top / 2 if zone == "header" else geometry.height - geometry.bottom / 2
        x0 = geometry.left + x + column * (geometry.column_width + geometry.column_gap)
        x1 = x0 + min(width, geometry.column_width)
        return TextLine(
            page=page,
            text=text,
            bbox=(x0, y, x1, y + size * BOX_HEIGHT_EM),
            size=size,
            bold=bold,
            fonts=fonts,
            zone=zone,
            column=column + 1 if geometry.columns > 1 else 0,
            paragraph=self.paragraph,
        )

    def _runs(self, p):
        """([(text, run properties)], text-box contents, page breaks {"explicit"|"rendered": "first"|"inside"})."""
        segments, boxes, breaks = [], [], {}
        for run in _iter_runs(p):
            rpr = run.find(qn("w:rPr"))
            for child in run.iterchildren():
                tag = child.tag
                if tag == qn("w:t"):
                    segments.append((child.text or "", rpr))
                elif tag == qn("w:tab") or tag == qn("w:ptab"):
                    segments.append((" ", rpr))
                elif tag in (qn("w:br"), qn("w:cr")):
                    kind = child.get(qn("w:type"))
                    if kind == "page":
                        breaks.setdefault("explicit", _where(segments))
                    if kind != "column":
                        segments.append(("\n", rpr))
                elif tag == qn("w:noBreakHyphen"):
                    segments.append(("-", rpr))
                elif tag == qn("w:lastRenderedPageBreak"):
                    breaks.setdefault("rendered", _where(segments))
                elif tag in (qn("w:drawing"), qn("w:pict"), MC_ALTERNATE):
                    boxes.extend(self._drawing(child))
                elif tag == qn("w:sym"):
                    self.parsed.icon_chars += 1
        return segments, boxes, breaks

    def _drawing(self, element):
        """Text-box contents inside a drawing (the DrawingML choice, never its VML fallback twice); pictures and
        shapes are recorded on the current page."""
        boxes = [
            content
            for content in element.iter(qn("w:txbxContent"))
            if not any(ancestor.tag == MC_FALLBACK for ancestor in content.iterancestors())
            and not any(ancestor.tag == qn("w:txbxContent") for ancestor in content.iterancestors())
        ]
        page = self._ensure_page()
        for graphic in element.iter(f"{{{A_NS}}}graphicData"):
            if any(ancestor.tag == MC_FALLBACK for ancestor in graphic.iterancestors()):
                continue
            if graphic.get("uri") == PICTURE_URI:
                self._picture(graphic, page)
            elif not any(True for _ in graphic.iter(qn("w:txbxContent"))):
                page.shapes += 1  # a chart, SmartArt or drawn shape: graphics an ATS cannot read
        return boxes

    def _picture(self, graphic, page):
        holder = next(
            (a for a in graphic.iterancestors() if a.tag in (f"{{{WP_NS}}}inline", f"{{{WP_NS}}}anchor")), None
        )
        extent = holder.find(f"{{{WP_NS}}}extent") if holder is not None else None
        if extent is None:
            return
        geometry = self.geometry
        x, y = geometry.left, geometry.top + self.flow % geometry.column_height
        if holder.tag == f"{{{WP_NS}}}anchor":
            x = _anchor_offset(holder, "positionH", geometry.left, x)
            y = _anchor_offset(holder, "positionV", geometry.top, y)
        # A picture with no sensible size is still a picture an ATS cannot read, but its size says nothing about
        # the page: recorded without area, it never passes for a page-sized scan.
        width, height = _picture_size(extent) or (0.0, 0.0)
        self.parsed.images.append(ImageInfo(page.number, (x, y, x + width, y + height), (0, 0)))
        page.image_count += 1

    # Styles

    def _style_chain(self, style_id):
        chain, seen = [], set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            style = self.styles[style_id]
            chain.append(style)
            style_id = _val(style, "w:basedOn")
        return chain

    def _rpr_chain(self, rpr, style_chain):
        chain = []
        if rpr is not None:
            chain.append(rpr)
            chain.extend(style.find(qn("w:rPr")) for style in self._style_chain(_val(rpr, "w:rStyle")))
        chain.extend(style.find(qn("w:rPr")) for style in style_chain)
        chain.append(self.default_rpr)
        return [element for element in chain if element is not None]

    def _size(self, rpr, style_chain):
        for element in self._rpr_chain(rpr, style_chain):
            value = _val(element, "w:sz")
            if value and DECIMAL.fullmatch(value):
                return float(value) / 2
        return DEFAULT_SIZE_PT

    def _bold(self, rpr, style_chain):
        for element in self._rpr_chain(rpr, style_chain):
            bold = element.find(qn("w:b"))
            if bold is not None:
                return (bold.get(qn("w:val")) or "1").lower() in TRUE_VALUES
        return False

    def _font(self, rpr, style_chain):
        for element in self._rpr_chain(rpr, style_chain):
            fonts = element.find(qn("w:rFonts"))
            if fonts is None:
                continue
            name = fonts.get(qn("w:ascii")) or fonts.get(qn("w:hAnsi"))
            if name:
                return name
            theme = fonts.get(qn("w:asciiTheme")) or fonts.get(qn("w:hAnsiTheme"))
            if theme:
                return self.theme_fonts.get("major" if theme.startswith("major") else "minor", DEFAULT_FONT)
        return DEFAULT_FONT

    def _count_fonts(self, segments, style_chain):
        parsed = self.parsed
        for text, rpr in segments:
            chars = len(text.strip())
            if not chars:
                continue
            parsed.total_chars += chars
            font = self._font(rpr, style_chain)
            parsed.fonts[font] = parsed.fonts.get(font, 0) + chars
            size = round(self._size(rpr, style_chain), 1)
            parsed.font_sizes[size] = parsed.font_sizes.get(size, 0) + chars

    def _has_numbering(self, ppr, style_chain):
        if ppr is not None and ppr.find(qn("w:numPr")) is not None:
            num_id = _val(ppr.find(qn("w:numPr")), "w:numId")
            return num_id != "0"
        return any(style.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None for style in style_chain)

    def _is_heading(self, style_chain):
        for style in style_chain:
            name = (_val(style, "w:name") or "").lower()
            if (
                name.startswith("heading")
                or name == "title"
                or style.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}") is not None
            ):
                return True
        return False

    def _is_page_break_before(self, ppr, style_chain):
        for element in [ppr] + [style.find(qn("w:pPr")) for style in style_chain]:
            if element is None:
                continue
            found = element.find(qn("w:pageBreakBefore"))
            if found is not None:
                return (found.get(qn("w:val")) or "1").lower() in TRUE_VALUES
        return False

    def _header_footer_lines(self, sections, zone):
        lines = []
        saved = (self.page, self.flow, self.geometry)
        for rel_id in _references(self.document, sections, zone):
            part = self.document.part(rel_id)
            if part is not None:
                for block in part[0].iterchildren():
                    if block.tag == qn("w:p"):
                        lines.extend(self._paragraph(block, zone=zone))
                    elif block.tag == qn("w:tbl"):
                        lines.extend(self._table(block, zone=zone))
        self.page, self.flow, self.geometry = saved
        return lines


def _where(segments):
    return "inside" if any(text.strip() for text, _ in segments) else "first"


def _iter_runs(p):
    """The paragraph's runs in order, through hyperlinks, tracked insertions, fields and content controls."""
    for child in p.iterchildren():
        if child.tag == qn("w:r"):
            yield child
        elif child.tag in RUN_CONTAINERS:
            yield from _iter_runs(child)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _iter_runs(content)


def _geometry(sect_pr):
    if sect_pr is None:
        width, height = DEFAULT_PAGE
        return _Geometry(width, height, *(DEFAULT_MARGIN_PT,) * 4)
    size = sect_pr.find(qn("w:pgSz"))
    margins = sect_pr.find(qn("w:pgMar"))
    cols = sect_pr.find(qn("w:cols"))

    def twips(element, name, default):
        value = element.get(qn(name)) if element is not None else None
        return _twips(value) if value is not None else default

    return _Geometry(
        width=twips(size, "w:w", DEFAULT_PAGE[0]),
        height=twips(size, "w:h", DEFAULT_PAGE[1]),
        left=twips(margins, "w:left", DEFAULT_MARGIN_PT),
        right=twips(margins, "w:right", DEFAULT_MARGIN_PT),
        # A negative top/bottom margin means "text may overlap the header"; its size is still the margin.
        top=abs(twips(margins, "w:top", DEFAULT_MARGIN_PT)),
        bottom=abs(twips(margins, "w:bottom", DEFAULT_MARGIN_PT)),
        columns=max(1, min(10, _count(cols.get(qn("w:num")) if cols is not None else None))),
        column_gap=twips(cols, "w:space", 36.0),
    )


def _count(value):
    """A column count attribute; a missing or malformed one means 1."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return 1


def _section_type(sect_pr):
    return _val(sect_pr, "w:type") or "nextPage"


def _references(document, sections, zone):
    """Relationship ids of the headers (or footers) the sections reference, each part once (however many ids point
    at it) and at most MAX_HEADER_PARTS parts: default, first-page and even-page ones, section by section. A section
    without its own reference shows the previous one's."""
    ids = {}  # part name -> the first id that references it
    for sect_pr in sections:
        for kind in ("default", "first", "even"):
            for reference in sect_pr.iterchildren(qn(f"w:{zone}Reference")):
                rel_id = reference.get(R_ID)
                if (reference.get(qn("w:type")) or "default") != kind or not rel_id:
                    continue
                name = document.part_name(rel_id)
                if name and name not in ids:
                    ids[name] = rel_id
                    if len(ids) == MAX_HEADER_PARTS:
                        return list(ids.values())
    return list(ids.values())


def _theme_fonts(theme):
    found = {}
    for kind in ("major", "minor"):
        latin = theme.find(f".//{{{A_NS}}}{kind}Font/{{{A_NS}}}latin") if theme is not None else None
        if latin is not None and latin.get("typeface"):
            found[kind] = latin.get("typeface")
    return found


def _links(document, sections):
    rels = [document.rels]
    for zone in ("header", "footer"):
        rels += [part[1] for part in map(document.part, _references(document, sections, zone)) if part is not None]
    links = {}  # a dict keeps the links in document order, each once, in linear time
    for part_rels in rels:
        for kind, target, external in part_rels.values():
            if kind == RT.HYPERLINK and external:
                links[target] = None
    return list(links)


def _picture_size(extent):
    """A picture's (width, height) in points, or None when either side is not a length Word could lay out: missing,
    not a whole number, zero or negative, or past the 22-inch limit Word sets on pages and pictures alike."""
    sides = []
    for name in ("cx", "cy"):
        value = _whole_number(extent.get(name))
        if value is None:
            return None
        points = value / EMU_PER_PT
        if not 0 < points <= MAX_LENGTH_PT:
            return None
        sides.append(points)
    return tuple(sides)


def _anchor_offset(anchor, axis, margin, fallback):
    position = anchor.find(f"{{{WP_NS}}}{axis}")
    offset = position.find(f"{{{WP_NS}}}posOffset") if position is not None else None
    emu = _whole_number(offset.text) if offset is not None else None
    if emu is None:
        return fallback
    value = emu / EMU_PER_PT
    relative = position.get("relativeFrom", "")
    if relative == "page":
        return value
    if relative in ("margin", "column"):
        return margin + value
    return fallback + value


# ASCII digits only, and few of them: str.isdigit() also accepts "²" and "١", which int() refuses, and int() refuses
# more than 4,300 digits. One odd picture size failed the whole document as damaged.
WHOLE_NUMBER = re.compile(r"-?[0-9]{1,15}")
DECIMAL = re.compile(r"[0-9]{1,6}(?:\.[0-9]{1,6})?")


def _whole_number(text):
    """An attribute's whole number (EMUs), or None when it is not one a layout program could have written."""
    text = (text or "").strip()
    return int(text) if WHOLE_NUMBER.fullmatch(text) else None


def _twips(value):
    """Points from a twips attribute; anything that is not a finite number of sane size ("nan", "1e400") is 0."""
    try:
        points = float(value) / TWIPS_PER_PT
    except (TypeError, ValueError):
        return 0.0
    return points if math.isfinite(points) and abs(points) <= MAX_LENGTH_PT else 0.0


def _val(element, tag):
    if element is None:
        return None
    found = element.find(qn(tag))
    return found.get(qn("w:val")) if found is not None else None


def _attr(element, tag, name):
    if element is None:
        return None
    found = element.find(qn(tag))
    return found.get(qn(name)) if found is not None else None
