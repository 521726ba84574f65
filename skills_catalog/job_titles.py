"""Job titles and the occupations they name (issue 11): a compact index from normalised job titles to O*NET-SOC
occupations, built from O*NET 29.2 (`build_title_index`, run by `manage.py build_title_index`) and shipped as
`data/job_titles.json`; and the title a resume states, looked up in it.

A resume that states its job title ("Bank Teller", "School Counselor") names its occupation. When the catalog has no
profile for it, the best-fitting profile is another trade's (Bartender for a teller), and naming that role would
mislead: see `title_conflict` in roles.py.

Occupations are compared by their SOC code (the first seven characters, "29-1141"): O*NET's detailed occupations
below it (29-1141.03 Critical Care Nurses) are specialties of the same job, so "ICU Nurse" is a Registered Nurse.
The index also holds, per occupation, the few occupations O*NET ranks as most related ("Primary-Short" in
`Related Occupations.txt`: Line Cook next to Chef), which a profile of either may stand for.

This product includes information from the O*NET 29.2 Database by the U.S. Department of Labor, Employment and
Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA.
(Modified: titles normalised, occupations truncated to their SOC code.)
"""

import csv
import gzip
import json
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from .text import british_word

# Gzipped JSON: 50k titles are 1.2 MB as text, 0.3 MB compressed.
INDEX_PATH = Path(__file__).resolve().parent / "data" / "job_titles.json.gz"
# Headlines and job-title lines are short; O*NET's long titles ("Director of Regional Sales and Business
# Development") are rare as stated, and leaving them out keeps the shipped file small.
MAX_TITLE_WORDS = 5
RELATED_TIER = "Primary-Short"
_NON_WORD_RE = re.compile(r"[^a-z0-9&+#]+")
_PARENS_RE = re.compile(r"\(([^)]*)\)")


def normalise_title(title):
    """Lower case, punctuation to spaces, one space between words: "Teller, Bank" stays as written (O*NET lists the
    inverted forms too)."""
    return " ".join(_NON_WORD_RE.sub(" ", title.lower()).split())


def soc(code):
    """An O*NET-SOC code's SOC occupation ("29-1141.03" -> "29-1141")."""
    return code[:7]


def _title_forms(title):
    """A title and, when it holds a parenthesis ("ICU Nurse (Intensive Care Unit Nurse)"), each of its two halves."""
    forms = [title]
    inner = _PARENS_RE.findall(title)
    if inner:
        forms.append(_PARENS_RE.sub(" ", title))
        forms.extend(inner)
    return forms


