"""Every pattern applied to resume or job-ad text runs in linear time: timed on worst-case inputs.

Python's `re` backtracks, so a pattern like `[\\w.]+@` tried at each start of a 100k-letter run without "@" costs
n² steps (60,000 letters took 6.6 s). Each module-level pattern of the text pipeline is found here by itself, so a new
pattern is covered without anyone listing it, and run over long runs of each character class.
"""

import importlib
import pkgutil
import re
import time

import pytest

import analyses.pipeline

# Every module of the pipeline (new ones included), and the matcher's modules that read resume and job-ad text.
TEXT_MODULES = [f"analyses.pipeline.{module.name}" for module in pkgutil.iter_modules(analyses.pipeline.__path__)]
TEXT_MODULES += ["skills_catalog.text", "skills_catalog.engine", "skills_catalog.rules", "skills_catalog.roles"]
LENGTH = 100_000
# Runs of one character class, and of the pairs that make patterns with a separator or a suffix try every start.
RUNS = ["a", "A", "1", " ", ".", "-", "_", "@", "/", ":", ",", "\t", "%", "\ufffd", "\ue000", "•", "a ", "a.", "a-"]
RUNS += ["1-", "1.", " -", "I ", "aA", "a,", "a/", "e.g. "]
# A linear pass over 100k characters takes well under 0.1 s here; a quadratic one takes minutes.
BUDGET_S = 1.0


def text_patterns():
    found = {}
    for module_name in TEXT_MODULES:
        for name, value in vars(importlib.import_module(module_name)).items():
            values = value.items() if isinstance(value, dict) else [("", value)]
            for key, pattern in values:
                if isinstance(pattern, re.Pattern):
                    found[f"{module_name}.{name}{'.' + key if key else ''}"] = pattern
    return found


PATTERNS = text_patterns()


def test_the_pipeline_patterns_are_found():
    assert "analyses.pipeline.contact.EMAIL_RE" in PATTERNS
    assert "skills_catalog.rules.LIST_SEPARATORS_RE" in PATTERNS
    assert len(PATTERNS) > 40


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_runs_in_linear_time(name):
    pattern = PATTERNS[name]
    for run in RUNS:
        # A tenth of the length first, with a tenth of the budget: a quadratic pattern fails here in about a second
        # instead of running for minutes at full length (re cannot be interrupted).
        for length, budget in ((LENGTH // 10, BUDGET_S / 10), (LENGTH, BUDGET_S)):
            elapsed = time_scan(pattern, (run * (length // len(run) + 1))[:length])
            assert elapsed < budget, f"{name} took {elapsed:.2f} s on {length:,} × {run!r}"


def time_scan(pattern, text):
    """CPU seconds of this thread: what backtracking costs, whatever else the machine (or the suite) is running."""
    started = time.thread_time()
    for _ in pattern.finditer(text):
        pass
    pattern.match(text)
    return time.thread_time() - started
