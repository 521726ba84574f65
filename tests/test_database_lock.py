"""Another process holds SQLite's write lock for longer than the busy timeout while an analysis finishes.

A real web server and worker on a SQLite file; this test takes the database's write lock itself (`BEGIN IMMEDIATE`)
after the worker has claimed the analysis, lets the analysis run, and holds the lock longer than the busy timeout
it gives the stack. The analysis must end `completed` soon after the lock is released, exactly once, rather than
wait `processing` for the stale sweep."""

import os
import sqlite3
import time

import pytest

from . import pdfs
from .catalog_files import write_small_catalog
from .live import db_uuid, is_postgres, live_stack, read_db, read_one, upload, wait_for, wait_for_status

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(is_postgres(os.environ.get("DATABASE_URL")), reason="SQLite's database-wide write lock"),
]

BUSY_TIMEOUT_SECONDS = 8  # the stack's busy timeout (30 s by default), shortened to keep the test short
HOLD_SECONDS = 20  # longer than the busy timeout: a single write that waits it out raises "database is locked"


def test_an_analysis_whose_save_meets_a_held_write_lock_completes_once_after_it_is_released(tmp_path):
    gate = tmp_path / "gate"
    gate.touch()  # tests/gated_settings.py: a claimed analysis waits while this file exists
    stack = {
        "DJANGO_SETTINGS_MODULE": "tests.gated_settings",
        "ANALYSIS_GATE": str(gate),
        # The task's budget is django-q2's timeout (the limit + 10 s) from the claim: room for the lock and this
        # test's own slow steps (a `query` is a Django process of its own) under load.
        "ANALYSIS_TIME_LIMIT": 60,
        "WORKERS": 1,
        "SQLITE_BUSY_TIMEOUT_SECONDS": BUSY_TIMEOUT_SECONDS,
    }
    catalog = write_small_catalog(tmp_path / "catalog")
    with live_stack(tmp_path, catalog_dir=catalog, **stack) as (base_url, env):
        status, body, _ = upload(base_url, pdfs.resume_pdf())
        assert status == 202, body
        task_id = body["task_id"]
        attempts = "SELECT attempts FROM analyses_analysis WHERE id = ?"
        wait_for(lambda: read_one(env, attempts, [db_uuid(env, task_id)]) == 1, 60, "the claim")

        worker_log = tmp_path / "qcluster.log"
        holder = sqlite3.connect(tmp_path / "var" / "db.sqlite3", isolation_level=None, timeout=30)
        try:
            holder.execute("BEGIN IMMEDIATE")  # the database's one write lock, until COMMIT
            locked_at = time.monotonic()
            gate.unlink()
            wait_for(
                lambda: f"Saving analysis {task_id}: database is locked" in worker_log.read_text(errors="replace"),
                HOLD_SECONDS - 5,
                "the worker's save to meet the lock",
            )
            time.sleep(max(0.0, HOLD_SECONDS - (time.monotonic() - locked_at)))  # the lock's length is the point
        finally:
            holder.execute("COMMIT")
            holder.close()
        released_at = time.monotonic()

        assert wait_for_status(base_url, task_id, deadline_s=30) == {"status": "completed"}
        assert time.monotonic() - released_at < 30  # the stale sweep would take minutes
        # The worker saves the task's result, then takes it off the queue: the acknowledgement follows the status.
        wait_for(lambda: read_one(env, "SELECT count(*) FROM django_q_ormq") == 0, 30, "the acknowledgement")
        facts = read_db(
            env,
            "SELECT status, attempts, (SELECT count(*) FROM django_q_task WHERE name = ?),"
            " (SELECT count(*) FROM django_q_ormq) FROM analyses_analysis WHERE id = ?",
            [f"analysis-{task_id}", db_uuid(env, task_id)],
        )
        assert facts == [("completed", 1, 1, 0)]
