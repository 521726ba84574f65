"""The matching engine: finds catalog names in resume lines by n-gram lookup, then asks the acceptance rules
(`rules.py`) whether each counts. `Matcher.match(lines)` is pure and needs no database.

Matching, per line (a PDF line with its page and section):
1. exact lookup of normalised token n-grams, longest first, names and aliases alike; a name broken across two lines
   ("Software Develop-" / "ment", "IBM Notes" / "Domino") is joined first;
2. for a token nothing matched: its slash-separated parts ("Python/Django"), an OCR "l" for "I" ("Cl/CD"), its
   camel-case parts when spaces were lost ("toolslikeAnsible"), then rapidfuzz `ratio` for typos of long names
   ("Jaiascript");
3. every match is then checked against its context (`rules.accepted`).
"""

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz, process

from .domains import GENERAL, MAIN_FIELD_SHARE, consistent, fields_of
from .forms import ActivityForms
from .rules import (
    ABOUT_DOCUMENT_RE,
    NO_SKILL_SECTIONS,
    ROLE_NOUNS,
    SENTENCE_END_RE,
    SOFT_COORDINATION,
    LineContext,
    accepted,
    acronym_needs_domain,
    chained,
    degree_span,
    is_listing,
    spaced_slash_list,
    without_placeholder,
)
from .text import british_key, clean_text, join_broken_word, normalise_phrase, phrase_variants, plural_of_name, tokenize

MAX_NGRAM = 6
# Typos are looked for only in long capitalised words: short or common words score high against ordinary prose
# ("Baking" vs "Banking", "batching" vs "bathing"), and a prefix is an inflection, not a typo ("network"/"NetworkX").
FUZZY_MIN_LENGTH = 8
FUZZY_MIN_SCORE = 90
FUZZY_MAX_LENGTH_GAP = 2
# Spaces lost in the text layer ("toolslikeAnsible") are only guessed at in long tokens.
CAMEL_MIN_LENGTH = 10
VERSION_SUFFIX_RE = re.compile(r"^([A-Za-z][A-Za-z.+#-]{2,}?)[-.]?\d+(?:\.\d+)*$")
CAMEL_SPLIT_RE = re.compile(r"(?<=[a-z])(?=[A-Z])")
# "MIG and TIG welding", "MIG, TIG or stick welding": the words that join single modifiers of one head.
COORDINATORS = frozenset(["and", "or", "&"])
# After a head shared by a coordination, a word that ends the noun phrase ("… and education for new parents").
PHRASE_END_WORDS = frozenset(["for", "to", "in", "on", "at", "with", "by", "of", "across", "within", "using", "via"])
# "organizational, communication and time management skills": the noun distributes over the coordination.
DISTRIBUTED_NOUNS = frozenset(["skills", "abilities"])
CLAUSE_BREAK_RE = re.compile(r"[.;:!?()|•]")
# Class "plural of an acronym": "PLCs", "VFDs", "EHRs", "APIs" (also "PLC's"); the capitals are the acronym.
ACRONYM_PLURAL_RE = re.compile(r"^([A-Z][A-Z0-9]{1,4})'?s$")
OCR_L_RE = re.compile(r"(?<=[A-Z])l|l(?=[A-Z/])")
# An unheaded summary paragraph: its lines have at least this many words, most of them plain lower-case words.
SUMMARY_MIN_WORDS = 8


@dataclass(frozen=True)
class CatalogSkill:
    id: int
    name: str
    kind: str
    category: str
    ambiguous: bool
    forms: tuple = ()
    # Phrases that imply the skill without stating it ("daily stand-ups" → Scrum): reported apart, as inferred.
    implied_by: tuple = ()


@dataclass(frozen=True)
class Form:
    """One written form of a skill (its name or an alias) as the lookup finds it."""

    skill: CatalogSkill
    text: str
    # "DOE", "MEAN", "CLI": an acronym counts in capitals; written "Doe" or "mean" it is another word.
    acronym: bool
    # "support" for Technical Support, "testing" for Software Testing: one plain word standing for a longer name
    # is that word in prose, and the skill only as an item of a list.
    partial: bool = False
    # A phrase that implies the skill ("barcode scanning" → RFID): found, but reported as inferred, never as stated.
    implied: bool = False
    # A one-word activity stated only by its verb ("Sterilized instruments" → Sterilization): read in the resume's
    # field, as an acronym in prose is.
    verb_only: bool = False
    # Found by a verb and its object ("Resolved conflicts between …" → Conflict Resolution): a statement in itself.
    grammar: bool = False


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
    # canonical name -> SkillHit for skills only implied by an activity and never stated anywhere in the text
    inferred: dict = field(default_factory=dict)

    def names(self, kind=None):
        return [name for name, hit in self.hits.items() if kind is None or hit.skill.kind == kind]


