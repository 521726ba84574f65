from django.contrib import admin
from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from analyses.api import ResumeViewSet, StatusView
from analyses.health import health
from analyses.views import demo_page

upload = ResumeViewSet.as_view({"post": "create"})
status = StatusView.as_view()
result = ResumeViewSet.as_view({"get": "result"})
delete = ResumeViewSet.as_view({"delete": "destroy"})


class SwaggerDocs(SpectacularSwaggerView):
    """The docs page is HTML for GET only: DRF's OPTIONS metadata has no template to render into (it was a 500)."""

    http_method_names = ["get", "head"]


urlpatterns = [
    # The contract's paths, with or without a trailing slash.
    re_path(r"^api/v1/resume/upload/?$", upload, name="resume-upload"),
    re_path(r"^api/v1/resume/status/(?P<task_id>[^/]+)/?$", status, name="resume-status"),
    re_path(r"^api/v1/resume/result/(?P<task_id>[^/]+)/?$", result, name="resume-result"),
    re_path(r"^api/v1/resume/(?P<task_id>[^/]+)/?$", delete, name="resume-delete"),
    re_path(r"^api/v1/health/?$", health, name="health"),
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/v1/docs/", SwaggerDocs.as_view(url_name="schema"), name="docs"),
    path("admin/", admin.site.urls),
    path("", demo_page, name="demo"),
]

handler400 = "analyses.errors.json_400"
handler403 = "analyses.errors.json_403"
handler404 = "analyses.errors.json_404"
handler500 = "analyses.errors.json_500"
