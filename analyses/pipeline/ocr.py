"""OCR of PDF pages that are only a picture (a scan), with Tesseract: the `tesseract` command on the page we render
(each word with its own box and a confidence), or, without the command, MuPDF's built-in OCR (only the language
data, Debian's tesseract-ocr-eng, needed). Either way the words come back as MuPDF's text dict, with a box per
word, so margins and columns are measured from the scan the way they are from a text PDF. Bounded: a fixed DPI, a
pixel budget per page (a huge page is read at a lower DPI, or refused), a cap on the pixels of the images a page
would decode, and for the command a timeout and memory/CPU limits.
"""

import functools
import math
import os
import re
import resource
import shutil
import subprocess
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

from .errors import UnreadablePdf
from .layout import union_box
from .lifetime import die_with_parent

# Debian's tesseract-ocr-eng puts its data here (5.x; 4.x before); a configured folder is tried first.
TESSDATA_CANDIDATES = ("/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata")
LANGUAGE = "eng"
# A page is a scan when it holds (almost) no text and a picture covers a good part of it.
MAX_SCAN_TEXT_CHARS = 10
MIN_SCAN_IMAGE_SHARE = 0.25
# ... or when a picture covers most of it and its text is only a line or two: a scanner's or fax's stamp, or a
# broken OCR layer, is no text layer to read a resume from.
MAX_STAMPED_SCAN_TEXT_CHARS = 80
MIN_STAMPED_SCAN_IMAGE_SHARE = 0.6
# 300 DPI is what Tesseract is trained for; a letter page is then 8.4 megapixels (~25 MB as RGB, ~1.5 s of CPU).
NATIVE_MIN_DPI = 200  # a scan at least this fine is read at its own resolution, not upscaled
MIN_DPI = 100  # below this body text is too small to read: a page needing less is far larger than any paper
BULLET_MARKS = frozenset("-–—•*●▪◦■>»")
# What Tesseract reads a round bullet as, when a capitalised word follows it ("e GitHub Visualization").
MISREAD_BULLETS = frozenset({"e", "o", "«", "©", "®", "°", "¢", "6", "*.", "+"})
OCR_TEXT_FLAGS = pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP
# Punctuation that real words and skills carry (C++, C#, Node.js, CI/CD, R&D, e-mail, "quotes"); any other symbol
# inside a word is a stray mark.
WORD_PUNCTUATION = frozenset("+#.,:;-–—/&'’‘\"“”()!?%$@_*•")
MAX_ICON_CHARS = 2
# No letter is this many times wider than the line is tall ("W" is about 1).
MAX_CHAR_WIDTH_IN_HEIGHTS = 1.5
# A line of one- and two-character fragments this many times taller than the page's usual line is display type.
DISPLAY_TYPE_HEIGHTS = 1.8
# What an icon stands in front of on a resume: a URL, an e-mail address, a handle, a phone number.
LINK_DOMAINS = frozenset(
    {"com", "org", "net", "io", "dev", "me", "co", "app", "ai", "edu", "gov", "info", "us", "uk", "de", "fr", "ca"}
)
LINK_PREFIXES = ("http://", "https://", "www.")
MIN_PHONE_DIGITS = 7
# A closing bracket with letters right after it ("Facebook)iad") is not how any word is written.
CLOSER_INSIDE_RE = re.compile(r"[)\]}][^\W_]")
# An acronym of up to 5 capitals in which Tesseract read an I as l ("Al", "APl", "Cl/CD"): in sans-serif type the
# two glyphs are the same, and only the text layer, which a scan lacks, tells them apart.
ACRONYM_ELL_RE = re.compile(r"^(?=[A-Zl/&]*l)(?=[A-Z]*[A-Z])[A-Z][A-Zl/&]{1,8}$")
MAX_ACRONYM_LETTERS = 5
# Tesseract reads a sidebar's row and the main column's row beside it as one text line, and MuPDF gives every word
# of it that line's box: a label 8 pt below a prose line gets the same baseline, and two columns look like the rows
# of one table. Each line's box is fitted to the ink inside it, on a page rendered at INK_DPI (1 px = 0.5 pt).
INK_DPI = 150
INK_LEVEL = 128  # darker than this is ink; a copier's grey paper (~200) is not
# Rows of a line's ink at least this share of its densest row are the letters' body; the sparse rows under it are
# descenders (g, p, y), over it specks. The body's bottom is the baseline.
BASELINE_INK_SHARE = 0.3
EDGE_INK_SHARE = 0.08
DESCENT_SHARE = 0.3  # a font's descent below the baseline, in heights from the capitals' top to the baseline
# The page's slant is measured at both ends of lines this long, each end in a window this wide (a few letters);
# a line's own baseline in a window this wide around its middle.
MIN_SLOPE_LINE_PT = 60
SLOPE_END_PT = 20
SLOPE_WINDOW_PT = 60
MIN_SLOPE_LINES = 3
INK_TABLE = bytes(1 if level < INK_LEVEL else 0 for level in range(256))
# The `tesseract` command, run on the page we render, gives each word its own box and a confidence (0-100); MuPDF's
# built-in OCR gives neither, and costs more CPU (measured: docs/formats.md). One thread: Tesseract's OpenMP threads
# spin and cost four times the CPU on 2 shared cores for no gain in wall time.
TESSERACT_ENV = {"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"}
TESSERACT_MEMORY = 1 << 30  # address space of the tesseract process: a letter page at 300 DPI needs ~300 MB
TESSERACT_CPU_SECONDS = 30
# Below this confidence (0-100) Tesseract itself doubts the word: measured on the tune half, specks, icons and
# bullets read as "¢", "-", "»," score 0-25, real words (even misspelt ones) 40 and up.
MIN_WORD_CONFIDENCE = 30
# A gap this many line heights wide inside a Tesseract line is a column gutter: the line is cut there, as MuPDF cuts
# its text lines (a space is a third of the height, a tab stop or a gutter several).
LINE_GAP_HEIGHTS = 1.5
ROW_OVERLAP_SHARE = 0.6  # two pieces overlapping this share of the shorter one's height are on one row
FONT_SIZE_SHARE = 0.93  # a line box's height to the font size MuPDF would report for it
# Grey paper: a page whose paper is darker than this is stretched so its paper is white and its darkest ink black
# before OCR (Tesseract's binarisation loses words in chips and on grey grounds).
# Tesseract's page segmentation: 3 (its default) finds text blocks first, and on a noisy scan takes whole blocks
# for pictures and reads nothing in them; 11 (sparse text) reads every word it finds.
PAGE_SEGMENTATION = "3"
GREY_PAPER_LEVEL = 235
DARKEST_INK_SHARE = 0.005


