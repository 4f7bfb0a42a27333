"""Copy local media (the embedded default's var/media) into the S3 bucket now configured.

Run once when moving a portal from the embedded default to production storage; running it
again copies only what is missing, so an interrupted copy can simply be restarted.
"""

from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from portal.storage import media_uses_bucket


class Command(BaseCommand):
    help = "Copy local media files into the configured S3 bucket, skipping those already there."

    def add_arguments(self, parser):
        parser.add_argument(
            "--source",
            default=str(settings.MEDIA_ROOT),
            help="Local media directory to copy from (default: MEDIA_ROOT).",
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not draw the progress bar."
        )

    def handle(self, *args, source, no_progress, **options):
        if not media_uses_bucket():
            raise CommandError(
                "Media is not stored in a bucket: set AWS_STORAGE_BUCKET_NAME (and the endpoint "
                "and keys) first, see docs/deployment.md."
            )
        root = Path(source)
        if not root.is_dir():
            raise CommandError(f"No media directory at {root}.")
        files = sorted(p for p in root.rglob("*") if p.is_file())
        copied = skipped = 0
        bar = tqdm(files, unit="file", disable=no_progress, file=self.stderr._out)
        for path in bar:
            name = path.relative_to(root).as_posix()
            bar.set_postfix_str(name[-40:], refresh=False)
            if default_storage.exists(name):
                skipped += 1
                continue
            with path.open("rb") as handle:
                stored = default_storage.save(name, File(handle, name=name))
            if stored != name:  # never happens after exists() unless a race: say so
                raise CommandError(f"{name} was stored as {stored}; stopping.")
            copied += 1
        self.stdout.write(
            self.style.SUCCESS(f"Copied {copied} file(s), skipped {skipped} already in the bucket.")
        )
