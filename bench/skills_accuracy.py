"""Skills accuracy on the labelled dev set (tune and held-back halves, bench/devset) and on the hand-labelled real
resumes in ../shared/corpus/real: precision / recall / F1 of technical and soft skills, errors per class, per
profession, trap hits, and (for h11layout) missing-section false alarms and table/multi-column layouts reported.

The real pipeline (`analyses.pipeline.analyse.analyse`) runs on each PDF with a matcher compiled from the shipped
default catalog (`skills_catalog/data/`), no database needed. Scoring follows the corpus README:
- `uncertain` labels count neither way (a prediction that is an uncertain label is ignored);
- cloud services are folded into their provider ("EC2" → "AWS"), as the labels are;
- a label is compared by the catalog's canonical name when the catalog knows it ("Azure" → "Microsoft Azure"),
  so naming differences between labeller and catalog are not counted as errors; labels the catalog does not know at
  all are listed as catalog gaps (they count as misses).

Dev-set errors are put in classes: a false positive is `implied` (an inferred label reported as stated), a trap
class (its evidence is a trap phrase: `person`, `employer`, `place`…) or `other`; a false negative is `catalog_gap`
(the catalog does not know the name) or the way the skill was stated (`list`, `slash_list`, `nested_list`,
`caps_label`, `prose`, `ambiguous_prose`, `grammar_form`).

Usage:  .venv/bin/python bench/skills_accuracy.py [--corpus DIR] [--quiet] [--seed N] [--per-cell N]
"""

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analyses.pipeline.analyse import analyse  # noqa: E402
from bench.devset.generate import DEFAULT_SEED, build_devset  # noqa: E402
from skills_catalog.files import read_default_catalog  # noqa: E402
from skills_catalog.matcher import matcher_from_rows  # noqa: E402
from skills_catalog.text import phrase_variants  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "real"
LAYOUT_FINDINGS = frozenset(["multi_column", "tables"])
CHECKED_SECTIONS = ("experience", "education", "skills")  # the ones a "No … section found" finding names
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
    parser.add_argument("--quiet", action="store_true", help="Only the tables, no error lists.")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="The dev set's seed.")
    parser.add_argument("--per-cell", type=int, default=1, help="Dev-set resumes per profession x layout.")
    args = parser.parse_args()

    skill_rows, role_rows = read_default_catalog()
    started = time.perf_counter()
    matcher = matcher_from_rows(skill_rows, role_rows)
    compile_ms = (time.perf_counter() - started) * 1000
    print(f"catalog: {len(matcher.skills)} skills, {len(matcher.roles)} roles, compiled in {compile_ms:.0f} ms")

    for half in ("tune", "held_back"):
        resumes = build_devset(args.seed, args.per_cell, split=half)
        figures = devset_figures(matcher, resumes)
        # The held-back half is figures only: its errors are never printed, so they are never read while tuning.
        quiet = args.quiet or half == "held_back"
        print_devset(f"dev set, {half} half ({len(resumes)} resumes, seed {args.seed})", figures, quiet)
    from bench.templated.accuracy import print_templated  # here, not at the top: that module imports this one

    print_templated(matcher, args.quiet)

    corpus = Path(args.corpus)
    if not (corpus / "truth.json").exists():
        print(f"\nNo corpus at {corpus} (expected the real resumes and truth.json there); skipped.")
        return 0
    truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    reports = {}
    for filename in sorted(truth):
        path = corpus / filename
        if path.exists():
            reports[filename] = analyse(path.read_bytes(), matcher)
    print(f"\nReal corpus: {corpus}")
    technical = print_table("Technical skills", matcher, truth, reports, score_file)
    soft = print_table("Soft skills", matcher, truth, reports, score_soft_file)
    if args.quiet:
        return 0
    for title, details in (("technical", technical), ("soft", soft)):
        print(f"\nFalse positives (with the text that matched) and false negatives, {title} skills:")
        print_errors(details)
    return 0


