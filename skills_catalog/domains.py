"""Class "cross-domain acronym" (issue 11): the broad fields (software, engineering, healthcare, finance…) of the
catalog's categories, as `data/domains.json` declares them. "EMT" on an electrician's resume is conduit, on a
paramedic's Emergency Medical Services: an acronym met only in prose counts when the resume states another skill of
one of its fields. The categories are the catalog's own; one not declared is a field of its own."""

import json
from collections import Counter
from functools import lru_cache
from pathlib import Path

DOMAINS_FILE = Path(__file__).resolve().parent / "data" / "domains.json"
GENERAL = "general"
# O*NET categories name kinds of products and tools used across occupations, not one field.
GENERAL_PREFIXES = ("O*NET",)
MAIN_FIELD_SHARE = 1 / 3


@lru_cache(maxsize=1)
def _fields_by_category():
    declared = json.loads(DOMAINS_FILE.read_text(encoding="utf-8"))
    fields = {}
    for field, categories in declared.items():
        if field.startswith("_"):
            continue
        for category in categories:
            fields.setdefault(category, set()).add(field)
    return {category: frozenset(names) for category, names in fields.items()}


def fields_of(category):
    """The broad fields a category belongs to; `{"general"}` fits every field."""
    if category.startswith(GENERAL_PREFIXES):
        return frozenset([GENERAL])
    return _fields_by_category().get(category, frozenset([category]))


def consistent(category, stated_categories):
    """Whether a skill of `category` fits a resume whose stated skills have `stated_categories` (one entry per
    skill): it is general, or the resume states no skill of any field (general skills such as Excel belong to every
    field and say nothing), or its field is one of the resume's main ones — it holds at least `MAIN_FIELD_SHARE` of
    the skills of the resume's largest field. An electrician who lists First Aid and CPR still writes "EMT conduit"
    for tubing: two clinical skills beside twenty trade ones do not make the resume clinical."""
    fields = fields_of(category)
    if GENERAL in fields:
        return True
    counts = Counter()
    for other in stated_categories:
        counts.update(fields_of(other) - {GENERAL})
    if not counts:
        return True
    largest = max(counts.values())
    return any(counts[field] >= MAIN_FIELD_SHARE * largest for field in fields)
