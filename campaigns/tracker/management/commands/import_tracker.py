"""manage.py import_tracker FILE.csv --kind needs|contributions|deliveries --partner SLUG"""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from campaigns.tracker.import_columns import KINDS
from campaigns.tracker.import_files import ImportRefused
from campaigns.tracker.imports import run_import


class Command(BaseCommand):
    help = (
        "Import a partner organisation's needs, contributions or deliveries from a CSV file. "
        "Every row is checked first; if any row is bad, nothing is imported and each bad row "
        "and field is reported. Rows whose reference was already imported are skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV file with a header row (docs/tracker.md)")
        parser.add_argument("--kind", required=True, choices=KINDS)
        parser.add_argument("--partner", required=True, help="the partner page's slug")
        parser.add_argument("--campaign", help="campaign slug for rows without one")
        parser.add_argument("--dry-run", action="store_true", help="check only, keep nothing")
        parser.add_argument("--no-progress", action="store_true", help="hide the progress bar")
        parser.add_argument(
            "--background",
            action="store_true",
            help="hand the file to the task queue and return at once (see the admin's task report)",
        )

    def handle(self, *args, **options):
        if options["background"]:
            return self.enqueue(options)

        def progress(rows):
            return tqdm(
                rows, desc=options["kind"], unit="row", file=self.stderr._out,
                disable=options["no_progress"],
            )  # fmt: skip

        try:
            report = run_import(
                options["file"], options["kind"], options["partner"],
                campaign=options["campaign"], progress=progress, dry_run=options["dry_run"],
            )  # fmt: skip
        except ImportRefused as error:
            raise CommandError(str(error)) from error
        except OSError as error:
            raise CommandError(f"Cannot read {options['file']}: {error}") from error
        if not report.ok:
            for line, field, message in report.errors:
                self.stderr.write(f"line {line}: {field}: {message}")
            bad_lines = len({line for line, _f, _m in report.errors})
            raise CommandError(
                f"{bad_lines} bad row(s): nothing was imported. Fix them and run again."
            )
        verb = "would be imported" if options["dry_run"] else "imported"
        self.stdout.write(
            self.style.SUCCESS(
                f"{report.imported} row(s) {verb}, {report.skipped} already imported (skipped)."
            )
        )

    def enqueue(self, options):
        from campaigns.tracker.tasks import import_tracker_file, store_upload

        try:
            with open(options["file"], "rb") as handle:
                stored = store_upload(options["file"], handle)
        except OSError as error:
            raise CommandError(f"Cannot read {options['file']}: {error}") from error
        result = import_tracker_file.enqueue(
            stored, options["kind"], options["partner"],
            campaign=options["campaign"], dry_run=options["dry_run"],
        )  # fmt: skip
        self.stdout.write(f"Import queued as task {result.id}.")
