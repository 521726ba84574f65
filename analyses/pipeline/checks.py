"""Formatting and content checks. Each is a small pure function (parsed resume, facts) → list of Findings.

Thresholds carry their reason; docs/checks-and-score.md lists every code.
"""

from .facts import image_kind
from .findings import Finding

POINTS_PER_INCH = 72
# ATS parsers and printers clip text closer than half an inch to the edge; wider than 1.5 in wastes a third of the page.
MIN_MARGIN_PT = 0.5 * POINTS_PER_INCH
MAX_MARGIN_PT = 1.5 * POINTS_PER_INCH
MARGIN_SLACK_PT = 1.5  # text boxes include the descender space below the last line
# Recruiters expect one page early in a career and two later; three is the most any reader accepts.
PAGES_USUAL, PAGES_MAX = 2, 3
# Under ~250 words a resume says too little to rank; over ~1000 it buries the best lines (≈ 2 full pages).
MIN_WORDS, MAX_WORDS = 250, 1000
MAX_FONT_FAMILIES = 3
MIN_BODY_PT = 9  # below 9 pt text is hard to read on paper and OCR fallbacks misread it
# Content checks judge a resume only when it has enough bullets to judge.
MIN_BULLETS = 4
MIN_QUANTIFIED_SHARE = 0.3  # about every third bullet should show a number: %, $, counts, time saved
MIN_ACTION_VERB_SHARE = 0.5
MAX_PRONOUNS = 2  # one "I" in a summary is fine; a habit is not
MIN_BUZZWORDS = 2
# Readability of the text layer.
MAX_GARBLED_SHARE = 0.01  # 1 in 100 characters without a Unicode mapping already breaks words
MIN_FUNCTION_WORD_SHARE = 0.03  # English prose is ~15% "the, and, of…"; letters mapped wrongly give almost none
MIN_PROSE_WORDS = 60
MIN_GRAPHIC_SHAPES = 12  # skill bars, rating dots and charts: a few icons are fine


def check_contact(parsed, facts):
    findings = []
    contact = facts["contact"]
    if not contact["email"]:
        findings.append(
            Finding("no_email", "high", "contact", "No email found", "Add your email address at the top of page 1.")
        )
    if not contact["phone"]:
        findings.append(
            Finding("no_phone", "medium", "contact", "No phone number found", "Add a phone number next to your email.")
        )
    if not contact["linkedin"] and not contact["github"] and not contact["website"]:
        findings.append(
            Finding(
                "no_profile_link",
                "low",
                "contact",
                "No LinkedIn or portfolio link found",
                "Add your LinkedIn URL (and GitHub or portfolio if you have one).",
            )
        )
    return findings


def check_contact_in_header_footer(parsed, facts):
    kinds = facts["contact_only_in_header_footer"]
    if not kinds:
        return []
    page = next((line.page for line in parsed.lines if line.zone != "body"), None)
    return [
        Finding(
            "contact_in_header_footer",
            "high",
            "contact",
            "Contact details only in the header/footer",
            f"Many ATS skip page headers and footers: put your {' and '.join(kinds)} in the body of page 1.",
            page,
        )
    ]


def check_margins(parsed, facts):
    margins = parsed.margins
    if not margins:
        return []
    narrow = [side for side in ("left", "right", "top", "bottom") if margins[side] < MIN_MARGIN_PT - MARGIN_SLACK_PT]
    if narrow:
        return [
            Finding(
                "margins_too_narrow",
                "medium",
                "layout",
                "Margins too narrow",
                f"Keep at least 0.5 in (36 pt) of white space on every side; {', '.join(narrow)} "
                f"{'is' if len(narrow) == 1 else 'are'} {min(margins[side] for side in narrow):.0f} pt.",
            )
        ]
    # Only the left edge: the right one is set by the longest line, which says little about the page setup.
    if margins["left"] > MAX_MARGIN_PT:
        return [
            Finding(
                "margins_too_wide",
                "low",
                "layout",
                "Margins too wide",
                f"The left margin is {margins['left'] / POINTS_PER_INCH:.1f} in; 0.5-1 in leaves room for content.",
            )
        ]
    return []


def check_sections(parsed, facts):
    found = set(facts["sections"])
    findings = []
    for section, severity, label in (
        ("experience", "high", "Experience"),
        ("education", "medium", "Education"),
        ("skills", "medium", "Skills"),
    ):
        if section not in found:
            findings.append(
                Finding(
                    f"no_{section}_section",
                    severity,
                    "structure",
                    f"No {label} section found",
                    f'Add a section headed "{label}" so an ATS can file what follows under it.',
                )
            )
    return findings


