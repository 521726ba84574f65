from django.conf import settings
from django.core.management.base import BaseCommand
from django_q.models import Schedule

# The worker's housekeeping, keyed by name so running this again updates rather than duplicates.
SCHEDULES = [
    {
        "name": "analyses: re-queue or fail stale analyses",
        "func": "analyses.tasks.sweep_stale",
        "schedule_type": Schedule.MINUTES,
        "minutes": 1,
    },
    {
        # Always scheduled; the task itself does nothing while RETENTION_DAYS is 0, so turning retention on or off
        # is only a change to the worker's environment.
        "name": "analyses: delete analyses older than RETENTION_DAYS",
        "func": "analyses.tasks.purge_expired",
        "schedule_type": Schedule.HOURLY,
        "minutes": None,
    },
]


class Command(BaseCommand):
    help = "Create or update the worker's schedules (stale-analysis sweep, retention purge). Safe to run again."

    def handle(self, *args, **options):
        for spec in SCHEDULES:
            fields = {key: value for key, value in spec.items() if key != "name"}
            existing = list(Schedule.objects.filter(name=spec["name"]).order_by("pk"))
            for duplicate in existing[1:]:
                duplicate.delete()
            if existing:
                Schedule.objects.filter(pk=existing[0].pk).update(repeats=-1, **fields)
                action = "updated"
            else:
                Schedule.objects.create(name=spec["name"], repeats=-1, **fields)
                action = "created"
            self.stdout.write(f"{spec['name']}: {action}")
        retention = f"after {settings.RETENTION_DAYS} days" if settings.RETENTION_DAYS > 0 else "off (RETENTION_DAYS=0)"
        self.stdout.write(f"Retention: {retention}. Stale after {settings.STALE_AFTER_SECONDS} s.")
