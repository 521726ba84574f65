"""Settings for a live stack whose analyses wait at a gate: once the worker has claimed its row, each analysis waits
while the file ANALYSIS_GATE exists. A fault test can then kill a worker in the middle of an analysis, or run one
past its time limit, without racing a timer: `live_stack(..., **gated_analyses(path))` in tests/test_faults.py.
Production code knows nothing of this."""

import os

from resumeapi.settings import *  # noqa: F403
from resumeapi.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "tests.gated_pipeline.GatedPipelineConfig"]
ANALYSIS_GATE = os.environ["ANALYSIS_GATE"]
