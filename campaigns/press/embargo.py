"""Scheduled releases go live by themselves, with no operator and no cron job.

Wagtail keeps a scheduled page unpublished (invisible in pages, listings, search, sitemap,
feeds and the API) until ``publish_scheduled`` runs. The worker's schedule
(``manage.py task_schedule``, campaigns/background/schedule.py) enqueues the task
``campaigns.press.tasks.publish_scheduled_pages`` every minute, with or without visitors.

The middleware below only nudges it: on the first request after a scheduled time has passed
it enqueues that same task (never runs it in the request), so a release is live at its
minute even between two ticks. The time of the next scheduled publication is kept in the
cache, so a normal request costs one cache read and no query; the database is asked again
only when a schedule changes or every ``PRESS_SCHEDULE_RECHECK_SECONDS``.
Set ``PRESS_PUBLISH_SCHEDULED_ON_REQUEST=false`` to leave it to the schedule alone.
"""

import io
import logging
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db.models import Min
from django.utils import timezone
from wagtail.models import Revision

logger = logging.getLogger(__name__)

NEXT_DUE_KEY = "press:scheduled:next-due"
LOCK_KEY = "press:scheduled:lock"
NUDGE_KEY = "press:scheduled:nudged"
NOTHING_SCHEDULED = "none"
RETRY_AFTER = timedelta(seconds=30)


def forget_next_due():
    """Called when a schedule is set or cancelled: look the next time up again."""
    cache.delete(NEXT_DUE_KEY)


def _lookup_next_due():
    return Revision.objects.filter(approved_go_live_at__isnull=False).aggregate(
        next_due=Min("approved_go_live_at")
    )["next_due"]


def next_due():
    """When the next scheduled publication is due (an aware datetime), or None."""
    value = cache.get(NEXT_DUE_KEY)
    if value is None:
        due = _lookup_next_due()
        value = due.timestamp() if due else NOTHING_SCHEDULED
        cache.set(NEXT_DUE_KEY, value, settings.PRESS_SCHEDULE_RECHECK_SECONDS)
    if value == NOTHING_SCHEDULED:
        return None
    return datetime.fromtimestamp(value, tz=UTC)


def publish_due(now=None):
    """Publish what is due (Wagtail's own ``publish_scheduled``); True if it ran.

    One process at a time (a cache lock); a failure is logged, never shown to the visitor.
    """
    now = now or timezone.now()
    if not cache.add(LOCK_KEY, 1, 120):
        return False
    try:
        call_command("publish_scheduled", stdout=io.StringIO())
    except Exception:
        logger.exception("Scheduled publishing failed")
    finally:
        due = _lookup_next_due()
        if due is not None and due <= now:
            # Wagtail publishes strictly after the time; try again shortly.
            due = now + RETRY_AFTER
        cache.set(
            NEXT_DUE_KEY,
            due.timestamp() if due else NOTHING_SCHEDULED,
            settings.PRESS_SCHEDULE_RECHECK_SECONDS,
        )
        cache.delete(LOCK_KEY)
    return True


def nudge():
    """Enqueue scheduled publishing now (at most once every 30 s from all processes)."""
    from campaigns.press.tasks import publish_scheduled_pages

    if cache.add(NUDGE_KEY, 1, int(RETRY_AFTER.total_seconds())):
        try:
            publish_scheduled_pages.enqueue()
        except Exception:  # a queue outage must not fail the visitor's page
            logger.exception("Could not enqueue scheduled publishing")
            cache.delete(NUDGE_KEY)


class ScheduledPublishingMiddleware:
    """Enqueue scheduled publishing when a publication is due (the worker publishes)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.enabled = settings.PRESS_PUBLISH_SCHEDULED_ON_REQUEST
        self.skip = tuple(p for p in (settings.STATIC_URL, settings.MEDIA_URL) if p)

    def __call__(self, request):
        if self.enabled and not request.path.startswith(self.skip):
            due = next_due()
            if due is not None and due <= timezone.now():
                nudge()
        return self.get_response(request)
