"""Extraction on real PDFs generated with PyMuPDF: reading order, zones, images, rules, fonts, links, failures."""

import pymupdf
import pytest

from analyses.pipeline.errors import UnreadablePdf
from analyses.pipeline.extract import parse_pdf
from analyses.pipeline.layout import header_footer_zones, reading_order

from . import pdfs


def texts(parsed):
    return [line.text for line in parsed.lines]


def test_it_reads_a_two_column_page_column_by_column():
    parsed = parse_pdf(pdfs.two_column_pdf())
    order = texts(parsed)
    assert parsed.pages[0].columns == 2
    # The whole left column comes before the right one, instead of "Skills Experience" line across.
    assert order.index("English, German") < order.index("Experience")
    left = order[order.index("Skills") : order.index("English, German") + 1]
    assert left == [line for line in pdfs.TWO_COLUMN_LEFT if line]
    assert order[: order.index("Skills")] == [
        "Jane Doe",
        "jane.doe@example.com | +1 415 555 0100 | linkedin.com/in/janedoe",
    ]
    columns = {line.text: line.column for line in parsed.lines}
    assert columns["Skills"] == 1 and columns["Experience"] == 2


def test_a_one_column_page_is_read_top_to_bottom():
    parsed = parse_pdf(pdfs.resume_pdf())
    assert [page.columns for page in parsed.pages] == [1, 1]
    assert texts(parsed) == [line for line in pdfs.RESUME_PAGE_1 + pdfs.RESUME_PAGE_2 if line]
    assert all(line.column == 0 for line in parsed.lines)


class Box:
    def __init__(self, text, x0, y0, x1, y1):
        self.text, self.bbox = text, (x0, y0, x1, y1)


def test_dates_in_a_gutter_are_rows_not_a_column():
    """moderncv style: short dates on the left, each on the baseline of an entry on the right."""
    lines = []
    for row in range(12):
        y = 100 + row * 14
        lines.append(Box("2019 - 2021", 60, y, 120, y + 10))
        lines.append(Box("Built and ran the payment platform for the whole company", 150, y, 540, y + 10))
    ordered, _, count = reading_order(lines)
    assert count == 1
    assert ordered[0].text == "2019 - 2021" and ordered[1].text.startswith("Built")


def test_a_grid_of_short_list_items_is_rows_not_columns():
    """A skills section set as lists side by side ("Frontend" | "Tooling"), rows aligned, each item a name: read row
    by row it still gives every name, so it is no column layout, whatever share of the text each side holds."""
    lines = [Box("Skills", 60, 80, 110, 96)]
    left = ["Frontend", "JavaScript", "TypeScript", "React", "Vue.js", "HTML5", "CSS3/Sass"]
    right = ["Tooling", "Vite", "Webpack", "Storybook", "Git", "Figma", "Quality", "Jest", "Playwright"]
    for row, text in enumerate(left):
        lines.append(Box(text, 60, 100 + row * 12, 60 + 6 * len(text), 110 + row * 12))
    for row, text in enumerate(right):
        lines.append(Box(text, 300, 100 + row * 12, 300 + 6 * len(text), 110 + row * 12))
    _, _, count = reading_order(lines)
    assert count == 1
    # Short lists whose lines do not share rows are two columns flowing apart (a sidebar of lists).
    shifted = [Box(line.text, *line.bbox[:1], line.bbox[1] + 6, line.bbox[2], line.bbox[3] + 6) for line in lines]
    _, _, count = reading_order([line for line in lines if line.bbox[0] < 300] + shifted[len(left) + 1 :])
    assert count == 2


def test_header_and_footer_zones_are_recognised():
    parsed = parse_pdf(pdfs.header_contact_pdf(footer="Jane Doe - Resume"))
    zones = {line.text: line.zone for line in parsed.lines}
    assert zones["jane.doe@example.com | +1 415 555 0100"] == "header"
    assert zones["Jane Doe - Resume"] == "footer"
    assert zones["Experience"] == "body"


