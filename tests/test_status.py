import uuid

import pytest

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
