"""Hostile clients and a safe configuration: secret key, DEBUG, headers, admin, private uploads, oversized bodies."""

import contextlib
import os
import socket
import stat
import threading
import time

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ImproperlyConfigured

from analyses.models import Analysis

from . import pdfs
from .live import db_uuid, live_stack, read_db, upload, wait_for_status
from .settings_env import settings_from


def test_it_refuses_to_start_without_a_secret_key_outside_local_mode(monkeypatch, tmp_path):
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY is not set"):
        settings_from(monkeypatch, tmp_path / "var", clean=True)
    assert not (tmp_path / "var" / "secret_key").exists()


def test_local_mode_generates_one_private_key_and_keeps_it(monkeypatch, tmp_path):
    first = settings_from(monkeypatch, tmp_path / "var", clean=True, LOCAL_MODE="1").SECRET_KEY
    second = settings_from(monkeypatch, tmp_path / "var", clean=True, LOCAL_MODE="1").SECRET_KEY
    key_file = tmp_path / "var" / "secret_key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert first == second == key_file.read_text().strip()
    assert len(first) >= 50


def test_debug_is_off_unless_asked_for(monkeypatch, tmp_path):
    assert settings_from(monkeypatch, tmp_path / "var", clean=True, SECRET_KEY="k" * 50).DEBUG is False
    assert settings_from(monkeypatch, tmp_path / "var", clean=True, SECRET_KEY="k" * 50, DEBUG="1").DEBUG is True


@pytest.mark.django_db
def test_responses_carry_the_security_headers(client):
    for r in (client.get("/api/v1/resume/status/nope"), client.get("/api/v1/health"), client.get("/admin/login/")):
        assert r["X-Content-Type-Options"] == "nosniff"
        assert r["X-Frame-Options"] == "DENY"
        assert r["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_the_admin_is_only_for_staff(client):
    assert client.get("/admin/").status_code == 302
    client.force_login(User.objects.create_user("visitor", password="pw-visitor-123"))
    r = client.get("/admin/analyses/analysis/")
    assert r.status_code == 302 and "/admin/login/" in r["Location"]
    client.force_login(User.objects.create_user("curator", password="pw-curator-123", is_staff=True, is_superuser=True))
    assert client.get("/admin/analyses/analysis/").status_code == 200


@pytest.mark.django_db
def test_uploaded_files_are_not_served_under_any_url(client, resume_bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    task_id = client.post("/api/v1/resume/upload", {"file": SimpleUploadedFile("cv.pdf", resume_bytes)}).json()[
        "task_id"
    ]
    name = Analysis.objects.get(pk=task_id).file.name
    for url in (f"/{name}", f"/media/{name}", f"/uploads/{name}", f"/static/{name}", f"/var/uploads/{name}"):
        r = client.get(url)
        assert r.status_code == 404, url
        assert r.content != resume_bytes


@pytest.mark.e2e
def test_a_client_path_in_the_file_name_never_reaches_the_disk(shared_stack):
    base_url, env = shared_stack.url, shared_stack.env
    status, body, _ = upload(base_url, pdfs.resume_pdf(), filename="../../../../../../tmp/owned.pdf")
    assert status == 202
    wait_for_status(base_url, body["task_id"], deadline_s=60)
    sql = "SELECT original_filename, file FROM analyses_analysis WHERE id = ?"
    ((original, name),) = read_db(env, sql, [db_uuid(env, body["task_id"])])
    assert original == "owned.pdf"
    assert name.startswith("resumes/") and "owned" not in name and ".." not in name
    assert not os.path.exists("/tmp/owned.pdf")


def send_and_time_the_answer(port, head, body_chunks):
    """Send a request head, then body chunks until the server answers; (status line, bytes sent, seconds)."""
    connection = socket.create_connection(("127.0.0.1", port), timeout=60)
    sent, answer = 0, b""
    started = time.monotonic()

    def read_answer():
        nonlocal answer
        with contextlib.suppress(OSError):
            answer = connection.recv(4096)

    reader = threading.Thread(target=read_answer)
    connection.sendall(head)
    reader.start()
    try:
        for chunk in body_chunks:
            if not reader.is_alive():
                break
            connection.sendall(chunk)
            sent += len(chunk)
    except OSError:
        pass  # the server stopped reading and closed: what we want
    reader.join(timeout=60)
    elapsed = time.monotonic() - started
    connection.close()
    return answer.split(b"\r\n", 1)[0].decode(), sent, elapsed


FIFTY_MB = 50 * 1024 * 1024
CHUNK = b"%PDF-" + b"0" * (64 * 1024 - 5)


@pytest.mark.e2e
def test_a_50_mb_body_is_refused_without_being_read(tmp_path):
    with live_stack(tmp_path, worker=False, MAX_UPLOAD_MB=1) as (base_url, _env):
        port = int(base_url.rsplit(":", 1)[1])
        boundary = "b0undary"
        preamble = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        chunks = [preamble] + [CHUNK] * (FIFTY_MB // len(CHUNK))
        declared = (
            f"POST /api/v1/resume/upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {FIFTY_MB + len(preamble)}\r\n"
            f"Content-Type: multipart/form-data; boundary={boundary}\r\n\r\n"
        ).encode()
        status, sent, seconds = send_and_time_the_answer(port, declared, chunks)
        print(f"declared 50 MB: {status!r} after {sent / 1e6:.1f} MB sent, {seconds:.2f} s")
        assert status == "HTTP/1.1 413 Request Entity Too Large", status
        assert sent < 5 * 1024 * 1024  # answered from the declared length, long before the body arrived

        # No declared length (chunked): Django would read such a body as empty, so it is refused at once (411).
        chunked_head = (
            "POST /api/v1/resume/upload HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
            f"Content-Type: multipart/form-data; boundary={boundary}\r\n\r\n"
        ).encode()
        framed = (b"%x\r\n%s\r\n" % (len(chunk), chunk) for chunk in chunks)
        status, sent, seconds = send_and_time_the_answer(port, chunked_head, framed)
        print(f"chunked 50 MB: {status!r} after {sent / 1e6:.1f} MB sent, {seconds:.2f} s")
        assert status == "HTTP/1.1 411 Length Required", status
        assert sent < 10 * 1024 * 1024
        assert "Traceback" not in (tmp_path / "web.log").read_text(errors="replace")


def test_a_request_for_an_unknown_host_is_refused_without_a_traceback_in_the_log(client):
    import logging

    class Collect(logging.Handler):
        records = []

        def emit(self, record):
            self.records.append(record)

    handler = Collect()
    logging.getLogger().addHandler(handler)  # where the console handler of LOGGING sits
    try:
        r = client.get("/api/v1/health", HTTP_HOST="evil.example")
    finally:
        logging.getLogger().removeHandler(handler)
    assert r.status_code == 400
    assert not [record for record in handler.records if record.exc_info or "HTTP_HOST" in record.getMessage()]
