"""Catalog data files: the shipped default catalog and the CSV/JSON files curators import and export. No database."""

import csv
import io
import json
from pathlib import Path

DEFAULT_DATA_DIR = Path(__file__).resolve().parent / "data"


def read_default_catalog(data_dir=DEFAULT_DATA_DIR):
    skills = []
    for path in sorted(Path(data_dir).glob("skills_*.json")):
        skills.extend(json.loads(path.read_text(encoding="utf-8")))
    roles = []
    # roles.json is curated; roles_onet.json is built from O*NET (`build_onet_roles`), never naming a curated role.
    for name in ("roles.json", "roles_onet.json"):
        roles_path = Path(data_dir) / name
        if roles_path.exists():
            roles.extend(json.loads(roles_path.read_text(encoding="utf-8")))
    return skills, roles


def shipped_exact_case_forms(data_dir=DEFAULT_DATA_DIR):
    """Names and aliases that are skills only in their own spelling (the catalog review's `exact_case` list)."""
    review = json.loads((Path(data_dir) / "alias_review.json").read_text(encoding="utf-8"))
    return frozenset(review.get("exact_case", []))


def shipped_implied_phrases(data_dir=DEFAULT_DATA_DIR):
    """{skill name (lower case): phrases that imply it} from the shipped data files' `implied_by` lists.

    Implying phrases are not aliases (an alias states the skill) and have no database column yet, so the compiled
    catalog takes them from the shipped files by skill name."""
    skills, _ = read_default_catalog(data_dir)
    return {row["name"].lower(): tuple(row["implied_by"]) for row in skills if row.get("implied_by")}


CSV_COLUMNS = ["name", "kind", "category", "aliases", "ambiguous", "active", "external_id"]
ALIAS_SEPARATOR = "|"
FORMATS = ("json", "csv")
TRUE_WORDS = {"1", "true", "yes", "y", "t"}
FALSE_WORDS = {"0", "false", "no", "n", "f"}


class CatalogFileError(ValueError):
    """A catalog file that cannot be read as a whole; the message is for the person who gave it."""


def guess_format(path, fmt=None):
    fmt = (fmt or Path(str(path)).suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise CatalogFileError(f"Cannot tell the format of {path}: use a .json or .csv name, or --format json|csv.")
    return fmt


def read_catalog_file(path, fmt=None):
    """(skill rows, role rows) from a JSON or CSV catalog file.

    JSON: a list of skill objects, or {"skills": [...], "roles": [...]} (what `export_skills` writes).
    CSV: one skill per row with the columns of `CSV_COLUMNS` (only "name" is required); aliases joined by "|".
    """
    fmt = guess_format(path, fmt)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CatalogFileError(f"No such file: {path}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise CatalogFileError(f"Cannot read {path}: {error}") from None
    return _parse_json(text) if fmt == "json" else _parse_csv(text)


def _parse_json(text):
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise CatalogFileError(f"Not valid JSON: {error}") from None
    if isinstance(data, dict):
        skills, roles = data.get("skills", []), data.get("roles", [])
    else:
        skills, roles = data, []
    if not isinstance(skills, list) or not isinstance(roles, list):
        raise CatalogFileError('Expected a list of skills, or an object with "skills" and "roles" lists.')
    for where, rows in (("skills", skills), ("roles", roles)):
        for number, row in enumerate(rows, start=1):
            if not isinstance(row, dict) or not str(row.get("name", "")).strip():
                raise CatalogFileError(f"{where} entry {number} is not an object with a name: {row!r:.80}")
            if where == "skills" and not isinstance(row.get("aliases", []), list):
                raise CatalogFileError(f"skill {row['name']!r}: aliases must be a list")
            if where == "roles" and not isinstance(row.get("skills", {}), dict):
                raise CatalogFileError(f"role {row['name']!r}: skills must be an object of skill name → weight")
    return skills, roles


def _parse_csv(text):
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "name" not in [name.strip().lower() for name in reader.fieldnames]:
        raise CatalogFileError(f'A CSV catalog needs a header row with a "name" column (and any of {CSV_COLUMNS}).')
    rows = []
    try:
        for number, raw in enumerate(reader, start=2):
            record = {(key or "").strip().lower(): (value or "").strip() for key, value in raw.items()}
            if not any(record.values()):
                continue  # a blank line
            # An empty cell is a value not given: a new skill takes the default (active, technical, not ambiguous)
            # and an existing one keeps what it has. A row without a name is passed on, and reported as skipped.
            given = {key: value for key, value in record.items() if value}
            row = {"name": record.get("name", "")}
            for key in ("kind", "category", "external_id"):
                if key in given:
                    row[key] = given[key].lower() if key == "kind" else given[key]
            if "aliases" in given:
                row["aliases"] = [alias.strip() for alias in given["aliases"].split(ALIAS_SEPARATOR) if alias.strip()]
            for key in ("ambiguous", "active"):
                if key in given:
                    row[key] = _boolean(given[key], key, number)
            rows.append(row)
    except csv.Error as error:
        raise CatalogFileError(f"Not a valid CSV file: {error}") from None
    return rows, []


def _boolean(value, column, line_number):
    word = value.lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CatalogFileError(f"Line {line_number}: {column} must be true or false, not {value!r}.")


def write_catalog_file(stream, skills, roles, fmt):
    """Write rows as `read_catalog_file` reads them back (CSV holds skills only: roles need JSON)."""
    if fmt == "json":
        json.dump({"skills": skills, "roles": roles}, stream, ensure_ascii=False, indent=1)
        stream.write("\n")
        return
    writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in skills:
        writer.writerow({**row, "aliases": ALIAS_SEPARATOR.join(row.get("aliases", []))})