@dataclass
class OcrOptions:
    dpi: int = 300
    max_pages: int = 3  # a resume is at most 3 pages; at up to 5 s each that stays inside a 30 s time limit
    max_page_pixels: int = 12_000_000  # letter at 300 DPI is 8.4 MP; A3 gets read at a lower DPI
    max_image_pixels: int = 60_000_000  # a decoded picture this large is ~180 MB of RGB
    tessdata: str = ""  # the folder holding eng.traineddata; empty: Debian's places
    candidates: tuple = field(default=TESSDATA_CANDIDATES)
    command: str = "tesseract"  # not on the PATH: MuPDF's built-in OCR reads the page (no word confidence)
    timeout: float = 25.0  # seconds of wall time for one page's OCR


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
    if chars > MAX_STAMPED_SCAN_TEXT_CHARS:
        return False
    area = page.rect.width * page.rect.height
    if area <= 0:
        return False
    covered = sum(_clipped_area(image["bbox"], page.rect) for image in images) / area
    if chars > MAX_SCAN_TEXT_CHARS:
        return covered >= MIN_STAMPED_SCAN_IMAGE_SHARE
    return covered >= MIN_SCAN_IMAGE_SHARE


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
    dpi = min(reading_dpi(scan_resolution(page), options), page_dpi(page.rect.width, page.rect.height, options))
    if dpi < MIN_DPI:
        raise UnreadablePdf(
            f"Page {number} is {page.rect.width / 72:.0f} × {page.rect.height / 72:.0f} inches, too large to read "
            "by OCR. Scan the resume at letter or A4 size, or export a text PDF.",
            "scan_too_large",
        )
    command = shutil.which(options.command) if options.command else None
    if command:
        content = tesseract_page_content(page, number, dpi, command, tessdata, options.timeout)
    ink = page.get_pixmap(dpi=INK_DPI, colorspace=pymupdf.csGRAY)
    if not command:
        with _page_on_white_paper(page, dpi, ink) as source:
            textpage = source.get_textpage_ocr(
                flags=OCR_TEXT_FLAGS, language=LANGUAGE, dpi=dpi, full=True, tessdata=tessdata
            )
            content = textpage.extractDICT()
    content = clean_ocr_words(content)
    fit_lines_to_ink(content, ink, INK_DPI / 72)
    return content, dpi


