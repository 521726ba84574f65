"""Role profiles against a resume's skills: the best-fitting role, its coverage, what it misses, and the skills a
job ad asks for. Used by the analysis pipeline; finding a role by name or alias is `selectors.find_role`."""

from dataclasses import dataclass

from .engine import Line


@dataclass(frozen=True)
class RoleEntry:
    name: str
    aliases: tuple
    weights: dict


def role_coverage(role, found_names):
    """The share (0-1) of a role's expected-skill weight the found skills cover; 0 for a role with no skills."""
    total = sum(role.weights.values())
    if not total:
        return 0.0
    found = set(found_names)
    return sum(weight for name, weight in role.weights.items() if name in found) / total


def best_role(matcher, found_names):
    """The role profile whose weighted expected skills the resume covers best."""
    found = set(found_names)
    best, best_score = None, 0.0
    for role in matcher.roles:
        score = role_coverage(role, found)
        if score > best_score:
            best, best_score = role, score
    return best


def missing_for_role(role, found_names, limit=15):
    found = set(found_names)
    ranked = sorted(role.weights.items(), key=lambda item: (-item[1], item[0]))
    return [name for name, _ in ranked if name not in found][:limit]


def job_description_skills(matcher, job_description):
    """Skills a job ad asks for, the most often mentioned first."""
    lines = [Line(page=0, text=text, section="skills") for text in job_description.splitlines() if text.strip()]
    hits = matcher.match(lines).hits
    order = list(hits)
    return sorted(order, key=lambda name: (-len(hits[name].evidence), order.index(name)))
