"""Writes the labelled dev set: resumes of 12 professions in 8 layouts, rendered to PDF by PyMuPDF (Story, HTML+CSS),
each with a JSON sidecar of labels (see bench/devset/README.md).

    .venv/bin/python -m bench.devset.generate OUT_DIR [--seed 11] [--per-cell 1]

`build_devset(seed, per_cell)` returns the same resumes in memory: [(name, pdf_bytes, labels)]. Everything follows
from the seed, so the held-back half can be rebuilt inside a test; `split_of(name, seed)` says which half a file is in.
"""

import argparse
import hashlib
import html
import io
import json
import random
import sys
import unicodedata
from pathlib import Path

import pymupdf

from .professions import PROFESSIONS, TRAP_CLASSES

DEFAULT_SEED = 11
LAYOUTS = (
    "classic",
    "sidebar",
    "table",
    "no_headings",
    "unusual_headings",
    "small_caps",
    "letter_spaced",
    "two_column",
)
# What a layout asks a parser to cope with: multi-column text, a table grid, headings that are not plain words.
LAYOUT_FACTS = {
    "classic": {"columns": 1, "table": False},
    "sidebar": {"columns": 2, "table": False},
    "table": {"columns": 2, "table": True},
    "no_headings": {"columns": 1, "table": False},
    "unusual_headings": {"columns": 1, "table": False},
    "small_caps": {"columns": 1, "table": False},
    "letter_spaced": {"columns": 1, "table": False},
    "two_column": {"columns": 2, "table": False},
}
HEADINGS = {
    "summary": "Summary",
    "skills": "Skills",
    "experience": "Experience",
    "education": "Education",
    "awards": "Awards",
    "interests": "Interests",
    "references": "References",
}
# Headings a person might write that name the same sections in other words (the "unusual headings" layout).
UNUSUAL_HEADINGS = {
    "summary": ["About Me", "Profile at a Glance", "Who I Am"],
    "skills": ["Core Skills", "Skills Summary", "Toolbox", "What I Bring"],
    "experience": ["Professional Experience & Projects", "Where I've Worked", "Career History"],
    "education": ["Learning & Credentials", "Academic Background", "Schooling"],
    "awards": ["Recognition", "Honours"],
    "interests": ["Outside Work", "Pastimes"],
    "references": ["Referees", "People Who Know My Work"],
}
GIVEN_NAMES = [
    "Maya",
    "Daniel",
    "Priya",
    "Tomás",
    "Aisha",
    "Lena",
    "Marcus",
    "Hana",
    "Oliver",
    "Sofia",
    "Kwame",
    "Ines",
]
SURNAMES = ["Okafor", "Lindqvist", "Moreau", "Patel", "Nakamura", "Brennan", "Haddad", "Castillo", "Novak", "Adeyemi"]
CITIES = ["Portland, OR", "Leeds, UK", "Toronto, ON", "Austin, TX", "Dublin, IE", "Denver, CO"]
YEARS = [(2021, "Present"), (2018, 2021), (2015, 2018)]
PAGE = pymupdf.paper_rect("letter")
MARGIN = 48
MAX_PAGES = 4  # Story.place never finishes on content wider than a page: stop instead of looping
CSS = """
* {font-family: sans-serif; font-size: 9.5pt; line-height: 1.25;}
h1 {font-size: 17pt; margin: 0 0 2pt 0;}
h2 {font-size: 11.5pt; font-weight: bold; margin: 9pt 0 3pt 0;}
p {margin: 0 0 2pt 0;}
.sc-big {font-size: 12pt; font-weight: bold;}
.sc-small {font-size: 9pt; font-weight: bold;}
.spaced {letter-spacing: 3pt; font-size: 10.5pt; font-weight: bold; margin: 9pt 0 3pt 0;}
.job {font-weight: bold; margin-top: 5pt;}
td {vertical-align: top; padding: 3pt;}
table.grid td {border: 0.6pt solid #444;}
"""


def split_of(name, seed=DEFAULT_SEED):
    """ "tune" or "held_back" by a fixed hash of the file name and seed: a file never changes half."""
    digest = hashlib.sha256(f"{seed}:{name}".encode()).digest()
    return "tune" if digest[0] % 2 == 0 else "held_back"


