"""Each check in both directions. Most run on a ParsedResume built by hand (checks need no PDF); the layout
checks that depend on geometry also run on real generated PDFs."""

import pytest

from analyses.pipeline import checks
from analyses.pipeline.extract import ImageInfo, PageInfo, ParsedResume, TextLine, parse_pdf
from analyses.pipeline.facts import resume_facts
from analyses.pipeline.sections import label_sections
from analyses.pipeline.wording import is_quantified

from . import pdfs

GOOD_BULLETS = [
    "- Built REST APIs in Python serving 2M requests a day",
    "- Cut page load time by 40% with React and caching",
    "- Led a team of 5 engineers through 3 product launches",
    "- Reduced cloud spend by $120k a year with autoscaling",
    "- Designed the billing service used by 40 clients",
]
GOOD_RESUME = [
    "Jane Doe",
    "jane.doe@example.com | +1 415 555 0100 | linkedin.com/in/janedoe",
    "Summary",
    "Backend engineer with eight years of building payment and data systems for fintech companies.",
    "Experience",
    "Senior Software Engineer, Acme Corp, Jan 2019 - Mar 2024",
    *GOOD_BULLETS,
    "Education",
    "B.Sc. Computer Science, State University, Sep 2011 - Jun 2015",
    "Skills",
    "Python, Go, PostgreSQL, Docker, Kubernetes, AWS",
]


