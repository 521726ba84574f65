"""Real processes: gunicorn serving the API and a `qcluster` worker, talking over HTTP and the ORM broker."""

import time

import pytest

from . import pdfs, scans
from .live import http, upload, wait_for_status

pytestmark = pytest.mark.e2e


@pytest.fixture
def stack(shared_stack):
    return shared_stack.url


def test_an_upload_is_analysed_by_the_worker(stack):
    started = time.monotonic()
    status, body, _ = upload(stack, pdfs.resume_pdf(), filename="jane.pdf")
    assert status == 202, body
    task_id = body["task_id"]
    assert wait_for_status(stack, task_id, deadline_s=20) == {"status": "completed"}
    elapsed = time.monotonic() - started
    status, result, _ = http("GET", f"{stack}/api/v1/resume/result/{task_id}")
    assert status == 200
    assert result["id"] == task_id
    assert {"Python", "Kubernetes", "Docker"} <= set(result["technical_skills"])
    assert "Leadership" in result["soft_skills"]
    assert isinstance(result["overall_score"], int)
    print(f"upload → completed in {elapsed * 1000:.0f} ms")


def test_a_damaged_pdf_fails_with_a_reason(stack):
    _, body, _ = upload(stack, pdfs.damaged_pdf())
    final = wait_for_status(stack, body["task_id"], deadline_s=20)
    assert final["status"] == "failed"
    assert "Could not read PDF" in final["error"]
    status, result, _ = http("GET", f"{stack}/api/v1/resume/result/{body['task_id']}")
    assert status == 409 and result["status"] == "failed"


def test_hostile_inputs_get_their_documented_answers(stack):
    assert upload(stack, b"MZ\x90\x00 an exe named pdf")[0] == 415
    assert upload(stack, b"")[0] == 400
    for data, words in [
        (pdfs.encrypted_pdf(), "password-protected"),
        (scans.picture_without_text_pdf(), "no selectable text"),
        (pdfs.many_pages_pdf(400), "400 pages"),
    ]:
        _, body, _ = upload(stack, data, filename="../../evil ünïcode.pdf")
        final = wait_for_status(stack, body["task_id"], deadline_s=20)
        assert final["status"] == "failed" and words in final["error"]


def test_cors_headers_reach_the_frontend_through_the_real_server(stack):
    _, _, headers = http("GET", f"{stack}/api/v1/resume/status/nope", headers={"Origin": "http://localhost:3000"})
    assert headers["Access-Control-Allow-Origin"] == "http://localhost:3000"
