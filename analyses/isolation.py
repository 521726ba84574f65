"""Run one analysis in a forked child process under a memory cap and a hard time limit.

MuPDF works in C: a SIGALRM cannot interrupt it and nothing in Python bounds what it allocates. So the worker forks
(cheap: the child shares the compiled matcher copy-on-write), the child caps its own address space with
RLIMIT_AS and runs the analysis, and the parent SIGKILLs it at the deadline. The report (or the failure) comes back
pickled through a pipe. The cap is what one analysis may add to the worker's own address space, so a worker that
grows (a larger catalog, Tesseract loaded, a long-lived test process) never starves normal analyses; a child that
breaks a limit becomes an `UnreadablePdf` naming the limit, which the task
turns into a `failed` row once, like any other file it cannot read.
"""

import gc
import os
import pickle
import re
import resource
import select
import signal
import time
import traceback

from .pipeline.errors import UnreadablePdf
from .pipeline.lifetime import die_with_parent

# Within this much of the cap, a failure is the cap's doing: MuPDF reports a failed allocation as an ordinary error
# ("malloc failed", "cannot create page"), which the pipeline would otherwise call a damaged file.
MEMORY_SLACK_MB = 32
READ_CHUNK = 1 << 16
# MuPDF's words for an allocation the address-space cap refused ("code=2: malloc (943697088 bytes) failed").
OUT_OF_MEMORY_RE = re.compile(r"\b(?:malloc|calloc|realloc)\b.*\bfailed|out of memory|cannot allocate", re.IGNORECASE)


READER_CRASHED = (
    "The reader stopped while reading this file, before it could finish; the file may be built to crash it. "
    "Export it again from your editor and upload the new file."
)


def memory_limit_error(limit_mb):
    return UnreadablePdf(
        f"The analysis needed more than the {limit_mb} MB of memory an analysis may use and was stopped; "
        "the file may be built to exhaust the reader. Try exporting it again from your editor.",
        "memory_limit",
    )


def time_limit_error(limit_s):
    return UnreadablePdf(
        f"The analysis took longer than {limit_s:g} seconds and was stopped; the file may be unusually complex. "
        "Try exporting it again from your editor.",
        "time_limit",
    )


def run_limited(function, *args, memory_mb, time_limit_s):
    """`function(*args)` in a child process; its result, or the exception it raised, as if called here.

    memory_mb caps what the child may add to the address space it starts with, this process's (0: no cap);
    time_limit_s is wall-clock time, after which the child is killed. Breaking either raises UnreadablePdf with a
    sentence naming the limit.
    """
    read_end, write_end = os.pipe()
    worker_pid = os.getpid()
    gc.freeze()  # the child's collector then never writes to the parent's objects, so their pages stay shared
    try:
        pid = os.fork()
        if pid == 0:  # the child: never returns
            os.close(read_end)
            # The worker enforces the time limit: a worker killed (OOM, django-q's timeout) must take its analysis.
            die_with_parent(worker_pid)
            _child(write_end, function, args, memory_mb)
    finally:
        gc.unfreeze()
    os.close(write_end)
    deadline = time.monotonic() + time_limit_s
    payload = None
    try:
        payload = _read_until(read_end, deadline)
    finally:
        os.close(read_end)
        if payload is None:
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
    if payload is None:
        raise time_limit_error(time_limit_s)
    if not payload:
        if memory_mb and os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
            raise memory_limit_error(memory_mb)  # not ours (that is the deadline): the kernel's out-of-memory killer
        # It died in C code (a crash of the reader) or exited without a word: the same file would do it again.
        raise UnreadablePdf(READER_CRASHED, "reader_crashed")
    outcome, value, added_mb = pickle.loads(payload)
    if outcome == "ok":
        return value
    if memory_mb and (isinstance(value, MemoryError) or added_mb >= memory_mb - MEMORY_SLACK_MB):
        raise memory_limit_error(memory_mb)
    raise value


def _child(write_end, function, args, memory_mb):
    status = 0
    try:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the worker's own handlers are not the child's
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the parent decides
        start_mb = _memory_mb("VmSize:")
        if memory_mb:
            limit = (start_mb + memory_mb) * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        try:
            answer = ("ok", function(*args))
        except BaseException as error:  # noqa: BLE001 - every failure goes back to the parent, which re-raises it
            answer = ("error", MemoryError() if _out_of_memory(error) else _picklable(error))
        answer += (_peak_memory_mb() - start_mb,)
        try:
            data = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            data = pickle.dumps(("error", MemoryError(), _peak_memory_mb() - start_mb))
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(data)
    except BaseException:
        traceback.print_exc()
        status = 1
    finally:
        # os._exit: no atexit handlers, no flushing of the parent's buffers, no closing of its database connections.
        os._exit(status)


def _out_of_memory(error):
    """MemoryError from Python; from MuPDF, an error whose message (or its cause's) reports a failed allocation."""
    while error is not None:
        if isinstance(error, MemoryError) or OUT_OF_MEMORY_RE.search(str(error)):
            return True
        error = error.__cause__ or error.__context__
    return False


def _picklable(error):
    try:
        pickle.loads(pickle.dumps(error))
        return error
    except Exception:
        return RuntimeError("".join(traceback.format_exception(error)))


def _peak_memory_mb():
    """The child's peak address-space size (VmPeak), what RLIMIT_AS bounds."""
    return _memory_mb("VmPeak:")


def _memory_mb(field):
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


def _read_until(fd, deadline):
    """All bytes written to the pipe until the child closes it, or None if the deadline came first."""
    chunks = []
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None
        ready, _, _ = select.select([fd], [], [], remaining)
        if not ready:
            return None
        chunk = os.read(fd, READ_CHUNK)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
