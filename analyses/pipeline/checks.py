"""Formatting and content checks: small pure functions, each returning a list of Findings."""

from .findings import Finding

POINTS_PER_INCH = 72
# ATS parsers and printers clip text closer than half an inch to the edge; wider than 1.5 in wastes a third of the page.
MIN_MARGIN_PT = 0.5 * POINTS_PER_INCH
MAX_MARGIN_PT = 1.5 * POINTS_PER_INCH


def check_contact(facts):
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


def check_margins(parsed):
    margins = parsed.margins
    if not margins:
        return []
    narrow = [side for side in ("left", "right", "top", "bottom") if margins[side] < MIN_MARGIN_PT]
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
    wide = [side for side in ("left",) if margins[side] > MAX_MARGIN_PT]
    if wide:
        return [
            Finding(
                "margins_too_wide",
                "low",
                "layout",
                "Margins too wide",
                "Side margins over 1.5 in waste space; 0.5-1 in is usual.",
            )
        ]
    return []


def check_sections(facts):
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


def run_checks(parsed, facts):
    return [*check_contact(facts), *check_margins(parsed), *check_sections(facts)]
