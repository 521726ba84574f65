"""Every URL pattern × every HTTP method: never a 5xx, 405 with `Allow` where a method is not served, HEAD wherever
GET is, and never TRACE. Walked as an anonymous client and as a superuser (the admin answers differently)."""

import re

import pytest
from django.contrib.auth.models import User
from django.urls import URLPattern, URLResolver, get_resolver, resolve

from tests.factories import make_analysis

METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"]


def patterns(resolver=None, prefix=""):
    """(pattern text with its prefixes, URLPattern) for every leaf of the URLconf."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        text = prefix + str(entry.pattern).lstrip("^").rstrip("$").replace(r"\Z", "")
        if isinstance(entry, URLResolver):
            yield from patterns(entry, text)
        elif isinstance(entry, URLPattern):
            yield text, entry


def sample_path(pattern_text, values):
    """A concrete path for a pattern: named groups and converters take `values[name]` (else "1"); a group of
    alternatives ("(?P<app_label>analyses|auth)") takes its first."""

    def group(match):
        name, body = match.group(1), match.group(2)
        if name in values:
            return values[name]
        return body.split("|")[0] if re.fullmatch(r"[\w|]+", body) else "1"

    path = re.sub(r"\(\?P<(\w+)>((?:[^()]|\([^()]*\))*)\)", group, pattern_text)
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: values.get(m.group(1), "1"), path)
    return "/" + path.replace("/?", "/").replace("\\", "")


def every_path(values):
    paths = {}
    for text, entry in patterns():
        path = sample_path(text, values)
        # The walker must build a path the pattern itself answers, or the test would only walk 404s.
        assert resolve(path).func == entry.callback, f"{text} → {path} resolves elsewhere"
        paths[path] = text
    return paths


def walk(client, paths):
    client.raise_request_exception = False  # a 500 is a finding to list, not an error that ends the walk
    problems = []
    for path in paths:
        answers = {}
        for method in METHODS:
            response = client.generic(method, path)
            answers[method] = response
            if response.status_code >= 500:
                problems.append(f"{method} {path}: {response.status_code}")
            if response.status_code == 405:
                allowed = {m.strip() for m in response.get("Allow", "").split(",") if m.strip()}
                if not allowed or method in allowed:
                    problems.append(f"{method} {path}: 405 with Allow {response.get('Allow')!r}")
        if answers["GET"].status_code != 405 and answers["HEAD"].status_code == 405:
            problems.append(f"HEAD {path}: 405 where GET is {answers['GET'].status_code}")
        if answers["HEAD"].content:
            problems.append(f"HEAD {path}: has a body")
        if answers["TRACE"].status_code < 400:
            problems.append(f"TRACE {path}: {answers['TRACE'].status_code}")
    return problems


@pytest.fixture
def values(db):
    analysis = make_analysis()
    return {"task_id": str(analysis.id), "object_id": str(analysis.id)}


def test_every_method_on_every_url_as_a_visitor(client, values):
    problems = walk(client, every_path(values))
    assert not problems, "\n".join(problems)


def test_every_method_on_every_url_as_staff(client, values):
    client.force_login(User.objects.create_superuser("admin", password="pw-admin-123"))
    problems = walk(client, every_path(values))
    assert not problems, "\n".join(problems)
