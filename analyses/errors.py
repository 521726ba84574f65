"""Every error the API returns is JSON: {"error": "<a sentence>", "code": "<machine-readable>"} (docs/API.md lists
them)."""

import logging

from django.db import InterfaceError, OperationalError
from django.http import Http404, JsonResponse
from rest_framework import exceptions, status
from rest_framework.response import Response

logger = logging.getLogger(__name__)


class ApiError(exceptions.APIException):
    """Raise with a status, a sentence and a code; the handler below renders it."""

    def __init__(self, status_code, message, code, **extra):
        super().__init__(detail=message, code=code)
        self.status_code = status_code
        self.extra = extra


def json_exception_handler(exc, context):
    if isinstance(exc, ApiError):
        response = Response({"error": str(exc.detail), "code": exc.get_codes(), **exc.extra}, status=exc.status_code)
        if getattr(exc, "retry_after", None):
            response["Retry-After"] = str(exc.retry_after)
        return response
    if isinstance(exc, exceptions.Throttled):
        wait = int(exc.wait or 1)
        response = Response(
            {"error": f"Too many requests. Try again in {wait} seconds.", "code": "throttled"},
            status=status.HTTP_429_TOO_MANY_REQUESTS,
        )
        response["Retry-After"] = str(wait)
        return response
    if isinstance(exc, exceptions.APIException):
        return Response({"error": _sentence(exc.detail), "code": _code(exc)}, status=exc.status_code)
    if isinstance(exc, Http404):
        return Response({"error": "Not found.", "code": "not_found"}, status=status.HTTP_404_NOT_FOUND)
    if isinstance(exc, (OperationalError, InterfaceError)):
        # The database is down or restarting: a temporary state the client can wait out, not a bug (503, not 500).
        logger.warning("Database unavailable in %s: %s", context.get("view"), exc)
        response = Response(
            {
                "error": "The database is unavailable right now. Try again in a few seconds.",
                "code": "database_unavailable",
            },
            status=status.HTTP_503_SERVICE_UNAVAILABLE,
        )
        response["Retry-After"] = "5"
        return response
    logger.exception("Unhandled error in %s", context.get("view"))
    return Response(
        {"error": "Something went wrong on our side. Please try again.", "code": "server_error"},
        status=status.HTTP_500_INTERNAL_SERVER_ERROR,
    )


def _sentence(detail):
    if isinstance(detail, list):
        return " ".join(_sentence(item) for item in detail)
    if isinstance(detail, dict):
        return " ".join(f"{key}: {_sentence(value)}" for key, value in detail.items())
    return str(detail)


def _code(exc):
    codes = exc.get_codes()
    return codes if isinstance(codes, str) else exc.default_code


def json_404(request, exception=None):
    return JsonResponse({"error": "Not found.", "code": "not_found"}, status=404)


def json_500(request):
    return JsonResponse(
        {"error": "Something went wrong on our side. Please try again.", "code": "server_error"}, status=500
    )


def json_400(request, exception=None):
    return JsonResponse({"error": "Bad request.", "code": "bad_request"}, status=400)


def json_403(request, exception=None):
    return JsonResponse({"error": "Forbidden.", "code": "forbidden"}, status=403)
