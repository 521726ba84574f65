"""The worker task: idempotent, every failure a `failed` row with a sentence, attempts bounded."""

import time

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError

from analyses import services
from analyses.models import Analysis
from analyses.tasks import run_analysis
from skills_catalog.models import current_catalog_version

from . import pdfs, scans
from .factories import make_analysis


def stored_analysis(data, **fields):
    name = default_storage.save("resumes/test.pdf", ContentFile(data))
    return make_analysis(file=name, **fields)


@pytest.mark.django_db
def test_it_completes_and_records_the_catalog_version(small_catalog):
    analysis = stored_analysis(pdfs.resume_pdf())
    assert run_analysis(str(analysis.id)) == "completed"
    analysis.refresh_from_db()
    assert analysis.status == "completed"
    assert "Python" in analysis.technical_skills
    assert analysis.attempts == 1
    assert analysis.catalog_version == current_catalog_version()
    assert analysis.duration_ms is not None and analysis.finished_at and analysis.started_at


@pytest.mark.django_db
def test_running_twice_changes_nothing(small_catalog):
    analysis = stored_analysis(pdfs.resume_pdf())
    run_analysis(str(analysis.id))
    first = Analysis.objects.values().get(pk=analysis.pk)
    assert run_analysis(str(analysis.id)) == "skipped"
    assert Analysis.objects.values().get(pk=analysis.pk) == first


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "error"),
    [
        (pdfs.damaged_pdf(), "Could not read PDF"),
        (pdfs.encrypted_pdf(), "password-protected"),
        (scans.picture_without_text_pdf(), "no selectable text"),
        (pdfs.many_pages_pdf(200), "200 pages"),
    ],
)
def test_unreadable_files_end_failed_with_a_reason(small_catalog, data, error):
    analysis = stored_analysis(data)
    assert run_analysis(str(analysis.id)) == "failed"
    analysis.refresh_from_db()
    assert analysis.status == "failed"
    assert error in analysis.error


@pytest.mark.django_db
def test_a_missing_file_ends_failed(small_catalog):
    analysis = make_analysis(file="resumes/gone.pdf")
    run_analysis(str(analysis.id))
    analysis.refresh_from_db()
    assert analysis.status == "failed"
    assert "no longer stored" in analysis.error


@pytest.mark.django_db
def test_an_unexpected_error_becomes_a_human_sentence(small_catalog, monkeypatch):
    def explode(*args, **kwargs):
        raise ZeroDivisionError("internal detail")

    monkeypatch.setattr("analyses.services.analyse", explode)
    analysis = stored_analysis(pdfs.resume_pdf())
    run_analysis(str(analysis.id))
    analysis.refresh_from_db()
    assert analysis.status == "failed"
    assert "internal detail" not in analysis.error
    assert "unexpected error" in analysis.error


@pytest.mark.django_db
def test_a_file_that_keeps_killing_the_worker_fails_after_the_last_attempt(small_catalog, settings):
    settings.ANALYSIS_MAX_ATTEMPTS = 3
    analysis = stored_analysis(pdfs.resume_pdf(), attempts=3)  # three deliveries died mid-way
    assert run_analysis(str(analysis.id)) == "failed"
    analysis.refresh_from_db()
    assert analysis.status == "failed"
    assert "3 times" in analysis.error


@pytest.mark.django_db
def test_an_upload_flows_through_the_queue_to_a_result(
    client, small_catalog, run_tasks_inline, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post("/api/v1/resume/upload", {"file": SimpleUploadedFile("cv.pdf", pdfs.resume_pdf())})
    task_id = r.json()["task_id"]
    assert client.get(f"/api/v1/resume/status/{task_id}").json() == {"status": "completed"}
    assert "Python" in client.get(f"/api/v1/resume/result/{task_id}").json()["technical_skills"]


@pytest.mark.django_db
def test_a_report_the_database_refuses_fails_once_with_a_sentence(small_catalog, monkeypatch):
    """NaN is not JSON: SQLite's JSON check and PostgreSQL's jsonb both refuse the row's update. The task must
    end the analysis `failed`, never leave it `processing` for the sweep to re-run."""
    real_pipeline = services.run_pipeline

    def report_with_nan(analysis):
        report = real_pipeline(analysis)
        report.details["margins_pt"] = {"left": float("nan")}
        return report

    monkeypatch.setattr("analyses.services.run_pipeline", report_with_nan)
    analysis = stored_analysis(pdfs.resume_pdf())
    assert run_analysis(str(analysis.id)) == "failed"
    analysis.refresh_from_db()
    assert analysis.status == "failed"
    assert "could not be saved" in analysis.error


def locked_for(times, real):
    """`real`, refused as SQLite refuses a write while another process holds the lock, the first `times` calls."""
    calls = []

    def write(*args):
        calls.append(args)
        if len(calls) <= times:
            raise OperationalError("database is locked")
        return real(*args)

    write.calls = calls
    return write


@pytest.mark.django_db
def test_a_final_write_refused_by_a_locked_database_is_tried_again_and_completes_once(small_catalog, monkeypatch):
    monkeypatch.setattr(services, "SAVE_PAUSES", (0.01, 0.05))
    complete = locked_for(3, services._complete)
    monkeypatch.setattr(services, "_complete", complete)
    analysis = stored_analysis(pdfs.resume_pdf())
    assert run_analysis(str(analysis.id)) == "completed"
    analysis.refresh_from_db()
    assert analysis.status == "completed" and analysis.attempts == 1 and "Python" in analysis.technical_skills
    assert len(complete.calls) == 4


@pytest.mark.django_db
def test_a_claim_refused_by_a_locked_database_is_tried_again(small_catalog, monkeypatch):
    monkeypatch.setattr(services, "SAVE_PAUSES", (0.01, 0.05))
    monkeypatch.setattr(services, "_claim", locked_for(2, services._claim))
    analysis = stored_analysis(pdfs.resume_pdf())
    assert run_analysis(str(analysis.id)) == "completed"
    analysis.refresh_from_db()
    assert analysis.attempts == 1


@pytest.mark.django_db
def test_a_lock_that_outlasts_the_task_budget_raises_and_leaves_the_row_for_the_sweep(
    small_catalog, monkeypatch, settings
):
    # The budget is what django-q2 still gives the task (QUEUE_TIMEOUT_SECONDS) less the margin: one second here.
    settings.QUEUE_TIMEOUT_SECONDS = services.SAVE_MARGIN_SECONDS + 1
    monkeypatch.setattr(services, "SAVE_PAUSES", (0.05, 0.2))
    monkeypatch.setattr(services, "_complete", locked_for(10**6, services._complete))
    analysis = stored_analysis(pdfs.resume_pdf())
    started = time.monotonic()
    with pytest.raises(OperationalError, match="locked"):
        run_analysis(str(analysis.id))
    assert time.monotonic() - started < 30  # the pipeline's own time plus the one-second budget, never unbounded
    analysis.refresh_from_db()
    assert analysis.status == "processing"  # the stale sweep re-queues it; nothing half-written


@pytest.mark.django_db
def test_an_error_that_waiting_cannot_fix_is_raised_at_once(small_catalog, monkeypatch):
    def broken(*args):
        broken.calls += 1
        raise OperationalError("no such column: overall_score")

    broken.calls = 0
    monkeypatch.setattr(services, "_complete", broken)
    analysis = stored_analysis(pdfs.resume_pdf())
    with pytest.raises(OperationalError, match="no such column"):
        run_analysis(str(analysis.id))
    assert broken.calls == 1
