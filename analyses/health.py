"""GET /api/v1/health: is the database reachable, how many tasks wait, when was a worker last seen."""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone
from django_q.brokers import get_broker
from django_q.conf import Conf
from django_q.models import OrmQ
from django_q.status import Stat
from rest_framework.decorators import api_view, permission_classes, throttle_classes
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from .schema import health_schema

logger = logging.getLogger(__name__)

# A running qcluster re-publishes its Stat in the shared cache every guard cycle (0.5 s) and the entry expires after
# 3 s: a cluster counts as running while its Stat is there. The newest time seen is kept, so a worker that died an
# hour ago shows as last seen an hour ago rather than never. Only a health check remembers it, so once no stat is left
# the time is when a check last saw one: the worker may have lived a little longer.
LAST_SEEN_KEY = "health:worker_last_seen"
REMEMBER_EVERY_SECONDS = 5


@health_schema
@api_view(["GET", "HEAD"])
@permission_classes([AllowAny])
@throttle_classes([])
def health(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        queue_depth = OrmQ.objects.filter(key=Conf.PREFIX).count()
    except Exception:
        logger.exception("Health check: the database is unreachable")
        body = {"status": "error", "database": "unreachable", "error": "The database is unreachable."}
        return Response({**body, "code": "database_unreachable"}, status=503)
    clusters, last_seen = _workers()
    seconds = round((timezone.now() - last_seen).total_seconds(), 1) if last_seen else None
    reason = worker_trouble(clusters, seconds, settings.WORKER_SEEN_WITHIN_SECONDS)
    return Response(
        {
            "status": "degraded" if reason else "ok",
            "database": "ok",
            "queue_depth": queue_depth,
            "workers": clusters,
            "worker_last_seen_seconds": seconds,
            "worker_seen_recently": reason is None,
            "reason": reason,
        }
    )


def worker_trouble(clusters, seconds, within):
    """Why no worker counts as seen (a sentence), or None. A cluster's stat can outlive its worker (a worker host
    whose clock runs ahead writes an expiry that is still in the future here), so a heartbeat older than `within`
    seconds is not a live worker whatever the stat count says."""
    if seconds is None:
        return "No worker has been seen since this service started; uploads wait in the queue."
    if not clusters:
        return f"No worker is running (a health check last saw one {seconds:g} seconds ago); uploads wait in the queue."
    if seconds > within:
        return (
            f"No worker has been seen for {seconds:g} seconds (the limit is {within}); uploads wait in the queue. "
            "Check that a qcluster is running and that the worker hosts' clocks agree with this one."
        )
    return None


def _workers():
    """(running qclusters, when one was last seen)."""
    try:
        stats = [stat for stat in Stat.get_all(get_broker()) if stat.status != Conf.STOPPED]
        remembered = cache.get(LAST_SEEN_KEY)
        newest = max((stat.timestamp for stat in stats), default=None)
        # Written at most every REMEMBER_EVERY_SECONDS: the cache is the database, and a write per call made parallel
        # health checks queue for SQLite's write lock, and uploads behind them.
        if newest and (remembered is None or (newest - remembered).total_seconds() > REMEMBER_EVERY_SECONDS):
            cache.set(LAST_SEEN_KEY, newest, None)
        return len(stats), newest or remembered
    except Exception:
        logger.exception("Health check: could not read worker stats from the cache")
        return 0, None
