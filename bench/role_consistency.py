"""Best-fit role consistency on the templated set (issue 11): each resume is rendered through four published themes,
so the same content should get the same best-fit role in all of them. Prints, per half, how many resumes get one
role across their PDFs; the tune half also lists each resume's roles (the held-back half stays figures only).

    LOCAL_MODE=1 .venv/bin/python -m bench.role_consistency
"""

from collections import defaultdict

from analyses.pipeline.analyse import analyse
from bench.pipeline import default_matcher
from bench.templated.split import load_templated


def roles_by_resume(matcher, split):
    """{resume id: {theme: best-fit role}} for one half of the templated set."""
    out = defaultdict(dict)
    for name, pdf, labels in load_templated(split):
        resume_id, theme = name.split("__", 1)
        source = analyse(pdf, matcher).details.get("missing_keywords_source") or {}
        # A role under the pipeline's coverage floor is not shown; it is still the choice `best_role` made.
        role = source.get("role") or f"({source.get('closest_role', '-')})"
        out[resume_id][theme] = (role, labels.get("profession", "?"))
    return out


def main():
    matcher = default_matcher()
    for split in ("tune", "held_back"):
        resumes = roles_by_resume(matcher, split)
        agreeing = sum(len({role for role, _ in themes.values()}) == 1 for themes in resumes.values())
        chosen = sum(len({role.strip("()") for role, _ in themes.values()}) == 1 for themes in resumes.values())
        print(
            f"templated {split}: {agreeing}/{len(resumes)} resumes get one best-fit role across their themes "
            f"({chosen}/{len(resumes)} counting a role under the coverage floor, shown in brackets)"
        )
        if split == "tune":
            for resume_id, themes in sorted(resumes.items()):
                roles = sorted({role for role, _ in themes.values()})
                profession = next(iter(themes.values()))[1]
                print(f"  {resume_id:28} {profession:24} {' | '.join(roles)}")


if __name__ == "__main__":
    main()
