"""Curated deletions: what a curator deleted in the admin is recorded, and the default catalog's loader never
recreates it (`load_default_catalog` runs on every `make run` and adds whatever is missing)."""

from .models import RoleProfile, RoleSkill, Skill, SkillAlias, Tombstone


def record_deleted(obj):
    """Record the deletion of a catalog row (a Skill, SkillAlias, RoleProfile or RoleSkill) by a curator."""
    if isinstance(obj, Skill):
        _record(Tombstone.Kind.SKILL, obj.name)
    elif isinstance(obj, SkillAlias):
        _record(Tombstone.Kind.ALIAS, obj.skill.name, obj.alias)
    elif isinstance(obj, RoleProfile):
        _record(Tombstone.Kind.ROLE, obj.name)
    elif isinstance(obj, RoleSkill):
        _record(Tombstone.Kind.ROLE_SKILL, obj.role.name, obj.skill.name)


def record_renamed(kind, old_name, new_name):
    """A renamed skill or role is a deletion of its old name: the loader would otherwise recreate the old one."""
    if old_name and old_name.lower() != new_name.lower():
        _record(kind, old_name)


def _record(kind, name, detail=""):
    if not Tombstone.objects.filter(kind=kind, name__iexact=name, detail__iexact=detail).exists():
        Tombstone.objects.create(kind=kind, name=name, detail=detail)


class Tombstones:
    """The recorded deletions, read once for a load; every lookup ignores case, as the catalog's names do."""

    def __init__(self):
        self.keys = {(kind, name.lower(), detail.lower()) for kind, name, detail in _rows()}

    def has(self, kind, name, detail=""):
        return (kind, name.lower(), detail.lower()) in self.keys

    def forget(self, kind, name, detail=""):
        """An import recreated the row: the curator's newer word wins over the old deletion."""
        key = (kind, name.lower(), detail.lower())
        if key in self.keys:
            self.keys.discard(key)
            Tombstone.objects.filter(kind=kind, name__iexact=name, detail__iexact=detail).delete()


def _rows():
    return Tombstone.objects.values_list("kind", "name", "detail")


def forget_recreated(kind, name):
    """A curator added again a skill or role they had deleted: the deletion no longer stands."""
    Tombstone.objects.filter(kind=kind, name__iexact=name, detail="").delete()
