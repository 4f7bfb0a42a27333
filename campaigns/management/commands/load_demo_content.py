from django.core.management.base import BaseCommand

from campaigns.demo import build_demo


class Command(BaseCommand):
    help = "Build the 'Bridge of Love' demo campaign in Arabic, French and English (idempotent)."

    def handle(self, *args, **options):
        # No outer transaction: wagtail's on-commit work after publishing a translation
        # would then run late against stale tree counts. Each step is atomic on its own.
        build_demo(log=lambda message: self.stdout.write(message))
        self.stdout.write(self.style.SUCCESS("Demo content ready."))
