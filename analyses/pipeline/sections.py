"""Finds section headings ("Work History", "E X P E R I E N C E", "Technical Skills:") and labels each line."""

import re

# Normalised heading text → section name. Matching is on the whole heading, after case, spacing and punctuation.
SECTION_SYNONYMS = {
    "experience": [
        "experience",
        "work experience",
        "professional experience",
        "work history",
        "employment",
        "employment history",
        "career history",
        "relevant experience",
        "industry experience",
        "career",
        "professional background",
        "positions held",
        "experience and projects",
    ],
    "education": [
        "education",
        "academic background",
        "education and training",
        "academic qualifications",
        "qualifications",
        "academics",
        "education and certifications",
        "educational background",
    ],
    "skills": [
        "skills",
        "technical skills",
        "core competencies",
        "competencies",
        "key skills",
        "skills and tools",
        "technologies",
        "tools",
        "technical proficiencies",
        "areas of expertise",
        "expertise",
        "skill set",
        "skills and abilities",
        "professional skills",
        "programming",
        "programming languages",
        "tech stack",
        "strengths",
        "skills and interests",
        "software",
        "computer skills",
        "technical expertise",
    ],
    "summary": [
        "summary",
        "professional summary",
        "profile",
        "professional profile",
        "objective",
        "career objective",
        "about me",
        "about",
        "personal statement",
        "career summary",
        "executive summary",
        "overview",
    ],
    "projects": ["projects", "personal projects", "selected projects", "key projects", "academic projects"],
    "certifications": ["certifications", "certificates", "licenses", "licenses and certifications", "courses"],
    "languages": ["languages", "spoken languages"],
    "publications": ["publications", "papers", "research"],
    "awards": ["awards", "honors", "honors and awards", "achievements", "awards and honors", "accomplishments"],
    "references": ["references", "referees"],
    "interests": ["interests", "hobbies", "hobbies and interests"],
    "volunteering": ["volunteer experience", "volunteering", "volunteer work", "leadership and activities"],
}
HEADING_LOOKUP = {synonym: section for section, synonyms in SECTION_SYNONYMS.items() for synonym in synonyms}
LETTER_SPACED_RE = re.compile(r"^(?:\w ){2,}\w$")
MAX_HEADING_WORDS = 5


def heading_section(text):
    """The section a line announces, or "" when it is not a heading."""
    text = text.strip()
    if not text or len(text) > 50:
        return ""
    if LETTER_SPACED_RE.match(text):
        text = text.replace(" ", "")
    words = re.sub(r"[^\w&/ ]+", " ", text.lower()).replace("&", " and ").replace("/", " and ").split()
    if not words or len(words) > MAX_HEADING_WORDS:
        return ""
    return HEADING_LOOKUP.get(" ".join(words), "")


def label_sections(lines):
    """Return (section names found in order, a section name for each line: "" before the first heading)."""
    current, found, labels = "", [], []
    for line in lines:
        section = heading_section(line.text)
        if section:
            current = section
            if section not in found:
                found.append(section)
        labels.append(current)
    return found, labels
