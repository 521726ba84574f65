"""The admin's analysis search at scale, on PostgreSQL: a file name or a skill among N analyses (default 100,000).

A fresh database on the server DATABASE_URL names (created for the run, dropped afterwards) is migrated and filled
with N completed analyses shaped like real ones (a file name, 6-20 technical and 2-5 soft skills drawn from the
shipped catalog, a ~1 KB report). Then a staff user opens the change list with a search, as a reviewer would, several
times per term: printed are the page's wall time (p50/max), its CPU time in this process (rendering; on a shared
machine wall time is mostly waiting for a core) and the database time of its queries, with the trigram
indexes of migration 0003 and, for reference, without them (dropped at the end of the run). Target: < 100 ms.

Without a PostgreSQL DATABASE_URL it prints why and exits 0 (SQLite has no trigram index; its figures are in the
admin docs). Run: `DATABASE_URL=postgres://… python -m bench.admin_search [--rows 100000] [--repeat 7]`.
"""

import argparse
import importlib
import itertools
import json
import os
import random
import sys
import time
from pathlib import Path

from bench import percentile, print_table
from tests.live import fresh_postgres_database, is_postgres

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS = 100
FIRST_NAMES = ["jane", "ahmed", "maria", "li", "olu", "anna", "sam", "priya", "tom", "yuki", "carlos", "fatima"]
LAST_NAMES = ["doe", "khan", "garcia", "wei", "adeyemi", "novak", "taylor", "patel", "berg", "sato", "silva"]


def catalog_names(kind):
    names = []
    for path in sorted((ROOT / "skills_catalog" / "data").glob("skills_*.json")):
        data = json.loads(path.read_text())
        skills = data.get("skills", data) if isinstance(data, dict) else data
        names += [skill["name"] for skill in skills if isinstance(skill, dict) and skill.get("kind") == kind]
    return names


def fill(rows, seed=14):
    from django.utils import timezone

    from analyses.models import Analysis

    rng = random.Random(seed)
    technical, soft = catalog_names("technical"), catalog_names("soft") or ["Leadership", "Communication"]
    # Real resumes name popular skills far more often than rare ones: weight the catalog's order like a Zipf law.
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(technical))))
    rng.shuffle(technical)
    now = timezone.now()
    batch = []
    for number in range(rows):
        skills = sorted(set(rng.choices(technical, cum_weights=cumulative, k=rng.randint(6, 20))))
        name = f"{rng.choice(FIRST_NAMES)}_{rng.choice(LAST_NAMES)}_resume_{number}.pdf"
        batch.append(
            Analysis(
                original_filename=name,
                file=f"resumes/2026/11/{number:032x}.pdf",
                sha256=f"{rng.getrandbits(256):064x}",
                status="completed",
                overall_score=rng.randint(20, 98),
                summary_text="Solid set of skills but it needs work: " + "x" * 200,
                technical_skills=skills,
                soft_skills=rng.sample(soft, k=min(len(soft), rng.randint(2, 5))),
                formatting_issues=["No email found", "Margins are too narrow"],
                details={"findings": [{"code": "no_email", "message": "y" * 120}] * 6, "catalog_version": 1},
                skills_count=len(skills),
                catalog_version=1,
                created_at=now - timezone.timedelta(seconds=number * 30),
                finished_at=now,
                duration_ms=rng.randint(8, 40),
            )
        )
        if len(batch) == 5000:
            Analysis.objects.bulk_create(batch)
            batch = []
    Analysis.objects.bulk_create(batch)
    return technical


def search_terms(technical):
    from analyses.models import Analysis

    rows = Analysis.objects.count()

    def share(term):
        return Analysis.objects.filter(technical_skills__icontains=term).count() / rows

    popular = technical[0]
    candidates = (name for name in reversed(technical) if name.isalpha() and len(name) > 5 and share(name))
    rare = next(candidates, technical[-1])
    return [
        ("file name, one match", f"resume_{rows // 2}.pdf"),
        ("file name, many matches", "adeyemi"),
        (f"popular skill ({share(popular):.0%} of rows)", popular.lower()),
        (f"rare skill ({share(rare):.2%} of rows)", rare.lower()),
        ("no match", "zzqxj"),
    ]


