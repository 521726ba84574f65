"""Renders the templated set: every resume in resumes/ (JSON Resume) through three published JSON Resume themes,
printed to PDF by headless Chromium, each PDF with a JSON sidecar of labels (bench/templated/README.md).

    bench/templated/render.sh            # npm ci, then this module
    .venv/bin/python -m bench.templated.build [--only ID ...] [--chromium /usr/bin/chromium]

A label is kept for a PDF only when the text that states it is visible in the HTML the theme produced (some themes
leave fields out), so the sidecar says exactly what that PDF states. The visible text is read from the HTML, not
from the PDF, so the labels never depend on the extractor under test.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

from .split import HERE, THEMES, resume_ids, split_of, themes_for

SECTION_KEYS = {
    "summary": ("basics", "summary"),
    "experience": ("work", None),
    "skills": ("skills", None),
    "education": ("education", None),
    "awards": ("awards", None),
    "interests": ("interests", None),
    "references": ("references", None),
}
SECTION_ORDER = ("summary", "skills", "experience", "education", "awards", "interests", "references")
# The first item of a section, as the theme would print it: its name, position, title or degree.
SECTION_PROBES = {
    "experience": ("position", "name"),
    "skills": ("name",),
    "education": ("institution",),
    "awards": ("title",),
    "interests": ("name",),
    "references": ("name",),
}


class VisibleText(HTMLParser):
    """The text a reader sees: everything outside <script>, <style>, <head> and <title>."""

    HIDDEN = frozenset(["script", "style", "head", "title", "noscript"])

    def __init__(self):
        super().__init__()
        self.parts, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag in ("br", "p", "div", "li", "td", "h1", "h2", "h3", "h4", "section", "span"):
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self.hidden:
            self.hidden -= 1
        else:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def normalise(text):
    return " ".join(text.replace("\u00a0", " ").split()).lower()


def visible_text(html_text):
    parser = VisibleText()
    parser.feed(html_text)
    return normalise("".join(parser.parts))


def shown(text, seen):
    return normalise(text) in seen


def sections_shown(resume, seen):
    present = []
    for section in SECTION_ORDER:
        key, field = SECTION_KEYS[section]
        value = resume.get(key)
        if field:
            value = (value or {}).get(field)
            if value and shown(value[:60], seen):
                present.append(section)
            continue
        if not value:
            continue
        first = value[0]
        probe = next((first[name] for name in SECTION_PROBES[section] if first.get(name)), "")
        if probe and shown(probe, seen):
            present.append(section)
    return present


def render_jsonresume(theme, source, html_path, pdf_path, chromium, tmp, labels_only):
    """A JSON Resume theme: its HTML (whose visible text is returned), printed to PDF by Chromium."""
    subprocess.run(["node", str(HERE / "render_html.mjs"), theme, str(source), str(html_path)], check=True, timeout=120)
    if not labels_only:
        print_pdf(chromium, html_path, pdf_path, tmp / "profile")
    return visible_text(html_path.read_text(encoding="utf-8"))


def render_rendercv(theme, source, pdf_path, rendercv_python, tmp):
    """A RenderCV theme, in its own virtualenv; returns the text RenderCV was given to print. Its Typst templates
    import the fontawesome package from the Typst registry, which this machine cannot reach: a local stand-in
    (typst-packages/) draws each icon as blank space."""
    text_path = tmp / f"{pdf_path.stem}.txt"
    out_pdf = tmp / pdf_path.name
    env = {**os.environ, "XDG_DATA_HOME": str(tmp / "typst-data")}
    packages = tmp / "typst-data" / "typst" / "packages"
    if not packages.exists():
        shutil.copytree(HERE / "typst-packages", packages)
    name = theme.removeprefix("rendercv-")
    script = HERE / "render_rendercv.py"
    command = [rendercv_python, str(script), str(source), name, str(out_pdf), str(text_path)]
    subprocess.run(command, check=True, timeout=180, env=env, cwd=tmp)
    shutil.copyfile(out_pdf, pdf_path)
    return normalise(text_path.read_text(encoding="utf-8"))


def sidecar(resume_id, theme, resume, labels, seen):
    """The devset-shaped labels of one PDF: only what this theme printed."""
    technical = [item for item in labels["technical"] if shown(item["text"], seen)]
    stated = list(dict.fromkeys(item["skill"] for item in technical))
    facts = THEMES[theme]
    return {
        "file": f"{resume_id}__{theme}.pdf",
        "resume": resume_id,
        "profession": labels["profession"],
        "split": split_of(resume_id),
        "technical_skills": stated,
        "technical_statements": [{"skill": item["skill"], "how": item["how"]} for item in technical],
        "soft_skills": list(dict.fromkeys(item["skill"] for item in labels["soft"] if shown(item["text"], seen))),
        "inferred_skills": [item for item in labels["inferred"] if shown(item["evidence"], seen)],
        "traps": [item for item in labels["traps"] if shown(item["text"], seen)],
        "sections": sections_shown(resume, seen),
        "layout": {
            "kind": facts["kind"],
            "theme": theme,
            "headings_printed": True,
            "columns": facts["columns"],
            "table": facts["table"],
        },
        "template": {"name": template_name(theme), "version": facts["version"], "licence": facts["licence"]},
    }


def template_name(theme):
    if theme.startswith("rendercv-"):
        return f"rendercv (theme {theme.removeprefix('rendercv-')})"
    return f"jsonresume-theme-{theme}"


def print_pdf(chromium, html_path, pdf_path, profile):
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",
            "--virtual-time-budget=3000",
            f"--print-to-pdf={pdf_path}",
            html_path.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )


def unused_labels(labels, seen_by_theme):
    """Label texts no theme printed: a typo in the labels, not a theme's choice."""
    texts = [item["text"] for item in labels["technical"] + labels["soft"] + labels["traps"]]
    texts += [item["evidence"] for item in labels["inferred"]]
    return [text for text in texts if not any(shown(text, seen) for seen in seen_by_theme)]


