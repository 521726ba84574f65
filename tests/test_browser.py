"""A real browser (Debian's headless Chromium, driven by Playwright) against real server and worker processes:
the demo page's whole flow, and the frontend's cross-origin calls from http://localhost:3000."""

import base64
import time

import pytest

from analyses.pipeline.scoring import SCORE_BANDS

from . import pdfs
from .browser import (
    StaticSite,
    saves_screenshot_on_failure,
    screenshot_on_failure,
)
from .live import http, upload

pytestmark = [pytest.mark.browser, pytest.mark.e2e]

# Deadlines, not waits: the page polls every 2 s and the machine may be busy.
REPORT_DEADLINE_MS = 90_000
FRONTEND_PORT = 3000
FRONTEND_PORT_DEADLINE_S = 60

XSS = "<img src=x onerror=window.pwned=1>"  # no quotes: browsers percent-encode them in file names


@pytest.fixture
def stack(shared_stack):
    return shared_stack.url


@pytest.fixture
def page(browser):
    page = browser.new_page()
    page.set_default_timeout(REPORT_DEADLINE_MS)
    yield page
    page.close()


def pdf_file(data, name="resume.pdf"):
    return {"name": name, "mimeType": "application/pdf", "buffer": data}


def analyse_on_page(page, base_url, file, job_description=""):
    page.goto(base_url + "/")
    page.set_input_files("#file-input", files=[file])
    if job_description:
        page.click("#options summary")
        page.fill("#job-description", job_description)
    page.click("#submit")


@saves_screenshot_on_failure
def test_it_shows_the_report_the_api_returned(stack, page):
    job = "Backend engineer: Python, Django, PostgreSQL and C++; C# is a plus."
    analyse_on_page(page, stack, pdf_file(pdfs.resume_pdf(), "jane.pdf"), job_description=job)
    page.wait_for_selector("#report", state="visible")

    task_id = page.get_attribute("#report", "data-task-id")
    status, result, _ = http("GET", f"{stack}/api/v1/resume/result/{task_id}")
    assert status == 200, result
    assert page.text_content("#report-file") == "jane.pdf"
    assert page.text_content("#score") == str(result["overall_score"])
    assert page.text_content("#summary") == result["summary_text"]
    assert page.locator("#technical-skills .chip-name").all_text_contents() == result["technical_skills"]
    assert page.locator("#soft-skills .chip-name").all_text_contents() == result["soft_skills"]
    assert {"Python", "Kubernetes"} <= set(result["technical_skills"])
    assert page.locator("#missing-keywords .chip").all_text_contents() == result["missing_keywords"]
    assert {"C++", "C#"} <= set(result["missing_keywords"])
    shown_breakdown = {
        row.get_attribute("data-category"): int(row.locator(".breakdown-value").text_content())
        for row in page.locator("#breakdown .breakdown-row").all()
    }
    assert shown_breakdown == result["score_breakdown"]
    # The score's colour follows the server's one banding (pipeline/scoring.py), read from the page.
    band = next(name for name, lowest in SCORE_BANDS if result["overall_score"] >= lowest)
    tone = {"strong": "good", "good": "good", "fair": "ok", "weak": "bad"}[band]
    assert f"tone-{tone}" in page.get_attribute(".score-card", "class")
    shown_codes = [row.get_attribute("data-code") for row in page.locator("#issues .issue").all()]
    assert shown_codes == [finding["code"] for finding in result["findings"]]
    assert page.get_attribute("#result-link", "href") == f"/api/v1/resume/result/{task_id}"


