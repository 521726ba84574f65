"""Analyses a vanished worker left `processing`: re-queued, or failed after their last attempt; by command and by
the worker's own schedule."""

import time
from datetime import timedelta
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_q.tasks import async_task

from analyses.models import Analysis
from analyses.services import sweep_stale_analyses

from . import pdfs
from .catalog_files import write_small_catalog
from .factories import make_analysis
from .live import http, live_stack, manage


def processing(minutes_ago, attempts=1, file=True, started=True):
    moment = timezone.now() - timedelta(minutes=minutes_ago)
    name = default_storage.save("resumes/stale.pdf", ContentFile(pdfs.resume_pdf())) if file else ""
    return make_analysis(
        file=name, attempts=attempts, created_at=moment, started_at=moment if started else None, status="processing"
    )


def sweep(*args):
    out = StringIO()
    call_command("sweep_stale_analyses", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def short_stale_time(settings):
    settings.STALE_AFTER_SECONDS = 300
    settings.ANALYSIS_MAX_ATTEMPTS = 3


def test_a_row_whose_worker_vanished_is_requeued_and_then_completes(
    db, short_stale_time, small_catalog, run_tasks_inline, django_capture_on_commit_callbacks
):
    abandoned = processing(minutes_ago=20, attempts=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert "1 re-queued, 0 marked failed" in sweep()
    abandoned.refresh_from_db()
    assert abandoned.status == "completed"
    assert abandoned.attempts == 2


def test_a_row_never_picked_up_is_requeued(db, short_stale_time, django_capture_on_commit_callbacks):
    lost = processing(minutes_ago=20, attempts=0, started=False)
    with django_capture_on_commit_callbacks() as queued:
        assert sweep_stale_analyses() == (1, 0)
    assert len(queued) == 1
    lost.refresh_from_db()
    assert lost.status == "processing"
    assert lost.started_at > timezone.now() - timedelta(minutes=1)  # not stale again until another full period


def test_after_its_last_attempt_a_stale_row_fails_with_a_reason(
    db, short_stale_time, django_capture_on_commit_callbacks
):
    exhausted = processing(minutes_ago=20, attempts=3)
    with django_capture_on_commit_callbacks() as queued:
        assert "0 re-queued, 1 marked failed" in sweep()
    assert not queued
    exhausted.refresh_from_db()
    assert exhausted.status == "failed"
    assert "interrupted 3 times" in exhausted.error
    assert exhausted.finished_at is not None


def test_recent_and_finished_rows_are_left_alone(db, short_stale_time, django_capture_on_commit_callbacks):
    busy = processing(minutes_ago=1)
    done = make_analysis(status="completed", created_at=timezone.now() - timedelta(days=3))
    with django_capture_on_commit_callbacks() as queued:
        assert sweep_stale_analyses() == (0, 0)
    assert not queued
    assert Analysis.objects.get(pk=busy.pk).status == "processing"
    assert Analysis.objects.get(pk=done.pk).status == "completed"


def test_a_row_whose_task_is_still_in_the_queue_is_left_to_the_queue(db, short_stale_time):
    waiting = processing(minutes_ago=20, attempts=1)
    # A real queued task (the ORM broker), as a long queue or a crashed worker's un-acknowledged task leaves it.
    async_task("analyses.tasks.run_analysis", str(waiting.pk), task_name=f"analysis-{waiting.pk}")
    assert sweep_stale_analyses() == (0, 0)
    assert Analysis.objects.get(pk=waiting.pk).started_at == waiting.started_at


def test_two_sweeps_never_queue_a_row_twice(db, short_stale_time, django_capture_on_commit_callbacks):
    processing(minutes_ago=20, attempts=1)
    with django_capture_on_commit_callbacks() as queued:
        first = sweep_stale_analyses()
        second = sweep_stale_analyses()
    assert (first, second) == ((1, 0), (0, 0))
    assert len(queued) == 1


def test_the_dry_run_lists_and_changes_nothing(db, short_stale_time):
    abandoned = processing(minutes_ago=20, attempts=2)
    output = sweep("--dry-run")
    assert "Dry run: 1 stale analyses." in output
    assert f"{abandoned.pk}  attempts 2" in output
    assert Analysis.objects.get(pk=abandoned.pk).started_at == abandoned.started_at


def test_the_stale_time_can_be_given_on_the_command_line(db, short_stale_time):
    processing(minutes_ago=2)
    assert "0 stale" in sweep("--dry-run")
    assert "1 stale" in sweep("--dry-run", "--stale-after", "60")


def test_a_bad_stale_time_is_a_command_error(db):
    with pytest.raises(CommandError, match="at least 1 second"):
        sweep("--stale-after", "0")
    with pytest.raises(CommandError, match="invalid int"):
        sweep("--stale-after", "soon")


def test_by_default_a_row_within_its_timeout_and_redelivery_is_not_stale(db, settings):
    # A worker may still hold the task for its whole time limit, and django-q2 re-delivers it only after `retry`:
    # until both have passed, the row is not abandoned. The default stale time is read as shipped.
    window = settings.ANALYSIS_TIME_LIMIT + settings.Q_CLUSTER["retry"]
    busy = make_analysis(status="processing", started_at=timezone.now() - timedelta(seconds=window + 1))
    assert sweep_stale_analyses() == (0, 0)
    assert Analysis.objects.get(pk=busy.pk).started_at == busy.started_at


CREATE_ABANDONED_ROWS = """
from datetime import timedelta
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from analyses.models import Analysis
from tests import pdfs
old = timezone.now() - timedelta(minutes=30)
name = default_storage.save("resumes/abandoned.pdf", ContentFile(pdfs.resume_pdf()))
for label, attempts in [("requeue", 1), ("exhausted", 3)]:
    Analysis.objects.create(id=f"00000000-0000-0000-0000-00000000000{attempts}", file=name, sha256="0" * 64,
                            original_filename=label + ".pdf", attempts=attempts, created_at=old, started_at=old)
"""

REQUEUE_ID, EXHAUSTED_ID = "00000000-0000-0000-0000-000000000001", "00000000-0000-0000-0000-000000000003"


def statuses(base_url):
    return [http("GET", f"{base_url}/api/v1/resume/status/{pk}")[1]["status"] for pk in (REQUEUE_ID, EXHAUSTED_ID)]


@pytest.mark.e2e
def test_the_workers_own_schedule_sweeps_abandoned_rows(tmp_path):
    """Rows whose worker vanished (processing, old, no task queued); only the real qcluster's scheduler acts."""
    # django-q2's scheduler first looks 30 s after the worker starts, then every 30 s: the worker starts with the
    # stack, and the schedule and the rows are made (one process) while that first half-minute runs. Should that take
    # longer under load, the next look finds them.
    with live_stack(tmp_path, catalog_dir=write_small_catalog(tmp_path / "catalog")) as (url, env):
        manage(env, "shell", "-c", "from django.core.management import call_command\n"
               "call_command('setup_schedules')\n" + CREATE_ABANDONED_ROWS)  # fmt: skip
        deadline = time.monotonic() + 120
        while statuses(url) != ["completed", "failed"] and time.monotonic() < deadline:
            time.sleep(0.5)
        assert statuses(url) == ["completed", "failed"], (tmp_path / "qcluster.log").read_text()[-3000:]
