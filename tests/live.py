"""A real stack for end-to-end tests and benchmarks: gunicorn + `manage.py qcluster` as separate processes,
on a fresh SQLite database in a temp folder, or, when DATABASE_URL names a PostgreSQL server, on a fresh database
created on that server for the stack and dropped afterwards (never pytest-django's test database).

Logs: `<tmp_path>/web.log` (gunicorn) and `<tmp_path>/qcluster.log` (the worker)."""

import atexit
import contextlib
import hashlib
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stack_env(var_dir, **overrides):
    """The environment for processes of one stack: SQLite under `var_dir` unless DATABASE_URL is passed in
    `overrides` (the suite's own DATABASE_URL names pytest-django's server, never a database to write to)."""
    env = {
        **os.environ,
        "DATABASE_URL": "",
        "VAR_DIR": str(var_dir),
        "SECRET_KEY": "live-test-" + uuid.uuid4().hex,
        "THROTTLE_UPLOAD": "off",
        "THROTTLE_POLL": "off",
        "MAX_ACTIVE_ANALYSES_PER_CLIENT": "0",  # a test stack's uploads all come from one address
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("LOCAL_MODE", None)
    env.update({key: str(value) for key, value in overrides.items()})
    return env


def manage(env, *args, check=True):
    return subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=check, capture_output=True, text=True, timeout=300
    )


def build_database(env, catalog_dir=None):
    """Migrate, create the cache table and load the catalog (if any) in the database `env` names: one process."""
    steps = ["call_command('migrate', interactive=False, verbosity=0)", "call_command('createcachetable')"]
    if catalog_dir is not None:
        steps.append(f"call_command('load_default_catalog', data_dir={str(catalog_dir)!r})")
    manage(env, "shell", "--no-imports", "-c", "from django.core.management import call_command; " + "; ".join(steps))


# Prepared databases to copy, one per (database server, settings module, catalog) in this process: migrating takes
# seconds of a busy machine, a copy a fraction of one. Removed when the process exits.
_TEMPLATES = {}
_TEMPLATE_FOLDER = None


def prepare_database(env, catalog_dir=None):
    """Give the stack's (empty) database the schema, the cache table and the catalog in `catalog_dir`, as a copy of
    one this process prepared the same way before (built on first use)."""
    catalog = sorted((path.name, path.read_bytes()) for path in Path(catalog_dir).iterdir()) if catalog_dir else None
    database_url = env.get("DATABASE_URL", "")
    server = urlsplit(database_url)._replace(path="").geturl() if is_postgres(database_url) else "sqlite"
    key = hashlib.sha256(repr((server, env.get("DJANGO_SETTINGS_MODULE"), catalog)).encode()).hexdigest()[:16]
    if is_postgres(database_url) and urlsplit(database_url).path.startswith("/live_"):
        _copy_postgres_template(env, database_url, key, catalog_dir)
    elif is_postgres(database_url):
        build_database(env, catalog_dir)  # not a database of the stack's own: never dropped here
    else:
        _copy_sqlite_template(env, key, catalog_dir)


def _copy_sqlite_template(env, key, catalog_dir):
    global _TEMPLATE_FOLDER
    if key not in _TEMPLATES:
        if _TEMPLATE_FOLDER is None:
            _TEMPLATE_FOLDER = Path(tempfile.mkdtemp(prefix="resumeapi-live-templates."))
            atexit.register(shutil.rmtree, _TEMPLATE_FOLDER, ignore_errors=True)
        var_dir = _TEMPLATE_FOLDER / key
        build_database({**env, "VAR_DIR": str(var_dir), "DATABASE_URL": ""}, catalog_dir)
        _TEMPLATES[key] = var_dir / "db.sqlite3"
    target = Path(env["VAR_DIR"]) / "db.sqlite3"
    target.parent.mkdir(parents=True, exist_ok=True)
    # SQLite's backup API copies what is committed, wherever it is (the database file or its WAL).
    with (
        contextlib.closing(sqlite3.connect(_TEMPLATES[key])) as source,
        contextlib.closing(sqlite3.connect(target)) as copy,
    ):
        source.backup(copy)


def _copy_postgres_template(env, database_url, key, catalog_dir):
    """CREATE DATABASE ... TEMPLATE: the stack's fresh database is dropped and made again as a copy."""
    parts = urlsplit(database_url)
    if key not in _TEMPLATES:
        name = f"live_template_{key}_{uuid.uuid4().hex[:8]}"
        with _postgres_admin(parts) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        atexit.register(_drop_postgres_database, parts, name)
        build_database({**env, "DATABASE_URL": urlunsplit(parts._replace(path="/" + name))}, catalog_dir)
        _TEMPLATES[key] = name
    target = parts.path.lstrip("/")
    with _postgres_admin(parts) as connection:
        connection.execute(f'DROP DATABASE "{target}"')
        connection.execute(f'CREATE DATABASE "{target}" TEMPLATE "{_TEMPLATES[key]}"')


def _postgres_admin(parts):
    import psycopg  # only on PostgreSQL runs

    return psycopg.connect(
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 5432,
        user=parts.username,
        password=parts.password,
        dbname="postgres",
        autocommit=True,
    )


def _drop_postgres_database(parts, name):
    with contextlib.suppress(Exception), _postgres_admin(parts) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def query(env, code):
    """Run Python in the stack's Django (`manage.py shell -c`) and return the last line it printed, e.g. a count."""
    lines = manage(env, "shell", "--no-imports", "-c", code).stdout.strip().splitlines()
    return lines[-1] if lines else ""


