"""The demo page at `/` renders, links its own static files (no CDN) and the service's other doors."""

import json
import re
from html import unescape

import pytest
from django.contrib.staticfiles import finders


@pytest.mark.django_db
def test_it_renders_the_upload_form(client):
    r = client.get("/")
    assert r.status_code == 200
    assert r["Content-Type"].startswith("text/html")
    html = r.content.decode()
    assert 'id="file-input"' in html and 'type="file"' in html
    assert 'id="job-description"' in html
    assert 'id="drop-zone"' in html and 'tabindex="0"' in html


@pytest.mark.django_db
def test_it_links_the_api_docs_and_the_admin(client):
    html = client.get("/").content.decode()
    assert 'href="/api/v1/docs/"' in html
    assert 'href="/admin/"' in html


@pytest.mark.django_db
def test_every_script_and_stylesheet_is_served_by_us(client):
    html = client.get("/").content.decode()
    assets = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert len(assets) == 2
    for url in assets:
        assert url.startswith("/static/"), url  # no CDN, no other host
        assert finders.find(url.removeprefix("/static/")), url


@pytest.mark.django_db
def test_it_offers_the_catalogs_roles_and_the_upload_limit(client, small_catalog, settings):
    settings.MAX_UPLOAD_BYTES = 5 * 1024 * 1024
    html = client.get("/").content.decode()
    assert '<option value="Backend Developer">' in html
    assert '<option value="Frontend Developer">' in html
    assert "up to 5 MB" in html


def test_the_page_never_renders_api_data_as_html():
    """The page's script writes what the API returns with textContent only (resumes are untrusted input)."""
    script = finders.find("analyses/demo.js")
    with open(script) as handle:
        source = handle.read()
    assert "innerHTML" not in source.replace("never innerHTML", "")
    assert "insertAdjacentHTML" not in source and "outerHTML" not in source and "document.write" not in source


@pytest.mark.django_db
def test_it_colours_scores_by_the_one_banding_the_admin_filters_by(client):
    from analyses.admin import SCORE_BANDS as ADMIN_BANDS
    from analyses.pipeline.scoring import SCORE_BANDS

    html = client.get("/").content.decode()
    attribute = re.search(r'data-score-bands="([^"]+)"', html).group(1)
    bands = json.loads(unescape(attribute))
    assert bands == [["strong", 85], ["good", 70], ["fair", 50], ["weak", 0]] == [list(b) for b in SCORE_BANDS]
    assert tuple((name, low) for name, (_, low, _) in ADMIN_BANDS.items()) == SCORE_BANDS
    assert ADMIN_BANDS["good"] == ("70–84", 70, 84)


@pytest.mark.django_db
def test_inferred_skills_have_their_own_list_apart_from_the_stated_ones(client):
    """Issue 11: skills only implied by an activity are shown apart, never among the technical or soft chips."""
    html = client.get("/").content.decode()
    assert 'id="inferred-skills"' in html and 'id="inferred-block" hidden' in html
    assert html.index('id="soft-skills"') < html.index('id="inferred-skills"')
    with open(finders.find("analyses/demo.js")) as handle:
        source = handle.read()
    assert "renderInferred(Array.isArray(result.inferred_skills)" in source
    assert '$("inferred-skills")' in source and '$("technical-skills")' in source
