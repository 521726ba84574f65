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
            f"{label:24} {counts['files']:5} {counts['tp']:4} {counts['fp']:4} {counts['fn']:4} {p:6.2f} {r:6.2f}"
            f" {soft_r:6.2f} {counts['trap_hits']:6} {counts['section_alarms']:>5}/{counts['section_checks']:<5}"
            f" {layout:>11}"
        )


def print_templated(matcher, quiet=False):
    kinds = {theme: facts["kind"] for theme, facts in THEMES.items()}
    for half in ("tune", "held_back"):
        figures, per_template = templated_figures(matcher, half)
        resumes = len({labels["resume"] for _, _, labels in load_templated(half)})
        title = f"templated set, {half} half ({figures['totals']['files']} PDFs of {resumes} resumes, published themes)"
        # Held-back errors are never listed one by one: they must stay unseen by the engineers tuning rules.
        print_devset(title, figures, quiet or half != "tune")
        print_templates(per_template, kinds)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quiet", action="store_true", help="Only the tables, no error lists.")
    args = parser.parse_args(argv)
    print_templated(default_matcher(), args.quiet)
    return 0


if __name__ == "__main__":
    sys.exit(main())
