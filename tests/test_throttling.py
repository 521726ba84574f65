"""Throttling: DRF scoped rates from THROTTLE_UPLOAD / THROTTLE_POLL, counted in the database cache that every web
process shares; 429 with {"error"} and Retry-After; `off` turns a throttle off."""

import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from . import pdfs
from .live import free_port, http, live_stack, multipart, start_web, stop, wait_until_serving
from .settings_env import settings_from

NOT_A_PDF = b"plain text, not a pdf"


@pytest.mark.django_db
def test_tests_run_without_throttles_until_one_turns_them_on(client, throttle_rates):
    # More than the production defaults (30 uploads, 300 polls a minute) from one client: never a 429.
    assert {client.post("/api/v1/resume/upload", {"file": _file(NOT_A_PDF)}).status_code for _ in range(32)} == {415}
    assert {client.get(status_url()).status_code for _ in range(302)} == {404}
    throttle_rates(upload="1/min", poll="1/min")
    uploads = [client.post("/api/v1/resume/upload", {"file": _file(NOT_A_PDF)}) for _ in range(2)]
    assert [r.status_code for r in uploads] == [415, 429]
    assert [client.get(status_url()).status_code for _ in range(2)] == [404, 429]


def status_url():
    return f"/api/v1/resume/status/{uuid.uuid4()}"


@pytest.mark.django_db
def test_uploads_over_the_rate_get_429_with_an_error_and_retry_after(client, throttle_rates, resume_bytes):
    throttle_rates(upload="2/min")
    answers = [client.post("/api/v1/resume/upload", {"file": _file(resume_bytes)}) for _ in range(3)]
    assert [r.status_code for r in answers] == [202, 202, 429]
    body = answers[2].json()
    assert body["code"] == "throttled" and body["error"].startswith("Too many requests")
    assert 0 < int(answers[2]["Retry-After"]) <= 60
    assert client.get(status_url()).status_code == 404  # polling has its own budget


@pytest.mark.django_db
def test_polling_over_the_rate_gets_429_and_leaves_uploads_alone(client, throttle_rates, resume_bytes):
    throttle_rates(poll="3/min")
    assert [client.get(status_url()).status_code for _ in range(4)] == [404, 404, 404, 429]
    assert client.get("/api/v1/resume/result/" + str(uuid.uuid4())).status_code == 429  # result counts as polling
    assert client.post("/api/v1/resume/upload", {"file": _file(resume_bytes)}).status_code == 202


@pytest.mark.django_db
def test_the_rate_is_per_client(client, throttle_rates):
    throttle_rates(poll="1/min")
    assert client.get(status_url(), REMOTE_ADDR="10.0.0.1").status_code == 404
    assert client.get(status_url(), REMOTE_ADDR="10.0.0.1").status_code == 429
    assert client.get(status_url(), REMOTE_ADDR="10.0.0.2").status_code == 404


def _file(data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("cv.pdf", data, content_type="application/pdf")


def rates_from(monkeypatch, tmp_path, **variables):
    """The rates settings.py reads from these variables (None: the variable is unset)."""
    return settings_from(monkeypatch, tmp_path / "var", **variables).REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]


def test_rates_come_from_the_environment_and_off_disables(monkeypatch, tmp_path):
    assert rates_from(monkeypatch, tmp_path, THROTTLE_UPLOAD="5/hour", THROTTLE_POLL="off") == {
        "upload": "5/hour",
        "poll": None,
    }
    assert rates_from(monkeypatch, tmp_path, THROTTLE_UPLOAD="OFF", THROTTLE_POLL="120/min") == {
        "upload": None,
        "poll": "120/min",
    }


def test_the_defaults_leave_room_for_a_frontend_polling_every_two_seconds(monkeypatch, tmp_path):
    # The frontend polls every 2 s: 30 a minute, well inside the poll default.
    assert rates_from(monkeypatch, tmp_path, THROTTLE_UPLOAD=None, THROTTLE_POLL=None) == {
        "upload": "30/min",
        "poll": "300/min",
    }


@pytest.mark.django_db
def test_an_invented_forwarded_for_address_does_not_escape_the_throttle(client, throttle_rates):
    throttle_rates(poll="1/min")
    assert client.get(status_url(), HTTP_X_FORWARDED_FOR="203.0.113.1").status_code == 404
    assert client.get(status_url(), HTTP_X_FORWARDED_FOR="203.0.113.2").status_code == 429


@pytest.mark.e2e
def test_two_web_servers_share_one_count(tmp_path):
    """Two separate gunicorn servers (as on two machines behind one proxy) on one database: the budget is shared,
    not doubled. The client is named by the proxy's X-Forwarded-For (NUM_PROXIES=1), apart from readiness probes."""
    client = {"X-Forwarded-For": "198.51.100.7"}
    limits = {"THROTTLE_UPLOAD": "3/min", "THROTTLE_POLL": "4/min", "NUM_PROXIES": 1}
    with live_stack(tmp_path, worker=False, **limits) as (first, env):
        port = free_port()
        second_server = start_web(env, port, log_path=tmp_path / "web-2.log")
        second = f"http://127.0.0.1:{port}"
        try:
            wait_until_serving(second)
            body, headers = multipart({}, {"file": ("cv.pdf", NOT_A_PDF)})
            uploads = [
                http("POST", server + "/api/v1/resume/upload", body, {**headers, **client})[0]
                for server in (first, second, first, second)
            ]
            assert uploads == [415, 415, 415, 429]  # rejected uploads count too: the throttle runs first
            polls = [http("GET", server + status_url(), headers=client)[0] for server in (first, second, first, second)]
            assert polls == [404, 404, 404, 404]
            status, body, headers = http("GET", second + status_url(), headers=client)
            assert status == 429 and body["code"] == "throttled" and int(headers["Retry-After"]) > 0

            # A burst at once from another client, of uploads that each write a row: the count is not raced (DRF's
            # read-then-write throttle let 40 of 40 parallel uploads through a limit of 30 a minute).
            burst = {"X-Forwarded-For": "198.51.100.8"}
            body, headers = multipart({}, {"file": ("cv.pdf", pdfs.resume_pdf())})
            with ThreadPoolExecutor(max_workers=16) as pool:
                answers = list(
                    pool.map(
                        lambda server: http("POST", server + "/api/v1/resume/upload", body, {**headers, **burst})[0],
                        [first, second] * 8,
                    )
                )
            assert sorted(answers) == [202] * 3 + [429] * 13
        finally:
            stop(second_server)
