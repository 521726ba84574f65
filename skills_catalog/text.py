"""Text normalisation and tokenising shared by the catalog compiler and the matcher.

Tokens keep `+`, `#`, `.` and `/` inside or at the end of a word so that "C++", "C#", ".NET", "Node.js" and "CI/CD"
survive; a hyphen joins a token ("go-to-market" is one token, so it never yields "Go").
"""

import functools
import re
import unicodedata

# A token: an optional leading dot (".NET"), then word characters joined by . / - & ' and ending in + or # runs.
TOKEN_RE = re.compile(r"\.?[^\W_](?:[^\W_]|[./\-&'’](?=[^\W_]))*[+#]*")
SOFT_HYPHEN = "\u00ad"
DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-")
# "Kuber-\nnetes": a word broken across lines by a hyphen is joined back.
LINE_BREAK_HYPHEN_RE = re.compile(r"(?<=[^\W\d_])-\s*\n\s*(?=[^\W\d_])")
# Word processors write a hyphen as soft hyphen + dash ("on-\u00ad\u2010campus"): one hyphen is meant.
HYPHEN_RUN_RE = re.compile(r"(?<=[^\W_])-{2,}(?=[^\W_])")
# Private-use code points are icon-font glyphs (FontAwesome and friends), never text.
PRIVATE_USE_RE = re.compile("[\ue000-\uf8ff]")
# A word that ends a line with a hyphen ("Develop-", "Con\u00ad") continues on the next line.
BROKEN_WORD_END_RE = re.compile(r"[^\W\d_][-\u00ad\u2010\u2011]$")
CONTINUATION_RE = re.compile(r"^\s*([^\W\d_][\w.+#]*)(.*)$", re.DOTALL)


def clean_text(text):
    """NFKC (ligatures, full-width forms), unified dashes, soft hyphens, icon glyphs and line-break hyphens removed."""
    text = unicodedata.normalize("NFKC", text).replace(SOFT_HYPHEN, "").translate(DASHES)
    text = PRIVATE_USE_RE.sub(" ", text)
    text = HYPHEN_RUN_RE.sub("-", text)
    return LINE_BREAK_HYPHEN_RE.sub("", text)


def tokenize(text):
    """Yield (token_lower, start, end) for each token of already-cleaned text."""
    for match in TOKEN_RE.finditer(text):
        yield match.group().lower(), match.start(), match.end()


def normalise_phrase(phrase):
    """The token tuple a catalog name or alias is looked up by."""
    return tuple(token for token, _, _ in tokenize(clean_text(phrase)))


def phrase_variants(phrase):
    """A name plus its hyphen variants: "front-end" also as "front end" and "frontend"."""
    keys = {normalise_phrase(phrase)}
    if "-" in phrase:
        keys.add(normalise_phrase(phrase.replace("-", " ")))
        keys.add(normalise_phrase(phrase.replace("-", "")))
    return {key for key in keys if key}


def join_broken_word(text, next_text):
    """("Software Develop-", "ment, Consulting") → ("Software Development", ", Consulting"), else unchanged.

    Only when the next line goes on in lower case: "Co-" followed by "Invented" is a real hyphenated word.
    """
    if not BROKEN_WORD_END_RE.search(text.rstrip()):
        return text, next_text
    match = CONTINUATION_RE.match(next_text)
    if not match or not match.group(1)[0].islower() or match.group(1) in ("and", "or"):
        return text, next_text
    return text.rstrip()[:-1] + match.group(1), match.group(2)


# A word written as a plain word: lower case or capitalised ("motor", "Control"), never "PowerPoint" or "SQL".
PLAIN_WORD_RE = re.compile(r"^[A-Za-z][a-z]+$")
# Endings of nouns of activity ("configuration", "assessment", "maintenance", "testing").
ACTIVITY_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "ing", "ysis", "ure")


def plural_of_name(name):
    """ "Motor Control" → "Motor Controls", "Safety Inspection" → "Safety Inspections", "Pressure Switch" → "Pressure
    Switches"; None for one word (a plural there is often another word: "Arts", "Sales"), for a name whose last word
    is already plural, for a product's spelling ("PowerPoint", "Power BI"), and for an activity: the plural of
    "Network Configuration" or "Student Assessment" names what the activity made ("network configurations"), not
    the skill."""
    words = name.split()
    if len(words) < 2 or not all(PLAIN_WORD_RE.match(word) for word in words):
        return None
    last = words[-1].lower()
    if last.endswith(("s", *ACTIVITY_SUFFIXES)) or len(last) < 3:
        return None
    if last.endswith(("x", "z", "ch", "sh")):
        plural = last + "es"
    elif last.endswith("y") and last[-2] not in "aeiou":
        plural = last[:-1] + "ies"
    else:
        plural = last + "s"
    return " ".join([*words[:-1], plural])


