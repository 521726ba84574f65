"""The production shape (deploy/serve.py --nginx: Debian's nginx buffering in front of gunicorn, one worker) holds
against hostile clients: slow clients cannot starve it, idle keep-alive connections outlive the 2 s poll, nginx's
own errors are JSON, and a forged X-Forwarded-Proto changes nothing.

nginx is installed by `make test` (the Makefile's `nginx` target); these tests skip only when it is not there."""

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from http.client import HTTPConnection, HTTPException

import pytest

from . import pdfs
from .live import (
    ROOT,
    free_port,
    http,
    multipart,
    prepare_database,
    stack_database,
    stack_env,
    stop,
    upload,
    wait_until_serving,
)

pytestmark = pytest.mark.e2e
NGINX = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")
SLOW_CLIENTS = 12
SLOW_SECONDS = 20
HEALTH_BUDGET_SECONDS = 1.0
POLL_PAUSE_SECONDS = 2
POLLS = 6


@pytest.fixture(scope="module")
def shape(tmp_path_factory):
    """(front URL through nginx, gunicorn's own URL behind it) of one running production-shape stack."""
    if not NGINX:
        pytest.skip("nginx is not installed and `make nginx` could not install it (needs root and Debian's apt)")
    tmp_path = tmp_path_factory.mktemp("shape")
    with stack_database(os.environ.get("DATABASE_URL", "")) as database_url:
        env = stack_env(tmp_path / "var", DATABASE_URL=database_url, NUM_PROXIES=1, WORKERS=1)
        prepare_database(env)
        front, upstream = free_port(), free_port()
        log = open(tmp_path / "serve.log", "ab")  # noqa: SIM115
        serve = subprocess.Popen(
            [sys.executable, "-m", "deploy.serve", "--bind", f"127.0.0.1:{upstream}", "--nginx", f"127.0.0.1:{front}"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        try:
            wait_until_serving(f"http://127.0.0.1:{upstream}", deadline_s=60)
            wait_until_serving(f"http://127.0.0.1:{front}", deadline_s=30)
            yield f"http://127.0.0.1:{front}", f"http://127.0.0.1:{upstream}"
        finally:
            stop(serve)
            log.close()


def slow_client(port, stop_event, trickle_body):
    """An attacker that sends a byte a second: of its headers, or (trickle_body) of a body it announced as 100 KB.
    When the server drops it, it connects again."""
    while not stop_event.is_set():
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
                if trickle_body:
                    sock.sendall(
                        b"POST /api/v1/resume/upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100000\r\n"
                        b"Content-Type: multipart/form-data; boundary=x\r\n\r\n"
                    )
                else:
                    sock.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\n")
                while not stop_event.wait(1):
                    sock.sendall(b"x" if trickle_body else b"X-Slow: x\r\n")
        except OSError:
            stop_event.wait(0.2)


def health_timings(base_url, seconds):
    """GET /api/v1/health once a second on a fresh connection: [(status, seconds it took)]."""
    timings = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        started = time.monotonic()
        try:
            status, _, _ = http("GET", base_url + "/api/v1/health", timeout=5)
        except OSError:
            status = None
        took = time.monotonic() - started
        timings.append((status, round(took, 3)))
        time.sleep(max(0.0, 1 - took))
    return timings


def test_slow_clients_cannot_starve_the_service(shape):
    front, _ = shape
    port = int(front.rsplit(":", 1)[1])
    stop_event = threading.Event()
    attackers = [
        threading.Thread(target=slow_client, args=(port, stop_event, number % 2 == 0), daemon=True)
        for number in range(SLOW_CLIENTS)
    ]
    for attacker in attackers:
        attacker.start()
    try:
        time.sleep(1)  # every attacker is connected and trickling
        timings = health_timings(front, SLOW_SECONDS)
    finally:
        stop_event.set()
        for attacker in attackers:
            attacker.join(timeout=10)
    print(f"health under {SLOW_CLIENTS} slow clients: {len(timings)} checks, slowest {max(t for _, t in timings)} s")
    slow = [(status, took) for status, took in timings if status != 200 or took >= HEALTH_BUDGET_SECONDS]
    assert len(timings) >= SLOW_SECONDS - 2
    assert not slow, f"health under {SLOW_CLIENTS} slow clients: {timings}"


def poll_on_one_connection(base_url, task_id, outcome):
    """Poll the status POLLS times with 2 s pauses on one keep-alive connection, as the frontend's client does."""
    host, port = base_url.removeprefix("http://").split(":")
    connection = HTTPConnection(host, int(port), timeout=10)
    sockets = set()
    try:
        for _ in range(POLLS):
            connection.request("GET", f"/api/v1/resume/status/{task_id}")
            response = connection.getresponse()
            response.read()
            assert response.status == 200 and not response.will_close
            sockets.add(connection.sock.getsockname())
            time.sleep(POLL_PAUSE_SECONDS)
        outcome[base_url] = "ok" if len(sockets) == 1 else f"the connection was replaced: {sockets}"
    except (OSError, HTTPException, AssertionError) as error:
        outcome[base_url] = f"{type(error).__name__}: {error}"
    finally:
        connection.close()


def test_idle_keep_alive_connections_outlive_the_poll_interval(shape):
    """Through nginx and straight to gunicorn at once (gunicorn's old 2 s keepalive reset these connections)."""
    front, upstream = shape
    status, body, _ = upload(front, pdfs.resume_pdf())
    assert status == 202, body
    outcome = {}
    pollers = [threading.Thread(target=poll_on_one_connection, args=(url, body["task_id"], outcome)) for url in shape]
    for poller in pollers:
        poller.start()
    for poller in pollers:
        poller.join(timeout=POLLS * (POLL_PAUSE_SECONDS + 10))
    assert outcome == {front: "ok", upstream: "ok"}


def test_nginx_answers_an_oversized_upload_in_json_without_reading_it(shape):
    front, _ = shape
    port = int(front.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(
            b"POST /api/v1/resume/upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: 52428800\r\n"
            b"Content-Type: multipart/form-data; boundary=x\r\nConnection: close\r\n\r\n"
        )
        answer = b""
        while b"\r\n\r\n" not in answer:
            answer += sock.recv(65536)
        head, _, body = answer.partition(b"\r\n\r\n")
        length = int(re.search(rb"Content-Length: (\d+)", head, re.IGNORECASE).group(1))
        while len(body) < length:
            body += sock.recv(65536)
    assert head.startswith(b"HTTP/1.1 413")
    assert b"no-store" in head
    assert json.loads(body)["code"] == "file_too_large"


def test_a_forged_forwarded_proto_changes_no_url(shape):
    """Neither gunicorn (when reached directly from 127.0.0.1) nor Django believes X-Forwarded-Proto unconfigured."""
    for base_url in shape:
        body, headers = multipart({}, {"file": ("resume.pdf", pdfs.resume_pdf())})
        status, answer, _ = http(
            "POST", base_url + "/api/v1/resume/upload", body, {**headers, "X-Forwarded-Proto": "https"}
        )
        assert status == 202 and answer["status_url"].startswith("http://"), answer


def test_a_gunicorn_that_is_down_gets_a_json_503_from_nginx(tmp_path):
    """nginx alone, its upstream a port nobody listens on: the answer is the API's JSON, not an HTML 502."""
    if not NGINX:
        pytest.skip("nginx is not installed and `make nginx` could not install it (needs root and Debian's apt)")
    from deploy.serve import nginx_config, nginx_run_dir

    run_dir, port = nginx_run_dir(), free_port()
    config = run_dir / "nginx.conf"
    config.write_text(nginx_config(listen=f"127.0.0.1:{port}", upstream=f"127.0.0.1:{free_port()}", run_dir=run_dir))
    nginx = subprocess.Popen(
        [NGINX, "-p", str(run_dir), "-c", str(config), "-e", "stderr", "-g", "daemon off;"],
        stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                status, body, headers = http("GET", f"http://127.0.0.1:{port}/api/v1/health", timeout=5)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        assert status == 503 and body["code"] == "unavailable" and headers["Retry-After"] == "5"
    finally:
        stop(nginx)
        shutil.rmtree(run_dir, ignore_errors=True)
