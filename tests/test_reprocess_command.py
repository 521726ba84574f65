"""`manage.py reprocess_analyses`: selection, dry run, queueing, inline runs, summary, bad arguments."""

import json
import subprocess
import sys
from datetime import timedelta
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.utils import timezone

from analyses.isolation import READER_CRASHED
from analyses.management.commands import reprocess_analyses
from analyses.models import Analysis
from skills_catalog.models import CatalogVersion, current_catalog_version

from . import pdfs
from .catalog_files import write_small_catalog
from .factories import completed_analysis, make_analysis
from .live import ROOT, manage, prepare_database, stack_env


def reprocess(*args):
    out = StringIO()
    call_command("reprocess_analyses", *args, stdout=out, stderr=out)
    return out.getvalue()


def stored(data=None, **fields):
    name = default_storage.save("resumes/r.pdf", ContentFile(data or pdfs.resume_pdf()))
    return completed_analysis(file=name, **fields)


def listed(output):
    """The ids a dry run lists."""
    return {line.split()[0] for line in output.splitlines()[1:] if line.startswith("  ") and "more" not in line}


@pytest.fixture
def rows(db):
    CatalogVersion.objects.update_or_create(pk=1, defaults={"version": 3})
    old = timezone.now() - timedelta(days=40)
    return {
        "current": stored(catalog_version=3),
        "outdated": stored(catalog_version=2),
        "failed": make_analysis(status="failed", error="Could not read PDF.", file="resumes/x.pdf"),
        "old_failed": make_analysis(status="failed", error="Could not read PDF.", created_at=old),
        "old_outdated": stored(catalog_version=1, created_at=old),
        "processing": make_analysis(status="processing"),
    }


# Selection, seen through --dry-run (which changes nothing)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--all"], {"current", "outdated", "failed", "old_failed", "old_outdated", "processing"}),
        (["--failed"], {"failed", "old_failed"}),
        (["--status", "completed"], {"current", "outdated", "old_outdated"}),
        (
            ["--status", "completed", "--status", "failed"],
            {"current", "outdated", "old_outdated", "failed", "old_failed"},
        ),
        (["--outdated"], {"outdated", "old_outdated"}),
        (["--failed", "--since", "DAYS_AGO_10"], {"failed"}),
        (["--outdated", "--since", "DAYS_AGO_10"], {"outdated"}),
        (["--all", "--since", "DAYS_AGO_10"], {"current", "outdated", "failed", "processing"}),
        (["--ids", "ID_current", "ID_failed"], {"current", "failed"}),
        (["--ids", "ID_current,ID_outdated", "--outdated"], {"outdated"}),
    ],
)
def test_selectors_combine(rows, args, expected):
    ten_days_ago = (timezone.now() - timedelta(days=10)).date().isoformat()
    args = [ten_days_ago if arg == "DAYS_AGO_10" else arg for arg in args]
    for key, row in rows.items():
        args = [arg.replace(f"ID_{key}", str(row.pk)) for arg in args]
    before = list(Analysis.objects.order_by("pk").values())
    output = reprocess(*args, "--dry-run")
    noun = "analysis" if len(expected) == 1 else "analyses"
    assert output.startswith(f"Dry run: would re-run {len(expected)} {noun} (")
    assert listed(output) == {str(rows[key].pk) for key in expected}
    assert list(Analysis.objects.order_by("pk").values()) == before


def test_since_accepts_a_date_time(rows):
    moment = (timezone.now() - timedelta(days=10)).isoformat()
    assert listed(reprocess("--failed", "--since", moment, "--dry-run")) == {str(rows["failed"].pk)}


def test_a_long_dry_run_lists_the_first_rows_and_counts_the_rest(db):
    for _ in range(reprocess_analyses.DRY_RUN_LISTED + 3):
        make_analysis(status="failed")
    output = reprocess("--failed", "--dry-run")
    assert len(listed(output)) == reprocess_analyses.DRY_RUN_LISTED
    assert "… and 3 more" in output


def test_unknown_ids_are_reported_not_fatal(rows):
    missing = "00000000-0000-0000-0000-000000000001"
    output = reprocess("--ids", missing, str(rows["failed"].pk), "--dry-run")
    assert f"No analysis has id {missing}" in output
    assert listed(output) == {str(rows["failed"].pk)}


def test_nothing_selected_says_so(db):
    assert "No analyses match" in reprocess("--failed")


# Bad arguments


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "Choose what to re-run"),
        (["--since", "yesterday"], "not a date"),
        (["--since", "2025-13-45"], "not a date"),
        (["--ids", "not-a-uuid"], "is not an analysis id"),
        (["--all", "--sync", "--workers", "0"], "at least 1"),
        (["--all", "--workers", "2"], "only applies with --sync"),
        (["--status", "processing"], "invalid choice"),
    ],
)
def test_bad_arguments_are_a_command_error(args, message):
    with pytest.raises(CommandError, match=message):
        reprocess(*args)


# Queueing (the default)


