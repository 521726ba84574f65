"""The templated set as the benches read it: which themes render a resume, which half a resume is in, and the
committed PDFs with their labels, in the shape `bench.devset.generate.build_devset` returns."""

import hashlib
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
THEMES_PER_RESUME = 3
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
}


def _digest(text):
    return hashlib.sha256(text.encode()).digest()


def split_of(resume_id):
    """ "tune" or "held_back" by a fixed hash of the resume's id: all of a resume's PDFs are in the same half, so
    held-back content is never seen while tuning."""
    return "tune" if _digest(f"templated:{resume_id}")[0] % 2 == 0 else "held_back"


def themes_for(resume_id):
    """The themes a resume is rendered through: a fixed hash order, so adding a resume never moves the others."""
    return sorted(THEMES, key=lambda theme: _digest(f"{resume_id}:{theme}"))[:THEMES_PER_RESUME]


def load_templated(split=None):
    """[(name, pdf_bytes, labels)] for every committed PDF, optionally only one half."""
    out = []
    for sidecar in sorted((HERE / "pdfs").glob("*.json")):
        labels = json.loads(sidecar.read_text(encoding="utf-8"))
        if split and labels["split"] != split:
            continue
        out.append((sidecar.stem, sidecar.with_suffix(".pdf").read_bytes(), labels))
    return out
