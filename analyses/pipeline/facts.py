"""Measurements of a ParsedResume that the checks judge and the report shows: plain values, no verdicts."""

import re
from collections import Counter

from .bullets import find_bullets
from .contact import find_contact
from .wording import (
    buzzwords,
    date_styles,
    gibberish_share,
    is_quantified,
    pronouns,
    starts_weak,
    starts_with_action_verb,
)

LONG_BULLET_WORDS = 40  # about three lines: past that a recruiter skims and an ATS snippet cuts it off
SUBSET_RE = re.compile(r"^(?:[A-Z]{6}\+|\*)")
STYLE_SUFFIX_RE = re.compile(
    r"(?:[-_ ]?(?:Bold|Italic|Oblique|Regular|Medium|Light|Semibold|SemiBold|Demi|Black|Heavy|Thin|Book|"
    r"Condensed|Narrow|MT|PSMT|PS|It|Bd|Lig))+$"
)
# Icon and maths symbol fonts carry glyphs, not prose: they are no typeface choice of the applicant.
SYMBOL_FONT_RE = re.compile(
    r"awesome|icon|symbol|dingbat|wingding|glyph|emoji|^cmsy|^cmmi|^cmex|^msam|^msbm|marvosym|fontello|material|"
    r"academicons|^lmsy|^lmmi",
    re.IGNORECASE,
)
TEX_FAMILY_RE = re.compile(r"^(CM|LM|EC|TC|SF)[A-Z]*\d+$")
# A family set in fewer characters than this share (a stray symbol, one bold word in another face) is not counted.
MIN_FAMILY_SHARE = 0.02


# Tables: three or more horizontal borders crossing two vertical ones, or four framed cells, or (class: borderless
# tables) three section headings each set as the left cell of a row with the content beside it.
MIN_TABLE_GRIDS, MIN_TABLE_BOXES, MIN_HEADING_CELLS = 3, 4, 3


def resume_facts(parsed, labels, sections, heading_cells=None):
    text = parsed.text
    zone_text = "\n".join(line.text for line in parsed.lines if line.zone != "body")
    body_text = "\n".join(line.text for line in parsed.lines if line.zone == "body")
    contact = find_contact(text, parsed.links)
    bullets = find_bullets(parsed.lines, labels)
    words, function_share = gibberish_share(body_text)
    return {
        "contact": contact,
        "contact_only_in_header_footer": [
            kind
            for kind in ("email", "phone")
            if contact[kind] and contact[kind] in zone_text and contact[kind] not in body_text
        ],
        "header_footer_lines": [line.text for line in parsed.lines if line.zone != "body"],
        "sections": sections,
        "word_count": len(text.split()),
        "bullets": _bullet_facts(bullets),
        "font_families": font_families(parsed.fonts),
        "body_font_size": body_font_size(parsed.font_sizes),
        "date_styles": dict(date_styles(body_text)),
        "pronouns": len(pronouns(body_text)),
        "buzzwords": buzzwords(body_text),
        "garbled_share": round(parsed.garbled_chars / parsed.total_chars, 4) if parsed.total_chars else 0.0,
        "function_word_share": round(function_share, 3),
        "prose_words": words,
        "invisible_share": round(parsed.invisible_chars / parsed.total_chars, 3) if parsed.total_chars else 0.0,
        "images": _image_facts(parsed),
        "columns": parsed.columns,
        "table_pages": table_pages(parsed, heading_cells or {}),
    }


def table_pages(parsed, heading_cells):
    """Numbers of the pages laid out as a table, ruled or not."""
    return [
        page.number
        for page in parsed.pages
        if page.table_grids >= MIN_TABLE_GRIDS
        or page.boxes >= MIN_TABLE_BOXES
        or heading_cells.get(page.number, 0) >= MIN_HEADING_CELLS
    ]


def _bullet_facts(bullets):
    statements = [bullet for bullet in bullets if bullet.words >= 3]
    quantified = [is_quantified(bullet.text) for bullet in statements]
    return {
        "count": len(statements),
        "quantified": sum(quantified),
        "action_verb": sum(1 for bullet in statements if starts_with_action_verb(bullet.text)),
        "weak_opening": [bullet.text[:60] for bullet in statements if starts_weak(bullet.text)][:5],
        "long": [
            {"page": bullet.page, "words": bullet.words, "text": bullet.text[:80]}
            for bullet in statements
            if bullet.words > LONG_BULLET_WORDS
        ],
        "examples_unquantified": [
            bullet.text[:80] for bullet, done in zip(statements, quantified, strict=True) if not done
        ][:3],
    }


def font_family(name):
    """ "ABCDEF+Lato-BoldItalic" → "Lato"; "ArialMT" → "Arial"; "CMBX12" → "CM" (TeX's Computer Modern)."""
    name = SUBSET_RE.sub("", name)
    if name.startswith("Type3"):
        return "Type3"  # "Type3 (26 0 R)": glyphs drawn by the PDF itself, one family whatever the object number
    name = re.sub(r"-\d+$", "", name)  # "*Arial-10154": Chromium's numbered Type3 copies
    tex = TEX_FAMILY_RE.match(name)
    if tex:
        return tex.group(1)
    family = re.split(r"[-,]", name, maxsplit=1)[0] or name
    family = STYLE_SUFFIX_RE.sub("", family) or family
    return family.rstrip("0123456789") or family  # not re.sub(r"\d+$"): quadratic on a long run of digits


def font_families(fonts):
    """Typeface families holding a real share of the text, most used first; symbol and icon fonts left out."""
    counts = Counter()
    for name, chars in fonts.items():
        if SYMBOL_FONT_RE.search(SUBSET_RE.sub("", name)):
            continue
        counts[font_family(name)] += chars
    total = sum(counts.values())
    return [family for family, chars in counts.most_common() if total and chars / total >= MIN_FAMILY_SHARE]


def body_font_size(font_sizes):
    """The size most characters are set in."""
    return max(font_sizes, key=font_sizes.get) if font_sizes else 0.0


def _image_facts(parsed):
    photos, page_images, others = [], [], []
    for image in parsed.images:
        page = parsed.pages[image.page - 1]
        kind = image_kind(image.bbox, page.width, page.height, image.page)
        {"photo": photos, "page": page_images, "image": others}[kind].append(image.page)
    shapes = sum(page.shapes for page in parsed.pages)
    return {"photos": len(photos), "page_images": len(page_images), "other": len(others), "vector_shapes": shapes}


# A head-and-shoulders photo: roughly square or portrait, 0.5-3.5 in across, in the top half of the first page.
PHOTO_MIN_PT, PHOTO_MAX_PT = 36, 250
PHOTO_ASPECT = (0.6, 1.5)
# An image over most of the page is the page itself: a scan or a design tool's export with text on top.
PAGE_IMAGE_SHARE = 0.7


def image_kind(bbox, page_width, page_height, page_number):
    x0, y0, x1, y1 = bbox
    # The part on the page: a box off the page or turned inside out covers none of it (two negative sides must
    # never multiply into a page-sized area).
    width = max(0.0, min(x1, page_width) - max(x0, 0))
    height = max(0.0, min(y1, page_height) - max(y0, 0))
    if width * height >= PAGE_IMAGE_SHARE * page_width * page_height:
        return "page"
    if (
        page_number == 1
        and PHOTO_MIN_PT <= width <= PHOTO_MAX_PT
        and PHOTO_MIN_PT <= height <= PHOTO_MAX_PT
        and PHOTO_ASPECT[0] <= width / height <= PHOTO_ASPECT[1]
        and y0 < page_height / 2
    ):
        return "photo"
    return "image"
