"""The OpenAPI 3 schema at /api/v1/schema/ describes the contract; the docs at /api/v1/docs/ load nothing from a CDN."""

import re

import pytest
from django.contrib.staticfiles import finders


@pytest.fixture
def schema(client, db):
    r = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert r.status_code == 200
    return r.json()


def resolve(schema, node):
    while "$ref" in node:
        node = schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    return node


def body_schema(schema, operation, status):
    return resolve(schema, operation["responses"][str(status)]["content"]["application/json"]["schema"])


def test_it_is_openapi_3_with_the_contract_paths(schema):
    assert schema["openapi"].startswith("3.")
    assert {
        "/api/v1/resume/upload",
        "/api/v1/resume/status/{task_id}",
        "/api/v1/resume/result/{task_id}",
        "/api/v1/resume/{task_id}",
        "/api/v1/health",
    } <= set(schema["paths"])


def test_the_upload_takes_a_multipart_file_and_lists_its_answers(schema):
    operation = schema["paths"]["/api/v1/resume/upload"]["post"]
    form = resolve(schema, operation["requestBody"]["content"]["multipart/form-data"]["schema"])
    assert form["properties"]["file"]["format"] == "binary"
    assert form["required"] == ["file"]
    assert {"job_description", "target_role"} <= set(form["properties"])
    assert {"202", "400", "413", "415", "429"} <= set(operation["responses"])
    accepted = body_schema(schema, operation, 202)
    assert {"task_id", "status", "message"} <= set(accepted["required"])
    assert accepted["properties"]["task_id"]["format"] == "uuid"
    for status in (400, 413, 415, 429):
        assert "error" in body_schema(schema, operation, status)["required"]
    assert "Retry-After" in operation["responses"]["429"]["headers"]


def test_the_status_has_exactly_the_three_values(schema):
    operation = schema["paths"]["/api/v1/resume/status/{task_id}"]["get"]
    status = body_schema(schema, operation, 200)["properties"]["status"]
    assert sorted(resolve(schema, status)["enum"]) == ["completed", "failed", "processing"]
    assert "404" in operation["responses"]


def test_the_result_has_the_contract_fields(schema):
    operation = schema["paths"]["/api/v1/resume/result/{task_id}"]["get"]
    result = body_schema(schema, operation, 200)
    contract = {
        "id",
        "overall_score",
        "summary_text",
        "technical_skills",
        "soft_skills",
        "missing_keywords",
        "formatting_issues",
    }
    assert contract <= set(result["required"])
    assert result["properties"]["overall_score"] == {"type": "integer", "maximum": 100, "minimum": 0}
    assert result["properties"]["technical_skills"]["items"]["type"] == "string"
    assert {"404", "409"} <= set(operation["responses"])
    assert "status" in body_schema(schema, operation, 409)["required"]


def test_the_docs_page_loads_its_assets_from_this_server(client, db):
    r = client.get("/api/v1/docs/")
    assert r.status_code == 200
    html = r.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(source.startswith("/") for source in sources), sources
    assert "cdn" not in html.lower()
    for source in sources:
        if source.startswith("/static/"):
            assert finders.find(source.removeprefix("/static/")), source
