"""Plain functions that change analyses; the API, admin, commands and worker all call these."""

from django.core.files.storage import default_storage
from django.db import transaction


def delete_analysis(analysis):
    """Delete the row and its stored file. The file goes only once the row's deletion has committed."""
    name = analysis.file.name
    with transaction.atomic():
        analysis.delete()
        if name:
            transaction.on_commit(lambda: default_storage.delete(name))
