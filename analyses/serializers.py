"""The API's shapes, each written once: the upload's input (validated here, field by field) and the three answers
(upload accepted, status, result). Each output serializer both renders its response and documents it in the
OpenAPI schema (drf-spectacular reads the declared fields); the contract is docs/API.md and /api/v1/docs/."""

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.fields import empty

from skills_catalog.selectors import canonical_role_name, role_names

from .errors import ApiError
from .filetypes import Refused, sniff
from .models import Status


def file_too_large():
    megabytes = settings.MAX_UPLOAD_BYTES / (1024 * 1024)
    return ApiError(413, f"The file is too large. The limit is {megabytes:g} MB.", "file_too_large")


class ResumeFileField(serializers.FileField):
    """The resume. Each problem has its own status and code, so it is raised at once: a bad file is the answer
    even when other fields are wrong too."""

    def run_validation(self, data=empty):
        if not isinstance(data, UploadedFile):
            raise ApiError(400, 'No file was uploaded. Send the resume as the form field "file".', "no_file")
        if data.size == 0:
            raise ApiError(400, "The uploaded file is empty.", "empty_file")
        if data.size > settings.MAX_UPLOAD_BYTES:
            raise file_too_large()
        try:
            data.file_kind = sniff(data)  # "pdf" | "docx": the stored name's extension and the pipeline follow it
        except Refused as refused:
            raise ApiError(415, refused.message, refused.code) from None
        return data


class UploadSerializer(serializers.Serializer):
    """A resume upload, as multipart/form-data."""

    # Field errors (e.g. a target_role over 120 characters) become one `invalid_fields` answer (the view); the checks
    # in `validate` run only once every field is well-formed, and a bad file is raised before either.

    file = ResumeFileField(
        help_text="The resume: a PDF (text or scanned; scans are read by OCR) or a Word .docx, told apart by its bytes."
    )
    job_description = serializers.CharField(required=False, allow_blank=True, help_text="Extra: text of a job ad.")
    target_role = serializers.CharField(
        required=False, allow_blank=True, max_length=120, help_text="Extra: a role profile name from the catalog."
    )

    def validate(self, attrs):
        job_description = attrs.get("job_description", "")
        if len(job_description) > settings.MAX_JOB_DESCRIPTION_CHARS:
            raise ApiError(
                400,
                f"The job description is too long (at most {settings.MAX_JOB_DESCRIPTION_CHARS} characters).",
                "job_description_too_long",
            )
        target_role = attrs.get("target_role", "")
        if target_role:
            canonical = canonical_role_name(target_role)
            if canonical is None:
                raise ApiError(
                    400,
                    f'Unknown target_role "{target_role}". Use one of the role names listed in valid_target_roles.',
                    "unknown_target_role",
                    valid_target_roles=role_names(),
                )
            target_role = canonical
        return {**attrs, "job_description": job_description, "target_role": target_role}

    @staticmethod
    def validated(form):
        """The form's validated fields, or the one `invalid_fields` answer (a bad file raises its own first). One
        shared instance validates every upload: a serializer per request deep-copies its declared fields, ~6% of an
        upload's CPU (docs/performance.md). Validation keeps no state on the instance, so threads can share it."""
        try:
            return _UPLOAD_VALIDATOR.run_validation(form)
        except serializers.ValidationError as error:
            raise invalid_fields(error.detail) from None


_UPLOAD_VALIDATOR = UploadSerializer()


def invalid_fields(errors):
    """The one answer for form fields DRF itself rejected: every field's messages in one sentence."""
    text = " ".join(f"{field}: {' '.join(str(m) for m in messages)}" for field, messages in errors.items())
    return ApiError(400, "Invalid form fields: " + text, "invalid_fields")


UPLOAD_MESSAGE = "Upload successful, analysis started."


