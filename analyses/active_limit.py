"""How many analyses one client may have waiting or running at once (MAX_ACTIVE_ANALYSES_PER_CLIENT).

The upload throttle counts requests, not the worker time they cost: a client sending files built to run to the
time limit, within the throttle, kept the workers busy and everyone else's analyses waited. A client is told apart
as the throttles tell it (throttling.py: its address, through NUM_PROXIES); the row keeps a hash of it, never the
address itself. The count and the new row's INSERT happen in one transaction (services.create_analysis), so
parallel uploads cannot all read the same count and pass together."""

import hashlib

from django.conf import settings
from django.db import connection

from .errors import ApiError
from .models import Analysis, Status
from .throttling import AtomicScopedRateThrottle, lock_client

# What a 429 asks the client to wait: a normal analysis takes a second or two, and the frontend polls every 2 s.
RETRY_AFTER_SECONDS = 10


class TooManyActiveAnalyses(ApiError):
    def __init__(self, limit):
        super().__init__(
            429,
            f"You already have {limit} analyses waiting or running. "
            "Wait until one of them finishes, then upload again.",
            "too_many_active_analyses",
        )
        self.retry_after = RETRY_AFTER_SECONDS


def client_key(request):
    """The client as the throttles identify it, hashed: what the row stores and the limit counts."""
    ident = AtomicScopedRateThrottle().get_ident(request)
    return hashlib.blake2b(f"client:{ident}".encode(), digest_size=16).hexdigest()


def admit(client):
    """Raise TooManyActiveAnalyses when `client` already has the most analyses `processing` it may have.

    Call inside the transaction that inserts the new row. SQLite's IMMEDIATE transactions already hold the
    database's write lock; on PostgreSQL a transaction-scoped advisory lock on the client orders that client's
    uploads (and no one else's)."""
    limit = settings.MAX_ACTIVE_ANALYSES_PER_CLIENT
    if limit <= 0 or not client:
        return
    lock_client(connection, "active", client)
    if Analysis.objects.filter(client=client, status=Status.PROCESSING).count() >= limit:
        raise TooManyActiveAnalyses(limit)
