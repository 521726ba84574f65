"""The demo page at `/`: the frontend's flow (upload, poll, report) in one server-rendered page."""

import json

from django.conf import settings
from django.shortcuts import render

from skills_catalog.selectors import role_names

from .pipeline.scoring import SCORE_BANDS


def demo_page(request):
    return render(
        request,
        "index.html",
        {
            "max_upload_mb": f"{settings.MAX_UPLOAD_BYTES / (1024 * 1024):g}",
            "max_job_description_chars": settings.MAX_JOB_DESCRIPTION_CHARS,
            "role_names": role_names(),
            "score_bands": json.dumps(SCORE_BANDS),
        },
    )
