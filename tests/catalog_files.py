"""Write the tests' small catalog as catalog data files, for processes started by tests."""

import json

from .conftest import SMALL_CATALOG


def write_small_catalog(folder):
    folder.mkdir(parents=True, exist_ok=True)
    skills = [
        {"name": name, "kind": kind, "category": category, "ambiguous": ambiguous, "aliases": aliases}
        for name, kind, category, ambiguous, aliases in SMALL_CATALOG
    ]
    roles = [{"name": "Backend Developer", "skills": {"Python": 5, "PostgreSQL": 4, "Docker": 3, "REST APIs": 4}}]
    (folder / "skills_test.json").write_text(json.dumps(skills))
    (folder / "roles.json").write_text(json.dumps(roles))
    return folder
