import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from skills_catalog.files import DEFAULT_DATA_DIR
from skills_catalog.job_titles import INDEX_PATH, build_title_index, write_title_index

NEEDED_FILES = (
    "Occupation Data.txt",
    "Alternate Titles.txt",
    "Sample of Reported Titles.txt",
    "Related Occupations.txt",
)


class Command(BaseCommand):
    help = (
        "Write skills_catalog/data/job_titles.json.gz: normalised job titles of O*NET 29.2 (up to five words) and "
        "the occupations they name, with O*NET's closest related occupations. Derived role names map to the "
        "occupation recorded in roles_onet.json."
    )

    def add_arguments(self, parser):
        parser.add_argument("onet_dir", help="The O*NET 29.2 text folder.")

    def handle(self, *args, **options):
        onet_dir = Path(options["onet_dir"])
        absent = [name for name in NEEDED_FILES if not (onet_dir / name).exists()]
        if absent:
            raise CommandError(f"Not in {onet_dir}: {', '.join(absent)}")
        roles_onet = json.loads((Path(DEFAULT_DATA_DIR) / "roles_onet.json").read_text(encoding="utf-8"))
        index = build_title_index(onet_dir, roles_onet)
        write_title_index(index)
        titles = sum(len(names.split("|")) for names in index["titles"].values())
        self.stdout.write(f"Wrote {titles} titles to {INDEX_PATH} ({INDEX_PATH.stat().st_size} bytes)")
