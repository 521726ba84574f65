"""Finds section headings ("Work History", "E X P E R I E N C E", "Technical Skills:") and labels each line."""

import re
from dataclasses import dataclass
from functools import lru_cache

from .section_content import content_kind

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
# The same names written without spaces: letter-spaced headings lose their word gaps ("P R O F E S S I O N A L
# E X P E R I E N C E" reads "professionalexperience").
JOINED_LOOKUP = {synonym.replace(" ", ""): section for synonym, section in HEADING_LOOKUP.items()}

# Class: headings the synonym table does not list ("Clinical Skills", "Teaching Experience", "Skills Summary").
# An English noun phrase is named by its last noun, so a heading is of a kind when its last word is a section word.
# Strong words name a section on their own and win over a weak one anywhere in the heading ("Skills Summary" is a
# skills list; "Experience Summary" lists jobs); weak words name one only as the last word ("Career Summary").
STRONG_HEAD_WORDS = {
    "experience": "experience",
    "experiences": "experience",
    "employment": "experience",
    "education": "education",
    "skills": "skills",
    "competencies": "skills",
    "competences": "skills",
    "proficiencies": "skills",
    "projects": "projects",
    "certifications": "certifications",
    "certification": "certifications",
    "certificates": "certifications",
    "licenses": "certifications",
    "licences": "certifications",
    "licensure": "certifications",
    "awards": "awards",
    "honors": "awards",
    "honours": "awards",
    "publications": "publications",
    "references": "references",
    "referees": "references",
    "interests": "interests",
    "hobbies": "interests",
    "volunteering": "volunteering",
    "coursework": "coursework",
    "languages": "languages",
    "schooling": "education",
    "recognition": "awards",
    "pastimes": "interests",
    "toolbox": "skills",
    "toolkit": "skills",
}
WEAK_HEAD_WORDS = {
    "summary": "summary",
    "profile": "summary",
    "objective": "summary",
    "overview": "summary",
    "history": "experience",
    "career": "experience",
    "work": "experience",
    "positions": "experience",
    "background": "experience",
    "qualifications": "education",
    "academics": "education",
    "degrees": "education",
    "training": "education",
    "expertise": "skills",
    "abilities": "skills",
    "tools": "skills",
    "technologies": "skills",
    "software": "skills",
    "project": "projects",
    "achievements": "awards",
    "accomplishments": "awards",
    "activities": "interests",
    "volunteer": "volunteering",
    "research": "research",
    "courses": "coursework",
    "credentials": "certifications",
}
HEAD_WORDS = {**WEAK_HEAD_WORDS, **STRONG_HEAD_WORDS}
PREPOSITIONS = frozenset(["of", "at", "in", "for", "with", "from"])
# Every word that can name a section: a line holding none of them is no heading, which a set test says cheaply.
SECTION_WORDS = frozenset(word for synonym in HEADING_LOOKUP for word in synonym.split()) | HEAD_WORDS.keys()
WORD_RE = re.compile(r"[a-z]+")
# Kinds of skill that label the rows of a skills table ("Languages | Python, Go"): inside a skills section they stay
# in it instead of starting a section of their own.
SKILL_ROW_LABELS = frozenset(["skills", "languages"])
LETTER_SPACED_RE = re.compile(r"^(?:[\w&] +){2,}[\w&]$")
SMALL_CAPS_FONT_RE = re.compile(r"smallcaps|small-caps|caps\b|[-+_]sc\b|^[A-Z]{6}\+\w*CSC|csc\d", re.IGNORECASE)
MAX_HEADING_WORDS = 5
MAX_HEADING_CHARS = 60
# Class: a heading is a label, never a sentence or a date line.
NOT_HEADING_RE = re.compile(r"\d|@|[.;!?]$|https?:|www\.|^[•●▪◦■‣○➢➤✓►▸\-–—*·]")
# Head-word headings are short: "Clinical Skills", "Related Coursework"; a longer phrase ending in a section word is
# a title ("Project Management Simulation Training", "Research and Development").
MAX_STRONG_HEAD_WORDS, MAX_WEAK_HEAD_WORDS = 3, 3
# A heading is set apart from body text by at least this much size.
HEADING_SIZE_STEP_PT = 0.8
SAME_X_PT = 2.5
UNNAMED = "other"  # a section whose heading and content name no kind: it ends the section before it
MIN_RECURRING_HEADINGS = 3
ROW_TOLERANCE_PT = 2.0


