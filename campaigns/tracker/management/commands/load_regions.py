"""Create the shipped regions of the 22 Arab League states that are missing."""

from django.core.management.base import BaseCommand

from campaigns.tracker.data import load_regions
from campaigns.tracker.models import Region


class Command(BaseCommand):
    help = (
        "Create the first-level regions of the 22 Arab League states that are missing "
        "(campaigns/tracker/data/regions.csv). Names corrected in the admin are kept "
        "unless --update is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--update", action="store_true", help="Overwrite names with the shipped ones."
        )

    def handle(self, *args, update=False, **options):
        created, updated = load_regions(Region, update=update)
        self.stdout.write(f"{created} regions created, {updated} updated.")
