from django.apps import AppConfig


class SkillsCatalogConfig(AppConfig):
    name = "skills_catalog"
    verbose_name = "Skills catalog"

    def ready(self):
        from . import signals  # noqa: F401
