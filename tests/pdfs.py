"""Build real PDFs with PyMuPDF for tests: resumes, damaged files, encrypted files, scans."""

import pymupdf

LETTER = (612, 792)

RESUME_PAGE_1 = [
    "Jane Doe",
    "jane.doe@example.com | +1 415 555 0100 | linkedin.com/in/janedoe",
    "",
    "Summary",
    "Backend engineer who led a team of five and mentored two juniors.",
    "",
    "Experience",
    "Senior Software Engineer, Acme Corp, 2019 - 2024",
    "- Built REST APIs in Python and Django serving 2M requests a day",
    "- Moved deployments to Kubernetes (k8s) with Docker and Terraform",
    "- Cut page load time by 40% with React and TypeScript",
    "",
    "Education",
    "B.Sc. Computer Science, State University, 2015 - 2019",
    "",
    "Skills",
    "Python, Go, PostgreSQL, Docker, Kubernetes, AWS, CI/CD, Git",
    "Communication, Leadership",
]

RESUME_PAGE_2 = [
    "Projects",
    "- Open-source CLI in Golang for log analysis, 1,200 GitHub stars",
    "- Data pipeline with pandas and Airflow processing 5 TB a month",
    "",
    "Certifications",
    "AWS Certified Solutions Architect",
]


def make_pdf(pages, *, margin=72, fontsize=11, page_size=LETTER, line_height=None, fontname="helv"):
    """A text PDF: `pages` is a list of pages, each a list of lines, set from `margin` points in."""
    doc = pymupdf.open()
    line_height = line_height or fontsize * 1.5
    for lines in pages:
        page = doc.new_page(width=page_size[0], height=page_size[1])
        y = margin + fontsize
        for text in lines:
            if text:
                page.insert_text((margin, y), text, fontsize=fontsize, fontname=fontname)
            y += line_height
    return _bytes(doc)


def resume_pdf(**kwargs):
    return make_pdf([RESUME_PAGE_1, RESUME_PAGE_2], **kwargs)


def encrypted_pdf(password="secret"):
    doc = pymupdf.open(stream=resume_pdf(), filetype="pdf")
    return doc.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw=password + "-owner", user_pw=password)


def scanned_pdf():
    """A page that is only an image of text, as a scanner makes: no selectable text."""
    doc, _ = _resume_page_as_image(dpi=50)
    return _bytes(doc)


def _resume_page_as_image(dpi):
    """A new one-page document whose page is a picture of the resume's first page: (doc, page)."""
    pixmap = pymupdf.open(stream=resume_pdf(), filetype="pdf")[0].get_pixmap(dpi=dpi)
    doc = pymupdf.open()
    page = doc.new_page(width=LETTER[0], height=LETTER[1])
    page.insert_image(page.rect, pixmap=pixmap)
    return doc, page


def damaged_pdf():
    """A PDF header followed by garbage: passes the magic-byte check, cannot be parsed."""
    return b"%PDF-1.7\n" + bytes(range(256)) * 20 + b"\n%%EOF"


def truncated_pdf():
    data = resume_pdf()
    return data[: len(data) // 3]


def many_pages_pdf(count=300):
    return make_pdf([[f"Page {number}", "Python developer"] for number in range(count)])


def _bytes(doc):
    data = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    return data


# Layout variants for the extraction and check tests. Each builds a real PDF with PyMuPDF.

TWO_COLUMN_CONTACT = "jane.doe@example.com | +1 415 555 0100 | linkedin.com/in/janedoe"
TWO_COLUMN_LEFT = [
    "Skills",
    "Python, Go, SQL",
    "Docker, Kubernetes",
    "Terraform, AWS",
    "",
    "Education",
    "B.Sc. Computer Science",
    "State University",
    "2015 - 2019",
    "",
    "Languages",
    "English, German",
]
TWO_COLUMN_RIGHT = [
    "Experience",
    "Senior Engineer, Acme Corp, 2019 - 2024",
    "- Built REST APIs serving 2M requests a day",
    "- Cut cloud costs by 30% with autoscaling",
    "- Led a team of five engineers",
    "Engineer, Beta GmbH, 2016 - 2019",
    "- Shipped a billing service used by 40 clients",
    "- Reduced incident count by half",
    "",
    "Projects",
    "- Open-source CLI with 1,200 GitHub stars",
]


def two_column_pdf():
    """A name band across the top, then a narrow left column and a wide right one, as sidebar templates set them."""
    doc = pymupdf.open()
    page = doc.new_page(width=LETTER[0], height=LETTER[1])
    page.insert_text((54, 70), "Jane Doe", fontsize=22, fontname="hebo")
    page.insert_text((54, 92), TWO_COLUMN_CONTACT, fontsize=10)
    _column(page, TWO_COLUMN_LEFT, x=54, y=130, fontsize=10, line_height=15)
    _column(page, TWO_COLUMN_RIGHT, x=230, y=133, fontsize=10, line_height=17)
    return _bytes(doc)


def _column(page, lines, *, x, y, fontsize, line_height):
    for text in lines:
        if text:
            page.insert_text((x, y), text, fontsize=fontsize, fontname="helv")
        y += line_height


def table_pdf():
    """The resume with its skills in a ruled table: three rows, three columns, every border drawn."""
    doc = pymupdf.open(stream=resume_pdf(), filetype="pdf")
    page = doc[0]
    left, top, cell_w, cell_h = 72, 520, 150, 22
    rows = [["Languages", "Python", "Go"], ["Cloud", "AWS", "GCP"], ["Data", "PostgreSQL", "Redis"]]
    for row_index, row in enumerate(rows):
        for col_index, text in enumerate(row):
            page.insert_text((left + col_index * cell_w + 4, top + row_index * cell_h + 15), text, fontsize=10)
    for row_index in range(len(rows) + 1):
        y = top + row_index * cell_h
        page.draw_line((left, y), (left + 3 * cell_w, y), width=0.8)
    for col_index in range(4):
        x = left + col_index * cell_w
        page.draw_line((x, top), (x, top + len(rows) * cell_h), width=0.8)
    return _bytes(doc)


def _portrait_pixmap(width=90, height=110):
    pixmap = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, width, height), False)
    pixmap.set_rect(pixmap.irect, (180, 140, 120))
    return pixmap


