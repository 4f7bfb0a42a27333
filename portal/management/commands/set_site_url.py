"""Point the default Wagtail Site at the address the portal is served from.

Absolute links that have no request to go by (``html_url`` in the pages API, links in e-mails
and feeds built in the background) use the Site's hostname and port. Wagtail's first migration
names it ``localhost:80``; ``make run`` calls this command so they read
``http://127.0.0.1:8000/…``, and an operator runs it once with the public address::

    python manage.py set_site_url https://solidarity.example.org --force
"""

from urllib.parse import urlsplit

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

PLACEHOLDER = ("localhost", 80)


class Command(BaseCommand):
    help = "Set the default Site's hostname and port from a URL (http[s]://host[:port])."

    def add_arguments(self, parser):
        parser.add_argument("url")
        parser.add_argument(
            "--force",
            action="store_true",
            help="change it even if someone already set it (default: only Wagtail's localhost:80)",
        )

    def handle(self, *args, url, force, **options):
        parts = urlsplit(url)
        try:
            port = parts.port
        except ValueError as error:
            raise CommandError(f"{url!r}: {error}") from error
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise CommandError(f"{url!r} is not an http(s)://host[:port] URL")
        port = port or (443 if parts.scheme == "https" else 80)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("There is no default Site: run migrate first.")
        if (site.hostname, site.port) == (parts.hostname, port):
            self.stdout.write(f"The site is already served from {site.root_url}.")
            return
        if (site.hostname, site.port) != PLACEHOLDER and not force:
            self.stdout.write(
                f"The site is set to {site.root_url}; left as it is (use --force to change it)."
            )
            return
        site.hostname, site.port = parts.hostname, port
        site.save()
        self.stdout.write(self.style.SUCCESS(f"The site is served from {site.root_url}."))
