"""Role profiles against a resume's skills: the best-fitting role, its coverage, what it misses, and the skills a
job ad asks for. Used by the analysis pipeline; finding a role by name or alias is `selectors.find_role`."""

import math
import re
from collections import Counter
from dataclasses import dataclass

from .engine import Line
from .job_titles import related_occupations, role_occupations, stated_occupations


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
STATED_TITLE_SHARE = 0.6


def skill_specificity(roles):
    """{skill: how specific it is to the roles expecting it}: the log of the number of roles over the roles that
    expect it, plus one (an IDF). "Emergency Medical Services" or "Nursing" names one trade; "BLS", "CPR" and
    "Patient Assessment" are expected across care."""
    expecting = Counter(name for role in roles for name in role.weights)
    total = max(len(roles), 1)
    return {name: math.log(1 + total / count) for name, count in expecting.items()}


def role_fit(role, found_names, known_found, specificity):
    """How well a role fits a resume: the geometric mean of the share of the role's weight the resume covers and the
    share of the resume's role-relevant skills (`known_found`, found skills any role expects) the role explains,
    each skill counted by its `specificity`. Coverage alone favours the smallest profile that shares a few skills (a
    chef's cooking, baking and food safety cover most of Baker); the explained share credits the role that accounts
    for the rest of the resume too. Class for the specificity: a small profile built from a neighbouring job's
    generic skills (Paramedic: BLS, ACLS, triage, IV therapy) covers an emergency nurse's list better than Registered
    Nurse, whose weight also lies in skills a resume leaves unsaid; counting each shared skill by how few roles expect
    it lets the skill that names the trade ("Nursing", "Emergency Medical Services") decide."""
    found = set(found_names)
    total = sum(weight * specificity.get(name, 0.0) for name, weight in role.weights.items())
    relevant = sum(specificity.get(name, 0.0) for name in known_found)
    if not total or not relevant:
        return 0.0
    covered = sum(weight * specificity.get(name, 0.0) for name, weight in role.weights.items() if name in found)
    explained = sum(specificity.get(name, 0.0) for name in known_found if name in role.weights)
    return (covered / total * explained / relevant) ** 0.5


def best_role(matcher, found_names, text=""):
    """The role profile that fits the resume's skills best (`role_fit`), or a role the resume names as a title (its
    name or a multi-word alias, as words of `text`) when that role's fit is close to the best. Equal fits go to the
    role with more of its weight covered, then by name, so the choice never depends on the catalog's order."""
    found = set(found_names)
    specificity = skill_specificity(matcher.roles)
    known_found = found & set(specificity)
    scored = [
        (role_fit(role, found, known_found, specificity), role_coverage(role, found), role.name, role)
        for role in matcher.roles
    ]
    scored = [item for item in scored if item[0] > 0]
    if not scored:
        return None
    top = max(scored, key=lambda item: (item[0], item[1], _reverse_name(item[2])))
    chosen = _broader_role(top, scored, found, specificity)
    if not text:
        return chosen
    lowered = text.lower()
    stated = [
        (position, item)
        for item in scored
        if item[0] >= STATED_TITLE_SHARE * top[0] and (position := _title_position(item[3], lowered)) is not None
    ]
    if not stated:
        return chosen
    # The title stated first is the resume's headline; later ones name colleagues or earlier jobs.
    return min(stated, key=lambda pair: (pair[0], -pair[1][0]))[1][3]


# Class: a short resume (a student, a new graduate) lists few skills, so it covers little of a broad profile though
# nearly all it lists belongs to one profession (C, C++, Java, Python, Linux: a software engineer). The role is its
# profession when it explains at least this share of the resume's role-relevant skills and the resume states at least
# EXPLAINED_MIN_STATED of them; fewer (one "Customer Service") is a guess.
EXPLAINED_SHARE = 0.5
EXPLAINED_MIN_STATED = 3


def explains_resume(matcher, role, found_names):
    """Whether the role accounts for most of the skills the resume states that any role expects (see above)."""
    found = set(found_names)
    known_found = found & {name for other in matcher.roles for name in other.weights}
    stated = known_found & set(role.weights)
    return len(stated) >= EXPLAINED_MIN_STATED and len(stated) >= EXPLAINED_SHARE * len(known_found)


def states_title(role, text):
    """Whether `text` names the role as a title (its name or a multi-word alias): the resume says what it is, so the
    role's profile is the right measure even when the skills found cover little of it."""
    return _title_position(role, text.lower()) is not None


# Class: a small profile built from a neighbouring job's skills (Paramedic from BLS, ACLS, triage and IV therapy) fits
# an emergency nurse's list better than the broad Registered Nurse, whose weight also lies in skills a resume leaves
# unsaid. When a bigger profile fits at least NESTED_FIT_SHARE as well and expects at least NESTED_SKILL_SHARE of the
# small one's matched skills (counted by specificity), the resume's evidence does not single out the small trade.
NESTED_FIT_SHARE = 0.75
NESTED_SKILL_SHARE = 0.6


