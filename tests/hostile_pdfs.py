"""Hostile PDFs for tests, written byte by byte: what an attacker uploads, not what an editor exports."""

import zlib

TEXT = b"BT /F1 11 Tf 72 700 Td (Jane Doe, backend engineer: Python, Django, PostgreSQL and Docker) Tj ET\n"


def raw_pdf(content, *, pages=None, page_extra=b"", extra_objects=(), xobjects=b"", contents=b"4 0 R"):
    """One page of Helvetica text drawn by `content` (compressed). Objects 1-5 are fixed; `extra_objects` follow."""
    stream = zlib.compress(content, 6)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        pages or b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents " + contents + b" "
        b"/Resources << /Font << /F1 5 0 R >> " + xobjects + b">> " + page_extra + b">>",
        _stream(stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *extra_objects,
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(compressed, dictionary=b""):
    return b"<< /Filter /FlateDecode /Length %d %s>>\nstream\n%s\nendstream" % (len(compressed), dictionary, compressed)


def million_text_objects_pdf(count=1_000_000):
    """About 2.5 MB: a million one-letter text objects on one page (before the guard, 2.1 GB of worker memory)."""
    row = b"".join(b"BT /F1 1 Tf %d %%d Td (a) Tj ET\n" % x for x in range(5, 605))  # 600 objects, y left open
    rows = [row % ((y % 780 + 5,) * 600) for y in range(count // 600)]
    rest = [b"BT /F1 1 Tf %d 5 Td (a) Tj ET\n" % x for x in range(count % 600)]
    return raw_pdf(b"".join(rows + rest))


def long_line_pdf(letters=150_000):
    """About 1 KB: one line of 150,000 letters in a tiny font, all inside the page."""
    return raw_pdf(b"BT /F1 0.006 Tf 10 400 Td (" + b"a" * letters + b") Tj ET\n" + TEXT)


def lying_page_count_pdf():
    """The page tree says it holds 1,000 pages; it has one."""
    return raw_pdf(TEXT, pages=b"<< /Type /Pages /Kids [3 0 R] /Count 1000 >>")


def deeply_nested_pdf(depth=100_000):
    """The page's dictionary holds 100,000 nested arrays; its text is ordinary."""
    return raw_pdf(TEXT, page_extra=b"/Nested " + b"[" * depth + b"]" * depth + b" ")


def form_bomb_pdf(glyphs_per_form=1000, uses=2000):
    """8 KB: one form of `glyphs_per_form` letters that the page draws `uses` times (two million text objects)."""
    page = b"".join(b"q 1 0 0 1 %d %d cm /X1 Do Q\n" % (i % 100, i // 100 % 700) for i in range(uses))
    return raw_pdf(page + TEXT, xobjects=b"/XObject << /X1 6 0 R >> ", extra_objects=[_letters_form(glyphs_per_form)])


def nested_form_bomb_pdf(glyphs_per_form=1000, inner_uses=50, outer_uses=40):
    """A form of letters drawn by a second form, drawn by the page: the page's own content holds only `Do`s of a
    form without text, so only the memory cap and the time limit stop the two million letters."""
    inner = b"".join(b"q 1 0 0 1 %d 0 cm /X1 Do Q\n" % i for i in range(inner_uses))
    outer_dictionary = b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /X1 6 0 R >> >> "
    outer = _stream(zlib.compress(inner, 6), outer_dictionary)
    page = b"".join(b"q 1 0 0 1 0 %d cm /X2 Do Q\n" % i for i in range(outer_uses))
    return raw_pdf(
        page + TEXT, xobjects=b"/XObject << /X2 7 0 R >> ", extra_objects=[_letters_form(glyphs_per_form), outer]
    )


def picture_drawn_again_and_again_pdf(side=5000, uses=201):
    """About 40 KB: one blank side x side grey picture (25 megapixels, compressed to almost nothing) that the page
    draws `uses` times; before the guard it held a worker for the whole time limit."""
    pixels = zlib.compress(b"\x80" * (side * side), 9)
    picture = _stream(
        pixels,
        b"/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 "
        % (side, side),
    )
    page = b"".join(b"q 100 0 0 100 %d %d cm /Im1 Do Q\n" % (i % 500, i // 500 * 100) for i in range(uses))
    return raw_pdf(page + TEXT, xobjects=b"/XObject << /Im1 6 0 R >> ", extra_objects=[picture])


def _letters_form(glyphs):
    letters = b"".join(b"BT /F1 1 Tf %d %d Td (a) Tj ET\n" % (i % 500, i // 500) for i in range(glyphs))
    dictionary = b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> "
    return _stream(zlib.compress(letters, 6), dictionary)
