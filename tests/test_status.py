import uuid

import pytest
from django.db import OperationalError

from .factories import completed_analysis, make_analysis

# A well-formed id no analysis has; the same in every process (pytest-xdist compares the test ids each collects).
UNKNOWN_ID = str(uuid.uuid5(uuid.NAMESPACE_URL, "no-such-analysis"))


def status_of(client, task_id):
    return client.get(f"/api/v1/resume/status/{task_id}")


@pytest.mark.django_db
def test_a_new_analysis_is_processing(client):
    r = status_of(client, make_analysis().id)
    assert r.status_code == 200
    assert r.json() == {"status": "processing"}


@pytest.mark.django_db
def test_a_completed_analysis_says_so(client):
    r = status_of(client, completed_analysis().id)
    assert r.json() == {"status": "completed"}


@pytest.mark.django_db
def test_a_failed_analysis_carries_its_reason(client):
    analysis = make_analysis(status="failed", error="Could not read PDF: the file is damaged.")
    r = status_of(client, analysis.id)
    assert r.json() == {"status": "failed", "error": "Could not read PDF: the file is damaged."}


@pytest.mark.django_db
@pytest.mark.parametrize("task_id", [UNKNOWN_ID, "not-a-uuid", "1", "%00", "'; DROP TABLE x;--"])
def test_unknown_or_malformed_ids_are_404(client, task_id):
    r = status_of(client, task_id)
    assert r.status_code == 404
    assert r.json()["error"]


@pytest.mark.django_db
def test_a_poll_is_one_query_that_leaves_the_report_in_the_database(client, django_assert_num_queries):
    analysis = completed_analysis()
    with django_assert_num_queries(1) as captured:
        assert status_of(client, analysis.id).status_code == 200
    assert "details" not in captured.captured_queries[0]["sql"]  # the report's JSON is tens of KB per row


# The poll is a plain Django view (api.StatusView, for speed); these pin the exact bytes and headers the DRF action
# answered, so a client sees no difference.

ALLOW = "GET, HEAD, OPTIONS"


@pytest.mark.django_db
def test_the_answer_is_compact_utf8_json_with_the_allow_header_and_no_cookie_vary(client):
    analysis = make_analysis(status="failed", error="Ça a échoué.")
    r = status_of(client, analysis.id)
    assert r.content == '{"status":"failed","error":"Ça a échoué."}'.encode()
    assert r["Content-Type"] == "application/json"
    assert r["Allow"] == ALLOW and r["Cache-Control"] == "no-store"
    assert "Cookie" not in r.get("Vary", "")  # the session is never loaded
    assert client.head(f"/api/v1/resume/status/{analysis.id}").status_code == 200


@pytest.mark.django_db
def test_a_404_is_the_apis_json_error(client):
    r = status_of(client, "not-a-uuid")
    assert r.content == b'{"error":"No analysis has this id.","code":"not_found"}'
    assert r["Allow"] == ALLOW and r["Cache-Control"] == "no-store"


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_other_methods_get_a_json_405(client, method):
    r = getattr(client, method)(f"/api/v1/resume/status/{make_analysis().id}")
    assert r.status_code == 405 and r["Allow"] == ALLOW
    assert r.json() == {"error": f'Method "{method.upper()}" not allowed.', "code": "method_not_allowed"}


@pytest.mark.django_db
def test_options_describes_the_endpoint_as_before(client):
    r = client.options(f"/api/v1/resume/status/{make_analysis().id}")
    assert r.status_code == 200 and r["Allow"] == ALLOW
    assert r.content == (
        b'{"name":"Resume","description":"","renders":["application/json"],'
        b'"parses":["multipart/form-data","application/x-www-form-urlencoded"]}'
    )


@pytest.mark.django_db
def test_a_database_outage_is_a_json_503(client, monkeypatch):
    def unreachable(task_id):
        raise OperationalError("connection refused")

    monkeypatch.setattr("analyses.api._get_status", unreachable)
    r = status_of(client, uuid.uuid4())
    assert r.status_code == 503 and r["Retry-After"] == "5" and r["Allow"] == ALLOW
    assert r.json()["code"] == "database_unavailable"


@pytest.mark.django_db
def test_the_poll_throttle_answers_429_with_retry_after(client, throttle_rates):
    throttle_rates(poll="2/min")
    task_id = make_analysis().id
    first = status_of(client, task_id)
    assert first.status_code == 200 and "Cookie" not in first.get("Vary", "")  # the client is its address
    assert status_of(client, task_id).status_code == 200
    r = client.post(f"/api/v1/resume/status/{task_id}")  # the throttle comes first, whatever the method
    assert r.status_code == 429 and int(r["Retry-After"]) > 0 and r["Allow"] == ALLOW
    assert r.json()["code"] == "throttled" and r.json()["error"].startswith("Too many requests. Try again in ")
