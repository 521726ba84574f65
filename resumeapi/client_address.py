"""One answer to "which address is this client?" for the throttles and the admin lockout alike."""

from rest_framework.throttling import BaseThrottle


def client_address(request):
    """REMOTE_ADDR, or with NUM_PROXIES set the X-Forwarded-For entry our own outermost proxy wrote: the rule DRF's
    throttles apply, so a client locked out of the admin cannot reappear under an invented address."""
    return BaseThrottle().get_ident(request)