def heading_section(text):
    """The section a line announces, or "" when it is not a heading."""
    sections = heading_sections(text)
    return sections[0] if sections else ""


def heading_sections(text):
    """The sections a heading announces: one, or several for "Education & Projects & Experience"."""
    return list(_classify(text, head_words=False))


def heading_kinds(text):
    """Like heading_sections, also naming headings by their head word ("Clinical Skills" → skills)."""
    return list(_classify(text, head_words=True))


@lru_cache(maxsize=4096)
def _classify(text, head_words):
    text = text.strip().rstrip(":").strip()
    if not text or len(text) > MAX_HEADING_CHARS or NOT_HEADING_RE.search(text):
        return []
    if SECTION_WORDS.isdisjoint(WORD_RE.findall(text.lower())) and not LETTER_SPACED_RE.match(text):
        return []
    if LETTER_SPACED_RE.match(text):
        return _classify_joined(text.replace(" ", "").lower(), head_words)
    words = re.sub(r"[^\w&/,+ ]+", " ", text.lower())
    words = re.sub(r"\s*(?:&|/|\+|,)\s*", " and ", words).split()
    if not words or len(words) > MAX_HEADING_WORDS + 2:
        return []
    whole = HEADING_LOOKUP.get(" ".join(words))
    if whole and len(words) <= MAX_HEADING_WORDS:
        return [whole]
    parts = [part.split() for part in " ".join(words).split(" and ") if part.strip()]
    kinds = [HEADING_LOOKUP.get(" ".join(part)) or (head_words and _head_kind(part)) for part in parts]
    if (len(parts) > 1 or head_words) and len(parts) <= 3 and all(kinds):
        return list(dict.fromkeys(kinds))
    return []


def _head_kind(words):
    """The kind a noun phrase names by its head: its last word before a preposition ("Summary of Qualifications",
    "Profile at a Glance")."""
    for index, word in enumerate(words):
        if word in PREPOSITIONS:
            words = words[:index]
            break
    if not words or words[-1] not in HEAD_WORDS:
        return ""
    strong = [STRONG_HEAD_WORDS[word] for word in words if word in STRONG_HEAD_WORDS]
    if strong:
        return strong[-1] if len(words) <= MAX_STRONG_HEAD_WORDS else ""
    return HEAD_WORDS[words[-1]] if len(words) <= MAX_WEAK_HEAD_WORDS else ""


def _classify_joined(joined, head_words):
    parts = [part for part in joined.split("&") if part]
    kinds = []
    for part in parts:
        kind = JOINED_LOOKUP.get(part)
        if not kind and head_words:
            kind = next((HEAD_WORDS[word] for word in HEAD_WORDS if part.endswith(word)), "")
        kinds.append(kind)
    return list(dict.fromkeys(kinds)) if kinds and all(kinds) else []


@dataclass
class Sections:
    found: list  # section names in order of their first heading
    labels: list  # a section name for each line: "" before the first heading
    heading_cells: dict  # page → headings set as the left cell of a row with content beside them


def label_sections(lines):
    """(section names found in order, a section name for each line)."""
    sections = find_sections(lines)
    return sections.found, sections.labels


