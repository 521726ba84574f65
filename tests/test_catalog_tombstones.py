"""Curated deletions stay deleted: the default catalog is loaded on every `make run` and adds whatever is missing, so
without a record of what a curator deleted in the admin (a tombstone) it brought every deleted skill, alias, role and
expected skill back. An import, the curator's explicit file, may recreate a row and then drops its tombstone."""

from django.urls import reverse

from skills_catalog.loading import export_rows, load_catalog
from skills_catalog.models import RoleProfile, RoleSkill, Skill, SkillAlias, Tombstone

from .test_catalog_admin import inline_management_form, role_form, skill_form

SKILLS = reverse("admin:skills_catalog_skill_changelist")
TOMBSTONES = reverse("admin:skills_catalog_tombstone_changelist")


def shipped_rows():
    """The small catalog as the shipped data files would hold it: what was loaded before the curator's edits."""
    return export_rows()


def test_an_expected_skill_the_curator_deleted_is_not_brought_back_by_the_default_load(admin_client, small_catalog):
    skills, roles = shipped_rows()
    role = RoleProfile.objects.get(name="Backend Developer")
    links = list(role.expected_skills.select_related("skill"))
    r = admin_client.post(
        reverse("admin:skills_catalog_roleprofile_change", args=[role.pk]), role_form(role, links, delete={"Docker"})
    )
    assert r.status_code == 302, r.content.decode()[:2000]
    assert not RoleSkill.objects.filter(role=role, skill__name="Docker").exists()

    summary = load_catalog(skills, roles)
    assert not RoleSkill.objects.filter(role=role, skill__name="Docker").exists()
    assert summary.kept_deleted == 1 and not summary.problems
    assert RoleSkill.objects.filter(role=role).count() == len(links) - 1

    page = admin_client.get(TOMBSTONES)
    assert page.status_code == 200
    assert [(row.kind, row.name, row.detail) for row in page.context["cl"].result_list] == [
        ("role_skill", "Backend Developer", "Docker")
    ]


def test_an_alias_deleted_or_rewritten_inline_is_not_brought_back(admin_client, small_catalog):
    skills, roles = shipped_rows()
    react = small_catalog["React"]
    aliases = list(react.aliases.all())
    r = admin_client.post(
        reverse("admin:skills_catalog_skill_change", args=[react.pk]),
        skill_form(react, aliases, new_texts={"React.js": "React JS"}, delete={"ReactJS"}),
    )
    assert r.status_code == 302, r.content.decode()[:2000]

    load_catalog(skills, roles)
    assert sorted(SkillAlias.objects.filter(skill=react).values_list("alias", flat=True)) == ["React JS"]
    assert set(Tombstone.objects.values_list("kind", "name", "detail")) == {
        ("alias", "React", "ReactJS"),
        ("alias", "React", "React.js"),
    }


def test_a_deleted_skill_stays_deleted_and_its_role_links_are_not_reported_as_unknown(admin_client, small_catalog):
    skills, roles = shipped_rows()
    ids = [small_catalog["Docker"].pk, small_catalog["Git"].pk]
    admin_client.post(SKILLS, {"action": "delete_selected", "_selected_action": ids, "post": "yes"})
    assert not Skill.objects.filter(name__in=["Docker", "Git"]).exists()

    summary = load_catalog(skills, roles)
    assert not Skill.objects.filter(name__in=["Docker", "Git"]).exists()
    assert summary.kept_deleted == 2 and summary.problems == []
    assert "kept deleted by a curator" in str(summary)


def test_a_deleted_role_and_a_renamed_skill_are_not_recreated(admin_client, small_catalog):
    skills, roles = shipped_rows()
    role = RoleProfile.objects.get(name="Frontend Developer")
    r = admin_client.post(reverse("admin:skills_catalog_roleprofile_delete", args=[role.pk]), {"post": "yes"})
    assert r.status_code == 302
    airflow = small_catalog["Airflow"]
    aliases = list(airflow.aliases.all())
    data = skill_form(airflow, aliases) | {"name": "Apache Airflow 2"}
    r = admin_client.post(reverse("admin:skills_catalog_skill_change", args=[airflow.pk]), data)
    assert r.status_code == 302, r.content.decode()[:2000]

    load_catalog(skills, roles)
    assert not RoleProfile.objects.filter(name="Frontend Developer").exists()
    assert not Skill.objects.filter(name="Airflow").exists()
    assert Skill.objects.filter(name="Apache Airflow 2").exists()


def test_deleting_the_tombstone_lets_the_next_load_restore_the_row(admin_client, small_catalog):
    skills, roles = shipped_rows()
    admin_client.post(
        SKILLS, {"action": "delete_selected", "_selected_action": [small_catalog["Git"].pk], "post": "yes"}
    )
    tombstone = Tombstone.objects.get(kind="skill", name="Git")
    r = admin_client.post(reverse("admin:skills_catalog_tombstone_delete", args=[tombstone.pk]), {"post": "yes"})
    assert r.status_code == 302

    load_catalog(skills, roles)
    assert Skill.objects.filter(name="Git").exists()
    assert RoleSkill.objects.filter(role__name="Frontend Developer", skill__name="Git").exists()


def test_an_import_recreates_a_deleted_row_and_drops_its_tombstone(admin_client, small_catalog):
    skills, roles = shipped_rows()
    admin_client.post(
        SKILLS, {"action": "delete_selected", "_selected_action": [small_catalog["Git"].pk], "post": "yes"}
    )
    load_catalog(skills, roles, overwrite=True)
    assert Skill.objects.filter(name="Git").exists()
    assert not Tombstone.objects.exists()


def test_deletions_made_by_code_are_not_curated_deletions(small_catalog):
    """A migration that moves an alias deletes it in code: the next load must be free to add the alias where the
    shipped data now puts it, so only the admin records tombstones."""
    skills, roles = shipped_rows()
    SkillAlias.objects.filter(alias="k8s").delete()
    load_catalog(skills, roles)
    assert not Tombstone.objects.exists()
    assert SkillAlias.objects.filter(alias="k8s", skill__name="Kubernetes").exists()


def test_a_skill_the_curator_adds_again_is_no_longer_tombstoned(admin_client, small_catalog):
    admin_client.post(
        SKILLS, {"action": "delete_selected", "_selected_action": [small_catalog["Git"].pk], "post": "yes"}
    )
    assert Tombstone.objects.filter(kind="skill", name="Git").exists()
    data = {
        "name": "git",
        "kind": "technical",
        "category": "Tools",
        "active": "on",
        "external_id": "",
        **inline_management_form("aliases", initial=0, total=0),
    }
    r = admin_client.post(reverse("admin:skills_catalog_skill_add"), data)
    assert r.status_code == 302, r.content.decode()[:2000]
    assert not Tombstone.objects.exists()
