"""`make run` is one command and stops as one: SIGTERM to make, or Ctrl-C (SIGINT to its process group), ends the
web server, the worker and every process they started within 10 s, time after time."""

import contextlib
import os
import signal
import subprocess
import time

import pytest

from .live import ROOT, free_port, prepare_database, stack_database, stack_env, wait_until_serving

pytestmark = pytest.mark.e2e
STOP_WITHIN_SECONDS = 10
ROUNDS = 3  # SIGTERM, Ctrl-C, SIGTERM: the same stack stopped and started again each time


def descendants(pid):
    """Every process below `pid`, by walking /proc (the servers run in sessions of their own)."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    parent = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def wait_for_processes(make, minimum, deadline_s=60):
    """Once serving, the tree is make → supervisor → gunicorn (+ workers) and qcluster (+ its processes)."""
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        tree = descendants(make.pid)
        if len(tree) >= minimum:
            return tree
        time.sleep(0.2)
    raise AssertionError(f"only {descendants(make.pid)} below make after {deadline_s} s")


def test_sigterm_and_ctrl_c_stop_everything_within_10_s(tmp_path):
    with stack_database(os.environ.get("DATABASE_URL", "")) as database_url:
        env = stack_env(tmp_path / "var", DATABASE_URL=database_url, WORKERS=1)
        prepare_database(env)
        for round_number in range(ROUNDS):
            port = free_port()
            log = open(tmp_path / f"make-run-{round_number}.log", "wb")  # noqa: SIM115
            make = subprocess.Popen(
                ["make", "--no-print-directory", "serve", f"PORT={port}", "WEB_WORKERS=1"],
                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip
            tree = []
            try:
                wait_until_serving(f"http://127.0.0.1:{port}", deadline_s=60)
                # supervisor, gunicorn's arbiter and worker, qcluster's parent, sentinel, worker, monitor and pusher
                tree = wait_for_processes(make, minimum=7)
                ctrl_c = round_number % 2 == 1
                started = time.monotonic()
                if ctrl_c:
                    os.killpg(make.pid, signal.SIGINT)  # what a terminal sends to its foreground job
                else:
                    make.send_signal(signal.SIGTERM)
                while time.monotonic() - started < STOP_WITHIN_SECONDS + 5:
                    left = [pid for pid in [make.pid, *tree] if alive(pid)]
                    if not left:
                        break
                    time.sleep(0.1)
                took = time.monotonic() - started
                how = "Ctrl-C" if ctrl_c else "SIGTERM"
                assert not left, f"{how}: {left} still running after {took:.1f} s; see {log.name}"
                assert took < STOP_WITHIN_SECONDS, f"{how}: stopping took {took:.1f} s; see {log.name}"
            finally:
                for pid in {make.pid, *tree, *descendants(make.pid)}:
                    with contextlib.suppress(ProcessLookupError):
                        os.kill(pid, signal.SIGKILL)
                make.wait(timeout=10)
                log.close()
