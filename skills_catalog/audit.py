"""The catalog audit: aliases that may name a different concept than their skill (issue 11, "implied skills
reported as claimed"). An alias must be a synonym, an abbreviation or a spelling of its skill; a phrase for an
activity or an object that goes with the skill ("barcode scanning" → RFID, "a knowledge base" → Knowledge Base
Management) implies it and belongs in the skill's `implied_by` list instead.

`risky_aliases(rows)` flags the shapes of alias that need a person's verdict; `tests/test_catalog_audit.py` fails on
any flagged alias that `data/alias_review.json` has not recorded as a reviewed synonym."""

import json
import re
from pathlib import Path

REVIEW_FILE = Path(__file__).resolve().parent / "data" / "alias_review.json"
WORD_RE = re.compile(r"[a-z0-9+#]+")
STEM_LENGTH = 5  # "migrations"/"migration", "reconciled"/"reconciliation" share their first five letters


def _words(text):
    return WORD_RE.findall(text.lower())


# Small words an acronym skips: "Simultaneous Localization and Mapping" is SLAM.
ACRONYM_SKIPS = frozenset(["and", "of", "the", "for", "to", "in", "from", "with", "a", "an"])
# Head nouns that make a name an activity on an object: "Knowledge Base Management" is work on a knowledge base.
ACTIVITY_NOUNS = frozenset(
    _words(
        "management administration development analysis planning design qualification migration engineering testing "
        "maintenance operations processing reporting monitoring coordination scheduling"
    )
)


WORK_ITEM_NOUNS = frozenset(
    _words(
        "call calls meeting meetings drawing drawings document documents report reports session sessions visit visits "
        "ticket tickets demo demos huddle huddles standups walkthroughs"
    )
)


def _stems(text):
    return {word[:STEM_LENGTH] for word in _words(text) if len(word) > 2}


def _expands(name, alias):
    """ "simultaneous localization and mapping" spells out SLAM."""
    initials = "".join(word[0] for word in _words(alias) if word not in ACRONYM_SKIPS)
    letters = re.sub(r"[^a-z]", "", name.lower())
    return letters in (initials, initials + "s") or initials.startswith(letters) and len(letters) >= 3


def alias_risk(name, alias):
    """The class of risk of one alias, or None. Only lower-case phrases are judged: a capitalised alias is a name."""
    if alias != alias.lower() or not re.search(r"[\s-]", alias):
        return None
    alias_words, name_words = _words(alias), _words(name)
    # Class "object of the activity": the alias is the skill's name without its activity noun ("knowledge base").
    extra = set(name_words) - set(alias_words)
    if alias_words and set(alias_words) < set(name_words) and extra & ACTIVITY_NOUNS:
        return "object_of_activity"
    if _stems(alias) & _stems(name) or _expands(name, alias):
        return None
    # Class "thing or event the work is done on": a lower-case phrase ending in a noun for the calls, drawings, reports
    # or meetings a job handles ("discovery calls" → Customer Needs Analysis, "direct reports" → People Management,
    # "shop drawings" → Technical Drawing). Handling them implies the skill; the phrase does not name it.
    if alias_words and alias_words[-1] in WORK_ITEM_NOUNS:
        return "work_item"
    # Class "activity phrase": a lower-case phrase built on an -ing activity that shares no word with the name
    # ("barcode scanning" → RFID, "taking minutes" → Meeting Coordination).
    if any(word.endswith("ing") and len(word) > 5 for word in alias_words):
        return "activity_phrase"
    # Class "concept for a product": a lower-case common phrase standing for a named product or an acronym
    # ("service mesh" → Istio, "connection pooling" → PgBouncer).
    if _is_product_name(name):
        return "concept_for_product"
    return None


def _is_product_name(name):
    """One word that is not a plain word: an acronym or a product's spelling ("RFID", "PgBouncer", "minikube")."""
    return " " not in name and (name.isupper() or any(char.isupper() for char in name[1:]) or name.islower())


def risky_aliases(rows):
    """[(skill name, alias, risk class)] for every alias of every row that needs a reviewed verdict."""
    flagged = []
    for row in rows:
        for alias in row.get("aliases") or ():
            risk = alias_risk(row["name"], alias)
            if risk:
                flagged.append((row["name"], alias, risk))
    return flagged


