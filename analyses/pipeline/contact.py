"""Contact details found in the text and links: email, phone, LinkedIn, GitHub, other web links."""

import re

# Starts only where a run of address characters starts: tried at every letter of a long run it was quadratic.
EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)
# 7-15 digits with the usual separators, optionally +country code; dates like 2019-2021 have too few digits.
# Trailing digits masked with x ("131-221-87xxx") are a phone number all the same.
PHONE_RE = re.compile(
    r"(?<![\w+])(?:\(?\+?\d{1,3}\)?[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]?\d[\dxX]{1,3}){1,4}(?!\w)"
)
LINKEDIN_RE = re.compile(r"linkedin\.com/[\w/%-]+|\blinkedin\b", re.IGNORECASE)
GITHUB_RE = re.compile(r"github\.com/[\w-]+", re.IGNORECASE)
YEAR_RANGE_RE = re.compile(r"^(?:19|20)\d\d(?:\s*[-.]\s*(?:19|20)?\d\d)+$")
URL_RE = re.compile(r"\b(?:https?://|www\.)[^\s,;)]+", re.IGNORECASE)


def find_contact(text, links):
    emails = [m.group() for m in EMAIL_RE.finditer(text)]
    emails += [link[7:].split("?")[0] for link in links if link.lower().startswith("mailto:")]
    phones = [m.group().strip() for m in PHONE_RE.finditer(text) if _looks_like_phone(m.group())]
    phones += [link[4:] for link in links if link.lower().startswith("tel:")]
    web_links = [link for link in links if link.lower().startswith(("http://", "https://"))]
    web_links += [m.group() for m in URL_RE.finditer(text)]
    linkedin = [link for link in web_links if "linkedin.com" in link.lower()]
    if not linkedin and LINKEDIN_RE.search(text):
        linkedin = [LINKEDIN_RE.search(text).group()]
    github = [link for link in web_links if "github.com" in link.lower()] or [
        m.group() for m in GITHUB_RE.finditer(text)
    ]
    other = [link for link in web_links if "linkedin.com" not in link.lower() and "github.com" not in link.lower()]
    return {
        "email": _first(emails),
        "phone": _first(phones),
        "linkedin": _first(linkedin),
        "github": _first(github),
        "website": _first(other),
    }


def _looks_like_phone(text):
    return 7 <= _digits(text) <= 15 and not YEAR_RANGE_RE.match(text.strip())


def _digits(text):
    return sum(ch.isdigit() for ch in text)


def _first(values):
    for value in values:
        value = value.strip()
        if value:
            return value
    return ""
