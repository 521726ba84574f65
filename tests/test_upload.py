import threading
import uuid
from unittest.mock import patch

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError, connection
from django_q.brokers.orm import ORM
from django_q.conf import Conf
from django_q.models import OrmQ

from analyses import services
from analyses.models import Analysis
from analyses.services import create_analysis

from . import pdfs

URL = "/api/v1/resume/upload"


def upload(client, data, name="resume.pdf", content_type="application/pdf", **fields):
    payload = dict(fields)
    if data is not None:
        payload["file"] = SimpleUploadedFile(name, data, content_type=content_type)
    return client.post(URL, payload)


def stored_files(media_root):
    return [path for path in media_root.rglob("*") if path.is_file()] if media_root.exists() else []


@pytest.mark.django_db
def test_it_accepts_a_pdf_and_answers_at_once(client, resume_bytes):
    r = upload(client, resume_bytes)
    assert r.status_code == 202
    body = r.json()
    assert set(body) >= {"task_id", "status", "message"}
    assert body["status"] == "processing"
    assert body["message"] == "Upload successful, analysis started."
    assert uuid.UUID(body["task_id"]).version == 4
    assert body["status_url"].endswith(f"/api/v1/resume/status/{body['task_id']}")
    analysis = Analysis.objects.get(pk=body["task_id"])
    assert analysis.status == "processing"
    assert analysis.size_bytes == len(resume_bytes)
    assert len(analysis.sha256) == 64
    assert queued_names() == [f"analysis-{analysis.pk}"]


def queued_names():
    return [entry.name() for entry in OrmQ.objects.all()]


@pytest.mark.django_db(transaction=True)
def test_the_row_and_its_queue_entry_commit_together_or_not_at_all(client, resume_bytes, private_media_root):
    # The ORM broker writes the queue entry in the row's own transaction: one commit, and a worker can never see an
    # entry whose row is missing, nor a row be left without its entry.
    def refuse(self, package):
        raise OperationalError("the queue table is locked")

    with patch.object(ORM, "enqueue", refuse):
        r = upload(client, resume_bytes)
    assert r.status_code == 503
    assert not Analysis.objects.exists() and not OrmQ.objects.exists()
    assert stored_files(private_media_root) == []

    r = upload(client, resume_bytes)
    assert r.status_code == 202
    assert queued_names() == [f"analysis-{r.json()['task_id']}"]


@pytest.mark.django_db
def test_a_broker_outside_the_database_is_told_only_after_the_commit(
    client, resume_bytes, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(Conf, "ORM", None)  # e.g. SQS: it cannot join the transaction
    sent = []
    monkeypatch.setattr("analyses.services.enqueue_analysis", sent.append)
    with django_capture_on_commit_callbacks() as callbacks:
        r = upload(client, resume_bytes)
        assert sent == []  # not while the row might still roll back
    assert r.status_code == 202 and len(callbacks) == 1
    callbacks[0]()
    assert [str(analysis_id) for analysis_id in sent] == [r.json()["task_id"]]


@pytest.mark.django_db
def test_the_stored_name_is_generated_and_the_client_name_sanitised(client, resume_bytes, private_media_root):
    r = upload(client, resume_bytes, name="../../etc/Résumé – Zoë\x07.pdf")
    analysis = Analysis.objects.get(pk=r.json()["task_id"])
    assert analysis.original_filename == "Résumé – Zoë.pdf"
    assert ".." not in analysis.file.name and "Zo" not in analysis.file.name
    assert analysis.file.name.startswith("resumes/") and analysis.file.name.endswith(".pdf")
    (stored,) = stored_files(private_media_root)
    assert stored.read_bytes() == resume_bytes
    assert private_media_root in stored.parents


@pytest.mark.django_db
def test_it_accepts_the_trailing_slash_form(client, resume_bytes):
    r = client.post(URL + "/", {"file": SimpleUploadedFile("cv.pdf", resume_bytes)})
    assert r.status_code == 202


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "fields", "status", "code"),
    [
        (None, {}, 400, "no_file"),
        (b"", {}, 400, "empty_file"),
        (b"PK\x03\x04 this is a zip file named .pdf", {}, 415, "not_pdf"),
        (b"<html><body>not a resume</body></html>", {}, 415, "not_pdf"),
    ],
)
def test_it_rejects_bad_files_and_stores_nothing(client, data, fields, status, code, private_media_root):
    r = upload(client, data, **fields)
    assert r.status_code == status
    body = r.json()
    assert body["code"] == code
    assert isinstance(body["error"], str) and body["error"].endswith(".")
    assert Analysis.objects.count() == 0
    assert stored_files(private_media_root) == []


