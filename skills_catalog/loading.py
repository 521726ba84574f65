"""Loading catalog data (the shipped default catalog, or a file a curator imports) into the database."""

from dataclasses import dataclass, field

from django.db import transaction

from .models import Kind, RoleProfile, RoleSkill, Skill, SkillAlias, Tombstone, catalog_changed, catalog_edits
from .tombstones import Tombstones


@dataclass
class LoadSummary:
    skills_created: int = 0
    skills_updated: int = 0
    aliases_added: int = 0
    roles_created: int = 0
    roles_updated: int = 0
    kept_deleted: int = 0  # rows of the data a curator deleted (tombstones), not recreated
    problems: list = field(default_factory=list)
    changes: list = field(default_factory=list)  # one line per change, e.g. "updated skill Go"

    @property
    def changed(self):
        return any(
            (self.skills_created, self.skills_updated, self.aliases_added, self.roles_created, self.roles_updated)
        )

    def __str__(self):
        text = (
            f"skills: {self.skills_created} created, {self.skills_updated} updated; "
            f"aliases: {self.aliases_added} added; roles: {self.roles_created} created, {self.roles_updated} updated"
        )
        if self.kept_deleted:
            text += f"; {self.kept_deleted} kept deleted by a curator"
        if self.problems:
            text += f"; {len(self.problems)} problem(s)"
        return text


def load_catalog(skills, roles, *, overwrite=False, dry_run=False):
    """Upsert skills (by canonical name, case-insensitive), their aliases and role profiles.

    With `overwrite=False` (the default catalog on every `make run`) only what is missing is added (skills, aliases,
    roles, a role's expected skills), so a curator's edits are never undone. With `overwrite=True` (an import) the
    given fields replace the stored ones.
    Aliases are only ever added: an alias already used by another skill is reported, not moved.
    What a curator deleted in the admin (a Tombstone) is not recreated by the default load; an import recreates it
    and drops the tombstone, as the import is the curator's newer word.
    """
    summary = LoadSummary()
    with transaction.atomic():
        with catalog_edits():
            tombstones = Tombstones()
            _load_skills(skills, overwrite, summary, tombstones)
            _load_roles(roles, overwrite, summary, tombstones)
            if summary.changed:
                catalog_changed()  # the aliases are bulk-created, which sends no signal
        if dry_run:
            transaction.set_rollback(True)
    return summary


def _kept_deleted(tombstones, overwrite, summary, kind, name, detail=""):
    """True when the row a load is about to create was deleted by a curator and stays deleted."""
    if not tombstones.has(kind, name, detail):
        return False
    if overwrite:
        tombstones.forget(kind, name, detail)
        return False
    summary.kept_deleted += 1
    return True


def _load_skills(rows, overwrite, summary, tombstones):
    existing = {skill.name.lower(): skill for skill in Skill.objects.all()}
    taken_aliases = {alias.lower(): skill_id for alias, skill_id in SkillAlias.objects.values_list("alias", "skill_id")}
    new_aliases = []
    for row in rows:
        name = str(row.get("name", "")).strip()
        if not name:
            summary.problems.append(f"a skill without a name was skipped: {row!r}")
            continue
        kind = str(row.get("kind") or Kind.TECHNICAL).strip().lower()
        if kind not in Kind.values:
            summary.problems.append(f"{name}: kind must be technical or soft, not {kind!r}")
            continue
        fields = {
            "kind": kind,  # normalised above
            "category": str(row.get("category", ""))[:80],
            "ambiguous": bool(row.get("ambiguous", False)),
            "active": bool(row.get("active", True)),
            "external_id": str(row.get("external_id", ""))[:255],
        }
        skill = existing.get(name.lower())
        if skill is None and _kept_deleted(tombstones, overwrite, summary, Tombstone.Kind.SKILL, name):
            continue
        if skill is None:
            skill = Skill(name=name, **fields)
            skill.save()
            existing[name.lower()] = skill
            summary.skills_created += 1
            summary.changes.append(f"created skill {name}")
        elif overwrite and any(getattr(skill, key) != value for key, value in fields.items() if key in row):
            changed = [key for key, value in fields.items() if key in row and getattr(skill, key) != value]
            for key in changed:
                setattr(skill, key, fields[key])
            skill.save()
            summary.skills_updated += 1
            summary.changes.append(f"updated skill {skill.name}: {', '.join(changed)}")
        for alias in row.get("aliases", []) or []:
            alias = str(alias).strip()[:120]
            if not alias or alias.lower() == name.lower():
                continue
            owner = taken_aliases.get(alias.lower())
            if owner is None and _kept_deleted(tombstones, overwrite, summary, Tombstone.Kind.ALIAS, skill.name, alias):
                continue
            if owner is None:
                new_aliases.append(SkillAlias(skill=skill, alias=alias))
                taken_aliases[alias.lower()] = skill.id
                summary.aliases_added += 1
                summary.changes.append(f"added alias {alias!r} to {skill.name}")
            elif owner != skill.id:
                summary.problems.append(f"alias {alias!r} of {name} already belongs to another skill")
    SkillAlias.objects.bulk_create(new_aliases)


