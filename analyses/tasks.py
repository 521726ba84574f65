"""The worker's entry point. Thin: load the row, run the pipeline, save; every failure becomes a `failed` row."""

import logging
import time

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.dispatch import receiver
from django.utils import timezone
from django_q.exceptions import TimeoutException
from django_q.signals import post_spawn
from django_q.tasks import async_task

from skills_catalog.matcher import get_matcher

from .isolation import run_limited
from .models import Analysis, Status
from .pipeline.analyse import AnalysisOptions, analyse
from .pipeline.errors import UnreadablePdf

logger = logging.getLogger(__name__)

UNEXPECTED_ERROR = "An unexpected error stopped the analysis. Try uploading the file again."


def enqueue_analysis(analysis_id):
    """Queue the analysis; pass only the id (task arguments are pickled and signed)."""
    async_task("analyses.tasks.run_analysis", str(analysis_id), task_name=task_name(analysis_id), group="analysis")


def task_name(analysis_id):
    """The queue entry's name for an analysis: how the stale sweep tells a queued analysis from an abandoned one."""
    return f"analysis-{analysis_id}"


@receiver(post_spawn)
def warm_up_worker(sender, proc_name=None, **kwargs):
    """Compile the catalog matcher as each worker process starts, so the first analysis a user uploads does not pay
    for it (~0.5 s with the default catalog; bench/latency.py). A failure here only costs that first analysis."""
    try:
        get_matcher()
    except Exception:
        logger.exception("Could not compile the skills matcher at worker start; the first analysis will")


def analysis_limits():
    return {"memory_mb": settings.ANALYSIS_MAX_MEMORY_MB, "time_limit_s": settings.ANALYSIS_TIME_LIMIT}


def run_analysis(analysis_id):
    """Idempotent: a finished analysis is left as it is; a re-delivered one (killed worker) simply runs again."""
    analysis = _claim(analysis_id)
    if analysis is None:
        return "skipped"
    if analysis.attempts > settings.ANALYSIS_MAX_ATTEMPTS:
        _fail(
            analysis,
            f"The analysis stopped the worker {settings.ANALYSIS_MAX_ATTEMPTS} times; the file may be built to "
            "exhaust the reader. Try exporting the PDF again.",
        )
        return "failed"
    started = time.perf_counter()
    try:
        if settings.ANALYSIS_TEST_DELAY_SECONDS:  # TEST-ONLY (fault tests); 0 in every real deployment
            time.sleep(settings.ANALYSIS_TEST_DELAY_SECONDS)
        data = _read_file(analysis)
        options = AnalysisOptions(
            job_description=analysis.job_description,
            target_role=analysis.target_role,
            max_pages=settings.MAX_PAGES,
            score_weights=settings.SCORE_WEIGHTS,
        )
        report = run_limited(analyse, data, get_matcher(), options, **analysis_limits())
    except UnreadablePdf as error:
        _fail(analysis, error.message, started)
        return "failed"
    except TimeoutException:
        _fail(
            analysis,
            f"The analysis took longer than {settings.ANALYSIS_TIME_LIMIT} seconds and was stopped; "
            "the PDF may be unusually complex.",
            started,
        )
        return "failed"
    except Exception:
        logger.exception("Analysis %s failed unexpectedly", analysis_id)
        _fail(analysis, UNEXPECTED_ERROR, started)
        return "failed"
    _complete(analysis, report, started)
    return "completed"


def _claim(analysis_id):
    with transaction.atomic():
        updated = Analysis.objects.filter(pk=analysis_id, status=Status.PROCESSING).update(
            attempts=F("attempts") + 1, started_at=timezone.now()
        )
        if not updated:
            return None
        return Analysis.objects.get(pk=analysis_id)


def _read_file(analysis):
    if not analysis.file:
        raise UnreadablePdf("The uploaded file is no longer stored, so it cannot be analysed.", "file_missing")
    try:
        with analysis.file.open("rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise UnreadablePdf(
            "The uploaded file is no longer stored, so it cannot be analysed.", "file_missing"
        ) from None


def _complete(analysis, report, started):
    details = dict(report.details)
    Analysis.objects.filter(pk=analysis.pk, status=Status.PROCESSING).update(
        status=Status.COMPLETED,
        error="",
        overall_score=report.overall_score,
        summary_text=report.summary_text,
        technical_skills=report.technical_skills,
        soft_skills=report.soft_skills,
        missing_keywords=report.missing_keywords,
        formatting_issues=report.formatting_issues,
        details=details,
        skills_count=len(report.technical_skills) + len(report.soft_skills),
        catalog_version=details.get("catalog_version"),
        finished_at=timezone.now(),
        duration_ms=_elapsed_ms(started),
    )


def _fail(analysis, message, started=None):
    Analysis.objects.filter(pk=analysis.pk, status=Status.PROCESSING).update(
        status=Status.FAILED,
        error=message,
        finished_at=timezone.now(),
        duration_ms=_elapsed_ms(started) if started else None,
    )


def _elapsed_ms(started):
    return int((time.perf_counter() - started) * 1000)


# The worker's schedule (see `manage.py setup_schedules`) calls these two.


def sweep_stale():
    from .services import sweep_stale_analyses

    requeued, failed = sweep_stale_analyses()
    return f"{requeued} re-queued, {failed} marked failed"


def purge_expired():
    from .services import purge_expired as purge

    return f"{purge()} analyses deleted"
