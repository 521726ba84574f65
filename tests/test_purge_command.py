"""`manage.py purge_analyses` and the scheduled retention purge: only old analyses go, with their files."""

from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.utils import timezone
from django.utils.module_loading import import_string
from django_q.models import Schedule

from analyses.models import Analysis

from . import pdfs
from .factories import completed_analysis, make_analysis

pytestmark = pytest.mark.django_db(transaction=True)  # files are deleted on commit, as in production


def purge(*args):
    out = StringIO()
    call_command("purge_analyses", *args, stdout=out)
    return out.getvalue()


def aged(age, status="completed"):
    name = default_storage.save("resumes/purge.pdf", ContentFile(pdfs.resume_pdf()))
    factory = completed_analysis if status == "completed" else make_analysis
    fields = {} if status == "completed" else {"status": status}
    return factory(file=name, created_at=timezone.now() - age, **fields)


def on_disk(analysis, media_root):
    return (Path(media_root) / analysis.file.name).exists()


@pytest.fixture
def ages():
    return {
        "two_months": aged(timedelta(days=60)),
        "a_month_and_a_day": aged(timedelta(days=31), status="failed"),
        "stuck_since_last_year": aged(timedelta(days=400), status="processing"),
        "a_week": aged(timedelta(days=7)),
        "an_hour": aged(timedelta(hours=1)),
    }


def remaining():
    return set(Analysis.objects.values_list("pk", flat=True))


def test_it_deletes_only_analyses_older_than_the_age_with_their_files(ages, private_media_root):
    output = purge("--older-than", "30d")
    assert "Deleted 3 analyses" in output
    assert remaining() == {ages["a_week"].pk, ages["an_hour"].pk}
    for key, analysis in ages.items():
        assert on_disk(analysis, private_media_root) == (key in ("a_week", "an_hour")), key


def test_hours_are_accepted(ages):
    assert "Deleted 4 analyses" in purge("--older-than", "2h")
    assert remaining() == {ages["an_hour"].pk}


def test_a_dry_run_counts_and_deletes_nothing(ages, private_media_root):
    output = purge("--older-than", "30d", "--dry-run")
    assert "Dry run: would delete 3 analyses" in output
    assert len(remaining()) == 5
    assert all(on_disk(analysis, private_media_root) for analysis in ages.values())


def test_nothing_old_enough_deletes_nothing(ages):
    assert "Deleted 0 analyses" in purge("--older-than", "1000d")
    assert len(remaining()) == 5


@pytest.mark.parametrize("value", ["30", "30 days", "d", "-3d", "1.5d", "30m", "0d", ""])
def test_a_bad_age_is_a_command_error(value):
    with pytest.raises(CommandError, match="older-than"):
        purge("--older-than", value)


def test_the_age_is_required():
    with pytest.raises(CommandError, match="older-than"):
        purge()


# Automatic retention on the worker's schedule


def test_setup_schedules_is_idempotent_and_points_at_real_tasks():
    out = StringIO()
    call_command("setup_schedules", stdout=out)
    assert "created" in out.getvalue()
    Schedule.objects.filter(func="analyses.tasks.sweep_stale").update(minutes=60)
    call_command("setup_schedules", stdout=StringIO())
    schedules = {schedule.func: schedule for schedule in Schedule.objects.all()}
    assert set(schedules) == {"analyses.tasks.sweep_stale", "analyses.tasks.purge_expired"}
    assert schedules["analyses.tasks.sweep_stale"].schedule_type == Schedule.MINUTES
    assert schedules["analyses.tasks.sweep_stale"].minutes == 1
    assert schedules["analyses.tasks.purge_expired"].schedule_type == Schedule.HOURLY
    for func in schedules:
        assert callable(import_string(func))


def test_the_scheduled_purge_is_off_by_default(ages, settings):
    assert settings.RETENTION_DAYS == 0
    assert import_string("analyses.tasks.purge_expired")() == "0 analyses deleted"
    assert len(remaining()) == 5


def test_the_scheduled_purge_keeps_retention_days(ages, settings, private_media_root):
    settings.RETENTION_DAYS = 30
    assert import_string("analyses.tasks.purge_expired")() == "3 analyses deleted"
    assert remaining() == {ages["a_week"].pk, ages["an_hour"].pk}
    assert not on_disk(ages["two_months"], private_media_root)
