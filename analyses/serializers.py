from rest_framework import serializers

from .models import Status


class UploadSerializer(serializers.Serializer):
    """The optional text fields of an upload; the file itself is checked in the view, byte by byte."""

    job_description = serializers.CharField(required=False, allow_blank=True, trim_whitespace=True)
    target_role = serializers.CharField(required=False, allow_blank=True, max_length=120)


def status_body(analysis):
    body = {"status": analysis.status}
    if analysis.status == Status.FAILED:
        body["error"] = analysis.error
    return body


def result_body(analysis):
    details = analysis.details or {}
    return {
        "id": str(analysis.id),
        "overall_score": analysis.overall_score,
        "summary_text": analysis.summary_text,
        "technical_skills": analysis.technical_skills,
        "soft_skills": analysis.soft_skills,
        "missing_keywords": analysis.missing_keywords,
        "formatting_issues": analysis.formatting_issues,
        # Extras, additive to the contract.
        "status": analysis.status,
        "original_filename": analysis.original_filename,
        "created_at": analysis.created_at.isoformat(),
        "finished_at": analysis.finished_at.isoformat() if analysis.finished_at else None,
        "duration_ms": analysis.duration_ms,
        "catalog_version": analysis.catalog_version,
        **{key: value for key, value in details.items() if key != "catalog_version"},
    }
