"""Which files are accepted, by their bytes: PDF and .docx in; .doc, .docm, other ZIPs and ZIP bombs refused."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from analyses import filetypes
from analyses.filetypes import Refused, sniff
from analyses.models import Analysis

from . import docx_files, pdfs

URL = "/api/v1/resume/upload"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def kind(data):
    return sniff(io.BytesIO(data))


def refusal(data):
    with pytest.raises(Refused) as caught:
        kind(data)
    return caught.value


def test_a_pdf_and_a_docx_are_told_apart_by_their_bytes():
    assert kind(pdfs.resume_pdf()) == "pdf"
    assert kind(docx_files.resume_docx()) == "docx"


@pytest.mark.parametrize(
    ("builder", "code", "words"),
    [
        (docx_files.doc_signature_bytes, "unsupported_word_format", ".doc"),
        (docx_files.docm_bytes, "macro_document", "macros"),
        (docx_files.plain_zip_bytes, "not_pdf", "ZIP"),
        (docx_files.xlsx_like_bytes, "not_pdf", "not a Word document"),
        (docx_files.zip_bomb_bytes, "zip_bomb", "ZIP bomb"),
        (docx_files.many_entries_zip_bytes, "zip_bomb", "ZIP bomb"),
        (lambda: b"PK\x03\x04 a truncated zip", "not_pdf", "neither"),
        (lambda: b"{\\rtf1 an RTF resume}", "not_pdf", "neither"),
    ],
)
def test_hostile_and_foreign_files_are_refused_with_a_sentence(builder, code, words):
    refused = refusal(builder())
    assert refused.code == code
    assert words in refused.message and refused.message.endswith(".")


def test_a_macro_project_alone_is_enough_to_refuse():
    data = docx_files._rezip(docx_files.resume_docx(), add={"word/vbaProject.bin": b"vba"})
    assert refusal(data).code == "macro_document"


def test_the_total_size_limit_is_read_from_the_central_directory(monkeypatch):
    data = docx_files.resume_docx()
    total = sum(entry.file_size for entry in zipfile.ZipFile(io.BytesIO(data)).infolist())
    monkeypatch.setattr(filetypes, "MAX_UNCOMPRESSED_BYTES", total - 1)
    assert refusal(data).code == "zip_bomb"
    monkeypatch.setattr(filetypes, "MAX_UNCOMPRESSED_BYTES", total)
    assert kind(data) == "docx"


def test_a_bomb_is_refused_before_any_entry_is_inflated(monkeypatch):
    def no_inflating(*args, **kwargs):
        raise AssertionError("an entry was opened")

    bomb = docx_files.zip_bomb_bytes()
    monkeypatch.setattr(zipfile.ZipFile, "open", no_inflating)
    assert refusal(bomb).code == "zip_bomb"


@pytest.mark.django_db
def test_a_docx_named_pdf_is_accepted_as_word_and_stored_as_docx(client, private_media_root):
    data = docx_files.resume_docx()
    r = client.post(URL, {"file": SimpleUploadedFile("resume.pdf", data, content_type="application/pdf")})
    assert r.status_code == 202
    analysis = Analysis.objects.get(pk=r.json()["task_id"])
    assert analysis.file.name.endswith(".docx")
    assert analysis.original_filename == "resume.pdf"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("builder", "name", "code"),
    [
        (docx_files.doc_signature_bytes, "resume.doc", "unsupported_word_format"),
        (docx_files.docm_bytes, "resume.docm", "macro_document"),
        (docx_files.plain_zip_bytes, "resume.zip", "not_pdf"),
        (docx_files.zip_bomb_bytes, "resume.docx", "zip_bomb"),
    ],
)
def test_the_api_answers_415_and_keeps_nothing(client, private_media_root, builder, name, code):
    r = client.post(URL, {"file": SimpleUploadedFile(name, builder(), content_type=DOCX_TYPE)})
    assert r.status_code == 415
    assert r.json()["code"] == code
    assert r.json()["error"].endswith(".")
    assert not Analysis.objects.exists()
    assert not [path for path in private_media_root.rglob("*") if path.is_file()]
