"""Curation of the skills catalog: every save, delete and bulk action bumps the catalog version (once per action),
so each worker rebuilds its matcher on its next analysis. Every deletion (and rename) a curator makes is recorded as
a tombstone, so the default catalog loaded on the next `make run` does not bring the row back."""

import io

from django.contrib import admin, messages
from django.db.models import Count
from django.http import HttpResponse

from .files import write_catalog_file
from .loading import rows_for
from .models import (
    CatalogVersion,
    RoleProfile,
    RoleSkill,
    Skill,
    SkillAlias,
    Tombstone,
    catalog_changed,
    catalog_edits,
)
from .tombstones import forget_recreated, record_deleted, record_renamed


class CuratedDeletionsMixin:
    """Records as tombstones what a curator deletes: the row itself (one or in bulk), an inline row (an alias, an
    expected skill), and the old value of a renamed row or a changed inline."""

    tombstone_kind = None

    def save_model(self, request, obj, form, change):
        if change and "name" in form.changed_data:
            record_renamed(self.tombstone_kind, form.initial.get("name", ""), obj.name)
        super().save_model(request, obj, form, change)
        if not change:
            forget_recreated(self.tombstone_kind, obj.name)

    def delete_model(self, request, obj):
        record_deleted(obj)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        with catalog_edits():
            for obj in queryset:
                record_deleted(obj)
            super().delete_queryset(request, queryset)

    def save_formset(self, request, form, formset, change):
        replaced = [_before_edit(inline_form) for inline_form in formset.initial_forms if inline_form.has_changed()]
        super().save_formset(request, form, formset, change)
        for obj in [*formset.deleted_objects, *filter(None, replaced)]:
            record_deleted(obj)


def _before_edit(inline_form):
    """The row as it was before an inline edit that changed what it names (an alias's text, an expected skill), or
    None: changing "k8s" to "kube" deletes "k8s"."""
    names_changed = {"alias", "skill"} & set(inline_form.changed_data)
    if not names_changed or inline_form.instance.pk is None:
        return None
    return type(inline_form.instance).objects.filter(pk=inline_form.instance.pk).select_related().first()


class SkillAliasInline(admin.TabularInline):
    model = SkillAlias
    extra = 1


class RoleSkillInline(admin.TabularInline):
    model = RoleSkill
    extra = 1
    autocomplete_fields = ["skill"]


@admin.register(Skill)
class SkillAdmin(CuratedDeletionsMixin, admin.ModelAdmin):
    tombstone_kind = Tombstone.Kind.SKILL
    list_display = ["name", "kind", "category", "alias_list", "ambiguous", "active", "updated_at"]
    list_filter = ["kind", "active", "ambiguous", "category"]
    search_fields = ["name", "aliases__alias", "category", "external_id"]
    list_per_page = 100
    inlines = [SkillAliasInline]
    actions = ["activate", "deactivate", "export_json", "export_csv"]
    fieldsets = [
        (None, {"fields": ["name", "kind", "category", "active"]}),
        ("Matching", {"fields": ["ambiguous"]}),
        ("Taxonomy", {"fields": ["external_id"], "classes": ["collapse"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("aliases")

    @admin.display(description="aliases")
    def alias_list(self, skill):
        names = [alias.alias for alias in skill.aliases.all()]
        return ", ".join(names[:6]) + (f" … (+{len(names) - 6})" if len(names) > 6 else "")

    @admin.action(description="Activate selected skills")
    def activate(self, request, queryset):
        self._set_active(request, queryset, True)

    @admin.action(description="Deactivate selected skills (no longer matched)")
    def deactivate(self, request, queryset):
        self._set_active(request, queryset, False)

    def _set_active(self, request, queryset, active):
        changed = queryset.exclude(active=active).update(active=active)
        if changed:
            catalog_changed()  # QuerySet.update() sends no signals
        state = "activated" if active else "deactivated"
        self.message_user(request, f"{changed} skill(s) {state}.", messages.SUCCESS)

    @admin.action(description="Export selected skills as JSON")
    def export_json(self, request, queryset):
        return _export(queryset, "json", "application/json")

    @admin.action(description="Export selected skills as CSV")
    def export_csv(self, request, queryset):
        return _export(queryset, "csv", "text/csv")


def _export(queryset, fmt, content_type):
    rows = rows_for(queryset)
    buffer = io.StringIO()
    write_catalog_file(buffer, rows, [], fmt)
    response = HttpResponse(buffer.getvalue(), content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="skills.{fmt}"'
    return response


@admin.register(RoleProfile)
class RoleProfileAdmin(CuratedDeletionsMixin, admin.ModelAdmin):
    tombstone_kind = Tombstone.Kind.ROLE
    list_display = ["name", "skill_count", "updated_at"]
    search_fields = ["name", "aliases", "description"]
    inlines = [RoleSkillInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(skill_total=Count("expected_skills"))

    @admin.display(description="expected skills", ordering="skill_total")
    def skill_count(self, role):
        return role.skill_total


@admin.register(CatalogVersion)
class CatalogVersionAdmin(admin.ModelAdmin):
    """Read-only: the number analyses record; it moves by itself on every catalog edit."""

    list_display = ["__str__", "version", "updated_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Tombstone)
class TombstoneAdmin(admin.ModelAdmin):
    """What curators deleted, which the default catalog's load keeps deleted. Deleting a tombstone lets the next
    `load_default_catalog` (every `make run`) restore the row from the shipped data."""

    list_display = ["kind", "name", "detail", "deleted_at"]
    list_filter = ["kind"]
    search_fields = ["name", "detail"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
