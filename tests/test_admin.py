"""Reviewing uploads in the admin: list, filters, search, report page, download, actions, and who may see them."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from analyses.models import Analysis
from analyses.pipeline.analyse import analyse
from skills_catalog.matcher import compile_catalog
from skills_catalog.models import CatalogVersion

from . import pdfs
from .factories import completed_analysis, make_analysis

CHANGELIST = reverse("admin:analyses_analysis_changelist")


def change_url(analysis):
    return reverse("admin:analyses_analysis_change", args=[analysis.pk])


def download_url(analysis):
    return reverse("admin:analyses_analysis_download", args=[analysis.pk])


def stored(data=None, **fields):
    name = default_storage.save("resumes/admin.pdf", ContentFile(data or pdfs.resume_pdf()))
    return completed_analysis(file=name, **fields)


def set_catalog_version(version):
    CatalogVersion.objects.update_or_create(pk=1, defaults={"version": version})


@pytest.fixture
def reviewer_client(client, django_user_model):
    """Staff with view permission only: may read and download, not re-run or delete."""
    user = django_user_model.objects.create_user("reviewer", password="pw", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_analysis"))
    client.force_login(user)
    return client


@pytest.fixture
def staff_without_permissions(client, django_user_model):
    user = django_user_model.objects.create_user("intern", password="pw", is_staff=True)
    client.force_login(user)
    return client


@pytest.fixture
def non_staff_client(client, django_user_model):
    user = django_user_model.objects.create_user("applicant", password="pw")
    client.force_login(user)
    return client


# The change list


@pytest.mark.django_db
def test_it_lists_the_columns_a_reviewer_needs(admin_client):
    set_catalog_version(5)
    completed_analysis(
        original_filename="jane.pdf", overall_score=77, skills_count=4, catalog_version=3, duration_ms=1500
    )
    make_analysis(original_filename="broken.pdf", status="failed", error="Could not read PDF: the file is damaged.")
    r = admin_client.get(CHANGELIST)
    assert r.status_code == 200
    page = r.content.decode()
    assert "jane.pdf" in page and "broken.pdf" in page
    assert "77" in page and "1.5 s" in page
    assert "v3" in page and "outdated" in page
    assert "Could not read PDF: the file is damaged." in page
    assert "Add analysis" not in page


@pytest.mark.django_db
def test_the_newest_upload_comes_first(admin_client):
    now = timezone.now()
    completed_analysis(original_filename="older.pdf", created_at=now - timedelta(days=2))
    completed_analysis(original_filename="newer.pdf", created_at=now)
    page = admin_client.get(CHANGELIST).content.decode()
    assert page.index("newer.pdf") < page.index("older.pdf")


@pytest.mark.django_db
def test_the_change_list_query_count_does_not_grow_with_rows(admin_client, django_assert_max_num_queries):
    set_catalog_version(5)
    Analysis.objects.bulk_create(
        Analysis(
            original_filename=f"resume-{n}.pdf",
            sha256=f"{n:064x}",
            status="completed",
            overall_score=n % 100,
            catalog_version=n % 6,
            technical_skills=["Python"],
            details={"findings": [{"message": "x" * 200}] * 20},
            created_at=timezone.now(),
        )
        for n in range(230)
    )
    for query in ["", "?status__exact=completed", "?catalog=outdated&score=strong", "?q=python", "?p=3"]:
        # session, user, catalog version, count, one page of rows: a per-row query would blow far past this.
        with django_assert_max_num_queries(6):
            r = admin_client.get(CHANGELIST + query)
        assert r.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status__exact=failed", {"failed.pdf"}),
        ("score=strong", {"strong.pdf"}),
        ("score=weak", {"weak.pdf"}),
        ("score=none", {"failed.pdf"}),
        ("catalog=outdated", {"weak.pdf"}),
        ("catalog=current", {"strong.pdf"}),
        ("created_at__gte=2000-01-01+00:00:00%2B00:00&created_at__lt=2000-01-02+00:00:00%2B00:00", {"old.pdf"}),
    ],
)
def test_filters_pick_the_right_rows(admin_client, query, expected):
    set_catalog_version(4)
    completed_analysis(original_filename="strong.pdf", overall_score=91, catalog_version=4)
    completed_analysis(original_filename="weak.pdf", overall_score=31, catalog_version=2)
    make_analysis(original_filename="failed.pdf", status="failed", error="Could not read PDF.")
    old = datetime(2000, 1, 1, 12, tzinfo=UTC)
    completed_analysis(original_filename="old.pdf", overall_score=60, catalog_version=None, created_at=old)
    r = admin_client.get(f"{CHANGELIST}?{query}")
    assert r.status_code == 200
    assert {row.original_filename for row in r.context["cl"].result_list} == expected


@pytest.mark.django_db
def test_search_finds_by_file_name_id_sha256_and_skill(admin_client):
    jane = completed_analysis(original_filename="Jane Doe CV.pdf", sha256="ab" * 32, technical_skills=["Kubernetes"])
    completed_analysis(
        original_filename="john.pdf", sha256="cd" * 32, technical_skills=["Excel"], soft_skills=["Mentoring"]
    )
    completed_analysis(original_filename="zoë.pdf", sha256="ef" * 32, technical_skills=["Café Scripting"])

    def found(term):
        r = admin_client.get(CHANGELIST, {"q": term})
        assert r.status_code == 200
        return {row.original_filename for row in r.context["cl"].result_list}

    assert found("jane doe") == {"Jane Doe CV.pdf"}
    assert found(str(jane.pk)) == {"Jane Doe CV.pdf"}
    assert found("ab" * 8) == {"Jane Doe CV.pdf"}
    assert found("cd" * 32) == {"john.pdf"}
    assert found("kubernetes") == {"Jane Doe CV.pdf"}
    assert found("mentoring") == {"john.pdf"}
    assert found("café") == {"zoë.pdf"}
    assert found("nothing-like-this") == set()


# The detail page


@pytest.mark.django_db
def test_the_detail_page_shows_inferred_skills_apart_with_their_evidence(admin_client):
    analysis = stored(
        technical_skills=["Python"],
        details={
            "skill_evidence": {"Python": [{"page": 1, "text": "Python", "context": "Python, SQL"}]},
            "inferred_skills": [
                {
                    "name": "Scrum",
                    "kind": "technical",
                    "evidence": [{"page": 2, "text": "stand-ups", "context": "ran daily stand-ups"}],
                }
            ],
        },
    )
    page = admin_client.get(change_url(analysis)).content.decode()
    inferred = page.index("Inferred, not stated (1)")
    assert page.index("Technical skills (1)") < inferred < page.index("Scrum") < page.index("ran daily stand-ups")


@pytest.mark.django_db
def test_the_detail_page_shows_the_report_readably(admin_client):
    analysis = stored(
        technical_skills=["Python", "Kubernetes"],
        soft_skills=["Leadership"],
        missing_keywords=["Terraform"],
        details={
            "score_breakdown": {"skills": 64, "contact": 85},
            "skill_evidence": {"Kubernetes": [{"page": 1, "text": "k8s", "context": "Moved deployments to k8s"}]},
            "findings": [
                {
                    "code": "no_email",
                    "severity": "high",
                    "category": "contact",
                    "message": "No email address found",
                    "hint": "Put your email address at the top of the first page.",
                    "page": None,
                }
            ],
            "missing_keywords_source": {"type": "target_role", "role": "Backend Developer"},
            "page_count": 2,
        },
    )
    r = admin_client.get(change_url(analysis))
    assert r.status_code == 200
    page = r.content.decode()
    for text in [
        "Score breakdown",
        "Contact",
        "85",
        "Kubernetes",
        "Moved deployments to k8s",
        "Terraform",
        "Backend Developer",
        "No email address found",
        "Put your email address at the top of the first page.",
        download_url(analysis),
    ]:
        assert text in page, text
    assert "score_breakdown" not in page  # rendered, not dumped as JSON
    assert 'name="_save"' not in page  # read-only


def test_evidence_on_the_detail_page_is_cut_at_word_boundaries(admin_client, small_catalog):
    long_line = (
        "Worked across the organisation with product managers, designers and analysts to move the "
        "Kubernetes clusters into a single region, saving forty thousand dollars a year in compute"
    )
    pdf = pdfs.make_pdf([["Jane Doe", "jane@example.com", "Experience", long_line]], margin=36, fontsize=6)
    report = analyse(pdf, compile_catalog())
    analysis = completed_analysis(details=report.details, technical_skills=report.technical_skills)
    page = admin_client.get(change_url(analysis)).content.decode()
    snippet = re.search(r"p\. 1: “([^”]*Kubernetes[^”]*)”", page).group(1)
    assert len(snippet) < len(long_line)
    assert snippet.split()[0] in long_line.split() and snippet.split()[-1] in long_line.split(), snippet


@pytest.mark.django_db
def test_the_detail_page_of_a_failed_analysis_shows_its_reason(admin_client):
    analysis = make_analysis(status="failed", error="The PDF is password-protected.")
    r = admin_client.get(change_url(analysis))
    assert r.status_code == 200
    assert "Analysis failed" in r.content.decode()
    assert "The PDF is password-protected." in r.content.decode()


@pytest.mark.django_db
def test_there_is_no_add_page(admin_client):
    assert admin_client.get(reverse("admin:analyses_analysis_add")).status_code == 403


# Download


@pytest.mark.django_db
def test_staff_download_the_stored_pdf_as_an_attachment(reviewer_client):
    data = pdfs.resume_pdf()
    analysis = stored(data, original_filename="Jane Doe.pdf")
    r = reviewer_client.get(download_url(analysis))
    assert r.status_code == 200
    assert b"".join(r.streaming_content) == data
    assert r["Content-Type"] == "application/pdf"
    assert r["Content-Disposition"].startswith("attachment")
    assert "Jane Doe.pdf" in r["Content-Disposition"]
    assert r["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_downloading_a_file_that_is_gone_explains_instead_of_failing(admin_client):
    analysis = completed_analysis(file="resumes/gone.pdf")
    r = admin_client.get(download_url(analysis), follow=True)
    assert r.status_code == 200
    assert "no longer there" in r.content.decode()


@pytest.mark.django_db
def test_staff_without_permission_cannot_download(staff_without_permissions):
    analysis = stored()
    assert staff_without_permissions.get(download_url(analysis)).status_code == 403


# Actions


@pytest.mark.django_db
def test_rerun_action_queues_the_analysis_again(
    admin_client, small_catalog, run_tasks_inline, django_capture_on_commit_callbacks
):
    analysis = stored(overall_score=12, summary_text="old", catalog_version=1)
    with django_capture_on_commit_callbacks(execute=True):
        r = admin_client.post(CHANGELIST, {"action": "rerun_selected", "_selected_action": [str(analysis.pk)]})
    assert r.status_code == 302
    analysis.refresh_from_db()
    assert analysis.status == "completed"
    assert analysis.summary_text != "old"
    assert "Python" in analysis.technical_skills
    assert default_storage.exists(analysis.file.name)


@pytest.mark.django_db
def test_rerun_action_leaves_the_row_processing_until_the_worker_runs(admin_client, django_capture_on_commit_callbacks):
    analysis = stored(overall_score=12)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        r = admin_client.post(
            CHANGELIST, {"action": "rerun_selected", "_selected_action": [str(analysis.pk)]}, follow=True
        )
    assert "1 analyses queued" in r.content.decode()
    assert len(callbacks) == 1
    analysis.refresh_from_db()
    assert (analysis.status, analysis.overall_score, analysis.attempts) == ("processing", None, 0)


@pytest.mark.django_db
def test_delete_action_asks_then_removes_rows_and_files(admin_client, django_capture_on_commit_callbacks):
    doomed, kept = stored(), stored()
    selected = {"action": "delete_selected", "_selected_action": [str(doomed.pk)]}
    r = admin_client.post(CHANGELIST, selected)
    assert r.status_code == 200 and "Are you sure" in r.content.decode()
    assert Analysis.objects.filter(pk=doomed.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        r = admin_client.post(CHANGELIST, {**selected, "post": "yes"})
    assert r.status_code == 302
    assert not Analysis.objects.filter(pk=doomed.pk).exists()
    assert not default_storage.exists(doomed.file.name)
    assert default_storage.exists(kept.file.name)


@pytest.mark.django_db
def test_the_delete_button_on_one_analysis_removes_its_file(admin_client, django_capture_on_commit_callbacks):
    analysis = stored()
    url = reverse("admin:analyses_analysis_delete", args=[analysis.pk])
    assert admin_client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(url, {"post": "yes"}).status_code == 302
    assert not Analysis.objects.exists()
    assert not default_storage.exists(analysis.file.name)


@pytest.mark.django_db
def test_a_view_only_reviewer_sees_no_actions(reviewer_client):
    analysis = stored()
    r = reviewer_client.get(CHANGELIST)
    assert r.status_code == 200
    assert "rerun_selected" not in r.content.decode()
    r = reviewer_client.post(CHANGELIST, {"action": "rerun_selected", "_selected_action": [str(analysis.pk)]})
    analysis.refresh_from_db()
    assert analysis.status == "completed"
    assert reviewer_client.post(reverse("admin:analyses_analysis_delete", args=[analysis.pk])).status_code == 403


# Every page, for everyone


def every_page(analysis):
    return [
        CHANGELIST,
        change_url(analysis),
        reverse("admin:analyses_analysis_history", args=[analysis.pk]),
        reverse("admin:analyses_analysis_delete", args=[analysis.pk]),
        download_url(analysis),
    ]


@pytest.mark.django_db
def test_every_page_renders_for_staff(admin_client):
    analysis = stored()
    for url in every_page(analysis):
        assert admin_client.get(url).status_code == 200, url


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["anonymous", "non_staff"])
def test_every_page_and_action_is_refused_to_anonymous_and_non_staff(client, django_user_model, who):
    if who == "non_staff":
        client.force_login(django_user_model.objects.create_user("applicant", password="pw"))
    analysis = stored()
    for url in every_page(analysis):
        r = client.get(url)
        assert r.status_code == 302 and "/admin/login/" in r["Location"], url
    for action in ["rerun_selected", "delete_selected"]:
        r = client.post(CHANGELIST, {"action": action, "_selected_action": [str(analysis.pk)], "post": "yes"})
        assert r.status_code == 302 and "/admin/login/" in r["Location"]
    analysis.refresh_from_db()
    assert analysis.status == "completed"
    assert default_storage.exists(analysis.file.name)


@pytest.mark.django_db
def test_staff_without_permissions_are_refused(staff_without_permissions):
    analysis = stored()
    for url in every_page(analysis):
        assert staff_without_permissions.get(url).status_code == 403, url
