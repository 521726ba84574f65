from django.core.management.base import BaseCommand, CommandError

from skills_catalog.files import DEFAULT_DATA_DIR, read_default_catalog
from skills_catalog.loading import load_catalog


class Command(BaseCommand):
    help = "Add the shipped default skills catalog: creates what is missing, never overwrites curators' edits."

    def add_arguments(self, parser):
        parser.add_argument(
            "--data-dir", default=str(DEFAULT_DATA_DIR), help="Folder of skills_*.json and roles.json files."
        )

    def handle(self, *args, **options):
        try:
            skills, roles = read_default_catalog(options["data_dir"])
        except (OSError, ValueError) as error:
            raise CommandError(f"Could not read the catalog data: {error}") from None
        summary = load_catalog(skills, roles, overwrite=False)
        self.stdout.write(f"Default catalog ({len(skills)} skills, {len(roles)} roles): {summary}")
        for problem in summary.problems[:20]:
            self.stdout.write(f"  - {problem}")
