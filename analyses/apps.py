from django.apps import AppConfig


class AnalysesConfig(AppConfig):
    name = "analyses"
    verbose_name = "Resume analyses"

    def ready(self):
        from . import tasks  # noqa: F401  (connects the worker warm-up to django-q2's post_spawn signal)
