"""The one writer of `Analysis` rows: creating and queueing, claiming, completing, failing, re-running, sweeping
and deleting are functions here. The API, the admin, the commands and the worker task (`tasks.py`) call these;
this module never imports `tasks.py` (it queues the task by its dotted name)."""

import contextlib
import dataclasses
import logging
import threading
import time
from datetime import timedelta

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import DEFAULT_DB_ALIAS, DataError, IntegrityError, OperationalError, connection, transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django_q.exceptions import TimeoutException
from django_q.tasks import async_task

from skills_catalog.matcher import get_matcher
from skills_catalog.models import current_catalog_version

from .active_limit import admit
from .isolation import run_limited
from .models import Analysis, Status
from .pipeline.analyse import AnalysisOptions, Report, analyse
from .pipeline.errors import UnreadablePdf
from .pipeline.ocr import OcrOptions
from .uploads import display_name, store_upload

logger = logging.getLogger(__name__)

# Rows are deleted this many at a time, so a purge of 100,000 rows never holds one long write lock.
DELETE_BATCH = 500

UNEXPECTED_ERROR = "An unexpected error stopped the analysis. Try uploading the file again."
FILE_MISSING = "The uploaded file is no longer stored, so it cannot be analysed."
REPORT_NOT_SAVED = (
    "The file was read, but its report held values that could not be saved (the file may carry malformed "
    "settings). Export it again from your editor, or as a PDF, and upload it again."
)

# The pipeline's Report is stored field for field in columns of the same names.
REPORT_FIELDS = [field.name for field in dataclasses.fields(Report)]

# Everything a finished analysis wrote; a re-run clears it so a row never mixes old and new results.
CLEARED_RESULT = {
    **{name: Analysis._meta.get_field(name).get_default() for name in REPORT_FIELDS},
    "error": "",
    "skills_count": 0,
    "catalog_version": None,
    "finished_at": None,
    "duration_ms": None,
}


def attempts_exhausted(times):
    """Why an analysis whose deliveries kept dying ends `failed` (the worker's last attempt and the sweep say it)."""
    return (
        f"The analysis was interrupted {times} times before it could finish (the worker stopped); "
        "the file may be built to exhaust the reader. Try exporting it again from your editor."
    )


# Creating and queueing


def create_analysis(uploaded, job_description="", target_role="", client=""):
    """Store a validated upload, then create its `processing` row and its queue entry, which a worker sees only once
    the row has committed.

    Raises uploads.StorageError (an OSError), keeping nothing, when the storage refuses the file, and
    active_limit.TooManyActiveAnalyses, keeping nothing, when `client` has too many analyses under way."""
    name, size, sha256 = store_upload(uploaded, getattr(uploaded, "file_kind", "pdf"))
    # Built before the transaction, so the database's write lock is held for the INSERTs alone.
    analysis = Analysis(
        file=name,
        original_filename=display_name(uploaded.name),
        size_bytes=size,
        sha256=sha256,
        job_description=job_description,
        target_role=target_role,
        client=client,
        created_at=timezone.now(),
    )
    try:
        with write_turn(), transaction.atomic():
            admit(client)
            analysis.save(force_insert=True)
            queue_on_commit(analysis.id)
    except Exception:
        default_storage.delete(name)  # never leave a file without its row
        raise
    return analysis


def queue_on_commit(analysis_id):
    """Queue an analysis so that a worker can take it only once the current transaction commits.

    With the ORM broker on the default database (this project's setting) the queue entry is written inside the
    transaction: the row and its entry commit together or not at all, in one commit instead of two. Any other
    broker cannot join the transaction, so it is told after the commit."""
    from django_q.conf import Conf

    if Conf.ORM == DEFAULT_DB_ALIAS:
        enqueue_analysis(analysis_id)
    else:
        transaction.on_commit(lambda: enqueue_analysis(analysis_id))


# SQLite has one write lock per database file, and a connection that finds it taken waits in SQLite's busy handler,
# which sleeps in growing steps (1, 2, 5, 10… up to 100 ms) and so can wake long after the lock came free. The web
# process's threads take their turn here instead, each woken the moment the previous one is done. PostgreSQL locks
# rows, not the database: there the threads write at the same time.
_SQLITE_WRITE_TURN = threading.Lock()


def write_turn():
    return _SQLITE_WRITE_TURN if connection.vendor == "sqlite" else contextlib.nullcontext()


