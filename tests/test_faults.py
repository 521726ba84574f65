"""Faults with real processes: a worker killed mid-analysis, no worker at all, a full or unwritable upload folder,
an analysis that runs over its time limit."""

import os
import signal
import subprocess
from contextlib import contextmanager
from datetime import UTC, datetime

import pytest

from . import pdfs
from .catalog_files import write_small_catalog
from .live import db_uuid, http, live_stack, read_db, read_one, start_worker, stop, upload, wait_for, wait_for_status

pytestmark = pytest.mark.e2e


def gated_analyses(gate):
    """Stack settings whose analyses, once claimed, wait while the file `gate` exists (tests/gated_settings.py)."""
    gate.touch()
    return {"DJANGO_SETTINGS_MODULE": "tests.gated_settings", "ANALYSIS_GATE": str(gate)}


def log_has(path, text):
    return path.exists() and text in path.read_text(errors="replace")


def health(base_url):
    status, body, _ = http("GET", base_url + "/api/v1/health")
    assert status == 200, body
    return body


def test_a_worker_killed_mid_analysis_is_redelivered_and_completes_once(tmp_path):
    # The analysis waits at a gate, so the worker is killed in the middle of it whatever the machine's load; the
    # queue re-delivers an unacknowledged task after 31 s, more than the queue's own timeout (the 20 s limit + 10 s)
    # so a live task never runs twice (and the limit leaves room for the slow checks below before the kill).
    gate = tmp_path / "gate"
    settings = {**gated_analyses(gate), "ANALYSIS_TIME_LIMIT": 20, "QUEUE_RETRY_SECONDS": 31, "WORKERS": 1}
    catalog = write_small_catalog(tmp_path / "catalog")
    with live_stack(tmp_path, catalog_dir=catalog, worker=False, **settings) as (base_url, env):
        first = start_worker(env, tmp_path / "worker-1.log")
        second = None
        try:
            status, body, _ = upload(base_url, pdfs.resume_pdf())
            assert status == 202, body
            task_id = body["task_id"]
            wait_for(
                lambda: log_has(tmp_path / "worker-1.log", f"processing analysis-{task_id}"), 60, "pickup", interval=0.1
            )
            attempts = "SELECT attempts FROM analyses_analysis WHERE id = ?"
            wait_for(lambda: read_one(env, attempts, [db_uuid(env, task_id)]) == 1, 30, "the claim")

            os.killpg(first.pid, signal.SIGKILL)  # the whole qcluster: sentinel, pusher, monitor and worker
            first.wait(timeout=10)
            assert http("GET", f"{base_url}/api/v1/resume/status/{task_id}")[1] == {"status": "processing"}

            gate.unlink()
            second = start_worker(env, tmp_path / "worker-2.log")
            assert wait_for_status(base_url, task_id, deadline_s=120) == {"status": "completed"}
            status, result, _ = http("GET", f"{base_url}/api/v1/resume/result/{task_id}")
            assert status == 200 and result["id"] == task_id
            assert "Python" in result["technical_skills"]
            # The worker saves the task's result, then takes it off the queue: the acknowledgement follows the status.
            wait_for(lambda: read_one(env, "SELECT count(*) FROM django_q_ormq") == 0, 30, "the acknowledgement")
            facts = read_db(
                env,
                "SELECT (SELECT attempts FROM analyses_analysis WHERE id = ?),"
                " (SELECT count(*) FROM analyses_analysis),"
                " (SELECT count(*) FROM django_q_task WHERE name = ?), (SELECT count(*) FROM django_q_ormq)",
                [db_uuid(env, task_id), f"analysis-{task_id}"],
            )
            # Two deliveries, one analysis row, one recorded task result, nothing left in the queue.
            assert facts == [(2, 1, 1, 0)]
        finally:
            stop(first)
            stop(second)


