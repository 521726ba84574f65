"""Drive Debian's headless Chromium with Playwright, for tests that need a real browser.

Never a browser Playwright downloads: `/usr/bin/chromium` (installed by `make test`), with a fresh profile per run.
"""

import functools
import shutil
import tempfile
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .live import manage, stack_env

CHROMIUM = Path("/usr/bin/chromium")
# Headless flags that work in a container without a GPU, a sandbox or a network beyond loopback.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MISSING_CHROMIUM = (
    f"The browser tests need Debian's Chromium at {CHROMIUM}, and it is missing. "
    "`make test` installs it when run as root; otherwise run `sudo apt-get install -y chromium`."
)


@contextmanager
def chromium_context(viewport=(1280, 900)):
    """A fresh headless Chromium profile (a Playwright BrowserContext), closed and deleted afterwards."""
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    try:
        with sync_playwright() as playwright:
            context = playwright.chromium.launch_persistent_context(
                profile,
                executable_path=str(CHROMIUM),
                headless=True,
                args=CHROMIUM_FLAGS,
                viewport={"width": viewport[0], "height": viewport[1]},
            )
            try:
                yield context
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def saves_screenshot_on_failure(test):
    """For a test taking the `page` fixture: when it fails, save a screenshot (pytest gives fixtures no failure)."""

    @functools.wraps(test)
    def run(*args, **kwargs):
        with screenshot_on_failure(kwargs["page"], test.__name__):
            return test(*args, **kwargs)

    return run


@contextmanager
def screenshot_on_failure(page, name):
    """Re-raise any failure after saving a full-page screenshot under a temp folder and printing its path."""
    try:
        yield
    except BaseException:
        folder = Path(tempfile.mkdtemp(prefix="browser-failure-"))
        path = folder / f"{name}-{int(time.time())}.png"
        try:
            page.screenshot(path=str(path), full_page=True)
            print(f"\nBrowser screenshot of the failure: {path}")
        except Exception as error:  # the page may be gone; the original failure matters more
            print(f"\nCould not save a failure screenshot: {error}")
        raise


_COLLECTED = []  # the STATIC_ROOT this process collected into: servers only read it, so stacks share one


def collect_static(tmp_path):
    """Run collectstatic into a temp STATIC_ROOT, as `make setup` does (once per process), and return the env
    overrides to serve it."""
    if not _COLLECTED:
        static_root = tmp_path / "static"
        env = stack_env(tmp_path / "collectstatic-var", STATIC_ROOT=static_root, DATABASE_URL="")
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        _COLLECTED.append(static_root)
    return {"STATIC_ROOT": _COLLECTED[0]}


class StaticSite:
    """Serve {path: (content type, bytes)} over HTTP on host:port from a thread; `with` yields the port.

    The port is bound at once, so a taken port raises OSError here: the caller decides what that means.
    """

    def __init__(self, files, host="127.0.0.1", port=0):
        self.server = ThreadingHTTPServer((host, port), _handler_for(files))
        self.port = self.server.server_address[1]

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self.port

    def __exit__(self, *exc_info):
        self.server.shutdown()
        self.server.server_close()


def _handler_for(files):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            path = self.path.split("?", 1)[0]
            if path not in files:
                self.send_error(404)
                return
            content_type, body = files[path]
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    return Handler
