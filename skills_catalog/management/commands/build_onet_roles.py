import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from skills_catalog.files import DEFAULT_DATA_DIR, read_default_catalog
from skills_catalog.matcher import matcher_from_rows
from skills_catalog.onet_roles import build_roles

OUTPUT = "roles_onet.json"
NEEDED_FILES = ("Occupation Data.txt", "Technology Skills.txt", "Tools Used.txt", "Task Statements.txt")


class Command(BaseCommand):
    help = (
        "Write skills_catalog/data/roles_onet.json: role profiles for professions beyond software from O*NET 29.2 "
        "(its O*NET-SOC codes recorded), with only skills the shipped catalog has. Lists the skills a profile asks for "
        "that the catalog lacks."
    )

    def add_arguments(self, parser):
        parser.add_argument("onet_dir", help="The O*NET 29.2 text folder.")
        parser.add_argument("--dry-run", action="store_true", help="Count what would be written; write nothing.")

    def handle(self, *args, **options):
        onet_dir = Path(options["onet_dir"])
        absent = [name for name in NEEDED_FILES if not (onet_dir / name).exists()]
        if absent:
            raise CommandError(f"Not in {onet_dir}: {', '.join(absent)}")
        skills, roles = read_default_catalog()
        curated = [role for role in roles if not role.get("onet_soc")]  # the previous build's rows are rebuilt
        matcher = matcher_from_rows(skills)
        built, missing = build_roles(onet_dir, skills, curated, matcher)
        target = Path(DEFAULT_DATA_DIR) / OUTPUT
        if not options["dry_run"]:
            text = "[\n" + ",\n".join(json.dumps(role, ensure_ascii=False) for role in built) + "\n]\n"
            target.write_text(text, encoding="utf-8")
        verb = "Would write" if options["dry_run"] else "Wrote"
        self.stdout.write(f"{verb} {len(built)} role profiles to {target}")
        for role, names in missing.items():
            self.stdout.write(f"  {role}: not in the catalog: {', '.join(names)}")
