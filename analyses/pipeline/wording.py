"""How bullets and prose are worded: numbers, action verbs, pronouns, clichés, date formats, garbled text."""

import re
from collections import Counter

_VERBS = """
accelerate achieve acquire adapt administer advise advocate analyse analyze architect arrange assemble assess audit
author automate balance boost budget build calculate campaign champion chair clarify close coach code collaborate
compile complete compose conceive conduct configure consolidate construct consult contribute convert coordinate
create cultivate curate cut debug decrease define delegate deliver deploy design detect develop devise diagnose direct
discover document double drive earn edit educate eliminate enable engineer enhance establish evaluate execute expand
expedite facilitate forecast forge formulate found generate grow guide halve handle head hire identify implement
improve increase influence initiate innovate inspect install instruct integrate interview introduce invent investigate
launch lead lower maintain manage market maximize measure mediate mentor merge migrate minimize model modernize monitor
motivate negotiate operate optimize orchestrate organize outperform overhaul oversee partner perform pilot pioneer plan
prepare present prioritize produce program promote propose prototype publish raise rebuild recommend reconcile recruit
redesign reduce refactor refine regulate remodel renegotiate reorganize repair replace report research resolve
restructure revamp review revitalize save scale schedule secure select sell ship simplify slash solve spearhead
standardize steer streamline strengthen structure supervise support survey sustain teach test train transform
translate triple troubleshoot unify upgrade validate win write
"""
_IRREGULAR_PAST = {
    "build": "built",
    "cut": "cut",
    "drive": "drove",
    "found": "founded",
    "grow": "grew",
    "lead": "led",
    "sell": "sold",
    "teach": "taught",
    "win": "won",
    "write": "wrote",
    "oversee": "oversaw",
    "rebuild": "rebuilt",
    "plan": "planned",
    "program": "programmed",
    "ship": "shipped",
    "slash": "slashed",
    "control": "controlled",
    "steer": "steered",
    "spearhead": "spearheaded",
}


def _forms(verb):
    forms = {verb, verb + "s", verb + "ing"}
    if verb in _IRREGULAR_PAST:
        forms.add(_IRREGULAR_PAST[verb])
    elif verb.endswith("e"):
        forms |= {verb + "d", verb[:-1] + "ing"}
    elif verb.endswith("y") and verb[-2] not in "aeiou":
        forms |= {verb[:-1] + "ied", verb[:-1] + "ies"}
    else:
        forms.add(verb + "ed")
    return forms


ACTION_VERBS = frozenset(form for verb in _VERBS.split() for form in _forms(verb))
# Openers that describe a duty instead of a result.
WEAK_OPENERS = ("responsible for", "duties included", "worked on", "helped", "assisted", "involved in", "tasked with")

# Recruiters read these as filler: they claim a quality instead of showing it.
BUZZWORDS = (
    "team player",
    "hard-working",
    "hardworking",
    "hard worker",
    "go-getter",
    "results-driven",
    "results-oriented",
    "results driven",
    "detail-oriented",
    "detail oriented",
    "self-starter",
    "self-motivated",
    "synergy",
    "think outside the box",
    "outside the box",
    "go-to person",
    "proven track record",
    "track record of success",
    "dynamic individual",
    "highly motivated",
    "passionate about",
    "rockstar",
    "ninja",
    "guru",
    "thought leader",
    "best of breed",
    "value add",
    "value-add",
    "works well under pressure",
    "hit the ground running",
    "strategic thinker",
    "excellent communication skills",
    "people person",
    "wear many hats",
    "detail-focused",
)
BUZZWORD_RE = re.compile(r"\b(?:" + "|".join(re.escape(word) for word in BUZZWORDS) + r")\b", re.IGNORECASE)