def _broader_role(top, scored, found, specificity):
    """The best-fitting role, or the best-fitting bigger role that explains the same evidence nearly as well."""
    fit, _, _, role = top
    matched = [name for name in role.weights if name in found]
    matched_weight = sum(specificity.get(name, 0.0) for name in matched)
    broader = [
        item
        for item in scored
        if len(item[3].weights) > len(role.weights)
        and item[0] >= NESTED_FIT_SHARE * fit
        and sum(specificity.get(name, 0.0) for name in matched if name in item[3].weights)
        >= NESTED_SKILL_SHARE * matched_weight
    ]
    if not broader:
        return role
    return max(broader, key=lambda item: (item[0], item[1], _reverse_name(item[2])))[3]


def _reverse_name(name):
    """A key that makes `max` prefer the alphabetically first name on a tie."""
    return tuple(-ord(char) for char in name.lower())


def _title_position(role, lowered_text):
    """Where the text first holds the role's name or a multi-word alias as whole words, or None (one-word titles such
    as "Cook" or "Server" are ordinary words in other resumes)."""
    positions = []
    for title in (role.name, *role.aliases):
        title = str(title).lower()
        match = " " in title and re.search(rf"(?<![\w-]){re.escape(title)}(?![\w-])", lowered_text)
        if match:
            positions.append(match.start())
    return min(positions) if positions else None


# Class: the resume states its job title, the title names a known occupation the catalog has no profile for (a bank
# teller, a school counsellor), and the best-fitting profile is another occupation's (Bartender, Social Worker):
# naming that role and its keywords would mislead. The skills outweigh the stated title only when they fit the role
# (`role_fit`) as well as the best quarter of resumes fit their own profession: the upper quartile of the chosen
# roles' fits on the tune halves of the dev and templated sets (116 resumes, quartiles 0.37 / 0.51 / 0.62).
STRONG_FIT = 0.62


def fit_of(matcher, role, found_names):
    """`role_fit` of one role against the resume's skills, with the catalog's specificities."""
    found = set(found_names)
    specificity = skill_specificity(matcher.roles)
    return role_fit(role, found, found & set(specificity), specificity)


def title_conflict(matcher, role, found_names, title_lines):
    """Whether the job title the resume states (`title_lines`: its headline and first job's lines, in order; see
    `job_titles.stated_occupations`) names a known occupation that no profile covers and that is neither the role's
    nor one O*NET ranks closest to it, while the skills fit the role only weakly (below STRONG_FIT). A role whose
    occupation is unknown (a curated name that no O*NET title holds) or a title the index lacks never conflicts."""
    stated = stated_occupations(title_lines)
    if not stated or any(stated & role_occupations(other) for other in matcher.roles):
        # A profile of the stated occupation exists: choosing between profiles is `best_role`'s job.
        return False
    occupations = role_occupations(role)
    if not occupations or states_title(role, "\n".join(title_lines)):
        # The headline or the first job names the role too ("Bank Teller | Customer Service Representative").
        return False
    if occupations & related_occupations(stated) or stated & related_occupations(occupations):
        return False
    return fit_of(matcher, role, found_names) < STRONG_FIT


# Weight 1 marks a skill seen in the occupation, not expected of it (O*NET's long tail of niche software: "GNOME
# Gnutrition" for a chef, "AVEVA InTouch HMI" for an electrician). It counts towards a role's fit when stated, but
# is never suggested as a missing keyword.
MIN_SUGGESTED_WEIGHT = 2


def missing_for_role(role, found_names, limit=15):
    found = set(found_names)
    ranked = sorted(role.weights.items(), key=lambda item: (-item[1], item[0]))
    return [name for name, weight in ranked if name not in found and weight >= MIN_SUGGESTED_WEIGHT][:limit]


def role_evidence(roles, role, found_names):
    """The role's skills the resume states, the strongest evidence first: a skill's weight in the role times how
    specific it is to the role (the log of the number of roles over the roles expecting it). Class: a heavy but
    generic skill that many professions share ("Inventory Management", "Banquets" from a job ad) says less about a
    pastry chef than "Menu Planning" or "Kitchen Management", which few roles expect."""
    found = set(found_names)
    specificity = skill_specificity(roles)
    unexpected = math.log(1 + max(len(roles), 1))  # a skill no role in `roles` expects counts as if one did

    def strength(name):
        return role.weights[name] * specificity.get(name, unexpected)

    return sorted((name for name in role.weights if name in found), key=lambda name: (-strength(name), name))


def job_description_skills(matcher, job_description):
    """Skills a job ad asks for, the most often mentioned first."""
    lines = [Line(page=0, text=text, section="skills") for text in job_description.splitlines() if text.strip()]
    hits = matcher.match(lines).hits
    order = list(hits)
    return sorted(order, key=lambda name: (-len(hits[name].evidence), order.index(name)))
