"""How often the layout facts the pipeline reports agree with the hand labels of ../shared/corpus/real.

Per file and overall: email, phone and LinkedIn found; number of columns (1, or 2 for two or more); the four text
margins within a tolerance (the labels measure them from text block boxes over all pages); and section by section
the normalised sections found (an item per section in the labels or in the report: agreement when both have it).

Usage:  .venv/bin/python bench/layout_agreement.py [--corpus DIR] [--tolerance PT] [--quiet]
"""

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analyses.pipeline.analyse import analyse  # noqa: E402
from bench.pipeline import default_matcher  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "real"
# The labels' section names ("Volunteer") against the pipeline's ("volunteering").
SECTION_NAMES = {"volunteering": "volunteer"}


def compare(layout, details, tolerance):
    """[(field, agrees, expected, reported)] for one file."""
    contact = details["contact"]
    rows = [
        ("email", bool(contact["email"]) == layout["has_email"], layout["has_email"], contact["email"]),
        ("phone", bool(contact["phone"]) == layout["has_phone"], layout["has_phone"], contact["phone"]),
        ("linkedin", bool(contact["linkedin"]) == layout["has_linkedin"], layout["has_linkedin"], contact["linkedin"]),
    ]
    columns = min(2, details["layout"]["columns"])
    rows.append(("columns", columns == min(2, layout["columns"]), layout["columns"], columns))
    for side, expected in layout["margins_pt"].items():
        reported = details["margins_pt"].get(side)
        agrees = reported is not None and abs(reported - expected) <= tolerance
        rows.append((f"margin_{side}", agrees, expected, reported))
    expected_sections = {name.lower() for name in layout["sections"]}
    found = {SECTION_NAMES.get(name, name) for name in details["sections"]}
    for name in sorted(expected_sections | found):
        rows.append(
            (f"section:{name}", name in expected_sections and name in found, name in expected_sections, name in found)
        )
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--tolerance", type=float, default=3.0, help="margin tolerance in points (default 3)")
    parser.add_argument("--quiet", action="store_true", help="only the summary")
    args = parser.parse_args()
    truth_path = args.corpus / "truth.json"
    if not truth_path.exists():
        print(f"No labelled corpus at {args.corpus}; nothing to measure.")
        return 0
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    matcher = default_matcher()
    agreed, total = 0, 0
    by_field = Counter()
    by_field_total = Counter()
    for name, entry in sorted(truth.items()):
        path = args.corpus / name
        if not path.exists():
            continue
        report = analyse(path.read_bytes(), matcher)
        rows = compare(entry["layout"], report.details, args.tolerance)
        file_agreed = sum(1 for _, ok, _, _ in rows if ok)
        agreed += file_agreed
        total += len(rows)
        for field, ok, _, _ in rows:
            kind = field.split(":")[0].split("_")[0]
            by_field[kind] += ok
            by_field_total[kind] += 1
        if not args.quiet:
            print(f"{name:48} {file_agreed:3}/{len(rows):<3} {100 * file_agreed / len(rows):5.1f}%")
            for field, ok, expected, reported in rows:
                if not ok:
                    print(f"    {field:24} expected {expected!r:12} reported {reported!r}")
    print()
    for kind in by_field_total:
        share = 100 * by_field[kind] / by_field_total[kind]
        print(f"{kind:10} {by_field[kind]:4}/{by_field_total[kind]:<4} {share:5.1f}%")
    print(f"overall agreement: {agreed}/{total} = {100 * agreed / max(1, total):.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
