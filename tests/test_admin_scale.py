"""The analysis change list at scale: the search query fits PostgreSQL's trigram indexes, a search counts at most
SEARCH_COUNT_LIMIT matches, and the number of queries per page does not depend on the number of rows.
The 100,000-row timings are bench/admin_search.py's."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from analyses import admin_paging
from analyses.admin import AnalysisAdmin, search_filter
from analyses.models import Analysis

CHANGELIST = "/admin/analyses/analysis/"
TRIGRAM_INDEXES = {"analysis_filename_trgm", "analysis_tech_skills_trgm", "analysis_soft_skills_trgm"}


def add_analyses(count, start=0, skills=("Python", "Kubernetes")):
    Analysis.objects.bulk_create(
        Analysis(
            original_filename=f"candidate-{start + n}.pdf",
            sha256=f"{start + n:064x}",
            status="completed",
            overall_score=70,
            catalog_version=1,
            technical_skills=list(skills),
            soft_skills=["Leadership"],
            created_at=timezone.now() - timezone.timedelta(minutes=start + n),
        )
        for n in range(count)
    )


def plan(queryset):
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        # The table is tiny here, so the planner would rightly scan it (or walk the newest-first index); forbidding
        # both shows which index fits the condition.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.django_db(transaction=False)
@pytest.mark.parametrize("term", ["candidate-7", "kubernetes", "leadership"])
def test_the_search_is_served_by_the_trigram_indexes(term):
    if connection.vendor != "postgresql":
        pytest.skip("trigram indexes exist on PostgreSQL only (migration 0003 does nothing on SQLite)")
    add_analyses(20)
    text = plan(Analysis.objects.filter(search_filter(term)).order_by())
    used = {name for name in TRIGRAM_INDEXES if f"Bitmap Index Scan on {name}" in text}
    assert used == TRIGRAM_INDEXES, text


@pytest.mark.django_db
def test_a_search_counts_at_most_the_limit_and_lists_the_newest(admin_client, monkeypatch):
    monkeypatch.setattr(admin_paging, "SEARCH_COUNT_LIMIT", 5)
    monkeypatch.setattr(AnalysisAdmin, "list_per_page", 2)
    add_analyses(12)
    first = admin_client.get(CHANGELIST, {"q": "python"}).context["cl"]
    assert first.result_count == 5 and first.paginator.num_pages == 3
    assert [row.original_filename for row in first.result_list] == ["candidate-0.pdf", "candidate-1.pdf"]
    last = admin_client.get(CHANGELIST, {"q": "python", "p": 3}).context["cl"]
    assert [row.original_filename for row in last.result_list] == ["candidate-4.pdf"]
    assert admin_client.get(CHANGELIST).context["cl"].result_count == 12  # no search: the real count


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "?q=python", "?q=candidate-3", "?status__exact=completed&q=kubernetes"])
def test_the_change_list_runs_the_same_queries_at_any_size(admin_client, query):
    add_analyses(3)
    admin_client.get(CHANGELIST + query)  # warm: the session and the catalog version are read once per request
    with CaptureQueriesContext(connection) as few:
        assert admin_client.get(CHANGELIST + query).status_code == 200
    add_analyses(300, start=3)
    with CaptureQueriesContext(connection) as many:
        assert admin_client.get(CHANGELIST + query).status_code == 200
    assert len(many) == len(few) <= 6, [q["sql"] for q in many.captured_queries]
