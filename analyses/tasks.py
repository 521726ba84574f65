"""The worker's entry points, called by django-q2 by their dotted names: each wraps one service.

`analyses.tasks.run_analysis` is what `services.enqueue_analysis` queues; `sweep_stale` and `purge_expired` are the
schedule's (see `manage.py setup_schedules`). This module imports the services, never the other way round."""

import logging

from django.dispatch import receiver
from django_q.signals import post_spawn

from skills_catalog.job_titles import load_shipped_index
from skills_catalog.matcher import get_matcher

from . import services

logger = logging.getLogger(__name__)


def run_analysis(analysis_id):
    return services.analyse_now(analysis_id)


def sweep_stale():
    requeued, failed = services.sweep_stale_analyses()
    return f"{requeued} re-queued, {failed} marked failed"


def purge_expired():
    return f"{services.purge_expired()} analyses deleted"


@receiver(post_spawn)
def warm_up_worker(sender, proc_name=None, **kwargs):
    """Compile the catalog matcher and read the job-title index as each worker process starts, so the first analysis a
    user uploads does not pay for them (~0.5 s with the default catalog; bench/latency.py). A failure here only costs
    that first analysis."""
    try:
        get_matcher()
        load_shipped_index()
    except Exception:
        logger.exception("Could not compile the skills matcher at worker start; the first analysis will")
