"""Role profiles for professions beyond software, derived from O*NET 29.2 and the shipped catalog.

Each spec in `onet_role_specs.json` (reviewed by hand) names one O*NET occupation (its O*NET-SOC code) and the
catalog's domain skills that
define the trade ("Electrical Wiring", "NEC" for an electrician), weighted 5 (defining) to 2 (often asked). To them
the occupation's own O*NET data adds:
- the named software and tools it uses ("Technology Skills.txt", "Tools Used.txt") that the catalog knows by name or
  alias, leaving out general-purpose software (office, mail, messaging, programming) and products O*NET lists for
  more than 80 occupations: weight 3 for a hot technology, 1 for other software or a tool;
- the catalog skills its O*NET task statements name ("Task Statements.txt", matched with the catalog's own
  matcher): weight 2 when core tasks name them, else 1;
- at most 6 of these, the heaviest first, so the trade's own skills stay the larger share of the weight.
Aliases are the occupation's common reported job titles ("Sample of Reported Titles.txt", those shown in My Next
Move first) and its alternate titles the spec picks. Only skills the catalog already has are written; the names a
spec asks for that the catalog lacks are returned apart, for curators to add. Roles and aliases the curated
`roles.json` already has are left to it: the curated data wins.

This product includes information from the O*NET 29.2 Database by the U.S. Department of Labor, Employment and
Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA.
(Modified: occupations renamed, skills mapped to this catalog and weighted.)
"""

import csv
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .engine import Line
from .onet import read_examples, resume_name, vendor_prefixes
from .text import phrase_variants

MAX_SKILLS = 25
MAX_ALIASES = 8
MAX_DERIVED = 6  # O*NET-derived skills per role: the spec's trade skills stay the larger share of its weight
# A tool O*NET lists ("Cable Cutter", "Hand Truck", "First Aid Kit") is equipment the occupation handles, which
# resumes rarely name and screeners rarely ask for: it counts towards a role's fit when stated, but at weight 1 it is
# never suggested as a missing keyword. The tools that are keywords (forklifts, multimeters) are in the specs.
HOT_WEIGHT, TECH_WEIGHT, TOOL_WEIGHT = 3, 1, 1
CORE_TASK_WEIGHT, TASK_WEIGHT = 2, 1
# Software O*NET lists for this many occupations (Excel 859, Outlook 634, Python 131) does not tell one profession
# from another; Meditech (77), Epic (61) and trade software stay.
MAX_OCCUPATIONS = 80
# O*NET commodity kinds of general-purpose software (office, mail, messaging, browsers, programming): listed for
# most occupations, they say nothing about a trade.
GENERAL_SOFTWARE = (
    "Word processing",
    "Electronic mail",
    "Spreadsheet",
    "Operating system",
    "Office suite",
    "Presentation",
    "Internet browser",
    "Web page creation",
    "Graphics or photo imaging",
    "Video creation",
    "Video conferencing",
    "Desktop communications",
    "Instant messaging",
    "Cloud-based data access",
    "Calendar and scheduling",
    "Development environment",
    "Object or component oriented",
    "Web platform development",
    "Data base",
    "Application server",
    "Program testing",
    "Enterprise application integration",
    "Configuration management",
    "Network monitoring",
    "Transaction security",
    "File versioning",
    "Music or sound editing",
    "Desktop publishing",
    "Information retrieval",
    "Project management",
    "Business intelligence",
)
# Task statements describe work in plain words, so a software-development skill found in them is a homonym
# ("parquet" floors, "brazing" joints, "soap"); and software-development products O*NET lists for a trade
# (JavaScript for phlebotomists) are not what its resumes are read for. Office tools ("photocopiers" → Office
# Equipment) are in every occupation's tool list.
SOFTWARE_CATEGORIES = frozenset(
    {
        "APIs & Authentication",
        "Backend Frameworks",
        "Blockchain & Web3",
        "CI/CD",
        "CMS & E-commerce Platforms",
        "Cloud Platforms",
        "Containers & Orchestration",
        "Data Engineering",
        "Data Formats & Markup",
        "Databases",
        "Data Science & Machine Learning",
        "Debugging & Code Quality",
        "Desktop & GUI Frameworks",
        "DevOps & SRE Practices",
        "Developer Tools & IDEs",
        "Game Development & Graphics",
        "Hosting & Web Infrastructure",
        "Infrastructure as Code & Config Management",
        "Libraries, Build Tools & Package Managers",
        "Marketing & SEO",
        "Messaging & Integration",
        "Office & Administrative",
        "Mobile Development",
        "Monitoring & Observability",
        "Operating Systems",
        "Platform & Domain Development",
        "Programming Concepts",
        "Programming Languages",
        "Software Architecture & Practices",
        "Software Engineering Practices",
        "Testing & QA",
        "Version Control",
        "Web Frontend",
    }
)


@dataclass(frozen=True)
class RoleSpec:
    name: str
    soc: str  # O*NET-SOC code
    skills: dict  # catalog skill (name or alias) -> weight 2-5
    aliases: tuple = ()  # titles to add before O*NET's reported titles
    avoid: frozenset = field(default_factory=frozenset)  # O*NET-derived skills that mislead for this role


SPECS_PATH = Path(__file__).resolve().parent / "onet_role_specs.json"


def read_specs(path=SPECS_PATH):
    """The hand-reviewed role specs: name, O*NET-SOC code, domain skills with weights, extra aliases, avoided skills."""
    rows = json.loads(Path(path).read_text(encoding="utf-8"))
    return [
        RoleSpec(
            row["name"], row["onet_soc"], row["skills"], tuple(row.get("aliases", ())), frozenset(row.get("avoid", ()))
        )
        for row in rows
    ]


