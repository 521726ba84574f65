"""Labelled resumes in many layouts, built with PyMuPDF's HTML box: the same content set as one clean column, as a
table (ruled or not), in two columns, with a sidebar, and with headings in small caps, letter-spaced or worded
unusually. Each resume knows its sections and whether its layout is a table or columns, so tests and
bench/sections_accuracy.py can measure against it. Written for this project; no text comes from any corpus.
"""

from dataclasses import dataclass, field
from html import escape

import pymupdf

LETTER = (612, 792)
CSS = "* {font-family: sans-serif; font-size: 10pt; line-height: 1.25} p {margin: 0 0 3pt 0} h2 {margin: 8pt 0 3pt 0}"


@dataclass
class Resume:
    profession: str
    name: str
    title: str
    summary: str
    jobs: list  # (title line, [bullets])
    education: list
    skills: list
    certifications: list = field(default_factory=list)
    email: str = ""
    phone: str = "+1 312 555 0147"

    def __post_init__(self):
        self.email = self.email or self.name.lower().replace(" ", ".") + "@example.org"


PROFESSIONS = [
    Resume(
        "nursing",
        "Maria Ostrova",
        "Registered Nurse",
        "Registered nurse with seven years on medical-surgical and cardiac wards.",
        [
            (
                "Charge Nurse, Lakeside General Hospital, 2020 - 2025",
                [
                    "Led a team of 9 nurses on a 32-bed cardiac telemetry unit",
                    "Cut medication administration errors by 35% with bedside barcode checks",
                    "Trained 14 new graduates in wound care and patient assessment",
                ],
            ),
            (
                "Staff Nurse, Northfield Clinic, 2017 - 2020",
                [
                    "Delivered patient care for up to 6 patients per shift",
                    "Started IV therapy and monitored vital signs for post-operative patients",
                    "Documented care in Epic for 40 admissions a week",
                ],
            ),
        ],
        ["BSc Nursing, Eastbrook University, 2013 - 2017"],
        ["Patient Care", "Wound Care", "IV Therapy", "Patient Assessment", "Epic", "BLS", "Medication Administration"],
        ["Basic Life Support (BLS), American Heart Association"],
    ),
    Resume(
        "teaching",
        "Daniel Whitcombe",
        "Secondary School Teacher",
        "Secondary English teacher who plans lessons around reading for pleasure.",
        [
            (
                "English Teacher, Riverside High School, 2019 - 2025",
                [
                    "Planned and taught 5 classes a day of 28 students in grades 9-11",
                    "Raised the share of students passing the state reading exam from 61% to 78%",
                    "Built a differentiated reading programme for 40 students with IEPs",
                ],
            ),
            (
                "Teaching Assistant, Oakdale Middle School, 2017 - 2019",
                [
                    "Supported small-group reading sessions for 12 pupils",
                    "Graded 300 essays a term against the district rubric",
                    "Organised a school book fair that raised $4,000",
                ],
            ),
        ],
        ["BA English Education, Hillcrest College, 2013 - 2017"],
        [
            "Lesson Planning",
            "Classroom Management",
            "Curriculum Development",
            "Differentiated Instruction",
            "Google Classroom",
        ],
    ),
    Resume(
        "culinary",
        "Lucia Ferrante",
        "Sous Chef",
        "Sous chef with ten years in busy Italian and seasonal kitchens.",
        [
            (
                "Sous Chef, Olive and Ember, 2019 - 2025",
                [
                    "Ran a line of 8 cooks serving 250 covers a night",
                    "Developed seasonal menus that lifted dessert sales by 20%",
                    "Cut food waste by 18% with tighter inventory control and portioning",
                ],
            ),
            (
                "Line Cook, Harbour Bistro, 2015 - 2019",
                [
                    "Prepared sauces, pasta and grill orders for 150 covers",
                    "Kept the station compliant with food safety audits, scoring 98%",
                    "Trained 5 new cooks on knife skills and plating",
                ],
            ),
        ],
        ["Diploma in Culinary Arts, Westfield Culinary Institute, 2013 - 2015"],
        ["Menu Development", "Food Safety", "Inventory Management", "Food Preparation", "Cost Control"],
        ["ServSafe Food Protection Manager"],
    ),
    Resume(
        "accounting",
        "Priya Raman",
        "Staff Accountant",
        "Accountant with five years of month-end close and audit preparation.",
        [
            (
                "Staff Accountant, Carter & Lowe LLP, 2021 - 2025",
                [
                    "Closed the books for 12 client entities every month within 5 days",
                    "Reconciled 40 bank and vendor accounts a month in QuickBooks",
                    "Prepared 120 individual tax returns each season",
                ],
            ),
            (
                "Accounting Assistant, Greenway Foods, 2019 - 2021",
                [
                    "Processed 600 invoices a month in accounts payable",
                    "Built Excel models that cut variance analysis time by 30%",
                    "Supported the annual external audit",
                ],
            ),
        ],
        ["BS Accounting, Midvale State University, 2015 - 2019"],
        ["Accounts Payable", "Account Reconciliation", "QuickBooks", "Microsoft Excel", "Tax Preparation", "GAAP"],
        ["Certified Public Accountant (CPA)"],
    ),
    Resume(
        "software",
        "Tomasz Kowal",
        "Backend Developer",
        "Backend developer who builds reliable APIs and the pipelines that ship them.",
        [
            (
                "Backend Developer, Brightpath Logistics, 2020 - 2025",
                [
                    "Built REST APIs in Python and Django serving 3M requests a day",
                    "Moved 40 services to Kubernetes with Docker and Terraform",
                    "Cut p95 latency by 45% with PostgreSQL query tuning and Redis caching",
                ],
            ),
            (
                "Software Engineer, Quillsoft, 2017 - 2020",
                [
                    "Wrote a billing service in Java used by 200 customers",
                    "Set up CI/CD with GitHub Actions, cutting release time from days to hours",
                    "Mentored 3 junior engineers",
                ],
            ),
        ],
        ["BSc Computer Science, Ridgefield University, 2013 - 2017"],
        ["Python", "Django", "PostgreSQL", "Docker", "Kubernetes", "Terraform", "Redis", "Java", "Git", "AWS"],
    ),
    Resume(
        "civil engineering",
        "Amara Okafor",
        "Civil Engineer",
        "Civil engineer designing drainage and road works for growing towns.",
        [
            (
                "Civil Engineer, Stonebridge Consulting, 2019 - 2025",
                [
                    "Designed stormwater systems for 14 residential developments in AutoCAD Civil 3D",
                    "Managed site inspections on a $12M road widening project",
                    "Cut design review cycles by 25% with standard drawing templates",
                ],
            ),
            (
                "Graduate Engineer, Coastal Works Authority, 2017 - 2019",
                [
                    "Ran structural analysis for 6 pedestrian bridges",
                    "Prepared cost estimates and bills of quantities for 20 tenders",
                    "Supervised concrete testing on site",
                ],
            ),
        ],
        ["BEng Civil Engineering, Northgate University, 2013 - 2017"],
        ["AutoCAD", "Civil 3D", "Structural Analysis", "Cost Estimation", "Project Management", "Surveying"],
        ["Engineer in Training (EIT)"],
    ),
    Resume(
        "sales",
        "Jordan Pike",
        "Sales Representative",
        "Sales representative who opens accounts and keeps them growing.",
        [
            (
                "Account Executive, Meridian Office Supply, 2020 - 2025",
                [
                    "Grew territory revenue from $1.2M to $2.0M in three years",
                    "Closed 45 new business accounts in 2024",
                    "Kept the pipeline current in Salesforce for a team of 6",
                ],
            ),
            (
                "Sales Associate, Summit Outdoor, 2017 - 2020",
                [
                    "Ranked first of 12 associates for sales per hour in 2019",
                    "Handled 80 customer enquiries a day by phone and in store",
                    "Ran product demos at 10 trade fairs",
                ],
            ),
        ],
        ["BA Business Administration, Lakeview College, 2013 - 2017"],
        ["Salesforce", "Lead Generation", "Negotiation", "CRM", "Cold Calling", "Account Management"],
    ),
    Resume(
        "human resources",
        "Hannah Becker",
        "HR Specialist",
        "HR specialist running recruitment and onboarding for growing teams.",
        [
            (
                "HR Specialist, Alder Health Group, 2020 - 2025",
                [
                    "Ran recruitment for 120 roles a year, cutting time to hire by 20%",
                    "Rebuilt onboarding for 300 new hires a year in Workday",
                    "Handled 60 employee relations cases with no tribunal claims",
                ],
            ),
            (
                "HR Assistant, Brightline Retail, 2017 - 2020",
                [
                    "Processed payroll changes for 900 employees",
                    "Kept personnel files compliant with labour law audits",
                    "Scheduled 40 interviews a week",
                ],
            ),
        ],
        ["BA Psychology, Elmwood University, 2013 - 2017"],
        ["Recruitment", "Onboarding", "Workday", "Employee Relations", "Payroll", "HRIS"],
        ["SHRM Certified Professional (SHRM-CP)"],
    ),
    Resume(
        "data",
        "Chen Wei",
        "Data Analyst",
        "Data analyst who turns sales and operations data into decisions.",
        [
            (
                "Data Analyst, Northwind Retail, 2021 - 2025",
                [
                    "Built Tableau dashboards used by 60 store managers",
                    "Wrote SQL and Python reports that cut monthly reporting time by 70%",
                    "Ran A/B tests on pricing that raised margin by 3%",
                ],
            ),
            (
                "Junior Analyst, Fieldstone Insurance, 2019 - 2021",
                [
                    "Cleaned and merged 5 claims datasets with pandas",
                    "Automated 12 Excel reports",
                    "Presented findings to the claims leadership team every month",
                ],
            ),
        ],
        ["BSc Statistics, Crestwood University, 2015 - 2019"],
        ["SQL", "Python", "Tableau", "pandas", "Microsoft Excel", "A/B Testing", "Data Visualization"],
    ),
]