def build_devset(seed=DEFAULT_SEED, per_cell=1, split=None):
    """[(name, pdf_bytes, labels)] for every profession × layout × per_cell, optionally only one half."""
    out = []
    for profession in sorted(PROFESSIONS):
        for layout in LAYOUTS:
            for copy in range(per_cell):
                name = f"{profession}__{layout}__{copy}"
                half = split_of(name, seed)
                if split and half != split:
                    continue
                rng = random.Random(f"{seed}:{name}")
                resume = compose(PROFESSIONS[profession], rng)
                pdf = render(resume, layout, rng)
                labels = labels_for(name, profession, layout, half, resume)
                out.append((name, pdf, labels))
    return out


def compose(profession, rng):
    """The resume's content as plain data: section name -> list of (kind, text) items, plus what it states."""
    lists = rng.sample(profession["lists"], 3)
    prose = rng.sample(profession["prose"], 3)
    implied = list(profession["implied"])
    traps = list(profession["traps"])
    # The category label of a capitals list ("CLINICAL:", "COMPLIANCE:") names a group, never a skill itself.
    traps += [(text.split(":")[0] + ":", "label_or_title", "") for text, _, how in lists if how == "caps_label"]
    soft = list(profession["soft"])
    stated, statements = [], []
    for text, skills, how in lists:
        names = skills or [part.strip() for part in text.split(",")]
        stated += names
        statements += [(name, how) for name in names]
    for _text, skills, how in prose:
        stated += skills
        statements += [(name, how) for name in skills]
    title = rng.choice(profession["titles"])
    person = f"{rng.choice(GIVEN_NAMES)} {rng.choice(SURNAMES)}"
    sections = {"summary": [], "skills": [], "experience": [], "education": [], "awards": [], "interests": []}
    sections["references"] = []
    soft_text = "; ".join(text for text, _ in soft)
    sections["summary"].append(("p", f"{title} with {rng.randint(4, 14)} years of experience. {soft_text}."))
    skill_labels = [trap for trap in profession["traps"] if trap[0].endswith(":")]
    for index, (text, _, _) in enumerate(lists):
        label = skill_labels[0][0] + " " if index == 0 and skill_labels else ""
        sections["skills"].append(("li", label + text))
    jobs = []
    employers = list(profession["employers"])
    rng.shuffle(employers)
    job_traps = [trap for trap in traps if "(" in trap[0] and " - " in trap[0]]
    for number, (start, end) in enumerate(YEARS[: rng.choice((2, 3))]):
        if number == 1 and job_traps:
            jobs.append([("job", job_traps[0][0])])
            continue
        job_title = title if number == 0 else rng.choice(profession["titles"])
        jobs.append([("job", title_line(job_title, employers[number], start, end, rng))])
    bullets = [text for text, _, _ in prose] + [text for text, _ in implied]
    for trap_text, trap_class, _ in traps:
        if trap_text.endswith(":") or trap_text in (job[0][1] for job in jobs):
            continue
        if trap_text.startswith("References:"):
            sections["references"].append(("p", trap_text.removeprefix("References:").strip()))
        elif trap_class == "institution" and not trap_text.startswith(("Volunteer", "Member")):
            sections["awards"].append(("p", trap_text))
        elif trap_text.startswith(("Bachelor", "Coursework")):
            sections["education"].append(("p", trap_text))
        elif trap_text.startswith(("Enjoys", "Hobbies", "Lives", "Grew", "Based", "Relocated")):
            sections["interests"].append(("p", trap_text))
        elif trap_class == "label_or_title":
            jobs[0][0] = ("job", title_line(trap_text, employers[0], *YEARS[0], rng))
        else:
            bullets.append(trap_text)
    rng.shuffle(bullets)
    for index, bullet in enumerate(bullets):
        jobs[index % len(jobs)].append(("li", bullet))
    sections["experience"] = [item for job in jobs for item in job]
    # Titles and employers of the job lines are not skills ("Dispatch Planner", "Redstone Medical Devices").
    used = [job[0][1] for job in jobs]
    traps += [(title, "label_or_title", "") for title in profession["titles"] if any(title in line for line in used)]
    traps += [(name, "employer", "") for name in profession["employers"] if any(name in line for line in used)]
    sections["education"].insert(0, ("p", f"{profession['degree']}, {profession['school']}, {rng.randint(2005, 2016)}"))
    contact = (
        f"{ascii_fold(person.split()[0]).lower()}.{rng.randint(10, 99)}@example.com · (555) 01{rng.randint(10, 99)} · "
    )
    contact += rng.choice(CITIES)
    return {
        "person": person,
        "title": title,
        "contact": contact,
        "sections": {name: items for name, items in sections.items() if items},
        "stated": list(dict.fromkeys(stated)),
        "statements": statements,
        "soft": list(dict.fromkeys(name for _, names in soft for name in names)),
        "implied": [{"skill": skill, "evidence": text} for text, skill in implied],
        "traps": [{"text": text, "class": trap_class, "looks_like": skill} for text, trap_class, skill in traps],
    }