def _read(path):
    with open(path, encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def build_title_index(onet_dir, roles_onet=()):
    """{"titles": {"soc soc ...": "title|title|..."}, "related": {soc: "soc soc ..."}} from O*NET's occupation titles,
    alternate and short titles and reported titles. `roles_onet`: the derived role rows, whose names map to the
    occupation they were built from whatever O*NET's titles say."""
    onet_dir = Path(onet_dir)
    titles = defaultdict(set)

    def add(title, code):
        for form in _title_forms(title):
            name = normalise_title(form)
            if name and len(name.split()) <= MAX_TITLE_WORDS and not name.isdigit():
                titles[name].add(soc(code))
                # O*NET spells the American way; a "School Counsellor" or "Paediatric Nurse" is the same occupation.
                titles[" ".join(british_word(word) for word in name.split())].add(soc(code))

    for row in _read(onet_dir / "Occupation Data.txt"):
        add(row["Title"], row["O*NET-SOC Code"])
    for row in _read(onet_dir / "Alternate Titles.txt"):
        add(row["Alternate Title"], row["O*NET-SOC Code"])
        if row["Short Title"] not in ("", "n/a"):
            add(row["Short Title"], row["O*NET-SOC Code"])
    for row in _read(onet_dir / "Sample of Reported Titles.txt"):
        add(row["Reported Job Title"], row["O*NET-SOC Code"])
    for role in roles_onet:
        titles[normalise_title(role["name"])] = {soc(role["onet_soc"])}

    related = defaultdict(set)
    for row in _read(onet_dir / "Related Occupations.txt"):
        if row["Relatedness Tier"] == RELATED_TIER:
            related[soc(row["O*NET-SOC Code"])].add(soc(row["Related O*NET-SOC Code"]))
    by_occupations = defaultdict(list)
    for name, codes in sorted(titles.items()):
        by_occupations[" ".join(sorted(codes))].append(name)
    return {
        "titles": {codes: "|".join(names) for codes, names in sorted(by_occupations.items())},
        "related": {code: " ".join(sorted(codes - {code})) for code, codes in sorted(related.items())},
    }


def write_title_index(index, path=INDEX_PATH):
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"), indent=0).encode("utf-8")
    # mtime=0: the same index gives the same bytes, so a rebuild shows no diff.
    Path(path).write_bytes(gzip.compress(data, compresslevel=9, mtime=0))


def read_title_index(path=INDEX_PATH):
    """(titles: {normalised title: frozenset of SOC codes}, related: {SOC code: frozenset of SOC codes})."""
    index = json.loads(gzip.decompress(Path(path).read_bytes()))
    titles = {}
    for codes, names in index["titles"].items():
        occupations = frozenset(codes.split())
        for name in names.split("|"):
            titles[name] = occupations
    related = {code: frozenset(codes.split()) for code, codes in index["related"].items()}
    return titles, related


@lru_cache(maxsize=1)
def _shipped_index():
    return read_title_index()


def load_shipped_index():
    """Read the shipped index now (a worker process does it at start, so each analysis it forks inherits it)."""
    _shipped_index()


def title_occupations(title, index=None):
    """The SOC occupations a job title names (a frozenset, empty when the title is unknown)."""
    titles = (index or _shipped_index())[0]
    return titles.get(normalise_title(title), frozenset())


def related_occupations(codes, index=None):
    """The occupations and O*NET's closest relatives of each."""
    related = (index or _shipped_index())[1]
    out = set(codes)
    for code in codes:
        out |= related.get(code, frozenset())
    return frozenset(out)


def role_occupations(role, index=None):
    """The occupations a role profile stands for: its name's, else those of its multi-word aliases (a curated
    "Teacher" names several teaching occupations; "Bookkeeper" one)."""
    if index is None:
        return _shipped_role_occupations(role.name, tuple(str(alias) for alias in role.aliases))
    return _role_occupations(role.name, role.aliases, index)


@lru_cache(maxsize=4096)
def _shipped_role_occupations(name, aliases):
    # Every analysis asks for every role's occupations: looked up once per process.
    return _role_occupations(name, aliases, _shipped_index())


def _role_occupations(name, aliases, index):
    codes = title_occupations(name, index)
    if codes:
        return codes
    out = set()
    for alias in aliases:
        if " " in str(alias):
            out |= title_occupations(str(alias), index)
    return frozenset(out)


# A stated title is a short line of its own, or the part of a line before a separator ("Bank Teller | Chase",
# "School Counselor, Lincoln High", "Registered Nurse — 2019-2024"), or before " at ".
_SEPARATORS_RE = re.compile(r"\s+(?:[|•·–—@-]|at)\s+|\s*[|•·,;:(]\s*|\s{3,}|\t")
_LEADING_DATES_RE = re.compile(r"^[\d/.\-– ]+")
# Words of a title that states a stage of study or training rather than an occupation.
STATUS_WORDS = frozenset(
    ["student", "intern", "internship", "trainee", "graduate", "undergraduate", "postgraduate", "volunteer"]
)
# A grade or level around a title ("Senior Accountant", "Compliance Analyst II") is not part of the occupation.
_LEVEL_RE = re.compile(
    r"^(?:(?:senior|sr|junior|jr|lead|principal|head|trainee|associate|entry level)\s+)+|\s+(?:[ivx]+|\d)$"
)


# One-word lines that O*NET lists as titles but that name a field or an activity ("Management", "Intelligence",
# "Farming") or are a short abbreviation (a state's "PA" or "MA" on a contact line of its own).
_ACTIVITY_RE = re.compile(r"(?:ment|ing|ence|ance|ity|ics|ogy|tion|ness)$", re.IGNORECASE)
MIN_ONE_WORD_CHARS = 4


def _one_word_title(word, line):
    """A one-word title ("Cook", "Server") is an ordinary word of other lines: it states a title only as a whole line
    naming a person."""
    return word == line and len(word) >= MIN_ONE_WORD_CHARS and not _ACTIVITY_RE.search(word)


def stated_occupations(lines, index=None):
    """The occupations named by the first job title among `lines` (text of the resume's header, summary and
    experience lines, in order): the headline near the name, else the most recent job's title. Empty when no line
    states a known title."""
    for text in lines:
        text = text.strip()
        if not text or len(text) > 80:
            continue
        first = _SEPARATORS_RE.split(_LEADING_DATES_RE.sub("", text), maxsplit=1)[0]
        if len(first.split()) < 2 and not _one_word_title(first, text):
            continue
        if STATUS_WORDS & set(normalise_title(first).split()):
            # "Graduate Student", "Software Engineering Intern": the person states a stage of study or training,
            # not an occupation, and the jobs below it (a teaching assistant's) are what they did meanwhile.
            return frozenset()
        codes = title_occupations(first, index) or title_occupations(_LEVEL_RE.sub("", normalise_title(first)), index)
        if codes:
            return codes
    return frozenset()
