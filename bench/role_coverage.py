"""Role coverage (issue 11): how much of the world of work the shipped role profiles cover, and whether every resume
of the benchmark sets gets a plausible role and missing keywords.

- O*NET: the share of O*NET 29.2's occupations with a role profile, by its O*NET-SOC code (derived profiles) or by a
  title or alternate title that is a role's name or alias (curated profiles), overall and per major group.
- Resume sets (dev set, templated set, real corpus): the share whose best-fit role is plausible for the labelled
  profession, and the share with non-empty `missing_keywords`. The tune halves list each profession's roles; the
  held-back halves are figures only.

    LOCAL_MODE=1 .venv/bin/python -m bench.role_coverage --onet ../shared/onet --corpus ../shared/corpus/real
"""

import argparse
import csv
import json
from collections import Counter, defaultdict
from pathlib import Path

from analyses.pipeline.analyse import analyse
from bench.devset.generate import build_devset
from bench.pipeline import default_matcher
from bench.templated.split import load_templated
from skills_catalog.files import read_default_catalog

# The roles a person of each labelled profession may plausibly be measured against, as words of the role's name.
PLAUSIBLE = {
    "chef": ("Chef", "Cook", "Baker", "Restaurant", "Kitchen", "Food Service"),
    "compliance": ("Compliance", "Auditor", "Risk"),
    "construction_manager": ("Construction", "Cost Estimator", "Project Manager", "Civil Engineer"),
    "data_analyst": ("Data Analyst", "Data Scientist", "Business Analyst", "Financial Analyst"),
    "electrician": ("Electrician", "Electrical", "HVAC", "Maintenance"),  # the label holds HVAC and maintenance techs
    "human_resources": ("HR ", "Human Resources", "Recruiter", "Payroll", "Training"),
    "logistics": ("Logistics", "Supply Chain", "Warehouse", "Dispatcher", "Purchasing", "Transportation", "Truck"),
    "marketing": ("Marketing", "Marketer", "SEO", "Social Media", "Content"),
    "mechanical_engineer": ("Mechanical Engineer", "Industrial Engineer", "Manufacturing Engineer"),
    "paralegal": ("Paralegal", "Legal"),
    "pharmacy_technician": ("Pharmacy", "Pharmacist"),
    "registered_nurse": ("Nurse",),
    "sales": ("Sales", "Account Manager", "Account Executive", "Retail"),  # the label holds a retail store manager
    "software_engineer": ("Developer", "Software", "Engineer", "Architect"),
    "accountant": ("Accountant", "Bookkeeper", "Auditor", "Tax", "Financial Analyst"),
    "teacher": ("Teacher", "Teaching"),
    "welder": ("Welder", "Welding"),
}
# The dev set's labels name the same professions in other words.
SAME_PROFESSION = {
    "compliance_analyst": "compliance",
    "hr_generalist": "human_resources",
    "logistics_coordinator": "logistics",
    "sales_rep": "sales",
    "staff_accountant": "accountant",
}


def read_rows(path):
    with open(path, encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream, delimiter="\t"))


def onet_coverage(onet_dir, roles):
    """({major group: (occupations, covered)}, [uncovered (code, title)])."""
    codes = {role["onet_soc"] for role in roles if role.get("onet_soc")}
    titles = {name.lower() for role in roles for name in (role["name"], *(role.get("aliases") or ()))}
    occupation_titles = defaultdict(set)
    occupations = {row["O*NET-SOC Code"]: row["Title"] for row in read_rows(onet_dir / "Occupation Data.txt")}
    for code, title in occupations.items():
        occupation_titles[code].add(title.lower())
    for row in read_rows(onet_dir / "Alternate Titles.txt"):
        occupation_titles[row["O*NET-SOC Code"]].add(row["Alternate Title"].lower())
    for row in read_rows(onet_dir / "Sample of Reported Titles.txt"):
        occupation_titles[row["O*NET-SOC Code"]].add(row["Reported Job Title"].lower())
    groups = defaultdict(lambda: [0, 0])
    uncovered = []
    for code, title in sorted(occupations.items()):
        covered = code in codes or bool(occupation_titles[code] & titles)
        groups[code[:2]][0] += 1
        groups[code[:2]][1] += covered
        if not covered:
            uncovered.append((code, title))
    return dict(groups), uncovered


def plausible(profession, role):
    profession = SAME_PROFESSION.get(profession, profession)
    words = PLAUSIBLE.get(profession)
    return bool(role) and words is not None and any(word in f"{role} " for word in words)


def set_figures(matcher, resumes):
    """{"n", "plausible", "labelled", "with_missing", "by_profession": {profession: Counter(role)}}."""
    figures = {"n": 0, "plausible": 0, "labelled": 0, "with_missing": 0, "by_profession": defaultdict(Counter)}
    for profession, pdf in resumes:
        report = analyse(pdf, matcher)
        role = report.details["missing_keywords_source"].get("role")
        figures["n"] += 1
        figures["with_missing"] += bool(report.missing_keywords)
        if SAME_PROFESSION.get(profession, profession) in PLAUSIBLE:
            figures["labelled"] += 1
            figures["plausible"] += plausible(profession, role)
        closest = report.details["missing_keywords_source"].get("closest_role")
        figures["by_profession"][profession][role or f"(none; closest {closest})"] += 1
    return figures


def print_set(title, figures, listed):
    print(
        f"{title}: plausible role {figures['plausible']}/{figures['labelled']}, "
        f"missing_keywords non-empty {figures['with_missing']}/{figures['n']}"
    )
    if listed:
        for profession, roles in sorted(figures["by_profession"].items()):
            print(f"  {profession:24} {', '.join(f'{role} ×{count}' for role, count in roles.most_common())}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--onet", default="../shared/onet", help="The O*NET 29.2 text folder.")
    parser.add_argument("--corpus", default="../shared/corpus/real", help="The real corpus (truth.json and PDFs).")
    args = parser.parse_args()
    _, roles = read_default_catalog()
    onet_dir = Path(args.onet)
    if (onet_dir / "Occupation Data.txt").exists():
        groups, uncovered = onet_coverage(onet_dir, roles)
        total, covered = sum(n for n, _ in groups.values()), sum(c for _, c in groups.values())
        print(f"O*NET occupations with a role profile: {covered}/{total} ({covered / total:.0%}), {len(roles)} roles")
        print("  by major group: " + ", ".join(f"{group} {c}/{n}" for group, (n, c) in sorted(groups.items())))
    matcher = default_matcher()
    for half in ("tune", "held_back"):
        resumes = [(labels["profession"], pdf) for _, pdf, labels in build_devset(split=half)]
        print_set(f"dev set {half}", set_figures(matcher, resumes), half == "tune")
        resumes = [(labels["profession"], pdf) for _, pdf, labels in load_templated(half)]
        print_set(f"templated {half}", set_figures(matcher, resumes), half == "tune")
    corpus = Path(args.corpus)
    if (corpus / "truth.json").exists():
        truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
        resumes = [("real", (corpus / name).read_bytes()) for name in sorted(truth) if (corpus / name).exists()]
        print_set("real corpus", set_figures(matcher, resumes), True)


if __name__ == "__main__":
    main()
