"""Page geometry on plain boxes: header/footer zones, columns and reading order. No PyMuPDF here.

Every function takes objects with a `bbox` (x0, y0, x1, y1 in points, y growing downwards), so it can be tested
with hand-made lines as well as with lines read from a PDF.
"""

from bisect import bisect_left
from dataclasses import dataclass

# Word puts its header 0.5 in from the top and the body at 1 in: text in the outer 8% of the page height that is set
# apart from the body by a clear gap is header/footer text, which several ATS parsers skip.
ZONE_SHARE = 0.08
ZONE_MIN_GAP_PT = 10
MAX_ZONE_TEXT_PT = 12
ZONE_GAP_BODY_SIZES = 1.5  # paragraph spacing rarely passes one and a half lines of body text (footers only)
MAX_MARKER_GAP_PT = 24  # a list marker set as a glyph of its own sits this close left of its item
BULLET_MARKS = ("•", "●", "▪", "◦", "■", "‣", "○", "➢", "✓", "-", "–", "*", "·")
# A column must hold a real share of the page's text: a date gutter or a lone icon is not a column.
MIN_COLUMN_LINES = 4
MIN_COLUMN_WIDTH_SHARE = 0.15
MIN_COLUMN_CHARS_SHARE = 0.08
# Both sides must run side by side over at least this share of the text's height.
MIN_SIDE_BY_SIDE_SHARE = 0.25
# Rows: when most lines on the lighter side share a baseline with a line on the other side and that side holds
# little text, the page is a table of rows (dates in a gutter, tab-aligned dates), which ATS parsers read correctly
# line by line: not columns. Two sides of prose that happen to share baselines are still two columns.
ROW_ALIGNED_SHARE = 0.6
GUTTER_CHARS_SHARE = 0.25
# Class: a gutter holds short labels (dates, places, headings), a column holds text that wraps. A light side whose
# typical line is longer than this is a narrow column of prose or lists beside the main one, whatever its baselines.
MAX_GUTTER_LINE_CHARS = 24
BASELINE_TOLERANCE_PT = 2.0
GUTTER_BIN_PT = 2.0
MAX_COLUMN_DEPTH = 2  # up to four columns


@dataclass
class Split:
    gutter: float  # x of the gap between the columns
    left: list
    right: list
    spanning: list  # lines crossing the gutter (a full-width name band, a footer)


def header_footer_zones(lines, page_height, after_heading=False):
    """(header lines, footer lines) of one page: near the top/bottom edge and set apart from the body by a gap.
    `after_heading`: the page before ended with a heading, whose content opens this page: no header."""
    limit = page_height * ZONE_SHARE
    size = body_size(lines)
    # A name or a heading near the edge is set larger than the body; header/footer text is not.
    largest = max(size + 1, MAX_ZONE_TEXT_PT)
    # Class: body text that flows down to the bottom edge (a browser-printed page: "Education", then its school on
    # the last line) is set off by a paragraph's spacing; a footer sits in the bottom margin, further away than that.
    # (A header may sit closer: above a large name line, 12 pt of space sets it apart in Word resumes.)
    footer_gap = max(ZONE_MIN_GAP_PT, ZONE_GAP_BODY_SIZES * size)
    listed = _list_items(lines)
    header = _edge_band(
        sorted(lines, key=lambda line: line.bbox[1]),
        lambda line: (
            not after_heading and line.bbox[3] <= limit and _zone_like(line, largest) and id(line) not in listed
        ),
        True,
    )
    rest = [line for line in lines if line not in header]
    bottom = page_height - limit
    footer = _edge_band(
        sorted(rest, key=lambda line: -line.bbox[3]),
        lambda line: line.bbox[1] >= bottom and _zone_like(line, largest) and id(line) not in listed,
        False,
        footer_gap,
    )
    return header, footer


def _list_items(lines):
    """ids of lines that are items of a list whose marker is a glyph of its own on the same row ("•", an icon, an
    unmapped "\x00"), and of those markers: a bullet continuing at the top of a page is body, not header."""
    markers = [line for line in lines if len(line.text.strip()) <= 2 and not any(c.isalnum() for c in line.text)]
    items = set()
    for marker in markers:
        middle = (marker.bbox[1] + marker.bbox[3]) / 2
        for line in lines:
            if (
                line is not marker
                and line.bbox[1] <= middle <= line.bbox[3]
                and 0 <= line.bbox[0] - marker.bbox[2] <= MAX_MARKER_GAP_PT
            ):
                items |= {id(line), id(marker)}
    return items


