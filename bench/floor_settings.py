"""Settings for the true framework floor in ``make bench``: production settings, no middleware.

A view that passes no middleware at all (no cache, session, locale or security layer):
what Django and gunicorn cost by themselves, beside ``/healthz/ping`` as deployed.
"""

from portal.settings.production import *  # noqa: F403

MIDDLEWARE = []
ROOT_URLCONF = "bench.floor_urls"
