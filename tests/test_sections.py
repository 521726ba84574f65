"""Section headings by head words and typography, in every layout of tests/resume_layouts.py."""

import pymupdf
import pytest

from analyses.pipeline.extract import TextLine, parse_pdf
from analyses.pipeline.sections import find_sections, heading_kinds

from . import resume_layouts

NURSE, ACCOUNTANT = resume_layouts.PROFESSIONS[0], resume_layouts.PROFESSIONS[3]


@pytest.mark.parametrize(
    ("heading", "kinds"),
    [
        ("Clinical Skills", ["skills"]),
        ("Core Skills", ["skills"]),
        ("SKILLS SUMMARY", ["skills"]),
        ("Professional Experience & Projects", ["experience", "projects"]),
        ("Teaching Experience", ["experience"]),
        ("Summary of Qualifications", ["summary"]),
        ("Licenses / Certifications", ["certifications"]),
        ("Relevant Work History:", ["experience"]),
        ("C L I N I C A L   S K I L L S", ["skills"]),
        ("P R O F E S S I O N A L E X P E R I E N C E", ["experience"]),
        # Titles that hold a section word but are named by another head: not headings.
        ("Special Education Teacher", []),
        ("Customer Experience Manager", []),
        ("Research and Development", []),
        ("Project Management Simulation Training", []),
        ("Skills Lab Coordinator, 2019", []),
    ],
)
def test_a_heading_is_named_by_its_head_word(heading, kinds):
    assert heading_kinds(heading) == kinds


@pytest.mark.parametrize("layout", resume_layouts.LAYOUTS)
@pytest.mark.parametrize("variant", [0, 2, 3])
def test_every_section_is_found_in_every_layout(layout, variant):
    resume = resume_layouts.PROFESSIONS[variant]
    parsed = parse_pdf(resume_layouts.render(resume, layout, variant))
    found = find_sections(parsed.lines).found
    assert set(resume_layouts.sections_of(resume)) <= set(found), (layout, resume_layouts.headings_for(layout, variant))


def _line(text, x, y, *, bold=False, size=10.0, column=0):
    return TextLine(page=1, text=text, bbox=(x, y, x + 6 * len(text), y + 12), size=size, bold=bold, column=column)


BODY = [_line("Led a ward of nurses and trained new staff on every shift", 60, 400 + 14 * n) for n in range(6)]


def test_a_bold_job_title_holding_a_section_word_keeps_its_section():
    lines = [
        _line("Experience", 60, 100, bold=True, size=12),
        _line("Special Education Teacher", 60, 120, bold=True),
        _line("Taught reading to 30 pupils", 60, 134),
        *BODY,
    ]
    sections = find_sections(lines)
    assert sections.found == ["experience"]
    assert sections.labels[2] == "experience"


def test_a_heading_cell_starts_a_section_for_the_cells_beside_and_below_it():
    lines = [
        _line("EDUCATION", 60, 100, bold=True),
        _line("BSc Nursing, Eastbrook University", 180, 100),
        _line("CLINICAL SKILLS", 60, 130, bold=True),
        _line("Wound care, triage, IV therapy", 180, 130),
        _line("Epic, Cerner", 180, 144),
        *BODY,
    ]
    sections = find_sections(lines)
    assert sections.found == ["education", "skills"]
    assert sections.labels[1] == "education" and sections.labels[4] == "skills"
    assert sections.heading_cells == {1: 2}


def test_a_row_label_of_a_skills_table_stays_in_the_skills_section():
    lines = [
        _line("Skills", 60, 100, bold=True, size=12),
        _line("Languages", 60, 120, bold=True),
        _line("Python, Go", 180, 120),
        _line("Tools", 60, 134, bold=True),
        _line("Docker, Terraform", 180, 134),
        *BODY,
    ]
    sections = find_sections(lines)
    assert sections.found == ["skills"]
    assert set(sections.labels[:5]) == {"skills"}


def test_a_heading_cell_wrapped_on_two_lines_is_read_as_one():
    lines = [
        _line("EDUCATION", 60, 100, bold=True),
        _line("BSc Accounting", 180, 100),
        _line("COMPUTER", 60, 130, bold=True),
        _line("QuickBooks, Excel", 180, 130),
        _line("SKILLS", 60, 142, bold=True),
        *BODY,
    ]
    sections = find_sections(lines)
    assert sections.found == ["education", "skills"]
    assert sections.labels[3] == "skills"


