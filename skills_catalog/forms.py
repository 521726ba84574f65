"""Class "same concept in another grammatical form" (issue 11): "developed seasonal menus" states Menu Development,
"reconciled vendor accounts" Account Reconciliation.

A catalog name made of an object and an activity noun ("Menu" + "Development") is also stated by a verb of that
activity followed, within a short window of the same clause, by the object in singular or plural ("developed
seasonal menus"). The verb must open its clause (or follow a conjunction) and the object must end its noun phrase,
because many of these verbs are nouns too ("plan", "design", "test"). The verb comes from the head noun by a general
derivation (`verb_bases`: -ization → -ize, -ation → -ate, -ment → stem, -ing → stem, -ion → stem…); irregular pairs
("maintenance"/"maintain", "writing"/"wrote") are declared in `data/activity_forms.json`. A name of one word that is
an activity ("Sterilization", "Brazing") is stated by its verb opening a clause ("Sterilized instruments between
cases"), and a name glued by a hyphen to its verb ("Batch-cooked gumbo", "Cite-checked briefs") by that compound.
Only names that are not flagged ambiguous and whose object words are not common function words take part.
"""

import json
import re
from pathlib import Path

from .text import british_word

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
        "before",
        "after",
        "until",
        "when",
        "between",
        "among",
        "against",
        "about",
        "without",
        "toward",
        "towards",
        "throughout",
        "alongside",
    ]
)
VOWELS = "aeiou"
# Words in -ly that say when or how often, not how: "Planned weekly lessons" is no claim of Planning.
NOT_MANNER = frozenset(["daily", "weekly", "monthly", "quarterly", "yearly", "hourly", "nightly", "early", "only"])
# Nominalising endings and the verb endings they come from, longest first: "sterilization" → "sterilize",
# "qualification" → "qualify", "rotation" → "rotate", "reconciliation" → "reconcile", "development" → "develop",
# "resolution" → "resolve".
NOMINAL_ENDINGS = (
    ("ization", ("ize",)),
    ("isation", ("ise", "ize")),
    ("ification", ("ify",)),
    ("iation", ("iate", "e")),
    ("ation", ("ate", "e", "")),
    ("ition", ("ite", "e")),
    ("ction", ("ct",)),
    ("ution", ("ve",)),
    ("ption", ("pt",)),
    ("sion", ("se", "d")),
    ("ment", ("",)),
    ("ing", ("", "e")),
    ("ysis", ("yze", "yse")),
    ("ery", ("er",)),
)
# A derived verb shorter than this is too often another word ("ring" → "r").
MIN_VERB_LENGTH = 3


def read_activity_forms(path=ACTIVITY_FORMS_FILE):
    """{activity head noun: (verb, …)}: the irregular pairs the general derivation does not make."""
    return {head: tuple(verbs) for head, verbs in json.loads(Path(path).read_text(encoding="utf-8"))["forms"].items()}


