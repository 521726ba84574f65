"""`manage.py import_skills FILE` and `export_skills [FILE]`: CSV and JSON, upsert by canonical name, dry runs."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from skills_catalog.loading import load_catalog
from skills_catalog.matcher import get_matcher
from skills_catalog.models import RoleProfile, Skill, SkillAlias, current_catalog_version


def run(*args):
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_it_imports_json_skills_aliases_and_roles_with_one_version_bump(db, tmp_path):
    path = tmp_path / "taxonomy.json"
    path.write_text(
        json.dumps(
            {
                "skills": [
                    {"name": "Kubernetes", "category": "Cloud", "aliases": ["k8s", "kube"]},
                    {"name": "Helm", "ambiguous": True, "external_id": "esco:helm"},
                    {"name": "Mentoring", "kind": "Soft", "aliases": ["mentored"]},
                ],
                "roles": [{"name": "Platform Engineer", "aliases": ["SRE"], "skills": {"Kubernetes": 5, "Helm": 3}}],
            }
        )
    )
    before = current_catalog_version()
    out, _ = run("import_skills", str(path))
    assert "skills: 3 created, 0 updated; aliases: 3 added; roles: 1 created" in out
    assert "created skill Helm" in out
    assert current_catalog_version() == before + 1
    assert Skill.objects.get(name="Mentoring").kind == "soft"
    assert Skill.objects.get(name="Helm").external_id == "esco:helm"
    role = RoleProfile.objects.get(name="Platform Engineer")
    assert {link.skill.name: link.weight for link in role.expected_skills.all()} == {"Kubernetes": 5, "Helm": 3}
    assert get_matcher().match_text("Ran kube and k8s") == ["Kubernetes"]

    out, _ = run("import_skills", str(path))
    assert "skills: 0 created, 0 updated; aliases: 0 added; roles: 0 created, 0 updated" in out
    assert current_catalog_version() == before + 1


def test_a_csv_import_updates_skills_by_canonical_name_whatever_the_case(small_catalog, tmp_path):
    path = tmp_path / "skills.csv"
    path.write_text(
        "name,kind,category,aliases,ambiguous,active\n"
        "docker,technical,Containers,Docker Engine|dockerd,false,true\n"
        "Pulumi,technical,IaC,,no,yes\n"
        "Go,technical,Languages,,true,false\n"
    )
    before = current_catalog_version()
    out, _ = run("import_skills", str(path))
    assert "skills: 1 created, 2 updated; aliases: 2 added" in out
    assert "updated skill Docker: category" in out
    assert "updated skill Go: active" in out
    assert Skill.objects.filter(name__iexact="docker").count() == 1
    assert Skill.objects.get(name="Docker").category == "Containers"
    assert set(SkillAlias.objects.filter(skill__name="Docker").values_list("alias", flat=True)) == {
        "Docker Engine",
        "dockerd",
    }
    assert not Skill.objects.get(name="Go").active
    assert current_catalog_version() == before + 1


def test_a_dry_run_reports_the_changes_and_saves_nothing(small_catalog, tmp_path):
    path = tmp_path / "skills.json"
    path.write_text(json.dumps([{"name": "Pulumi"}, {"name": "Docker", "category": "Containers"}]))
    before = current_catalog_version()
    out, _ = run("import_skills", str(path), "--dry-run")
    assert out.startswith("Dry run, nothing saved. Would change: skills: 1 created, 1 updated")
    assert not Skill.objects.filter(name="Pulumi").exists()
    assert Skill.objects.get(name="Docker").category == "Cloud & DevOps"
    assert current_catalog_version() == before


def test_rows_with_problems_are_reported_and_the_rest_imported(db, tmp_path):
    path = tmp_path / "skills.json"
    path.write_text(
        json.dumps(
            {
                "skills": [{"name": "Pulumi", "kind": "magic"}, {"name": "Ansible"}],
                "roles": [{"name": "Ops", "skills": {"Ansible": 9, "Nonexistent": 3}}],
            }
        )
    )
    out, err = run("import_skills", str(path))
    assert "skills: 1 created" in out
    assert "Pulumi: kind must be technical or soft" in err
    assert "weight of Ansible must be 1-5" in err
    assert "unknown skill 'Nonexistent'" in err


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.json", None, "No such file"),
        ("broken.json", "{not json", "Not valid JSON"),
        ("wrong.json", '{"skills": {"name": "Go"}}', "Expected a list of skills"),
        ("nameless.json", '[{"kind": "technical"}]', "is not an object with a name"),
        ("aliases.json", '[{"name": "Go", "aliases": "Golang"}]', "aliases must be a list"),
        ("empty.json", "[]", "holds no skills or roles"),
        ("noheader.csv", "skill,kind\nGo,technical\n", 'needs a header row with a "name" column'),
        ("flags.csv", "name,ambiguous\nGo,maybe\n", "ambiguous must be true or false"),
        ("skills.xlsx", "whatever", "Cannot tell the format"),
        ("binary.csv", b"\xff\xfe\x00bad", "Cannot read"),
    ],
)
def test_bad_files_are_refused_with_a_reason(db, tmp_path, name, content, message):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content)
    with pytest.raises(CommandError, match=message):
        run("import_skills", str(path))
    assert not Skill.objects.exists()


def test_format_flag_overrides_the_file_name(db, tmp_path):
    path = tmp_path / "skills.txt"
    path.write_text("name\nPulumi\n")
    run("import_skills", str(path), "--format", "csv")
    assert Skill.objects.filter(name="Pulumi").exists()


def catalog_snapshot():
    skills = {
        (s.name, s.kind, s.category, s.ambiguous, s.active, tuple(sorted(a.alias for a in s.aliases.all())))
        for s in Skill.objects.prefetch_related("aliases")
    }
    roles = {
        role.name: {link.skill.name: link.weight for link in role.expected_skills.all()}
        for role in RoleProfile.objects.all()
    }
    return skills, roles


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_an_export_imports_back_into_an_empty_catalog_unchanged(small_catalog, tmp_path, fmt):
    path = tmp_path / f"catalog.{fmt}"
    _, err = run("export_skills", str(path))
    assert f"Exported {len(small_catalog)} skills" in err
    before, roles_before = catalog_snapshot()
    Skill.objects.all().delete()
    RoleProfile.objects.all().delete()

    run("import_skills", str(path))
    after, roles_after = catalog_snapshot()
    assert after == before
    assert roles_after == (roles_before if fmt == "json" else {})


def test_export_to_standard_output_is_json_by_default(small_catalog):
    out, _ = run("export_skills")
    data = json.loads(out)
    assert {row["name"] for row in data["skills"]} == set(small_catalog)
    assert data["roles"][0]["skills"]["Python"] == 5


def test_export_csv_to_standard_output_leaves_out_inactive_skills_on_request(small_catalog):
    Skill.objects.filter(name="Go").update(active=False)
    out, _ = run("export_skills", "--format", "csv", "--active-only")
    lines = out.splitlines()
    assert lines[0] == "name,kind,category,aliases,ambiguous,active,external_id"
    assert "Kubernetes,technical,Cloud & DevOps,k8s,False,True," in lines
    assert not any(line.startswith("Go,") for line in lines)


def test_export_to_an_unwritable_place_is_a_command_error(small_catalog, tmp_path):
    with pytest.raises(CommandError, match="Cannot write"):
        run("export_skills", str(tmp_path / "missing-folder" / "skills.json"))


def test_a_load_bumps_the_version_once_and_an_unchanged_reload_not_at_all(db):
    skills = [{"name": "Pulumi", "aliases": ["Pulumi IaC"]}, {"name": "Terraform"}]
    roles = [{"name": "Infrastructure Engineer", "skills": {"Pulumi": 3, "Terraform": 5}}]
    before = current_catalog_version()
    load_catalog(skills, roles)
    assert current_catalog_version() == before + 1
    load_catalog(skills, roles, overwrite=True)
    assert current_catalog_version() == before + 1


def test_the_whole_shipped_catalog_exports_and_reads_back(db, tmp_path):
    call_command("load_default_catalog", stdout=StringIO())
    skills = Skill.objects.count()
    assert skills > 3000  # the size at which prefetching aliases broke SQLite's IN list
    path = tmp_path / "catalog.json"
    _, err = run("export_skills", str(path))
    assert f"Exported {skills} skills" in err
    data = json.loads(path.read_text())
    assert sum(len(row["aliases"]) for row in data["skills"]) == SkillAlias.objects.count()


def test_empty_csv_cells_are_values_not_given_and_a_nameless_row_is_reported(small_catalog, tmp_path):
    Skill.objects.filter(name="Go").update(active=False, ambiguous=True)
    path = tmp_path / "skills.csv"
    path.write_text(
        "name,kind,category,aliases,ambiguous,active\n"
        "Chocolate Tempering,technical,Culinary,tempered chocolate,,\n"
        "Go,,,,,\n"
        ",technical,Culinary,laminated dough,,\n"
        ",,,,,\n"
    )
    out, err = run("import_skills", str(path))
    created = Skill.objects.get(name="Chocolate Tempering")
    assert created.active and not created.ambiguous
    go = Skill.objects.get(name="Go")
    assert (go.active, go.ambiguous, go.category) == (False, True, "Languages")
    assert "a skill without a name was skipped" in out + err
    assert get_matcher().match_text("Tempered chocolate for 200 covers") == ["Chocolate Tempering"]
