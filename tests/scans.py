"""Scanned PDFs made from text PDFs, as a scanner or a phone makes them: pages rendered to pictures at a DPI,
optionally rotated a little, sprinkled with noise, on grey paper and saved as a lossy JPEG, then put back into a PDF
with no text layer."""

import random

import pymupdf

from . import pdfs


def scan_of(pdf_bytes, *, dpi=200, angle=0.0, noise=0.0, paper=255, jpeg_quality=0, pages=None, seed=7):
    """The PDF with `pages` (0-based; all by default) replaced by grey pictures of themselves. `paper`: the grey
    level white becomes (a copier's grey background); `jpeg_quality` 1-100: stored as a JPEG of that quality."""
    source = pymupdf.open(stream=pdf_bytes, filetype="pdf")
    out = pymupdf.open()
    rng = random.Random(seed)
    for index, page in enumerate(source):
        if pages is not None and index not in pages:
            out.insert_pdf(source, from_page=index, to_page=index)
            continue
        pixmap = _picture(source, index, dpi, angle)
        if paper < 255:
            pixmap = _on_grey_paper(pixmap, paper)
        if noise:
            pixmap = _speckle(pixmap, noise, rng)
        target = out.new_page(width=page.rect.width, height=page.rect.height)
        if jpeg_quality:
            target.insert_image(target.rect, stream=pixmap.tobytes("jpg", jpg_quality=jpeg_quality))
        else:
            target.insert_image(target.rect, pixmap=pixmap)
    return out.tobytes(garbage=3, deflate=True)


def _picture(source, index, dpi, angle):
    if not angle:
        return source[index].get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
    # A page placed at a slant on a white page: the rotation a scanner's feeder gives.
    tilted = pymupdf.open()
    rect = source[index].rect
    page = tilted.new_page(width=rect.width, height=rect.height)
    page.draw_rect(page.rect, color=None, fill=(1, 1, 1))
    page.show_pdf_page(page.rect, source, index, rotate=angle, keep_proportion=True)
    return page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)


def _speckle(pixmap, share, rng):
    """Salt-and-pepper noise on `share` of the pixels."""
    samples = bytearray(pixmap.samples)
    for _ in range(int(len(samples) * share)):
        samples[rng.randrange(len(samples))] = 0 if rng.random() < 0.5 else 255
    return pymupdf.Pixmap(pymupdf.csGRAY, pixmap.width, pixmap.height, bytes(samples), 0)


def _on_grey_paper(pixmap, paper):
    """White becomes `paper`, black stays black: the page darkened as a copier prints a grey background."""
    scale = bytes(value * paper // 255 for value in range(256))
    samples = bytes(pixmap.samples).translate(scale)
    return pymupdf.Pixmap(pymupdf.csGRAY, pixmap.width, pixmap.height, samples, 0)


def scanned_resume_pdf(**kwargs):
    return scan_of(pdfs.resume_pdf(), **kwargs)


def mixed_resume_pdf():
    """Page 1 a text page, page 2 a scan (a page signed and scanned back in)."""
    return scan_of(pdfs.resume_pdf(), pages={1})


def picture_without_text_pdf():
    """A page that is one picture holding no words at all (a photo of a blank sheet): OCR finds nothing."""
    doc = pymupdf.open()
    page = doc.new_page(width=pdfs.LETTER[0], height=pdfs.LETTER[1])
    pixmap = pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.IRect(0, 0, 400, 520), 0)
    pixmap.clear_with(235)
    page.insert_image(page.rect, pixmap=pixmap)
    return doc.tobytes(deflate=True)


def huge_page_scan_pdf(inches=200):
    """A scan whose page is `inches` square: rendering it at any useful DPI would take gigabytes."""
    doc = pymupdf.open()
    page = doc.new_page(width=inches * 72, height=inches * 72)
    pixmap = pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.IRect(0, 0, 300, 300), 0)
    pixmap.clear_with(255)
    page.insert_image(page.rect, pixmap=pixmap)
    return doc.tobytes(deflate=True)
