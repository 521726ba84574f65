"""Skills, sections and layout figures on the templated set (resumes rendered through published JSON Resume themes),
scored by the same code as the dev set (`bench.skills_accuracy.devset_figures`), per half and per template.

Only the tune half's errors are printed one by one; the held-back half is reported as figures only, so its errors
stay unseen by whoever tunes the rules.

    .venv/bin/python -m bench.templated.accuracy [--quiet]
(bench/skills_accuracy.py prints the same report after the dev set.)
"""

import argparse
import sys
from collections import Counter, defaultdict

from bench.pipeline import default_matcher
from bench.skills_accuracy import devset_figures, prf, print_devset

from .split import THEMES, load_templated


def merge(parts):
    """One figures dict from several (the per-template ones), as if computed at once."""
    totals, fp_classes, fn_classes = Counter(), Counter(), Counter()
    by_profession = defaultdict(Counter)
    errors = []
    for figures in parts:
        totals.update(figures["totals"])
        fp_classes.update(figures["fp_classes"])
        fn_classes.update(figures["fn_classes"])
        for profession, counts in figures["by_profession"].items():
            by_profession[profession].update(counts)
        errors.extend(figures["errors"])
    return {
        "totals": totals,
        "by_profession": dict(by_profession),
        "fp_classes": fp_classes,
        "fn_classes": fn_classes,
        "errors": sorted(errors),
        "technical": prf(totals["tp"], totals["fp"], totals["fn"]),
        "soft": prf(totals["soft_tp"], totals["soft_fp"], totals["soft_fn"]),
    }


def templated_figures(matcher, split):
    """(figures of the half, {template: figures}) for one half of the templated set."""
    by_template = defaultdict(list)
    for name, pdf, labels in load_templated(split):
        by_template[labels["layout"]["theme"]].append((name, pdf, labels))
    per_template = {theme: devset_figures(matcher, resumes) for theme, resumes in sorted(by_template.items())}
    return merge(per_template.values()), per_template


def print_templates(per_template, kinds):
    print(
        f"{'template':24} {'files':>5} {'TP':>4} {'FP':>4} {'FN':>4} {'P':>6} {'R':>6} {'softR':>6} {'traps':>6}"
        f" {'sect.alarms':>11} {'layout rep.':>11}"
    )
    for theme, figures in per_template.items():
        counts = figures["totals"]
        p, r, _ = prf(counts["tp"], counts["fp"], counts["fn"])
        soft_r = figures["soft"][1]
        layout = f"{counts['layouts_reported']}/{counts['layouts_complex']}" if counts["layouts_complex"] else "-"
        label = f"{theme} ({kinds[theme]})"
        print(
            f"{label:37} {counts['files']:5} {counts['tp']:4} {counts['fp']:4} {counts['fn']:4} {p:6.2f} {r:6.2f}"
            f" {soft_r:6.2f} {counts['trap_hits']:6} {counts['section_alarms']:>5}/{counts['section_checks']:<5}"
            f" {layout:>11}"
        )


def print_kinds(per_template, kinds):
    """The same content in each layout kind: every resume is rendered once per kind."""
    by_kind = defaultdict(list)
    for theme, figures in per_template.items():
        by_kind[kinds[theme]].append(figures)
    for kind, parts in sorted(by_kind.items()):
        figures = merge(parts)
        counts = figures["totals"]
        p, r, f1 = figures["technical"]
        print(
            f"  {kind:14} {counts['files']:3} PDFs  technical P {p:.3f} R {r:.3f} F1 {f1:.3f}"
            f"  soft R {figures['soft'][1]:.3f}  trap hits {counts['trap_hits']}"
            f"  missing-section alarms {counts['section_alarms']}/{counts['section_checks']}"
        )


def print_error_classes(figures, top=10):
    """The most common error classes (false positives and negatives together), one example of each."""
    classes = Counter({f"FP {kind}": n for kind, n in figures["fp_classes"].items()})
    classes.update({f"FN {kind}": n for kind, n in figures["fn_classes"].items()})
    print(f"{top} most common error classes, one example each:")
    for label, count in classes.most_common(top):
        side, kind = label.split(" ", 1)
        example = next(
            (
                f"{name}: {line[len(side) + 1 + 15 :]}"
                for name, lines in figures["errors"]
                for line in lines
                if line.startswith(f"{side} {kind:14} ")
            ),
            "",
        )
        print(f"  {label:20} {count:4}  e.g. {example}")


def print_templated(matcher, quiet=False):
    kinds = {theme: facts["kind"] for theme, facts in THEMES.items()}
    for half in ("tune", "held_back"):
        figures, per_template = templated_figures(matcher, half)
        resumes = len({labels["resume"] for _, _, labels in load_templated(half)})
        title = f"templated set, {half} half ({figures['totals']['files']} PDFs of {resumes} resumes, published themes)"
        # Held-back errors are never listed one by one: they must stay unseen by the engineers tuning rules.
        print_devset(title, figures, quiet or half != "tune")
        totals, gaps = figures["totals"], figures["fn_classes"]["catalog_gap"]
        known = prf(totals["tp"], totals["fp"], totals["fn"] - gaps)[1]
        print(f"recall on the labels the catalog knows: {known:.3f} ({gaps} misses are catalog gaps)")
        print_templates(per_template, kinds)
        print("by layout kind (the same resumes in each):")
        print_kinds(per_template, kinds)
        if half == "tune":
            print_error_classes(figures)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quiet", action="store_true", help="Only the tables, no error lists.")
    args = parser.parse_args(argv)
    print_templated(default_matcher(), args.quiet)
    return 0


if __name__ == "__main__":
    sys.exit(main())
