"""Throttles whose counts hold when one client's requests arrive at once.

DRF's throttle reads a client's request history from the cache, decides, and writes the history back. Two requests
at once both read the same history and one write is lost: 40 parallel uploads all passed a limit of 30 a minute
(attack review). Here that read-decide-write runs as one transaction on the database holding the cache table, under
a lock: SQLite's IMMEDIATE transactions (settings) take the database's write lock when they begin; on PostgreSQL a
transaction-scoped advisory lock on the client's address serialises only that client's requests."""

import hashlib

from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.core.cache.backends.db import BaseDatabaseCache
from django.db import connections, router, transaction
from rest_framework.throttling import ScopedRateThrottle


class AtomicScopedRateThrottle(ScopedRateThrottle):
    def allow_request(self, request, view):
        scope = getattr(view, self.scope_attr, None)
        if not scope or self.THROTTLE_RATES.get(scope) is None:
            return True  # no scope or a rate of `off`: nothing to count, no transaction
        backend = caches[DEFAULT_CACHE_ALIAS]  # the cache DRF's throttles use
        if not isinstance(backend, BaseDatabaseCache):
            return super().allow_request(request, view)  # another cache backend: its own semantics
        alias = router.db_for_write(backend.cache_model_class)
        with transaction.atomic(using=alias):
            lock_client(connections[alias], "throttle", self.get_ident(request))
            return super().allow_request(request, view)


def lock_client(connection, purpose, client):
    """Inside a transaction on `connection`: on PostgreSQL, a transaction-scoped advisory lock on (`purpose`,
    `client`), which orders that client's requests for that purpose and no one else's. Elsewhere nothing: SQLite's
    IMMEDIATE transactions already hold the database's write lock."""
    if connection.vendor != "postgresql":
        return
    digest = hashlib.blake2b(f"{purpose}:{client}".encode(), digest_size=8).digest()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [int.from_bytes(digest, "big", signed=True)])
