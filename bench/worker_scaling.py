"""Worker scaling on PostgreSQL through django-q2's ORM broker: 1, 2 and 4 worker processes draining one queue.

A fresh database on the server DATABASE_URL names (created for the run, dropped afterwards) is migrated and given the
shipped catalog. For each process count, N analyses of generated two-page resumes are stored and queued at once
(the rows and queue entries an upload burst leaves), then one `qcluster` with WORKERS=n is started and timed until
all are `completed`. Printed: analyses/s, the efficiency against n × the 1-process rate, and the database rows and
bytes one analysis leaves (its row, its stored task result, indexes included). On a shared machine the rates are
floors: more processes than free cores cannot scale.

Without a PostgreSQL DATABASE_URL it runs on SQLite in a temp folder and says so. Run:
`DATABASE_URL=postgres://… python -m bench.worker_scaling [--count 300] [--workers 1 2 4]`.
"""

import argparse
import contextlib
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from bench import print_table
from tests import pdfs
from tests.live import is_postgres, manage, prepare_database, stack_database, stack_env, start_worker, stop

ROOT = Path(__file__).resolve().parent.parent
QUEUE_SCRIPT = """
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from analyses.models import Analysis
from analyses.services import enqueue_analysis
data = open({pdf!r}, "rb").read()
rows = []
for number in range({count}):
    name = default_storage.save(f"resumes/bench/{{number}}.pdf", ContentFile(data))
    rows.append(Analysis(file=name, original_filename="r.pdf", size_bytes=len(data), sha256="0" * 64,
                         created_at=timezone.now()))
Analysis.objects.bulk_create(rows)
for row in rows:
    enqueue_analysis(row.pk)
print(len(rows))
"""
SIZE_SQL = {
    "postgresql": "SELECT pg_total_relation_size('analyses_analysis'), pg_total_relation_size('django_q_task')",
}


def count_done(env):
    """Finished analyses, read straight from the database: a Django process per check would cost ~1 s of CPU, taken
    from the workers being measured."""
    sql = "SELECT COUNT(*) FROM analyses_analysis WHERE status <> 'processing'"
    if env["DATABASE_URL"]:
        import psycopg

        with psycopg.connect(env["DATABASE_URL"]) as connection:
            return connection.execute(sql).fetchone()[0]
    with contextlib.closing(sqlite3.connect(Path(env["VAR_DIR"]) / "db.sqlite3", timeout=30)) as connection:
        return connection.execute(sql).fetchone()[0]


def run(env, workers, count, pdf_path, log_path):
    manage(env, "shell", "--no-imports", "-c", "from analyses.models import Analysis; Analysis.objects.all().delete()")
    manage(env, "shell", "--no-imports", "-c", QUEUE_SCRIPT.format(pdf=str(pdf_path), count=count))
    started = time.monotonic()
    worker = start_worker({**env, "WORKERS": str(workers)}, log_path)
    try:
        deadline = started + 600
        while count_done(env) < count:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{workers} workers did not finish {count} analyses in 600 s")
            time.sleep(0.5)
        # From the start of the cluster: process start-up (Django, the matcher's compile) is part of the cost.
        return count / (time.monotonic() - started)
    finally:
        stop(worker)


def storage_per_analysis(env, count):
    code = (
        "from django.db import connection; from analyses.models import Analysis; from django_q.models import Task\n"
        "c = connection.cursor()\n"
        f"sql = {SIZE_SQL!r}.get(connection.vendor)\n"
        "if sql:\n    c.execute(sql)\n    sizes = c.fetchone()\nelse:\n    sizes = (0, 0)\n"
        "print(Analysis.objects.count(), Task.objects.count(), sizes[0], sizes[1])"
    )
    analyses, tasks, analysis_bytes, task_bytes = map(
        int, manage(env, "shell", "--no-imports", "-c", code).stdout.split()[-4:]
    )
    return analyses, tasks, analysis_bytes, task_bytes


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    args = parser.parse_args(argv)
    database_url = os.environ.get("DATABASE_URL", "")
    backend = "PostgreSQL" if is_postgres(database_url) else "SQLite (no PostgreSQL DATABASE_URL given)"
    with tempfile.TemporaryDirectory(prefix="bench-workers-") as folder, stack_database(database_url) as url:
        folder = Path(folder)
        pdf_path = folder / "resume.pdf"
        pdf_path.write_bytes(pdfs.resume_pdf())
        env = stack_env(folder / "var", DATABASE_URL=url, THROTTLE_UPLOAD="off")
        prepare_database(env, ROOT / "skills_catalog" / "data")
        results = {}
        for workers in args.workers:
            results[workers] = run(env, workers, args.count, pdf_path, folder / f"qcluster-{workers}.log")
        analyses, tasks, analysis_bytes, task_bytes = storage_per_analysis(env, args.count)
        with contextlib.suppress(Exception):
            manage(env, "flush", "--noinput")
    base = results[args.workers[0]] / args.workers[0]
    load = f"{os.getloadavg()[0]:.1f}"
    rows = [(n, f"{rate:.1f}", f"{rate / (n * base):.0%}", os.cpu_count(), load) for n, rate in results.items()]
    header = ("worker processes", "analyses/s", "efficiency", "CPUs on this machine", "load average at the end")
    print_table(f"Worker scaling, {args.count} queued analyses per run, ORM broker on {backend}", header, rows)
    if analysis_bytes:
        per_row = f"{analysis_bytes / max(analyses, 1):,.0f}"
        per_task = f"{task_bytes / max(tasks, 1):,.0f} per row"
        print_table(
            "Database cost per analysis (PostgreSQL, indexes and TOAST included)",
            ("table", "rows", "bytes"),
            [
                ("analyses_analysis", analyses, per_row),
                ("django_q_task (kept results, save_limit 100)", tasks, per_task),
            ],
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
