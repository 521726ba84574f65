"""DELETE /api/v1/resume/{task_id}: the row and the stored file are gone; unknown ids are 404."""

from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from analyses.models import Analysis
from analyses.services import delete_analyses

from . import pdfs
from .factories import completed_analysis, make_analysis
from .live import http, upload, wait_for_status


def stored(**fields):
    name = default_storage.save("resumes/2025/01/delete-me.pdf", ContentFile(pdfs.resume_pdf()))
    return completed_analysis(file=name, **fields)


def on_disk(analysis, media_root):
    return Path(media_root) / analysis.file.name


@pytest.mark.django_db(transaction=True)
def test_it_deletes_the_row_and_the_file_on_disk(client, private_media_root):
    analysis = stored()
    path = on_disk(analysis, private_media_root)
    assert path.exists()
    r = client.delete(f"/api/v1/resume/{analysis.pk}")
    assert r.status_code == 204
    assert r.content == b""
    assert not Analysis.objects.filter(pk=analysis.pk).exists()
    assert not path.exists()
    assert client.get(f"/api/v1/resume/status/{analysis.pk}").json()["code"] == "not_found"


@pytest.mark.django_db(transaction=True)
def test_it_deletes_an_analysis_still_processing(client, private_media_root):
    name = default_storage.save("resumes/busy.pdf", ContentFile(pdfs.resume_pdf()))
    analysis = make_analysis(file=name)
    assert client.delete(f"/api/v1/resume/{analysis.pk}").status_code == 204
    assert not Analysis.objects.exists()
    assert not on_disk(analysis, private_media_root).exists()


@pytest.mark.django_db(transaction=True)
def test_deleting_one_leaves_the_others(client, private_media_root):
    doomed, kept = stored(), stored()
    assert client.delete(f"/api/v1/resume/{doomed.pk}/").status_code == 204
    assert Analysis.objects.filter(pk=kept.pk).exists()
    assert on_disk(kept, private_media_root).exists()


@pytest.mark.django_db(transaction=True)
def test_a_row_whose_file_is_already_gone_is_still_deleted(client):
    analysis = completed_analysis(file="resumes/removed-by-hand.pdf")
    assert client.delete(f"/api/v1/resume/{analysis.pk}").status_code == 204
    assert not Analysis.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("task_id", ["00000000-0000-0000-0000-000000000000", "not-a-uuid"])
def test_an_unknown_id_is_404(client, task_id):
    r = client.delete(f"/api/v1/resume/{task_id}")
    assert r.status_code == 404
    assert r.json()["code"] == "not_found"


@pytest.mark.django_db
def test_deleting_twice_is_404_the_second_time(client):
    analysis = stored()
    assert client.delete(f"/api/v1/resume/{analysis.pk}").status_code == 204
    assert client.delete(f"/api/v1/resume/{analysis.pk}").status_code == 404


@pytest.mark.django_db
def test_the_file_stays_if_the_deletion_is_rolled_back(private_media_root, django_capture_on_commit_callbacks):
    analysis = stored()
    with django_capture_on_commit_callbacks(execute=False) as pending:
        delete_analyses([analysis.pk])
    assert on_disk(analysis, private_media_root).exists()  # nothing removed before the commit
    assert len(pending) == 1


@pytest.mark.e2e
def test_delete_through_the_real_server_removes_the_file(shared_stack):
    base_url, uploads = shared_stack.url, shared_stack.folder / "var" / "uploads"
    before = set(uploads.rglob("*.pdf"))
    _, body, _ = upload(base_url, pdfs.resume_pdf())
    task_id = body["task_id"]
    assert wait_for_status(base_url, task_id)["status"] == "completed"
    files = set(uploads.rglob("*.pdf")) - before
    assert len(files) == 1
    status, _, _ = http("DELETE", f"{base_url}/api/v1/resume/{task_id}")
    assert status == 204
    assert not files.pop().exists()
    assert http("GET", f"{base_url}/api/v1/resume/result/{task_id}")[0] == 404
    assert http("DELETE", f"{base_url}/api/v1/resume/{task_id}")[0] == 404