@contextmanager
def _page_on_white_paper(page, dpi, ink):
    """The page itself, or, on grey paper, a copy of it with the paper evened out to white (MuPDF's OCR renders the
    page it is given: the copy holds our evened-out render at the reading DPI, at the same size, so word boxes
    keep their place)."""
    if even_out_grey_paper(ink) is ink:
        yield page
        return
    with pymupdf.open() as copy:
        white = copy.new_page(width=page.rect.width, height=page.rect.height)
        white.insert_image(white.rect, pixmap=even_out_grey_paper(page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)))
        yield white


def tesseract_page_content(page, number, dpi, command, tessdata, timeout):
    """The page rendered in grey at `dpi` and read by the `tesseract` command: MuPDF's dict of blocks/lines/spans,
    one span per word (with its confidence) and a space span between words, as MuPDF's own OCR gives it."""
    pixmap = even_out_grey_paper(page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY))
    try:
        done = subprocess.run(
            [command, "stdin", "stdout", "--dpi", str(dpi), "--psm", PAGE_SEGMENTATION, "-l", LANGUAGE]
            + ["--tessdata-dir", tessdata, "tsv"],
            input=pixmap.tobytes("png"),
            capture_output=True,
            timeout=timeout,
            env=TESSERACT_ENV,
            preexec_fn=functools.partial(_limit_tesseract, os.getpid()),
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise UnreadablePdf(
            f"Reading page {number} by OCR took more than {timeout:.0f} s. Export a text PDF, or scan it at 300 DPI.",
            "ocr_failed",
        ) from None
    except (OSError, subprocess.SubprocessError) as error:
        raise UnreadablePdf(
            f"OCR could not start on page {number} ({error}). Export a text PDF from your editor.", "ocr_failed"
        ) from None
    if done.returncode:
        raise UnreadablePdf(
            f"OCR could not read page {number} (Tesseract stopped with code {done.returncode}). "
            "Export a text PDF from your editor, or scan it again.",
            "ocr_failed",
        )
    return words_to_content(done.stdout.decode("utf-8", "replace"), 72 / dpi)


def _limit_tesseract(analysis_pid):
    """In the child before it runs tesseract: its own limits, never above those of the analysis it serves (an
    analysis process may already run under tighter ones: docs/limits.md), and death with that analysis."""
    for kind, value in ((resource.RLIMIT_AS, TESSERACT_MEMORY), (resource.RLIMIT_CPU, TESSERACT_CPU_SECONDS)):
        hard = resource.getrlimit(kind)[1]
        value = value if hard == resource.RLIM_INFINITY else min(value, hard)
        resource.setrlimit(kind, (value, value))
    die_with_parent(analysis_pid)  # killed with the analysis at its time limit, not up to 30 s later


def even_out_grey_paper(pixmap):
    """A page on grey paper (a copier's background) stretched so the paper is white and the darkest ink black."""
    small = pymupdf.Pixmap(pixmap, pixmap.width // 4, pixmap.height // 4, None) if pixmap.width > 400 else pixmap
    samples = small.samples
    counts = [samples.count(level) for level in range(256)]
    paper = max(range(256), key=counts.__getitem__)
    if paper >= GREY_PAPER_LEVEL:
        return pixmap
    dark, seen = 0, 0
    while dark < paper and seen + counts[dark] < DARKEST_INK_SHARE * len(samples):
        seen += counts[dark]
        dark += 1
    span = max(1, paper - dark)
    table = bytes(min(255, max(0, (level - dark) * 255 // span)) for level in range(256))
    return pymupdf.Pixmap(pymupdf.csGRAY, pixmap.width, pixmap.height, pixmap.samples.translate(table), 0)


def words_to_content(tsv, scale):
    """Tesseract's TSV (one row per word, in pixels) as MuPDF's text dict (points; `scale`: points per pixel). A
    Tesseract line is cut where a gap between two words is a column gutter, never a space; words Tesseract doubts
    keep their confidence (`conf`) for clean_ocr_words."""
    lines = {}
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        left, top, width, height = (int(value) * scale for value in cells[6:10])
        word = {"text": cells[11].strip(), "bbox": (left, top, left + width, top + height), "conf": float(cells[10])}
        lines.setdefault(tuple(cells[2:5]), []).append(word)
    parts = _join_rows([part for words in lines.values() for part in _cut_at_gutters(words)])
    blocks = []
    for part in parts:
        line = _ocr_line(part)
        blocks.append({"type": 0, "bbox": line["bbox"], "lines": [line]})
    return {"blocks": blocks}


def _join_rows(parts):
    """Pieces of one printed line that Tesseract put in different lines (a speck between them on a noisy scan) are
    joined again when they share their row and the gap between them is no gutter."""
    joined = []
    for part in sorted(parts, key=lambda words: words[0]["bbox"][0]):
        x0, y0, x1, y1 = union_box(word["bbox"] for word in part)
        for other in joined:
            ox0, oy0, ox1, oy1 = union_box(word["bbox"] for word in other)
            overlap = min(y1, oy1) - max(y0, oy0)
            height = max(y1 - y0, oy1 - oy0)
            if overlap >= ROW_OVERLAP_SHARE * min(y1 - y0, oy1 - oy0) and 0 <= x0 - ox1 <= LINE_GAP_HEIGHTS * height:
                other.extend(part)
                break
        else:
            joined.append(list(part))
    return sorted(joined, key=lambda words: (union_box(word["bbox"] for word in words)[1], words[0]["bbox"][0]))


def _cut_at_gutters(words):
    words = sorted(words, key=lambda word: word["bbox"][0])
    height = max(word["bbox"][3] - word["bbox"][1] for word in words)
    parts = [[words[0]]]
    for word in words[1:]:
        if word["bbox"][0] - parts[-1][-1]["bbox"][2] > LINE_GAP_HEIGHTS * height:
            parts.append([])
        parts[-1].append(word)
    return parts


def _ocr_line(words):
    x0, y0, x1, y1 = union_box(word["bbox"] for word in words)
    spans = []
    for index, word in enumerate(words):
        if index:
            gap = (spans[-1]["bbox"][2], y0, word["bbox"][0], y1)
            spans.append(_span(" ", gap, y1 - y0, -1))
        spans.append(_span(word["text"], (word["bbox"][0], y0, word["bbox"][2], y1), y1 - y0, word["conf"]))
    return {"wmode": 0, "dir": (1.0, 0.0), "bbox": (x0, y0, x1, y1), "spans": spans}


def _span(text, bbox, height, confidence):
    return {
        "text": text,
        "bbox": bbox,
        "origin": (bbox[0], bbox[3]),
        "size": FONT_SIZE_SHARE * height,
        "flags": 0,
        "font": "GlyphLessFont",
        "char_flags": 0,
        "alpha": 0,
        "conf": confidence,
    }


def fit_lines_to_ink(content, pixmap, scale):
    """Each line's box, and its words', narrowed in height to the ink inside it: top at the letters' top, bottom a
    font's descent under the baseline (where a text PDF's line box ends). `scale`: pixels per point.

    A scan fed in at a slant tilts every line the same way: the page's slope is measured on the long lines (baseline
    at their left end against their right end) and taken out, so that two cells printed on one row still share a
    baseline on a tilted scan, wherever they sit across the page."""
    ink = pixmap.samples.translate(INK_TABLE)
    lines = [line for block in content["blocks"] for line in block.get("lines", ())]
    slope = _page_slope(ink, pixmap, scale, lines)
    middle_x = pixmap.width / scale / 2
    for line in lines:
        x0, y0, x1, y1 = line["bbox"]
        centre = (x0 + x1) / 2
        half = min((x1 - x0) / 2, SLOPE_WINDOW_PT / 2)
        fitted = ink_top_and_baseline(
            ink, pixmap.width, pixmap.height, [round(v * scale) for v in (centre - half, y0, centre + half, y1)]
        )
        if fitted is None:
            continue
        top, baseline = fitted[0] / scale, fitted[1] / scale
        bottom = min(y1, baseline + DESCENT_SHARE * (baseline - top))
        shift = slope * (centre - middle_x)
        line["bbox"] = (x0, top - shift, x1, bottom - shift)
        for span in line["spans"]:
            span["bbox"] = (span["bbox"][0], top - shift, span["bbox"][2], bottom - shift)


def _page_slope(ink, pixmap, scale, lines):
    """The median slope (down per across) of the baselines of lines at least MIN_SLOPE_LINE_PT long; 0 without
    enough of them."""
    slopes = []
    window = SLOPE_END_PT * scale
    for line in lines:
        x0, y0, x1, y1 = (v * scale for v in line["bbox"])
        if x1 - x0 < MIN_SLOPE_LINE_PT * scale:
            continue
        left = ink_top_and_baseline(ink, pixmap.width, pixmap.height, [round(v) for v in (x0, y0, x0 + window, y1)])
        right = ink_top_and_baseline(ink, pixmap.width, pixmap.height, [round(v) for v in (x1 - window, y0, x1, y1)])
        if left and right:
            slopes.append((right[1] - left[1]) / (x1 - x0 - window))
    if len(slopes) < MIN_SLOPE_LINES:
        return 0.0
    return sorted(slopes)[len(slopes) // 2]


def ink_top_and_baseline(ink, width, height, box):
    """(first row of the line's ink, last row of its letters' body) inside box (pixels), or None when it holds no
    ink. `ink`: one byte per pixel, 1 for ink. Tesseract's boxes overlap the lines above and below: the line is the
    band of ink rows (set apart by blank rows) holding the most ink."""
    x0, y0, x1, y1 = max(0, box[0]), max(0, box[1]), min(width, box[2]), min(height, box[3])
    if x1 <= x0 or y1 <= y0:
        return None
    counts = [ink[row * width + x0 : row * width + x1].count(1) for row in range(y0, y1)]
    densest = max(counts)
    if not densest:
        return None
    bands, start = [], None
    for index, count in enumerate([*counts, 0]):
        if count >= EDGE_INK_SHARE * densest and start is None:
            start = index
        elif count < EDGE_INK_SHARE * densest and start is not None:
            bands.append((sum(counts[start:index]), start, index))
            start = None
    _, start, end = max(bands)
    band_max = max(counts[start:end])
    baseline = max(index for index in range(start, end) if counts[index] >= BASELINE_INK_SHARE * band_max)
    return y0 + start, y0 + baseline + 1


def clean_ocr_words(content):
    """What Tesseract read, without what it read from things that are not words.

    MuPDF's OCR gives no per-word confidence, so the noise is recognised by its shape: rules, frames, icons and
    specks come out as words made mostly of symbols ("|", "=e", "©.", "[i"); the icon before a link (a globe, an
    envelope, a phone) as one or two characters right before it ("f#" before a URL would be the skill F#); a speck
    inside a word as a symbol no word carries ("CI/€D", which would give the language D). Glyphs that look alike are
    put back: "|" between letters is I or l ("BPMN.|O"), an l among capitals is I ("Al" for AI), and a round bullet
    read as "e" or "o" before a capitalised word is the bullet. A bullet at the start of a line stays."""
    blocks = [block for block in content["blocks"] if block.get("type", 0) == 0]
    heights = sorted(line["bbox"][3] - line["bbox"][1] for block in blocks for line in block["lines"])
    display = DISPLAY_TYPE_HEIGHTS * heights[len(heights) // 2] if heights else 0
    for block in blocks:
        for line in block["lines"]:
            line["spans"] = _clean_line(line["spans"])
            if display and line["bbox"][3] - line["bbox"][1] >= display and _only_fragments(line["spans"]):
                line["spans"] = []  # a name in large display type read letter by letter ("J", "h", "D")
        block["lines"] = [line for line in block["lines"] if line["spans"]]
    return content


def _clean_line(spans):
    for span in spans:
        span["text"] = _ells_as_capital_i(_without_glued_icon(_pipes_as_letters(span["text"])))
    words = [span for span in spans if span["text"].strip()]
    doubted = _doubted_words(words)
    _restore_bullet(words)
    drop = doubted | {
        id(span) for group in _glued_words(spans) if _is_broken("".join(s["text"] for s in group)) for span in group
    }
    for index, span in enumerate(words):
        text = span["text"].strip()
        if index == 0 and _is_bullet(text):
            continue
        following = words[index + 1]["text"].strip() if index + 1 < len(words) else ""
        if (
            _is_symbol_noise(text)
            or _is_stretched(span, text)
            or (len(text) <= MAX_ICON_CHARS and _looks_like_link(following))
        ):
            drop.add(id(span))
    kept = [span for span in spans if id(span) not in drop]
    while kept and _is_mark(kept[-1]["text"]):
        kept.pop()
    start = 0
    while start < len(kept) and _is_mark(kept[start]["text"]) and not _is_bullet(kept[start]["text"]):
        start += 1
    return kept[start:]


def _doubted_words(words):
    """The ids of words Tesseract doubts (confidence under MIN_WORD_CONFIDENCE; MuPDF's OCR gives none). A short
    doubted mark opening a line before a capitalised word is the round bullet it was ("¢ Worked on…"); before an
    all-caps heading it is a speck ("- EXPERIENCE" is no heading). A doubted mark inside a line stays: it still
    keeps the words beside it apart."""
    doubted = set()
    for index, span in enumerate(words):
        if span.get("conf", 100) >= MIN_WORD_CONFIDENCE:
            continue
        text = span["text"].strip()
        following = words[index + 1]["text"].strip() if index + 1 < len(words) else ""
        if index == 0 and len(text) <= MAX_ICON_CHARS:
            if following[:1].isupper() and not following.isupper():
                span["text"] = span["text"].replace(text, "•")
            else:
                doubted.add(id(span))
        elif not _is_mark(text):
            doubted.add(id(span))
    return doubted


def _is_stretched(span, text):
    """Letters far wider than tall: a skill-level bar or a rule read as "D" or "EE"."""
    if "bbox" not in span:
        return False
    x0, y0, x1, y1 = span["bbox"]
    return x1 - x0 > MAX_CHAR_WIDTH_IN_HEIGHTS * (y1 - y0) * len(text)


def _pipes_as_letters(text):
    """A "|" between letters (or a letter and a ".") is a misread I, or l between small letters."""
    if "|" not in text:
        return text
    chars = list(text)
    for index, char in enumerate(text):
        if char != "|":
            continue
        before = text[index - 1] if index else ""
        after = text[index + 1] if index + 1 < len(text) else ""
        if (before.isalpha() and (after.isalpha() or after == ".")) or (after.isalpha() and before == "."):
            chars[index] = "l" if before.islower() and after.islower() else "I"
    return "".join(chars)


def _without_glued_icon(text):
    """ "f#www.example.com" is an icon read into the URL it stands before."""
    word = text.lstrip()
    for prefix in LINK_PREFIXES:
        start = word.find(prefix)
        if 0 < start <= MAX_ICON_CHARS:
            return text[: len(text) - len(word)] + word[start:]
    return text


def _only_fragments(spans):
    words = [span["text"].strip() for span in spans if span["text"].strip()]
    return all(len(word) <= MAX_ICON_CHARS for word in words)


def _looks_like_link(word):
    word = word.lower().strip("()[]<>,;")
    if word.startswith(LINK_PREFIXES) or (word.startswith("@") and len(word) > 2):
        return True
    if "@" in word and "." in word.rsplit("@", 1)[1]:
        return True
    digits = sum(char.isdigit() for char in word)
    if digits >= MIN_PHONE_DIGITS and all(char.isdigit() or char in "+()-./" for char in word):
        return True
    host = word.split("/", 1)[0].split(":", 1)[0].split(".")
    return len(host) >= 2 and all(host) and host[-1] in LINK_DOMAINS


def _is_symbol_noise(text):
    """Letters or digits with as many stray symbols ("=e", "[i", "©3"). A word of symbols only is left to the
    line-end rule: inside a line it is a separator ("Python | Django") that keeps the words apart."""
    alnum = sum(char.isalnum() for char in text)
    stray = sum(not char.isalnum() and char not in WORD_PUNCTUATION for char in text)
    return 0 < alnum <= stray


def _restore_bullet(words):
    """ "e GitHub Visualization" is "• GitHub Visualization": without its bullet the line reads as prose, and the
    skills matcher judges a bullet's first words and a sentence's differently."""
    if len(words) > 1 and words[0]["text"].strip() in MISREAD_BULLETS and words[1]["text"].strip()[:1].isupper():
        words[0]["text"] = words[0]["text"].replace(words[0]["text"].strip(), "•")


def _glued_words(spans):
    """The spans grouped into words: OCR may cut one word into spans with nothing between ("Facebook)" "iad")."""
    groups, current = [], []
    for span in spans:
        text = span["text"]
        if current and (not text.strip() or text[:1].isspace()):
            groups.append(current)
            current = []
        if text.strip():
            current.append(span)
        if current and text[-1:].isspace():
            groups.append(current)
            current = []
    return groups + ([current] if current else [])


def _is_broken(text):
    """A symbol no word carries inside a word ("CI/€D", "Facebook)iad"): a speck or a misread glyph in its middle.
    None of its pieces can be trusted ("CI/€D" would give the language D), so the span goes whole. (A span may hold
    a few words: each is looked at alone.)"""
    return any(_is_broken_word(word) for word in text.split())


def _is_broken_word(word):
    start, end = 0, len(word)
    while start < end and not word[start].isalnum():
        start += 1
    while end > start and not word[end - 1].isalnum():
        end -= 1
    core = word[start:end]
    stray = any(not char.isalnum() and char not in WORD_PUNCTUATION for char in core[1:-1])
    return stray or bool(CLOSER_INSIDE_RE.search(core))


def _ells_as_capital_i(text):
    """ "Al" → "AI", "APl" → "API", "Cl/CD" → "CI/CD": an l among capitals only is the I it was."""
    word = text.strip().rstrip(",.;:")
    if not ACRONYM_ELL_RE.match(word) or "ll" in word or word.count("l") > sum(char.isupper() for char in word):
        return text  # "All", "Ill": words, not acronyms
    if max(len(part) for part in re.split("[/&]", word)) > MAX_ACRONYM_LETTERS:
        return text
    return text.replace(word, word.replace("l", "I"), 1)


def _is_mark(text):
    return not any(char.isalnum() for char in text)


def _is_bullet(text):
    return text.strip() in BULLET_MARKS


def scan_resolution(page):
    """The DPI of the page's largest picture as placed on the page (its pixels per inch across); 0 without one."""
    best, resolution = 0.0, 0
    for image in page.get_image_info():
        x0, y0, x1, y1 = image["bbox"]
        if (x1 - x0) * (y1 - y0) > best and x1 > x0:
            best, resolution = (x1 - x0) * (y1 - y0), round(image.get("width", 0) / ((x1 - x0) / 72))
    return resolution


def reading_dpi(resolution, options):
    """options.dpi, or the scan's own resolution when that is lower but at least NATIVE_MIN_DPI. Measured on the
    corpus (docs/formats.md): a 200-DPI scan reads better, and a third cheaper, at its own 200 than upscaled to 300;
    a 150-DPI scan reads better upscaled to 300 than at 200."""
    return resolution if NATIVE_MIN_DPI <= resolution < options.dpi else options.dpi


def page_dpi(width_pt, height_pt, options):
    """options.dpi, lowered so the rendered page stays within the pixel budget."""
    pixels = (width_pt / 72 * options.dpi) * (height_pt / 72 * options.dpi)
    if pixels <= options.max_page_pixels:
        return options.dpi
    return int(options.dpi * math.sqrt(options.max_page_pixels / pixels))


def _clipped_area(bbox, rect):
    x0, y0, x1, y1 = max(bbox[0], rect.x0), max(bbox[1], rect.y0), min(bbox[2], rect.x1), min(bbox[3], rect.y1)
    return max(0.0, x1 - x0) * max(0.0, y1 - y0)
