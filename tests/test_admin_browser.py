"""The analyses change list as a reviewer sees it in headless Chromium at 1280 px: one line per row, nothing hidden
under the filter panel, nothing scrolling sideways."""

import pytest

from .browser import CHROMIUM, MISSING_CHROMIUM, chromium_context, screenshot_on_failure
from .live import query

pytestmark = [pytest.mark.browser, pytest.mark.e2e]

WIDTH = 1280
LONG_ERROR = (
    "Could not read PDF: the file is damaged or is not a PDF. The reader stopped at object 12 of 40 because its "
    "cross-reference table points past the end of the file; re-export the document from the program that made it."
)
# A reviewer and rows as they come (long file names, a long error, every status), on the shared stack: the list is
# searched for TAG so that other tests' rows stay out of it.
TAG = "adminlist"
ROWS = f"""
from datetime import timedelta
from django.contrib.auth.models import User
from django.utils import timezone
from analyses.models import Analysis
from skills_catalog.models import CatalogVersion
CatalogVersion.objects.update_or_create(pk=1, defaults={{"version": 12}})
User.objects.create_superuser("admin", "admin@example.com", "pw")
now = timezone.now()
common = dict(sha256="0" * 64, created_at=now)
Analysis.objects.create(original_filename="{TAG}-jane-doe-senior-backend-engineer-resume-final-v3-2026.pdf",
    status="failed", error={LONG_ERROR!r}, finished_at=now, duration_ms=412, **common)
Analysis.objects.create(original_filename="{TAG}-alex-morgan.pdf", status="completed", overall_score=82,
    skills_count=14, catalog_version=12, finished_at=now, duration_ms=1640, **common)
Analysis.objects.create(original_filename="{TAG}-analysed-with-an-older-catalog.pdf", status="completed",
    overall_score=100, skills_count=123, catalog_version=11, finished_at=now, duration_ms=28500, **common)
Analysis.objects.create(original_filename="{TAG}-in-progress.pdf", status="processing", **common)
print("ok")
"""


LIST = f"/admin/analyses/analysis/?q={TAG}"


@pytest.fixture(scope="module")
def admin_list(shared_stack):
    """(page, base_url): a logged-in reviewer on the change list of a live server, {WIDTH} px wide."""
    if not CHROMIUM.exists():
        pytest.fail(MISSING_CHROMIUM)
    base_url = shared_stack.url
    with chromium_context(viewport=(WIDTH, 900)) as browser:
        assert query(shared_stack.env, ROWS) == "ok"
        page = browser.new_page()
        page.set_default_timeout(60_000)
        page.goto(base_url + "/admin/login/?next=" + LIST.replace("?", "%3F").replace("=", "%3D"))
        page.fill("#id_username", "admin")
        page.fill("#id_password", "pw")
        page.click("input[type=submit]")
        page.wait_for_selector("#result_list")
        yield page, base_url


def test_each_row_is_one_line_with_the_error_cut_short(admin_list):
    page, _ = admin_list
    with screenshot_on_failure(page, "admin-rows"):
        heights = page.eval_on_selector_all("#result_list tbody tr", "rows => rows.map(r => r.offsetHeight)")
        assert len(heights) == 4
        assert max(heights) == min(heights), heights  # the failed row is as tall as the others
        error_cell = page.locator("#result_list tbody tr", has_text="Failed").locator("td.field-error_summary")
        assert error_cell.inner_text().strip().endswith("…") and len(error_cell.inner_text()) < len(LONG_ERROR)
        assert error_cell.locator("span").get_attribute("title") == LONG_ERROR


def test_the_list_fits_beside_the_filters_at_1280_px(admin_list):
    page, _ = admin_list
    with screenshot_on_failure(page, "admin-width"):
        sizes = page.evaluate(
            """() => ({
                page: document.documentElement.scrollWidth,
                table: document.querySelector('#result_list').getBoundingClientRect().right,
                filters: document.querySelector('#changelist-filter').getBoundingClientRect().left,
            })"""
        )
        assert sizes["page"] <= WIDTH, sizes  # nothing scrolls sideways
        assert sizes["table"] <= sizes["filters"], sizes  # no column hidden under the filter panel


def test_the_change_page_shows_the_whole_error(admin_list):
    page, base_url = admin_list
    with screenshot_on_failure(page, "admin-change"):
        page.locator("#result_list tbody tr", has_text="Failed").locator("th a").click()
        page.wait_for_selector("#content-main")
        assert LONG_ERROR in page.text_content("#content-main")
        page.goto(base_url + LIST)
