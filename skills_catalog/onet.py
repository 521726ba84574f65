"""Named software and tools from O*NET's "Technology Skills.txt", as the shipped catalog rows resumes need.

O*NET writes products with their vendor ("Bentley MicroStation", "Dassault Systemes CATIA") and lists categories
of software beside names ("Web browser software"). Resumes write the product ("MicroStation"), so each example is
normalised: a trailing "software" goes, a vendor prefix (a first word or two that start several examples) goes and
stays as an alias, categories are left out. A plain-word product ("Canvas", "Toast") is flagged ambiguous so the
matcher counts it only where the context shows a skill. Names the shipped catalog already knows are skipped: the
curated rows win. Every row records its O*NET commodity code in `external_id`.

This product includes information from the O*NET 29.2 Database by the U.S. Department of Labor, Employment and
Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA.
(Modified: names normalised and aliases added.)
"""

import csv
import re
from collections import Counter, defaultdict

from .rules import ROLE_NOUNS
from .text import phrase_variants

# An example used by this many occupations, or flagged a hot technology, is common enough to ship.
MIN_OCCUPATIONS = 2
VENDOR_MIN_PRODUCTS = 3  # a first word that starts this many examples is a vendor ("Autodesk", "Bentley")
TRAILING_GENERIC_RE = re.compile(r"\s+(?:software|suite|software suite|systems?)$", re.IGNORECASE)
PLAIN_WORD_RE = re.compile(r"^[A-Z][a-z]+$")
# "Sage 300 Construction and Real Estate", "MAS 90 ERP": a brand and its model number, then the edition. Resumes write
# "Sage 300"; the short form is an alias when no other product of the same model shares it ("Sage 100 Contractor"
# and "Sage 100 ERP" both are "Sage 100").
MODEL_EDITION_RE = re.compile(r"^([A-Z][A-Za-z]+ \d{2,4}) [A-Z]")
# "Common business oriented language COBOL": O*NET's description, then the name resumes use.
DESCRIBED_ACRONYM_RE = re.compile(r"^([A-Za-z][a-z]+(?:[ -][a-z][\w-]*)+)\s+([A-Z][A-Z0-9/+#.-]{1,9})$")
# Words that end a company's name before its product: "Bentley Systems gINT", "Safe Software FME".
COMPANY_WORDS = frozenset(
    [
        "Systems",
        "Software",
        "Solutions",
        "Technologies",
        "Technology",
        "Group",
        "Associates",
        "Inc",
        "Inc.",
        "Corporation",
        "Corp",
        "Corp.",
        "Healthcare",
        "International",
        "Labs",
        "LLC",
    ]
)


def read_examples(path):
    """{example: {"occupations": set, "hot": bool, "commodity": (code, title)}} from Technology Skills.txt."""
    examples = defaultdict(lambda: {"occupations": set(), "hot": False, "commodity": None})
    with open(path, encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream, delimiter="\t"):
            entry = examples[row["Example"].strip()]
            entry["occupations"].add(row["O*NET-SOC Code"])
            entry["hot"] = entry["hot"] or row["Hot Technology"] == "Y"
            entry["commodity"] = (row["Commodity Code"], row["Commodity Title"])
    return dict(examples)


def vendor_prefixes(names):
    counts = Counter()
    for name in names:
        words = name.split()
        for length in (1, 2):
            if len(words) > length:
                counts[" ".join(words[:length])] += 1
    return {prefix for prefix, count in counts.items() if count >= VENDOR_MIN_PRODUCTS and prefix[:1].isupper()}


def resume_name(example, vendors):
    """(name as resumes write it, full name or None) or None for a category of software."""
    name = TRAILING_GENERIC_RE.sub("", example.rstrip("!").strip())
    words = name.split()
    if not words or (name != example.rstrip("!").strip() and PLAIN_WORD_RE.match(name)):
        return None  # "Mathematical software", "Graphics software": a kind of software
    initials = "".join(word[0] for word in words[:-1] if word[0].isalpha()).upper()
    if len(words) > 2 and words[-1].isupper() and initials.endswith(words[-1]):
        return words[-1], " ".join(words[:-1])  # "Amazon Web Services AWS" → AWS
    described = DESCRIBED_ACRONYM_RE.match(name)
    if described:
        return described.group(2), described.group(1)  # "Common business oriented language COBOL" → COBOL
    if len(words) > 1 and not any(char.isupper() for word in words[1:] for char in word):
        return None  # "Web browser", "Inventory tracking": a kind of software, not a product
    for index, word in enumerate(words[1:4], start=1):
        rest = words[index + 1 :]
        while rest and rest[0] in COMPANY_WORDS:
            rest = rest[1:]  # "Quality Software Systems LabHealth"
        if word in COMPANY_WORDS and rest and rest[0][:1].isupper():
            return _shortened(" ".join(rest), name)  # "Safe Software FME" → FME
    for length in (2, 1):
        prefix = " ".join(words[:length])
        rest = words[length:]
        if prefix in vendors and rest and rest[0][:1].isupper():
            return _shortened(" ".join(rest), name)  # "Bentley MicroStation" → MicroStation
    return name, None


def _shortened(short, full):
    """A vendor-less name of plain words ("Clinical" from "Oracle Clinical", "Workforce Management" from "Kronos
    Workforce Management") keeps the vendor: alone it is a common word or an activity."""
    return (full, None) if _plain_words(short) else (short, full)


def _plain_words(name):
    return all(PLAIN_WORD_RE.match(word) or word.islower() for word in name.split())


