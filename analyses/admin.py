"""Reviewing uploads: a fast change list, a readable read-only report, staff-only file download, and actions that go
through the same services as the API and the commands."""

import json
import uuid

from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected
from django.contrib.admin.utils import unquote
from django.contrib.admin.views.main import SEARCH_VAR, ChangeList
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.http import FileResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import Truncator

from skills_catalog.models import current_catalog_version

from .admin_paging import CappedCountPaginator
from .filetypes import CONTENT_TYPES_BY_KIND, EXTENSIONS, kind_of_name
from .models import Analysis, Status
from .pipeline import scoring
from .serializers import ResultSerializer
from .services import delete_analyses, delete_analysis, outdated_filter, requeue_analysis

# The change list reads only these columns; the report's JSON (tens of KB per row) stays in the database.
LIST_COLUMNS = (
    "id",
    "original_filename",
    "status",
    "error",
    "overall_score",
    "skills_count",
    "catalog_version",
    "created_at",
    "duration_ms",
)


def band_ranges(bands):
    """{band: (label, lowest, highest)} from [(band, lowest)], best first: each band ends below the one above."""
    ranges, highest = {}, 100
    for name, lowest in bands:
        ranges[name] = (f"{lowest}–{highest}", lowest, highest)
        highest = lowest - 1
    return ranges


# The one banding of a score (pipeline/scoring.py), which the demo page colours by too.
SCORE_BANDS = band_ranges(scoring.SCORE_BANDS)

# Hex strings this long are searched as a SHA-256 prefix only (an index range), never as file names.
SHA256_PREFIX_CHARS = 16

STATUS_COLOURS = {Status.COMPLETED: "#2e7d32", Status.FAILED: "#c62828", Status.PROCESSING: "#8d6e00"}
FILE_TYPE_LABELS = {"pdf": "PDF", "docx": "Word .docx"}

# Each change-list row stays one line: long text is cut here (whole in the cell's tooltip and on the change page), and
# analyses/static/analyses/admin.css keeps cells from wrapping.
LIST_ERROR_CHARS = 60
LIST_FILENAME_CHARS = 40


class ScoreBandFilter(admin.SimpleListFilter):
    title = "score"
    parameter_name = "score"

    def lookups(self, request, model_admin):
        return [(key, label) for key, (label, _, _) in SCORE_BANDS.items()] + [("none", "No score")]

    def queryset(self, request, queryset):
        if self.value() == "none":
            return queryset.filter(overall_score__isnull=True)
        if self.value() in SCORE_BANDS:
            _, low, high = SCORE_BANDS[self.value()]
            return queryset.filter(overall_score__gte=low, overall_score__lte=high)
        return queryset


class CatalogFilter(admin.SimpleListFilter):
    title = "skills catalog"
    parameter_name = "catalog"

    def lookups(self, request, model_admin):
        return [("outdated", "Older than the current catalog"), ("current", "Current catalog")]

    def queryset(self, request, queryset):
        if self.value() == "outdated":
            return queryset.filter(outdated_filter(catalog_version_for(request)))
        if self.value() == "current":
            return queryset.filter(catalog_version__gte=catalog_version_for(request))
        return queryset


class AnalysisChangeList(ChangeList):
    def get_queryset(self, request, exclude_parameters=None):
        return super().get_queryset(request, exclude_parameters).only(*LIST_COLUMNS)