class UploadAcceptedSerializer(serializers.Serializer):
    """The upload is stored and its analysis queued: poll status_url, then fetch result_url."""

    # Rendered with the request in the context: the URLs are absolute.

    task_id = serializers.UUIDField(source="id")
    status = serializers.ChoiceField(choices=[Status.PROCESSING])
    message = serializers.SerializerMethodField()
    status_url = serializers.SerializerMethodField()
    result_url = serializers.SerializerMethodField()

    @staticmethod
    def render(analysis, request):
        """The 202 body, built directly: a serializer per upload (deep-copied fields, five method fields) cost more
        than the row's INSERT (docs/performance.md). to_representation below gives the same dict."""
        return {
            "task_id": str(analysis.id),
            "status": Status.PROCESSING.value,
            "message": UPLOAD_MESSAGE,
            "status_url": request.build_absolute_uri(f"/api/v1/resume/status/{analysis.id}"),
            "result_url": request.build_absolute_uri(f"/api/v1/resume/result/{analysis.id}"),
        }

    def get_message(self, analysis) -> str:
        return UPLOAD_MESSAGE

    @extend_schema_field(OpenApiTypes.URI)
    def get_status_url(self, analysis):
        return self.context["request"].build_absolute_uri(f"/api/v1/resume/status/{analysis.id}")

    @extend_schema_field(OpenApiTypes.URI)
    def get_result_url(self, analysis):
        return self.context["request"].build_absolute_uri(f"/api/v1/resume/result/{analysis.id}")


class StatusSerializer(serializers.Serializer):
    """Where an analysis is: processing, completed or failed (then with the reason)."""

    status = serializers.ChoiceField(choices=Status.choices)
    error = serializers.CharField(required=False, help_text="Only when failed: why, in a sentence.")

    @staticmethod
    def render(row):
        """The answer for the poll's two-column read (api.StatusRow). The view calls this directly: the frontend
        polls every 2 s, and building a serializer instance cost ~75 us against ~1 us for this dict."""
        if row.status == Status.FAILED:
            return {"status": row.status, "error": row.error}
        return {"status": row.status}

    def to_representation(self, row):
        return self.render(row)


class IsoDateTimeField(serializers.DateTimeField):
    """Python's ISO 8601 (`+00:00`), as the result has always given, rather than DRF's `Z`."""

    def to_representation(self, value):
        return value.isoformat() if value else None


class ResultSerializer(serializers.Serializer):
    """The report of a completed analysis: the contract's seven fields, then additive extras (the ones below and
    others such as findings, contact, sections, layout and timings_ms)."""

    # After the declared fields, every key of the pipeline's `details` is passed through as it was stored.

    id = serializers.UUIDField()
    overall_score = serializers.IntegerField(min_value=0, max_value=100)
    summary_text = serializers.CharField()
    technical_skills = serializers.ListField(child=serializers.CharField())
    soft_skills = serializers.ListField(child=serializers.CharField())
    missing_keywords = serializers.ListField(child=serializers.CharField())
    formatting_issues = serializers.ListField(child=serializers.CharField())
    # Extras, additive to the contract.
    status = serializers.ChoiceField(choices=[Status.COMPLETED], required=False)
    original_filename = serializers.CharField(required=False)
    created_at = IsoDateTimeField(required=False)
    finished_at = IsoDateTimeField(required=False, allow_null=True)
    duration_ms = serializers.IntegerField(required=False, allow_null=True)
    catalog_version = serializers.IntegerField(required=False, allow_null=True)
    score_breakdown = serializers.DictField(
        child=serializers.IntegerField(), source="details.score_breakdown", required=False
    )

    @staticmethod
    def render(analysis):
        """The result's body. One shared instance renders every result: building a serializer per request
        deep-copies its declared fields, which cost ten times the rendering itself (~2.5 ms against ~0.2 ms)."""
        return _RESULT_RENDERER.to_representation(analysis)

    def to_representation(self, analysis):
        body = super().to_representation(analysis)
        for key, value in (analysis.details or {}).items():
            body.setdefault(key, value)  # the row's own catalog_version (the same number) comes first
        return body


_RESULT_RENDERER = ResultSerializer()
