"""Category scores, the overall score and the summary sentence."""

from .findings import rank

DEFAULT_WEIGHTS = {"skills": 30, "contact": 15, "structure": 15, "layout": 15, "length": 10, "content": 15}
# How a 0-100 score reads, best first: (band, lowest score in it). The admin's score filter and the demo page's
# colours (through a data attribute) both use these edges.
SCORE_BANDS = (("strong", 85), ("good", 70), ("fair", 50), ("weak", 0))
# What one finding costs its category: a high-severity problem alone leaves a category at 60.
SEVERITY_PENALTY = {"high": 40, "medium": 20, "low": 10}
# A resume naming this many technical skills gets full marks for breadth.
SKILL_BREADTH_TARGET = 12


def category_scores(findings, skills_coverage, technical_count):
    scores = {category: 100 for category in DEFAULT_WEIGHTS}
    for finding in findings:
        category = finding.category if finding.category in scores else "layout"
        scores[category] -= SEVERITY_PENALTY[finding.severity]
    breadth = min(1.0, technical_count / SKILL_BREADTH_TARGET)
    coverage = skills_coverage if skills_coverage is not None else breadth
    scores["skills"] = round(100 * (0.6 * coverage + 0.4 * breadth))
    return {category: max(0, min(100, score)) for category, score in scores.items()}


def overall_score(scores, weights=None):
    weights = weights or DEFAULT_WEIGHTS
    total = sum(weights.get(category, 0) for category in scores)
    if not total:
        return 0
    value = sum(scores[category] * weights.get(category, 0) for category in scores) / total
    return max(0, min(100, int(value + 0.5)))


def summary_text(technical_skills, soft_skills, findings, scores, facts=None, role=None):
    """One or two sentences: this resume's main strength, then its most important fix."""
    strength = _strength(technical_skills, soft_skills, scores, facts or {}, role)
    return f"{strength} {_fix(findings)}".strip()


def _strength(technical_skills, soft_skills, scores, facts, role):
    count = len(technical_skills)
    bullets = facts.get("bullets") or {}
    if role and role.get("coverage", 0) >= 0.6 and count:
        return f"Covers most of what a {role['name']} needs ({count} skills incl. {_names(technical_skills[:2])})"
    if count >= 8:
        return f"Strong technical background ({count} skills incl. {_names(technical_skills[:2])})"
    if bullets.get("count", 0) >= 4 and bullets["quantified"] >= 0.5 * bullets["count"]:
        return f"Results are well quantified ({bullets['quantified']} of {bullets['count']} bullets show numbers)"
    if count >= 3:
        return f"Solid set of skills ({count} incl. {_names(technical_skills[:2])})"
    if scores.get("layout", 0) >= 90 and scores.get("structure", 0) >= 90:
        return "Clean single-column layout with every key section"
    if count:
        return f"Few technical skills recognised (only {_names(technical_skills[:2])})"
    if soft_skills:
        return f"Soft skills stand out ({_names(soft_skills[:2])}) but no technical skills were recognised"
    return "No skills from the catalog were recognised"


def _fix(findings):
    ranked = rank(findings)
    serious = [finding for finding in ranked if finding.severity != "low"][:2]
    if serious:
        return f"but it needs work: {' and '.join(_phrase(finding) for finding in serious)}."
    if ranked:
        return f"and only small fixes remain: {_phrase(ranked[0])}."
    return "and nothing stands in an ATS's way."


def _phrase(finding):
    message = finding.message
    return message if message[:2].isupper() else message[0].lower() + message[1:]


def _names(names):
    return " and ".join(names)
