from django.core.management.base import BaseCommand, CommandError

from analyses.services import stale_analyses, sweep_stale_analyses


class Command(BaseCommand):
    help = (
        "Re-queue analyses left `processing` by a worker that vanished, or mark them failed after their last attempt. "
        "The worker's schedule runs this every minute (see `setup_schedules`)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--stale-after",
            type=int,
            metavar="SECONDS",
            help="Consider an analysis stale after this many seconds (default: the STALE_AFTER_SECONDS setting).",
        )
        parser.add_argument("--dry-run", action="store_true", help="List the stale analyses; change nothing.")

    def handle(self, *args, **options):
        stale_after = options["stale_after"]
        if stale_after is not None and stale_after < 1:
            raise CommandError("--stale-after must be at least 1 second.")
        if options["dry_run"]:
            rows = stale_analyses(stale_after)
            self.stdout.write(f"Dry run: {len(rows)} stale analyses.")
            for pk, attempts, _ in rows:
                self.stdout.write(f"  {pk}  attempts {attempts}")
            return
        requeued, failed = sweep_stale_analyses(stale_after)
        self.stdout.write(self.style.SUCCESS(f"Stale analyses: {requeued} re-queued, {failed} marked failed."))
