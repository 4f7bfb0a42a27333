"""Scheduled releases go live by themselves, with no operator and no cron job.

Wagtail keeps a scheduled page unpublished (invisible in pages, listings, search, sitemap,
feeds and the API) until ``publish_scheduled`` runs. The worker's schedule
(``manage.py task_schedule``, campaigns/background/schedule.py) enqueues the task
``campaigns.press.tasks.publish_scheduled_pages`` every minute, with or without visitors, so a
release is live within a minute of its time, as with the cron job Wagtail's documentation
recommends. Visitors' requests play no part in it (no middleware, no query, no cache read).
"""

import io
import logging

from django.core.cache import cache
from django.core.management import call_command

logger = logging.getLogger(__name__)

LOCK_KEY = "press:scheduled:lock"


def publish_due():
    """Publish what is due and unpublish what expired (Wagtail's ``publish_scheduled``).

    Returns True if it ran, False when another process held the lock (a cache lock, 120 s at
    most: two schedules running by mistake publish once). A failure is logged, never raised.
    """
    if not cache.add(LOCK_KEY, 1, 120):
        return False
    try:
        call_command("publish_scheduled", stdout=io.StringIO())
    except Exception:
        logger.exception("Scheduled publishing failed")
    finally:
        cache.delete(LOCK_KEY)
    return True