def time_searches(client, terms, repeat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    results = []
    for label, term in terms:
        walls, cpus, db_times = [], [], []
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as queries:
                started, started_cpu = time.perf_counter(), time.process_time()
                response = client.get("/admin/analyses/analysis/", {"q": term})
                walls.append((time.perf_counter() - started) * 1000)
                cpus.append((time.process_time() - started_cpu) * 1000)
            assert response.status_code == 200, response.status_code
            db_times.append(sum(float(query["time"]) for query in queries.captured_queries) * 1000)
        results.append((label, term, walls, cpus, db_times, len(queries.captured_queries)))
    return results


def drop_trigram_indexes():
    from django.db import connection

    module = importlib.import_module("analyses.migrations.0003_admin_search_trigram")
    with connection.cursor() as cursor:
        for name in module.SEARCHED_COLUMNS:
            cursor.execute(f'DROP INDEX IF EXISTS "{name}"')
        cursor.execute("ANALYZE analyses_analysis")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    database_url = os.environ.get("DATABASE_URL", "")
    if not is_postgres(database_url):
        print("Skipped: the admin search benchmark needs a PostgreSQL DATABASE_URL (trigram indexes are PostgreSQL's).")
        return 0
    with fresh_postgres_database(database_url) as url:
        os.environ.update(DATABASE_URL=url, ALLOWED_HOSTS="testserver", SECRET_KEY="bench-admin-search")
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resumeapi.settings")
        import django

        django.setup()
        from django.contrib.auth.models import User
        from django.core.management import call_command
        from django.db import connection
        from django.test import Client

        # Rows first, then the trigram indexes (migration 0003), as on an existing service: building a GIN index
        # once is much faster than updating it for every insert.
        call_command("migrate", verbosity=0)
        call_command("migrate", "analyses", "0002", verbosity=0)
        started = time.perf_counter()
        technical = fill(args.rows)
        call_command("migrate", verbosity=0)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE analyses_analysis")
            cursor.execute("SELECT pg_total_relation_size('analyses_analysis')")
            size_mb = cursor.fetchone()[0] / 1e6
        elapsed = time.perf_counter() - started
        print(f"{args.rows:,} analyses written in {elapsed:.0f} s ({size_mb:.0f} MB with indexes)")
        client = Client()
        client.force_login(User.objects.create_superuser("bench", "bench@example.com", "x"))
        terms = search_terms(technical)
        client.get("/admin/analyses/analysis/")  # warm: templates, the catalog version, the connection
        with_index = time_searches(client, terms, args.repeat)
        drop_trigram_indexes()
        without_index = time_searches(client, terms, max(2, args.repeat // 3))
        connection.close()
    rows = []
    for new, old in zip(with_index, without_index, strict=True):
        (label, term, walls, cpus, db_times, queries), (*_, old_walls, _, old_db, _) = new, old
        rows.append(
            (
                f"{label}: {term!r}",
                f"{percentile(walls, 0.5):.0f} / {max(walls):.0f}",
                f"{percentile(cpus, 0.5):.0f}",
                f"{percentile(db_times, 0.5):.1f}",
                queries,
                f"{percentile(old_walls, 0.5):.0f}",
                f"{percentile(old_db, 0.5):.1f}",
                "yes" if percentile(db_times, 0.5) + percentile(cpus, 0.5) < TARGET_MS else "no",
            )
        )
    header = (
        "search",
        "page wall ms p50 / max",
        "page CPU ms",
        "db ms p50",
        "queries",
        "no index: page ms",
        "no index: db ms",
        "CPU + db < 100",
    )
    print_table(f"Admin search, {args.rows:,} analyses on PostgreSQL", header, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
