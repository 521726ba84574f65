"""Test-only app (installed by tests/gated_settings.py): the pipeline function the analysis service calls is
replaced by one that first waits while the file settings.ANALYSIS_GATE exists."""

import time
from pathlib import Path

from django.apps import AppConfig
from django.conf import settings

from analyses.pipeline.analyse import analyse


class GatedPipelineConfig(AppConfig):
    name = "tests.gated_pipeline"
    label = "gated_pipeline"

    def ready(self):
        from analyses import services

        services.analyse = gated_analyse


def gated_analyse(*args, **kwargs):
    """Module-level, so it pickles by name should the service hand it to another process."""
    gate = Path(settings.ANALYSIS_GATE)
    while gate.exists():
        time.sleep(0.05)
    return analyse(*args, **kwargs)