def build(resume_ids, chromium, rendercv_python, labels_only=False, kinds=None):
    pdf_dir = HERE / "pdfs"
    pdf_dir.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for resume_id in resume_ids:
            resume = json.loads((HERE / "resumes" / f"{resume_id}.json").read_text(encoding="utf-8"))
            labels = json.loads((HERE / "labels" / f"{resume_id}.json").read_text(encoding="utf-8"))
            seen_by_theme = []
            for theme in themes_for(resume_id):
                if kinds and THEMES[theme]["kind"] not in kinds:
                    continue
                source = HERE / "resumes" / f"{resume_id}.json"
                pdf_path = pdf_dir / f"{resume_id}__{theme}.pdf"
                if theme.startswith("rendercv-"):
                    if labels_only:
                        continue  # the text is only known by rendering; RenderCV is quick
                    seen = render_rendercv(theme, source, pdf_path, rendercv_python, tmp)
                else:
                    html_path = tmp / f"{resume_id}__{theme}.html"
                    seen = render_jsonresume(theme, source, html_path, pdf_path, chromium, tmp, labels_only)
                seen_by_theme.append(seen)
                entry = sidecar(resume_id, theme, resume, labels, seen)
                pdf_path.with_suffix(".json").write_text(
                    json.dumps(entry, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
                )
                print(f"{pdf_path.name}: {len(entry['technical_skills'])} skills, sections {entry['sections']}")
            missing = unused_labels(labels, seen_by_theme)
            if missing:
                print(f"  {resume_id}: label text printed by no theme: {missing}", file=sys.stderr)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="Resume ids (default: every file in resumes/).")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--kind", nargs="*", help="Only the themes of these layout kinds (default: all).")
    parser.add_argument("--labels-only", action="store_true", help="Rewrite the JSON Resume sidecars, keep the PDFs.")
    parser.add_argument(
        "--rendercv-python",
        default=str(HERE / ".venv-rendercv" / "bin" / "python"),
        help="A Python with rendercv[full] installed (render.sh makes one).",
    )
    args = parser.parse_args(argv)
    ids = args.only or resume_ids()
    build(ids, args.chromium, args.rendercv_python, args.labels_only, args.kind)
    return 0


if __name__ == "__main__":
    sys.exit(main())
