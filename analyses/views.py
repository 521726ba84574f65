"""The demo page at `/`: the frontend's flow (upload, poll, report) in one server-rendered page."""

import json

from django.conf import settings
from django.views.generic import TemplateView

from skills_catalog.selectors import role_names

from .pipeline.scoring import SCORE_BANDS

# Everything the page loads is its own static JS and CSS (no inline code, no CDN) and it talks only to this API;
# resumes are untrusted text, so the browser is told to run nothing else.
DEMO_PAGE_CSP = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
)


class DemoPage(TemplateView):
    """GET and HEAD only: any other method is 405 with Allow."""

    template_name = "index.html"
    http_method_names = ["get", "head", "options"]

    def get_context_data(self, **kwargs):
        return {
            "max_upload_mb": f"{settings.MAX_UPLOAD_BYTES / (1024 * 1024):g}",
            "max_job_description_chars": settings.MAX_JOB_DESCRIPTION_CHARS,
            "role_names": role_names(),
            "score_bands": json.dumps(SCORE_BANDS),
        }

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        response["Content-Security-Policy"] = DEMO_PAGE_CSP
        return response


demo_page = DemoPage.as_view()