def test_with_no_worker_uploads_answer_at_once_and_are_analysed_when_one_starts(tmp_path):
    catalog = write_small_catalog(tmp_path / "catalog")
    with live_stack(tmp_path, catalog_dir=catalog, worker=False) as (base_url, env):
        before = health(base_url)
        assert before["status"] == "degraded"
        assert before["workers"] == 0 and before["worker_seen_recently"] is False
        assert before["worker_last_seen_seconds"] is None

        task_ids = []
        for _ in range(3):
            status, body, _ = upload(base_url, pdfs.resume_pdf())
            assert status == 202 and body["status"] == "processing"
            task_ids.append(body["task_id"])
        assert health(base_url)["queue_depth"] == 3
        for task_id in task_ids:
            assert http("GET", f"{base_url}/api/v1/resume/status/{task_id}")[1] == {"status": "processing"}

        worker = start_worker(env, tmp_path / "late-worker.log")
        try:
            for task_id in task_ids:
                assert wait_for_status(base_url, task_id, deadline_s=60) == {"status": "completed"}
            seen = wait_for(lambda: (body := health(base_url))["queue_depth"] == 0 and body, 30, "an empty queue")
            assert seen["status"] == "ok" and seen["workers"] == 1 and seen["worker_seen_recently"] is True
            assert seen["worker_last_seen_seconds"] < 10
        finally:
            stop(worker)
        gone = wait_for(lambda: (body := health(base_url))["workers"] == 0 and body, 30, "the worker's stat to expire")
        assert gone["status"] == "degraded" and gone["worker_seen_recently"] is False
        assert gone["worker_last_seen_seconds"] is not None  # remembered: seen a little while ago, not "never"


def test_an_analysis_over_its_time_limit_fails_with_a_reason(tmp_path):
    catalog = write_small_catalog(tmp_path / "catalog")
    slow = {**gated_analyses(tmp_path / "gate"), "ANALYSIS_TIME_LIMIT": 2, "QUEUE_RETRY_SECONDS": 30}
    with live_stack(tmp_path, catalog_dir=catalog, **slow) as (base_url, _env):
        _, body, _ = upload(base_url, pdfs.resume_pdf())
        final = wait_for_status(base_url, body["task_id"], deadline_s=60)
        assert final["status"] == "failed"
        assert "longer than 2 seconds" in final["error"]
        status, result, _ = http("GET", f"{base_url}/api/v1/resume/result/{body['task_id']}")
        assert status == 409 and result["status"] == "failed" and "longer than 2 seconds" in result["error"]


def can_mount():
    return os.geteuid() == 0 and subprocess.run(["which", "mount"], capture_output=True).returncode == 0


@contextmanager
def tmpfs(path, size="256k"):
    path.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], check=True)
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def fill(folder):
    """Write until the file system says it is full (after making this month's upload folder, so the upload's own
    write is what fails, half-way)."""
    now = datetime.now(UTC)
    (folder / f"resumes/{now:%Y/%m}").mkdir(parents=True)
    with open(folder / "filler", "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 1024)
        except OSError:
            pass


def assert_storage_failure_leaves_nothing(base_url, env):
    status, body, _ = upload(base_url, pdfs.resume_pdf())
    assert status == 507, body
    assert body["code"] == "storage" and "could not store" in body["error"]
    assert read_one(env, "SELECT count(*) FROM analyses_analysis") == 0
    assert health(base_url)["database"] == "ok"  # the service itself stays up


@pytest.mark.skipif(not can_mount(), reason="needs root to mount a tiny tmpfs as the full upload disk")
def test_a_full_upload_disk_answers_507_and_keeps_no_row(tmp_path):
    with tmpfs(tmp_path / "media") as media:
        fill(media)
        with live_stack(tmp_path, MEDIA_ROOT=media) as (base_url, env):
            assert_storage_failure_leaves_nothing(base_url, env)
        assert [path.name for path in media.rglob("*") if path.is_file()] == ["filler"]


def test_an_unwritable_upload_folder_answers_507_and_keeps_no_row(tmp_path):
    media = tmp_path / "media"
    if can_mount():  # root writes through permission bits; a read-only mount stops even root
        with tmpfs(media):
            subprocess.run(["mount", "-o", "remount,ro", str(media)], check=True)
            with live_stack(tmp_path, MEDIA_ROOT=media) as (base_url, env):
                assert_storage_failure_leaves_nothing(base_url, env)
    else:
        media.mkdir()
        media.chmod(0o500)
        with live_stack(tmp_path, MEDIA_ROOT=media) as (base_url, env):
            assert_storage_failure_leaves_nothing(base_url, env)