@admin.register(Analysis)
class AnalysisAdmin(admin.ModelAdmin):
    list_display = (
        "file_name",
        "status_label",
        "score",
        "skills",
        "created",
        "duration",
        "catalog",
        "error_summary",
    )
    list_filter = ("status", ("created_at", admin.DateFieldListFilter), ScoreBandFilter, CatalogFilter)
    search_fields = ("original_filename",)  # shows the search box; get_search_results does the real work
    search_help_text = "File name, id, SHA-256 (or its first 16 characters), or a skill such as Python."
    ordering = ("-created_at",)
    sortable_by = ("file_name", "score", "skills", "created", "duration")
    list_per_page = 50
    # Counting every row on each page view is what makes a 100,000-row change list slow; the filtered count is enough.
    show_full_result_count = False
    actions = ["rerun_selected"]
    fieldsets = [
        ("Upload", {"fields": ("original_filename", "download", "size", "sha256", "target_role", "job_description")}),
        (
            "Analysis",
            {
                "fields": (
                    "id",
                    "status",
                    "error",
                    "attempts",
                    "catalog",
                    "created_at",
                    "started_at",
                    "finished_at",
                    "duration",
                )
            },
        ),
    ]
    readonly_fields = ("id", "download", "size", "catalog", "duration")

    class Media:
        css = {"all": ["analyses/admin.css"]}

    # Permissions: uploads come only through the API, and a stored report is never edited by hand.

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_rerun_permission(self, request):
        return request.user.has_perm("analyses.change_analysis")

    # Change list

    def get_changelist(self, request, **kwargs):
        return AnalysisChangeList

    def changelist_view(self, request, extra_context=None):
        # The app sidebar would take 300 of 1280 px beside the filter panel; the breadcrumbs still lead back.
        return super().changelist_view(request, {**(extra_context or {}), "is_nav_sidebar_enabled": False})

    def get_queryset(self, request):
        outdated = ExpressionWrapper(outdated_filter(catalog_version_for(request)), output_field=BooleanField())
        return super().get_queryset(request).annotate(catalog_outdated=outdated)

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        if request.GET.get(SEARCH_VAR, "").strip():
            return CappedCountPaginator(queryset, per_page, orphans, allow_empty_first_page)
        return super().get_paginator(request, queryset, per_page, orphans, allow_empty_first_page)

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        return queryset.filter(search_filter(term)), False

    @admin.display(description="File", ordering="original_filename")
    def file_name(self, obj):
        return cut_short(obj.original_filename, LIST_FILENAME_CHARS)

    @admin.display(description="Score", ordering="overall_score")
    def score(self, obj):
        return "–" if obj.overall_score is None else obj.overall_score

    @admin.display(description="Skills", ordering="skills_count")
    def skills(self, obj):
        return obj.skills_count

    @admin.display(description="Uploaded", ordering="created_at")
    def created(self, obj):
        return format_html(
            '<span title="{}">{}</span>',
            timezone.localtime(obj.created_at).isoformat(timespec="seconds"),
            timezone.localtime(obj.created_at).strftime("%Y-%m-%d %H:%M"),
        )

    @admin.display(description="Status", ordering="status")
    def status_label(self, obj):
        return format_html(
            '<strong style="color: {}">{}</strong>', STATUS_COLOURS.get(obj.status, "inherit"), obj.get_status_display()
        )

    @admin.display(description="Duration", ordering="duration_ms")
    def duration(self, obj):
        if obj.duration_ms is None:
            return "–"
        if obj.duration_ms < 1000:
            return f"{obj.duration_ms} ms"
        return f"{obj.duration_ms / 1000:.1f} s"

    @admin.display(description="Catalog", ordering="catalog_version")
    def catalog(self, obj):
        if obj.catalog_version is None:
            return "–"
        if getattr(obj, "catalog_outdated", False):
            return format_html(
                'v{} <span style="color: #c62828" title="Older than the current catalog">⚠ outdated</span>',
                obj.catalog_version,
            )
        return f"v{obj.catalog_version}"

    @admin.display(description="Error")
    def error_summary(self, obj):
        if obj.status != Status.FAILED:
            return ""
        return cut_short(obj.error, LIST_ERROR_CHARS)

    # Detail page

    @admin.display(description="Stored file")
    def download(self, obj):
        if not obj.file:
            return "Not stored"
        url = reverse("admin:analyses_analysis_download", args=[obj.pk])
        kind = FILE_TYPE_LABELS[kind_of_name(obj.file.name)]
        return format_html('<a href="{}">Download {}</a> ({})', url, obj.original_filename, kind)

    @admin.display(description="Size")
    def size(self, obj):
        return f"{obj.size_bytes / 1024:.0f} KB"

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        extra_context = dict(extra_context or {})
        if obj is not None:
            extra_context["report"] = report_context(obj)
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        download = path(
            "<path:object_id>/download/",
            self.admin_site.admin_view(self.download_view),
            name="analyses_analysis_download",
        )
        return [download, *super().get_urls()]

    def download_view(self, request, object_id):
        """The stored file (PDF or .docx), for staff who may view analyses. There is no public URL for uploads."""
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_permission(request, obj):
            raise PermissionDenied
        try:
            handle = default_storage.open(obj.file.name, "rb") if obj.file else None
        except FileNotFoundError:
            handle = None
        if handle is None:
            self.message_user(request, "The stored file is no longer there.", messages.WARNING)
            return redirect("admin:analyses_analysis_change", obj.pk)
        kind = kind_of_name(obj.file.name)
        filename = obj.original_filename
        if not filename.lower().endswith(EXTENSIONS[kind]):
            filename += EXTENSIONS[kind]  # a .docx the applicant named .pdf downloads as what it is
        response = FileResponse(handle, as_attachment=True, filename=filename, content_type=CONTENT_TYPES_BY_KIND[kind])
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "sandbox"
        response["Cache-Control"] = "private, no-store"
        return response

    # Actions and deletion: the same services as the API's DELETE and `manage.py reprocess_analyses`.

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            # Django's own confirmation page, but the deletion runs through delete_queryset below.
            actions["delete_selected"] = (delete_selected, "delete_selected", "Delete with file")
        return actions

    @admin.action(description="Re-run analysis (queued)", permissions=["rerun"])
    def rerun_selected(self, request, queryset):
        outcomes = [requeue_analysis(pk) for pk in queryset.values_list("pk", flat=True)]
        queued = outcomes.count("queued")
        skipped = len(outcomes) - queued
        message = f"{queued} analyses queued to run again."
        if skipped:
            message += f" {skipped} skipped (still processing, or the stored file is gone)."
        self.message_user(request, message, messages.SUCCESS if queued else messages.WARNING)

    def delete_model(self, request, obj):
        delete_analysis(obj)

    def delete_queryset(self, request, queryset):
        delete_analyses(queryset.values_list("pk", flat=True))


