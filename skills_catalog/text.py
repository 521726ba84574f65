"""Text normalisation and tokenising shared by the catalog compiler and the matcher.

Tokens keep `+`, `#`, `.` and `/` inside or at the end of a word so that "C++", "C#", ".NET", "Node.js" and "CI/CD"
survive; a hyphen joins a token ("go-to-market" is one token, so it never yields "Go").
"""

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
