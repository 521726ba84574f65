import uuid

import pytest

from .factories import completed_analysis, make_analysis

# A well-formed id no analysis has; the same in every process (pytest-xdist compares the test ids each collects).
UNKNOWN_ID = str(uuid.uuid5(uuid.NAMESPACE_URL, "no-such-analysis"))

CONTRACT_FIELDS = {
    "id": str,
    "overall_score": int,
    "summary_text": str,
    "technical_skills": list,
    "soft_skills": list,
    "missing_keywords": list,
    "formatting_issues": list,
}


def result_of(client, task_id):
    return client.get(f"/api/v1/resume/result/{task_id}")


@pytest.mark.django_db
def test_a_completed_result_has_the_contract_fields(client):
    analysis = completed_analysis()
    r = result_of(client, analysis.id)
    assert r.status_code == 200
    body = r.json()
    for field, kind in CONTRACT_FIELDS.items():
        assert isinstance(body[field], kind), field
    assert body["id"] == str(analysis.id)
    assert body["overall_score"] == 81
    assert body["technical_skills"] == ["Python", "Docker", "Kubernetes"]
    assert body["score_breakdown"] == {"skills": 80}
    assert body["catalog_version"] == 3


@pytest.mark.django_db
def test_a_processing_result_is_409(client):
    r = result_of(client, make_analysis().id)
    assert r.status_code == 409
    assert r.json()["status"] == "processing"
    assert r.json()["error"]


@pytest.mark.django_db
def test_a_failed_result_is_409_with_the_reason(client):
    analysis = make_analysis(status="failed", error="The PDF is password-protected.")
    r = result_of(client, analysis.id)
    assert r.status_code == 409
    assert r.json()["status"] == "failed"
    assert r.json()["error"] == "The PDF is password-protected."


@pytest.mark.django_db
@pytest.mark.parametrize("task_id", [UNKNOWN_ID, "nope"])
def test_unknown_ids_are_404(client, task_id):
    r = result_of(client, task_id)
    assert r.status_code == 404
    assert r.json()["error"]


@pytest.mark.django_db
def test_a_result_is_one_query(client, django_assert_num_queries):
    analysis = completed_analysis()
    with django_assert_num_queries(1):
        assert result_of(client, analysis.id).status_code == 200