def ascii_fold(text):
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def title_line(title, employer, start, end, rng):
    """A job's header in one of the shapes resumes use."""
    shapes = (
        f"{title}, {employer} ({start} - {end})",
        f"{title} at {employer} | {start} - {end}",
        f"{employer} | {title} | {start} - {end}",
        f"{title.upper()} | {employer} | {start}-{end}",
    )
    return rng.choice(shapes)


def heading_html(section, layout, rng):
    if layout == "no_headings":
        return ""
    text = rng.choice(UNUSUAL_HEADINGS[section]) if layout == "unusual_headings" else HEADINGS[section]
    if layout == "small_caps":
        words = [
            f'<span class="sc-big">{w[0]}</span><span class="sc-small">{w[1:].upper()}</span>' for w in text.split()
        ]
        return f"<p style='margin: 9pt 0 3pt 0'>{' '.join(words)}</p>"
    if layout == "letter_spaced":
        return f'<p class="spaced">{html.escape(text.upper())}</p>'
    return f"<h2>{html.escape(text)}</h2>"


def items_html(items):
    parts = []
    for kind, text in items:
        text = html.escape(text)
        if kind == "job":
            parts.append(f'<p class="job">{text}</p>')
        elif kind == "li":
            parts.append(f"<p>• {text}</p>")
        else:
            parts.append(f"<p>{text}</p>")
    return "".join(parts)


def render(resume, layout, rng):
    head = f"<h1>{html.escape(resume['person'])}</h1><p>{html.escape(resume['contact'])}</p>"
    sections = resume["sections"]
    if layout == "table":
        rows = "".join(
            f'<tr><td style="width:22%"><b>{HEADINGS[name]}</b></td><td>{items_html(items)}</td></tr>'
            for name, items in sections.items()
        )
        body = f'{head}<table class="grid" style="width:100%">{rows}</table>'
    elif layout == "sidebar":
        side_names = [name for name in ("skills", "education", "interests") if name in sections]
        side = "".join(heading_html(name, "classic", rng) + items_html(sections[name]) for name in side_names)
        main = "".join(
            heading_html(name, "classic", rng) + items_html(items)
            for name, items in sections.items()
            if name not in side_names
        )
        return sidebar_pdf(head + side, main)
    elif layout == "two_column":
        body = "".join(heading_html(name, "classic", rng) + items_html(items) for name, items in sections.items())
        return two_column_pdf(head, body)
    else:
        gap = "<p>&nbsp;</p>" if layout == "no_headings" else ""
        body = head + "".join(
            heading_html(name, layout, rng) + items_html(items) + gap for name, items in sections.items()
        )
    return story_pdf(body)


def story_pdf(body):
    story = pymupdf.Story(f"<body>{body}</body>", user_css=CSS)
    buffer = io.BytesIO()
    writer = pymupdf.DocumentWriter(buffer)
    more, pages = 1, 0
    while more:
        pages += 1
        if pages > MAX_PAGES:
            raise ValueError(f"a dev-set resume did not fit in {MAX_PAGES} pages")
        device = writer.begin_page(PAGE)
        more, _ = story.place(pymupdf.Rect(MARGIN, MARGIN, PAGE.width - MARGIN, PAGE.height - MARGIN))
        story.draw(device)
        writer.end_page()
    writer.close()
    return buffer.getvalue()


