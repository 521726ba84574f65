"""Finds catalog skills in resume text.

`get_matcher()` is the one selector: it returns the matcher compiled from the active catalog, rebuilt lazily in each
process when the catalog version changes. `Matcher.match(lines)` is pure and needs no database.

Matching order:
1. exact lookup of normalised token n-grams (longest first), names and aliases alike;
2. rapidfuzz `ratio` for near misses ("Kubernates"), only on tokens of 5+ characters left unmatched, and only for
   unambiguous single-word names, because short or common words score high against ordinary prose;
3. ambiguous names (Go, R, C, Swift, Excel, Access…) are kept only where the context shows a skill: in a skills
   section or next to another technical skill, written with the catalog's capitalisation, and not followed by a word
   that makes it a verb or noun in prose ("react to", "go to").
"""

import threading
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from .text import clean_text, phrase_variants, tokenize

MAX_NGRAM = 6
FUZZY_MIN_LENGTH = 5
FUZZY_MIN_SCORE = 90
# Tokens within this distance of an unambiguous technical skill make an ambiguous one credible ("Python, R, SQL").
CONTEXT_WINDOW = 6
PROSE_FOLLOWERS = frozenset(
    [
        "to",
        "the",
        "a",
        "an",
        "with",
        "into",
        "on",
        "up",
        "out",
        "over",
        "about",
        "through",
        "by",
        "from",
        "our",
        "their",
        "your",
        "my",
        "its",
        "this",
        "that",
        "his",
        "her",
        "them",
        "us",
        "me",
        "it",
        "quickly",
        "ahead",
        "beyond",
        "above",
    ]
)


@dataclass(frozen=True)
class CatalogSkill:
    id: int
    name: str
    kind: str
    category: str
    ambiguous: bool
    forms: tuple = ()


@dataclass(frozen=True)
class RoleEntry:
    name: str
    aliases: tuple
    weights: dict


@dataclass
class Line:
    page: int
    text: str
    section: str = ""


@dataclass
class SkillHit:
    skill: CatalogSkill
    evidence: list = field(default_factory=list)  # [{"page", "text", "context"}]


@dataclass
class MatchResult:
    hits: dict  # canonical name -> SkillHit, in order of first appearance

    def names(self, kind=None):
        return [name for name, hit in self.hits.items() if kind is None or hit.skill.kind == kind]


class Matcher:
    def __init__(self, skills, roles=(), version=0):
        self.version = version
        self.skills = list(skills)
        self.roles = list(roles)
        self.skills_by_name = {skill.name: skill for skill in self.skills}
        self.lookup = {}
        for skill in self.skills:
            for form in (skill.name, *skill.forms):
                for key in phrase_variants(form):
                    self.lookup.setdefault(key, skill)
        self.max_ngram = min(MAX_NGRAM, max((len(key) for key in self.lookup), default=1))
        self.fuzzy_choices = defaultdict(dict)
        for key, skill in self.lookup.items():
            if len(key) == 1 and len(key[0]) >= FUZZY_MIN_LENGTH and not skill.ambiguous:
                self.fuzzy_choices[key[0][0]][key[0]] = skill
        self._fuzzy_cache = {}

    def match(self, lines):
        """Match an iterable of `Line`s; returns a `MatchResult`."""
        hits = {}
        for line in lines:
            self._match_line(line, hits)
        return MatchResult(hits=hits)

    def _match_line(self, line, hits):
        text = clean_text(line.text)
        tokens = list(tokenize(text))
        found = []  # (start_index, end_index, skill, surface)
        i = 0
        while i < len(tokens):
            match = self._longest_match(tokens, i)
            if match:
                length, skill = match
                surface = text[tokens[i][1] : tokens[i + length - 1][2]]
                found.append((i, i + length, skill, surface))
                i += length
                continue
            parts_found = self._match_compound(tokens[i], text)
            if parts_found:
                found.extend((i, i + 1, skill, surface) for skill, surface in parts_found)
            else:
                skill = self._fuzzy(tokens[i][0])
                if skill:
                    found.append((i, i + 1, skill, text[tokens[i][1] : tokens[i][2]]))
            i += 1

        anchors = [start for start, _, skill, _ in found if not skill.ambiguous and skill.kind == "technical"]
        in_skills_section = "skill" in line.section.lower() or "technolog" in line.section.lower()
        for start, end, skill, surface in found:
            if skill.ambiguous and not self._credible(skill, surface, start, end, tokens, anchors, in_skills_section):
                continue
            hit = hits.setdefault(skill.name, SkillHit(skill=skill))
            if len(hit.evidence) < 3:
                hit.evidence.append({"page": line.page, "text": surface, "context": _context(text, surface)})

    def _longest_match(self, tokens, i):
        for length in range(min(self.max_ngram, len(tokens) - i), 0, -1):
            key = tuple(token for token, _, _ in tokens[i : i + length])
            skill = self.lookup.get(key)
            if skill:
                return length, skill
        return None

    def _match_compound(self, token, text):
        """ "Python/Django" or "HTML/CSS" are one token; try their slash-separated parts."""
        word, start, _ = token
        if "/" not in word:
            return []
        found, offset = [], start
        for part in word.split("/"):
            skill = self.lookup.get((part.strip("."),))
            if skill:
                found.append((skill, text[offset : offset + len(part)]))
            offset += len(part) + 1
        return found

    def _fuzzy(self, word):
        if len(word) < FUZZY_MIN_LENGTH or not word.isalpha():
            return None
        if word in self._fuzzy_cache:
            return self._fuzzy_cache[word]
        choices = self.fuzzy_choices.get(word[0], {})
        best = process.extractOne(word, choices.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE)
        skill = choices[best[0]] if best and abs(len(best[0]) - len(word)) <= 2 else None
        if len(self._fuzzy_cache) < 50_000:
            self._fuzzy_cache[word] = skill
        return skill

    def _credible(self, skill, surface, start, end, tokens, anchors, in_skills_section):
        if not _capitalised_like(surface, skill):
            return False
        if end < len(tokens) and tokens[end][0] in PROSE_FOLLOWERS:
            return False
        if in_skills_section:
            return True
        return any(abs(anchor - start) <= CONTEXT_WINDOW for anchor in anchors if anchor != start)


