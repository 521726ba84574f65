"""`resumeapi/settings.py` evaluated afresh, in this process, under an environment the test chooses: what a server
started with those variables would get, without starting a process for each check."""

import os
import runpy
import subprocess
from types import SimpleNamespace

from .live import PYTHON, ROOT

SETTINGS_FILE = ROOT / "resumeapi" / "settings.py"


def settings_from(monkeypatch, var_dir, clean=False, **variables):
    """The settings module's names as attributes. `clean`: nothing from this shell's environment but PATH.
    A variable given as None is unset."""
    if clean:
        for name in [name for name in os.environ if name != "PATH"]:
            monkeypatch.delenv(name)
    monkeypatch.setenv("VAR_DIR", str(var_dir))
    for name, value in variables.items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, str(value))
    return SimpleNamespace(**runpy.run_path(str(SETTINGS_FILE)))


def manage_with_clean_env(tmp_path, *args, **variables):
    """manage.py in its own process, with nothing from this shell's environment but PATH, plus `variables`: for
    what only a whole process shows (`check --deploy`)."""
    env = {"PATH": os.environ["PATH"], "VAR_DIR": str(tmp_path / "var"), **variables}
    return subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )
