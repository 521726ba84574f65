"""Class "same concept in another grammatical form" (issue 11): "developed seasonal menus" states Menu Development,
"reconciled vendor accounts" Account Reconciliation.

A catalog name made of an object and an activity noun ("Menu" + "Development") is also stated by a verb of that
activity followed, within a short window of the same clause, by the object in singular or plural ("developed
seasonal menus"). The verb must open its clause (or follow a conjunction) and the object must end its noun phrase,
because many of these verbs are nouns too ("plan", "design", "test"). The catalog declares which
head nouns are activities and their verbs (`data/activity_forms.json`); the verbs are inflected here. Only names
that are not flagged ambiguous and whose object words are not common function words take part.
"""

import json
import re
from pathlib import Path

ACTIVITY_FORMS_FILE = Path(__file__).resolve().parent / "data" / "activity_forms.json"
# Words allowed between the verb and its object: "monitored cardiac rhythms on telemetry".
MAX_GAP = 3
MAX_OBJECT_WORDS = 2
# Punctuation that ends a clause: a verb never reaches an object past it.
CLAUSE_BREAK_RE = re.compile(r"[,;:.()|•·/]|\s[-–—]\s")
OBJECT_STOPWORDS = frozenset(
    ["a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "with", "by", "at", "from", "new", "all", "other"]
)
# Many activity verbs are also nouns ("plan", "design", "test", "report", "model"): the verb counts where a resume's
# clause starts with it ("Developed …", "I planned …") or right after a conjunction ("… and counted …").
VERB_LEADERS = frozenset(["and", "or", "then", "also", "i", "we"])
# The object must end its noun phrase: "monitored cardiac rhythms" is about rhythms, not Cardiac Monitoring, and
# "reconciled bank statements" about statements. After the object comes the clause's end or one of these words.
PHRASE_ENDERS = frozenset(
    [
        "and",
        "or",
        "for",
        "to",
        "in",
        "on",
        "at",
        "with",
        "by",
        "from",
        "of",
        "around",
        "across",
        "within",
        "into",
        "during",
        "per",
        "that",
        "which",
        "who",
        "while",
        "as",
        "via",
        "using",
        "through",
        "under",
        "over",
    ]
)
VOWELS = "aeiou"


def read_activity_forms(path=ACTIVITY_FORMS_FILE):
    """{activity head noun: (verb, …)} as the catalog declares them."""
    return {head: tuple(verbs) for head, verbs in json.loads(Path(path).read_text(encoding="utf-8"))["forms"].items()}


def inflections(verb):
    """ "plan" → plan, plans, planned, planning (and the undoubled spellings); "reconcile" → reconciled, reconciling."""
    forms = {verb, verb + "s", verb + "es"}
    stem = verb[:-1] if verb.endswith("e") and not verb.endswith("ee") else verb
    forms |= {stem + "ed", stem + "ing", verb + "d" if verb.endswith("e") else verb + "ed"}
    if len(verb) > 2 and verb[-1] not in VOWELS + "wxy" and verb[-2] in VOWELS and verb[-3] not in VOWELS:
        forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}  # plan → planned, planning
    if verb.endswith("y") and verb[-2:-1] not in tuple(VOWELS):
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    return forms


def _is_named(word):
    return any(char.isupper() for char in word[1:])


def singular(word):
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if re.search(r"(?:ches|shes|sses|xes)$", word):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


class ActivityForms:
    """Finds activity names stated by a verb and its object in a line's tokens."""

    def __init__(self, skills, activity_forms=None):
        activity_forms = read_activity_forms() if activity_forms is None else activity_forms
        self.verbs = {}  # inflected verb -> {head noun}
        for head, verbs in activity_forms.items():
            for verb in verbs:
                for form in inflections(verb):
                    self.verbs.setdefault(form, set()).add(head)
        self.by_object = {}  # (singular object words) -> [(head, skill)]
        for skill in skills:
            written = skill.name.split()
            words = [word.lower() for word in written]
            head, objects = words[-1], tuple(singular(word) for word in words[:-1])
            # A product's name ("JavaScript", "SQL") has no plural: "javascripts" is a typo, not its object.
            exact = tuple(word.lower() if _is_named(word) else None for word in written[:-1])
            if skill.ambiguous or head not in activity_forms or not 1 <= len(objects) <= MAX_OBJECT_WORDS:
                continue
            if any(not word.isalpha() or word in OBJECT_STOPWORDS or len(word) < 3 for word in objects):
                continue
            self.by_object.setdefault(objects, []).append((head, skill, exact))

    def find(self, text, tokens):
        """[(skill, start token, end token)] for each activity name this line states in another grammatical form."""
        words = [token for token, _, _ in tokens]
        found = []
        for i, word in enumerate(words):
            heads = self.verbs.get(word)
            if not heads or not self._opens_clause(words, tokens, text, i):
                continue
            for j in range(i + 1, min(i + 2 + MAX_GAP, len(words))):
                if CLAUSE_BREAK_RE.search(text[tokens[j - 1][2] : tokens[j][1]]):
                    break
                found += self._objects_at(words, tokens, text, j, heads, start=i)
        return found

    def _objects_at(self, words, tokens, text, j, heads, start):
        found = []
        for length in range(1, MAX_OBJECT_WORDS + 1):
            end = j + length
            if end > len(words) or (
                length > 1 and CLAUSE_BREAK_RE.search(text[tokens[end - 2][2] : tokens[end - 1][1]])
            ):
                break
            objects = tuple(singular(word) for word in words[j:end])
            if not self._ends_phrase(words, tokens, text, end):
                continue
            for head, skill, exact in self.by_object.get(objects, ()):
                if head in heads and all(want in (None, got) for want, got in zip(exact, words[j:end], strict=True)):
                    found.append((skill, start, end))
        return found

    @staticmethod
    def _opens_clause(words, tokens, text, i):
        return (
            i == 0
            or words[i - 1] in VERB_LEADERS
            or bool(CLAUSE_BREAK_RE.search(text[tokens[i - 1][2] : tokens[i][1]]))
        )

    @staticmethod
    def _ends_phrase(words, tokens, text, end):
        if end == len(words) or words[end] in PHRASE_ENDERS:
            return True
        return bool(CLAUSE_BREAK_RE.search(text[tokens[end - 1][2] : tokens[end][1]]))
