import pytest


@pytest.mark.django_db
@pytest.mark.parametrize("origin", ["http://localhost:3000", "http://127.0.0.1:3000"])
def test_the_frontend_origin_may_preflight_an_upload(client, origin):
    r = client.options(
        "/api/v1/resume/upload",
        HTTP_ORIGIN=origin,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type",
    )
    assert r.status_code == 200
    assert r["Access-Control-Allow-Origin"] == origin
    assert "POST" in r["Access-Control-Allow-Methods"]


@pytest.mark.django_db
def test_an_actual_request_from_the_frontend_gets_the_header(client):
    r = client.get("/api/v1/resume/status/nope", HTTP_ORIGIN="http://localhost:3000")
    assert r["Access-Control-Allow-Origin"] == "http://localhost:3000"
    assert r["Access-Control-Expose-Headers"] == "Retry-After"  # so a script can read a 429's wait


@pytest.mark.django_db
def test_other_origins_get_no_cors_header(client):
    r = client.get("/api/v1/resume/status/nope", HTTP_ORIGIN="http://evil.example")
    assert "Access-Control-Allow-Origin" not in r
