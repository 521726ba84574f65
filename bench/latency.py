"""Upload → completed latency against a live `make run`-style stack: gunicorn (2 workers × 4 threads) and one
`qcluster` on the default SQLite database, throttles off, the shipped default catalog.

1. sequential: one client uploads a two-page resume, polls its status every 20 ms until `completed`, repeats;
2. concurrent: 20 clients upload at the same moment and each polls its own analysis every 20 ms.

The first upload after start is reported on its own ("cold": the worker process compiles the catalog matcher, the
web process opens its connections) and kept out of the percentiles. Run: `python -m bench.latency [--help]`.
"""

import argparse
import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench import percentile, print_table
from tests import pdfs
from tests.live import ROOT, http, live_stack, upload

# The shipped catalog (skills_catalog/loading.py DEFAULT_DATA_DIR), without importing Django models here.
DEFAULT_DATA_DIR = ROOT / "skills_catalog" / "data"

POLL_INTERVAL_S = 0.02
# A deadline per analysis, not a wait: a stack that never completes one fails the benchmark instead of hanging.
DEADLINE_S = 60

TARGETS = {"sequential": {"p50": 150, "p95": 400}, "concurrent": {"p95": 2000}}


def upload_and_wait(base_url, data):
    """(ms from just before the upload to the first status answer that says `completed`, the worker's own ms)."""
    started = time.perf_counter()
    status, body, _ = upload(base_url, data, filename="two-page-resume.pdf")
    if status != 202:
        raise RuntimeError(f"upload answered {status}: {body}")
    status_url = f"{base_url}/api/v1/resume/status/{body['task_id']}"
    deadline = started + DEADLINE_S
    while time.perf_counter() < deadline:
        _, state, _ = http("GET", status_url)
        if state and state.get("status") == "completed":
            elapsed = (time.perf_counter() - started) * 1000
            _, result, _ = http("GET", f"{base_url}/api/v1/resume/result/{body['task_id']}")
            return elapsed, result["duration_ms"]
        if state and state.get("status") == "failed":
            raise RuntimeError(f"the analysis failed: {state.get('error')}")
        time.sleep(POLL_INTERVAL_S)
    raise TimeoutError(f"analysis {body['task_id']} not completed within {DEADLINE_S} s")


def sequential(base_url, data, count):
    return [upload_and_wait(base_url, data) for _ in range(count)]


def concurrent(base_url, data, clients, rounds):
    """`rounds` times: `clients` threads released together by a barrier, each timing its own upload."""
    latencies, errors = [], []
    for _ in range(rounds):
        barrier = threading.Barrier(clients)

        def client(barrier=barrier):
            barrier.wait()
            try:
                latencies.append(upload_and_wait(base_url, data))
            except Exception as error:  # reported below: one failed client must not hide the others' figures
                errors.append(repr(error))

        threads = [threading.Thread(target=client) for _ in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(DEADLINE_S + 10)
    if errors:
        raise RuntimeError(f"{len(errors)} concurrent client(s) failed, first: {errors[0]}")
    return latencies


def catalog_dir(scratch):
    """The shipped default catalog; the tests' small one if the data folder has no skill files yet."""
    if any(Path(DEFAULT_DATA_DIR).glob("skills_*.json")):
        return Path(DEFAULT_DATA_DIR), "default"
    import django  # the tests' catalog module needs configured settings; only this fallback pays for that

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resumeapi.settings")
    django.setup()
    from tests.catalog_files import write_small_catalog

    return write_small_catalog(scratch / "catalog"), "small (tests)"


def summary(name, samples, target=None):
    """Percentiles of (latency ms, worker ms) samples; the worker's share says whether time goes to the analysis
    itself or to the hand-offs around it (upload, queue, polling)."""
    latencies = [latency for latency, _ in samples]
    row = {"case": name, "n": len(samples), "p50_ms": percentile(latencies, 0.5)}
    row["p95_ms"] = percentile(latencies, 0.95)
    row["max_ms"] = max(latencies)
    row["worker_p50_ms"] = percentile([worker for _, worker in samples], 0.5)
    row["target"] = ", ".join(f"{key} ≤ {ms} ms" for key, ms in (target or {}).items())
    row["met"] = all(row[f"{key}_ms"] <= ms for key, ms in (target or {}).items())
    return row


def run(uploads, clients, rounds, worker_processes=None, catalog=None):
    data = pdfs.resume_pdf()
    overrides = {"DATABASE_URL": ""}  # the default SQLite, whatever the shell says
    if worker_processes:
        overrides["WORKERS"] = worker_processes
    with tempfile.TemporaryDirectory(prefix="bench-latency-") as scratch:
        folder, catalog_name = (Path(catalog), str(catalog)) if catalog else catalog_dir(Path(scratch))
        with live_stack(Path(scratch), catalog_dir=folder, **overrides) as (base_url, _env):
            rows = [
                summary("first upload (cold)", [upload_and_wait(base_url, data)]),
                summary("sequential", sequential(base_url, data, uploads), TARGETS["sequential"]),
                summary(f"{clients} clients at once", concurrent(base_url, data, clients, rounds),
                        TARGETS["concurrent"]),
            ]  # fmt: skip
    return {"catalog": catalog_name, "pdf_bytes": len(data), "rows": rows}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--uploads", type=int, default=50, help="sequential uploads (default 50)")
    parser.add_argument("--clients", type=int, default=20, help="clients uploading at once (default 20)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of concurrent uploads (default 3)")
    parser.add_argument("--catalog", help="catalog folder to load (default: the shipped one)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    args = parser.parse_args(argv)
    report = run(args.uploads, args.clients, args.rounds, catalog=args.catalog)
    if args.json:
        json.dump(report, sys.stdout, indent=2)
        print()
        return 0
    print_table(
        f"Upload → completed ({report['catalog']} catalog, two-page resume of {report['pdf_bytes']} bytes, "
        f"status polled every {POLL_INTERVAL_S * 1000:.0f} ms)",
        ["case", "n", "p50 ms", "p95 ms", "max ms", "worker p50 ms", "target", "met"],
        [
            [row["case"], row["n"], f"{row['p50_ms']:.0f}", f"{row['p95_ms']:.0f}", f"{row['max_ms']:.0f}",
             row["worker_p50_ms"], row["target"], ("yes" if row["met"] else "NO") if row["target"] else ""]
            for row in report["rows"]
        ],
    )  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
