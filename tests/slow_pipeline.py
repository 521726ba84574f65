"""Test-only app (installed by tests/slow_settings.py): each analysis first sleeps SLOW_ANALYSIS_SECONDS, after the
worker has claimed the row, by wrapping the pipeline call the analysis service makes."""

import functools
import time

from django.apps import AppConfig
from django.conf import settings


class SlowPipelineConfig(AppConfig):
    name = "tests.slow_pipeline"
    label = "slow_pipeline"

    def ready(self):
        from analyses import services

        services.analyse = slowed(services.analyse)


def slowed(analyse):
    @functools.wraps(analyse)
    def slow_analyse(*args, **kwargs):
        time.sleep(settings.SLOW_ANALYSIS_SECONDS)
        return analyse(*args, **kwargs)

    return slow_analyse