@dataclass
class _Found:
    start: int  # token index
    end: int
    form: Form
    surface: str
    fuzzy: bool = False
    carried: int = 0  # a bridge: how many tokens of the previous line it took
    # The words of the line that state it, when the surface is not written in one piece ("MIG and TIG welding").
    quoted: str = ""


def _is_acronym(form):
    letters = [char for char in form if char.isalpha()]
    return 2 <= len(letters) <= 5 and all(char.isupper() for char in letters) and not form.isdigit()


class Matcher:
    def __init__(self, skills, roles=(), version=0):
        self.version = version
        self.skills = list(skills)
        self.roles = list(roles)
        self.skills_by_name = {skill.name: skill for skill in self.skills}
        self.lookup = {}  # token tuple -> CatalogSkill (the public view: benchmarks and tools resolve names by it)
        self.forms = {}  # token tuple -> Form
        for skill in self.skills:
            for text in (skill.name, *skill.forms):
                if text is not skill.name and text.split()[-1].lower() in ROLE_NOUNS:
                    continue
                partial = text is not skill.name and text.isalpha() and text.islower() and " " in skill.name
                form = Form(skill=skill, text=text, acronym=_is_acronym(text), partial=partial)
                for key in phrase_variants(text):
                    if key not in self.forms:
                        self.forms[key] = form
                        self.lookup[key] = skill
        # Class "plural of a multi-word name": "motor controls", "control valves" state Motor Control, Control Valve.
        # Only where no form already has that spelling, so a name of its own always wins.
        # Aliases take no plural: "balance sheets" are documents, not the Financial Statements skill.
        for skill in self.skills:
            plural = plural_of_name(skill.name)
            form = self.forms.get(normalise_phrase(skill.name)) if plural else None
            if form is not None and form.skill is skill:
                for key in phrase_variants(plural):
                    if key not in self.forms:
                        self.forms[key] = form
                        self.lookup[key] = skill
        # Class "British spelling": "behavioural therapy", "patient counselling", "organisational" state the catalog's
        # American names (and their plurals); a spelling another entry already has keeps its own meaning.
        for key, form in list(self.forms.items()):
            british = british_key(key)
            if british != key and british not in self.forms:
                self.forms[british] = form
                self.lookup[british] = form.skill
        for skill in self.skills:
            for text in skill.implied_by:
                form = Form(skill=skill, text=text, acronym=False, implied=True)
                for key in phrase_variants(text):
                    self.forms.setdefault(key, form)  # a stated form of any skill wins over an implying phrase
        self.max_ngram = min(MAX_NGRAM, max((len(key) for key in self.forms), default=1))
        # Every leading part of every form: the n-gram walk stops as soon as the words so far start no form.
        self.prefixes = {key[:length] for key in self.forms for length in range(1, len(key) + 1)}
        self.fuzzy_buckets = defaultdict(dict)  # (first letter, length) -> {word: Form}
        for key, form in self.forms.items():
            word = key[0]
            if len(key) == 1 and len(word) >= FUZZY_MIN_LENGTH and word.isalpha() and not form.skill.ambiguous:
                self.fuzzy_buckets[(word[0], len(word))][word] = form
        self._fuzzy_cache = {}
        self.activity_forms = ActivityForms(self.skills)

    def match(self, lines):
        """Match an iterable of `Line`s; returns a `MatchResult`."""
        hits, inferred, pending, order, verb_only = {}, {}, {}, {}, set()
        previous = None
        about_document = False
        lines = list(lines)
        # Only the lines above the first heading can be an unheaded summary; a resume with no heading found at all
        # ("no_headings" layouts) has no such top block to tell apart from its body.
        headed = next((index for index, line in enumerate(lines) if line.section), 0)
        summary = False
        for index, line in enumerate(_join_broken_words(lines)):
            text = spaced_slash_list(without_placeholder(clean_text(line.text)))
            summary = index < headed and _unheaded_summary(text, line.section, summary)
            if summary:
                line = Line(line.page, line.text, "summary")
            # A sentence about the document runs on over the lines it wraps onto, until it ends.
            about_document = bool(ABOUT_DOCUMENT_RE.search(text)) or (about_document and text.strip() != "")
            results = (hits, inferred, pending, order, verb_only)
            previous = self._match_line(line, text, previous, results, about_document)
            if SENTENCE_END_RE.search(text) or not text.strip():
                about_document = False
        hits = _with_domain_acronyms(hits, pending, order, verb_only)
        return MatchResult(hits=hits, inferred={name: hit for name, hit in inferred.items() if name not in hits})

    def match_text(self, text, section=""):
        """The canonical names found in plain text (one line per line): handy in a shell, a test or a job ad."""
        return self.match(Line(page=1, text=line, section=section) for line in text.splitlines()).names()

    def _match_line(self, line, text, previous, results, about_document=False):
        """Match one line into `results` = (stated hits, inferred hits); `text` is already through `clean_text`."""
        tokens = list(tokenize(text))
        found = []
        i = 0
        bridge = self._bridge(previous, line, text, tokens)
        if bridge:
            found.append(bridge)
            # A bridge into a slash-joined token took only its first part: the rest is read as usual.
            i = 0 if "/" in tokens[0][0] else bridge.end
        words = [token for token, _, _ in tokens]
        while i < len(tokens):
            match = self._longest_match(tokens, i, words)
            if match:
                length, form = match
                found.append(_Found(i, i + length, form, text[tokens[i][1] : tokens[i + length - 1][2]]))
                i += length
                continue
            extra = self._unmatched_token(tokens, i, text)
            found.extend(extra)
            i = max([i + 1, *(item.end for item in extra)])

        if line.section in NO_SKILL_SECTIONS or about_document:
            return line, text, tokens, []
        context = LineContext(text, tokens, line.section, is_listing(text, line.section), found, degree_span(text))
        kept = [
            item
            for item in found
            if (_bridge_accepted(previous, line, text, found, context) if item is bridge else accepted(item, context))
        ]
        kept += chained(found, kept, context)
        kept += [item for item in self._grammar_forms(text, tokens, found) if accepted(item, context)]
        kept += [item for item in self._distributed_skills(tokens, text, found) if accepted(item, context)]
        kept += [item for item in self._shared_heads(tokens, text, found) if accepted(item, context)]
        if bridge and bridge in kept:
            _withdraw_bridged(previous, bridge.carried)
        recorded = []
        for item in sorted(kept, key=lambda item: item.start):
            hits = results[1] if item.form.implied else results[0]
            if not item.form.implied and (item.form.verb_only or acronym_needs_domain(item, context)):
                hits = results[2]
                if item.form.verb_only:
                    results[4].add(item.form.skill.name)
            hit = hits.setdefault(item.form.skill.name, SkillHit(skill=item.form.skill))
            results[3].setdefault(item.form.skill.name, len(results[3]))
            evidence = None
            if len(hit.evidence) < 3:
                # A name wrapped across two lines ("strong time" / "management") is quoted with both lines.
                around = f"{previous[1].rstrip()} {text[tokens[0][1] :]}" if item is bridge else text
                quoted = item.quoted or item.surface
                evidence = {"page": line.page, "text": item.surface, "context": _context(around, quoted)}
                hit.evidence.append(evidence)
            recorded.append((hits, item.form.skill.name, evidence, item.start))
        return line, text, tokens, recorded

    def _grammar_forms(self, text, tokens, found):
        """Activity names stated by their verb and object ("developed seasonal menus" → Menu Development)."""
        named = {item.form.skill.name for item in found}
        extra = []
        for skill, start, end, verb_only in self.activity_forms.find(text, tokens):
            if skill.name not in named:
                named.add(skill.name)
                # A soft skill is no field's: its verb opening a bullet states it wherever it is.
                verb_only = verb_only and skill.kind == "technical"
                form = Form(skill=skill, text=skill.name, acronym=False, verb_only=verb_only, grammar=True)
                extra.append(_Found(start, end, form, text[tokens[start][1] : tokens[end - 1][2]]))
        return extra

    def _distributed_skills(self, tokens, text, found):
        """Class "soft skill stated as a claim": "organizational, communication and time management skills" says
        "organizational skills" too; a word of the coordination before "skills" that names a skill with that noun
        ("organizational skills", "analytical skills") states it."""
        covered = {index for item in found for index in range(item.start, item.end)}
        extra = []
        for end, (word, _, _) in enumerate(tokens):
            if word not in DISTRIBUTED_NOUNS:
                continue
            index = end - 1
            while index >= 0 and not CLAUSE_BREAK_RE.search(text[tokens[index][2] : tokens[index + 1][1]]):
                if index not in covered and tokens[index][0] not in SOFT_COORDINATION:
                    form = self.forms.get((tokens[index][0], word))
                    if form is None or form.implied:
                        break
                    extra.append(_Found(index, index + 1, form, text[tokens[index][1] : tokens[index][2]]))
                index -= 1
        return extra

    def _shared_heads(self, tokens, text, found):
        """Class "coordinated modifiers": in "MIG and TIG welding", "MIG, TIG or stick welding" each single modifier
        before the shared head names a catalog entry with it ("MIG welding"), as the last one does ("TIG welding")."""
        words = [token for token, _, _ in tokens]
        # A word inside a longer name is that name's ("Food Safety, Inventory Management" says no "safety management").
        inside = {index for item in found if item.end - item.start > 1 for index in range(item.start, item.end)}
        extra = []
        for item in found:
            if item.end - item.start < 2 or item.fuzzy or item.carried or item.form.implied:
                continue
            head = tuple(words[item.start + 1 : item.end])
            if tuple(words[item.start : item.end]) != normalise_phrase(item.surface):
                continue  # a slash part or a camel-case piece: not a modifier written before its head
            at, coordinated = item.start, False
            while at >= 1:
                joiner = text[tokens[at - 1][2] : tokens[at][1]].strip()
                if words[at - 1] in COORDINATORS and not joiner and at >= 2:
                    modifier = at - 2
                    joiner = text[tokens[modifier][2] : tokens[at - 1][1]].strip()
                    if joiner not in ("", ","):
                        break
                    coordinated = True
                elif joiner == "&" and words[at - 1] not in COORDINATORS:
                    modifier, coordinated = at - 1, True
                # A comma joins modifiers only in a coordination that ends with "and"/"or" ("MIG, TIG or stick
                # welding"): "customer contracts, change management" is a list of phrases.
                elif joiner == "," and coordinated and words[at - 1] not in COORDINATORS:
                    modifier = at - 1
                else:
                    break
                if modifier in inside:
                    break
                form = self.forms.get((words[modifier], *head))
                # A coordinate that names no entry with the head ("MIG, flux-core and TIG welding") is passed over.
                if form is not None and not form.implied and form.skill is not item.form.skill:
                    start, end = tokens[modifier][1], tokens[modifier][2]
                    surface = f"{text[start:end]} {text[tokens[item.start + 1][1] : tokens[item.end - 1][2]]}"
                    quoted = text[start : tokens[item.end - 1][2]]
                    extra.append(_Found(modifier, modifier + 1, form, surface, quoted=quoted))
                at = modifier
            extra += self._shared_modifier(tokens, text, item, inside)
        return extra

    def _shared_modifier(self, tokens, text, item, inside):
        """The mirror case: "patient assessment and education", "food safety and handling" name each entry the
        shared modifier makes with a single head after "and"/"or" ("patient education") that ends its phrase."""
        words = [token for token, _, _ in tokens]
        at = item.end
        if at + 1 >= len(words) or words[at] not in COORDINATORS or at + 1 in inside:
            return []
        if text[tokens[at - 1][2] : tokens[at][1]].strip() not in ("", ","):
            return []
        head = at + 1
        if text[tokens[at][2] : tokens[head][1]].strip():
            return []
        goes_on = head + 1 < len(words) and not text[tokens[head][2] : tokens[head + 1][1]].strip()
        if goes_on and words[head + 1] not in COORDINATORS | PHRASE_END_WORDS:
            return []  # "patient assessment and education plans": the head goes on
        form = self.forms.get((*words[item.start : item.end - 1], words[head]))
        if form is None or form.implied or form.skill is item.form.skill:
            return []
        start, end = tokens[item.start][1], tokens[item.end - 2][2]
        surface = f"{text[start:end]} {text[tokens[head][1] : tokens[head][2]]}"
        return [_Found(head, head + 1, form, surface, quoted=text[start : tokens[head][2]])]

    def _longest_match(self, tokens, i, words=None):
        """The longest form starting at token i: walks forward only while the words so far begin some form."""
        words = words or [token for token, _, _ in tokens]
        best, key = None, ()
        for j in range(i, min(i + self.max_ngram, len(words))):
            key = (*key, words[j])
            if key not in self.prefixes:
                break
            form = self.forms.get(key)
            if form:
                best = (j - i + 1, form)
        return best

    def _bridge(self, previous, line, text, tokens):
        """A multi-word name split over two lines of one column: "IBM Notes" / "Domino"."""
        if previous is None or not tokens:
            return None
        prev_line, prev_text, prev_tokens, _ = previous
        if prev_line.page != line.page or prev_line.section != line.section or not prev_tokens:
            return None
        if prev_text.rstrip()[-1:] in ",;.:|•)]!?":
            return None
        best = None
        for carried in range(1, min(self.max_ngram - 1, len(prev_tokens)) + 1):
            key = tuple(token for token, _, _ in prev_tokens[-carried:])
            whole = carried  # tokens of the previous line taken whole (a slash token's first parts stay its own)
            if key not in self.prefixes:  # "Forklift Operation/Shipping and" / "Receiving" (but "A/B" / "Testing")
                key = (key[0].split("/")[-1], *key[1:])
                whole = carried - 1
            if key not in self.prefixes:
                continue
            for taken in range(1, min(self.max_ngram - carried, len(tokens)) + 1):
                # "Shipping and" / "Receiving/Cycle Counting": a wrapped slash list goes on with its first part.
                word = tokens[0][0].split("/")[0] if taken == 1 else tokens[taken - 1][0]
                key = (*key, word)
                if key not in self.prefixes:
                    break
                form = self.forms.get(key)
                # A flagged name is joined only inside a skills list, where the rules still judge it.
                joinable = form and (not form.skill.ambiguous or line.section == "skills")
                if joinable and (best is None or carried + taken > best[0]):
                    surface = (
                        f"{prev_text[prev_tokens[-carried][1] :].rstrip()} {text[tokens[0][1] : tokens[taken - 1][2]]}"
                    )
                    best = (carried + taken, _Found(0, taken, form, surface, carried=whole))
        return best[1] if best else None

    def _unmatched_token(self, tokens, i, text):
        word, start, end = tokens[i]
        original = text[start:end]
        if "/" in word:
            after = tuple(token for token, _, _ in tokens[i + 1 : i + self.max_ngram])
            parts = self._slash_parts(original, i, tokens[i - 1][0] if i else None, after)
            if parts:
                return parts
        if "l" in original and any(char.isupper() for char in original):
            form = self.forms.get((OCR_L_RE.sub("I", original).lower(),))
            if form:
                return [_Found(i, i + 1, form, original, fuzzy=True)]
        if len(original) >= CAMEL_MIN_LENGTH and CAMEL_SPLIT_RE.search(original):
            parts = self._camel_parts(original, i)
            if parts:
                return parts
        plural = ACRONYM_PLURAL_RE.match(original)
        if plural:
            form = self.forms.get((plural.group(1).lower(),))
            if form is not None and form.acronym and not form.implied:
                return [_Found(i, i + 1, form, plural.group(1))]  # "PLCs", "VFDs", "APIs": an acronym's plural
        versioned = VERSION_SUFFIX_RE.match(original)
        if versioned:
            form = self.forms.get((versioned.group(1).lower(),))
            # A flagged name with a version counts only as an item of a slash list ("HTML5/CSS3/Angular2"), where
            # the acceptance rules judge it; alone, "Spring2014" may be anything.
            in_slash_list = "/" in text[max(0, start - 2) : start] or "/" in text[end : end + 2]
            if form and (not form.skill.ambiguous or in_slash_list):
                return [_Found(i, i + 1, form, original)]  # "SLES12", "Python3": a name with its version
        form = self._fuzzy(original)
        return [_Found(i, i + 1, form, original, fuzzy=True)] if form else []

    def _slash_parts(self, original, i, before, after=()):
        """ "Python/Django", "HTML5/CSS3" or "Java SE/EE" are one token; try each part (with the word before). The
        last part may start a name the next words finish (class "slash list": "Receiving/Cycle Counting")."""
        found, head = [], ()
        parts = original.split("/")
        last = parts[-1].strip(".").lower()
        for extra in range(min(len(after), self.max_ngram - 1), 0, -1):
            form = self.forms.get((last, *after[:extra]))
            if form and last:
                found.append(_Found(i, i + 1 + extra, form, " ".join([parts[-1], *after[:extra]])))
                parts = parts[:-1]
                head = after[:extra]
                break
        for part in parts:
            word = part.strip(".").lower()
            # Class "coordinated modifiers": "MIG/TIG welding" is MIG welding too.
            keys = [(word, *head)] if head else []
            keys += [(before, word)] if before else []
            keys += [(word,), (word.rstrip("0123456789."),)]  # "Bootstrap3", "HTML5"
            for key in keys:
                form = self.forms.get(key)
                if form and head and key[1:] == head:
                    found.append(_Found(i, i + 1 + len(head), form, " ".join([part, *head])))
                    break
                if form:
                    surface = f"{before} {part}" if len(key) == 2 else part
                    found.append(_Found(i - len(key) + 1, i + 1, form, surface))
                    break
        return found

    def _camel_parts(self, original, i):
        """ "toolslikeAnsible": the text layer lost its spaces; names among the pieces still count."""
        pieces = CAMEL_SPLIT_RE.split(original)
        found, j = [], 0
        while j < len(pieces):
            for length in range(min(self.max_ngram, len(pieces) - j), 0, -1):
                form = self.forms.get(tuple(piece.lower() for piece in pieces[j : j + length]))
                if form and not form.skill.ambiguous and not form.acronym:
                    found.append(_Found(i, i + 1, form, "".join(pieces[j : j + length])))
                    j += length
                    break
            else:
                j += 1
        return found

    def _fuzzy(self, word):
        if len(word) < FUZZY_MIN_LENGTH or not word.isalpha() or not word[0].isupper():
            return None
        lowered = word.lower()
        if lowered in self._fuzzy_cache:
            return self._fuzzy_cache[lowered]
        form = None
        best_score = 0
        for length in range(len(lowered) - FUZZY_MAX_LENGTH_GAP, len(lowered) + FUZZY_MAX_LENGTH_GAP + 1):
            choices = self.fuzzy_buckets.get((lowered[0], length))
            if not choices:
                continue
            best = process.extractOne(lowered, choices.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_SCORE)
            if best and best[1] > best_score and not _inflection(lowered, best[0]) and not _inflected(lowered, best[0]):
                form, best_score = choices[best[0]], best[1]
        if len(self._fuzzy_cache) < 50_000:
            self._fuzzy_cache[lowered] = form
        return form


