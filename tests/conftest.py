import resource
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.test import override_settings
from django_q.conf import Conf
from rest_framework.throttling import SimpleRateThrottle

from skills_catalog.models import RoleProfile, RoleSkill, Skill, SkillAlias, catalog_edits

from . import pdfs
from .browser import CHROMIUM, MISSING_CHROMIUM, chromium_context, collect_static
from .catalog_files import SMALL_CATALOG, write_small_catalog
from .live import live_stack


@pytest.hookimpl(trylast=True)  # after pytest-django's own reordering, which puts tests without a database last
def pytest_collection_modifyitems(items):
    """Modules that start live processes (any e2e test) run first: they are the long ones, and started first in
    parallel runs (`make test`: pytest-xdist, a module per process) they end together with the short ones instead of
    alone at the end. A stable sort: the order within each group stays as it was."""
    live_modules = {item.module.__name__ for item in items if item.get_closest_marker("e2e")}
    items.sort(key=lambda item: item.module.__name__ not in live_modules)


def _cpu_seconds():
    """CPU time of this process and of every child process it has waited for (servers, workers, commands)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


_CPU_STARTED = pytest.StashKey[float]()
SESSION_STACKS = "(session-wide live stacks)"
# CPU of the session-wide stacks stopped during the current teardown: their own line in the table, not the cost of
# whichever test happened to run last in the process.
_SESSION_CPU = []


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item):
    """Each test's CPU seconds (setup, call and teardown, with the processes it started) travel with its reports,
    from a pytest-xdist worker too, for the per-module table at the end: on a shared machine wall time says little."""
    item.stash[_CPU_STARTED] = _cpu_seconds()
    yield


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item):
    outcome = yield
    report = outcome.get_result()
    if report.when == "teardown":
        cpu = _cpu_seconds() - item.stash.get(_CPU_STARTED, _cpu_seconds())
        session = sum(_SESSION_CPU)
        _SESSION_CPU.clear()
        report.user_properties = [*report.user_properties, ("cpu_seconds", cpu - session)]
        if session:
            report.user_properties.append(("session_cpu_seconds", session))


_CPU_BY_MODULE = defaultdict(float)
_SUITE_STARTED = time.monotonic()


def pytest_runtest_logreport(report):
    properties = dict(report.user_properties) if report.when == "teardown" else {}
    if "cpu_seconds" in properties:
        _CPU_BY_MODULE[report.nodeid.split("::")[0]] += properties["cpu_seconds"]
    if "session_cpu_seconds" in properties:
        _CPU_BY_MODULE[SESSION_STACKS] += properties["session_cpu_seconds"]


def pytest_terminal_summary(terminalreporter):
    if not _CPU_BY_MODULE:
        return
    total = sum(_CPU_BY_MODULE.values())
    wall = time.monotonic() - _SUITE_STARTED
    # A session-wide stack's processes (its start, its idle polling, the work of every test on it) have a line of
    # their own: they are waited for in the last test's teardown, but are no cost of that test.
    terminalreporter.section(f"CPU seconds by module: {total:.0f} s in all, {wall:.0f} s wall")
    for module, seconds in sorted(_CPU_BY_MODULE.items(), key=lambda pair: -pair[1])[:20]:
        terminalreporter.write_line(f"{seconds:8.1f}  {module}")


@pytest.fixture(scope="session", autouse=True)
def fast_password_hasher():
    """Test users get MD5 hashes: the real hasher's cost is by design and would only slow every login and admin test."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def private_media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "uploads"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def throttle_rates(monkeypatch):
    """Every test starts with both API throttles off; a throttling test turns them on with
    `throttle_rates(upload="2/min", poll=None)`. DRF's throttles read their rate table once, at import, so a settings
    override would not reach them: the table itself is replaced."""

    def set_rates(upload=None, poll=None):
        monkeypatch.setattr(SimpleRateThrottle, "THROTTLE_RATES", {"upload": upload, "poll": poll})

    set_rates()
    return set_rates


@pytest.fixture
def run_tasks_inline(monkeypatch):
    """django-q2 runs queued tasks at once in this process (its documented `sync` mode)."""
    monkeypatch.setattr(Conf, "SYNC", True)


@pytest.fixture
def small_catalog(db):
    """The small catalog in the test database, written as one catalog edit: one version bump, not one per row."""
    with catalog_edits():
        return _write_small_catalog()


def _write_small_catalog():
    skills = {}
    for name, kind, category, ambiguous, aliases in SMALL_CATALOG:
        skill = Skill.objects.create(name=name, kind=kind, category=category, ambiguous=ambiguous)
        for alias in aliases:
            SkillAlias.objects.create(skill=skill, alias=alias)
        skills[name] = skill
    backend = RoleProfile.objects.create(name="Backend Developer", aliases=["Back-end Developer"])
    for name, weight in [("Python", 5), ("PostgreSQL", 4), ("Docker", 3), ("REST APIs", 4), ("CI/CD", 2)]:
        RoleSkill.objects.create(role=backend, skill=skills[name], weight=weight)
    frontend = RoleProfile.objects.create(name="Frontend Developer")
    for name, weight in [("JavaScript", 5), ("TypeScript", 4), ("React", 5), ("Git", 2)]:
        RoleSkill.objects.create(role=frontend, skill=skills[name], weight=weight)
    return skills


@pytest.fixture(scope="session")
def shipped_matcher():
    """The shipped default catalog compiled into a Matcher once per test process (a second of CPU per compile), for
    tests that only read it; a test that edits a catalog builds its own."""
    from bench.pipeline import default_matcher

    return default_matcher()


@pytest.fixture
def resume_bytes():
    return pdfs.resume_pdf()


@dataclass
class Stack:
    url: str
    env: dict
    folder: Path

    def log_mark(self):
        """Where the web and worker logs end now; `logs_since(mark)` reads what was written after."""
        return {name: self._log(name).stat().st_size for name in ("web.log", "qcluster.log")}

    def logs_since(self, mark):
        text = ""
        for name, offset in mark.items():
            with open(self._log(name), "rb") as log:
                log.seek(offset)
                text += log.read().decode(errors="replace")
        return text

    def _log(self, name):
        path = self.folder / name
        path.touch()
        return path


@pytest.fixture(scope="session")
def shared_stack(tmp_path_factory):
    """One live stack (gunicorn, a qcluster worker, the small catalog, collected static files) for every end-to-end
    test that needs no settings of its own: each start costs seconds of a busy 2-core machine. Tests on it work with
    their own uploads and never assume an empty database. Its worker looks for tasks every 0.25 s, not every 0.05 s:
    it idles through most of a run, and idle it then costs 0.16 s of CPU per 20 s instead of 0.45 s."""
    folder = tmp_path_factory.mktemp("shared-stack")
    catalog = write_small_catalog(folder / "catalog")
    before = _cpu_seconds()
    with live_stack(folder, catalog_dir=catalog, QUEUE_POLL_SECONDS=0.25, **collect_static(folder)) as (url, env):
        _SESSION_CPU.append(_cpu_seconds() - before)  # its database's preparation and static files
        yield Stack(url, env, folder)
        before = _cpu_seconds()
    _SESSION_CPU.append(_cpu_seconds() - before)  # its processes, waited for as they stop


@pytest.fixture(scope="module")
def browser():
    """A headless Chromium context (Debian's, which `make test` installs), one per test module that asks for it."""
    if not CHROMIUM.exists():
        pytest.fail(MISSING_CHROMIUM)
    with chromium_context() as context:
        yield context