def two_column_pdf(head, body):
    """The name band across the page, then the resume flowing in two newspaper columns balanced in height (as
    multi-column templates set them), so both columns hold text even when the resume is short."""
    buffer = io.BytesIO()
    writer = pymupdf.DocumentWriter(buffer)
    device = writer.begin_page(PAGE)
    header = pymupdf.Story(f"<body>{head}</body>", user_css=CSS)
    _, filled = header.place(pymupdf.Rect(MARGIN, MARGIN, PAGE.width - MARGIN, PAGE.height - MARGIN))
    header.draw(device)
    top = filled[3] + 8
    story = pymupdf.Story(f"<body>{body}</body>", user_css=CSS)
    height = _balanced_height(story, PAGE.height - MARGIN - top)
    width = (PAGE.width - 2 * MARGIN - 18) / 2
    pages, more = 1, 1
    while more:
        for column in (0, 1):
            left = MARGIN + column * (width + 18)
            more, _ = story.place(pymupdf.Rect(left, top, left + width, top + height))
            story.draw(device)
            if not more:
                break
        writer.end_page()
        if more:
            pages += 1
            if pages > MAX_PAGES:
                raise ValueError(f"a dev-set resume did not fit in {MAX_PAGES} pages")
            device = writer.begin_page(PAGE)
            top, height = MARGIN, PAGE.height - 2 * MARGIN
    writer.close()
    return buffer.getvalue()


def _balanced_height(story, available):
    """The least column height (to 4 pt) at which the story fits in two columns; `available` when it does not."""
    width = (PAGE.width - 2 * MARGIN - 18) / 2

    def fits(height):
        story.reset()
        more = 1
        for _ in range(2):
            more, _ = story.place(pymupdf.Rect(0, 0, width, height))
            story.draw(None)  # only drawing moves the story on past what was placed
            if not more:
                break
        story.reset()
        return not more

    if not fits(available):
        return available
    low, high = 40.0, available
    while high - low > 4:
        middle = (low + high) / 2
        low, high = (low, middle) if fits(middle) else (middle, high)
    return high


def sidebar_pdf(side, main):
    """A narrow left column and a wide right one, each flowing on over pages of its own."""
    split = MARGIN + (PAGE.width - 2 * MARGIN) * 0.32
    stories = [
        (pymupdf.Story(f"<body>{side}</body>", user_css=CSS), MARGIN, split - 9),
        (pymupdf.Story(f"<body>{main}</body>", user_css=CSS), split + 9, PAGE.width - MARGIN),
    ]
    buffer = io.BytesIO()
    writer = pymupdf.DocumentWriter(buffer)
    pending = [True, True]
    for _ in range(MAX_PAGES):
        device = writer.begin_page(PAGE)
        for index, (story, left, right) in enumerate(stories):
            if pending[index]:
                more, _ = story.place(pymupdf.Rect(left, MARGIN, right, PAGE.height - MARGIN))
                story.draw(device)
                pending[index] = bool(more)
        writer.end_page()
        if not any(pending):
            break
    else:
        raise ValueError(f"a dev-set resume did not fit in {MAX_PAGES} pages")
    writer.close()
    return buffer.getvalue()


def labels_for(name, profession, layout, half, resume):
    sections = list(resume["sections"])
    headings_printed = layout not in ("no_headings",)
    return {
        "file": f"{name}.pdf",
        "profession": profession,
        "split": half,
        "technical_skills": resume["stated"],
        "technical_statements": [{"skill": skill, "how": how} for skill, how in resume["statements"]],
        "soft_skills": resume["soft"],
        "inferred_skills": resume["implied"],
        "traps": resume["traps"],
        "sections": sections,
        "layout": {"kind": layout, "headings_printed": headings_printed, **LAYOUT_FACTS[layout]},
    }


def write_devset(out_dir, seed=DEFAULT_SEED, per_cell=1):
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    built = build_devset(seed, per_cell)
    for name, pdf, labels in built:
        (out / f"{name}.pdf").write_bytes(pdf)
        (out / f"{name}.json").write_text(json.dumps(labels, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return built


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--per-cell", type=int, default=1, help="Resumes per profession × layout.")
    args = parser.parse_args(argv)
    built = write_devset(args.out_dir, args.seed, args.per_cell)
    halves = [labels["split"] for _, _, labels in built]
    tune, held_back = halves.count("tune"), halves.count("held_back")
    print(f"wrote {len(built)} resumes to {args.out_dir}: {tune} tune, {held_back} held back")
    print(f"trap classes: {', '.join(TRAP_CLASSES)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