# Heading wordings: the plain ones, then the unusual ones resumes use.
PLAIN_HEADINGS = {
    "summary": "Summary",
    "experience": "Experience",
    "education": "Education",
    "skills": "Skills",
    "certifications": "Certifications",
}
UNUSUAL_HEADINGS = [
    {"summary": "Career Snapshot Summary", "experience": "Professional Experience & Projects", "skills": "Core Skills"},
    {"summary": "Professional Profile", "experience": "Relevant Work History", "skills": "Skills Summary"},
    {"experience": "Clinical Experience", "skills": "Clinical Skills", "education": "Education & Training"},
    {"experience": "Teaching Experience", "skills": "Key Competencies", "education": "Academic Background"},
    {"experience": "Employment", "skills": "Technical Proficiencies", "certifications": "Licenses & Certifications"},
]

LAYOUTS = (
    "single",
    "unusual_headings",
    "small_caps",
    "letter_spaced",
    "spaced_letters",
    "table_ruled",
    "table_plain",
    "two_column",
    "sidebar",
)
# What an ATS trips on in each layout: the labels bench/sections_accuracy.py measures against.
LAYOUT_KIND = {
    "table_ruled": "table",
    "table_plain": "table",
    "two_column": "columns",
    "sidebar": "columns",
}


def sections_of(resume):
    present = ["summary", "experience", "education", "skills"]
    return present + (["certifications"] if resume.certifications else [])


