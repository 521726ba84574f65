"""Precision / recall / F1 of technical and soft skills on the hand-labelled real resumes in ../shared/corpus/real.

The real pipeline (`analyses.pipeline.analyse.analyse`) runs on each PDF with a matcher compiled from the shipped
default catalog (`skills_catalog/data/`), no database needed. Scoring follows the corpus README:
- `uncertain` labels count neither way (a prediction that is an uncertain label is ignored);
- cloud services are folded into their provider ("EC2" → "AWS"), as the labels are;
- a label is compared by the catalog's canonical name when the catalog knows it ("Azure" → "Microsoft Azure"),
  so naming differences between labeller and catalog are not counted as errors; labels the catalog does not know at
  all are listed as catalog gaps (they count as misses).

Usage:  .venv/bin/python bench/skills_accuracy.py [--corpus DIR] [--quiet]
"""

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analyses.pipeline.analyse import analyse  # noqa: E402
from skills_catalog.files import read_default_catalog  # noqa: E402
from skills_catalog.matcher import matcher_from_rows  # noqa: E402
from skills_catalog.text import phrase_variants  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "real"
# Provider prefixes: a service written with its provider's name folds into the provider, as the labels do.
PARENTHESISED_RE = re.compile(r"^(.+?)\s*\(([^()]+)\)$")
PROVIDER_PREFIXES = {"aws ": "AWS", "amazon ": "AWS", "azure ": "Microsoft Azure", "google cloud ": "Google Cloud"}


def label_forms(label):
    """A label as written, then its name without a trailing "(ACRONYM)", then the acronym: "Single Sign-On (SSO)"."""
    yield label
    spelled = PARENTHESISED_RE.match(label)
    if spelled:
        yield spelled.group(1)
        yield spelled.group(2)


def canonical(matcher, label):
    """The catalog's canonical name for a label, or the label itself when the catalog does not know it."""
    for form in label_forms(label):
        for key in phrase_variants(form):
            skill = matcher.lookup.get(key)
            if skill is not None:
                return skill.name, True
    return label, False


def fold(matcher, name):
    for prefix, provider in PROVIDER_PREFIXES.items():
        if name.lower().startswith(prefix):
            return canonical(matcher, provider)[0]
    return name


def score_file(matcher, entry, report):
    truth, gaps = set(), []
    for label in entry["technical_skills"]:
        name, known = canonical(matcher, label)
        truth.add(fold(matcher, name))
        if not known:
            gaps.append(label)
    uncertain = {fold(matcher, canonical(matcher, label)[0]) for label in entry.get("uncertain", [])}
    for provider, services in (entry.get("cloud_services_folded") or {}).items():
        provider_name = canonical(matcher, provider)[0]
        folded = {canonical(matcher, service)[0] for service in services}
        uncertain |= folded - {provider_name}
    predicted = {fold(matcher, name) for name in report.technical_skills}
    predicted -= uncertain - truth
    true_positives = predicted & truth
    false_positives = predicted - truth
    false_negatives = truth - predicted
    return true_positives, false_positives, false_negatives, gaps


def score_soft_file(matcher, entry, report):
    """Soft skills: the labels the text states outright, against the report's `soft_skills` (uncertain ignored)."""
    truth = {canonical(matcher, label)[0] for label in entry.get("soft_skills", [])}
    gaps = [label for label in entry.get("soft_skills", []) if not canonical(matcher, label)[1]]
    uncertain = {canonical(matcher, label)[0] for label in entry.get("uncertain", [])}
    predicted = set(report.soft_skills) - (uncertain - truth)
    return predicted & truth, predicted - truth, truth - predicted, gaps


def prf(tp, fp, fn):
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--quiet", action="store_true", help="Only the table, no error lists.")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not (corpus / "truth.json").exists():
        print(f"No corpus at {corpus} (expected truth.json and PDFs there); nothing to measure.")
        return 0

    skill_rows, role_rows = read_default_catalog()
    started = time.perf_counter()
    matcher = matcher_from_rows(skill_rows, role_rows)
    compile_ms = (time.perf_counter() - started) * 1000
    truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    print(f"catalog: {len(matcher.skills)} skills, {len(matcher.roles)} roles, compiled in {compile_ms:.0f} ms")
    reports = {}
    for filename in sorted(truth):
        path = corpus / filename
        if path.exists():
            reports[filename] = analyse(path.read_bytes(), matcher)
    technical = print_table("Technical skills", matcher, truth, reports, score_file)
    soft = print_table("Soft skills", matcher, truth, reports, score_soft_file)
    if args.quiet:
        return 0
    for title, details in (("technical", technical), ("soft", soft)):
        print(f"\nFalse positives (with the text that matched) and false negatives, {title} skills:")
        print_errors(details)
    return 0


def print_table(title, matcher, truth, reports, scorer):
    print(f"\n{title}")
    print(f"{'file':48} {'TP':>4} {'FP':>4} {'FN':>4} {'P':>6} {'R':>6} {'F1':>6}")
    totals = [0, 0, 0]
    details = []
    for filename, report in reports.items():
        tp, fp, fn, gaps = scorer(matcher, truth[filename], report)
        totals = [totals[0] + len(tp), totals[1] + len(fp), totals[2] + len(fn)]
        precision, recall, f1 = prf(len(tp), len(fp), len(fn))
        print(f"{filename:48} {len(tp):4} {len(fp):4} {len(fn):4} {precision:6.2f} {recall:6.2f} {f1:6.2f}")
        details.append((filename, fp, fn, gaps, report.details["skill_evidence"]))
    precision, recall, f1 = prf(*totals)
    print(f"{'MICRO':48} {totals[0]:4} {totals[1]:4} {totals[2]:4} {precision:6.3f} {recall:6.3f} {f1:6.3f}")
    return details


def print_errors(details):
    for filename, fp, fn, gaps, evidence in details:
        if not (fp or fn):
            continue
        print(f"\n{filename}")
        for name in sorted(fp):
            first = evidence.get(name, [{}])[0]
            print(f"  FP {name!r:32} p{first.get('page')} {first.get('text')!r}  … {first.get('context', '')!r}")
        for name in sorted(fn):
            tag = "  (not in catalog)" if name in gaps else ""
            print(f"  FN {name!r}{tag}")


if __name__ == "__main__":
    sys.exit(main())