def find_sections(lines):
    """Headings and the section each line belongs to.

    A heading is a short line whose words name a section. Named by the synonym table it may be set in body type;
    named only by its head word it must be set apart (bold, capitals, small caps, letter-spaced, larger or ending in
    a colon) and, when the resume has headings the table knows, look like them. A heading sharing its row with text
    to its right is the heading cell of a table row: it starts a section for the cells beside and below it, unless
    it labels a row of a skills table ("Languages | Python").
    """
    style = _body_style(lines)
    known = _known_heading_styles(lines) or _recurring_heading_styles(lines, style)
    headings = []  # (index, sections, named by weak words only or not at all)
    skip = set()  # second lines of headings set on two lines
    current, cells = "", {}
    for index in range(len(lines)):
        if index in skip or len(lines[index].text) > MAX_HEADING_CHARS:
            continue
        sections, second = _heading_at(lines, index, style, known)
        if sections:
            beside = _has_cell_beside(lines, index)
            if current == "skills" and set(sections) <= SKILL_ROW_LABELS and beside:
                continue
            current = sections[0]
            text = lines[index].text if second is None else f"{lines[index].text} {lines[second].text}"
            headings.append((index, sections, _weakly_named(text)))
            if second is not None:
                skip.add(second)
            if beside:
                cells[lines[index].page] = cells.get(lines[index].page, 0) + 1
        elif _unnamed_heading(lines, index, style, known):
            current = ""
            headings.append((index, [], True))
    return _label_blocks(lines, headings, cells)


def _label_blocks(lines, headings, cells):
    """Label each line with its heading's section; a heading its words name weakly or not at all is named by its
    content when the content shows a kind ("Where I've Worked" over dated jobs), else it starts an unnamed one."""
    labels, found = [""] * len(lines), []
    bounds = [index for index, _, _ in headings] + [len(lines)]
    for number, (index, sections, weak) in enumerate(headings):
        end = bounds[number + 1]
        if weak:
            texts = [line.text for line in lines[index + 1 : end]]
            by_content = content_kind(texts, first_section=not found)
            if by_content and (not sections or by_content != sections[0]):
                sections = [by_content]
            elif not sections:
                sections = [UNNAMED]
        for line_index in range(index, end):
            labels[line_index] = sections[0]
        found.extend(section for section in sections if section not in found and section != UNNAMED)
    return Sections(found, labels, cells)


def _weakly_named(text):
    """True when no synonym and no strong head word names this heading: its content gets the last word."""
    if heading_sections(text):
        return False
    words = set(re.sub(r"[^\w ]+", " ", text.lower()).split())
    return not words & STRONG_HEAD_WORDS.keys()


def _unnamed_heading(lines, index, style, known):
    """A line that looks like this resume's headings but whose words name no section ("What I Bring")."""
    line = lines[index]
    text = line.text.strip()
    if not known or len(text.split()) > MAX_HEADING_WORDS or getattr(line, "size", None) is None:
        return False
    if _style_key(line) not in known:
        return False
    # Bold body-size lines are job titles and employers as often as headings: an unnamed heading is larger or in
    # capitals.
    if line.size < style[0] + HEADING_SIZE_STEP_PT and not _style_key(line)[2]:
        return False
    if NOT_HEADING_RE.search(text) or text.endswith((",", ":")):
        return False
    return text[:1].isalpha() and not _shares_row(lines, index)


def _recurring_heading_styles(lines, style):
    """Without a heading the synonym table knows: a style larger than body text that at least three short lines
    standing alone share is the resume's heading style."""
    counts = {}
    for index, line in enumerate(lines):
        size = getattr(line, "size", None)
        if size is None or size < style[0] + HEADING_SIZE_STEP_PT or len(line.text) > MAX_HEADING_CHARS:
            continue
        if len(line.text.split()) > MAX_HEADING_WORDS:
            continue
        if NOT_HEADING_RE.search(line.text) or _shares_row(lines, index):
            continue
        key = _style_key(line)
        counts[key] = counts.get(key, 0) + 1
    return {key for key, count in counts.items() if count >= MIN_RECURRING_HEADINGS}


def _heading_at(lines, index, style, known):
    """(sections, index of a second line the heading continues on, or None) for the line at `index`."""
    line = lines[index]
    sections = heading_sections(line.text)
    looks = _looks_like_heading(line, style, known)
    if (not sections and not looks) or _has_cell_before(lines, index):
        return [], None
    if sections and not _shares_row(lines, index):
        return sections, None
    if not looks:
        return [], None
    sections = heading_kinds(line.text)
    if sections:
        return sections, None
    # Class: a heading cell wrapped onto two lines ("RELATED" / "COURSEWORK", "COMPUTER" / "SKILLS").
    second = _continued_below(lines, index, style, known)
    if second is not None:
        sections = heading_kinds(f"{line.text} {lines[second].text}")
        if sections:
            return sections, second
    return [], None


