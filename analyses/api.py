"""The contract's endpoints (docs/API.md, /api/v1/docs/): upload, status, result, plus delete."""

import uuid
from collections import namedtuple

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import connection
from django.http import JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from rest_framework import status as http
from rest_framework.exceptions import Throttled
from rest_framework.parsers import FormParser
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.viewsets import ViewSet

from .active_limit import client_key
from .errors import ApiError, json_exception_handler
from .models import Analysis, Status
from .schema import resume_schema
from .serializers import (
    ResultSerializer,
    StatusSerializer,
    UploadAcceptedSerializer,
    UploadSerializer,
    file_too_large,
)
from .services import create_analysis, delete_analysis
from .throttling import AtomicScopedRateThrottle
from .uploads import CheckedMultiPartParser, SizeLimitUploadHandler

# Multipart overhead plus the optional text fields allowed on top of the file limit before we stop reading.
FORM_OVERHEAD_BYTES = 256 * 1024


@resume_schema
class ResumeViewSet(ViewSet):
    throttle_classes = [AtomicScopedRateThrottle]
    parser_classes = [CheckedMultiPartParser, FormParser]

    def get_throttles(self):
        self.throttle_scope = "upload" if self.action == "create" else "poll"
        return super().get_throttles()

    def initialize_request(self, request, *args, **kwargs):
        if request.method == "POST":
            limit = settings.MAX_UPLOAD_BYTES + FORM_OVERHEAD_BYTES
            request.upload_handlers.insert(0, SizeLimitUploadHandler(request, limit))
        return super().initialize_request(request, *args, **kwargs)

    def create(self, request):
        fields = UploadSerializer.validated(_read_form(request))
        try:
            analysis = create_analysis(
                fields["file"], fields["job_description"], fields["target_role"], client=client_key(request)
            )
        except OSError:  # uploads.StorageError, whatever the storage backend
            raise ApiError(
                507, "The server could not store the upload (storage full or not writable). Try again later.", "storage"
            ) from None
        return Response(UploadAcceptedSerializer.render(analysis, request), status=http.HTTP_202_ACCEPTED)

    # Describes the poll in the OpenAPI schema only (schema.status_endpoint); StatusView below serves it.
    def status(self, request, task_id):
        return Response(StatusSerializer.render(_get_status(task_id)))

    def result(self, request, task_id):
        analysis = _get_analysis(task_id)
        if analysis.status == Status.PROCESSING:
            raise ApiError(409, "The analysis is not finished yet.", "not_ready", status="processing")
        if analysis.status == Status.FAILED:
            raise ApiError(409, analysis.error or "The analysis failed.", "analysis_failed", status="failed")
        return Response(ResultSerializer.render(analysis))

    def destroy(self, request, task_id):
        analysis = _get_analysis(task_id)
        delete_analysis(analysis)
        return Response(status=http.HTTP_204_NO_CONTENT)


@method_decorator(csrf_exempt, name="dispatch")  # as DRF views are: a POST here gets its 405, not a CSRF 403
class StatusView(View):
    """GET /api/v1/resume/status/<task_id>: the frontend polls it every 2 s, so it is a plain Django view answering
    what the DRF action answered, byte for byte (tests/test_status.py): DRF's dispatch (request wrapper, content
    negotiation, throttle machinery, renderer) cost a quarter of a poll (docs/performance.md). The throttle is the
    API's scoped throttle (throttling.py) with the "poll" scope, applied first, as DRF applies it. One difference:
    DRF answered 406 to an Accept header that excluded JSON; this answers JSON whatever the Accept header says."""

    http_method_names = ["get", "head", "options"]
    throttle_scope = "poll"

    def dispatch(self, request, *args, **kwargs):
        try:
            _check_poll_throttle(request, self)
            response = super().dispatch(request, *args, **kwargs)
        except Exception as error:  # 404, 405, 429, 503, 500: the same answers, through the same handler, as DRF's
            response = _error_answer(error, self)
        response["Allow"] = STATUS_ALLOW
        return response

    def get(self, request, task_id):
        return json_answer(StatusSerializer.render(_get_status(task_id)))

    def options(self, request, *args, **kwargs):
        return json_answer(STATUS_METADATA)

    def http_method_not_allowed(self, request, *args, **kwargs):
        raise ApiError(405, f'Method "{request.method}" not allowed.', "method_not_allowed")


STATUS_ALLOW = "GET, HEAD, OPTIONS"
# What DRF's OPTIONS answered for this endpoint (its SimpleMetadata for the ViewSet).
STATUS_METADATA = {
    "name": "Resume",
    "description": "",
    "renders": ["application/json"],
    "parses": ["multipart/form-data", "application/x-www-form-urlencoded"],
}