def _capitalised_like(surface, skill):
    """An ambiguous name counts only when written as a name: "Go", "GO" or "Golang", never "go"."""
    if surface.lower() != skill.name.lower():
        return surface != surface.lower() or not surface.isalpha()
    return surface == skill.name or surface.isupper()


def _context(text, surface, width=60):
    at = text.find(surface)
    start, end = max(0, at - width), min(len(text), at + len(surface) + width)
    return text[start:end].strip()


def best_role(matcher, found_names):
    """The role profile whose weighted expected skills the resume covers best."""
    found = set(found_names)
    best, best_score = None, 0.0
    for role in matcher.roles:
        total = sum(role.weights.values())
        if not total:
            continue
        covered = sum(weight for name, weight in role.weights.items() if name in found)
        score = covered / total
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


def find_role(matcher, name):
    wanted = name.strip().lower()
    for role in matcher.roles:
        if role.name.lower() == wanted or wanted in (alias.lower() for alias in role.aliases):
            return role
    return None


_cache = {"matcher": None}
_lock = threading.Lock()


def compile_catalog(version=None):
    from .models import RoleProfile, RoleSkill, Skill, SkillAlias, current_catalog_version

    version = current_catalog_version() if version is None else version
    aliases = defaultdict(list)
    for skill_id, alias in SkillAlias.objects.filter(skill__active=True).values_list("skill_id", "alias"):
        aliases[skill_id].append(alias)
    skills = [
        CatalogSkill(
            id=row[0], name=row[1], kind=row[2], category=row[3], ambiguous=row[4], forms=tuple(aliases[row[0]])
        )
        for row in Skill.objects.filter(active=True).values_list("id", "name", "kind", "category", "ambiguous")
    ]
    weights = defaultdict(dict)
    for role_id, skill_name, weight in RoleSkill.objects.filter(skill__active=True).values_list(
        "role_id", "skill__name", "weight"
    ):
        weights[role_id][skill_name] = weight
    roles = [
        RoleEntry(name=name, aliases=tuple(role_aliases or ()), weights=weights[role_id])
        for role_id, name, role_aliases in RoleProfile.objects.values_list("id", "name", "aliases")
    ]
    return Matcher(skills, roles, version=version)


def get_matcher():
    """The matcher for the current catalog version (one cheap query to check the version)."""
    from .models import current_catalog_version

    version = current_catalog_version()
    matcher = _cache["matcher"]
    if matcher is None or matcher.version != version:
        with _lock:
            matcher = _cache["matcher"]
            if matcher is None or matcher.version != version:
                matcher = compile_catalog(version)
                _cache["matcher"] = matcher
    return matcher