def headings_for(layout, variant=0):
    headings = dict(PLAIN_HEADINGS)
    if layout == "unusual_headings":
        headings.update(UNUSUAL_HEADINGS[variant % len(UNUSUAL_HEADINGS)])
    return headings


def render(resume, layout, variant=0):
    """The resume in `layout` as PDF bytes."""
    headings = headings_for(layout, variant)
    doc = pymupdf.open()
    page = doc.new_page(width=LETTER[0], height=LETTER[1])
    if layout in ("table_ruled", "table_plain"):
        _html(page, (54, 54, 558, 750), _header(resume) + _table(resume, headings, ruled=layout == "table_ruled"))
    elif layout == "two_column":
        _html(page, (54, 54, 558, 110), _header(resume))
        left = _section_html("skills", headings, resume) + _section_html("education", headings, resume)
        left += _section_html("certifications", headings, resume)
        right = _section_html("summary", headings, resume) + _section_html("experience", headings, resume)
        _html(page, (54, 110, 250, 750), left)
        _html(page, (270, 110, 558, 750), right)
    elif layout == "sidebar":
        page.draw_rect(pymupdf.Rect(0, 0, 200, LETTER[1]), color=None, fill=(0.92, 0.94, 0.97))
        side = _header(resume, stacked=True) + _section_html("skills", headings, resume)
        side += _section_html("education", headings, resume) + _section_html("certifications", headings, resume)
        main = _section_html("summary", headings, resume) + _section_html("experience", headings, resume)
        _html(page, (40, 54, 185, 750), side)
        _html(page, (220, 54, 558, 750), main)
    else:
        body = _header(resume) + "".join(
            _section_html(kind, headings, resume, layout)
            for kind in ("summary", "experience", "education", "skills", "certifications")
        )
        _html(page, (54, 54, 558, 750), body)
    data = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    return data


