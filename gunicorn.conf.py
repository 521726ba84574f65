"""gunicorn settings for every way this project starts it (`make run`, tests, benchmarks): gunicorn reads
./gunicorn.conf.py by itself. Worker and thread counts stay on the command line."""

import socket

# Each worker listens on its own socket and the kernel spreads new connections evenly across them. Without it, the
# worker that wakes first accepts most of a burst and keeps those keep-alive connections: with 50 polling clients one
# of two workers held 44-47 of them and served them alone on one core, while the other idled (bench/http.py).
reuse_port = True

# Idle keep-alive connections stay open well past the clients' 2 s poll interval. At gunicorn's default of 2 s the
# server closed a connection just as a client reused it for the next poll, and Node's axios got ECONNRESET about once
# in 40 runs. deploy/nginx.conf keeps its own upstream connections idle for less than this, so it never races either.
keepalive = 10

# gunicorn by default believes X-Forwarded-Proto from 127.0.0.1 and then marks the request https itself. Whether a
# request came over TLS is Django's decision alone (SECURE_PROXY_SSL_HEADER), made only when it is configured.
secure_scheme_headers = {}
forwarder_headers = ""


def on_starting(server):
    """With SO_REUSEPORT the kernel would let a second server silently share a port in use; refuse as usual."""
    for address in server.cfg.address:
        if not isinstance(address, tuple):
            continue  # a unix socket: nothing to share
        family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # TIME_WAIT leftovers are fine
            try:
                probe.bind(address)
            except OSError as error:
                raise SystemExit(f"Cannot listen on {address[0]}:{address[1]}: {error.strerror}") from None


def post_worker_init(worker):
    """Import the URLconf (and with it the API, DRF and the pipeline) before the worker takes its first request:
    Django loads it lazily, which made the first request each worker served ~0.3-0.8 s slower (bench/latency.py)."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018  (the attribute access is the import)