def parsed_from(lines, *, pages=1, margins=None, fonts=None, sizes=None, zones=None, **fields):
    """A ParsedResume of one-column pages: each line 16 pt below the last, split evenly over the pages."""
    per_page = -(-len(lines) // pages)
    text_lines = []
    for index, text in enumerate(lines):
        page, row = index // per_page + 1, index % per_page
        zone = (zones or {}).get(index, "body")
        box = (72, 72 + row * 16, 400, 84 + row * 16)
        text_lines.append(TextLine(page, text, box, 11, False, ("Helvetica",), zone))
    chars = sum(len(text) for text in lines)
    return ParsedResume(
        pages=[PageInfo(number, 612, 792) for number in range(1, pages + 1)],
        lines=text_lines,
        margins=margins or {"left": 72, "right": 72, "top": 72, "bottom": 72},
        fonts=fonts or {"Helvetica": chars},
        font_sizes=sizes or {11.0: chars},
        total_chars=chars,
        **fields,
    )


def codes(parsed):
    sections, labels = label_sections(parsed.lines)
    return [finding.code for finding in checks.run_checks(parsed, resume_facts(parsed, labels, sections))]


def padded(lines, words=300):
    """The lines plus plain prose in the Experience section, so the length checks stay quiet."""
    filler = "Maintained the internal tools and wrote documentation for the team and the wider company"
    extra = [filler] * (words // len(filler.split()))
    at = lines.index("Education")
    return lines[:at] + extra + lines[at:]


def test_it_finds_nothing_wrong_with_a_good_resume():
    assert codes(parsed_from(padded(GOOD_RESUME))) == []


@pytest.mark.parametrize(
    ("drop", "code"),
    [
        ("jane.doe@example.com", "no_email"),
        ("+1 415 555 0100", "no_phone"),
        ("linkedin.com/in/janedoe", "no_profile_link"),
    ],
)
def test_it_reports_missing_contact_details(drop, code):
    lines = [line.replace(drop, "") for line in padded(GOOD_RESUME)]
    assert code in codes(parsed_from(lines))
    assert code not in codes(parsed_from(padded(GOOD_RESUME)))


def test_it_reports_contact_details_only_in_the_header_zone():
    lines = padded(GOOD_RESUME)
    assert "contact_in_header_footer" in codes(parsed_from(lines, zones={1: "header"}))
    assert "header_footer_text" in codes(parsed_from(lines, zones={1: "header"}))
    assert "contact_in_header_footer" not in codes(parsed_from(lines, zones={0: "header"}))


def test_a_page_number_in_the_footer_is_no_finding():
    lines = [*padded(GOOD_RESUME), "Page 1 of 1"]
    assert "header_footer_text" not in codes(parsed_from(lines, zones={len(lines) - 1: "footer"}))


@pytest.mark.parametrize(
    ("heading", "code"),
    [("Experience", "no_experience_section"), ("Education", "no_education_section"), ("Skills", "no_skills_section")],
)
def test_it_reports_missing_sections(heading, code):
    lines = padded(GOOD_RESUME)
    assert code in codes(parsed_from([line for line in lines if line != heading]))
    assert code not in codes(parsed_from(lines))


def test_it_accepts_synonyms_and_odd_spacing_for_headings():
    lines = padded(GOOD_RESUME)
    renamed = {"Experience": "WORK HISTORY", "Education": "E D U C A T I O N", "Skills": "Technical Skills:"}
    assert codes(parsed_from([renamed.get(line, line) for line in lines])) == []


def test_it_reports_a_missing_summary():
    lines = padded(GOOD_RESUME)
    without = [line for line in lines if line != "Summary" and not line.startswith("Backend engineer with")]
    assert "no_summary" in codes(parsed_from(without))


@pytest.mark.parametrize(
    ("margins", "code"),
    [
        ({"left": 20, "right": 72, "top": 72, "bottom": 72}, "margins_too_narrow"),
        ({"left": 130, "right": 72, "top": 72, "bottom": 72}, "margins_too_wide"),
    ],
)
def test_it_reports_margins_out_of_range(margins, code):
    assert code in codes(parsed_from(padded(GOOD_RESUME), margins=margins))


def test_it_reports_more_than_three_font_families_but_not_styles_of_one():
    lines = padded(GOOD_RESUME)
    styles = {"ABCDEF+Lato-Regular": 900, "ABCDEF+Lato-Bold": 300, "Lato-Italic": 100, "FontAwesome5Free-Solid": 20}
    assert "too_many_fonts" not in codes(parsed_from(lines, fonts=styles))
    families = {"Lato-Regular": 500, "ArialMT": 300, "TimesNewRomanPSMT": 300, "Courier": 200, "Georgia": 100}
    assert "too_many_fonts" in codes(parsed_from(lines, fonts=families))


def test_it_reports_body_text_below_9_pt():
    lines = padded(GOOD_RESUME)
    assert "small_text" in codes(parsed_from(lines, sizes={8.0: 2000, 14.0: 30}))
    assert "small_text" not in codes(parsed_from(lines, sizes={8.97: 2000, 7.0: 100}))


def test_it_reports_pages_beyond_two_and_beyond_three():
    lines = padded(GOOD_RESUME)
    assert "long_resume" in codes(parsed_from(lines, pages=3))
    assert "too_many_pages" in codes(parsed_from(lines, pages=4))
    assert {"long_resume", "too_many_pages"}.isdisjoint(codes(parsed_from(lines, pages=2)))


def test_it_reports_word_counts_outside_the_band():
    assert "too_few_words" in codes(parsed_from(GOOD_RESUME))
    assert "too_many_words" in codes(parsed_from(padded(GOOD_RESUME, words=1500)))
    assert {"too_few_words", "too_many_words"}.isdisjoint(codes(parsed_from(padded(GOOD_RESUME))))


def test_it_reports_very_long_bullets():
    long = "- Built " + " ".join(["the platform"] * 25)
    assert "long_bullets" in codes(parsed_from(padded([*GOOD_RESUME[:6], long, *GOOD_RESUME[6:]])))


def test_it_joins_wrapped_lines_into_one_bullet():
    lines = [*GOOD_RESUME[:6], "- Built " + " ".join(["the platform"] * 12), " ".join(["and the tools"] * 8)]
    parsed = parsed_from(padded([*lines, *GOOD_RESUME[6:]]))
    parsed.lines[7].bbox = (80, parsed.lines[6].bbox[3] + 2, 400, parsed.lines[6].bbox[3] + 14)
    assert "long_bullets" in codes(parsed)


def test_it_reports_bullets_without_numbers():
    vague = [
        "- Built internal tools for the team",
        "- Improved the deployment process",
        "- Designed the new onboarding flow",
        "- Led the migration to the cloud",
    ]
    lines = padded([*GOOD_RESUME[:6], *vague, *GOOD_RESUME[11:]])
    assert "few_quantified_results" in codes(parsed_from(lines))
    assert "few_quantified_results" not in codes(parsed_from(padded(GOOD_RESUME)))


def test_dates_and_years_do_not_count_as_results():
    lines = padded([*GOOD_RESUME[:6], *[f"- Led the platform team in 20{n}" for n in range(10, 15)], *GOOD_RESUME[11:]])
    assert "few_quantified_results" in codes(parsed_from(lines))


def test_it_reports_bullets_that_do_not_start_with_action_verbs():
    duties = [
        "- Responsible for the payment APIs (2M calls)",
        "- Worked on 3 migrations",
        "- Duties included 24 on-call shifts",
        "- Helped 4 teams with releases",
    ]
    lines = padded([*GOOD_RESUME[:6], *duties, *GOOD_RESUME[11:]])
    assert "weak_bullet_openings" in codes(parsed_from(lines))


def test_it_reports_first_person_pronouns():
    lines = padded([*GOOD_RESUME, "I built my first app when I was twelve and I love my job"])
    assert "first_person" in codes(parsed_from(lines))
    assert "first_person" not in codes(parsed_from(padded([*GOOD_RESUME, "Worked on I/O drivers for Level I"])))


def test_it_reports_buzzwords():
    lines = padded([*GOOD_RESUME, "A results-driven team player and self-starter."])
    assert "buzzwords" in codes(parsed_from(lines))
    assert "buzzwords" not in codes(parsed_from(padded([*GOOD_RESUME, "Played in the company football team."])))


def test_it_reports_mixed_date_formats():
    mixed = [line.replace("Jan 2019 - Mar 2024", "01/2019 - 03/2024") for line in GOOD_RESUME]
    assert "inconsistent_dates" in codes(parsed_from(padded(mixed)))
    assert "inconsistent_dates" not in codes(parsed_from(padded(GOOD_RESUME)))


def test_it_reports_garbled_text_and_not_lone_icons():
    lines = padded(GOOD_RESUME)
    assert "garbled_text" in codes(parsed_from(lines, garbled_chars=200))
    shift = str.maketrans("abcdefghijklmnopqrstuvwxy", "bcdefghijklmnopqrstuvwxyz")
    shifted = [line.translate(shift) for line in lines]
    assert "garbled_text" in codes(parsed_from(shifted))
    assert "garbled_text" not in codes(parsed_from(["\ufffd" + line for line in lines]))


def test_it_reports_photos_and_page_images():
    lines = padded(GOOD_RESUME)
    photo = ImageInfo(page=1, bbox=(460, 60, 540, 160), pixels=(300, 380))
    page = ImageInfo(page=1, bbox=(0, 0, 612, 792), pixels=(1275, 1650))
    banner = ImageInfo(page=1, bbox=(72, 700, 540, 740), pixels=(900, 80))
    assert "photo" in codes(parsed_from(lines, images=[photo]))
    assert "page_is_image" in codes(parsed_from(lines, images=[page]))
    found = codes(parsed_from(lines, images=[banner]))
    assert "images_or_graphics" in found and "photo" not in found


def test_columns_and_tables_are_reported_from_the_page_facts():
    parsed = parsed_from(padded(GOOD_RESUME))
    parsed.pages[0].columns = 2
    parsed.pages[0].table_grids = 4
    assert {"multi_column", "tables"} <= set(codes(parsed))


def test_findings_carry_a_severity_category_message_and_hint():
    parsed = parsed_from(GOOD_RESUME, margins={"left": 10, "right": 10, "top": 10, "bottom": 10})
    sections, labels = label_sections(parsed.lines)
    for finding in checks.run_checks(parsed, resume_facts(parsed, labels, sections)):
        assert finding.severity in {"high", "medium", "low"}
        assert finding.category in {"contact", "structure", "layout", "length", "content", "readability"}
        assert finding.message and len(finding.message) < 50
        assert finding.hint and "\n" not in finding.hint


# The same checks on real PDFs: both directions.


def pdf_codes(data):
    return codes(parse_pdf(data))


def test_a_two_column_pdf_is_reported_and_a_one_column_one_is_not():
    assert "multi_column" in pdf_codes(pdfs.two_column_pdf())
    assert "multi_column" not in pdf_codes(pdfs.resume_pdf())


def test_a_ruled_table_is_reported():
    assert "tables" in pdf_codes(pdfs.table_pdf())
    assert "tables" not in pdf_codes(pdfs.resume_pdf())


def test_a_photo_a_banner_and_an_image_page_are_told_apart():
    assert "photo" in pdf_codes(pdfs.photo_pdf())
    banner = pdf_codes(pdfs.banner_image_pdf())
    assert "images_or_graphics" in banner and "photo" not in banner
    assert "page_is_image" in pdf_codes(pdfs.image_with_text_layer_pdf())
    assert {"photo", "images_or_graphics", "page_is_image"}.isdisjoint(pdf_codes(pdfs.resume_pdf()))


def test_contact_in_the_pdf_header_zone_is_reported():
    found = pdf_codes(pdfs.header_contact_pdf())
    assert "contact_in_header_footer" in found
    assert "contact_in_header_footer" not in pdf_codes(pdfs.resume_pdf())


def test_four_typefaces_and_small_type_in_a_pdf_are_reported():
    assert "too_many_fonts" in pdf_codes(pdfs.many_fonts_pdf())
    assert "small_text" in pdf_codes(pdfs.make_pdf([pdfs.RESUME_PAGE_1], fontsize=7.5))
    assert {"too_many_fonts", "small_text"}.isdisjoint(pdf_codes(pdfs.resume_pdf()))


def test_garbled_pdfs_are_reported():
    assert "garbled_text" in pdf_codes(pdfs.garbled_pdf())
    assert "garbled_text" in pdf_codes(pdfs.cid_text_pdf())
    assert "garbled_text" not in pdf_codes(pdfs.resume_pdf())


def test_narrow_margins_in_a_pdf_are_reported():
    assert "margins_too_narrow" in pdf_codes(pdfs.make_pdf([pdfs.RESUME_PAGE_1], margin=12))
    assert "margins_too_narrow" not in pdf_codes(pdfs.resume_pdf())


@pytest.mark.parametrize(
    "bullet",
    [
        "Taught grade 12 students in English and history",
        "Supported students aged 12 to 18 through academic planning",
        "Holds a Level 3 certificate in food hygiene",
        "Planned lessons for a K-12 school across key stage 2",
        "Nursed patients on ward 7",
    ],
)
def test_a_number_that_names_a_grade_level_or_age_is_no_result(bullet):
    assert not is_quantified(bullet)


@pytest.mark.parametrize(
    "bullet",
    [
        "Taught 12 grades of students",
        "Raised grade averages by 12%",
        "Managed a caseload of 350 students aged 12 to 18",
        "Led 3 levels of support staff",
    ],
)
def test_a_quantity_beside_a_level_still_counts(bullet):
    assert is_quantified(bullet)
