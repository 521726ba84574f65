"""A stored .docx in the admin (its type shown, downloaded as what it is) and in reprocess_analyses, beside a scan."""

from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse

from analyses.filetypes import CONTENT_TYPES_BY_KIND

from . import docx_files, pdfs, scans
from .factories import completed_analysis


def stored(data, name, **fields):
    return completed_analysis(file=default_storage.save(name, ContentFile(data)), **fields)


@pytest.mark.django_db
def test_staff_see_the_type_and_download_a_docx_as_word(admin_client):
    data = docx_files.resume_docx()
    analysis = stored(data, "resumes/x.docx", original_filename="Jane.pdf")
    page = admin_client.get(reverse("admin:analyses_analysis_change", args=[analysis.pk])).content.decode()
    assert "Word .docx" in page
    r = admin_client.get(reverse("admin:analyses_analysis_download", args=[analysis.pk]))
    assert r.status_code == 200
    assert b"".join(r.streaming_content) == data
    assert r["Content-Type"] == CONTENT_TYPES_BY_KIND["docx"]
    assert 'Jane.pdf.docx"' in r["Content-Disposition"]


@pytest.mark.django_db
def test_reprocess_runs_a_docx_and_a_scan_again(small_catalog):
    word = stored(docx_files.resume_docx(), "resumes/w.docx", summary_text="old")
    scan = stored(scans.scan_of(pdfs.make_pdf([pdfs.RESUME_PAGE_1]), dpi=200), "resumes/s.pdf", summary_text="old")
    out = StringIO()
    call_command("reprocess_analyses", "--all", "--sync", stdout=out, stderr=out)
    for analysis, file_type, source in ((word, "docx", "text"), (scan, "pdf", "ocr")):
        analysis.refresh_from_db()
        assert analysis.status == "completed", analysis.error
        assert analysis.summary_text != "old"
        assert "Python" in analysis.technical_skills
        assert analysis.details["file_type"] == file_type
        assert analysis.details["text_source"] == source