def verb_bases(head):
    """The verbs an activity noun may come from, by its nominalising ending: "sterilization" → {"sterilize"},
    "shucking" → {"shuck", "shucke"}, "planning" → {"plann", "plan", "planne"}. Wrong guesses are harmless: a form
    counts only with the name's object after it, and a guess that is no word never occurs in a resume."""
    head = singular(head) if head.endswith(("ions", "ments", "ings")) else head
    for ending, replacements in NOMINAL_ENDINGS:
        if head.endswith(ending) and len(head) > len(ending) + 2:
            stem = head[: -len(ending)]
            bases = {stem + replacement for replacement in replacements}
            if ending == "ing" and len(stem) > 2 and stem[-1] == stem[-2]:
                bases.add(stem[:-1])  # "planning" → "plan", "shopping" → "shop"
            return {base for base in bases if len(base) >= MIN_VERB_LENGTH}
    return set()


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
        irregular = read_activity_forms() if activity_forms is None else activity_forms
        self.by_object = {}  # (singular object words) -> [(head, skill, exact spellings)]
        self.single = {}  # head noun -> [skill]: a one-word activity name ("Sterilization")
        heads = set()
        for skill in skills:
            written = skill.name.split()
            words = [word.lower() for word in written]
            head, objects = words[-1], tuple(singular(word) for word in words[:-1])
            # A product's name ("JavaScript", "SQL") has no plural: "javascripts" is a typo, not its object.
            exact = tuple(word.lower() if _is_named(word) else None for word in written[:-1])
            gerund = len(words) == 2 and words[0].endswith("ing") and not words[1].endswith("ing")
            if gerund:
                # A gerund before its object ("Teaching Others", "Sourcing Candidates"): "… and teach others to …".
                head, objects = words[0], (singular(words[1]),)
                exact = (words[1] if _is_named(written[1]) else None,)
            # A soft quality's one-word name is flagged ambiguous as a word ("communication" in narration); its verb
            # states it only with a manner adverb ("Communicated clearly …", "Adapted quickly …", see `find`).
            quality = skill.kind == "soft" and not objects
            if (skill.ambiguous and not quality) or not head.isalpha() or len(objects) > MAX_OBJECT_WORDS:
                continue
            if not (head in irregular or verb_bases(head)):
                continue
            # The name's own object may be a pronoun ("Teaching Others"); elsewhere a function word is no object.
            function_word = any(word in OBJECT_STOPWORDS for word in objects) and not gerund
            if function_word or any(not word.isalpha() or len(word) < 3 for word in objects):
                continue
            heads.add(head)
            if objects:
                self.by_object.setdefault(objects, []).append((head, skill, exact))
            elif skill.name[0].isupper() and not _is_named(skill.name) and singular(head) == head:
                # A product ("jQuery", "torchvision") is no activity, and a plural names what was made or filed
                # ("Depositions", "Reservations"): neither is stated by a verb.
                self.single.setdefault(head, []).append(skill)
        # Class "British spelling": "prioritised tickets", "analysed variances" and "sanitising surfaces" too.
        for objects in list(self.by_object):
            self.by_object.setdefault(tuple(british_word(word) for word in objects), self.by_object[objects])
        self.verbs = {}  # inflected verb -> {head noun}
        for head in heads:
            for verb in verb_bases(head) | set(irregular.get(head, ())):
                for form in inflections(verb):
                    self.verbs.setdefault(form, set()).add(head)
                    self.verbs.setdefault(british_word(form), set()).add(head)

    def find(self, text, tokens):
        """[(skill, start token, end token, verb only)] for each activity name this line states in another grammatical
        form; "verb only" marks a one-word name stated by its verb alone, which the engine reads in the resume's field
        (a teacher's "scaffolded lessons" is no construction scaffolding)."""
        words = [token for token, _, _ in tokens]
        found = []
        for i, word in enumerate(words):
            if not self._opens_clause(words, tokens, text, i):
                continue
            if "-" in word:
                found += self._compound(word, i)
                continue
            heads = self.verbs.get(word)
            if not heads:
                continue
            # "Sterilized instruments between cases": a one-word activity is stated by the action verb that opens a
            # line or bullet, written capitalised: the writer's own claim. A verb further in ("… and audited logs")
            # is too often the everyday sense of the word.
            if i == 0 and text[tokens[0][1]].isupper():
                manner = len(words) > 1 and words[1].endswith("ly") and words[1] not in NOT_MANNER
                singles = [skill for head in heads for skill in self.single.get(head, ())]
                # A generic quality's verb alone is an activity ("Coordinated tows", "Planned lessons"); with a manner
                # adverb it says how the writer works ("Communicated clearly with families").
                found += [(skill, i, i + 1, True) for skill in singles if manner or not skill.ambiguous]
            for j in range(i + 1, min(i + 2 + MAX_GAP, len(words))):
                # The verb's object comes before any preposition: "communicated regularly with parents" is not
                # about communicating parents.
                if _breaks(text, tokens, j - 1, j) or (j > i + 1 and words[j - 1] in PHRASE_ENDERS):
                    break
                found += self._objects_at(words, tokens, text, j, heads, start=i)
        return found

    def _compound(self, word, i):
        """ "Batch-cooked gumbo", "Cite-checked briefs": the object glued by a hyphen to the verb."""
        *parts, verb = word.split("-")
        objects = tuple(singular(part) for part in parts)
        heads = self.verbs.get(verb, ())
        return [(skill, i, i + 1, False) for head, skill, _ in self.by_object.get(objects, ()) if head in heads]

    def _objects_at(self, words, tokens, text, j, heads, start):
        found = []
        for length in range(1, MAX_OBJECT_WORDS + 1):
            end = j + length
            if end > len(words) or (length > 1 and _breaks(text, tokens, end - 2, end - 1)):
                break
            objects = tuple(singular(word) for word in words[j:end])
            if not self._ends_phrase(words, tokens, text, end):
                continue
            for head, skill, exact in self.by_object.get(objects, ()):
                if head in heads and all(want in (None, got) for want, got in zip(exact, words[j:end], strict=True)):
                    found.append((skill, start, end, False))
        return found

    @staticmethod
    def _opens_clause(words, tokens, text, i):
        return i == 0 or words[i - 1] in VERB_LEADERS or _breaks(text, tokens, i - 1, i)

    @staticmethod
    def _ends_phrase(words, tokens, text, end):
        if end == len(words) or words[end] in PHRASE_ENDERS:
            return True
        return _breaks(text, tokens, end - 1, end)


def _breaks(text, tokens, left, right):
    """Whether the text between two tokens ends a clause; the comma of a figure ("1,200 invoices") does not."""
    between = text[tokens[left][2] : tokens[right][1]]
    if between == "," and tokens[left][0].isdigit() and tokens[right][0].isdigit():
        return False
    return bool(CLAUSE_BREAK_RE.search(between))
