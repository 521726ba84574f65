"""Bullet points: a line starting with a bullet mark, plus the lines that wrap under it."""

import re
from dataclasses import dataclass

from .sections import heading_section

BULLET_RE = re.compile(r"^(?:[•●▪◦■‣○➢➤✓►▸▹◆◇❖\uf0b7\uf0a7*]|[-–—](?=\s)|\d{1,2}[.)](?=\s))\s*")
# Sections whose lines are lists of names, not statements of work.
LIST_SECTIONS = frozenset(["skills", "languages", "interests", "references", "certifications", "links", "contact"])
# A wrapped line sits under its bullet: no further below than this share of the line height, and not left of it.
MAX_WRAP_GAP = 0.8
INDENT_SLACK_PT = 2.0
MAX_HANGING_INDENT_PT = 40.0
# Without any bullet marks, prose lines this long in Experience/Projects stand in for bullets.
MIN_STATEMENT_WORDS = 6


@dataclass
class Bullet:
    page: int
    section: str
    text: str
    line_count: int = 1

    @property
    def words(self):
        return len(self.text.split())


def find_bullets(lines, labels):
    """Bullets (statements of work) in reading order; lines of list sections are left out."""
    bullets, current, anchor_x, last = [], None, 0.0, None
    pending_mark = None  # a bullet mark set as its own line: the text beside it starts the bullet
    for line, section in zip(lines, labels, strict=True):
        text = line.text
        marked = BULLET_RE.match(text)
        if marked and not text[marked.end() :].strip():
            pending_mark = line
            current = None
            continue
        # Wrapped lines sit under the text of a mark set on its own line, right of a mark set inline.
        inline = True
        if pending_mark is not None and _same_row(pending_mark, line):
            marked, inline = True, False
        elif marked:
            text = text[marked.end() :]
        pending_mark = None
        if marked:
            current = Bullet(page=line.page, section=section, text=text.strip())
            anchor_x = line.bbox[0] if inline else line.bbox[0] - 2 * INDENT_SLACK_PT
            last = line
            if section not in LIST_SECTIONS:
                bullets.append(current)
            continue
        if current is not None and _wraps_under(last, line, anchor_x) and not heading_section(text):
            current.text = _join(current.text, text)
            current.line_count += 1
            last = line
            continue
        current = None
    if bullets:
        return bullets
    return [
        Bullet(page=line.page, section=section, text=line.text)
        for line, section in zip(lines, labels, strict=True)
        if section in ("experience", "projects") and len(line.text.split()) >= MIN_STATEMENT_WORDS
    ]


def _same_row(mark, line):
    return mark.page == line.page and abs((mark.bbox[1] + mark.bbox[3]) - (line.bbox[1] + line.bbox[3])) / 2 <= 3


def _wraps_under(previous, line, anchor_x):
    if previous is None or line.page != previous.page or line.column != previous.column:
        return False
    height = previous.bbox[3] - previous.bbox[1]
    gap = line.bbox[1] - previous.bbox[3]
    indent = line.bbox[0] - anchor_x
    # Under the text (a hanging indent), or flush with the mark only when it carries on a sentence in lower case.
    indented = INDENT_SLACK_PT < indent <= MAX_HANGING_INDENT_PT or (
        abs(indent) <= INDENT_SLACK_PT and line.text[:1].islower()
    )
    return (
        indented
        and -height / 2 <= gap <= MAX_WRAP_GAP * height
        and abs(line.size - previous.size) < 1
        and not (line.bold and not previous.bold)
    )


def _join(text, more):
    if text.endswith("-") and more[:1].islower():
        return text[:-1] + more  # a word hyphenated across the line break
    return f"{text} {more}"