def test_it_queues_by_default_and_keeps_the_file(rows, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as queued:
        output = reprocess("--outdated")
    assert "Queued 2, skipped 0" in output
    assert len(queued) == 2
    for key in ("outdated", "old_outdated"):
        row = Analysis.objects.get(pk=rows[key].pk)
        assert (row.status, row.overall_score, row.technical_skills, row.attempts) == ("processing", None, [], 0)
        assert default_storage.exists(row.file.name)
    assert Analysis.objects.get(pk=rows["current"].pk).status == "completed"


def test_queued_analyses_run_on_the_worker_path(small_catalog, run_tasks_inline, django_capture_on_commit_callbacks):
    CatalogVersion.objects.update_or_create(pk=1, defaults={"version": 7})
    analysis = stored(catalog_version=6, technical_skills=["Cobol"])
    with django_capture_on_commit_callbacks(execute=True):
        reprocess("--outdated")
    analysis.refresh_from_db()
    assert analysis.status == "completed"
    assert analysis.catalog_version == 7
    assert "Python" in analysis.technical_skills and "Cobol" not in analysis.technical_skills


def test_processing_rows_and_missing_files_are_skipped_and_keep_their_results(db, django_capture_on_commit_callbacks):
    processing = make_analysis(status="processing")
    gone = completed_analysis(file="resumes/deleted-by-hand.pdf", overall_score=66)
    with django_capture_on_commit_callbacks() as queued:
        output = reprocess("--all")
    assert "Queued 0, skipped 2" in output
    assert not queued
    gone.refresh_from_db()
    assert (gone.status, gone.overall_score) == ("completed", 66)
    assert Analysis.objects.get(pk=processing.pk).attempts == 0


# Inline (--sync)


def test_sync_runs_every_row_and_one_failure_does_not_stop_the_batch(small_catalog):
    good = [stored(catalog_version=1, overall_score=1) for _ in range(2)]
    bad = stored(pdfs.damaged_pdf(), catalog_version=1)
    output = reprocess("--all", "--sync")
    assert "Done 2, failed 1, skipped 0" in output
    assert "analyses/s, 1 process(es)" in output
    for row in good:
        row.refresh_from_db()
        assert row.status == "completed" and row.overall_score > 1
        assert row.catalog_version == current_catalog_version()
    bad.refresh_from_db()
    assert bad.status == "failed" and "Could not read PDF" in bad.error


def test_running_the_command_twice_is_safe(small_catalog):
    analysis = stored(catalog_version=1)
    reprocess("--all", "--sync")
    first = Analysis.objects.values("status", "overall_score", "technical_skills", "attempts").get(pk=analysis.pk)
    output = reprocess("--all", "--sync")
    assert "Done 1, failed 0, skipped 0" in output
    assert (
        Analysis.objects.values("status", "overall_score", "technical_skills", "attempts").get(pk=analysis.pk) == first
    )
    assert default_storage.exists(analysis.file.name)


CRASH_ONE_OF_FIVE = """
import json
import os
import pymupdf
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from analyses.models import Analysis
from tests import pdfs
from tests.factories import completed_analysis

MARK = b"%CRASH-THE-READER"
real_open = pymupdf.open


def open_or_die(*args, stream=None, **kwargs):
    # Stands in for a PDF that kills the reader outright (a segfault in MuPDF): the process ends on the spot.
    if stream is not None and MARK in bytes(stream):
        os._exit(1)
    return real_open(*args, stream=stream, **kwargs)


pymupdf.open = open_or_die
for number in range(5):
    data = pdfs.resume_pdf() + (MARK + b"\\n" if number == 2 else b"")
    completed_analysis(file=default_storage.save("resumes/r.pdf", ContentFile(data)), original_filename=f"{number}.pdf")
call_command("reprocess_analyses", "--all", "--sync", "--workers", "2")
print(json.dumps(sorted(Analysis.objects.values_list("original_filename", "status", "error"))))
"""


@pytest.mark.e2e
def test_a_process_that_dies_fails_its_row_with_a_reason_and_the_batch_goes_on(tmp_path):
    # Forked processes share a file-backed database here (pytest's test database is private to this process).
    env = stack_env(tmp_path / "var", MEDIA_ROOT=tmp_path / "media")
    prepare_database(env)
    out = manage(env, "shell", "--no-imports", "-c", CRASH_ONE_OF_FIVE).stdout
    rows = json.loads(out.strip().splitlines()[-1])
    # The reader dies in the analysis's own child process (analyses/isolation.py): that row fails with the reason,
    # the pool process lives on, and every other row completes.
    assert rows[2][1:] == ["failed", READER_CRASHED]
    assert [status for _, status, _ in rows] == ["completed", "completed", "failed", "completed", "completed"]
    assert "Done 4, failed 1, skipped 0" in out, out


# Several processes, for real: a file-backed database shared by separate processes (bench/reprocess.py's setup).


@pytest.mark.e2e
def test_one_and_two_processes_finish_every_row_and_report_failures(tmp_path):
    """bench/reprocess.py on a tiny input: the command as an operator runs it, once per process count. The small
    catalog: loading and compiling the shipped one was a third of the script's CPU (17 s; 12 s without)."""
    catalog = write_small_catalog(tmp_path / "catalog")
    result = subprocess.run(
        [sys.executable, "-m", "bench.reprocess", "--count", "6", "--damaged", "2", "--repeat", "1",
         "--tmp", str(tmp_path), "--catalog", str(catalog)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("Done 4, failed 2, skipped 0") == 2, result.stdout
    assert "1 process(es): 6 analyses" in result.stdout
    assert "2 process(es): 6 analyses" in result.stdout
    assert "parallel efficiency" in result.stdout
