import io

from django.core.management.base import BaseCommand, CommandError

from skills_catalog.files import FORMATS, CatalogFileError, guess_format, write_catalog_file
from skills_catalog.loading import export_rows


class Command(BaseCommand):
    help = "Export the skills catalog (JSON: skills and role profiles; CSV: skills) to a file or standard output."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="A .json or .csv file; standard output when left out.")
        parser.add_argument("--format", choices=FORMATS, help="json (default on standard output) or csv.")
        parser.add_argument("--active-only", action="store_true", help="Leave out deactivated skills.")

    def handle(self, *args, **options):
        path = options["file"]
        try:
            fmt = guess_format(path, options["format"]) if path else (options["format"] or "json")
        except CatalogFileError as error:
            raise CommandError(str(error)) from None
        skills, roles = export_rows(active_only=options["active_only"])
        if not path:
            buffer = io.StringIO()
            write_catalog_file(buffer, skills, roles, fmt)
            self.stdout.write(buffer.getvalue(), ending="")
            return
        try:
            with open(path, "w", encoding="utf-8", newline="") as stream:
                write_catalog_file(stream, skills, roles, fmt)
        except OSError as error:
            raise CommandError(f"Cannot write {path}: {error}") from None
        extra = f" and {len(roles)} role profiles" if fmt == "json" else " (CSV holds skills only)"
        self.stderr.write(f"Exported {len(skills)} skills{extra} to {path}.")