def onet_rows(path, known_forms):
    """Catalog rows for the O*NET examples the catalog does not know yet, sorted by name."""
    examples = read_examples(path)
    vendors = vendor_prefixes(examples)
    rows = {}
    for example, entry in sorted(examples.items()):
        if len(entry["occupations"]) < MIN_OCCUPATIONS and not entry["hot"]:
            continue
        named = resume_name(example, vendors)
        if named is None:
            continue
        name, full = named
        if name in vendors or name.split()[-1].lower() in ROLE_NOUNS or (" " in name and _plain_words(name)):
            continue  # a company ("Google"), a job title ("Financial Analyst"), an activity ("Learning Management")
        forms = [form for form in (name, full, example) if form]
        if any(phrase_variants(form) & known_forms for form in forms) or len(name) < 3:
            continue
        row = rows.setdefault(
            name.lower(),
            {
                "name": name,
                "kind": "technical",
                "category": f"O*NET: {entry['commodity'][1]}"[:100],
                "aliases": [],
                # One alphabetic word ("Canvas", "ProFile", "Nearpod") may be a plain word in another case: imported
                # names count only where the context shows a skill, until a curator says otherwise.
                "ambiguous": name.isalpha(),
                "external_id": f"onet:commodity:{entry['commodity'][0]}",
            },
        )
        for form in (full, example):
            if form and form != name and form not in row["aliases"]:
                row["aliases"].append(form)
    _add_model_numbers(rows.values(), known_forms)
    return sorted(rows.values(), key=lambda row: row["name"].lower())


def _add_model_numbers(rows, known_forms):
    """ "Sage 300" for "Sage 300 Construction and Real Estate", where that model is one product only."""
    models = defaultdict(list)
    for row in rows:
        model = MODEL_EDITION_RE.match(row["name"])
        if model:
            models[model.group(1)].append(row)
    for model, owners in models.items():
        if len(owners) == 1 and not phrase_variants(model) & known_forms:
            owners[0]["aliases"].append(model)


# Tools and equipment ("Tools Used.txt"). O*NET names most tools by a plural common noun ("Hand trucks", "Tilting
# tables"): in prose those are ordinary words, and most are too generic for a resume to state. Kept: equipment a
# resume names, i.e. an example that spells out its acronym ("Programmable logic controllers PLC", "Automated
# external defibrillators AED") or one many occupations use, multi-word and outside the generic segments (office
# supplies, computers, furniture, clothing, safety wear). Rows are flagged ambiguous (they count where the context
# shows a skill, e.g. a skills list) and the bare acronym is not made an alias: "SAR", "PID", "ICE" are other things.
TOOL_MIN_OCCUPATIONS = 8
GENERIC_TOOL_SEGMENTS = frozenset(["14", "43", "44", "46", "49", "52", "53", "55", "56", "60"])
# Hand tools (27), vehicles (25) and food-service equipment (48) count only when spelled with their acronym:
# "Socket wrenches", "Passenger cars" and "Juice dispensers" are what anyone uses, not what a resume states.
EVERYDAY_TOOL_SEGMENTS = frozenset(["25", "27", "48"])
TRAILING_ACRONYM_RE = re.compile(r"^(.+?)\s+([A-Z][A-Z0-9-]{1,7})$")
SMALL_WORDS = frozenset(["and", "or", "of", "for", "with", "the", "a", "an", "to", "in", "on"])


def read_tools(path):
    """{example: {"occupations": set, "commodity": (code, title)}} from Tools Used.txt."""
    examples = defaultdict(lambda: {"occupations": set(), "commodity": None})
    with open(path, encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream, delimiter="\t"):
            entry = examples[row["Example"].strip()]
            entry["occupations"].add(row["O*NET-SOC Code"])
            entry["commodity"] = (row["Commodity Code"], row["Commodity Title"])
    return dict(examples)


def singular_title(phrase):
    """ "programmable logic controllers" → "Programmable Logic Controller": catalog names are singular Title Case."""
    words = phrase.split()
    last = words[-1]
    if last.lower().endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif re.search(r"(?:ches|shes|sses|xes)$", last.lower()):
        last = last[:-2]
    elif last.lower().endswith("s") and not last.lower().endswith(("ss", "us", "is")):
        last = last[:-1]
    words[-1] = last
    return " ".join(
        word if any(char.isupper() for char in word) or (index and word in SMALL_WORDS) else word[:1].upper() + word[1:]
        for index, word in enumerate(words)
    )


def tool_rows(path, known_forms):
    """Catalog rows for the named tools and equipment of O*NET the catalog does not know yet, sorted by name."""
    rows = {}
    for example, entry in sorted(read_tools(path).items()):
        code, title = entry["commodity"]
        if code[:2] in GENERIC_TOOL_SEGMENTS or len(example.split()) < 2:
            continue
        spelled = TRAILING_ACRONYM_RE.match(example)
        if spelled and len(spelled.group(1).split()) > 1:
            phrase = spelled.group(1)
        elif (
            len(entry["occupations"]) >= TOOL_MIN_OCCUPATIONS
            and example.lower() != title.lower()
            and code[:2] not in EVERYDAY_TOOL_SEGMENTS
        ):
            phrase = example
        else:
            continue
        name = singular_title(phrase)
        if name.split()[-1].lower() in ROLE_NOUNS or len(name) > 60:
            continue
        forms = {name, phrase, example}
        if any(phrase_variants(form) & known_forms for form in forms):
            continue
        row = rows.setdefault(
            name.lower(),
            {
                "name": name,
                "kind": "technical",
                "category": f"O*NET tools: {title}"[:100],
                "aliases": [],
                "ambiguous": True,
                "external_id": f"onet:tool:{code}",
            },
        )
        for form in (phrase, example):
            if form != name and form not in row["aliases"]:
                row["aliases"].append(form)
    return sorted(rows.values(), key=lambda row: row["name"].lower())
