"""The worker's clock: which tasks run periodically, and a loop that enqueues them on time.

One ``manage.py task_schedule`` runs per deployment (``make run`` starts it beside the server
and the database worker; production runs deploy/portal-schedule.service on one machine). It
only enqueues; any worker runs the tasks. Two schedules running by mistake enqueue twice, and
every periodic task is safe to run twice (publishing takes a lock; the others are idempotent).
"""

import logging
import time

from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

# (task path, every so many seconds)
PERIODIC = [
    ("campaigns.press.tasks.publish_scheduled_pages", 60),
    ("campaigns.background.recovery.requeue_abandoned_tasks", 60),
    ("campaigns.background.tasks.prune_task_records", 3600),
    ("campaigns.background.tasks.expire_invitations", 86400),
]


class Schedule:
    """When each periodic task is next due, in ``time.monotonic()`` seconds."""

    def __init__(self, periodic=PERIODIC, now=None):
        now = time.monotonic() if now is None else now
        self.periodic = periodic
        self.next_due = {path: now for path, _every in periodic}  # all due at start-up

    def due(self, now=None):
        """Enqueue every task that is due; returns their paths."""
        now = time.monotonic() if now is None else now
        enqueued = []
        for path, every in self.periodic:
            if self.next_due[path] <= now:
                try:
                    import_string(path).enqueue()
                except Exception:  # a queue outage must not stop the clock
                    logger.exception("Could not enqueue %s", path)
                    continue
                self.next_due[path] = now + every
                enqueued.append(path)
        return enqueued

    def seconds_to_next(self, now=None):
        now = time.monotonic() if now is None else now
        return max(0.0, min(self.next_due.values()) - now)


def run_forever(tick=1.0, stop=lambda: False):
    """Enqueue periodic tasks until ``stop()`` is true (checked every ``tick`` seconds)."""
    schedule = Schedule()
    while not stop():
        for path in schedule.due():
            logger.info("Enqueued %s", path)
        time.sleep(min(tick, schedule.seconds_to_next() or tick))
