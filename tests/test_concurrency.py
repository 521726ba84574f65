"""50 uploads at once, polled from several client processes, against gunicorn + a worker on the same database."""

import os
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import pytest

from . import pdfs, scans
from .live import http, is_postgres, live_stack, query, upload

pytestmark = pytest.mark.e2e

CLIENT_PROCESSES = 5
UPLOADS_PER_PROCESS = 10
FILES = {"resume": pdfs.resume_pdf(), "damaged": pdfs.damaged_pdf(), "scan": scans.picture_without_text_pdf()}


def one_upload(base_url, kind):
    status, body, _ = upload(base_url, FILES[kind], filename=f"{kind}.pdf")
    return status, body


def poll_to_the_end(base_url, task_id, deadline_s=240):
    """(every HTTP status seen while polling, the final body)."""
    seen = []
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        status, body, _ = http("GET", f"{base_url}/api/v1/resume/status/{task_id}")
        seen.append(status)
        if status != 200 or body["status"] != "processing":
            return seen, body
        time.sleep(0.2)
    return seen, {"status": "processing"}


def client_process(base_url, kinds):
    """One client machine: its uploads all at once (a thread each), then every one polled to its end, in parallel."""
    with ThreadPoolExecutor(len(kinds)) as pool:
        answers = list(pool.map(lambda kind: one_upload(base_url, kind), kinds))
    statuses = [status for status, _ in answers]
    task_ids = [body["task_id"] for status, body in answers if status == 202]
    with ThreadPoolExecutor(len(kinds)) as pool:
        polls = list(pool.map(lambda task_id: poll_to_the_end(base_url, task_id), task_ids))
    results = [http("GET", f"{base_url}/api/v1/resume/result/{task_id}")[0] for task_id in task_ids]
    return statuses + [status for seen, _ in polls for status in seen] + results, [final for _, final in polls]


def test_fifty_concurrent_uploads_all_end_without_5xx_or_locks(shared_stack):
    kinds = ["resume", "resume", "damaged", "resume", "scan"] * (UPLOADS_PER_PROCESS // 5)
    url, mark = shared_stack.url, shared_stack.log_mark()
    with ProcessPoolExecutor(CLIENT_PROCESSES) as clients:
        outcomes = list(clients.map(client_process, [url] * CLIENT_PROCESSES, [kinds] * CLIENT_PROCESSES))
    statuses = [status for seen, _ in outcomes for status in seen]
    finals = [final for _, finals in outcomes for final in finals]

    assert statuses.count(202) == CLIENT_PROCESSES * UPLOADS_PER_PROCESS
    assert set(statuses) == {200, 202, 409}, sorted(set(statuses))  # 409: the result of a failed analysis
    assert len(finals) == 50
    assert all(final["status"] == "completed" or final.get("error") for final in finals), finals
    assert sum(final["status"] == "completed" for final in finals) == 30  # the resumes; damaged and scans fail
    logs = shared_stack.logs_since(mark)
    assert "database is locked" not in logs
    assert "Traceback" not in logs


ON_POSTGRES = is_postgres(os.environ.get("DATABASE_URL"))


@pytest.mark.skipif(ON_POSTGRES, reason="SQLite only: WAL is what lets web and worker processes write side by side")
def test_the_live_sqlite_database_runs_in_wal_mode(shared_stack):
    code = "from django.db import connection as c; print(c.cursor().execute('PRAGMA journal_mode').fetchone()[0])"
    assert query(shared_stack.env, code) == "wal"


@pytest.mark.skipif(not ON_POSTGRES, reason="PostgreSQL only: a live stack gets its own database on the CI server")
def test_a_live_stack_gets_its_own_postgres_database_and_drops_it(tmp_path):
    import psycopg

    with live_stack(tmp_path, worker=False) as (_url, env):
        name = query(env, "from django.db import connection as c; print(c.vendor, c.settings_dict['NAME'])")
        assert name.startswith("postgresql live_")
    database = name.split()[1]
    with psycopg.connect(os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/postgres") as connection:
        assert connection.execute("SELECT count(*) FROM pg_database WHERE datname = %s", [database]).fetchone() == (0,)