def read_db(env, sql, params=()):
    """The rows of a read-only SQL query (`?` placeholders) on the stack's own database, read from this process: a
    `query` starts a Django process, about a second of CPU, where a plain connection costs milliseconds."""
    database_url = env.get("DATABASE_URL", "")
    if is_postgres(database_url):
        import psycopg  # only on PostgreSQL runs

        with psycopg.connect(database_url) as connection:
            return connection.execute(sql.replace("?", "%s"), params).fetchall()
    with contextlib.closing(sqlite3.connect(Path(env["VAR_DIR"]) / "db.sqlite3", timeout=30)) as connection:
        return connection.execute(sql, params).fetchall()


def db_uuid(env, value):
    """A UUID as the stack's database stores it: PostgreSQL's uuid type, or 32 hex digits on SQLite (Django's)."""
    return str(value) if is_postgres(env.get("DATABASE_URL", "")) else uuid.UUID(str(value)).hex


def read_one(env, sql, params=()):
    """The one value a read_db query selects, e.g. a count."""
    (row,) = read_db(env, sql, params)
    return row[0]


def start_web(env, port, workers=2, app="resumeapi.wsgi", log_path=None):
    # An unread PIPE would block gunicorn once its buffer fills, so output goes to a file or nowhere.
    log = open(log_path, "ab") if log_path else subprocess.DEVNULL  # noqa: SIM115
    return subprocess.Popen(
        [str(BIN / "gunicorn"), app, "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
         "--threads", "4", "--graceful-timeout", "2"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip


def start_worker(env, log_path=None):
    log = open(log_path, "ab") if log_path else subprocess.DEVNULL  # noqa: SIM115
    return subprocess.Popen(
        [PYTHON, "manage.py", "qcluster"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip


def stop(process, timeout=10):
    """SIGTERM to the main process only (gunicorn's arbiter and qcluster's parent each stop their own children in
    order; signalling the whole group at once makes qcluster's shutdown hang), then SIGKILL whatever is left."""
    if process is None:
        return
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=timeout)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=timeout)


def wait_until_serving(base_url, deadline_s=30):
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base_url + "/api/v1/resume/status/none", timeout=2)
        except urllib.error.HTTPError:
            return  # any HTTP answer (404 here) means the server is up
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"{base_url} did not start within {deadline_s} s")


def http(method, url, body=None, headers=None, timeout=10):
    """(status, parsed JSON or None, headers) without raising on 4xx/5xx."""
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, _json(response.read()), response.headers
    except urllib.error.HTTPError as error:
        return error.code, _json(error.read()), error.headers


def multipart(fields, files):
    """Encode form fields and files ({"file": (name, bytes)}) as multipart/form-data."""
    boundary = uuid.uuid4().hex
    parts = []
    for key, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode())
    for key, (filename, data) in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"; filename="{filename}"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        )
        parts.append(head.encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def upload(base_url, data, filename="resume.pdf", **fields):
    body, headers = multipart(fields, {"file": (filename, data)})
    return http("POST", base_url + "/api/v1/resume/upload", body, headers)


def wait_for(predicate, deadline_s, what, interval=0.25):
    """predicate()'s first truthy value, polled until the deadline; TimeoutError naming `what` after it."""
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise TimeoutError(f"still waiting for {what} after {deadline_s} s")


def wait_for_status(base_url, task_id, deadline_s=30, interval=0.05, longest_interval=0.5):
    """Polls quickly at first (most analyses end within a second), then less often: each poll costs the server and
    this process CPU that a busy machine needs for the analysis being waited for."""
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        _, body, _ = http("GET", f"{base_url}/api/v1/resume/status/{task_id}")
        if body and body.get("status") in ("completed", "failed"):
            return body
        time.sleep(interval)
        interval = min(interval * 1.5, longest_interval)
    raise TimeoutError(f"analysis {task_id} still processing after {deadline_s} s")


def _json(data):
    try:
        return json.loads(data)
    except ValueError:
        return None


def is_postgres(database_url):
    return urlsplit(database_url or "").scheme in ("postgres", "postgresql", "pgsql")


@contextmanager
def fresh_postgres_database(database_url):
    """Create an empty database next to the one `database_url` names; yield its URL; drop it afterwards."""
    parts = urlsplit(database_url)
    name = "live_" + uuid.uuid4().hex[:16]
    with _postgres_admin(parts) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path="/" + name))
    finally:
        with _postgres_admin(parts) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def stack_database(database_url):
    """The DATABASE_URL for the stack's processes: a fresh PostgreSQL database, or "" (SQLite under VAR_DIR)."""
    if is_postgres(database_url):
        with fresh_postgres_database(database_url) as url:
            yield url
    else:
        yield ""


@contextmanager
def live_stack(tmp_path, catalog_dir=None, worker=True, **env_overrides):
    """Yield (base_url, env) for a running web server and, unless worker=False, one qcluster."""
    database_url = env_overrides.pop("DATABASE_URL", os.environ.get("DATABASE_URL", ""))
    with stack_database(database_url) as stack_url:
        env = stack_env(tmp_path / "var", DATABASE_URL=stack_url, **env_overrides)
        prepare_database(env, catalog_dir)
        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        web = start_web(env, port, log_path=tmp_path / "web.log")
        cluster = start_worker(env, tmp_path / "qcluster.log") if worker else None
        try:
            wait_until_serving(base_url)
            yield base_url, env
        finally:
            stop(web)
            stop(cluster)
