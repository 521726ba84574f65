"""Skill matcher speed: compile time and time per resume (p50/p95) for the shipped catalog and a 30,000-skill one.

Resumes are the real PDFs of ../shared/corpus/real when present (their lines and sections, extracted once; only
matching is timed), else generated two-page resumes. "cold" is each resume's first match on a fresh matcher (its
typo cache empty, as in a worker that just rebuilt after a catalog edit); "warm" is the steady state. Times are
CPU time of this process (`time.process_time`), so other work on a shared machine does not inflate them;
"per page" divides each resume's warm time by its page count (the target is ≤ 10 ms for a two-page resume).

Usage:  .venv/bin/python bench/matcher.py [--skills 30000] [--repeat 20]
"""

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analyses.pipeline.extract import parse_pdf  # noqa: E402
from analyses.pipeline.sections import label_sections  # noqa: E402
from skills_catalog.engine import Line  # noqa: E402
from skills_catalog.files import read_default_catalog  # noqa: E402
from skills_catalog.matcher import matcher_from_rows  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "real"
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ne",
    "ru",
    "ta",
    "vo",
    "zen",
    "dex",
    "flo",
    "gra",
    "pyr",
    "qua",
    "sto",
    "tri",
    "vex",
    "wim",
    "yul",
    "bar",
    "cor",
]


def corpus_resumes():
    resumes = []
    for path in sorted(CORPUS.glob("*.pdf")):
        parsed = parse_pdf(path.read_bytes(), max_pages=10)
        _, labels = label_sections(parsed.lines)
        lines = [
            Line(page=line.page, text=line.text, section=label)
            for line, label in zip(parsed.lines, labels, strict=True)
        ]
        resumes.append((path.name, lines))
    return resumes


def generated_resumes(skill_rows, count=10, seed=7):
    rng = random.Random(seed)
    names = [row["name"] for row in skill_rows]
    prose = [
        "Designed",
        "and",
        "operated",
        "services",
        "for",
        "millions",
        "of",
        "users,",
        "reducing",
        "latency",
        "and",
        "cost",
        "across",
        "teams",
    ]
    resumes = []
    for number in range(count):
        lines = [Line(1, "Skills", "skills"), Line(1, ", ".join(rng.sample(names, 25)), "skills")]
        for page in (1, 2):
            for _ in range(45):
                words = rng.sample(prose, 8) + rng.sample(names, 2) + rng.sample(prose, 4)
                lines.append(Line(page, "• " + " ".join(words), "experience"))
        resumes.append((f"generated-{number}", lines))
    return resumes


def synthetic_rows(count, seed=11):
    """Made-up skills shaped like real ones: one to three words, some with aliases, some ambiguous."""
    rng = random.Random(seed)
    rows, seen = [], set()
    while len(rows) < count:
        words = [
            "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
            for _ in range(rng.choice((1, 1, 2, 2, 3)))
        ]
        name = " ".join(words)
        if name.lower() in seen:
            continue
        seen.add(name.lower())
        aliases = [name.replace(" ", ""), "".join(word[0] for word in words).upper() + "X"] if len(words) > 1 else []
        rows.append({"name": name, "category": "Synthetic", "aliases": aliases, "ambiguous": rng.random() < 0.02})
    return rows


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def measure(label, skill_rows, role_rows, resumes, repeat):
    started = time.process_time()
    matcher = matcher_from_rows(skill_rows, role_rows)
    compile_ms = (time.process_time() - started) * 1000
    cold = []
    for _, lines in resumes:
        started = time.process_time()
        matcher.match(lines)
        cold.append((time.process_time() - started) * 1000)
    warm, per_page = [], []
    for _ in range(repeat):
        for _, lines in resumes:
            started = time.process_time()
            matcher.match(lines)
            elapsed = (time.process_time() - started) * 1000
            warm.append(elapsed)
            per_page.append(elapsed / max(line.page for line in lines))
    lines = statistics.mean(len(lines) for _, lines in resumes)
    print(
        f"{label:28} {len(matcher.skills):>7} {len(matcher.forms):>8} {compile_ms:>10.0f} {lines:>7.0f} "
        f"{percentile(cold, 0.5):>9.2f} {percentile(cold, 0.95):>9.2f} "
        f"{percentile(warm, 0.5):>9.2f} {percentile(warm, 0.95):>9.2f} "
        f"{percentile(per_page, 0.5):>9.2f} {percentile(per_page, 0.95):>9.2f}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skills", type=int, default=30_000, help="Size of the large synthetic catalog.")
    parser.add_argument("--repeat", type=int, default=20, help="Warm passes over all resumes.")
    args = parser.parse_args()

    skill_rows, role_rows = read_default_catalog()
    if (CORPUS / "truth.json").exists():
        resumes, source = corpus_resumes(), f"{CORPUS} (real PDFs)"
    else:
        resumes, source = generated_resumes(skill_rows), "generated two-page resumes (no corpus found)"
    big_rows = skill_rows + synthetic_rows(max(0, args.skills - len(skill_rows)))
    print(f"resumes: {len(resumes)} from {source}; times in ms")
    print(
        f"{'catalog':28} {'skills':>7} {'forms':>8} {'compile':>10} {'lines':>7} "
        f"{'cold p50':>9} {'cold p95':>9} {'warm p50':>9} {'warm p95':>9} {'page p50':>9} {'page p95':>9}"
    )
    measure("default (shipped)", skill_rows, role_rows, resumes, args.repeat)
    measure(f"default + synthetic ({len(big_rows):,})", big_rows, role_rows, resumes, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
