from django.core.management.base import BaseCommand, CommandError

from skills_catalog.files import FORMATS, CatalogFileError, read_catalog_file
from skills_catalog.loading import load_catalog


class Command(BaseCommand):
    help = (
        "Import skills (and, from JSON, role profiles) from a CSV or JSON file: upsert by canonical name, "
        "add aliases, one catalog version bump. Prints what changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="A .json or .csv catalog file (the format export_skills writes).")
        parser.add_argument("--format", choices=FORMATS, help="Override the format the file name suggests.")
        parser.add_argument("--dry-run", action="store_true", help="Report what would change; change nothing.")

    def handle(self, *args, **options):
        try:
            skills, roles = read_catalog_file(options["file"], options["format"])
        except CatalogFileError as error:
            raise CommandError(str(error)) from None
        if not skills and not roles:
            raise CommandError(f"{options['file']} holds no skills or roles.")
        summary = load_catalog(skills, roles, overwrite=True, dry_run=options["dry_run"])
        prefix = "Dry run, nothing saved. Would change: " if options["dry_run"] else "Imported: "
        self.stdout.write(f"{prefix}{summary}")
        changes = summary.changes if options["verbosity"] > 1 else summary.changes[:50]
        for change in changes:
            self.stdout.write(f"  {change}")
        if len(changes) < len(summary.changes):
            self.stdout.write(f"  … and {len(summary.changes) - len(changes)} more (use -v 2 to list all)")
        for problem in summary.problems:
            self.stderr.write(f"  problem: {problem}")