def _load_roles(rows, overwrite, summary, tombstones):
    skills = {skill.name.lower(): skill for skill in Skill.objects.all()}
    for row in rows:
        name = str(row.get("name", "")).strip()
        if not name:
            continue
        role = RoleProfile.objects.filter(name__iexact=name).first()
        if role is None and _kept_deleted(tombstones, overwrite, summary, Tombstone.Kind.ROLE, name):
            continue
        created = role is None
        if created:
            role = RoleProfile(name=name, aliases=list(row.get("aliases", [])), description=row.get("description", ""))
            role.save()
            summary.roles_created += 1
            summary.changes.append(f"created role {name}")
        current = {link.skill_id: link for link in role.expected_skills.all()}
        changed = False
        for skill_name, weight in (row.get("skills") or {}).items():
            skill = skills.get(skill_name.lower())
            if skill is None and tombstones.has(Tombstone.Kind.SKILL, skill_name):
                continue  # the curator deleted the skill itself
            if skill is None:
                summary.problems.append(f"role {name}: unknown skill {skill_name!r}")
                continue
            try:
                weight = int(weight)
            except (TypeError, ValueError):
                weight = 0
            if not 1 <= weight <= 5:
                summary.problems.append(f"role {name}: the weight of {skill_name} must be 1-5")
                continue
            link = current.get(skill.id)
            if link is None and _kept_deleted(
                tombstones, overwrite, summary, Tombstone.Kind.ROLE_SKILL, role.name, skill.name
            ):
                continue
            if link is None:
                # Also without `overwrite`: a skill the shipped profile gained since the last load (a more specific
                # skill an alias moved to) is added, as aliases are; the weights a curator set are never changed.
                RoleSkill(role=role, skill=skill, weight=weight).save()
                changed = True
            elif overwrite and link.weight != weight:
                link.weight = weight
                link.save()
                changed = True
        if overwrite and "aliases" in row and list(row["aliases"]) != role.aliases:
            role.aliases = list(row["aliases"])
            role.save()
            changed = True
        if changed and not created:
            summary.roles_updated += 1
            summary.changes.append(f"updated role {role.name}")


def skill_row(skill, aliases=None):
    """A stored skill in the row shape of the data files and imports; `aliases` when already fetched."""
    return {
        "name": skill.name,
        "kind": skill.kind,
        "category": skill.category,
        "aliases": aliases if aliases is not None else [alias.alias for alias in skill.aliases.all()],
        "ambiguous": skill.ambiguous,
        "active": skill.active,
        "external_id": skill.external_id,
    }


def rows_for(skills):
    """Row shapes of many skills. Aliases are read in one query joined on the skills' own query: prefetching them
    sends every skill id as a parameter, and SQLite refuses an IN list of the whole catalog ("Expression tree is
    too large") once it holds a few thousand skills."""
    aliases = {}
    for skill_id, alias in SkillAlias.objects.filter(skill__in=skills.values("pk")).values_list("skill_id", "alias"):
        aliases.setdefault(skill_id, []).append(alias)
    return [skill_row(skill, aliases.get(skill.pk, [])) for skill in skills]


def export_rows(active_only=False):
    """(skill rows, role rows) of the stored catalog, in the shape `load_catalog` and the data files use."""
    skills = Skill.objects.order_by("name")
    if active_only:
        skills = skills.filter(active=True)
    skill_rows = rows_for(skills)
    expected = {}
    for role_id, skill_name, weight in RoleSkill.objects.values_list("role_id", "skill__name", "weight"):
        expected.setdefault(role_id, {})[skill_name] = weight
    role_rows = [
        {
            "name": role.name,
            "aliases": list(role.aliases or []),
            "description": role.description,
            "skills": expected.get(role.pk, {}),
        }
        for role in RoleProfile.objects.order_by("name")
    ]
    return skill_rows, role_rows
