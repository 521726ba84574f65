"""GET /api/v1/health: database reachable, queue depth, when a worker was last seen."""

from datetime import timedelta

import pytest
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper
from django_q.status import Stat
from django_q.tasks import async_task

URL = "/api/v1/health"


@pytest.mark.django_db
def test_it_reports_the_database_and_an_empty_queue_without_workers(client):
    r = client.get(URL)
    assert r.status_code == 200
    assert r.json() == {
        "status": "degraded",
        "database": "ok",
        "queue_depth": 0,
        "workers": 0,
        "worker_last_seen_seconds": None,
        "worker_seen_recently": False,
        "reason": "No worker has been seen since this service started; uploads wait in the queue.",
    }


@pytest.mark.django_db
def test_it_answers_with_a_trailing_slash_too_as_every_api_path_does(client):
    assert client.get(URL + "/").json()["database"] == "ok"


@pytest.mark.django_db
def test_it_counts_the_tasks_waiting_in_the_queue(client):
    for _ in range(3):
        async_task("math.floor", 1.5)
    assert client.get(URL).json()["queue_depth"] == 3


@pytest.mark.django_db
def test_it_answers_503_when_the_database_is_unreachable(client, monkeypatch):
    def refuse(self, sql, params=None):
        raise OperationalError("connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", refuse)
    r = client.get(URL)
    assert r.status_code == 503
    assert r.json()["database"] == "unreachable"
    assert r.json()["error"] == "The database is unreachable."


@pytest.mark.django_db
def test_it_is_never_throttled(client, monkeypatch):
    from rest_framework.throttling import SimpleRateThrottle

    monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"upload": "1/min", "poll": "1/min"})
    assert [client.get(URL).status_code for _ in range(3)] == [200, 200, 200]


def _stat(age_seconds):
    from types import SimpleNamespace

    from django.utils import timezone

    return SimpleNamespace(status="Idle", timestamp=timezone.now() - timedelta(seconds=age_seconds))


@pytest.fixture
def fresh_last_seen():
    from django.core.cache import cache

    from analyses.health import LAST_SEEN_KEY

    cache.delete(LAST_SEEN_KEY)
    yield
    cache.delete(LAST_SEEN_KEY)


@pytest.mark.django_db
def test_it_is_ok_when_a_worker_heartbeat_is_recent(client, monkeypatch, fresh_last_seen):
    monkeypatch.setattr(Stat, "get_all", lambda broker=None: [_stat(1)])
    body = client.get(URL).json()
    assert body["status"] == "ok" and body["worker_seen_recently"] is True and body["reason"] is None
    assert body["workers"] == 1 and body["worker_last_seen_seconds"] < 10


@pytest.mark.django_db
def test_it_is_degraded_when_the_newest_heartbeat_is_older_than_the_threshold(
    client, monkeypatch, settings, fresh_last_seen
):
    # A stat still in the cache (a worker host whose clock runs ahead wrote an expiry still in the future) with an
    # old heartbeat is not a live worker.
    settings.WORKER_SEEN_WITHIN_SECONDS = 10
    monkeypatch.setattr(Stat, "get_all", lambda broker=None: [_stat(45)])
    body = client.get(URL).json()
    assert body["workers"] == 1 and body["worker_last_seen_seconds"] >= 45
    assert body["status"] == "degraded" and body["worker_seen_recently"] is False
    assert "No worker has been seen for 45" in body["reason"] and "(the limit is 10)" in body["reason"]


@pytest.mark.django_db
def test_it_says_when_the_last_worker_stopped(client, monkeypatch, fresh_last_seen):
    monkeypatch.setattr(Stat, "get_all", lambda broker=None: [_stat(2)])
    client.get(URL)
    monkeypatch.setattr(Stat, "get_all", lambda broker=None: [])
    body = client.get(URL).json()
    assert body["status"] == "degraded" and body["workers"] == 0
    assert body["reason"].startswith("No worker is running (a health check last saw one 2")


@pytest.mark.django_db
def test_checks_in_a_row_remember_the_last_seen_worker_without_writing_each_time(client, monkeypatch, fresh_last_seen):
    # The cache is the database: a write per check made parallel checks queue for SQLite's write lock.
    from analyses import health

    writes = []
    real_set = health.cache.set
    monkeypatch.setattr(health.cache, "set", lambda *args, **kwargs: (writes.append(args), real_set(*args, **kwargs)))
    for age in (4.0, 3.0, 2.0, 1.0, 0.5):  # a heartbeat every check, within REMEMBER_EVERY_SECONDS of the first
        monkeypatch.setattr(Stat, "get_all", lambda broker=None, age=age: [_stat(age)])
        body = client.get(URL).json()
        assert body["worker_last_seen_seconds"] < age + 1  # the newest heartbeat, not the remembered one
    assert len(writes) == 1
    monkeypatch.setattr(Stat, "get_all", lambda broker=None: [])
    assert client.get(URL).json()["worker_last_seen_seconds"] >= 4  # what was remembered: the first check's
