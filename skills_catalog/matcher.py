"""Compile-and-cache: the matcher for the active catalog.

`get_matcher()` is the one selector: it returns the matcher compiled from the active catalog, rebuilt lazily in each
process when the catalog version changes. `matcher_from_rows` builds one from data rows without a database. The
engine is `engine.py`, the acceptance rules `rules.py`, role scoring `roles.py`.
"""

import threading
from collections import defaultdict

from .engine import CatalogSkill, Matcher
from .files import shipped_implied_phrases
from .roles import RoleEntry


def matcher_from_rows(skill_rows, role_rows=(), version=0):
    """A matcher straight from catalog data rows (the shipped JSON or an import file), without a database."""
    skills = [
        CatalogSkill(
            id=index,
            name=row["name"],
            kind=row.get("kind", "technical"),
            category=row.get("category", ""),
            ambiguous=bool(row.get("ambiguous", False)),
            forms=tuple(row.get("aliases") or ()),
            implied_by=tuple(row.get("implied_by") or ()),
        )
        for index, row in enumerate(skill_rows, start=1)
        if row.get("active", True)
    ]
    roles = [
        RoleEntry(name=row["name"], aliases=tuple(row.get("aliases") or ()), weights=dict(row.get("skills") or {}))
        for row in role_rows
    ]
    return Matcher(skills, roles, version=version)


_cache = {"matcher": None}
_lock = threading.Lock()


def compile_catalog(version=None):
    from .models import RoleProfile, RoleSkill, Skill, SkillAlias, current_catalog_version

    version = current_catalog_version() if version is None else version
    aliases = defaultdict(list)
    for skill_id, alias in SkillAlias.objects.filter(skill__active=True).values_list("skill_id", "alias"):
        aliases[skill_id].append(alias)
    implied = shipped_implied_phrases()
    skills = [
        CatalogSkill(
            id=row[0],
            name=row[1],
            kind=row[2],
            category=row[3],
            ambiguous=row[4],
            forms=tuple(aliases[row[0]]),
            implied_by=implied.get(row[1].lower(), ()),
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