def enqueue_analysis(analysis_id):
    """Queue the analysis; pass only the id (task arguments are pickled and signed)."""
    async_task("analyses.tasks.run_analysis", str(analysis_id), task_name=task_name(analysis_id), group="analysis")


def task_name(analysis_id):
    """The queue entry's name for an analysis: how the stale sweep tells a queued analysis from an abandoned one."""
    return f"analysis-{analysis_id}"


# Analysing


def analyse_now(analysis_id):
    """Claim and analyse in this process; returns "completed", "failed" or "skipped".

    Idempotent: a finished analysis is left as it is; a re-delivered one (killed worker) simply runs again. Every
    failure becomes a `failed` row with a sentence a person understands. Each write waits out a busy database within
    the task's time budget (`write_within`).
    """
    deadline = time.monotonic() + settings.QUEUE_TIMEOUT_SECONDS - SAVE_MARGIN_SECONDS

    def save(write, *args):
        return write_within(deadline, lambda: write(*args), f"analysis {analysis_id}")

    analysis = save(_claim, analysis_id)
    if analysis is None:
        return "skipped"
    if analysis.attempts > settings.ANALYSIS_MAX_ATTEMPTS:
        save(_fail, analysis, attempts_exhausted(settings.ANALYSIS_MAX_ATTEMPTS))
        return "failed"
    started = time.perf_counter()
    try:
        report = run_pipeline(analysis)
    except UnreadablePdf as error:
        save(_fail, analysis, error.message, started)
        return "failed"
    except TimeoutException:
        message = (
            f"The analysis took longer than {settings.ANALYSIS_TIME_LIMIT} seconds and was stopped; "
            "the PDF may be unusually complex."
        )
        save(_fail, analysis, message, started)
        return "failed"
    except Exception:
        logger.exception("Analysis %s failed unexpectedly", analysis_id)
        save(_fail, analysis, UNEXPECTED_ERROR, started)
        return "failed"
    try:
        save(_complete_atomically, analysis, report, started)
    except (DataError, IntegrityError, ValueError, TypeError):
        # A report the database refuses (a value no JSON column stores) would fail this task on every delivery and
        # leave the row `processing`; it fails once, with a sentence. A database that is down still raises.
        logger.exception("The report of analysis %s could not be saved", analysis_id)
        save(_fail, analysis, REPORT_NOT_SAVED, started)
        return "failed"
    return "completed"


# Writing while another process holds the database. SQLite has one write lock per file: a connection that finds it
# taken waits in SQLite's busy handler for SQLITE_BUSY_TIMEOUT_SECONDS (30 s), then raises "database is locked". A task
# that let that escape was acknowledged as failed and its row stayed `processing` until the stale sweep re-queued it
# minutes later. Its writes are tried again instead, for as long as django-q2 still gives the task (it stops it at
# QUEUE_TIMEOUT_SECONDS; the margin keeps the last try and the task's own bookkeeping inside that).
SAVE_MARGIN_SECONDS = 5
# Each try waits in the busy handler at most this long, so the log shows the wait while it lasts.
SAVE_TRY_SECONDS = 5
SAVE_PAUSES = (0.1, 2.0)  # first pause between tries, and the longest


def write_within(deadline, write, what):
    """Run `write` (one short transaction, safe to repeat) until it succeeds or `deadline` (time.monotonic()) passes.

    A locked SQLite database or a connection lost on the way is tried again after a growing pause; past the deadline
    the error is raised (the stale sweep then re-queues the analysis; docs/operations.md). Any other error is raised
    at once."""
    pause = SAVE_PAUSES[0]
    while True:
        try:
            with _busy_wait_at_most(deadline - time.monotonic()):
                return write()
        except OperationalError as error:
            remaining = deadline - time.monotonic()
            if not _worth_retrying(error) or remaining <= pause:
                raise
            logger.warning("Saving %s: %s; trying again for up to %.0f s", what, error, remaining)
            if not connection.in_atomic_block:
                connection.close_if_unusable_or_obsolete()  # a lost connection reopens on the next try
            time.sleep(pause)
            pause = min(pause * 2, SAVE_PAUSES[1])


def _worth_retrying(error):
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return True
    return connection.connection is None or not connection.is_usable()