# Class "British/Commonwealth spelling": a catalog word's British form, from a closed set of patterns applied to the
# catalog's own words at compile time (never to resume text: "four" is never read as "for").
# -ize/-yze → -ise/-yse ("organizational", "analyzer"); not "size", "prize", "seize", "maize" ("emphasize" is).
IZE_RE = re.compile(r"^([a-z]{2,}?)([iy])z(e|ed|es|er|ers|ing|ation|ations|ational|ationally)$")
NOT_IZE_STEMS = ("pr", "se", "ma", "ba")
# -or → -our in a closed set of stems, whole words only ("laboratory", "collaborate", "AppArmor" stay).
OUR_RE = re.compile(
    r"^(behavio|labo|colo|humo|neighbo|flavo|vapo|armo|hono|favo|tumo|harbo|odo|rumo|endeavo|savo|vigo)r"
    r"(|s|al|ally|ed|ing|er|ers|ist|ists|hood|ite|ites)$"
)
# -er → -re ("center" → "centre", "fiber" → "fibre"); "parameter", "datacenter" stay.
RE_RE = re.compile(r"^(cent|theat|fib|lit|calib|lust|sab|spect|meag|somb)er(s?)$")
# A final -el after a consonant doubles its l before an ending ("modeling" → "modelling", "counselor" → "counsellor");
# only -el: "scaling", "filing", "compiler" lost an e or keep their l ("filling" is another word).
DOUBLE_L_RE = re.compile(r"^([a-z]*[^aeiouy\W]e)l(ing|ed|er|ers|or|ors)$")
# Greek and Latin ae/oe in medicine ("pediatric" → "paediatric", "anesthesia" → "anaesthesia"), at a word's start.
DIPHTHONG_STEMS = {
    "pediatr": "paediatr",
    "orthoped": "orthopaed",
    "anesth": "anaesth",
    "hemat": "haemat",
    "hemo": "haemo",
    "gynec": "gynaec",
    "leukem": "leukaem",
    "anem": "anaem",
    "ischem": "ischaem",
    "esophag": "oesophag",
    "estrogen": "oestrogen",
    "edema": "oedema",
    "fetal": "foetal",
    "fetus": "foetus",
    "etiolog": "aetiolog",
    "cesarean": "caesarean",
    "encyclopedi": "encyclopaedi",
}
BRITISH_WORDS = {
    "program": "programme",
    "programs": "programmes",
    "license": "licence",
    "licenses": "licences",
    "catalog": "catalogue",
    "catalogs": "catalogues",
    "cataloging": "cataloguing",
    "cataloged": "catalogued",
    "dialog": "dialogue",
    "analog": "analogue",
    "defense": "defence",
    "offense": "offence",
    "enroll": "enrol",
    "enrollment": "enrolment",
    "fulfill": "fulfil",
    "fulfillment": "fulfilment",
    "skillful": "skilful",
    "installment": "instalment",
    "aluminum": "aluminium",
    "judgment": "judgement",
    "artifact": "artefact",
    "artifacts": "artefacts",
    "mold": "mould",
    "molding": "moulding",
    "molds": "moulds",
    "jewelry": "jewellery",
    "aging": "ageing",
    "gray": "grey",
    "sulfur": "sulphur",
    "maneuver": "manoeuvre",
    "maneuvering": "manoeuvring",
    "plow": "plough",
    "centered": "centred",
    "traveler": "traveller",
}


@functools.lru_cache(maxsize=65536)
def british_word(word):
    """The British spelling of one lower-case word, or the word itself."""
    if word in BRITISH_WORDS:
        return BRITISH_WORDS[word]
    match = IZE_RE.match(word)
    if match:
        stem, vowel = match.group(1), match.group(2)
        if vowel == "y" or not (
            stem.endswith(NOT_IZE_STEMS) or (stem.endswith("s") and not stem.endswith(("hes", "has")))
        ):
            return f"{stem}{vowel}s{match.group(3)}"
    for pattern, replacement in ((OUR_RE, r"\1ur\2"), (RE_RE, r"\1re\2"), (DOUBLE_L_RE, r"\1ll\2")):
        if pattern.match(word):
            return pattern.sub(replacement, word)
    for american, british in DIPHTHONG_STEMS.items():
        if word.startswith(american):
            return british + word[len(american) :]
    return word


def british_key(key):
    """A lookup key (token tuple) in British spelling; each token's slash parts are spelled apart."""
    return tuple("/".join(british_word(part) for part in token.split("/")) for token in key)
