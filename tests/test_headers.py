"""Headers: the demo page's Content-Security-Policy holds with no inline code; API answers are never cached; the
three odd requests of issue 15 answer properly."""

import re

import pytest

from analyses.views import DEMO_PAGE_CSP


@pytest.mark.django_db
def test_the_demo_page_has_a_csp_that_allows_only_its_own_files(client):
    r = client.get("/")
    assert r.status_code == 200
    policy = r["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    html = r.content.decode()
    # Inline code would be blocked by the policy: every script is a file, no <style>, no style= or on…= attributes.
    assert all(re.search(r"\bsrc=", tag) for tag in re.findall(r"<script\b[^>]*>", html))
    assert "<style" not in html
    assert not re.search(r"\s(style|on[a-z]+)\s*=", html)


def test_the_policy_is_not_loosened_for_inline_code():
    assert "'unsafe-inline'" not in DEMO_PAGE_CSP


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/resume/status/{id}",
        "/api/v1/resume/result/{id}",
        "/api/v1/resume/status/not-an-id",
        "/api/v1/resume/result/00000000-0000-0000-0000-000000000000",
        "/api/v1/health",
        "/api/v1/nowhere",
    ],
)
def test_api_answers_and_errors_are_never_cached(client, path):
    from .factories import completed_analysis

    r = client.get(path.format(id=completed_analysis().id))
    assert r["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_an_upload_error_is_never_cached(client):
    r = client.post("/api/v1/resume/upload", {})
    assert r.status_code == 400 and r["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_the_odd_requests_of_the_attack(client):
    assert client.options("/api/v1/docs/").status_code == 405
    trace = client.generic("TRACE", "/")
    assert trace.status_code == 405 and trace["Allow"] == "GET, HEAD, OPTIONS"
    head = client.head("/api/v1/health")
    assert head.status_code == 200 and head.content == b""