def check_summary(parsed, facts):
    if "summary" in facts["sections"]:
        return []
    return [
        Finding(
            "no_summary",
            "low",
            "structure",
            "No summary section",
            'Open with 2-3 lines headed "Summary" that name your role, years and strongest skills.',
        )
    ]


def check_columns(parsed, facts):
    multi = [page.number for page in parsed.pages if page.columns > 1]
    if not multi:
        return []
    return [
        Finding(
            "multi_column",
            "high",  # the ATS reads across the columns: the content itself is scrambled
            "layout",
            "Multi-column layout",
            "Many ATS read straight across the page and mix the columns; use a single column.",
            multi[0],
        )
    ]


def check_tables(parsed, facts):
    pages = facts["table_pages"]
    if not pages:
        return []
    return [
        Finding(
            "tables",
            "high",  # cells are read out of order: the content itself is scrambled
            "layout",
            "Tables found",
            "ATS often read tables cell by cell out of order; write the content as plain lines.",
            pages[0],
        )
    ]


def check_images(parsed, facts):
    images = facts["images"]
    findings = []
    if images["page_images"]:
        findings.append(
            Finding(
                "page_is_image",
                "high",
                "readability",
                "Page is an image",
                "The page is a picture (a scan or an export); an ATS reads only its hidden text layer. "
                "Export the PDF from your editor instead.",
                _first_page(parsed, "page"),
            )
        )
    if images["photos"]:
        findings.append(
            Finding(
                "photo",
                "medium",
                "layout",
                "Photo found",
                "Leave the photo out: ATS cannot read it and many employers must discard resumes with one.",
                1,
            )
        )
    if images["other"] or images["vector_shapes"] >= MIN_GRAPHIC_SHAPES:
        findings.append(
            Finding(
                "images_or_graphics",
                "low",
                "layout",
                "Images or graphics found",
                "Text inside images, charts and skill bars is invisible to an ATS; state it in words.",
                _first_page(parsed, "image"),
            )
        )
    return findings


def check_fonts(parsed, facts):
    families = facts["font_families"]
    if len(families) <= MAX_FONT_FAMILIES:
        return []
    return [
        Finding(
            "too_many_fonts",
            "low",
            "layout",
            f"Too many fonts ({len(families)})",
            f"Use one or two typefaces; this resume mixes {', '.join(families[:5])}.",
        )
    ]


def check_font_size(parsed, facts):
    size = facts["body_font_size"]
    if not size or size >= MIN_BODY_PT - 0.05:  # LaTeX sets "9 pt" as 8.97
        return []
    return [
        Finding(
            "small_text",
            "medium",
            "layout",
            "Body text smaller than 9 pt",
            f"Most text is set at {size:g} pt; use 10-12 pt so people and OCR fallbacks can read it.",
        )
    ]


def check_header_footer(parsed, facts):
    lines = [line for line in parsed.lines if line.zone != "body" and not _is_page_number(line.text)]
    if not lines:
        return []
    return [
        Finding(
            "header_footer_text",
            "low",
            "layout",
            "Text in the page header/footer",
            f'Some ATS skip header and footer zones, losing "{lines[0].text[:40]}"; move it into the body.',
            lines[0].page,
        )
    ]


def check_pages(parsed, facts):
    pages = parsed.page_count
    if pages > PAGES_MAX:
        return [
            Finding(
                "too_many_pages",
                "high",
                "length",
                f"Too long: {pages} pages",
                "Cut to two pages: keep the last 10 years and the results that match the job.",
            )
        ]
    if pages > PAGES_USUAL:
        return [
            Finding(
                "long_resume",
                "medium",
                "length",
                f"Longer than 2 pages ({pages})",
                "Two pages is the most recruiters read; only senior or academic CVs run longer.",
            )
        ]
    return []


def check_word_count(parsed, facts):
    words = facts["word_count"]
    if words < MIN_WORDS:
        return [
            Finding(
                "too_few_words",
                "medium",
                "length",
                "Very little text",
                f"Only {words} words; describe each role with 3-5 bullets of what you did and achieved.",
            )
        ]
    if words > MAX_WORDS * max(1, parsed.page_count / PAGES_USUAL):
        return [
            Finding(
                "too_many_words",
                "low",
                "length",
                "Too much text",
                f"{words} words; cut older roles and repeated duties so the best lines stand out.",
            )
        ]
    return []


def check_long_bullets(parsed, facts):
    long = facts["bullets"]["long"]
    if not long:
        return []
    return [
        Finding(
            "long_bullets",
            "low",
            "length",
            "Bullet points too long",
            f"{len(long)} bullet(s) run over 40 words (up to {max(item['words'] for item in long)}); "
            "keep each to one or two lines.",
            long[0]["page"],
        )
    ]


