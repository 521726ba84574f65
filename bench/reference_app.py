"""The benchmark's reference: minimal Django JSON views served by the project's own settings (same middleware,
same database settings) under the same gunicorn settings, so `bench/http.py` can report the API's throughput as a
share of what this Django stack does with nothing to do. Never part of the service: gunicorn loads it only when
the benchmark starts it as `bench.reference_app:application`."""

import os

import django
from django.conf import settings
from django.http import JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resumeapi.settings")
django.setup()
settings.ROOT_URLCONF = __name__  # only these two views; set before the first request builds the resolver


def status(request, task_id):
    return JsonResponse({"status": "completed"})


@csrf_exempt  # as DRF views are
def upload(request):
    """Parse the multipart body as any Django view must, and answer; no checks, no storage, no database."""
    uploaded = request.FILES.get("file")
    return JsonResponse({"name": uploaded.name if uploaded else None, "size": uploaded.size if uploaded else 0},
                        status=202)  # fmt: skip


urlpatterns = [
    path("reference/status/<str:task_id>", status),
    path("reference/upload", upload),
]

from django.core.wsgi import get_wsgi_application  # noqa: E402  (after the URLconf above exists)

application = get_wsgi_application()
