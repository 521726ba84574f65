import re
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import ngettext

from analyses.services import purge_older_than

AGE_RE = re.compile(r"^\s*(\d+)\s*([dh])\s*$", re.IGNORECASE)
UNITS = {"d": "days", "h": "hours"}


class Command(BaseCommand):
    help = "Delete analyses uploaded longer ago than --older-than (e.g. 30d, 12h), with their stored files."

    def add_arguments(self, parser):
        parser.add_argument("--older-than", required=True, metavar="AGE", help="An age in days or hours: 30d, 12h.")
        parser.add_argument("--dry-run", action="store_true", help="Count what would be deleted; delete nothing.")

    def handle(self, *args, **options):
        age = parse_age(options["older_than"])
        cutoff = timezone.now() - age
        count = purge_older_than(age, dry_run=options["dry_run"])
        when = f"uploaded before {cutoff:%Y-%m-%d %H:%M} UTC"
        if options["dry_run"]:
            self.stdout.write(
                f"Dry run: would delete {count} {ngettext('analysis', 'analyses', count)} {when}, with their files."
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Deleted {count} {ngettext('analysis', 'analyses', count)} {when}, with their files."
                )
            )


def parse_age(value):
    match = AGE_RE.match(value or "")
    if not match:
        raise CommandError(f"--older-than {value!r} is not an age; use days or hours, e.g. 30d or 12h.")
    amount, unit = int(match.group(1)), match.group(2).lower()
    if amount == 0:
        raise CommandError("--older-than must be more than 0, or every analysis would be deleted.")
    return timedelta(**{UNITS[unit]: amount})