def _with_domain_acronyms(hits, pending, order, verb_only=frozenset()):
    """Class "cross-domain acronym": an acronym met only in prose ("ran EMT conduit", "the BMS curriculum") counts
    when the resume also states its expansion or another skill of one of its fields (`domains.py`): the
    electrician's EMT is not Emergency Medical Services, the paramedic's is. Hits keep the order they were first
    seen in. A one-word activity stated by its verb alone ("Sterilized instruments" → Sterilization) needs more:
    its own field must be one of the resume's main fields, so a verb's everyday sense in another trade ("interpreted
    telemetry", "scaffolded lessons") names nothing."""
    categories = [hit.skill.category for hit in hits.values() if hit.skill.kind == "technical"]
    accepted = dict(hits)
    for name, hit in pending.items():
        fits = _in_main_field if name in verb_only else consistent
        if name not in accepted and fits(hit.skill.category, categories):
            accepted[name] = hit
    return dict(sorted(accepted.items(), key=lambda pair: order[pair[0]]))


def _unheaded_summary(text, section, continuing):
    """Class "summary without a heading": many themes print the profile paragraph under the name with no heading.
    Above the first heading, a line of prose (eight words or more, most of them plain lower-case words) is that
    summary, and so is the line it runs on to ("… direct with hiring managers," / "and persistent on …")."""
    if section:
        return False
    words = text.split()
    if continuing and words and (words[0][:1].islower() or len(words) >= SUMMARY_MIN_WORDS):
        return True
    prose = sum(word.isalpha() and word.islower() for word in words)
    return len(words) >= SUMMARY_MIN_WORDS and prose >= len(words) / 2