def photo_pdf():
    """The resume with a head-and-shoulders photo in the top right corner of page 1."""
    doc = pymupdf.open(stream=resume_pdf(), filetype="pdf")
    doc[0].insert_image(pymupdf.Rect(460, 60, 540, 158), pixmap=_portrait_pixmap())
    return _bytes(doc)


def banner_image_pdf():
    """The resume with a wide decorative banner image at the bottom of page 1: an image, not a photo."""
    doc = pymupdf.open(stream=resume_pdf(), filetype="pdf")
    doc[0].insert_image(pymupdf.Rect(72, 700, 540, 740), pixmap=_portrait_pixmap(400, 40))
    return _bytes(doc)


def image_with_text_layer_pdf():
    """A page that is one big picture with an invisible text layer on top, as OCR tools make."""
    doc, page = _resume_page_as_image(dpi=40)
    y = 83
    for text in RESUME_PAGE_1:
        if text:
            page.insert_text((72, y), text, fontsize=11, render_mode=3)
        y += 16.5
    return _bytes(doc)


def header_contact_pdf(*, footer=""):
    """Contact details set in the page header zone only (0.5 in from the top), the body starting at 1.25 in."""
    doc = pymupdf.open()
    page = doc.new_page(width=LETTER[0], height=LETTER[1])
    page.insert_text((72, 40), "jane.doe@example.com | +1 415 555 0100", fontsize=9)
    body = [line for line in RESUME_PAGE_1 if "@" not in line]
    _column(page, body, x=72, y=100, fontsize=11, line_height=16.5)
    if footer:
        page.insert_text((72, 770), footer, fontsize=9)
    return _bytes(doc)


def many_fonts_pdf():
    """Four typefaces: Helvetica, Times, Courier and a CJK sans for the body's lines in turn."""
    doc = pymupdf.open()
    page = doc.new_page(width=LETTER[0], height=LETTER[1])
    fonts = ["helv", "tiro", "cour", "china-s"]
    y = 83
    for index, text in enumerate(RESUME_PAGE_1):
        if text:
            page.insert_text((72, y), text, fontsize=11, fontname=fonts[index % len(fonts)])
        y += 16.5
    return _bytes(doc)


def garbled_pdf():
    """The resume drawn with a font whose encoding maps every letter to the next one: "Experience" reads
    "Eyqfsjfodf" to any text extractor, as happens with fonts embedded without a usable Unicode mapping."""
    doc = pymupdf.open(stream=resume_pdf(), filetype="pdf")
    differences = " ".join(f"{code} /{chr(code + 1)}" for code in range(ord("a"), ord("z")))
    for xref in range(1, doc.xref_length()):
        if doc.xref_get_key(xref, "Type")[1] == "/Font":
            doc.xref_set_key(xref, "Encoding", f"<</Type/Encoding/Differences[{differences}]>>")
    return _bytes(doc)


def cid_text_pdf():
    """A text layer full of "(cid:NN)" runs, as converters write glyphs they could not map."""
    lines = [
        line if index % 2 else " ".join(f"(cid:{30 + n})" for n in range(12))
        for index, line in enumerate(RESUME_PAGE_1)
    ]
    return make_pdf([lines])
