import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from skills_catalog.files import DEFAULT_DATA_DIR, read_default_catalog
from skills_catalog.onet import onet_rows, tool_rows
from skills_catalog.text import phrase_variants

OUTPUT = "skills_onet_software.json"
TOOLS_OUTPUT = "skills_onet_tools.json"  # from "Tools Used.txt", when the folder holds it


class Command(BaseCommand):
    help = (
        "Write skills_catalog/data/skills_onet_software.json from O*NET's Technology Skills.txt (named software) "
        "and skills_onet_tools.json from Tools Used.txt (named equipment): what the curated data files do not know "
        "yet, as resumes write them, with their O*NET commodity codes."
    )

    def add_arguments(self, parser):
        parser.add_argument("onet_dir", help='The O*NET 29.2 text folder (holds "Technology Skills.txt").')
        parser.add_argument("--dry-run", action="store_true", help="Count what would be written; write nothing.")

    def handle(self, *args, **options):
        source = Path(options["onet_dir"]) / "Technology Skills.txt"
        if not source.exists():
            raise CommandError(f"No {source.name} in {options['onet_dir']}")
        target = Path(DEFAULT_DATA_DIR) / OUTPUT
        curated, _ = read_default_catalog()
        known = set()
        for row in curated:
            if row.get("external_id", "").startswith(("onet:commodity:", "onet:tool:")):
                continue  # the previous import's own rows: rebuilt from the source, not kept as curated
            for form in (row["name"], *(row.get("aliases") or ()), *(row.get("implied_by") or ())):
                known |= phrase_variants(form)  # an implying phrase stays one: never made a name
        rows = onet_rows(source, known)
        self._write(rows, target, options["dry_run"])
        tools_source = Path(options["onet_dir"]) / "Tools Used.txt"
        if tools_source.exists():
            for row in rows:
                for form in (row["name"], *row["aliases"]):
                    known |= phrase_variants(form)
            self._write(tool_rows(tools_source, known), Path(DEFAULT_DATA_DIR) / TOOLS_OUTPUT, options["dry_run"])

    def _write(self, rows, target, dry_run):
        if not dry_run:
            target.write_text("[\n" + ",\n".join(_json(row) for row in rows) + "\n]\n", encoding="utf-8")
        verb = "Would write" if dry_run else "Wrote"
        ambiguous = sum(row["ambiguous"] for row in rows)
        self.stdout.write(f"{verb} {len(rows)} skills ({ambiguous} flagged ambiguous) to {target}")


def _json(row):
    return json.dumps(row, ensure_ascii=False)