def cut_short(text, chars):
    """`text` cut to `chars` with an ellipsis, the whole of it in the tooltip."""
    return format_html('<span class="cut" title="{}">{}</span>', text, Truncator(text).chars(chars))


def catalog_version_for(request):
    """Today's catalog version, read once per request however many filters and columns ask."""
    if not hasattr(request, "_catalog_version"):
        request._catalog_version = current_catalog_version()
    return request._catalog_version


def search_filter(term):
    """An id, a SHA-256 (or its first 16+ characters), else a file name or a skill.

    Ids and hashes are index lookups. File names and skills are a scan on SQLite (about 1-2 s at 100,000 rows); on
    PostgreSQL `icontains` is `UPPER(column::text) LIKE UPPER('%term%')`, exactly the expression the trigram indexes
    of migration 0003 cover, so keep the lookup as it is or the indexes no longer serve it. Skills are JSON lists:
    `icontains` compares their text on SQLite and casts jsonb to text on PostgreSQL.
    """
    try:
        return Q(pk=uuid.UUID(term))
    except ValueError:
        pass
    if len(term) >= SHA256_PREFIX_CHARS and all(ch in "0123456789abcdefABCDEF" for ch in term):
        prefix = term.lower()
        # A range rather than startswith: SQLite's case-insensitive LIKE cannot use the index.
        return Q(sha256__gte=prefix, sha256__lt=prefix + "g")
    query = Q(original_filename__icontains=term)
    for form in {term, json.dumps(term)[1:-1]}:  # SQLite keeps non-ASCII names \u-escaped in the JSON text
        query |= Q(technical_skills__icontains=form) | Q(soft_skills__icontains=form)
    return query


def report_context(analysis):
    """The report as the API renders it (serializers.ResultSerializer), shaped for the detail template: each skill
    with its evidence lines, the breakdown sorted, and a failed analysis's error."""
    report = ResultSerializer.render(analysis)
    evidence = report.get("skill_evidence") or {}

    def skills(names):
        return [{"name": name, "evidence": evidence.get(name, [])} for name in names or []]

    return {
        **report,
        "error": analysis.error,
        "breakdown": sorted((report.get("score_breakdown") or {}).items()),
        "technical_skills": skills(report["technical_skills"]),
        "soft_skills": skills(report["soft_skills"]),
        # Implied by an activity, never stated (issue 11): shown apart, with the phrase that implied each.
        "inferred_skills": [
            {"name": item.get("name", ""), "evidence": item.get("evidence") or []}
            for item in report.get("inferred_skills") or []
        ],
        "missing_source": report.get("missing_keywords_source") or {},
        "findings": report.get("findings") or [{"message": issue} for issue in report["formatting_issues"] or []],
        "contact": report.get("contact") or {},
        "sections": report.get("sections") or [],
        "timings": report.get("timings_ms") or {},
    }
