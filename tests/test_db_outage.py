"""PostgreSQL goes away for ~12 s under uploads and polls, then comes back.

A real web server and worker on a PostgreSQL server of the test's own (tests/pg_server.py). While it is down every API
answer is a quick 503 JSON (never a 500 page or a hang) and /api/v1/health says the database is unreachable; once it
is back the workers reconnect by themselves and every upload accepted before or after completes, once."""

import os
import time

import pytest

from . import pdfs
from .catalog_files import write_small_catalog
from .live import http, is_postgres, live_stack, query, upload, wait_for
from .pg_server import postgres_bin, postgres_server

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not is_postgres(os.environ.get("DATABASE_URL")), reason="PostgreSQL pass only (.ci/run's second)"
    ),
    pytest.mark.skipif(postgres_bin() is None, reason="needs Debian's postgresql (.ci/run installs it)"),
]

OUTAGE_SECONDS = 12
ANSWER_WITHIN_SECONDS = 10  # psycopg is refused at once by a stopped server; anything near this is a hang


def timed(method, url, **kwargs):
    started = time.monotonic()
    status, body, headers = http(method, url, timeout=30, **kwargs)
    return status, body, time.monotonic() - started


def upload_until_accepted(base_url, data, deadline_s):
    """Right after the restart a web thread may still hold a dead connection: that request gets 503 and the next
    one reconnects. A client retries a 503, so this does too."""
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        status, body, _ = upload(base_url, data)
        if status == 202:
            return body["task_id"]
        assert status == 503 and body["code"] == "database_unavailable", (status, body)
        time.sleep(0.5)
    raise TimeoutError("no upload accepted after the database came back")


def test_the_api_answers_503_while_postgresql_is_down_and_everything_accepted_completes(tmp_path):
    data = pdfs.resume_pdf()
    catalog = write_small_catalog(tmp_path / "catalog")
    # Short limits so a task whose worker lost the database mid-analysis is delivered again within the test.
    # (The queue's own timeout is the limit + 10 s, and re-delivery must come after it: settings refuse less.)
    limits = {"ANALYSIS_TIME_LIMIT": 5, "QUEUE_RETRY_SECONDS": 16}
    with (
        postgres_server() as server,
        live_stack(tmp_path, catalog_dir=catalog, DATABASE_URL=server.url, **limits) as (base_url, env),
    ):
        accepted = [upload(base_url, data)[1]["task_id"] for _ in range(6)]  # some still being analysed at the stop

        server.stop()
        answers = []
        outage_ends = time.monotonic() + OUTAGE_SECONDS
        while time.monotonic() < outage_ends:
            answers.append(("upload", *timed("POST", base_url + "/api/v1/resume/upload", **_form(data))))
            answers.append(("status", *timed("GET", f"{base_url}/api/v1/resume/status/{accepted[0]}")))
            answers.append(("result", *timed("GET", f"{base_url}/api/v1/resume/result/{accepted[0]}")))
            answers.append(("health", *timed("GET", base_url + "/api/v1/health")))
            time.sleep(0.2)
        server.start()

        for kind, status, body, seconds in answers:
            assert status == 503, (kind, status, body)
            assert body and body.get("code") in ("database_unavailable", "database_unreachable"), (kind, body)
            assert body["error"], (kind, body)
            assert seconds < ANSWER_WITHIN_SECONDS, (kind, seconds)
        assert {kind for kind, *_ in answers} == {"upload", "status", "result", "health"}
        assert any(kind == "health" and body["database"] == "unreachable" for kind, _, body, _ in answers)

        accepted += [upload_until_accepted(base_url, data, 30) for _ in range(6)]

        def all_completed():
            states = [http("GET", f"{base_url}/api/v1/resume/status/{task_id}")[1] for task_id in accepted]
            return all(state and state.get("status") == "completed" for state in states)

        wait_for(all_completed, 90, "every accepted upload to complete")
        health = wait_for(
            lambda: (body := http("GET", base_url + "/api/v1/health")[1])["workers"] >= 1 and body, 30, "a worker"
        )
        assert health["status"] == "ok" and health["database"] == "ok"

        # Once: no analysis was completed by two deliveries (each delivery's outcome is the task's stored result).
        completions = query(
            env,
            "from collections import Counter; from django_q.models import Task; "
            "print(max(Counter(t.args[0] for t in Task.objects.filter(func='analyses.tasks.run_analysis', "
            "result='completed')).values(), default=0))",
        )
        assert int(completions) <= 1


def _form(data):
    from .live import multipart

    body, headers = multipart({}, {"file": ("resume.pdf", data)})
    return {"body": body, "headers": headers}