def catalog_lookup(skill_rows):
    """{normalised name or alias: canonical name} for the catalog rows, the names winning over aliases."""
    lookup = {}
    for pass_aliases in (False, True):
        for row in skill_rows:
            forms = row.get("aliases") or () if pass_aliases else (row["name"],)
            for form in forms:
                for key in phrase_variants(form):
                    lookup.setdefault(key, row["name"])
    return lookup


def _find(lookup, *forms):
    for form in forms:
        if form:
            for key in phrase_variants(form):
                if key in lookup:
                    return lookup[key]
    return None


def read_rows(path, code_column="O*NET-SOC Code"):
    by_code = defaultdict(list)
    with open(path, encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream, delimiter="\t"):
            by_code[row[code_column]].append(row)
    return by_code


def technology_weights(onet_dir, lookup):
    """{soc: {catalog skill: weight}} from the named software and tools each occupation uses."""
    examples = read_examples(onet_dir / "Technology Skills.txt")
    vendors = vendor_prefixes(examples)
    hot = defaultdict(dict)
    for soc, rows in read_rows(onet_dir / "Technology Skills.txt").items():
        for row in rows:
            example = row["Example"].strip()
            named = resume_name(example, vendors) or (None, None)
            if row["Commodity Title"].startswith(GENERAL_SOFTWARE):
                continue
            skill = _find(lookup, example, *named)
            if skill:
                weight = HOT_WEIGHT if row["Hot Technology"] == "Y" else TECH_WEIGHT
                hot[soc][skill] = max(weight, hot[soc].get(skill, 0))
    for soc, rows in read_rows(onet_dir / "Tools Used.txt").items():
        for row in rows:
            skill = _find(lookup, row["Example"].strip())
            if skill:
                hot[soc].setdefault(skill, TOOL_WEIGHT)
    users = defaultdict(int)
    for skills in hot.values():
        for skill in skills:
            users[skill] += 1
    return {
        soc: {skill: w for skill, w in skills.items() if users[skill] <= MAX_OCCUPATIONS} for soc, skills in hot.items()
    }


def task_weights(onet_dir, matcher):
    """{soc: {catalog skill: weight}}: the catalog skills each occupation's task statements name."""
    found = defaultdict(dict)
    for soc, rows in read_rows(onet_dir / "Task Statements.txt").items():
        for row in rows:
            weight = CORE_TASK_WEIGHT if row["Task Type"] == "Core" else TASK_WEIGHT
            for name in matcher.match([Line(page=0, text=row["Task"], section="experience")]).hits:
                found[soc][name] = max(weight, found[soc].get(name, 0))
    return found


def reported_titles(onet_dir):
    """{soc: [title]}: common reported job titles, those shown in My Next Move first."""
    titles = defaultdict(list)
    for soc, rows in read_rows(onet_dir / "Sample of Reported Titles.txt").items():
        ordered = sorted(rows, key=lambda row: row["Shown in My Next Move"] != "Y")
        titles[soc] = [row["Reported Job Title"].strip() for row in ordered]
    return titles


def build_roles(onet_dir, skill_rows, curated_roles, matcher, specs=None):
    """(role rows, {role: [skill names its spec asks for that the catalog lacks]})."""
    lookup = catalog_lookup(skill_rows)
    rows_by_name = {row["name"]: row for row in skill_rows}
    technology = technology_weights(onet_dir, lookup)
    tasks = task_weights(onet_dir, matcher)
    titles = reported_titles(onet_dir)
    occupations = {soc: rows[0]["Title"] for soc, rows in read_rows(onet_dir / "Occupation Data.txt").items()}
    taken = {name.lower() for role in curated_roles for name in (role["name"], *(role.get("aliases") or ()))}
    specs = read_specs() if specs is None else specs
    # A spec's own name is never another derived role's alias ("Maintenance Supervisor" is a reported title of
    # Maintenance Technicians): the profile written for that title is the better measure.
    spec_names = {role_spec.name.lower() for role_spec in specs}
    roles, missing = [], {}
    for role_spec in specs:
        if role_spec.name.lower() in taken:
            continue  # the curated profile wins
        weights = {}
        for name, weight in role_spec.skills.items():
            skill = _find(lookup, name)
            if skill is None:
                missing.setdefault(role_spec.name, []).append(name)
            else:
                weights[skill] = max(weight, weights.get(skill, 0))
        curated = set(weights)
        derived = {}
        for source in (technology.get(role_spec.soc, {}), tasks.get(role_spec.soc, {})):
            for skill, weight in source.items():
                row = rows_by_name[skill]
                if (
                    skill in curated
                    or skill in role_spec.avoid
                    or row.get("kind", "technical") != "technical"
                    or row.get("category") in SOFTWARE_CATEGORIES
                ):
                    continue
                derived[skill] = max(weight, derived.get(skill, 0))
        weights.update(sorted(derived.items(), key=lambda item: (-item[1], item[0]))[:MAX_DERIVED])
        ranked = sorted(weights.items(), key=lambda item: (-item[1], item[0] not in curated, item[0]))[:MAX_SKILLS]
        taken.add(role_spec.name.lower())
        aliases = []
        for title in (*role_spec.aliases, *titles[role_spec.soc]):
            if title.lower() not in taken | spec_names and len(title) <= 60 and len(aliases) < MAX_ALIASES:
                aliases.append(title)
                taken.add(title.lower())
        roles.append(
            {
                "name": role_spec.name,
                "onet_soc": role_spec.soc,
                "description": f"O*NET-SOC {role_spec.soc} {occupations.get(role_spec.soc, '')}".strip(),
                "aliases": aliases,
                "skills": dict(ranked),
            }
        )
    return roles, missing
