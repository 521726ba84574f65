"""The OpenAPI description of the contract (docs/API.md): each operation's answers. The success shapes are the
serializers that render them (serializers.py); the error shapes here document what errors.py renders."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    inline_serializer,
)
from rest_framework import serializers

from .serializers import ResultSerializer, StatusSerializer, UploadAcceptedSerializer, UploadSerializer


class ErrorSerializer(serializers.Serializer):
    error = serializers.CharField(help_text="A sentence a person understands.")
    code = serializers.CharField(
        help_text="Machine-readable, e.g. not_pdf, macro_document, zip_bomb, file_too_large, throttled."
    )


class UploadRejectedSerializer(ErrorSerializer):
    valid_target_roles = serializers.ListField(
        child=serializers.CharField(), required=False, help_text="With code unknown_target_role."
    )


class NotFinishedSerializer(ErrorSerializer):
    status = serializers.ChoiceField(choices=["processing", "failed"])


def _error(description, serializer=ErrorSerializer):
    return OpenApiResponse(serializer, description=description)


THROTTLED = _error("Too many requests from this client; see the Retry-After header.")
NOT_FOUND = _error("No analysis has this id (unknown or malformed).")
RETRY_AFTER = OpenApiParameter(
    "Retry-After", OpenApiTypes.INT, OpenApiParameter.HEADER, response=[429], description="Seconds to wait."
)
TASK_ID = OpenApiParameter("task_id", OpenApiTypes.STR, OpenApiParameter.PATH, description="The upload's task_id.")

RESUME_OPERATIONS = dict(
    create=extend_schema(
        summary="Upload a resume",
        parameters=[RETRY_AFTER],
        description="Stores the resume (PDF or Word .docx), queues its analysis and answers at once with a task id.",
        request={"multipart/form-data": UploadSerializer},
        responses={
            202: UploadAcceptedSerializer,
            400: _error("No file, an empty file, or invalid form fields.", UploadRejectedSerializer),
            413: _error("The file is larger than MAX_UPLOAD_MB."),
            411: _error(
                "A chunked upload without Content-Length (Django reads a body only up to its declared length)."
            ),
            415: _error(
                "Neither a PDF nor a Word .docx by its bytes (not_pdf), a .doc or encrypted Word file "
                "(unsupported_word_format), a .docm (macro_document), or a ZIP bomb (zip_bomb)."
            ),
            429: _error(
                "Too many uploads from this client (throttled), or it already has MAX_ACTIVE_ANALYSES_PER_CLIENT "
                "analyses waiting or running (too_many_active_analyses); see the Retry-After header."
            ),
            507: _error("The upload could not be stored (storage full or not writable); nothing was kept."),
        },
    ),
    status=extend_schema(
        parameters=[TASK_ID, RETRY_AFTER],
        summary="Status of an analysis",
        responses={200: StatusSerializer, 404: NOT_FOUND, 429: THROTTLED},
    ),
    result=extend_schema(
        parameters=[TASK_ID, RETRY_AFTER],
        summary="Result of a completed analysis",
        responses={
            200: ResultSerializer,
            404: NOT_FOUND,
            409: _error("The analysis is still processing, or it failed (with its error).", NotFinishedSerializer),
            429: THROTTLED,
        },
    ),
    destroy=extend_schema(
        parameters=[TASK_ID, RETRY_AFTER],
        summary="Delete an analysis and its file",
        responses={204: None, 404: NOT_FOUND, 429: THROTTLED},
    ),
)


def resume_schema(viewset):
    """Class decorator: attach each operation's description to its handler (extend_schema_view only knows the
    standard action names, and ours are `status` and `result`)."""
    for name, annotate in RESUME_OPERATIONS.items():
        setattr(viewset, name, annotate(getattr(viewset, name)))
    return viewset


health_schema = extend_schema(
    summary="Health of the service",
    responses={
        200: inline_serializer(
            "Health",
            {
                "status": serializers.ChoiceField(choices=["ok", "degraded"]),
                "database": serializers.ChoiceField(choices=["ok"]),
                "queue_depth": serializers.IntegerField(help_text="Tasks in the queue, waiting or running."),
                "workers": serializers.IntegerField(help_text="qcluster processes seen in the last 3 seconds."),
                "worker_last_seen_seconds": serializers.FloatField(allow_null=True),
                "worker_seen_recently": serializers.BooleanField(
                    help_text="A worker's heartbeat is at most WORKER_SEEN_WITHIN_SECONDS old."
                ),
                "reason": serializers.CharField(
                    allow_null=True, help_text="Why the status is degraded, in a sentence; null when ok."
                ),
            },
        ),
        503: inline_serializer(
            "HealthDown",
            {
                "status": serializers.ChoiceField(choices=["error"]),
                "database": serializers.ChoiceField(choices=["unreachable"]),
                "error": serializers.CharField(),
                "code": serializers.CharField(),
            },
        ),
    },
)


def contract_paths(endpoints):
    """drf-spectacular preprocessing hook: the contract's paths have no trailing slash (URLs accept both), and the
    status poll, served by a plain Django view drf-spectacular cannot read, is described by the ViewSet's action."""
    endpoints = [*endpoints, status_endpoint()]
    return [(path.rstrip("/") if path != "/" else path, regex, method, view) for path, regex, method, view in endpoints]


def status_endpoint():
    from .api import ResumeViewSet  # the API module imports this one

    return (
        "/api/v1/resume/status/{task_id}",
        r"^api/v1/resume/status/(?P<task_id>[^/]+)/?$",
        "GET",
        ResumeViewSet.as_view({"get": "status"}),
    )
