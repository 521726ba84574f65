"""Best-fit role robustness (issue 11): how often a tune-half resume gets an implausible role when a share of its
skills is dropped at random and it states no title, the shape of a sparser resume of the same profession. It shows
which roles take other professions' resumes on their shared generic skills (a small profile built from a
neighbouring job's skills). Tune halves only: it lists the roles that take them.

    LOCAL_MODE=1 .venv/bin/python -m bench.role_robustness --draws 120
"""

import argparse
import random
from collections import Counter

from analyses.pipeline.analyse import analyse
from bench.devset.generate import build_devset
from bench.pipeline import default_matcher
from bench.role_coverage import PLAUSIBLE, SAME_PROFESSION, plausible
from bench.templated.split import load_templated
from skills_catalog.roles import best_role


def tune_resumes():
    resumes = [(labels["profession"], pdf) for _, pdf, labels in build_devset(split="tune")]
    return resumes + [(labels["profession"], pdf) for _, pdf, labels in load_templated("tune")]


def implausible_roles(matcher, resumes, draws, drop_share, seed=0):
    """(draws made, Counter of (profession, role) for the draws whose best-fit role is implausible)."""
    rng = random.Random(seed)
    taken, made = Counter(), 0
    for profession, pdf in resumes:
        if SAME_PROFESSION.get(profession, profession) not in PLAUSIBLE:
            continue
        report = analyse(pdf, matcher)
        found = sorted(set(report.technical_skills) | set(report.soft_skills))
        for _ in range(draws):
            kept = {name for name in found if rng.random() >= drop_share}
            role = best_role(matcher, kept)
            made += 1
            if role and not plausible(profession, role.name):
                taken[(profession, role.name)] += 1
    return made, taken


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=120, help="Random drops per resume.")
    parser.add_argument("--drop", type=float, default=0.35, help="The share of skills each draw drops.")
    args = parser.parse_args()
    made, taken = implausible_roles(default_matcher(), tune_resumes(), args.draws, args.drop)
    print(f"implausible role: {sum(taken.values())}/{made} ({sum(taken.values()) / max(made, 1):.1%})")
    for (profession, role), count in taken.most_common(15):
        print(f"  {profession:24} {role} ×{count}")


if __name__ == "__main__":
    main()