@pytest.mark.django_db
def test_it_rejects_a_file_over_the_limit_with_413(client, settings, private_media_root):
    settings.MAX_UPLOAD_BYTES = 50_000
    big = pdfs.make_pdf([["x" * 80] * 40] * 5) + b"%" + b"0" * 60_000
    r = upload(client, big)
    assert r.status_code == 413
    assert "too large" in r.json()["error"]
    assert Analysis.objects.count() == 0
    assert stored_files(private_media_root) == []


@pytest.mark.django_db
def test_a_huge_declared_body_is_refused_before_it_is_read(client, settings):
    settings.MAX_UPLOAD_BYTES = 1000
    r = client.generic(
        "POST", URL, data=b"x" * 10, content_type="multipart/form-data; boundary=zzz", CONTENT_LENGTH="999999999"
    )
    assert r.status_code == 413
    assert r.json()["code"] == "file_too_large"


@pytest.mark.django_db
def test_an_unknown_target_role_lists_the_valid_ones(client, resume_bytes, small_catalog):
    r = upload(client, resume_bytes, target_role="Astronaut")
    assert r.status_code == 400
    body = r.json()
    assert body["code"] == "unknown_target_role"
    assert body["valid_target_roles"] == ["Backend Developer", "Frontend Developer"]
    assert Analysis.objects.count() == 0


@pytest.mark.django_db
def test_a_target_role_is_matched_by_name_or_alias_in_any_case(client, resume_bytes, small_catalog):
    r = upload(client, resume_bytes, target_role="back-end developer")
    assert r.status_code == 202
    assert Analysis.objects.get().target_role == "Backend Developer"


@pytest.mark.django_db
def test_a_job_description_is_kept_with_the_upload(client, resume_bytes):
    r = upload(client, resume_bytes, job_description="We need Rust and Kafka.")
    assert r.status_code == 202
    assert Analysis.objects.get().job_description == "We need Rust and Kafka."


@pytest.mark.django_db
def test_an_overlong_job_description_is_refused(client, resume_bytes, settings):
    settings.MAX_JOB_DESCRIPTION_CHARS = 100
    r = upload(client, resume_bytes, job_description="x" * 101)
    assert r.status_code == 400
    assert r.json()["code"] == "job_description_too_long"


@pytest.mark.django_db
def test_a_job_description_past_the_form_memory_limit_is_refused_as_too_long(client, resume_bytes):
    # 3 MB of text: Django's in-memory form limit (2.5 MB) refuses it before the serializer's length check can.
    r = upload(client, resume_bytes, job_description="x" * (3 * 1024 * 1024))
    assert r.status_code == 400
    assert r.json()["code"] == "job_description_too_long"
    assert not Analysis.objects.exists()