def reviewed_synonyms(path=REVIEW_FILE):
    """{(skill name, alias)} a person checked and kept as true synonyms."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {(name, alias) for name, aliases in data["synonyms"].items() for alias in aliases}


# Class "common English word" (issue 11): a one-word form that is an everyday word ("Whisper", "Lighthouse",
# "catering") is found in any prose. It is safe when the skill is flagged ambiguous (it then counts only where the
# context shows a skill), when it is a lower-case alias of a longer name (the engine counts those only in lists),
# when it is an acronym (counted only in capitals), or when it is the skill's own name and names a field or an
# activity ("Welding", "Payroll" read in prose state the skill). Anything else needs a person's verdict.
COMMON_WORD_ZIPF = 3.0  # wordfreq's Zipf scale: 3 is about once per million words of English
FIELD_SUFFIX_RE = re.compile(r"(?:ing|tion|sion|ment|ship|ics|ogy|ry|ance|ence|ism|ity|ure)s?$")


def common_word_risk(row, form, frequency):
    """ "common_word" when `form` of catalog `row` is an everyday English word read in prose, else None.
    `frequency(word)` gives the word's Zipf frequency in English (wordfreq's `zipf_frequency(word, "en")`)."""
    if row.get("ambiguous") or " " in form or not form.isalpha():
        return None
    if form != row["name"] and form.islower() and " " in row["name"]:
        return None  # a lower-case word for a longer name: the engine counts it only as a list item
    letters = [char for char in form if char.isalpha()]
    if 2 <= len(letters) <= 5 and form.isupper():
        return None  # an acronym: counted only in capitals
    if form == row["name"] and FIELD_SUFFIX_RE.search(form.lower()):
        return None  # "Welding", "Taxation": the word is the field
    return "common_word" if frequency(form.lower()) >= COMMON_WORD_ZIPF else None


def common_word_forms(rows, frequency):
    """[(skill name, form)] for every one-word name or alias of the catalog that is a risky common word."""
    return [
        (row["name"], form)
        for row in rows
        for form in (row["name"], *(row.get("aliases") or ()))
        if common_word_risk(row, form, frequency)
    ]


def reviewed_common_words(path=REVIEW_FILE):
    """{(skill name, form)} a person checked: in a resume the word means the skill ("Python", "Payroll")."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {(name, form) for name, forms in data.get("common_words", {}).items() for form in forms}


# Class "alias shadowing a more specific skill" (issue 11): the loader keeps one skill per alias, so "GTAW" left on
# Welding keeps Gas Tungsten Arc Welding from ever being found by its abbreviation, and "reach truck" on Forklift
# Operation hides Reach Truck Operation. An alias names another skill when it is that skill's name
# (singular or plural), its name without a head noun that only says "the skill of" (Reach Truck *Operation*,
# EPA 608 *Certification*), or the initials of a skill that is a kind of the alias's own skill (GTAW, a kind of
# Welding).
SKILL_HEAD_NOUNS = frozenset(["operation", "certification", "shipping", "inspection"])


def _word_key(text):
    """The words of `text` in order, lower case, a plural "s" dropped ("Reach Trucks"); acronyms keep theirs (SSRS)."""
    words = re.findall(r"[A-Za-z0-9+#]+", text.replace("'s", ""))
    return tuple(
        (
            word[:-1]
            if len(word) > 4 and word.endswith("s") and not word.endswith("ss") and not word.isupper()
            else word
        ).lower()
        for word in words
    )


def _name_keys(name):
    words = _words(name.replace("'s", ""))
    keys = {_word_key(name)}
    if len(words) > 1 and words[-1] in SKILL_HEAD_NOUNS:
        keys.add(_word_key(name)[:-1])
    return keys


def _initials(name):
    words = [word for word in _words(name) if word not in ACRONYM_SKIPS]
    return "".join(word[0] for word in words) if len(words) >= 3 else None


def shadowing_aliases(rows):
    """[(skill name, alias, the other skill it names)] for every alias that names a different skill of `rows`."""
    by_key = {}
    for row in rows:
        for key in _name_keys(row["name"]):
            by_key.setdefault(key, set()).add(row["name"])
    by_initials = {}
    for row in rows:
        if _initials(row["name"]):
            by_initials.setdefault(_initials(row["name"]), []).append(row["name"])
    found = []
    for row in rows:
        own_keys, own_words = _name_keys(row["name"]), _word_key(row["name"])
        for alias in row.get("aliases") or ():
            if _word_key(alias) in own_keys:
                continue
            others = by_key.get(_word_key(alias), set()) - {row["name"]}
            kinds = [name for name in by_initials.get(alias.lower(), ()) if set(own_words) < set(_word_key(name))]
            found.extend((row["name"], alias, other) for other in sorted(others | set(kinds)))
    return found


# Class "a name whose own spelling is its only mark": a mixed-case name or alias ("SAFe", "LaTeX", "JavaScript")
# whose lower case is a common English word needs a person's verdict: exact-case (the lower case is another word:
# "safe", "latex") or any-case (the lower case is the same name: "javascript").
def mixed_case_common_words(rows, frequency):
    """[form] of every one-word mixed-case name or alias whose lower case is a common English word."""
    return sorted(
        {
            form
            for row in rows
            for form in (row["name"], *(row.get("aliases") or ()))
            if form.isalpha()
            and not form.isupper()
            and not form.islower()
            and form != form.capitalize()
            and frequency(form.lower()) >= COMMON_WORD_ZIPF
        }
    )


def case_verdicts(path=REVIEW_FILE):
    """(exact-case forms, any-case forms) a person recorded."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return set(data.get("exact_case", [])), set(data.get("any_case", []))
