"""GET /api/v1/health: database reachable, queue depth, when a worker was last seen."""

import pytest
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper
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
