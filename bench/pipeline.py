"""Pipeline cost: extraction + matching + checks + scoring, against PyMuPDF's own floor.

For each corpus PDF (../shared/corpus/real, when present) and for generated 1-, 2- and 3-page resumes it times, in
the same process and run:
  (a) the floor: `pymupdf.open` + `page.get_text()` on every page, the least any PDF text tool pays;
  (b) the full pipeline, `analyses.pipeline.analyse.analyse`, with the shipped default catalog;
and prints per-file medians, p50/p95 over files and the ratio b/a. Then the same pipeline with a synthetic
30,000-skill catalog on the generated 2-page resume, and peak RSS after 1,000 analyses.

Targets: pipeline p50 ≤ 3× floor p50 (default catalog); ≤ 15 ms p50 per 2-page resume at 30k skills; RSS ≤ 200 MB.

Usage:  .venv/bin/python bench/pipeline.py [--repeat N] [--analyses N] [--corpus DIR]
"""

import argparse
import random
import resource
import statistics
import string
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pymupdf  # noqa: E402

from analyses.pipeline.analyse import analyse  # noqa: E402
from skills_catalog.engine import CatalogSkill, Matcher  # noqa: E402
from skills_catalog.files import read_default_catalog  # noqa: E402
from skills_catalog.matcher import matcher_from_rows  # noqa: E402
from tests import pdfs  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "real"
DATA_DIR = ROOT / "skills_catalog" / "data"


def default_matcher(data_dir=DATA_DIR):
    """The shipped default catalog (skills_catalog/data/*.json) compiled into a Matcher, without a database."""
    skill_rows, role_rows = read_default_catalog(data_dir)
    return matcher_from_rows(skill_rows, role_rows, version=1)


def synthetic_matcher(size=30_000, seed=7):
    """The default catalog padded with made-up skills (one to three words, one alias each) up to `size`."""
    base = default_matcher()
    rng = random.Random(seed)
    skills = list(base.skills)
    taken = {skill.name.lower() for skill in skills}
    while len(skills) < size:
        words = ["".join(rng.choices(string.ascii_lowercase, k=rng.randint(4, 9))) for _ in range(rng.randint(1, 3))]
        name = " ".join(word.capitalize() for word in words)
        if name.lower() in taken:
            continue
        taken.add(name.lower())
        skills.append(
            CatalogSkill(
                id=len(skills) + 1,
                name=name,
                kind="technical",
                category="Synthetic",
                ambiguous=False,
                forms=("".join(words)[:12],),
            )
        )
    return Matcher(skills, base.roles, version=2)


def floor(data):
    doc = pymupdf.open(stream=data, filetype="pdf")
    for page in doc:
        page.get_text()
    doc.close()


def timed(function, repeat):
    """Median milliseconds of `repeat` runs (after one warm-up run)."""
    function()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def generated_resumes():
    page_1, page_2 = pdfs.RESUME_PAGE_1, pdfs.RESUME_PAGE_2
    page_3 = [*pdfs.RESUME_PAGE_2, "", "Publications", "- Paper on distributed tracing, 2021"]
    return {
        "generated-1-page": pdfs.make_pdf([page_1]),
        "generated-2-page": pdfs.make_pdf([page_1, page_2]),
        "generated-3-page": pdfs.make_pdf([page_1, page_2, page_3]),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=15, help="timed runs per file (median taken)")
    parser.add_argument("--analyses", type=int, default=1000, help="analyses before reading peak RSS")
    args = parser.parse_args()

    files = {}
    if args.corpus.is_dir():
        files.update({path.name: path.read_bytes() for path in sorted(args.corpus.glob("*.pdf"))})
    else:
        print(f"(no corpus at {args.corpus}: generated resumes only)")
    files.update(generated_resumes())

    started = time.perf_counter()
    matcher = default_matcher()
    print(f"default catalog: {len(matcher.skills)} skills, compiled in {(time.perf_counter() - started) * 1000:.0f} ms")
    print(f"{'file':48} {'floor ms':>9} {'pipeline ms':>12} {'ratio':>6}")
    floors, fulls = [], []
    for name, data in files.items():
        floor_ms = timed(lambda data=data: floor(data), args.repeat)
        full_ms = timed(lambda data=data: analyse(data, matcher), args.repeat)
        floors.append(floor_ms)
        fulls.append(full_ms)
        print(f"{name[:48]:48} {floor_ms:9.1f} {full_ms:12.1f} {full_ms / floor_ms:6.2f}")
    p50_floor, p50_full = statistics.median(floors), statistics.median(fulls)
    print(f"p50: floor {p50_floor:.1f} ms, pipeline {p50_full:.1f} ms, ratio {p50_full / p50_floor:.2f} (target ≤ 3)")
    print(f"p95: floor {percentile(floors, 0.95):.1f} ms, pipeline {percentile(fulls, 0.95):.1f} ms")

    started = time.perf_counter()
    big = synthetic_matcher()
    print(f"\nsynthetic catalog: {len(big.skills)} skills, compiled in {time.perf_counter() - started:.1f} s")
    two_pages = files["generated-2-page"]
    big_ms = timed(lambda: analyse(two_pages, big), args.repeat * 2)
    print(f"2-page resume at 30k skills: p50 {big_ms:.1f} ms (target ≤ 15)")
    corpus_big = [timed(lambda data=data: analyse(data, big), 3) for data in files.values()]
    big_p50, big_p95 = statistics.median(corpus_big), percentile(corpus_big, 0.95)
    print(f"all files at 30k skills: p50 {big_p50:.1f} ms, p95 {big_p95:.1f} ms")

    datas = list(files.values())
    started = time.perf_counter()
    for index in range(args.analyses):
        analyse(datas[index % len(datas)], matcher)
    elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\n{args.analyses} analyses in {elapsed:.1f} s; peak RSS {peak_mb:.0f} MB (target ≤ 200)")
    print("(the peak includes the 30k-skill catalog, still alive in this process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
