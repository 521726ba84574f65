import uuid

from django.db import models


class Status(models.TextChoices):
    PROCESSING = "processing", "Processing"
    COMPLETED = "completed", "Completed"
    FAILED = "failed", "Failed"


class Analysis(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    file = models.FileField(upload_to="resumes/", max_length=255, blank=True)  # a generated name (uploads.py)
    original_filename = models.CharField(max_length=255)
    size_bytes = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64, db_index=True)
    job_description = models.TextField(blank=True)
    target_role = models.CharField(max_length=120, blank=True)

    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PROCESSING, db_index=True)
    error = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    # A hash of the uploading client as the throttles identify it (active_limit.py); empty for rows not uploaded
    # through the API.
    client = models.CharField(max_length=32, blank=True, default="", editable=False)

    overall_score = models.PositiveSmallIntegerField(null=True, blank=True)
    summary_text = models.TextField(blank=True)
    technical_skills = models.JSONField(default=list, blank=True)
    soft_skills = models.JSONField(default=list, blank=True)
    missing_keywords = models.JSONField(default=list, blank=True)
    formatting_issues = models.JSONField(default=list, blank=True)
    details = models.JSONField(default=dict, blank=True, help_text="The report's extra fields.")
    skills_count = models.PositiveSmallIntegerField(default=0)
    catalog_version = models.PositiveIntegerField(null=True, blank=True)

    created_at = models.DateTimeField(db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    duration_ms = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "analyses"
        # For the admin's change list at 100,000+ rows: newest-first pages (the admin adds the pk as a tiebreak),
        # the status filter, and counts for the score-band and outdated-catalog filters answered from an index.
        indexes = [
            models.Index(fields=["created_at", "id"], name="analysis_created_idx"),
            models.Index(fields=["status", "created_at", "id"], name="analysis_status_created_idx"),
            models.Index(fields=["overall_score", "catalog_version"], name="analysis_score_catalog_idx"),
            models.Index(fields=["catalog_version"], name="analysis_catalog_idx"),
            # The per-client limit counts a client's analyses still processing: a few rows, whatever the history.
            models.Index(
                fields=["client"], name="analysis_active_client_idx", condition=models.Q(status=Status.PROCESSING)
            ),
        ]

    def __str__(self):
        return f"{self.original_filename} ({self.status})"
