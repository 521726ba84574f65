"""Hostile uploads: each ends `failed` once, within its limit, with a reason that is true; the worker lives on.

The files are built here (tests/hostile_pdfs.py). Limits under test: the cheap per-page guards in extract.py, the
memory cap and hard time limit of analyses/isolation.py, and linear-time text handling (tests/test_linear_time.py
times each pattern on its own)."""

import multiprocessing
import os
import signal
import threading
import time

import pymupdf
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from analyses.isolation import MEMORY_SLACK_MB, READER_CRASHED, run_limited
from analyses.models import Analysis
from analyses.pipeline.analyse import analyse
from analyses.pipeline.errors import UnreadablePdf
from analyses.tasks import run_analysis
from skills_catalog.matcher import matcher_from_rows

from . import hostile_pdfs, pdfs
from .catalog_files import write_small_catalog
from .factories import make_analysis
from .live import live_stack, read_one, start_worker, stop, upload, wait_for_status
from .processes import ends_within, pid_written_to

EMPTY_MATCHER = matcher_from_rows([])


def failure(data):
    with pytest.raises(UnreadablePdf) as raised:
        analyse(data, EMPTY_MATCHER)
    return raised.value


def test_a_million_text_objects_fail_before_any_text_is_built():
    data = hostile_pdfs.million_text_objects_pdf()
    started = time.perf_counter()
    error = failure(data)
    assert error.code == "page_too_complex"
    assert "Page 1 holds 1,000,000 pieces of text" in error.message and "limit 50,000" in error.message
    assert time.perf_counter() - started < 10  # before the guard: 177 s and 2.1 GB


def test_a_form_drawn_2000_times_counts_as_the_text_it_draws():
    error = failure(hostile_pdfs.form_bomb_pdf())
    assert error.code == "page_too_complex"
    assert "Page 1 holds 2,000,001 pieces of text" in error.message


def test_a_picture_drawn_200_times_counts_as_the_pixels_it_draws():
    data = hostile_pdfs.picture_drawn_again_and_again_pdf()
    assert len(data) < 100_000
    started = time.perf_counter()
    error = failure(data)
    assert error.code == "page_too_complex"
    assert "Page 1 draws 5,025 megapixels of pictures" in error.message and "limit 120" in error.message
    assert time.perf_counter() - started < 10


def test_a_150k_letter_line_is_read_in_linear_time():
    data = hostile_pdfs.long_line_pdf()
    started = time.perf_counter()
    report = analyse(data, EMPTY_MATCHER)
    assert report.details["word_count"] > 0
    assert time.perf_counter() - started < 10  # before: over 120 s (the e-mail pattern was quadratic)


def test_a_lying_page_count_says_damaged():
    error = failure(hostile_pdfs.lying_page_count_pdf())
    assert (error.code, error.message.startswith("Could not read PDF: the file is damaged")) == ("damaged_pdf", True)


def test_deep_nesting_says_damaged_not_a_scan():
    error = failure(hostile_pdfs.deeply_nested_pdf())
    assert error.code == "damaged_pdf"
    assert "nested too deeply" in error.message


def test_the_hand_built_pages_are_readable_without_the_hostile_part():
    # The builder itself makes readable PDFs: what fails above fails for the hostile part alone.
    report = analyse(hostile_pdfs.raw_pdf(hostile_pdfs.TEXT), EMPTY_MATCHER)
    assert report.details["page_count"] == 1


# The child process: limits that hold in C code.


def allocate_in_mupdf(megabytes):
    side = int((megabytes * 1024 * 1024 / 3) ** 0.5)
    return pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, side, side), False).size


def spin_in_c():
    return sum(range(10**12))  # one C call: a SIGALRM would only be seen when it returns


def raise_unreadable():
    raise UnreadablePdf("A sentence for the applicant.", "some_code")


def test_the_child_returns_the_result():
    assert run_limited(len, b"abc", memory_mb=512, time_limit_s=10) == 3


def test_the_cap_counts_what_the_analysis_adds_not_the_worker_it_forks_from():
    import mmap

    reserved = mmap.mmap(-1, 1024 * 1024 * 1024)  # a worker with 1 GB of address space already (never touched)
    try:
        assert run_limited(allocate_in_mupdf, 50, memory_mb=512, time_limit_s=30) > 45 * 1024 * 1024
    finally:
        reserved.close()


