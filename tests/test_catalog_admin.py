"""The curators' admin for skills and role profiles: every page renders, filters and search work, and every edit
(form, inline, bulk action) moves the catalog version so workers rebuild their matcher."""

import json

import pytest
from django.urls import reverse

from skills_catalog.matcher import get_matcher
from skills_catalog.models import CatalogVersion, RoleProfile, RoleSkill, Skill, SkillAlias, current_catalog_version

SKILLS = reverse("admin:skills_catalog_skill_changelist")
ROLES = reverse("admin:skills_catalog_roleprofile_changelist")


@pytest.mark.parametrize(
    "url",
    [
        SKILLS,
        reverse("admin:skills_catalog_skill_add"),
        ROLES,
        reverse("admin:skills_catalog_roleprofile_add"),
        reverse("admin:skills_catalog_catalogversion_changelist"),
        reverse("admin:app_list", args=["skills_catalog"]),
    ],
)
def test_it_renders_every_catalog_page(admin_client, small_catalog, url):
    assert admin_client.get(url).status_code == 200


def test_it_renders_a_skill_and_a_role_with_their_inlines(admin_client, small_catalog):
    r = admin_client.get(reverse("admin:skills_catalog_skill_change", args=[small_catalog["Kubernetes"].pk]))
    assert r.status_code == 200
    assert 'value="k8s"' in r.content.decode()
    role = RoleProfile.objects.get(name="Backend Developer")
    r = admin_client.get(reverse("admin:skills_catalog_roleprofile_change", args=[role.pk]))
    assert r.status_code == 200
    assert "expected_skills-0-weight" in r.content.decode()


def test_search_finds_a_skill_by_its_alias(admin_client, small_catalog):
    r = admin_client.get(SKILLS, {"q": "k8s"})
    assert list(r.context["cl"].result_list) == [small_catalog["Kubernetes"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kind__exact": "soft"}, {"Leadership", "Mentoring", "Communication"}),
        ({"ambiguous__exact": "1"}, {"Go", "React", "R", "Excel"}),
        ({"category": "Databases"}, {"PostgreSQL"}),
        ({"active__exact": "0"}, set()),
    ],
)
def test_filters_pick_the_right_skills(admin_client, small_catalog, query, expected):
    r = admin_client.get(SKILLS, query)
    assert {skill.name for skill in r.context["cl"].result_list} == expected


def test_skill_autocomplete_serves_the_role_inline(admin_client, small_catalog):
    r = admin_client.get(
        reverse("admin:autocomplete"),
        {"term": "post", "app_label": "skills_catalog", "model_name": "roleskill", "field_name": "skill"},
    )
    assert [item["text"] for item in r.json()["results"]] == ["PostgreSQL"]


def test_bulk_deactivate_bumps_the_version_once_and_the_matcher_forgets_the_skills(admin_client, small_catalog):
    before = current_catalog_version()
    assert "Docker" in get_matcher().match_text("Docker and Terraform")
    ids = [small_catalog["Docker"].pk, small_catalog["Terraform"].pk]
    r = admin_client.post(SKILLS, {"action": "deactivate", "_selected_action": ids}, follow=True)
    assert r.status_code == 200
    assert current_catalog_version() == before + 1
    assert not Skill.objects.filter(pk__in=ids, active=True).exists()
    assert get_matcher().match_text("Docker and Terraform") == []

    r = admin_client.post(SKILLS, {"action": "activate", "_selected_action": ids}, follow=True)
    assert current_catalog_version() == before + 2
    assert get_matcher().match_text("Docker and Terraform") == ["Docker", "Terraform"]


def test_bulk_action_on_already_active_skills_changes_nothing(admin_client, small_catalog):
    before = current_catalog_version()
    admin_client.post(SKILLS, {"action": "activate", "_selected_action": [small_catalog["Docker"].pk]})
    assert current_catalog_version() == before


def test_adding_an_alias_inline_bumps_the_version_and_the_matcher_finds_it(admin_client, small_catalog):
    skill = small_catalog["Kubernetes"]
    assert get_matcher().match_text("Ran kube clusters") == []
    before = current_catalog_version()
    data = skill_form(skill, list(skill.aliases.all()), added=["kube"])
    r = admin_client.post(reverse("admin:skills_catalog_skill_change", args=[skill.pk]), data)
    assert r.status_code == 302, r.content.decode()[:2000]
    assert SkillAlias.objects.filter(skill=skill, alias="kube").exists()
    assert current_catalog_version() > before
    assert get_matcher().match_text("Ran kube clusters") == ["Kubernetes"]