@pytest.mark.django_db
def test_an_unwritable_upload_folder_gives_a_clear_error_and_no_row(client, resume_bytes, settings, tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the upload folder should be")
    settings.MEDIA_ROOT = blocked / "uploads"
    r = upload(client, resume_bytes)
    assert r.status_code == 507
    assert r.json()["code"] == "storage"
    assert Analysis.objects.count() == 0


def file_part(boundary, data, name="file"):
    return (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="cv.pdf"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        + data
        + b"\r\n"
    )


def post_raw(client, body, boundary="zzz"):
    return client.generic("POST", URL, data=body, content_type=f"multipart/form-data; boundary={boundary}")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body",
    [
        pytest.param(b"this is not multipart at all", id="no parts at all"),
        pytest.param(b"PDF" + file_part("yyy", b"%PDF-1.4") + b"--yyy--\r\n", id="another boundary than declared"),
        pytest.param(b"--zzz\r\n" + file_part("zzz", b"%PDF-1.4")[7:], id="a part that never ends"),
        pytest.param(b"--zzz\r\nContent-Disposi", id="cut off in the part's headers"),
    ],
)
def test_a_body_that_never_reaches_its_closing_boundary_is_a_bad_upload(client, body, private_media_root):
    r = post_raw(client, body)
    assert r.status_code == 400
    assert r.json()["code"] == "bad_upload"
    assert "boundary" in r.json()["error"]
    assert Analysis.objects.count() == 0
    assert stored_files(private_media_root) == []


@pytest.mark.django_db
def test_a_readable_form_without_a_file_is_still_no_file(client):
    field = b'--zzz\r\nContent-Disposition: form-data; name="job_description"\r\n\r\nNurse\r\n--zzz--\r\n'
    assert post_raw(client, field).json()["code"] == "no_file"
    assert post_raw(client, b"").json()["code"] == "no_file"  # nothing sent at all


@pytest.mark.django_db
def test_two_file_fields_are_refused_rather_than_one_picked(client, resume_bytes, private_media_root):
    body = file_part("zzz", resume_bytes) + file_part("zzz", pdfs.make_pdf([["Other resume"]])) + b"--zzz--\r\n"
    r = post_raw(client, body)
    assert r.status_code == 400
    assert r.json() == {"error": 'The upload has 2 "file" fields. Send one resume per request.', "code": "bad_upload"}
    assert Analysis.objects.count() == 0
    assert stored_files(private_media_root) == []


@pytest.mark.django_db
def test_get_is_not_allowed_on_upload(client):
    r = client.get(URL)
    assert r.status_code == 405
    assert "error" in r.json()


@pytest.mark.django_db
def test_a_chunked_upload_is_asked_for_a_content_length(client):
    r = client.generic(
        "POST", URL, data=b"", content_type="multipart/form-data; boundary=zzz", HTTP_TRANSFER_ENCODING="chunked"
    )
    assert r.status_code == 411
    assert r.json()["code"] == "length_required"


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only: PostgreSQL locks rows, threads write at once")
@pytest.mark.django_db(transaction=True)
def test_on_sqlite_a_web_thread_waits_its_turn_for_the_write_lock_in_python(resume_bytes, private_media_root):
    # Threads queue on a process-wide lock, woken as soon as it is free, instead of in SQLite's busy handler,
    # which sleeps in growing steps of up to 100 ms between tries.
    file = SimpleUploadedFile("resume.pdf", resume_bytes)
    file.file_kind = "pdf"
    created = []
    writer = threading.Thread(target=lambda: created.append(create_analysis(file)))
    with services._SQLITE_WRITE_TURN:
        writer.start()
        writer.join(timeout=0.5)
        assert writer.is_alive() and not Analysis.objects.exists()  # waiting for its turn
    writer.join(timeout=30)
    assert [analysis.pk for analysis in created] == list(Analysis.objects.values_list("pk", flat=True))


def test_the_closing_delimiter_is_seen_even_when_it_straddles_two_reads():
    import io

    from analyses.uploads import ClosingDelimiterWatch

    for size in (1, 2, 3, 5, 7, 64):
        watched = ClosingDelimiterWatch(io.BytesIO(b"--zzz\r\n...data...\r\n--zzz--\r\n"), b"zzz")
        while watched.read(size):
            pass
        assert watched.seen, size
        cut = ClosingDelimiterWatch(io.BytesIO(b"--zzz\r\n...data...\r\n--zzz-"), b"zzz")
        while cut.read(size):
            pass
        assert not cut.seen, size