def body_size(lines):
    """The font size most characters are set in."""
    sizes = {}
    for line in lines:
        size = round(line.size, 1)
        sizes[size] = sizes.get(size, 0) + len(line.text)
    return max(sizes, key=sizes.get) if sizes else 0.0


def _zone_like(line, largest):
    # A bullet at the top of a page continues the body from the page before.
    return line.size <= largest and not line.text.startswith(BULLET_MARKS)


def _edge_band(ordered, in_zone, top, min_gap=ZONE_MIN_GAP_PT):
    """The longest run of lines from the page edge, all inside the zone, followed by a clear gap."""
    band, edge = [], None
    for index in range(len(ordered) - 1):
        box = ordered[index].bbox
        if not in_zone(ordered[index]):
            break
        if top:
            edge = box[3] if edge is None else max(edge, box[3])
        else:
            edge = box[1] if edge is None else min(edge, box[1])
        following = ordered[index + 1]
        gap = following.bbox[1] - edge if top else edge - following.bbox[3]
        if gap >= min_gap:
            band = ordered[: index + 1]
    return band


def find_split(lines):
    """The vertical gap that divides these lines into two columns side by side, or None."""
    if len(lines) < 2 * MIN_COLUMN_LINES:
        return None
    left_edge = min(line.bbox[0] for line in lines)
    right_edge = max(line.bbox[2] for line in lines)
    width = right_edge - left_edge
    if width <= 0:
        return None
    for gutter in _gutter_candidates(lines, left_edge, width):
        split = _try_split(lines, gutter, width)
        if split:
            return split
    return None


