import signal

from django.core.management.base import BaseCommand

from campaigns.background.schedule import Schedule, run_forever


class Command(BaseCommand):
    help = (
        "Enqueue the periodic tasks (scheduled publishing every minute, housekeeping) on time; "
        "run exactly one per deployment. --once enqueues what is due now and exits."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true")

    def handle(self, *args, once=False, **options):
        if once:
            for path in Schedule().due():
                self.stdout.write(f"enqueued {path}")
            return
        stopping = []
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_: stopping.append(True))
        run_forever(stop=lambda: bool(stopping))
