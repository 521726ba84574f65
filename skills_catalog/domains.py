"""Class "cross-domain acronym" (issue 11): the broad fields (software, engineering, healthcare, finance…) of the
catalog's categories, as `data/domains.json` declares them. "EMT" on an electrician's resume is conduit, on a
paramedic's Emergency Medical Services: an acronym met only in prose counts when the resume states another skill of
one of its fields. The categories are the catalog's own; one not declared is a field of its own."""

import json
from functools import lru_cache
from pathlib import Path

DOMAINS_FILE = Path(__file__).resolve().parent / "data" / "domains.json"
GENERAL = "general"
# O*NET categories name kinds of products and tools used across occupations, not one field.
GENERAL_PREFIXES = ("O*NET",)


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
    """Whether a skill of `category` fits a resume that states skills of `stated_categories`: its field is among
    theirs, or it is general, or the resume states no skill of any field (nothing contradicts it; general skills
    such as Excel belong to every field and so say nothing)."""
    fields = fields_of(category)
    stated = set()
    for other in stated_categories:
        stated |= fields_of(other)
    stated.discard(GENERAL)
    return GENERAL in fields or not stated or bool(fields & stated)