class Sized(Box):
    def __init__(self, text, x0, y0, x1, y1, size=10.8):
        super().__init__(text, x0, y0, x1, y1)
        self.size = size


def _page_of_body(top=100, bottom=640):
    return [
        Sized(f"Body line {row} of a browser-printed resume", 65, y, 400, y + 12)
        for row, y in enumerate(range(top, bottom, 12))
    ]


def test_body_text_flowing_to_the_page_edge_is_not_a_footer():
    """Printed from a browser the page's flow runs to the bottom margin: a heading, then its first line one
    paragraph's space below it, both in the bottom 8 %. A real footer sits further from the body."""
    flowing = [*_page_of_body(), Sized("Education", 65, 711, 143, 729, 16.2), Sized("Hogeschool", 65, 743, 200, 755)]
    assert header_footer_zones(flowing, 792) == ([], [])
    footer = Sized("Amara Quispe-Holm - page 1", 65, 760, 300, 770, 9)
    assert header_footer_zones([*_page_of_body(bottom=700), footer], 792)[1] == [footer]


def test_a_bulleted_item_continuing_at_the_top_of_a_page_is_not_a_header():
    marker = Sized("\x00", 65, 33, 69, 43, 9.8)
    item = Sized("Won the President's Club trip in 2019", 80, 31, 253, 43)
    assert header_footer_zones([marker, item, *_page_of_body(top=73)], 792) == ([], [])
    label = Sized("Sample Resume - Accounting Major", 234, 36, 400, 47)
    assert header_footer_zones([label, *_page_of_body(top=60)], 792)[0] == [label]


def test_a_large_name_at_the_top_is_not_header_text():
    doc = pymupdf.open(stream=pdfs.make_pdf([pdfs.RESUME_PAGE_1], margin=60), filetype="pdf")
    doc[0].insert_text((60, 30), "JANE DOE", fontsize=24)
    parsed = parse_pdf(doc.tobytes())
    assert all(line.zone == "body" for line in parsed.lines)


def test_images_are_located_and_sized():
    parsed = parse_pdf(pdfs.photo_pdf())
    assert len(parsed.images) == 1
    image = parsed.images[0]
    assert image.page == 1 and image.pixels == (90, 110)
    assert image.bbox == pytest.approx((460, 60, 540, 158), abs=1)
    assert parse_pdf(pdfs.resume_pdf()).images == []


def test_ruling_lines_and_table_borders_are_counted():
    page = parse_pdf(pdfs.table_pdf()).pages[0]
    assert page.horizontal_rules == 4 and page.vertical_rules == 4
    assert page.table_grids == 4
    plain = parse_pdf(pdfs.resume_pdf()).pages[0]
    assert (plain.horizontal_rules, plain.vertical_rules, plain.table_grids) == (0, 0, 0)


def test_fonts_and_sizes_are_counted_by_characters():
    parsed = parse_pdf(pdfs.many_fonts_pdf())
    assert {"Helvetica", "Times-Roman", "Courier"} <= set(parsed.fonts)
    parsed = parse_pdf(pdfs.make_pdf([pdfs.RESUME_PAGE_1], fontsize=10))
    assert list(parsed.font_sizes) == [10.0]
    assert parsed.font_sizes[10.0] == parsed.total_chars


