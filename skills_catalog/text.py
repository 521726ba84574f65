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


def clean_text(text):
    """NFKC (ligatures, full-width forms), unified dashes, soft hyphens and line-break hyphens removed."""
    text = unicodedata.normalize("NFKC", text).replace(SOFT_HYPHEN, "").translate(DASHES)
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
