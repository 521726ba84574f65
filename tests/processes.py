"""Watching a process a test does not own (a grandchild): its pid from a file it writes, and whether it is gone."""

import os
import signal
import time


def pid_written_to(path, deadline_s=30):
    """The pid a process wrote to `path`, once it has."""
    deadline = time.monotonic() + deadline_s
    while not (path.exists() and path.read_text().strip()) and time.monotonic() < deadline:
        time.sleep(0.05)
    return int(path.read_text())


def is_running(pid):
    """Whether `pid` runs (a zombie nobody has reaped yet has stopped running)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            return not any(line.startswith("State:") and "Z" in line.split()[1] for line in status)
    except FileNotFoundError:
        return False


def ends_within(pid, seconds=10):
    """Whether `pid` stops running within `seconds`; one that does not is killed, so a failing test leaves nothing."""
    deadline = time.monotonic() + seconds
    while is_running(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    if is_running(pid):
        os.kill(pid, signal.SIGKILL)
        return False
    return True
