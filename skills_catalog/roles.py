"""Role profiles against a resume's skills: the best-fitting role, its coverage, what it misses, and the skills a
job ad asks for. Used by the analysis pipeline; finding a role by name or alias is `selectors.find_role`."""

import re
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


# A role the resume names as a title ("Registered Nurse", "Truck Driver") is its profession when its skills cover at
# least this share of the best-covered role's: a small profile of a neighbouring trade (Licensed Practical Nurse)
# covers a nurse's few listed skills better than the broad profile of the title the resume states.
STATED_TITLE_SHARE = 0.7


def best_role(matcher, found_names, text=""):
    """The role profile whose weighted expected skills the resume covers best, or a role the resume names as a title
    (its name or a multi-word alias, as words of `text`) when that role's coverage is close to the best."""
    found = set(found_names)
    scored = [(role_coverage(role, found), role) for role in matcher.roles]
    best, best_score = None, 0.0
    for score, role in scored:
        if score > best_score:
            best, best_score = role, score
    if best is None or not text:
        return best
    lowered = text.lower()
    stated = [
        (score, role)
        for score, role in scored
        if score >= STATED_TITLE_SHARE * best_score and _names_itself(role, lowered)
    ]
    return max(stated, key=lambda item: item[0])[1] if stated else best


def _names_itself(role, lowered_text):
    """Whether the text holds the role's name or a multi-word alias as whole words (one-word titles such as "Cook" or
    "Server" are ordinary words in other resumes)."""
    for title in (role.name, *role.aliases):
        title = str(title).lower()
        if " " in title and re.search(rf"(?<![\w-]){re.escape(title)}(?![\w-])", lowered_text):
            return True
    return False


# Weight 1 marks a skill seen in the occupation, not expected of it (O*NET's long tail of niche software: "GNOME
# Gnutrition" for a chef, "AVEVA InTouch HMI" for an electrician). It counts towards a role's fit when stated, but
# is never suggested as a missing keyword.
MIN_SUGGESTED_WEIGHT = 2


def missing_for_role(role, found_names, limit=15):
    found = set(found_names)
    ranked = sorted(role.weights.items(), key=lambda item: (-item[1], item[0]))
    return [name for name, weight in ranked if name not in found and weight >= MIN_SUGGESTED_WEIGHT][:limit]


def job_description_skills(matcher, job_description):
    """Skills a job ad asks for, the most often mentioned first."""
    lines = [Line(page=0, text=text, section="skills") for text in job_description.splitlines() if text.strip()]
    hits = matcher.match(lines).hits
    order = list(hits)
    return sorted(order, key=lambda name: (-len(hits[name].evidence), order.index(name)))
