"""Catalog data files: the shipped default catalog and the CSV/JSON files curators import and export. No database."""

import json
from pathlib import Path

DEFAULT_DATA_DIR = Path(__file__).resolve().parent / "data"


def read_default_catalog(data_dir=DEFAULT_DATA_DIR):
    skills = []
    for path in sorted(Path(data_dir).glob("skills_*.json")):
        skills.extend(json.loads(path.read_text(encoding="utf-8")))
    roles_path = Path(data_dir) / "roles.json"
    roles = json.loads(roles_path.read_text(encoding="utf-8")) if roles_path.exists() else []
    return skills, roles
