"""One command for the whole service on one machine: gunicorn and a qcluster worker, and with --nginx the production
front (deploy/nginx.conf) before gunicorn. `make run` and `make run-nginx` start it.

SIGTERM, SIGINT (Ctrl-C) or the end of whatever started it (make) stops everything within STOP_DEADLINE_SECONDS:
each server gets SIGTERM and a few seconds to finish, then its whole process group is killed. Each server runs in its
own process group, so Ctrl-C reaches only this supervisor and the servers are stopped one by one in order (a SIGINT
to qcluster's whole group at once made its parent hang for over a minute)."""

import argparse
import contextlib
import ctypes
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
NGINX_TEMPLATE = Path(__file__).with_name("nginx.conf")
STOP_DEADLINE_SECONDS = 7  # under the 10 s promised, with room for the last SIGKILL and the reaping
GRACEFUL_SECONDS = 5  # what gunicorn gives requests in flight; qcluster gets the same before the kill
PR_SET_PDEATHSIG = 1


def main(argv=None):
    args = parse_arguments(argv)
    stop_requested = []
    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, lambda signum, frame: stop_requested.append(signum))
    die_with_parent()
    parent = os.getppid()
    servers = []
    run_dir = None
    exit_code = 0
    try:
        servers.append(("web", start(gunicorn_command(args))))
        if not args.no_worker:
            servers.append(("worker", start([sys.executable, "manage.py", "qcluster"])))
        if args.nginx:
            run_dir = nginx_run_dir()
            servers.append(("nginx", start(nginx_command(args, run_dir))))
            say(f"nginx on http://{args.nginx}/ in front of gunicorn on {args.bind}")
        while not stop_requested and os.getppid() == parent:
            exited = [(name, process.returncode) for name, process in servers if process.poll() is not None]
            if exited:
                say(", ".join(f"{name} exited with code {code}" for name, code in exited) + "; stopping the rest")
                exit_code = 1
                break
            time.sleep(0.2)
    finally:
        stop(servers)
        if run_dir:
            shutil.rmtree(run_dir, ignore_errors=True)
    return exit_code


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bind", default="127.0.0.1:8000", help="gunicorn's address (behind nginx: the upstream)")
    parser.add_argument("--web-workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--nginx", metavar="HOST:PORT", help="also start Debian's nginx in front, listening here")
    parser.add_argument("--no-worker", action="store_true", help="web only (workers run on other machines)")
    return parser.parse_args(argv)


def gunicorn_command(args):
    return [
        str(BIN / "gunicorn"), "resumeapi.wsgi", "--bind", args.bind, "--workers", str(args.web_workers),
        "--threads", str(args.threads), "--access-logfile", "-", "--graceful-timeout", str(GRACEFUL_SECONDS),
    ]  # fmt: skip


def nginx_command(args, run_dir):
    binary = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")
    if not binary:
        raise SystemExit("nginx is not installed: `make nginx` as root (Debian's nginx), or apt-get install nginx")
    config = run_dir / "nginx.conf"
    config.write_text(nginx_config(listen=args.nginx, upstream=args.bind, run_dir=run_dir))
    check = subprocess.run([binary, "-t", "-q", "-p", str(run_dir), "-c", str(config), "-e", "stderr"], check=False)
    if check.returncode != 0:
        raise SystemExit(f"nginx refused the configuration {config}")
    return [binary, "-p", str(run_dir), "-c", str(config), "-e", "stderr", "-g", "daemon off;"]


def nginx_config(listen, upstream, run_dir):
    """deploy/nginx.conf with this machine's addresses, runtime folder and the upload limit from the settings."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resumeapi.settings")
    from django.conf import settings

    max_upload_mb = settings.MAX_UPLOAD_BYTES / (1024 * 1024)
    values = {
        "USER": f"user {nginx_user()};" if os.geteuid() == 0 else "",
        "RUN_DIR": str(run_dir),
        "LISTEN": listen,
        "UPSTREAM": upstream,
        "MAX_UPLOAD_MB": f"{max_upload_mb:g}",
        "MAX_BODY_MB": str(int(max_upload_mb) + 2),
    }
    text = NGINX_TEMPLATE.read_text()
    for name, value in values.items():
        text = text.replace(f"@@{name}@@", value)
    return text


def nginx_user():
    """As root, nginx's workers drop to Debian's www-data (or nobody)."""
    for name in ("www-data", "nobody"):
        with contextlib.suppress(KeyError):
            return pwd.getpwnam(name).pw_name
    return "nobody"


def nginx_run_dir():
    """nginx's pid file and temp folders (request bodies): a private folder its workers can write."""
    run_dir = Path(tempfile.mkdtemp(prefix="resumeapi-nginx-"))
    if os.geteuid() == 0:
        user = pwd.getpwnam(nginx_user())
        os.chown(run_dir, user.pw_uid, user.pw_gid)
    return run_dir


def start(command):
    return subprocess.Popen(command, cwd=ROOT, start_new_session=True, preexec_fn=die_with_parent)


def stop(servers):
    """SIGTERM to each server's main process (nginx first, so no new request reaches gunicorn), then SIGKILL to the
    process group of any still running at the deadline."""
    deadline = time.monotonic() + STOP_DEADLINE_SECONDS
    for _, process in reversed(servers):
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                process.send_signal(signal.SIGTERM)
    for name, process in servers:
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=max(0.0, deadline - time.monotonic()))
        if process.poll() is None:
            say(f"{name} did not stop within {STOP_DEADLINE_SECONDS} s: killed")
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)  # its workers too, even when the main process did exit
        process.wait()


def die_with_parent():
    """Linux: get SIGTERM when the parent process ends, so nothing outlives a make that was killed."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def say(message):
    print(f"serve: {message}", file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
