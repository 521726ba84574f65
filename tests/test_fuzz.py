"""Property-based fuzzing of the live API from its own OpenAPI schema (schemathesis): bounded in examples and time,
no 5xx, and every answer matches the schema (status codes, content types, headers, bodies)."""

import subprocess

import pytest

from . import pdfs
from .live import BIN, upload, wait_for_status

pytestmark = pytest.mark.e2e

CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,"
CHECKS += "response_schema_conformance"


def analysed(base_url):
    _, body, _ = upload(base_url, pdfs.resume_pdf())
    assert wait_for_status(base_url, body["task_id"], deadline_s=60)["status"] == "completed"
    return body["task_id"]


def test_fuzzing_the_api_finds_no_server_error_and_no_answer_off_the_schema(shared_stack, tmp_path):
    base_url, logs = shared_stack.url, shared_stack.log_mark()
    # Real ids, so status and result answer 200 with real reports too (the fuzzer alone only finds 404s).
    (tmp_path / "schemathesis.toml").write_text(
        "[[operations]]\n"
        'include-operation-id-regex = "resume_(status|result)_retrieve"\n'
        f'parameters = {{ task_id = "{analysed(base_url)}" }}\n'
        "[[operations]]\n"
        'include-method = "DELETE"\n'
        f'parameters = {{ task_id = "{analysed(base_url)}" }}\n'
    )
    run = subprocess.run(
        [
            str(BIN / "st"), "run", f"{base_url}/api/v1/schema/",
            "--checks", CHECKS,
            "--phases", "examples,coverage,fuzzing",
            "--max-examples", "20",
            "--max-time", "60",
            "--seed", "20260101",
            "--workers", "2",
            "--request-timeout", "30",
            "--no-color",
        ],
        cwd=tmp_path, capture_output=True, text=True, timeout=400, check=False,
    )  # fmt: skip
    print(run.stdout[-3000:])
    assert run.returncode == 0, run.stdout[-8000:] + run.stderr[-2000:]
    assert "database is locked" not in shared_stack.logs_since(logs)