@saves_screenshot_on_failure
def test_the_demo_runs_under_its_content_security_policy_without_a_violation(stack, page):
    """The page's CSP allows no inline code: a blocked script or style would be a console error here."""
    console = []
    page.on("console", lambda message: console.append(message.text))
    response = page.goto(stack + "/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    analyse_on_page(page, stack, pdf_file(pdfs.resume_pdf()))
    page.wait_for_selector("#report", state="visible")
    page.hover("#technical-skills .chip")
    assert not [text for text in console if "Content Security Policy" in text], console


@saves_screenshot_on_failure
def test_a_skill_shows_its_evidence_on_hover_and_focus(stack, page):
    analyse_on_page(page, stack, pdf_file(pdfs.resume_pdf()))
    page.wait_for_selector("#report", state="visible")
    task_id = page.get_attribute("#report", "data-task-id")
    _, result, _ = http("GET", f"{stack}/api/v1/resume/result/{task_id}")

    chip = page.locator("#technical-skills li", has=page.locator(".chip-name", has_text="Kubernetes"))
    tip = chip.locator(".tip")
    assert not tip.is_visible()
    chip.hover()
    tip.wait_for(state="visible")
    for hit in result["skill_evidence"]["Kubernetes"][:3]:
        assert f"p. {hit['page']}: “{hit['context']}”" in tip.text_content()
    page.mouse.move(0, 0)
    tip.wait_for(state="hidden")
    chip.focus()  # keyboard users get the same evidence
    tip.wait_for(state="visible")


@saves_screenshot_on_failure
def test_the_drop_zone_works_from_the_keyboard(stack, page):
    page.goto(stack + "/")
    page.evaluate("""() => {
        window.pickerOpened = 0;
        document.getElementById("file-input").addEventListener("click", () => { window.pickerOpened += 1; });
    }""")
    page.focus("#drop-zone")
    page.keyboard.press("Enter")
    page.wait_for_function("window.pickerOpened === 1")
    page.keyboard.press("Space")
    page.wait_for_function("window.pickerOpened === 2")

    page.set_input_files("#file-input", files=[pdf_file(pdfs.resume_pdf(), "keyboard.pdf")])
    assert "keyboard.pdf" in page.text_content("#file-name")
    assert page.is_enabled("#submit")


@saves_screenshot_on_failure
def test_resume_text_is_shown_as_text_never_as_html(stack, page):
    lines = ["Jo Hacker", "jo@example.com", "Skills", f"Python {XSS}", "Experience", "Engineer, 2020 - 2024"]
    analyse_on_page(page, stack, pdf_file(pdfs.make_pdf([lines]), f"{XSS}.pdf"))
    page.wait_for_selector("#report", state="visible")

    assert page.text_content("#report-file") == f"{XSS}.pdf"
    chip = page.locator("#technical-skills li", has=page.locator(".chip-name", has_text="Python"))
    assert XSS in chip.locator(".tip").text_content()
    assert page.locator("#report img").count() == 0
    assert page.evaluate("window.pwned") is None


@saves_screenshot_on_failure
def test_a_damaged_pdf_shows_why_it_failed(stack, page):
    analyse_on_page(page, stack, pdf_file(pdfs.damaged_pdf(), "broken.pdf"))
    page.wait_for_selector("#error", state="visible")

    assert page.text_content("#error-title") == "The analysis failed"
    assert "Could not read PDF" in page.text_content("#error-message")
    assert page.is_hidden("#report")
    assert page.is_hidden("#progress")


@saves_screenshot_on_failure
def test_a_rejected_upload_shows_the_servers_sentence(stack, page):
    not_a_pdf = b"MZ\x90\x00 this is an executable"
    status, body, _ = upload(stack, not_a_pdf, filename="cv.pdf")
    assert status == 415

    analyse_on_page(page, stack, pdf_file(not_a_pdf, "cv.pdf"))
    page.wait_for_selector("#error", state="visible")
    assert page.text_content("#error-title") == "Upload rejected (HTTP 415)"
    assert page.text_content("#error-message") == body["error"]


# --- Cross-origin: the real frontend runs on http://localhost:3000 and calls the API on another origin. ---

# A stand-in for the frontend's hook: the contract's three calls with fetch, as the browser makes them.
FRONTEND_PAGE = b"""<!doctype html>
<meta charset="utf-8"><title>frontend stand-in</title>
<script>
async function contractFlow(api, pdfBase64) {
  const bytes = Uint8Array.from(atob(pdfBase64), (c) => c.charCodeAt(0));
  const form = new FormData();
  form.append("file", new Blob([bytes], { type: "application/pdf" }), "resume.pdf");
  const call = async (url, init) => {
    const response = await fetch(url, init);
    return { status: response.status, body: await response.json() };
  };
  const steps = { upload: await call(api + "/api/v1/resume/upload", { method: "POST", body: form }) };
  const id = steps.upload.body.task_id;
  const deadline = Date.now() + 60000;
  do {
    // A custom header makes this a preflighted request: the OPTIONS answer is exercised too.
    steps.status = await call(api + "/api/v1/resume/status/" + id, { headers: { "X-Requested-With": "fetch" } });
    if (steps.status.body.status !== "processing") break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  } while (Date.now() < deadline);
  steps.result = await call(api + "/api/v1/resume/result/" + id);
  return steps;
}

async function tryFetch(url, init) {
  try {
    const response = await fetch(url, init);
    return { ok: true, status: response.status, type: response.type };
  } catch (error) {
    return { ok: false, error: String(error) };
  }
}
</script>
"""


def serve_frontend_on_port_3000():
    """The stand-in page on http://localhost:3000, the origin the API allows by default. The port is the contract's,
    so it cannot move: if another program holds it past the deadline, fail and say so."""
    deadline = time.monotonic() + FRONTEND_PORT_DEADLINE_S
    while True:
        try:
            return StaticSite({"/": ("text/html; charset=utf-8", FRONTEND_PAGE)}, port=FRONTEND_PORT)
        except OSError as error:
            if time.monotonic() > deadline:
                pytest.fail(
                    f"Port {FRONTEND_PORT} is taken ({error}). The cross-origin test serves the frontend stand-in on "
                    f"http://localhost:{FRONTEND_PORT}, the origin the API allows by default; stop whatever listens "
                    "there (e.g. a frontend dev server) and run the tests again."
                )
            time.sleep(0.5)


def test_the_frontend_origin_makes_the_three_calls_from_a_browser(stack, browser, request):
    with serve_frontend_on_port_3000():
        page = browser.new_page()
        with screenshot_on_failure(page, request.node.name):
            page.goto(f"http://localhost:{FRONTEND_PORT}/")
            assert page.evaluate("location.origin") == "http://localhost:3000"
            steps = page.evaluate(
                "([api, pdf]) => contractFlow(api, pdf)", [stack, base64.b64encode(pdfs.resume_pdf()).decode()]
            )
        page.close()

    assert steps["upload"]["status"] == 202, steps["upload"]
    task_id = steps["upload"]["body"]["task_id"]
    assert steps["status"] == {"status": 200, "body": {"status": "completed"}}
    assert steps["result"]["status"] == 200
    assert steps["result"]["body"]["id"] == task_id
    assert "Python" in steps["result"]["body"]["technical_skills"]


def test_an_origin_not_allowed_is_refused_by_the_browser(stack, browser, request):
    _, body, _ = upload(stack, pdfs.resume_pdf())
    status_url = f"{stack}/api/v1/resume/status/{body['task_id']}"
    with StaticSite({"/": ("text/html; charset=utf-8", FRONTEND_PAGE)}) as port:
        page = browser.new_page()
        console = []
        page.on("console", lambda message: console.append(message.text))
        with screenshot_on_failure(page, request.node.name):
            page.goto(f"http://127.0.0.1:{port}/")
            refused_read = page.evaluate("(url) => tryFetch(url)", status_url)
            refused_upload = page.evaluate(
                "(api) => tryFetch(api + '/api/v1/resume/upload', {method: 'POST', body: new FormData()})", stack
            )
            # The server does answer this origin; it is the browser that withholds the answer from the page.
            opaque = page.evaluate("(url) => tryFetch(url, {mode: 'no-cors'})", status_url)
        page.close()

    assert refused_read["ok"] is False and "Failed to fetch" in refused_read["error"], refused_read
    assert refused_upload["ok"] is False, refused_upload
    assert opaque == {"ok": True, "status": 0, "type": "opaque"}
    assert any("blocked by CORS policy" in text for text in console), console
