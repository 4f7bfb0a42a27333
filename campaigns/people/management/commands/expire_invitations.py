from django.core.management.base import BaseCommand

from campaigns.people.invitations import record_expired_invitations


class Command(BaseCommand):
    help = "Record in their history the invitations that expired unused (run daily)."

    def handle(self, *args, **options):
        count = record_expired_invitations()
        self.stdout.write(f"Expired invitations recorded: {count}")
