from contextlib import contextmanager
from contextvars import ContextVar

from django.db import models
from django.db.models import F

_batch = ContextVar("catalog_batch", default=None)


class Kind(models.TextChoices):
    TECHNICAL = "technical", "Technical"
    SOFT = "soft", "Soft"


class Skill(models.Model):
    name = models.CharField(max_length=120, unique=True, help_text="Canonical name, as reported in results.")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.TECHNICAL)
    category = models.CharField(max_length=80, blank=True)
    ambiguous = models.BooleanField(
        default=False,
        help_text="Also a common word (Go, R, Excel, Access): only counted where the context shows it is a skill.",
    )
    active = models.BooleanField(default=True)
    external_id = models.CharField(
        max_length=255, blank=True, help_text="Optional id or URI in ESCO, O*NET or Lightcast."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class SkillAlias(models.Model):
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(max_length=120, unique=True, help_text='Another way people write it, e.g. "k8s".')

    class Meta:
        ordering = ["alias"]
        verbose_name_plural = "skill aliases"

    def __str__(self):
        return self.alias


class RoleProfile(models.Model):
    name = models.CharField(max_length=120, unique=True)
    aliases = models.JSONField(default=list, blank=True, help_text='Other titles, e.g. ["Front-end Developer"].')
    description = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class RoleSkill(models.Model):
    role = models.ForeignKey(RoleProfile, on_delete=models.CASCADE, related_name="expected_skills")
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="role_links")
    weight = models.PositiveSmallIntegerField(default=3, help_text="1 = nice to have … 5 = essential.")

    class Meta:
        ordering = ["-weight", "skill__name"]
        constraints = [models.UniqueConstraint(fields=["role", "skill"], name="unique_role_skill")]

    def __str__(self):
        return f"{self.role}: {self.skill} ({self.weight})"


class CatalogVersion(models.Model):
    """A single row whose number goes up on every catalog edit; analyses record it and matchers cache by it."""

    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"catalog v{self.version}"


def current_catalog_version():
    row = CatalogVersion.objects.filter(pk=1).values_list("version", flat=True).first()
    return row or 1


# The catalog version has one way up: every edit calls catalog_changed(). The signals (signals.py) call it for each
# row saved or deleted; code that writes without signals (QuerySet.update, bulk_create) calls it itself. Inside
# catalog_edits() the calls of a batch collapse into one bump at its end.


def catalog_changed():
    """Record a catalog edit: the version goes up now, or once at the end of the enclosing catalog_edits()."""
    batch = _batch.get()
    if batch is not None:
        batch.changed = True
        return
    updated = CatalogVersion.objects.filter(pk=1).update(version=F("version") + 1)
    if not updated:
        CatalogVersion.objects.get_or_create(pk=1, defaults={"version": 2})


class _Batch:
    changed = False


@contextmanager
def catalog_edits():
    """Many edits, one bump (and none if nothing changed): an import of 2,000 skills must not bump 2,000 times, and
    re-loading an unchanged catalog must not make every analysis outdated. The bump is in the block's transaction,
    so a rolled-back block (a dry run) leaves the version as it was."""
    batch = _Batch()
    token = _batch.set(batch)
    try:
        yield
    finally:
        _batch.reset(token)
    if batch.changed:
        catalog_changed()  # inside an outer batch this only marks that one


class Tombstone(models.Model):
    """A catalog row a curator deleted in the admin. The default catalog is loaded on every `make run` and adds what
    is missing; without this record it would recreate what the curator deleted. An import (an explicit file) may
    recreate it, and then the tombstone goes."""

    class Kind(models.TextChoices):
        SKILL = "skill", "Skill"
        ALIAS = "alias", "Alias of a skill"
        ROLE = "role", "Role profile"
        ROLE_SKILL = "role_skill", "Expected skill of a role"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    name = models.CharField(max_length=120, help_text="The skill (skill, alias) or the role (role, expected skill).")
    detail = models.CharField(
        max_length=120, blank=True, help_text="The alias (alias) or the skill (expected skill); empty otherwise."
    )
    deleted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-deleted_at", "kind", "name"]
        constraints = [models.UniqueConstraint(fields=["kind", "name", "detail"], name="unique_tombstone")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.name}" + (f" / {self.detail}" if self.detail else "")
