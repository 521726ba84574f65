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
        "on campus involvement",
        "campus involvement",
        "leadership experience",
        "work",
        "employment experience",
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
    "projects": [
        "projects",
        "project",
        "personal projects",
        "selected projects",
        "key projects",
        "academic projects",
        "side projects",
        "open source",
        "open source projects",
    ],
    "certifications": ["certifications", "certificates", "licenses", "licenses and certifications", "courses"],
    "languages": ["languages", "spoken languages"],
    "publications": ["publications", "papers", "selected publications"],
    "research": ["research", "research experience", "research projects"],
    "coursework": ["coursework", "relevant coursework", "selected coursework", "courses taken"],
    "links": ["links", "online profiles", "profiles", "social", "social media", "online presence"],
    "contact": [
        "contact",
        "contact information",
        "contact details",
        "contact me",
        "personal information",
        "personal details",
        "personal info",
    ],
    "awards": ["awards", "honors", "honors and awards", "achievements", "awards and honors", "accomplishments"],
    "references": ["references", "referees"],
    "interests": ["interests", "hobbies", "hobbies and interests", "activities", "extracurricular activities"],
    "volunteering": ["volunteer experience", "volunteering", "volunteer work", "leadership and activities"],
}
HEADING_LOOKUP = {synonym: section for section, synonyms in SECTION_SYNONYMS.items() for synonym in synonyms}
LETTER_SPACED_RE = re.compile(r"^(?:\w ){2,}\w$")
MAX_HEADING_WORDS = 5


def heading_section(text):
    """The section a line announces, or "" when it is not a heading."""
    sections = heading_sections(text)
    return sections[0] if sections else ""


def heading_sections(text):
    """The sections a heading announces: one, or several for "Education & Projects & Experience"."""
    text = text.strip()
    if not text or len(text) > 60:
        return []
    if LETTER_SPACED_RE.match(text):
        text = text.replace(" ", "")
    words = re.sub(r"[^\w&/ ]+", " ", text.lower()).replace("&", " and ").replace("/", " and ").split()
    if not words or len(words) > MAX_HEADING_WORDS + 2:
        return []
    whole = HEADING_LOOKUP.get(" ".join(words))
    if whole and len(words) <= MAX_HEADING_WORDS:
        return [whole]
    parts = [HEADING_LOOKUP.get(part.strip()) for part in " ".join(words).split(" and ")]
    if len(parts) > 1 and all(parts):
        return list(dict.fromkeys(parts))
    return []


def label_sections(lines):
    """Return (section names found in order, a section name for each line: "" before the first heading).

    A heading stands alone on its row: "Languages" with "Python, Go" beside it is a label in a table of skills.
    """
    current, found, labels = "", [], []
    for index, line in enumerate(lines):
        sections = heading_sections(line.text)
        if sections and not _shares_row(lines, index):
            current = sections[0]
            found.extend(section for section in sections if section not in found)
        labels.append(current)
    return found, labels


def _shares_row(lines, index):
    """Same-row lines are neighbours in reading order, so looking one line either way is enough."""
    line = lines[index]
    bbox = getattr(line, "bbox", None)
    if bbox is None:
        return False
    middle = (bbox[1] + bbox[3]) / 2
    for other in lines[max(0, index - 1) : index] + lines[index + 1 : index + 2]:
        other_box = getattr(other, "bbox", None)
        if other_box and other.page == line.page and abs((other_box[1] + other_box[3]) / 2 - middle) <= 2:
            return True
    return False
