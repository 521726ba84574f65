"""Names a section by what it holds, for headings whose words do not say ("Where I've Worked", "What I Bring").

Class: an unnamed heading is named by its content. Jobs have date ranges, education has degree and school words,
a skills list is short items, certifications say "certified"/"licence", and the first section of prose is a summary.
"""

import re

DATE_RANGE_RE = re.compile(r"(?:19|20)\d\d\s*(?:[-–—]|to)\s*(?:(?:19|20)\d\d|present|current|now|today)", re.IGNORECASE)
DEGREE_RE = re.compile(
    r"\b(?:bachelor|master|doctor|diploma|degree|associate of|b\.?\s?sc|m\.?\s?sc|b\.?a\.|m\.?a\.|bs|ba|ms|mba|"
    r"ph\.?\s?d|beng|meng|university|college|school|institute|academy|polytechnic|gpa)\b",
    re.IGNORECASE,
)
# The name band: a block with an email, a phone number or a profile link is contact details, not a section.
CONTACT_RE = re.compile(r"@|\+?\d[\d ().-]{7,}\d|linkedin|github|https?:|www\.", re.IGNORECASE)
CERTIFICATE_RE = re.compile(r"\b(?:certified|certificate|certification|licen[cs]ed?|accredited)\b", re.IGNORECASE)
BULLET_RE = re.compile(r"^\s*(?:[•●▪◦■‣○➢➤✓►▸\-–—*·]|\d{1,2}[.)])\s*")
SENTENCE_END_RE = re.compile(r"[.!?]$")
# A list item names a skill in a few words; a statement of work runs longer.
MAX_ITEM_WORDS = 5


def content_kind(texts, first_section):
    """The section kind the lines `texts` hold, or "" when they do not show it."""
    if not texts:
        return ""
    joined = "\n".join(texts)
    if CONTACT_RE.search(DATE_RANGE_RE.sub(" ", joined)) and len(texts) <= 4:
        return ""
    dated = len(DATE_RANGE_RE.findall(joined))
    degrees = sum(1 for text in texts if DEGREE_RE.search(text))
    bullets = [BULLET_RE.sub("", text) for text in texts if BULLET_RE.match(text)]
    statements = [text for text in bullets if len(text.split()) > MAX_ITEM_WORDS]
    if degrees and len(statements) < 3 and degrees >= dated:
        return "education"
    if dated:
        return "experience"
    if CERTIFICATE_RE.search(joined) and not statements:
        return "certifications"
    items = [item.strip() for text in texts for item in re.split(r"[,;|•·]", BULLET_RE.sub("", text)) if item.strip()]
    if items and len(items) >= 3 and sum(len(item.split()) <= MAX_ITEM_WORDS for item in items) >= 0.8 * len(items):
        return "skills"
    prose = sum(1 for text in texts if SENTENCE_END_RE.search(text.strip()))
    if first_section and prose and not bullets:
        return "summary"
    return ""
