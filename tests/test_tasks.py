"""The worker task: idempotent, every failure a `failed` row with a sentence, attempts bounded."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

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
