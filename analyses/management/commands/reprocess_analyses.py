import multiprocessing
import sys
import time
import uuid
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import ngettext
from tqdm import tqdm

from analyses.models import Analysis
from analyses.services import fail_if_still_processing, requeue_analysis, rerun_now, select_analyses
from skills_catalog.matcher import get_matcher

DRY_RUN_LISTED = 50
# A worker process that dies (a PDF that crashes the reader, the OOM killer) breaks the pool; the batch starts a
# fresh pool for what is left, at most this many times, so a process that cannot even start never loops forever.
MAX_POOL_RESTARTS = 3
CRASHED = "The analysis stopped its worker process before finishing; the file may be built to crash the reader."


class Command(BaseCommand):
    help = (
        "Re-run chosen analyses against today's skills catalog: queued for the worker by default, or here with --sync. "
        "Selectors combine (e.g. --failed --since 2025-01-01); the stored files are kept."
    )

    def add_arguments(self, parser):
        select = parser.add_argument_group("what to re-run (combinable; at least one)")
        select.add_argument("--all", action="store_true", help="Every analysis (other selectors still narrow it).")
        select.add_argument("--failed", action="store_true", help="Failed analyses (same as --status failed).")
        select.add_argument(
            "--status",
            action="append",
            choices=["completed", "failed"],
            default=[],
            help="Analyses with this status; repeat for several. Processing ones are left to the worker.",
        )
        select.add_argument("--since", metavar="DATE", help="Uploaded on or after DATE (YYYY-MM-DD or ISO date-time).")
        select.add_argument("--ids", nargs="+", default=[], metavar="ID", help="These analyses (task ids).")
        select.add_argument("--outdated", action="store_true", help="Analysed with an older skills catalog.")
        parser.add_argument("--dry-run", action="store_true", help="List what would run and change nothing.")
        parser.add_argument("--sync", action="store_true", help="Run here, with a progress bar, not on the worker.")
        parser.add_argument("--workers", type=int, default=1, help="Processes for --sync (default 1).")

    def handle(self, *args, **options):
        if options["workers"] < 1:
            raise CommandError("--workers must be at least 1.")
        if options["workers"] > 1 and not options["sync"]:
            raise CommandError("--workers only applies with --sync; queued analyses run on the worker's processes.")
        ids = parse_ids(options["ids"])
        statuses = set(options["status"]) | ({"failed"} if options["failed"] else set())
        try:
            queryset = select_analyses(
                everything=options["all"],
                statuses=statuses,
                since=parse_since(options["since"]),
                ids=ids,
                outdated=options["outdated"],
            )
        except ValueError:
            raise CommandError(
                "Choose what to re-run: --all, --failed, --status, --since, --ids or --outdated."
            ) from None
        selected = list(queryset.values_list("pk", flat=True))
        if ids:
            unknown = set(ids) - set(Analysis.objects.filter(pk__in=ids).values_list("pk", flat=True))
            if unknown:
                self.stderr.write(f"No analysis has id {', '.join(sorted(map(str, unknown)))}; ignored.")
        mode = f"here with {options['workers']} process(es)" if options["sync"] else "queued for the worker"
        if options["dry_run"]:
            self.dry_run(queryset, len(selected), mode)
            return
        if not selected:
            self.stdout.write("No analyses match; nothing to do.")
            return
        started = time.monotonic()
        if options["sync"]:
            counts = run_batch(selected, options["workers"])
        else:
            counts = queue_batch(selected)
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(summary(counts, elapsed, options)))

    def dry_run(self, queryset, count, mode):
        self.stdout.write(f"Dry run: would re-run {count} {ngettext('analysis', 'analyses', count)} ({mode}).")
        rows = queryset.values_list("pk", "status", "catalog_version", "created_at", "original_filename")
        for pk, status, version, created_at, filename in rows[:DRY_RUN_LISTED]:
            catalog = f"v{version}" if version is not None else "-"
            self.stdout.write(f"  {pk}  {status:<10} {catalog:<5} {created_at:%Y-%m-%d}  {filename}")
        if count > DRY_RUN_LISTED:
            self.stdout.write(f"  … and {count - DRY_RUN_LISTED} more")


def parse_ids(values):
    ids = []
    for value in values:
        for part in value.replace(",", " ").split():
            try:
                ids.append(uuid.UUID(part))
            except ValueError:
                raise CommandError(f"{part!r} is not an analysis id (a UUID such as the upload's task_id).") from None
    return ids


def parse_since(value):
    if value is None:
        return None
    moment = parse_datetime(value)
    if moment is None:
        try:
            day = parse_date(value)
        except ValueError:
            day = None
        if day is None:
            raise CommandError(f"--since {value!r} is not a date; use YYYY-MM-DD or an ISO date-time.")
        moment = datetime.combine(day, datetime.min.time())
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def queue_batch(ids):
    counts = {"queued": 0, "skipped": 0}
    for analysis_id in progress(ids, "Queueing"):
        counts[requeue_analysis(analysis_id)] += 1
    return counts


def run_batch(ids, workers):
    counts = {"completed": 0, "failed": 0, "skipped": 0}
    get_matcher()  # compiled once here; forked processes inherit it instead of each compiling the catalog
    if workers == 1:
        for analysis_id in progress(ids, "Analysing"):
            counts[rerun_now(analysis_id)] += 1
        return counts
    pending = list(ids)
    with progress(None, "Analysing", total=len(ids)) as bar:
        for _ in range(MAX_POOL_RESTARTS + 1):
            pending = run_in_pool(pending, workers, counts, bar)
            if not pending:
                break
        counts["failed"] += len(pending)
    return counts


def run_in_pool(ids, workers, counts, bar):
    """Run ids in a fresh pool; return those cut off by a crashed process (the crashed ones themselves are failed)."""
    # Forked children must not share the parent's database connections: close them here, and each process opens
    # its own on first use (see _fresh_connections).
    connections.close_all()
    broken = []
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_fresh_connections) as pool:
        futures = {pool.submit(rerun_now, analysis_id): analysis_id for analysis_id in ids}
        for future in as_completed(futures):
            try:
                counts[future.result()] += 1
            except BrokenProcessPool:
                broken.append(futures[future])
                continue
            bar.update()
    if not broken:
        return []
    # Rows left `processing` were the ones running when a process died: fail them with a reason. The others never
    # started, so they go to the next pool.
    crashed = fail_if_still_processing(broken, CRASHED)
    counts["failed"] += len(crashed)
    bar.update(len(crashed))
    return [analysis_id for analysis_id in broken if analysis_id not in crashed]


def _fresh_connections():
    connections.close_all()


def progress(iterable, description, total=None):
    # A bar only on a terminal: in logs and cron mail, the summary line is enough.
    return tqdm(
        iterable, total=total, desc=description, unit="analysis", file=sys.stderr, disable=not sys.stderr.isatty()
    )


def summary(counts, elapsed, options):
    if not options["sync"]:
        line = f"Queued {counts['queued']}, skipped {counts['skipped']} in {elapsed:.1f} s."
    else:
        handled = counts["completed"] + counts["failed"]
        rate = handled / elapsed if elapsed else 0.0
        line = (
            f"Done {counts['completed']}, failed {counts['failed']}, skipped {counts['skipped']} in {elapsed:.1f} s "
            f"({rate:.1f} analyses/s, {options['workers']} process(es))."
        )
    if counts["skipped"]:
        line += " Skipped: still processing, or the stored file is gone."
    return line