def test_links_are_kept():
    doc = pymupdf.open(stream=pdfs.resume_pdf(), filetype="pdf")
    page = doc[0]
    for index, uri in enumerate(
        ["mailto:jane@example.com", "https://www.linkedin.com/in/jane", "https://github.com/jane"]
    ):
        page.insert_link(
            {"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(72, 600 + index * 20, 200, 615 + index * 20), "uri": uri}
        )
    parsed = parse_pdf(doc.tobytes())
    assert parsed.links == ["mailto:jane@example.com", "https://www.linkedin.com/in/jane", "https://github.com/jane"]


def test_margins_are_measured_from_the_text():
    parsed = parse_pdf(pdfs.make_pdf([pdfs.RESUME_PAGE_1], margin=50))
    assert parsed.margins["left"] == pytest.approx(50, abs=1)
    assert 38 <= parsed.margins["top"] <= 52


def test_word_gaps_and_soft_hyphens_are_normalised():
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Work\u00a0\u00a0History  and \u00a0tools", fontsize=11)
    page.insert_text((72, 100), "(909) 555-\u00ad\u20105555 is my phone number", fontsize=11, fontname="china-s")
    parsed = parse_pdf(doc.tobytes())
    assert texts(parsed)[0] == "Work History and tools"
    assert texts(parsed)[1].startswith("(909) 555-5555")


def test_garbled_and_invisible_text_is_measured():
    assert parse_pdf(pdfs.cid_text_pdf()).garbled_chars > 100
    assert parse_pdf(pdfs.resume_pdf()).garbled_chars == 0
    parsed = parse_pdf(pdfs.image_with_text_layer_pdf())
    assert parsed.invisible_chars == parsed.total_chars > 0


def test_a_scanned_page_without_text_fails_with_a_reason():
    with pytest.raises(UnreadablePdf) as raised:
        parse_pdf(pdfs.scanned_pdf())
    assert raised.value.code == "no_text"
    assert "scan" in raised.value.message


def test_the_page_limit_is_checked_before_extraction():
    with pytest.raises(UnreadablePdf) as raised:
        parse_pdf(pdfs.many_pages_pdf(12), max_pages=10)
    assert raised.value.code == "too_many_pages"


def _list_page(mark):
    """A page of 14 one-line list items, each marked by `mark(page, x, y)`: drawings, not text."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    for row in range(14):
        y = 100 + row * 16
        page.insert_text((90, y), f"Item {row} of a skills list", fontsize=11)
        mark(page, y)
    return doc.tobytes()


def test_bullets_drawn_as_discs_are_not_graphics_but_rating_dots_are():
    """Browsers draw CSS list markers as small filled paths just left of each item; skill ratings are rows of dots
    after the name. Only the second hides information from an ATS."""

    def disc(page, y):
        page.draw_circle((82, y - 4), 1.6, color=None, fill=(0, 0, 0))

    def rating(page, y):
        for dot in range(5):
            page.draw_circle((260 + dot * 10, y - 4), 3, color=None, fill=(0, 0, 0))

    bullets = parse_pdf(_list_page(disc))
    assert sum(page.shapes for page in bullets.pages) == 0
    ratings = parse_pdf(_list_page(rating))
    assert sum(page.shapes for page in ratings.pages) == 70


def _two_pages(last_of_page_one, last_y=700):
    doc = pymupdf.open()
    first = doc.new_page(width=612, height=792)
    for row, y in enumerate(range(80, last_y - 10, 15)):
        first.insert_text((65, y), f"Closed {row + 3} accounts in the northern region", fontsize=10.5)
    first.insert_text((65, last_y), last_of_page_one, fontsize=16 if last_of_page_one == "References" else 10.5)
    second = doc.new_page(width=612, height=792)
    second.insert_text((65, 46), "Available on request.", fontsize=10.5)
    for row in range(20):
        second.insert_text((65, 90 + row * 15), f"Hiked {row + 3} trails in the Cascades", fontsize=10.5)
    return doc.tobytes()


def test_the_top_of_a_page_continuing_the_one_before_is_not_a_header():
    """Printed from a browser, a heading can end one page and its content open the next, alone at the top; and a
    page's body can run down to the edge and go on at the top of the next."""
    zones = {line.text: line.zone for line in parse_pdf(_two_pages("References")).lines}
    assert zones["Available on request."] == "body"
    zones = {line.text: line.zone for line in parse_pdf(_two_pages("Closed 9 more accounts in June")).lines}
    assert zones["Available on request."] == "header"
    # A page whose body runs on into the bottom 8 % (no footer margin) flows on: the next page's top continues it.
    flowing = parse_pdf(_two_pages("Closed 9 more accounts in June", last_y=755)).lines
    assert {line.text: line.zone for line in flowing}["Available on request."] == "body"