def _bridge_accepted(previous, line, text, found, context):
    """Class "name wrapped across two lines": the wrapped name is judged in both lines, as one would read them
    ("… with strong time" / "management, …" claims Time Management as "strong time management" does)."""
    _, prev_text, prev_tokens, _ = previous
    bridge = found[0]
    taken_back = len(normalise_phrase(bridge.surface)) - bridge.end
    if taken_back != bridge.carried:
        return accepted(bridge, context)  # "Discharge Planning/Case" / "Management": a slash list's part, as it stands
    joined = f"{prev_text.rstrip()} {text}"
    joined_tokens = list(tokenize(joined))
    offset = len(prev_tokens)
    if len(joined_tokens) != offset + len(context.tokens):
        return accepted(bridge, context)  # the lines do not split into the same words joined: judged as it stands
    moved = [replace(item, start=item.start + offset, end=item.end + offset) for item in found[1:]]
    moved.insert(0, replace(bridge, start=offset - taken_back, end=bridge.end + offset))
    listing = is_listing(joined, line.section)
    context = LineContext(joined, joined_tokens, line.section, listing, moved, degree_span(joined))
    return accepted(moved[0], context)


def _withdraw_bridged(previous, carried):
    """Class "name wrapped across two lines": "Warehouse management" / "systems" is Warehouse Management Systems
    once, not Warehouse Management too. A match the previous line recorded inside the words the bridge took back is
    withdrawn (a skill stated elsewhere keeps its other evidence)."""
    _, _, prev_tokens, recorded = previous
    for hits, name, evidence, start in recorded:
        if start < len(prev_tokens) - carried or name not in hits:
            continue
        hit = hits[name]
        if evidence is not None and evidence in hit.evidence:
            hit.evidence.remove(evidence)
        if not hit.evidence:
            del hits[name]