def test_an_allocation_in_c_over_the_cap_fails_naming_the_cap():
    assert run_limited(allocate_in_mupdf, 50, memory_mb=512, time_limit_s=30) > 45 * 1024 * 1024
    with pytest.raises(UnreadablePdf) as raised:
        run_limited(allocate_in_mupdf, 900, memory_mb=512, time_limit_s=30)
    assert raised.value.code == "memory_limit"
    assert "more than the 512 MB of memory" in raised.value.message


def test_c_code_past_the_time_limit_is_killed():
    started = time.monotonic()
    with pytest.raises(UnreadablePdf) as raised:
        run_limited(spin_in_c, memory_mb=512, time_limit_s=1)
    assert time.monotonic() - started < 5
    assert raised.value.code == "time_limit"
    assert "longer than 1 seconds" in raised.value.message


def sleep_after_writing_pid(path):
    with open(path, "w") as handle:
        handle.write(str(os.getpid()))
    time.sleep(60)


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="reads /proc; the guard is Linux's prctl")
def test_the_analysis_dies_with_the_worker_that_supervises_it(tmp_path):
    # The worker enforces the time limit; a worker killed with SIGKILL (OOM, django-q's timeout) must take its
    # analysis with it rather than leave it running unsupervised.
    pid_file = tmp_path / "analysis.pid"
    worker = multiprocessing.get_context("fork").Process(
        target=run_limited, args=(sleep_after_writing_pid, str(pid_file)), kwargs={"memory_mb": 0, "time_limit_s": 60}
    )
    worker.start()
    analysis = pid_written_to(pid_file)
    os.kill(worker.pid, signal.SIGKILL)
    worker.join()
    assert ends_within(analysis)


def test_the_childs_failures_come_back_whole():
    with pytest.raises(UnreadablePdf) as raised:
        run_limited(raise_unreadable, memory_mb=512, time_limit_s=10)
    assert (raised.value.message, raised.value.code) == ("A sentence for the applicant.", "some_code")
    with pytest.raises(ZeroDivisionError):
        run_limited(divmod, 1, 0, memory_mb=512, time_limit_s=10)


def test_a_child_that_dies_without_an_answer_is_a_crash_of_the_reader_not_a_memory_limit():
    with pytest.raises(UnreadablePdf) as raised:
        run_limited(os._exit, 3, memory_mb=512, time_limit_s=10)
    assert (raised.value.code, raised.value.message) == ("reader_crashed", READER_CRASHED)


# The task: a deterministic failure is written once and acknowledged.


def stored_analysis(data):
    return make_analysis(file=default_storage.save("resumes/hostile.pdf", ContentFile(data)))


@pytest.mark.django_db
def test_a_file_over_the_time_limit_fails_once_and_the_next_upload_completes(small_catalog, settings):
    settings.ANALYSIS_TIME_LIMIT = 2
    hostile = stored_analysis(hostile_pdfs.nested_form_bomb_pdf())
    started = time.monotonic()
    assert run_analysis(str(hostile.id)) == "failed"  # returned normally: django-q2 acknowledges, no re-delivery
    assert time.monotonic() - started < 10
    hostile.refresh_from_db()
    assert (hostile.status, hostile.attempts) == ("failed", 1)
    assert "longer than 2 seconds" in hostile.error
    normal = stored_analysis(pdfs.resume_pdf())
    assert run_analysis(str(normal.id)) == "completed"
    assert "Python" in Analysis.objects.get(pk=normal.pk).technical_skills


@pytest.mark.django_db
def test_a_file_over_the_memory_cap_fails_naming_it(small_catalog, settings):
    settings.ANALYSIS_MAX_MEMORY_MB = 100
    settings.ANALYSIS_TIME_LIMIT = 120
    hostile = stored_analysis(hostile_pdfs.nested_form_bomb_pdf())
    assert run_analysis(str(hostile.id)) == "failed"
    hostile.refresh_from_db()
    assert "more than the 100 MB of memory" in hostile.error


# A real stack: the worker's memory, sampled while it reads each hostile file, stays within the cap.