def test_a_head_word_heading_must_look_like_the_resumes_other_headings():
    lines = [
        _line("Experience", 60, 100, bold=True, size=14),
        _line("Charge Nurse, Lakeside General", 60, 120),
        _line("Wound Care Projects", 60, 140, bold=True, size=10),
        _line("Education", 60, 170, bold=True, size=14),
        *BODY,
    ]
    assert find_sections(lines).found == ["experience", "education"]


def _resume_with_unnamed_headings(first, second):
    return [
        _line("Who I Am", 60, 100, size=14),
        _line("Hospital pharmacist who checks 400 orders a day.", 60, 120),
        _line(first, 60, 150, size=14),
        _line("Pharmacist, Ridgeway Infirmary, 2019 - Present", 60, 170, bold=True),
        _line("• Verified 400 medication orders a day for 3 wards", 60, 184),
        _line(second, 60, 210, size=14),
        _line("Master of Pharmacy, Coldwater University, 2014 - 2019", 60, 230),
        _line("Experience", 60, 260, size=14),
        _line("Locum Pharmacist, Brookside Chemists, 2014 - 2019", 60, 280),
        *BODY,
    ]


def test_a_heading_whose_words_name_no_section_is_named_by_its_content():
    sections = find_sections(_resume_with_unnamed_headings("Where I Have Been", "How I Got Here"))
    assert sections.found == ["summary", "experience", "education"]
    assert sections.labels[3] == "experience" and sections.labels[6] == "education"


def test_a_weak_head_word_gives_way_to_what_the_section_holds():
    # "Work" names jobs weakly; a block of degrees under "Coursework and Study Work" is education.
    sections = find_sections(_resume_with_unnamed_headings("Hospital Work", "Further Study Work"))
    assert sections.labels[3] == "experience" and sections.labels[6] == "education"


def test_an_unnamed_heading_without_telling_content_ends_the_section_before_it():
    lines = [
        _line("Skills", 60, 100, size=14),
        _line("Aseptic compounding, clinical audit", 60, 120),
        _line("Beyond the Pharmacy", 60, 150, size=14),
        _line("I sing with a choir that tours every summer and raises money.", 60, 170),
        *BODY,
    ]
    sections = find_sections(lines)
    assert sections.found == ["skills"]
    assert sections.labels[3] == "other"


def test_a_bold_job_title_in_body_size_is_never_an_unnamed_heading():
    lines = [
        _line("Experience", 60, 100, bold=True),
        _line("Clinical Pharmacist", 60, 120, bold=True),
        _line("• Checked 400 orders a day", 60, 134),
        _line("Education", 60, 160, bold=True),
        *BODY,
    ]
    assert find_sections(lines).labels[1:3] == ["experience", "experience"]


def test_a_sub_heading_style_does_not_make_every_line_in_it_a_heading():
    lines = [
        _line("EDUCATION", 60, 100, size=16),
        _line("WESTMOOR UNIVERSITY", 60, 120, bold=True, size=12),
        _line("BSc Chemistry, 2012 - 2016", 60, 136),
        _line("EXPERIENCE", 60, 160, size=16),
        _line("NORTHWIND LABS", 60, 180, bold=True, size=12),
        _line("• Ran forty assays a week", 60, 196),
        _line("SKILLS", 60, 210, size=16),
        _line("PROGRAMMING", 60, 230, bold=True, size=12),  # the only known heading in this style
        _line("Python, R", 60, 246),
        *BODY,
    ]
    assert find_sections(lines).labels[4:6] == ["experience", "experience"]


def test_a_heading_cell_glued_to_its_content_on_one_text_line_is_split_off():
    # "EDUCATION" then a run of spaces and the content, all one text line, as a tab-aligned label column gives.
    gap = "&nbsp;" * 14
    rows = [("EDUCATION", "BSc Pharmacy, Coldwater University"), ("SKILLS", "Aseptic compounding, clinical audit")]
    html = "".join(f"<p><b>{head}</b>{gap}{content}</p>" for head, content in rows)
    html += "<p>Checked medication orders for three wards and answered queries from doctors.</p>" * 6
    doc = pymupdf.open()
    doc.new_page().insert_htmlbox(pymupdf.Rect(60, 60, 550, 700), html)
    parsed = parse_pdf(doc.tobytes())
    assert [line.text for line in parsed.lines[:2]] == ["EDUCATION", "BSc Pharmacy, Coldwater University"]
    sections = find_sections(parsed.lines)
    assert sections.found == ["education", "skills"] and sections.heading_cells == {1: 2}
    assert sections.labels[3] == "skills"