def _html(page, rect, html):
    spare, _ = page.insert_htmlbox(pymupdf.Rect(*rect), html, css=CSS)
    if spare < 0:
        raise ValueError("the resume does not fit its box")


def _header(resume, stacked=False):
    contact = [resume.email, resume.phone, "linkedin.com/in/" + resume.name.lower().replace(" ", "")]
    joined = "<br>".join(contact) if stacked else " | ".join(contact)
    return (
        f'<p style="font-size:18pt"><b>{escape(resume.name)}</b></p>'
        f"<p>{escape(resume.title)}</p><p>{escape(joined) if not stacked else joined}</p>"
    )


def _heading_html(text, layout):
    if layout == "small_caps":
        # Small capitals as templates fake them: a full-size initial, the rest as smaller capitals.
        words = [
            f'<span style="font-size:13pt">{escape(word[0].upper())}</span>'
            f'<span style="font-size:10pt">{escape(word[1:].upper())}</span>'
            for word in text.split()
        ]
        return f"<h2 style='font-weight:normal'>{' '.join(words)}</h2>"
    if layout == "letter_spaced":
        return f'<h2 style="font-size:11pt;letter-spacing:3pt">{escape(text.upper())}</h2>'
    if layout == "spaced_letters":
        # Letter spacing that text extraction reads as a space between letters: "E X P E R I E N C E".
        spaced = "&nbsp;&nbsp;&nbsp;".join(" ".join(escape(word.upper())) for word in text.split())
        return f'<h2 style="font-size:11pt;font-weight:normal">{spaced}</h2>'
    return f'<h2 style="font-size:12pt">{escape(text)}</h2>'


def _section_html(kind, headings, resume, layout="single"):
    content = _content_html(kind, resume)
    if not content:
        return ""
    return _heading_html(headings[kind], layout) + content


def _content_html(kind, resume):
    if kind == "summary":
        return f"<p>{escape(resume.summary)}</p>"
    if kind == "experience":
        parts = []
        for title, bullets in resume.jobs:
            parts.append(f"<p><b>{escape(title)}</b></p>")
            parts.extend(f"<p>&#8226; {escape(bullet)}</p>" for bullet in bullets)
        return "".join(parts)
    if kind == "education":
        return "".join(f"<p>{escape(line)}</p>" for line in resume.education)
    if kind == "skills":
        return f"<p>{escape(', '.join(resume.skills))}</p>"
    if kind == "certifications":
        return "".join(f"<p>{escape(line)}</p>" for line in resume.certifications)
    return ""


def _table(resume, headings, ruled):
    border = "border:0.8pt solid #444;" if ruled else ""
    rows = []
    for kind in ("summary", "experience", "education", "skills", "certifications"):
        content = _content_html(kind, resume)
        if not content:
            continue
        rows.append(
            f'<tr><td style="{border}width:110pt;vertical-align:top;padding:3pt"><b>{escape(headings[kind].upper())}'
            f'</b></td><td style="{border}vertical-align:top;padding:3pt">{content}</td></tr>'
        )
    collapse = "border-collapse:collapse;" if ruled else ""
    return f'<table style="{collapse}width:100%">{"".join(rows)}</table>'