class WorkerMemory:
    """Samples every process of the worker's session (qcluster and its analysis children) every 20 ms."""

    def __init__(self, session_id):
        self.session_id = session_id
        self.peak_rss_mb = 0
        self.peak_address_space_mb = 0
        self.running = True
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def now(self):
        """(largest resident set, largest address space) in MB among the session's processes at this moment."""
        statuses = list(self._statuses())
        return (
            max((status.get("VmRSS", 0) // 1024 for status in statuses), default=0),
            max((status.get("VmSize", 0) // 1024 for status in statuses), default=0),
        )

    def stop(self):
        self.running = False
        self.thread.join(timeout=5)

    def _sample(self):
        while self.running:
            for status in self._statuses():
                self.peak_rss_mb = max(self.peak_rss_mb, status.get("VmHWM", 0) // 1024)
                self.peak_address_space_mb = max(self.peak_address_space_mb, status.get("VmPeak", 0) // 1024)
            time.sleep(0.02)

    def _statuses(self):
        for pid in os.listdir("/proc"):
            if not pid.isdigit():
                continue
            try:
                if os.getsid(int(pid)) != self.session_id:
                    continue
                with open(f"/proc/{pid}/status", encoding="ascii") as lines:
                    yield {line.split(":")[0]: int(line.split()[1]) for line in lines if line.startswith("Vm")}
            except (OSError, ValueError):
                continue


@pytest.mark.e2e
def test_hostile_uploads_end_within_their_limits_and_the_worker_serves_the_next(tmp_path):
    cap_mb, limit_s = 512, 20
    stack = {"ANALYSIS_MAX_MEMORY_MB": cap_mb, "ANALYSIS_TIME_LIMIT": limit_s, "WORKERS": 1}
    hostile = {
        "a million text objects": (hostile_pdfs.million_text_objects_pdf(), "1,000,000 pieces of text"),
        "a form drawn 2,000 times": (hostile_pdfs.form_bomb_pdf(), "2,000,001 pieces of text"),
        "a form in a form": (hostile_pdfs.nested_form_bomb_pdf(), ("512 MB of memory", "longer than 20 seconds")),
        "a lying page count": (hostile_pdfs.lying_page_count_pdf(), "damaged"),
        "deep nesting": (hostile_pdfs.deeply_nested_pdf(), "damaged"),
    }
    catalog = write_small_catalog(tmp_path / "catalog")
    with live_stack(tmp_path, catalog_dir=catalog, worker=False, **stack) as (base_url, env):
        worker = start_worker(env, tmp_path / "qcluster.log")
        memory = WorkerMemory(os.getsid(worker.pid))
        # The cap is what one analysis may add to the worker it forks from: the worker as it waits is the base.
        status, body, _ = upload(base_url, pdfs.resume_pdf())
        assert wait_for_status(base_url, body["task_id"], deadline_s=60) == {"status": "completed"}
        base_rss_mb, base_address_space_mb = memory.now()
        try:
            for name, (data, reason) in hostile.items():
                status, body, _ = upload(base_url, data)
                assert status == 202, (name, body)
                started = time.monotonic()
                final = wait_for_status(base_url, body["task_id"], deadline_s=limit_s + 60)
                took = time.monotonic() - started
                assert final["status"] == "failed", (name, final)
                reasons = (reason,) if isinstance(reason, str) else reason
                assert any(part in final["error"] for part in reasons), (name, final["error"])
                print(f"{name}: failed after {took:.1f} s: {final['error']}")

            status, body, _ = upload(base_url, hostile_pdfs.long_line_pdf())
            assert wait_for_status(base_url, body["task_id"], deadline_s=limit_s + 30) == {"status": "completed"}
            status, body, _ = upload(base_url, pdfs.resume_pdf())
            assert wait_for_status(base_url, body["task_id"], deadline_s=60) == {"status": "completed"}
            attempts = read_one(env, "SELECT max(attempts) FROM analyses_analysis")
            assert attempts == 1  # every hostile file failed on its first delivery: nothing was re-delivered
        finally:
            memory.stop()
            stop(worker)
    print(
        f"worker at rest: {base_rss_mb} MB resident, {base_address_space_mb} MB address space; "
        f"peak: {memory.peak_rss_mb} MB resident, {memory.peak_address_space_mb} MB address space"
    )
    # The worker at fork time may be a few MB larger than when sampled at rest: the cap's own slack covers that.
    assert memory.peak_address_space_mb <= base_address_space_mb + cap_mb + MEMORY_SLACK_MB
    assert memory.peak_rss_mb <= memory.peak_address_space_mb  # what is resident is part of the capped space
