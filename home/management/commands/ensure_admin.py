import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create an administrator account if none exists, printing its generated password once. "
        "The account has a first and last name, which Wagtail's account form requires before "
        "it saves any other setting (such as the admin's language)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--email", default="admin@localhost")
        parser.add_argument("--first-name", default="Portal")
        parser.add_argument("--last-name", default="Administrator")

    def handle(self, *args, username, email, first_name, last_name, **options):
        User = get_user_model()
        existing = User.objects.filter(is_superuser=True)
        if existing.exists():
            # An account made before names were given gets them, so its settings can be saved.
            existing.filter(first_name="").update(first_name=first_name)
            existing.filter(last_name="").update(last_name=last_name)
            self.stdout.write("An administrator account already exists.")
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(
            username=username,
            email=email,
            password=password,
            first_name=first_name,
            last_name=last_name,
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Administrator created: username '{username}', password '{password}' "
                "(shown once: write it down)."
            )
        )