class PollThrottle(AtomicScopedRateThrottle):
    """DRF's scoped throttle for a plain Django request. The API has no authentication (DRF saw no user), so the
    client is its address; asking Django's `request.user` would load the session and add `Vary: Cookie`."""

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


def _check_poll_throttle(request, view):
    throttle = PollThrottle()
    if not throttle.allow_request(request, view):
        raise Throttled(throttle.wait())


def _error_answer(error, view):
    """The API's JSON error (errors.json_exception_handler), rendered as DRF renders it."""
    response = json_exception_handler(error, {"view": view})
    response.accepted_renderer = JSONRenderer()
    response.accepted_media_type = JSONRenderer.media_type
    response.renderer_context = {}
    return response.render()


def json_answer(data):
    """A 200 JSON answer as DRF's JSONRenderer writes it: compact, and UTF-8 rather than \\u escapes."""
    return JsonResponse(data, json_dumps_params={"separators": (",", ":"), "ensure_ascii": False})


def _read_form(request):
    """The multipart form, read with the size limit applied (a body over it is never read to the end)."""
    _reject_oversized_body(request)
    try:
        form = request.data
    except ApiError:
        raise
    except RequestDataTooBig:
        # Only the text fields count towards Django's in-memory form limit; the file streams to disk.
        raise ApiError(
            400,
            f"The job description is too long (at most {settings.MAX_JOB_DESCRIPTION_CHARS} characters).",
            "job_description_too_long",
        ) from None
    except Exception:
        if getattr(request._request, "upload_too_large", False):
            raise file_too_large() from None
        raise ApiError(400, "The upload could not be read as multipart/form-data.", "bad_upload") from None
    if getattr(request._request, "upload_too_large", False):
        raise file_too_large()
    _reject_malformed_form(request, form)
    return form


def _reject_malformed_form(request, form):
    """Django's multipart parser skips what it cannot read instead of refusing it: a body with the wrong boundary, or
    whose file part never ends, reads as a form without a file (`no_file` would blame the client's field name), and
    of two `file` fields the last one wins (an analysis of a file the client may not have meant)."""
    if not request.FILES and getattr(request, "multipart_complete", True) is False:
        raise ApiError(
            400,
            "The upload could not be read as multipart/form-data: the body never reaches the closing boundary named "
            "in its Content-Type header, so no file could be read from it.",
            "bad_upload",
        )
    files = len(request.FILES.getlist("file"))
    if files > 1:
        raise ApiError(400, f'The upload has {files} "file" fields. Send one resume per request.', "bad_upload")


def _reject_oversized_body(request):
    if not request.META.get("CONTENT_LENGTH") and "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower():
        # Django reads a WSGI body only up to its declared length, so a chunked upload would arrive empty.
        raise ApiError(
            411, "Send the upload with a Content-Length header; chunked uploads are not supported.", "length_required"
        )
    declared = request.META.get("CONTENT_LENGTH") or "0"
    if declared.isdigit() and int(declared) > settings.MAX_UPLOAD_BYTES + FORM_OVERHEAD_BYTES:
        raise file_too_large()


def _get_status(task_id):
    """The status poll's read: the frontend polls every 2 s, and building this query through the ORM cost ten times
    running it (~0.4 ms against 0.03 ms; bench/http.py), so the one primary-key read is written out once."""
    key = _parse_id(task_id)
    with connection.cursor() as cursor:
        cursor.execute(STATUS_SQL, {"id": Analysis._meta.pk.get_db_prep_value(key, connection)})
        row = cursor.fetchone()
    if row is None:
        raise _not_found()
    return StatusRow(*row)  # not an Analysis: building a model instance (20-odd field defaults) cost 9% of the poll


StatusRow = namedtuple("StatusRow", ["status", "error"])


# A named parameter: Django's SQLite backend rewrites positional `%s` placeholders with a regex on every query
# (21 us under load, ~5% of a poll in process) but named ones with one `%` format (3 us). PostgreSQL takes either.
STATUS_SQL = "SELECT {status}, {error} FROM {table} WHERE {pk} = %(id)s".format(
    table=connection.ops.quote_name(Analysis._meta.db_table),
    status=connection.ops.quote_name(Analysis._meta.get_field("status").column),
    error=connection.ops.quote_name(Analysis._meta.get_field("error").column),
    pk=connection.ops.quote_name(Analysis._meta.pk.column),
)


def _parse_id(task_id):
    try:
        return uuid.UUID(str(task_id))
    except ValueError:
        raise _not_found() from None


def _not_found():
    return ApiError(404, "No analysis has this id.", "not_found")


def _get_analysis(task_id):
    analysis = Analysis.objects.filter(pk=_parse_id(task_id)).first()
    if analysis is None:
        raise _not_found()
    return analysis
