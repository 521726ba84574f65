"""The tests' small catalog: rows for in-process tests (the `small_catalog` fixture), data files for processes
started by tests."""

import importlib
import json

from django.apps import apps as django_apps

# (name, kind, category, ambiguous, aliases)
SMALL_CATALOG = [
    ("Python", "technical", "Languages", False, []),
    ("JavaScript", "technical", "Languages", False, ["JS"]),
    ("TypeScript", "technical", "Languages", False, ["TS"]),
    ("Go", "technical", "Languages", True, ["Golang"]),
    ("React", "technical", "Frontend", True, ["ReactJS", "React.js"]),
    ("Django", "technical", "Backend", False, []),
    ("REST APIs", "technical", "Backend", False, ["REST API", "RESTful API"]),
    ("Kubernetes", "technical", "Cloud & DevOps", False, ["k8s"]),
    ("Docker", "technical", "Cloud & DevOps", False, []),
    ("Terraform", "technical", "Cloud & DevOps", False, []),
    ("AWS", "technical", "Cloud & DevOps", False, ["Amazon Web Services"]),
    ("CI/CD", "technical", "Cloud & DevOps", False, ["CICD"]),
    ("Git", "technical", "Tools", False, []),
    ("PostgreSQL", "technical", "Databases", False, ["Postgres"]),
    ("pandas", "technical", "Data", False, []),
    ("Airflow", "technical", "Data", False, ["Apache Airflow"]),
    ("C++", "technical", "Languages", False, ["cpp"]),
    ("C#", "technical", "Languages", False, []),
    ("R", "technical", "Languages", True, []),
    ("Excel", "technical", "Office", True, ["MS Excel", "Microsoft Excel"]),
    ("Leadership", "soft", "Soft Skills", False, ["led a team", "led a team of"]),
    ("Mentoring", "soft", "Soft Skills", False, ["mentored"]),
    ("Communication", "soft", "Soft Skills", False, ["communication skills"]),
]


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


def run_data_migration(name, function):
    """Run a skills_catalog data migration's function on this database, as `migrate` would on one loaded earlier."""
    getattr(importlib.import_module(f"skills_catalog.migrations.{name}"), function)(django_apps, None)
