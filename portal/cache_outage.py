"""Say once, clearly, that the Redis cache is down, instead of a traceback per request.

django-redis (``IGNORE_EXCEPTIONS``) turns a Redis outage into cache misses, so pages keep
being served, only slower; it reports every swallowed error on the ``portal.cache`` logger.
This filter turns those into one WARNING per interval per process.
"""

import logging
import time


class RedisOutageFilter(logging.Filter):
    """Let one outage warning through every ``interval`` seconds; drop the repeats."""

    def __init__(self, interval=30.0):
        super().__init__()
        self.interval = interval
        self.last_warning = None

    def filter(self, record):
        now = time.monotonic()
        if self.last_warning is not None and now - self.last_warning < self.interval:
            return False
        self.last_warning = now
        error = record.exc_info[1] if record.exc_info else None
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.msg = "Redis cache unavailable, serving without cache (slower): %s"
        record.args = (error or record.getMessage(),)
        record.exc_info = record.exc_text = None
        return True


def install(logger_name="portal.cache"):
    logger = logging.getLogger(logger_name)
    if not any(isinstance(f, RedisOutageFilter) for f in logger.filters):
        logger.addFilter(RedisOutageFilter())