def _gutter_candidates(lines, left_edge, width):
    """Centres of vertical strips crossed by few lines, the emptiest first; the outer edges are never gutters."""
    bins = int(width // GUTTER_BIN_PT) + 1
    cover = [0] * (bins + 1)
    for line in lines:
        start = int((line.bbox[0] - left_edge) // GUTTER_BIN_PT)
        end = int((line.bbox[2] - left_edge) // GUTTER_BIN_PT)
        cover[start] += 1
        cover[min(end + 1, bins)] -= 1
    running, counts = 0, []
    for value in cover[:bins]:
        running += value
        counts.append(running)
    lo = int(width * MIN_COLUMN_WIDTH_SHARE / GUTTER_BIN_PT)
    hi = bins - lo
    allowed = max(2, len(lines) // 5)
    runs, start = [], None
    for index in range(lo, hi + 1):
        low = index < hi and counts[index] <= allowed
        if low and start is None:
            start = index
        elif not low and start is not None:
            runs.append(_emptiest_stretch(counts, start, index))
            start = None
    runs.sort()
    return [left_edge + (start + end) / 2 * GUTTER_BIN_PT for _, _, start, end in runs[:4]]


def _emptiest_stretch(counts, start, end):
    """(count, -length, start, end) of the longest stretch of bins holding the run's lowest count."""
    lowest = min(counts[start:end])
    best, index = (lowest, 0, start, start), start
    while index < end:
        if counts[index] != lowest:
            index += 1
            continue
        stretch_end = index
        while stretch_end < end and counts[stretch_end] == lowest:
            stretch_end += 1
        if stretch_end - index > -best[1]:
            best = (lowest, -(stretch_end - index), index, stretch_end)
        index = stretch_end
    return best


def _try_split(lines, gutter, width):
    left = [line for line in lines if line.bbox[2] <= gutter]
    right = [line for line in lines if line.bbox[0] >= gutter]
    if len(left) < MIN_COLUMN_LINES or len(right) < MIN_COLUMN_LINES:
        return None
    spanning = [line for line in lines if line.bbox[0] < gutter < line.bbox[2]]
    top = max(min(line.bbox[1] for line in left), min(line.bbox[1] for line in right))
    bottom = min(max(line.bbox[3] for line in left), max(line.bbox[3] for line in right))
    full_top = min(line.bbox[1] for line in lines)
    full_bottom = max(line.bbox[3] for line in lines)
    if bottom - top < MIN_SIDE_BY_SIDE_SHARE * (full_bottom - full_top):
        return None
    # Lines crossing the gutter while both columns run are a sign of one column with a ragged edge.
    if sum(1 for line in spanning if line.bbox[1] < bottom and line.bbox[3] > top) > max(1, len(lines) // 20):
        return None
    total_chars = sum(_chars(line) for line in lines) or 1
    for side in (left, right):
        side_width = max(line.bbox[2] for line in side) - min(line.bbox[0] for line in side)
        if side_width < MIN_COLUMN_WIDTH_SHARE * width:
            return None
        if sum(_chars(line) for line in side) < MIN_COLUMN_CHARS_SHARE * total_chars:
            return None
    lighter = min(sum(_chars(line) for line in left), sum(_chars(line) for line in right))
    light_side = left if sum(_chars(line) for line in left) == lighter else right
    heavy_side = right if light_side is left else left
    light_median = _median_chars([line for line in light_side if line.bbox[3] >= top and line.bbox[1] <= bottom])
    heavy_median = _median_chars([line for line in heavy_side if line.bbox[3] >= top and line.bbox[1] <= bottom])
    # Class: rows of short cells on both sides (a skills grid, "Frontend | Tooling" lists set side by side) read
    # correctly row by row, whatever each side's share of the text: a table of names, not columns of text.
    if (
        (lighter < GUTTER_CHARS_SHARE * total_chars or heavy_median <= MAX_GUTTER_LINE_CHARS)
        and _row_aligned(left, right, top, bottom)
        and light_median <= MAX_GUTTER_LINE_CHARS
    ):
        return None
    return Split(gutter=gutter, left=left, right=right, spanning=spanning)


def _row_aligned(left, right, top, bottom):
    inside_left = [line for line in left if top <= line.bbox[3] and line.bbox[1] <= bottom]
    inside_right = [line for line in right if top <= line.bbox[3] and line.bbox[1] <= bottom]
    fewer, more = sorted((inside_left, inside_right), key=len)
    if not fewer:
        return False
    baselines = sorted(line.bbox[3] for line in more)
    aligned = sum(1 for line in fewer if _has_near(baselines, line.bbox[3]))
    return aligned >= ROW_ALIGNED_SHARE * len(fewer)


def _has_near(sorted_values, value):
    index = bisect_left(sorted_values, value - BASELINE_TOLERANCE_PT)
    return index < len(sorted_values) and sorted_values[index] <= value + BASELINE_TOLERANCE_PT


def _chars(line):
    return len(line.text)


def _median_chars(lines):
    lengths = sorted(_chars(line) for line in lines)
    return lengths[len(lengths) // 2] if lengths else 0


def reading_order(lines):
    """(lines in reading order, column of each line, number of columns).

    Column by column, each top to bottom; full-width lines (a name band above two columns) where they fall.
    Column numbers are 1, 2… left to right on a multi-column page, 0 for full-width lines and one-column pages.
    """
    placed, count = _order(lines, 0, 1)
    if count == 1:
        return [line for _, line in placed], [0] * len(placed), 1
    return [line for _, line in placed], [column for column, _ in placed], count


def _order(lines, depth, first_column):
    split = find_split(lines) if depth < MAX_COLUMN_DEPTH else None
    if split is None:
        return [(first_column, line) for line in _rows(lines)], 1
    left, left_count = _order(split.left, depth + 1, first_column)
    right, right_count = _order(split.right, depth + 1, first_column + left_count)
    ordered = []
    for band_line in sorted(split.spanning, key=_middle):
        limit = _middle(band_line)
        while left and _middle(left[0][1]) < limit:
            ordered.append(left.pop(0))
        while right and _middle(right[0][1]) < limit:
            ordered.append(right.pop(0))
        ordered.append((0, band_line))
    return ordered + left + right, left_count + right_count


def _middle(line):
    return (line.bbox[1] + line.bbox[3]) / 2


def _rows(lines):
    """Top to bottom; lines sharing a row (a title and its right-aligned date) left to right."""
    ordered = sorted(lines, key=_middle)
    rows, current, current_middle = [], [], None
    for line in ordered:
        height = line.bbox[3] - line.bbox[1]
        if current and abs(_middle(line) - current_middle) <= max(1.0, height / 2):
            current.append(line)
            continue
        if current:
            rows.append(current)
        current, current_middle = [line], _middle(line)
    if current:
        rows.append(current)
    return [line for row in rows for line in sorted(row, key=lambda item: item.bbox[0])]


def union_box(boxes):
    """The smallest (x0, y0, x1, y1) box holding all of `boxes`."""
    boxes = list(boxes)
    return (
        min(box[0] for box in boxes),
        min(box[1] for box in boxes),
        max(box[2] for box in boxes),
        max(box[3] for box in boxes),
    )