def _in_main_field(category, stated_categories):
    """A field of `category` (never a general one) is among the main fields of the resume's stated skills."""
    fields = fields_of(category) - {GENERAL}
    counts = Counter()
    for other in stated_categories:
        counts.update(fields_of(other) - {GENERAL})
    return bool(fields and counts) and any(counts[f] >= MAIN_FIELD_SHARE * max(counts.values()) for f in fields)


def _join_broken_words(lines):
    """Yield the lines with words hyphenated across a line break put back together on the first line."""
    pending = None
    for line in lines:
        if pending is not None:
            if pending.page == line.page:
                joined, rest = join_broken_word(pending.text, line.text)
                if joined is not pending.text:
                    pending = Line(pending.page, joined, pending.section)
                    line = Line(line.page, rest, line.section)
            yield pending
        pending = line
    if pending is not None:
        yield pending


# A word with a verb's or adverb's ending the name lacks is that word, not a typo of the name: "Documented" is not
# "DocumentDB", "Reporting" not "Reportlng".
INFLECTED_ENDINGS = ("ed", "ing", "ly")


def _inflected(word, candidate):
    return any(word.endswith(ending) and not candidate.endswith(ending) for ending in INFLECTED_ENDINGS)


def _inflection(word, candidate):
    """ "network"/"networkx", "injection"/"injections": one is the other plus an ending, not a typo of it."""
    return word.startswith(candidate) or candidate.startswith(word)


def _context(text, surface, width=60):
    """Up to `width` characters either side of the match, in whole words: a reviewer reads the snippet as it stands."""
    at = max(text.find(surface), 0)
    start, end = max(0, at - width), min(len(text), at + len(surface) + width)
    if start > 0 and not text[start - 1].isspace():
        space = text.find(" ", start, at)
        start = at if space == -1 else space + 1
    if end < len(text) and not text[end].isspace():
        space = text.rfind(" ", at + len(surface), end)
        end = at + len(surface) if space == -1 else space
    return text[start:end].strip()
