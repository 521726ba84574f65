"""The contract's endpoints (docs/API.md, /api/v1/docs/): upload, status, result, plus delete."""

import uuid
from collections import namedtuple

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import connection
from rest_framework import status as http
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.viewsets import ViewSet

from .errors import ApiError
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
from .uploads import SizeLimitUploadHandler

# Multipart overhead plus the optional text fields allowed on top of the file limit before we stop reading.
FORM_OVERHEAD_BYTES = 256 * 1024


@resume_schema
class ResumeViewSet(ViewSet):
    throttle_classes = [ScopedRateThrottle]

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
            analysis = create_analysis(fields["file"], fields["job_description"], fields["target_role"])
        except OSError:  # uploads.StorageError, whatever the storage backend
            raise ApiError(
                507, "The server could not store the upload (storage full or not writable). Try again later.", "storage"
            ) from None
        return Response(UploadAcceptedSerializer.render(analysis, request), status=http.HTTP_202_ACCEPTED)

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
    return form


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
        cursor.execute(STATUS_SQL, [Analysis._meta.pk.get_db_prep_value(key, connection)])
        row = cursor.fetchone()
    if row is None:
        raise _not_found()
    return StatusRow(*row)  # not an Analysis: building a model instance (20-odd field defaults) cost 9% of the poll


StatusRow = namedtuple("StatusRow", ["status", "error"])


STATUS_SQL = "SELECT {status}, {error} FROM {table} WHERE {pk} = %s".format(
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
