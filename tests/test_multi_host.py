"""Two web hosts and two worker hosts that share only PostgreSQL and the upload storage.

Each "host" is its own set of processes with its own working directory (VAR_DIR), environment and port; the four
share one database and one upload folder (a bucket works the same: tests/test_object_storage.py). 300 uploads are
spread over both web hosts while one worker host is SIGKILLed, whole, mid-burst and later started again: every
analysis ends `completed` exactly once, none is lost, and /api/v1/health on both web hosts sees the loss and the
recovery."""

import os
import signal
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from . import pdfs
from .catalog_files import write_small_catalog
from .live import (
    free_port,
    http,
    is_postgres,
    prepare_database,
    query,
    read_db,
    stack_database,
    stack_env,
    start_web,
    start_worker,
    stop,
    upload,
    wait_for,
    wait_until_serving,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not is_postgres(os.environ.get("DATABASE_URL")), reason="PostgreSQL pass only (.ci/run's second)"
    ),
]

UPLOADS = 300
CLIENTS = 8
KILL_AFTER = 100  # uploads accepted before one worker host dies


def health(base_url):
    return http("GET", base_url + "/api/v1/health")[1] or {}


def test_two_hosts_of_each_kind_survive_losing_a_worker_host(tmp_path):
    data = pdfs.resume_pdf()
    catalog = write_small_catalog(tmp_path / "catalog")
    shared = {
        "SECRET_KEY": "multi-host-" + uuid.uuid4().hex,
        "MEDIA_ROOT": tmp_path / "shared-uploads",
        # A killed worker's tasks come back after QUEUE_RETRY_SECONDS: short here so the test waits seconds.
        "ANALYSIS_TIME_LIMIT": 5,
        "QUEUE_RETRY_SECONDS": 16,  # more than the queue's own timeout (the limit + 10 s), or settings refuse it
        "WORKERS": 2,
    }
    processes = []
    with stack_database(os.environ["DATABASE_URL"]) as database_url:

        def host_env(name):
            return stack_env(tmp_path / name, DATABASE_URL=database_url, **shared)

        prepare_database(host_env("setup"), catalog)
        try:
            web_urls = []
            for name in ("web-a", "web-b"):
                port = free_port()
                processes.append(start_web(host_env(name), port, log_path=tmp_path / f"{name}.log"))
                web_urls.append(f"http://127.0.0.1:{port}")
            workers = {name: start_worker(host_env(name), tmp_path / f"{name}.log") for name in ("work-a", "work-b")}
            processes += workers.values()
            for url in web_urls:
                wait_until_serving(url)
            for url in web_urls:
                wait_for(lambda url=url: health(url).get("workers") == 2, 60, "both worker hosts in health")

            def send(number):
                status, body, _ = upload(web_urls[number % 2], data, filename=f"r{number}.pdf")
                assert status == 202, (status, body)
                return body["task_id"]

            with ThreadPoolExecutor(CLIENTS) as clients:
                accepted = list(clients.map(send, range(KILL_AFTER)))
                os.killpg(workers["work-a"].pid, signal.SIGKILL)  # the host's qcluster and all its processes
                workers["work-a"].wait(timeout=10)
                accepted += list(clients.map(send, range(KILL_AFTER, UPLOADS)))

            for url in web_urls:
                seen = wait_for(lambda url=url: (body := health(url)).get("workers") == 1 and body, 30, "the loss")
                assert seen["status"] == "ok" and seen["worker_seen_recently"] is True

            processes.append(start_worker(host_env("work-a"), tmp_path / "work-a.log"))  # the host comes back
            for url in web_urls:
                wait_for(lambda url=url: health(url).get("workers") == 2, 60, "the recovery in health")

            counts = "SELECT count(*) FILTER (WHERE status = 'completed'), count(*) FROM analyses_analysis"
            # The queue empties as tasks are acknowledged, after their analysis is written: health's cheap count
            # first, then the database.
            wait_for(lambda: health(web_urls[0]).get("queue_depth") == 0, 240, "an empty queue", interval=0.5)
            wait_for(
                lambda: read_db(host_env("setup"), counts) == [(UPLOADS, UPLOADS)], 60, "every analysis", interval=1
            )
            assert len(set(accepted)) == UPLOADS

            # Exactly once. An analysis is written `completed` only from `processing`, so a second delivery can
            # only skip it; each claim counts an attempt: at most the one lost with the killed host and the one that
            # completed. The kept task results (django-q2 keeps the newest 100) never show one analysis twice.
            most_attempts, twice = query(
                host_env("setup"),
                "from collections import Counter; from django.db.models import Max; "
                "from analyses.models import Analysis; from django_q.models import Task; "
                "done = Counter(t.args[0] for t in Task.objects.filter(result='completed')); "
                "print(Analysis.objects.aggregate(m=Max('attempts'))['m'], sum(1 for n in done.values() if n > 1))",
            ).split()
            assert int(most_attempts) <= 2 and twice == "0"
            assert len(list((tmp_path / "shared-uploads").rglob("*.pdf"))) == UPLOADS
        finally:
            for process in processes:
                stop(process)