@contextlib.contextmanager
def _busy_wait_at_most(seconds):
    """On SQLite, cap this connection's busy wait at `seconds` (at most SAVE_TRY_SECONDS), then restore it."""
    if connection.vendor != "sqlite":
        yield
        return
    default_ms = int(connection.settings_dict.get("OPTIONS", {}).get("timeout", 5) * 1000)
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA busy_timeout = {int(max(0.05, min(seconds, SAVE_TRY_SECONDS)) * 1000)}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {default_ms}")


def run_pipeline(analysis):
    """The stored file through the pure pipeline with this deployment's options: a Report, or an exception."""
    options = AnalysisOptions(
        job_description=analysis.job_description,
        target_role=analysis.target_role,
        max_pages=settings.MAX_PAGES,
        score_weights=settings.SCORE_WEIGHTS,
        ocr=OcrOptions(
            dpi=settings.OCR_DPI,
            max_pages=settings.OCR_MAX_PAGES,
            tessdata=settings.OCR_TESSDATA,
            command=settings.OCR_COMMAND,
        ),
    )
    limits = {"memory_mb": settings.ANALYSIS_MAX_MEMORY_MB, "time_limit_s": settings.ANALYSIS_TIME_LIMIT}
    return run_limited(analyse, _read_file(analysis), get_matcher(), options, **limits)  # analyses/isolation.py


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
        raise UnreadablePdf(FILE_MISSING, "file_missing")
    try:
        with analysis.file.open("rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise UnreadablePdf(FILE_MISSING, "file_missing") from None


def _complete_atomically(analysis, report, started):
    with transaction.atomic():  # a refused update leaves the connection usable for the `failed` one
        _complete(analysis, report, started)


def _complete(analysis, report, started):
    Analysis.objects.filter(pk=analysis.pk, status=Status.PROCESSING).update(
        **{name: getattr(report, name) for name in REPORT_FIELDS},
        status=Status.COMPLETED,
        error="",
        skills_count=len(report.technical_skills) + len(report.soft_skills),
        catalog_version=report.details.get("catalog_version"),
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


# Deleting


def delete_analysis(analysis):
    """Delete the row and its stored file. The file goes only once the row's deletion has committed."""
    delete_analyses([analysis.pk])


def delete_analyses(ids):
    """Delete these analyses and their files; returns how many rows were deleted."""
    ids = list(ids)
    deleted = 0
    for start in range(0, len(ids), DELETE_BATCH):
        batch = ids[start : start + DELETE_BATCH]
        with transaction.atomic():
            rows = Analysis.objects.filter(pk__in=batch)
            names = [name for name in rows.values_list("file", flat=True) if name]
            deleted += rows.delete()[0]
            transaction.on_commit(lambda names=names: _delete_files(names))
    return deleted


def _delete_files(names):
    for name in names:
        try:
            default_storage.delete(name)
        except Exception:  # OSError from a folder, botocore's errors from a bucket
            # The row is gone, which is what the applicant asked for; a file we cannot remove is an operator's job.
            logger.exception("Could not delete stored file %s", name)


def purge_older_than(age, dry_run=False):
    """Delete analyses uploaded more than `age` (a timedelta) ago, with their files. Returns the count."""
    old = Analysis.objects.filter(created_at__lt=timezone.now() - age)
    if dry_run:
        return old.count()
    return delete_analyses(old.values_list("pk", flat=True))


def purge_expired():
    """The schedule's retention run: RETENTION_DAYS=0 (the default) keeps everything."""
    if settings.RETENTION_DAYS <= 0:
        return 0
    return purge_older_than(timedelta(days=settings.RETENTION_DAYS))


# Re-running


def select_analyses(*, everything=False, statuses=(), since=None, ids=(), outdated=False):
    """The analyses a batch re-run picks: criteria combine with AND (statuses among themselves with OR)."""
    if not (everything or statuses or since or ids or outdated):
        raise ValueError("Choose what to re-run: everything, statuses, since, ids or outdated.")
    queryset = Analysis.objects.all()
    if statuses:
        queryset = queryset.filter(status__in=list(statuses))
    if since is not None:
        queryset = queryset.filter(created_at__gte=since)
    if ids:
        queryset = queryset.filter(pk__in=list(ids))
    if outdated:
        queryset = queryset.filter(outdated_filter(current_catalog_version()))
    return queryset.order_by("created_at")


def outdated_filter(current_version):
    """Analysed against an older catalog than today's. A failed analysis records no version: not outdated."""
    return Q(catalog_version__lt=current_version)


def reset_for_rerun(analysis_id):
    """Put a finished analysis back to `processing` with its old results cleared; the stored file is kept.

    Returns False (skip) when the row is already processing (a worker has it) or its file is no longer stored,
    so a re-run never turns a good old result into "file missing".
    """
    name = Analysis.objects.filter(pk=analysis_id).values_list("file", flat=True).first()
    if not name or not default_storage.exists(name):
        return False
    updated = (
        Analysis.objects.filter(pk=analysis_id)
        .exclude(status=Status.PROCESSING)
        .update(status=Status.PROCESSING, attempts=0, started_at=timezone.now(), **CLEARED_RESULT)
    )
    return bool(updated)


def requeue_analysis(analysis_id):
    """Reset and queue for the worker. Returns "queued" or "skipped"."""
    with transaction.atomic():
        if not reset_for_rerun(analysis_id):
            return "skipped"
        transaction.on_commit(lambda: enqueue_analysis(analysis_id))
    return "queued"


def rerun_now(analysis_id):
    """Reset and analyse in this process. Returns "completed", "failed" or "skipped"; never raises."""
    try:
        if not reset_for_rerun(analysis_id):
            return "skipped"
        return analyse_now(analysis_id)
    except Exception:
        # analyse_now turns analysis errors into `failed` rows itself; this is the database going away mid-batch.
        logger.exception("Re-running analysis %s failed", analysis_id)
        return "failed"


def fail_if_still_processing(ids, message):
    """Mark failed those of `ids` still `processing` (their process died mid-run); returns their ids."""
    stuck = set(Analysis.objects.filter(pk__in=list(ids), status=Status.PROCESSING).values_list("pk", flat=True))
    Analysis.objects.filter(pk__in=stuck, status=Status.PROCESSING).update(
        status=Status.FAILED, error=message, finished_at=timezone.now()
    )
    return stuck


# Stale work


def stale_analyses(stale_after=None, now=None):
    """Analyses a vanished worker left `processing`: [(id, attempts, started_at)].

    Stale = processing, last claimed or queued (started_at, else created_at) more than STALE_AFTER_SECONDS ago, and
    no task for it still in the queue: a long queue is not a dead worker, and a task still there is django-q2's to
    re-deliver.
    """
    now = now or timezone.now()
    stale_after = settings.STALE_AFTER_SECONDS if stale_after is None else stale_after
    candidates = list(
        Analysis.objects.filter(status=Status.PROCESSING)
        .annotate(last_touched=Coalesce("started_at", "created_at"))
        .filter(last_touched__lt=now - timedelta(seconds=stale_after))
        .order_by("created_at")
        .values_list("pk", "attempts", "started_at")
    )
    if not candidates:
        return []
    waiting = queued_analysis_names()
    return [row for row in candidates if task_name(row[0]) not in waiting]


def sweep_stale_analyses(stale_after=None, now=None):
    """Re-queue stale analyses, or fail those that already had their last attempt. Returns (requeued, failed)."""
    now = now or timezone.now()
    requeued = failed = 0
    for pk, attempts, started_at in stale_analyses(stale_after, now):
        row = Analysis.objects.filter(pk=pk, status=Status.PROCESSING, started_at=started_at)
        if attempts >= settings.ANALYSIS_MAX_ATTEMPTS:
            failed += row.update(
                status=Status.FAILED,
                error=attempts_exhausted(attempts),
                finished_at=now,
            )
            continue
        with transaction.atomic():
            # Touching started_at claims the row for this sweep, so two sweeps never queue it twice.
            if row.update(started_at=now):
                requeued += 1
                transaction.on_commit(lambda pk=pk: enqueue_analysis(pk))
    if requeued or failed:
        logger.warning("Stale analyses: %d re-queued, %d marked failed", requeued, failed)
    return requeued, failed


def queued_analysis_names():
    """Names of the analysis tasks still in the ORM broker's queue (waiting, or locked by a worker)."""
    from django_q.conf import Conf
    from django_q.models import OrmQ

    if not Conf.ORM:
        return set()  # another broker cannot be listed; the age threshold alone decides
    names = set()
    for entry in OrmQ.objects.using(Conf.ORM).only("payload").iterator():
        name = entry.name()
        if name and name.startswith("analysis-"):
            names.add(name)
    return names