def check_quantified(parsed, facts):
    bullets = facts["bullets"]
    if bullets["count"] < MIN_BULLETS or bullets["quantified"] >= MIN_QUANTIFIED_SHARE * bullets["count"]:
        return []
    return [
        Finding(
            "few_quantified_results",
            "medium",
            "content",
            "Few measurable results",
            f"Only {bullets['quantified']} of {bullets['count']} bullets show a number; "
            "add %, $, counts or time saved.",
        )
    ]


def check_action_verbs(parsed, facts):
    bullets = facts["bullets"]
    if bullets["count"] < MIN_BULLETS or bullets["action_verb"] >= MIN_ACTION_VERB_SHARE * bullets["count"]:
        return []
    weak = bullets["weak_opening"]
    example = f' (e.g. "{weak[0][:30]}…")' if weak else ""
    return [
        Finding(
            "weak_bullet_openings",
            "low",
            "content",
            "Bullets don't start with action verbs",
            f"{bullets['action_verb']} of {bullets['count']} bullets open with a strong verb{example}; "
            "start with Led, Built, Cut, Grew…",
        )
    ]


def check_pronouns(parsed, facts):
    count = facts["pronouns"]
    if count <= MAX_PRONOUNS:
        return []
    return [
        Finding(
            "first_person",
            "low",
            "content",
            "First-person pronouns",
            f'"I", "me" or "my" appears {count} times; write bullets without a subject ("Led…", not "I led…").',
        )
    ]


def check_buzzwords(parsed, facts):
    found = facts["buzzwords"]
    if len(found) < MIN_BUZZWORDS:
        return []
    return [
        Finding(
            "buzzwords",
            "low",
            "content",
            "Clichés and buzzwords",
            f"Replace {', '.join(repr(word) for word in found[:3])} with a result that shows it.",
        )
    ]


def check_date_formats(parsed, facts):
    styles = facts["date_styles"]
    if len(styles) < 2:
        return []
    shown = ", ".join(DATE_STYLE_NAMES.get(style, style) for style in sorted(styles, key=styles.get, reverse=True))
    return [
        Finding(
            "inconsistent_dates",
            "low",
            "content",
            "Inconsistent date formats",
            f'Dates are written as {shown}; pick one (e.g. "Jan 2020 – Mar 2023") so an ATS reads every range.',
        )
    ]


DATE_STYLE_NAMES = {
    "month_abbr": '"Jan 2020"',
    "month_full": '"January 2020"',
    "mm/yyyy": '"01/2020"',
    "mm.yyyy": '"01.2020"',
    "mm-yyyy": '"01-2020"',
    "yyyy-mm": '"2020-01"',
    "mm/yy": '"01/20"',
}


def check_garbled(parsed, facts):
    garbled = facts["garbled_share"] > MAX_GARBLED_SHARE
    gibberish = facts["prose_words"] >= MIN_PROSE_WORDS and facts["function_word_share"] < MIN_FUNCTION_WORD_SHARE
    if not garbled and not gibberish:
        return []
    return [
        Finding(
            "garbled_text",
            "high",
            "readability",
            "Text cannot be read reliably",
            "Some fonts have no Unicode mapping, so an ATS sees gibberish; re-export with standard, embedded fonts.",
        )
    ]


def check_repaired(parsed, facts):
    if not parsed.is_repaired:
        return []
    return [
        Finding(
            "repaired_pdf",
            "low",
            "readability",
            "The PDF file is damaged",
            "It opened only after repair; some ATS will reject it. Export it again from your editor.",
        )
    ]


def _first_page(parsed, kind):
    for image in parsed.images:
        page = parsed.pages[image.page - 1]
        if image_kind(image.bbox, page.width, page.height, image.page) == kind:
            return image.page
    return None


def _is_page_number(text):
    words = text.lower().replace("page", " ").replace("of", " ").replace("/", " ").split()
    return bool(words) and all(word.isdigit() for word in words)


CHECKS = (
    check_garbled,
    check_contact,
    check_contact_in_header_footer,
    check_sections,
    check_summary,
    check_margins,
    check_columns,
    check_tables,
    check_images,
    check_fonts,
    check_font_size,
    check_header_footer,
    check_pages,
    check_word_count,
    check_long_bullets,
    check_quantified,
    check_action_verbs,
    check_pronouns,
    check_buzzwords,
    check_date_formats,
    check_repaired,
)


def run_checks(parsed, facts):
    return [finding for check in CHECKS for finding in check(parsed, facts)]


def low_confidence(findings):
    """True when the text layer itself is doubtful, so every other finding may be too."""
    return any(finding.code in ("garbled_text", "page_is_image") for finding in findings)
