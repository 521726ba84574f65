"""MAX_ACTIVE_ANALYSES_PER_CLIENT: one client may have so many analyses waiting or running; one more upload gets 429
JSON with a sentence and Retry-After, and keeps nothing. Clients are told apart as the throttles tell them."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from analyses.models import Analysis

from .live import live_stack, read_one
from .live import upload as live_upload

URL = "/api/v1/resume/upload"


def upload(client, data, address="203.0.113.7", **headers):
    form = {"file": SimpleUploadedFile("cv.pdf", data, content_type="application/pdf")}
    return client.post(URL, form, REMOTE_ADDR=address, **headers)


def stored_files(media_root):
    return sorted(path for path in media_root.rglob("*") if path.is_file()) if media_root.exists() else []


@pytest.mark.django_db
def test_one_upload_over_the_limit_gets_429_with_a_sentence_and_keeps_nothing(
    client, settings, resume_bytes, private_media_root
):
    settings.MAX_ACTIVE_ANALYSES_PER_CLIENT = 2
    assert [upload(client, resume_bytes).status_code for _ in range(2)] == [202, 202]  # no worker: both wait
    files = stored_files(private_media_root)
    r = upload(client, resume_bytes)
    assert r.status_code == 429
    assert r.json() == {
        "error": "You already have 2 analyses waiting or running. Wait until one of them finishes, then upload again.",
        "code": "too_many_active_analyses",
    }
    assert int(r["Retry-After"]) > 0
    assert Analysis.objects.count() == 2 and stored_files(private_media_root) == files


@pytest.mark.django_db
def test_a_finished_analysis_frees_its_place(client, settings, resume_bytes):
    settings.MAX_ACTIVE_ANALYSES_PER_CLIENT = 1
    first = upload(client, resume_bytes).json()["task_id"]
    assert upload(client, resume_bytes).status_code == 429
    Analysis.objects.filter(pk=first).update(status="completed")
    assert upload(client, resume_bytes).status_code == 202
    Analysis.objects.filter(status="processing").update(status="failed")
    assert upload(client, resume_bytes).status_code == 202


@pytest.mark.django_db
def test_other_clients_are_not_held_back(client, settings, resume_bytes):
    settings.MAX_ACTIVE_ANALYSES_PER_CLIENT = 1
    assert upload(client, resume_bytes, address="203.0.113.7").status_code == 202
    assert upload(client, resume_bytes, address="203.0.113.7").status_code == 429
    assert upload(client, resume_bytes, address="198.51.100.20").status_code == 202


@pytest.mark.django_db
def test_the_client_is_the_one_the_throttles_see(client, settings, resume_bytes):
    # No proxies configured (NUM_PROXIES=0): an invented X-Forwarded-For does not make a new client.
    settings.MAX_ACTIVE_ANALYSES_PER_CLIENT = 1
    assert upload(client, resume_bytes).status_code == 202
    assert upload(client, resume_bytes, HTTP_X_FORWARDED_FOR="192.0.2.99").status_code == 429


@pytest.mark.django_db
def test_the_row_keeps_a_hash_of_the_client_never_its_address(client, settings, resume_bytes):
    task_id = upload(client, resume_bytes, address="203.0.113.7").json()["task_id"]
    stored = Analysis.objects.get(pk=task_id).client
    assert len(stored) == 32 and "203.0.113.7" not in stored


@pytest.mark.django_db
def test_zero_turns_the_limit_off(client, settings, resume_bytes):
    settings.MAX_ACTIVE_ANALYSES_PER_CLIENT = 0
    assert {upload(client, resume_bytes).status_code for _ in range(4)} == {202}


@pytest.mark.django_db
def test_the_default_allows_ten(client, resume_bytes):
    assert [upload(client, resume_bytes).status_code for _ in range(11)] == [202] * 10 + [429]


@pytest.mark.e2e
def test_parallel_uploads_from_one_client_cannot_all_pass_together(tmp_path, resume_bytes):
    """The count and the INSERT share a transaction under a lock: a real server (2 processes of 4 threads) given
    eight uploads at once from one client with a limit of three admits three, on SQLite and on PostgreSQL."""
    with live_stack(tmp_path, worker=False, MAX_ACTIVE_ANALYSES_PER_CLIENT=3) as (base_url, env):
        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(lambda _: live_upload(base_url, resume_bytes), range(8)))
        assert sorted(status for status, _, _ in answers) == [202] * 3 + [429] * 5, answers
        assert read_one(env, "SELECT count(*) FROM analyses_analysis") == 3
        refused = next(body for status, body, _ in answers if status == 429)
        assert refused["code"] == "too_many_active_analyses"
