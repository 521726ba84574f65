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
    """Module-level, so it pickles by name should the service hand it to another process. The line it prints (to the
    worker's log) tells a test the row has been claimed, without a query of its own."""
    print(f"slow analysis: claimed, sleeping {settings.SLOW_ANALYSIS_SECONDS} s", flush=True)
    time.sleep(settings.SLOW_ANALYSIS_SECONDS)
    return analyse(*args, **kwargs)