def test_a_weighted_skill_added_to_a_role_inline_is_saved(admin_client, small_catalog):
    role = RoleProfile.objects.get(name="Frontend Developer")
    links = list(role.expected_skills.select_related("skill"))
    data = role_form(role, links, added=[(small_catalog["CI/CD"], 2)])
    before = current_catalog_version()
    r = admin_client.post(reverse("admin:skills_catalog_roleprofile_change", args=[role.pk]), data)
    assert r.status_code == 302, r.content.decode()[:2000]
    assert RoleSkill.objects.get(role=role, skill=small_catalog["CI/CD"]).weight == 2
    assert current_catalog_version() > before


def test_bulk_delete_bumps_the_version_once(admin_client, small_catalog):
    before = current_catalog_version()
    ids = [small_catalog["Docker"].pk, small_catalog["Git"].pk]
    admin_client.post(SKILLS, {"action": "delete_selected", "_selected_action": ids, "post": "yes"})
    assert not Skill.objects.filter(pk__in=ids).exists()
    assert current_catalog_version() == before + 1


def test_export_action_downloads_the_selected_skills(admin_client, small_catalog):
    r = admin_client.post(SKILLS, {"action": "export_json", "_selected_action": [small_catalog["Kubernetes"].pk]})
    assert r["Content-Disposition"] == 'attachment; filename="skills.json"'
    data = json.loads(r.content)
    assert [(row["name"], row["aliases"]) for row in data["skills"]] == [("Kubernetes", ["k8s"])]


def test_the_catalog_version_cannot_be_edited_by_hand(admin_client, small_catalog):
    row = CatalogVersion.objects.get(pk=1)
    r = admin_client.post(reverse("admin:skills_catalog_catalogversion_change", args=[row.pk]), {"version": 1})
    assert r.status_code == 403


def inline_management_form(prefix, initial, total):
    """The hidden fields Django's admin posts with an inline formset."""
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def role_form(role, links, delete=(), added=()):
    """A role's admin change form: its expected skills `links`, those whose skill is named in `delete` marked for
    deletion, and `added` (skill, weight) pairs as new rows."""
    data = {
        "name": role.name,
        "aliases": "[]",
        "description": "",
        **inline_management_form("expected_skills", initial=len(links), total=len(links) + len(added)),
    }
    for index, link in enumerate(links):
        data |= {
            f"expected_skills-{index}-id": str(link.pk),
            f"expected_skills-{index}-role": str(role.pk),
            f"expected_skills-{index}-skill": str(link.skill_id),
            f"expected_skills-{index}-weight": str(link.weight),
        }
        if link.skill.name in delete:
            data[f"expected_skills-{index}-DELETE"] = "on"
    for index, (skill, weight) in enumerate(added, start=len(links)):
        data |= {
            f"expected_skills-{index}-role": str(role.pk),
            f"expected_skills-{index}-skill": str(skill.pk),
            f"expected_skills-{index}-weight": str(weight),
        }
    return data


def skill_form(skill, aliases, new_texts=None, delete=(), added=()):
    """A skill's admin change form: its `aliases`, renamed by `new_texts` or marked for deletion by `delete`, and
    `added` alias texts as new rows."""
    new_texts = new_texts or {}
    data = {
        "name": skill.name,
        "kind": skill.kind,
        "category": skill.category,
        "active": "on",
        "external_id": "",
        **inline_management_form("aliases", initial=len(aliases), total=len(aliases) + len(added)),
    }
    for index, alias in enumerate(aliases):
        data |= {
            f"aliases-{index}-id": str(alias.pk),
            f"aliases-{index}-skill": str(skill.pk),
            f"aliases-{index}-alias": new_texts.get(alias.alias, alias.alias),
        }
        if alias.alias in delete:
            data[f"aliases-{index}-DELETE"] = "on"
    for index, text in enumerate(added, start=len(aliases)):
        data |= {f"aliases-{index}-skill": str(skill.pk), f"aliases-{index}-alias": text}
    return data
