"""Settings for a live stack whose analyses are slow on purpose, so a fault test can kill a worker in the middle
of one or run one past its time limit: `live_stack(..., DJANGO_SETTINGS_MODULE="tests.slow_settings",
SLOW_ANALYSIS_SECONDS=4)`. Production code knows nothing of this."""

import os

from resumeapi.settings import *  # noqa: F403
from resumeapi.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "tests.slow_pipeline.SlowPipelineConfig"]
SLOW_ANALYSIS_SECONDS = float(os.environ.get("SLOW_ANALYSIS_SECONDS", "5"))
