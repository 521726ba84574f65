"""How bullets and prose are worded: numbers, action verbs, pronouns, clichés, date formats, garbled text."""

import re
from collections import Counter

# Class: a bullet opens with what the person did, as a verb in the past tense (the resume convention for past work:
# "Enforced", "Ran") or in the base form (imperative or present-tense bullets: "Run weekly audits", "Enforce safety
# rules"). Past forms are told by their shape (`_is_past_form`), for any verb of any profession. Base forms are not:
# "Record", "Team", "Experience in" have the shape of a verb, so base forms come from this list, which spans the
# professions resumes come from (care, trades, kitchens, classrooms, sales, logistics, finance, HR, software).
_VERBS = """
accelerate achieve acquire adapt administer advise advocate analyse analyze answer approve architect arrange assemble
assess audit author automate bake balance bill boost budget build calculate calibrate campaign care cater champion chair
chart clarify clean close coach code collaborate collect commission compile complete compose conceive conduct
configure consolidate construct consult contribute convert cook coordinate counsel create cultivate curate cut debug
decrease define delegate deliver deploy design detect develop devise diagnose direct discover dispatch dispense
document double draft drive earn edit educate eliminate enable enforce engineer enhance ensure enter establish estimate
evaluate execute expand expedite fabricate facilitate file fix forecast forge formulate found frame generate grade
greet grow guide halve handle head hire identify implement improve increase influence initiate innovate inspect install
instruct integrate interview introduce invent investigate invoice launch lead load lower maintain manage market
maximize measure mediate mentor merge migrate minimize model modernize monitor motivate negotiate onboard operate
optimize orchestrate organize outperform overhaul oversee pack partner perform pick pilot pioneer plan plate pour
prepare prep present prioritize process produce program promote propose prospect protect prototype provide publish
raise rebuild recommend reconcile recruit redesign reduce refactor refine regulate remodel renegotiate reorganize repair
replace report research resolve respond restructure revamp review revitalize route run sanitize save scale schedule
screen secure select sell serve ship simplify slash solve source spearhead stabilize standardize steer stock
streamline strengthen structure supervise support survey sustain teach test track train transform translate treat triage
triple troubleshoot tutor unify update upgrade upsell validate verify weld win wire write
"""
# Past forms that are not "-ed": a closed class of English. Those saying what happened to the person rather than what
# they did ("got", "became", "felt") are left out.
_IRREGULAR_PAST_WORDS = """
bought brought broke built caught chose cut dealt drew drove fed fought found flew forecast froze gave grew held
kept laid led lent made met oversaw overcame paid ran rebuilt redid reran rewrote rose sent set shot sold sought
spent spoke spun stood struck swept taught took threw undertook upheld withdrew won wove wound wrote
"""
# "-ed" words that describe the person or their state, not an action ("Skilled in", "Certified", "Experienced"), or
# that are the weak openers below ("Helped", "Assisted"), or nouns that merely end in "ed".
_NOT_ACTION_WORDS = """
accomplished assisted bilingual certified committed dedicated detailed experienced helped hundred involved licensed
motivated qualified registered seasoned skilled talented tasked worked
"""
_CONSONANTS = frozenset("bcdfghjklmnpqrstvwxz")


def _forms(verb):
    """The base form, "-s" and "-ing" forms of a listed verb; British "-ise" for "-ize"."""
    forms = {verb, verb + "s", verb + "es", verb + "ing"}
    if verb.endswith("e"):
        forms.add(verb[:-1] + "ing")
    elif verb.endswith("y") and verb[-2] in _CONSONANTS:
        forms.add(verb[:-1] + "ies")
    elif len(verb) >= 3 and verb[-1] in _CONSONANTS - {"w", "x"} and verb[-2] in "aeiou" and verb[-3] in _CONSONANTS:
        forms.add(verb + verb[-1] + "ing")  # run → running, plan → planning
    if verb.endswith("ize"):
        forms |= {form.replace("iz", "is") for form in forms}
    return forms


def _is_past_form(word, next_word):
    """A verb's past tense by its shape: "-ed" (any verb) or one of the irregular past forms."""
    if word in _IRREGULAR_PAST:
        return True
    if len(word) < 5 or not word.endswith("ed") or word in _NOT_ACTIONS:
        return False
    # "Trained in CPR", "Versed in", "Specialised in": a participle followed by "in" states a qualification.
    return next_word != "in"


ACTION_VERBS = frozenset(form for verb in _VERBS.split() for form in _forms(verb))
_IRREGULAR_PAST = frozenset(_IRREGULAR_PAST_WORDS.split())
_NOT_ACTIONS = frozenset(_NOT_ACTION_WORDS.split())
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


# A number after a word naming a level, a grade or an age says which one, not how much: "taught grade 12 students",
# "Level 3 certificate", "children aged 5 to 11", "K-12". "12 grades" or "30 years" still count.
_LABEL_NUMBER_RE = re.compile(
    r"\b(?:grades?|years?|levels?|tiers?|phases?|stages?|steps?|bands?|ages?|aged|class|form|part|section|chapter"
    r"|unit|ward|room|floor|bay|gate|pier|key stage)\s+\d+(?:\s*(?:-|–|to|and|or|&)\s*\d+)?\b|\bK-\d+\b",
    re.IGNORECASE,
)


def is_quantified(text):
    return bool(NUMBER_RE.search(_LABEL_NUMBER_RE.sub(" ", _DATE_RE.sub(" ", text))))


def starts_with_action_verb(text):
    words = [word.lower() for word in WORD_RE.findall(text[:40])]
    if not words:
        return False
    return words[0] in ACTION_VERBS or _is_past_form(words[0], words[1] if len(words) > 1 else "")


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
