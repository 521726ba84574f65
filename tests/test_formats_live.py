"""A scan and a Word document through the live stack (gunicorn + a qcluster worker), by HTTP and in real Chromium
through the demo page."""

import pytest

from . import docx_files, pdfs, scans
from .browser import collect_static, saves_screenshot_on_failure
from .catalog_files import write_small_catalog
from .live import http, live_stack, upload, wait_for_status

pytestmark = pytest.mark.e2e

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# OCR takes seconds per page on a busy 2-core machine: deadlines, never fixed waits.
OCR_DEADLINE_S = 120
REPORT_DEADLINE_MS = 150_000
ONE_PAGE = pdfs.make_pdf([pdfs.RESUME_PAGE_1])


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("formats")
    catalog = write_small_catalog(tmp_path / "catalog")
    with live_stack(tmp_path, catalog_dir=catalog, **collect_static(tmp_path)) as (base_url, _env):
        yield base_url


def result_of(stack, data, filename, deadline_s=60):
    status, body, _ = upload(stack, data, filename=filename)
    assert status == 202, body
    final = wait_for_status(stack, body["task_id"], deadline_s=deadline_s)
    assert final == {"status": "completed"}, final
    status, result, _ = http("GET", f"{stack}/api/v1/resume/result/{body['task_id']}")
    assert status == 200
    return result


def test_a_scanned_resume_completes_with_its_skills(stack):
    result = result_of(stack, scans.scan_of(ONE_PAGE, dpi=200), "scan.pdf", deadline_s=OCR_DEADLINE_S)
    assert {"Python", "Kubernetes", "Docker"} <= set(result["technical_skills"])
    assert result["text_source"] == "ocr"
    assert "ocr_text" in {finding["code"] for finding in result["findings"]}


def test_a_word_document_named_pdf_completes_like_the_pdf(stack):
    from_docx = result_of(stack, docx_files.resume_docx(header_contact=True), "resume.pdf")
    from_pdf = result_of(stack, pdfs.resume_pdf(), "resume.pdf")
    assert from_docx["file_type"] == "docx"
    assert from_docx["technical_skills"] == from_pdf["technical_skills"]
    assert from_docx["contact"]["email"] == "jane.doe@example.com"


def test_hostile_word_files_are_refused_and_the_worker_lives_on(stack):
    for data in (docx_files.docm_bytes(), docx_files.zip_bomb_bytes(), docx_files.doc_signature_bytes()):
        status, body, _ = upload(stack, data, filename="resume.docx")
        assert status == 415 and body["error"].endswith(".")
    assert result_of(stack, docx_files.resume_docx(), "after.docx")["file_type"] == "docx"


def test_hostile_files_that_pass_the_upload_fail_with_a_sentence_and_the_worker_lives_on(stack):
    damaged = docx_files._rezip(docx_files.resume_docx(), replace={"word/document.xml": lambda xml: xml[:-200]})
    four_scanned_pages = scans.scan_of(pdfs.make_pdf([pdfs.RESUME_PAGE_1] * 4), dpi=72)
    cases = {
        "a damaged .docx": (damaged, "resume.docx", "Word document"),
        "a scan 200 inches square": (scans.huge_page_scan_pdf(inches=200), "scan.pdf", "too large to read by OCR"),
        "four scanned pages": (four_scanned_pages, "scan.pdf", "at most 3 are read by OCR"),
    }
    for name, (data, filename, words) in cases.items():
        status, body, _ = upload(stack, data, filename=filename)
        assert status == 202, (name, body)
        final = wait_for_status(stack, body["task_id"], deadline_s=OCR_DEADLINE_S)
        assert final["status"] == "failed" and words in final["error"], (name, final)
        assert final["error"].endswith("."), (name, final)
    assert result_of(stack, scans.scan_of(ONE_PAGE, dpi=200), "after.pdf", deadline_s=OCR_DEADLINE_S)["text_source"]


@pytest.fixture
def page(browser):
    page = browser.new_page()
    page.set_default_timeout(REPORT_DEADLINE_MS)
    yield page
    page.close()


@pytest.mark.browser
@saves_screenshot_on_failure
def test_the_demo_page_takes_a_docx_and_shows_paragraph_evidence(stack, page):
    page.goto(stack + "/")
    assert ".docx" in page.get_attribute("#file-input", "accept")
    assert ".docx" in page.text_content("#drop-hint")
    word = {"name": "jane.docx", "mimeType": DOCX_TYPE, "buffer": docx_files.resume_docx()}
    page.set_input_files("#file-input", files=[word])
    page.click("#submit")
    page.wait_for_selector("#report", state="visible")
    assert page.text_content("#report-file") == "jane.docx"
    assert "Word document" in page.text_content("#report-meta")
    evidence = page.get_attribute("#technical-skills .chip:has-text('Kubernetes')", "data-evidence")
    assert evidence.startswith("¶ ")


@pytest.mark.browser
@saves_screenshot_on_failure
def test_the_demo_page_takes_a_scan(stack, page):
    page.goto(stack + "/")
    scan = {"name": "scan.pdf", "mimeType": "application/pdf", "buffer": scans.scan_of(ONE_PAGE, dpi=200)}
    page.set_input_files("#file-input", files=[scan])
    page.click("#submit")
    page.wait_for_selector("#report", state="visible")
    assert "scan read by OCR" in page.text_content("#report-meta")
    assert "Python" in page.locator("#technical-skills .chip-name").all_text_contents()