# "I", "me", "my": a resume is written without its subject. "I/O" and "Level I" are not pronouns.
PRONOUN_RE = re.compile(r"(?<![\w/.-])(?:I(?:'(?:m|ve|d|ll))?|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)(?![\w/.-])")

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
DATE_PATTERNS = {
    # May, June and July are the same written out or abbreviated: they fit either style.
    "month_name": re.compile(rf"\b({_MONTH})\b\.?\s*[',’]?\s*{_YEAR}\b"),
    "mm/yyyy": re.compile(rf"(?<![\d/.-])(?:0?[1-9]|1[0-2])/{_YEAR}\b"),
    "mm.yyyy": re.compile(rf"(?<![\d/.-])(?:0?[1-9]|1[0-2])\.{_YEAR}\b"),
    "mm-yyyy": re.compile(rf"(?<![\d/.-])(?:0?[1-9]|1[0-2])-{_YEAR}\b"),
    "yyyy-mm": re.compile(rf"\b{_YEAR}[-/.](?:0[1-9]|1[0-2])(?![\d/.-])"),
    "mm/yy": re.compile(r"(?<![\d/.-])(?:0[1-9]|1[0-2])/\d\d(?![\d/.-])"),
}
YEAR_RE = re.compile(r"(?:19|20)\d\d|/\d\d\b")
FULL_MONTHS = {"january", "february", "march", "april", "august", "september", "october", "november", "december"}

# Dates and years say when, not how much: they are removed before looking for numbers.
_DATE_RE = re.compile(
    rf"\b{_MONTH}\b\.?\s*{_YEAR}\b|(?<![\d/.-])(?:0?[1-9]|1[0-2])[/.-]{_YEAR}\b|\b{_YEAR}(?:[-/.](?:0[1-9]|1[0-2]))?\b"
)
NUMBER_RE = re.compile(r"(?<![A-Za-z])\d|[%$€£¥]|\b(?:doubled|tripled|quadrupled|halved|tenfold)\b", re.IGNORECASE)

# The commonest English function words: real prose is about a sixth of them; text drawn with an unmapped font is not.
FUNCTION_WORDS = frozenset(
    [
        "the",
        "and",
        "of",
        "in",
        "to",
        "for",
        "with",
        "a",
        "an",
        "on",
        "at",
        "by",
        "from",
        "as",
        "is",
        "was",
        "our",
        "that",
    ]
)
WORD_RE = re.compile(r"[A-Za-z]+")


def is_quantified(text):
    return bool(NUMBER_RE.search(_DATE_RE.sub(" ", text)))


def starts_with_action_verb(text):
    words = WORD_RE.findall(text[:40])
    return bool(words) and words[0].lower() in ACTION_VERBS


def starts_weak(text):
    return text.lower().lstrip().startswith(WEAK_OPENERS)


def buzzwords(text):
    """Distinct clichés in order of appearance, as written."""
    lower = text.lower()
    if not any(word in lower for word in BUZZWORDS):  # plain substring tests are ten times faster than the regex
        return []
    found = {}
    for match in BUZZWORD_RE.finditer(text):
        found.setdefault(match.group().lower(), match.group())
    return list(found.values())


def pronouns(text):
    return PRONOUN_RE.findall(text)


def date_styles(text):
    """How many dates are written in each style: month_abbr ("Jan 2020"), month_full ("January 2020"), "mm/yyyy"…"""
    styles = Counter()
    dated = "\n".join(line for line in text.splitlines() if YEAR_RE.search(line))
    for style, pattern in DATE_PATTERNS.items():
        for match in pattern.finditer(dated):
            if style != "month_name":
                styles[style] += 1
                continue
            month = match.group(1).lower()
            if month in ("may", "june", "july"):
                continue
            styles["month_full" if month in FULL_MONTHS else "month_abbr"] += 1
    return styles


def gibberish_share(text):
    """(word count, share of function words): near zero for text whose font maps glyphs to the wrong letters."""
    words = WORD_RE.findall(text)
    if not words:
        return 0, 0.0
    return len(words), sum(1 for word in words if word.lower() in FUNCTION_WORDS) / len(words)