def devset_figures(matcher, resumes):
    """Every figure of one half of the dev set, as plain data (the CI floor test reads it too)."""
    totals = Counter()
    by_profession = defaultdict(Counter)
    fp_classes, fn_classes = Counter(), Counter()
    errors = []
    for name, pdf, labels in resumes:
        report = analyse(pdf, matcher)
        reported = set(report.technical_skills)
        tp, fp, fn, file_errors = score_devset_file(matcher, labels, report, fp_classes, fn_classes)
        soft_truth = {canonical(matcher, label)[0] for label in labels["soft_skills"]}
        soft_found = set(report.soft_skills)
        counts = Counter(
            tp=len(tp),
            fp=len(fp),
            fn=len(fn),
            soft_tp=len(soft_found & soft_truth),
            soft_fp=len(soft_found - soft_truth),
            soft_fn=len(soft_truth - soft_found),
            trap_hits=len(trap_hits(labels, report)),
            traps=len(labels["traps"]),
            implied_hits=sum(canonical(matcher, item["skill"])[0] in reported for item in labels["inferred_skills"]),
            files=1,
        )
        codes = {finding["code"] for finding in report.details["findings"]}
        counts["section_alarms"] = sum(f"no_{section}_section" in codes for section in labels["sections"])
        counts["section_checks"] = sum(
            section in ("experience", "education", "skills") for section in labels["sections"]
        )
        if labels["layout"]["columns"] > 1 or labels["layout"]["table"]:
            counts["layouts_complex"] += 1
            counts["layouts_reported"] += bool(codes & LAYOUT_FINDINGS)
        totals.update(counts)
        by_profession[labels["profession"]].update(counts)
        errors.append((name, file_errors))
    return {
        "totals": totals,
        "by_profession": dict(by_profession),
        "fp_classes": fp_classes,
        "fn_classes": fn_classes,
        "errors": errors,
        "technical": prf(totals["tp"], totals["fp"], totals["fn"]),
        "soft": prf(totals["soft_tp"], totals["soft_fp"], totals["soft_fn"]),
    }


def score_devset_file(matcher, labels, report, fp_classes, fn_classes):
    truth = {canonical(matcher, label)[0] for label in labels["technical_skills"]}
    predicted = {canonical(matcher, name)[0] for name in report.technical_skills}
    inferred = {canonical(matcher, item["skill"])[0] for item in labels["inferred_skills"]}
    how = {}
    for statement in labels["technical_statements"]:
        how.setdefault(canonical(matcher, statement["skill"])[0], statement["how"])
    tp, fp, fn = predicted & truth, predicted - truth, truth - predicted
    evidence = report.details["skill_evidence"]
    file_errors = []
    for name in sorted(fp):
        trap = trap_for(labels, evidence.get(name, []))
        kind = "implied" if name in inferred else trap["class"] if trap else "other"
        fp_classes[kind] += 1
        first = (evidence.get(name) or [{}])[0]
        file_errors.append(f"FP {kind:14} {name!r} ← {first.get('context', '')!r}")
    for name in sorted(fn):
        kind = how.get(name, "list") if canonical(matcher, name)[1] else "catalog_gap"
        fn_classes[kind] += 1
        file_errors.append(f"FN {kind:14} {name!r}")
    return tp, fp, fn, file_errors


def trap_for(labels, evidence):
    """The trap whose phrase a skill was found in, or None."""
    for item in evidence:
        context = " ".join(item.get("context", "").split()).lower()
        for trap in labels["traps"]:
            text = " ".join(trap["text"].split()).lower()
            if item.get("text", "").lower() in text and (context in text or text in context):
                return trap
    return None


def trap_hits(labels, report):
    """The traps some reported technical or soft skill was found in."""
    hit = []
    for name, evidence in report.details["skill_evidence"].items():
        trap = trap_for(labels, evidence)
        if trap and trap not in hit and name in set(report.technical_skills) | set(report.soft_skills):
            hit.append(trap)
    return hit


def print_devset(title, figures, quiet=False):
    totals = figures["totals"]
    precision, recall, f1 = figures["technical"]
    soft_p, soft_r, _ = figures["soft"]
    print(f"\n{title}")
    print(
        f"technical P {precision:.3f} R {recall:.3f} F1 {f1:.3f}"
        f" (TP {totals['tp']} FP {totals['fp']} FN {totals['fn']})"
        f" · soft P {soft_p:.3f} R {soft_r:.3f} · trap hits {totals['trap_hits']}/{totals['traps']}"
        f" · implied reported {totals['implied_hits']}"
    )
    print(
        f"missing-section false alarms {totals['section_alarms']}/{totals['section_checks']}"
        f" · table/multi-column layouts reported {totals['layouts_reported']}/{totals['layouts_complex']}"
    )
    print("false positives by class: " + (", ".join(f"{k} {v}" for k, v in figures["fp_classes"].most_common()) or "-"))
    print("false negatives by class: " + (", ".join(f"{k} {v}" for k, v in figures["fn_classes"].most_common()) or "-"))
    print(f"{'profession':24} {'TP':>4} {'FP':>4} {'FN':>4} {'P':>6} {'R':>6} {'softR':>6} {'traps':>6}")
    for profession, counts in sorted(figures["by_profession"].items()):
        p, r, _ = prf(counts["tp"], counts["fp"], counts["fn"])
        soft_r = prf(counts["soft_tp"], counts["soft_fp"], counts["soft_fn"])[1]
        print(
            f"{profession:24} {counts['tp']:4} {counts['fp']:4} {counts['fn']:4} {p:6.2f} {r:6.2f} {soft_r:6.2f}"
            f" {counts['trap_hits']:6}"
        )
    if quiet:
        return
    for name, file_errors in figures["errors"]:
        if file_errors:
            print(f"  {name}")
            for line in file_errors:
                print(f"    {line}")


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