def _style_key(line):
    return (round(line.size * 2) / 2, bool(line.bold), line.text.isupper())


def _known_heading_styles(lines):
    """Styles of the lines the synonym table names as headings: a resume sets all its section headings alike. A
    style only a few of them share is a sub-heading's ("PROGRAMMING" under "SKILLS") and is left out."""
    counts = {}
    for index, line in enumerate(lines):
        if len(line.text) > MAX_HEADING_CHARS or getattr(line, "size", None) is None:
            continue
        if heading_sections(line.text) and not _shares_row(lines, index):
            counts[_style_key(line)] = counts.get(_style_key(line), 0) + 1
    top = max(counts.values(), default=0)
    return {key for key, count in counts.items() if count >= top / 2}


def _looks_like_heading(line, style, known):
    return _set_apart(line, style) and (not known or _style_key(line) in known)


def _continued_below(lines, index, style, known):
    line = lines[index]
    box = getattr(line, "bbox", None)
    if box is None:
        return None
    height = box[3] - box[1]
    for other_index in range(index + 1, min(len(lines), index + 6)):
        other = lines[other_index]
        other_box = other.bbox
        if other.page != line.page or other_box[1] - box[3] > 0.6 * height:
            return None
        if abs(other_box[0] - box[0]) <= SAME_X_PT and other_box[1] > box[1] + height / 2:
            same_style = other.bold == line.bold and abs(other.size - line.size) < 0.5
            return other_index if same_style and _looks_like_heading(other, style, known) else None
    return None


def _body_style(lines):
    """(font size most characters are set in, whether most characters are bold)."""
    sizes, bold, total = {}, 0, 0
    for line in lines:
        size = getattr(line, "size", None)
        if size is None:
            continue
        chars = len(line.text)
        sizes[round(size, 1)] = sizes.get(round(size, 1), 0) + chars
        bold += chars if line.bold else 0
        total += chars
    if not total:
        return (0.0, False)
    return (max(sizes, key=sizes.get), bold > total / 2)


def _set_apart(line, style):
    """Typography that marks a heading: larger, bold in a body that is not, capitals, small caps, letter-spaced."""
    text = line.text.strip()
    size = getattr(line, "size", None)
    if size is None:
        return False
    body_size, body_bold = style
    return (
        size >= body_size + HEADING_SIZE_STEP_PT
        or (line.bold and not body_bold)
        or (len(text) >= 3 and text.isupper())
        or bool(LETTER_SPACED_RE.match(text))
        or any(SMALL_CAPS_FONT_RE.search(font) for font in getattr(line, "fonts", ()))
        or text.endswith(":")
    )


def _row_neighbours(lines, index):
    """Lines on the same page and row as lines[index]; same-row lines are neighbours in reading order."""
    line = lines[index]
    bbox = getattr(line, "bbox", None)
    if bbox is None:
        return []
    middle = (bbox[1] + bbox[3]) / 2
    found = []
    for step in (-1, 1):
        other_index = index + step
        while 0 <= other_index < len(lines) and abs(other_index - index) <= 4:
            other = lines[other_index]
            other_box = getattr(other, "bbox", None)
            if not other_box or other.page != line.page or getattr(other, "column", 0) != getattr(line, "column", 0):
                break
            if abs((other_box[1] + other_box[3]) / 2 - middle) > ROW_TOLERANCE_PT:
                break
            found.append(other)
            other_index += step
    return found


def _shares_row(lines, index):
    return bool(_row_neighbours(lines, index))


def _has_cell_beside(lines, index):
    x1 = lines[index].bbox[2] if getattr(lines[index], "bbox", None) else 0
    return any(other.bbox[0] >= x1 - 1 for other in _row_neighbours(lines, index))


def _has_cell_before(lines, index):
    x0 = lines[index].bbox[0] if getattr(lines[index], "bbox", None) else 0
    return any(other.bbox[2] <= x0 + 1 for other in _row_neighbours(lines, index))
