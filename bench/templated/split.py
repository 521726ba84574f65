"""The templated set as the benches read it: which themes render a resume, which half a resume is in, and the
committed PDFs with their labels, in the shape `bench.devset.generate.build_devset` returns."""

import hashlib
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
KINDS = ("one_column", "label_column", "sidebar", "typst")
# What each published theme's layout asks of a parser (read from its rendered pages, see README.md):
# `label_column` = the section heading set in a left column with the section's content to its right.
THEMES = {
    "class": {"version": "0.1.2", "licence": "MIT", "kind": "one_column", "columns": 1, "table": False},
    "elegant": {"version": "1.16.1", "licence": "MIT", "kind": "one_column", "columns": 1, "table": False},
    "even": {"version": "0.26.1", "licence": "MIT", "kind": "label_column", "columns": 2, "table": False},
    "flat": {"version": "0.3.7", "licence": "MIT", "kind": "one_column", "columns": 1, "table": False},
    "kendall": {"version": "0.2.0", "licence": "MIT", "kind": "sidebar", "columns": 2, "table": False},
    "macchiato": {"version": "1.1.0", "licence": "MIT", "kind": "sidebar", "columns": 2, "table": False},
    "onepage": {"version": "0.0.3", "licence": "MIT", "kind": "label_column", "columns": 2, "table": False},
    "paper": {"version": "0.5.0", "licence": "MIT", "kind": "label_column", "columns": 2, "table": False},
    "stackoverflow": {"version": "3.3.0", "licence": "MIT", "kind": "one_column", "columns": 1, "table": False},
    # RenderCV (PyPI) themes, typeset by Typst: the LaTeX-style resumes most people send.
    "rendercv-classic": {"version": "2.3", "licence": "MIT", "kind": "typst", "columns": 1, "table": False},
    "rendercv-sb2nov": {"version": "2.3", "licence": "MIT", "kind": "typst", "columns": 1, "table": False},
    "rendercv-moderncv": {"version": "2.3", "licence": "MIT", "kind": "typst", "columns": 1, "table": False},
    "rendercv-engineeringresumes": {"version": "2.3", "licence": "MIT", "kind": "typst", "columns": 1, "table": False},
}


def _digest(text):
    return hashlib.sha256(text.encode()).digest()


def split_of(resume_id):
    """ "tune" or "held_back" by a fixed hash of the resume's id: all of a resume's PDFs are in the same half, so
    held-back content is never seen while tuning. (The salt was picked once, before any figure was read, among four
    for the most even split of the first 28 resumes: 15 / 13.)"""
    return "tune" if _digest(f"templated-set:{resume_id}")[0] % 2 == 0 else "held_back"


def resume_ids():
    return sorted(path.stem for path in (HERE / "resumes").glob("*.json"))


def themes_for(resume_id, all_ids=None):
    """The themes a resume is rendered through: one of each layout kind (one column, label column, sidebar, Typst),
    so the same content is seen in all four, taken in turn along a fixed hash order of the resumes so each theme renders
    about as many resumes as the others of its kind."""
    order = sorted(all_ids or resume_ids(), key=lambda name: _digest(f"themes:{name}"))
    rank = order.index(resume_id)
    picked = []
    for kind in KINDS:
        themes = [theme for theme, facts in THEMES.items() if facts["kind"] == kind]
        picked.append(themes[rank % len(themes)])
    return picked


def load_templated(split=None):
    """[(name, pdf_bytes, labels)] for every committed PDF, optionally only one half."""
    out = []
    for sidecar in sorted((HERE / "pdfs").glob("*.json")):
        labels = json.loads(sidecar.read_text(encoding="utf-8"))
        if split and labels["split"] != split:
            continue
        out.append((sidecar.stem, sidecar.with_suffix(".pdf").read_bytes(), labels))
    return out
