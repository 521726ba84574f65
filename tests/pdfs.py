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
    text_doc = pymupdf.open(stream=resume_pdf(), filetype="pdf")
    pixmap = text_doc[0].get_pixmap(dpi=50)
    doc = pymupdf.open()
    page = doc.new_page(width=LETTER[0], height=LETTER[1])
    page.insert_image(page.rect, pixmap=pixmap)
    return _bytes(doc)


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
