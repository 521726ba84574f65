"""Test-only app (installed by tests/slow_settings.py): each analysis first sleeps SLOW_ANALYSIS_SECONDS, after the
worker has claimed the row, by replacing the pipeline function the analysis service calls."""

import time

from django.apps import AppConfig
from django.conf import settings

from analyses.pipeline.analyse import analyse


class SlowPipelineConfig(AppConfig):
    name = "tests.slow_pipeline"
    label = "slow_pipeline"

    def ready(self):
        from analyses import services

        services.analyse = slow_analyse


def slow_analyse(*args, **kwargs):
    """Module-level, so it pickles by name should the service hand it to another process."""
    time.sleep(settings.SLOW_ANALYSIS_SECONDS)
    return analyse(*args, **kwargs)
