"""A throwaway PostgreSQL server of a test's own (initdb + pg_ctl, as .ci/run starts the suite's), for tests that
stop and start the database: the suite's shared server must never go away under other tests."""

import contextlib
import os
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

from .live import free_port


def postgres_bin():
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda path: int(path.parts[-3]))
    return found[-1].parent if found else None


def _as_owner(command):
    # initdb and postgres refuse to run as root: as root they run as the package's `postgres` user (as in .ci/run).
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


class PostgresServer:
    def __init__(self):
        self.bin = postgres_bin()
        # Not under pytest's tmp_path: as root the server runs as `postgres`, who cannot enter root's 0700 folders.
        self.folder = Path(tempfile.mkdtemp(prefix="resumeapi-test-pg."))
        self.data = self.folder / "data"
        self.port = free_port()
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def _pg_ctl(self, *args):
        command = [str(self.bin / "pg_ctl"), "-D", str(self.data), *args]
        subprocess.run(_as_owner(command), check=True, capture_output=True, timeout=60)

    def init(self):
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
        command = [str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "--no-sync"]
        subprocess.run(_as_owner(command), check=True, capture_output=True, timeout=120)

    def start(self):
        options = f"-h 127.0.0.1 -p {self.port} -k {self.folder} -c fsync=off -c max_connections=200"
        self._pg_ctl("-l", str(self.folder / "server.log"), "-w", "-t", "60", "start", "-o", options)

    def stop(self, mode="fast"):
        """`fast` ends every session at once, as a failover or a crashed server does to its clients."""
        self._pg_ctl("-m", mode, "-w", "stop")


@contextmanager
def postgres_server():
    server = PostgresServer()
    server.init()
    server.start()
    try:
        yield server
    finally:
        with contextlib.suppress(subprocess.SubprocessError):
            server.stop("immediate")
        shutil.rmtree(server.folder, ignore_errors=True)
