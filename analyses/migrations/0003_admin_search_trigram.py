"""Trigram indexes for the admin's file-name and skill search, on PostgreSQL only.

The admin searches with `icontains`, which Django writes on PostgreSQL as `UPPER(column::text) LIKE UPPER('%term%')`;
a GIN index of pg_trgm trigrams on exactly that expression serves it (one per column, combined by a BitmapOr), so a
search reads the few matching rows instead of every report. SQLite has no such index: there this migration does
nothing. The indexes are built CONCURRENTLY (hence atomic = False) so an existing table keeps taking uploads.
"""

from django.db import migrations

SEARCHED_COLUMNS = {
    "analysis_filename_trgm": "original_filename",
    "analysis_tech_skills_trgm": "technical_skills",
    "analysis_soft_skills_trgm": "soft_skills",
}


def create_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, column in SEARCHED_COLUMNS.items():
        schema_editor.execute(
            f'CREATE INDEX CONCURRENTLY IF NOT EXISTS "{name}" ON "analyses_analysis" '
            f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
        )
    # The planner picks between these indexes and a newest-first scan by the expressions' statistics: gather them now.
    schema_editor.execute('ANALYZE "analyses_analysis"')


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in SEARCHED_COLUMNS:
        schema_editor.execute(f'DROP INDEX CONCURRENTLY IF EXISTS "{name}"')


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("analyses", "0002_admin_list_indexes"),
    ]

    operations = [
        migrations.RunPython(create_trigram_indexes, drop_trigram_indexes, elidable=False),
    ]
