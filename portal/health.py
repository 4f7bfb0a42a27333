"""``/healthz``: can this app server serve the site? Checks database, cache and storage.

It also shows what the apps add as ``health_report`` hooks (a Wagtail hook returning ``(name,
function)``, the function returning a JSON value), informative only: the task queue
(``campaigns/background/health.py``) is shown, never failed, since this server still serves
pages and taking it out of the load balancer would not start a worker.

Load balancers and orchestrators poll it; a ``503`` names the failing part so whoever is on
call knows where to look. ``/healthz/ping`` answers without touching anything (liveness, and
the framework floor in ``make bench``).
"""

import logging
import uuid

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from wagtail import hooks

logger = logging.getLogger("portal.health")

PROBE_NAME = "healthz/probe.txt"


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone()[0] != 1:
            raise RuntimeError("SELECT 1 returned something else")


def check_cache():
    # django-redis swallows a Redis outage (IGNORE_EXCEPTIONS) and answers None: a value
    # written then read back is the only reliable sign the cache works.
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", 10)
    value = cache.get(key)
    cache.delete(key)
    if value != "ok":
        raise RuntimeError("a value written to the cache could not be read back")


def check_storage():
    # A metadata lookup (HEAD on S3): proves the bucket answers and the credentials work.
    default_storage.exists(PROBE_NAME)


CHECKS = {"database": check_database, "cache": check_cache, "storage": check_storage}


@require_safe
@never_cache
def healthz(request):
    """200 with each part ``ok``, or 503 with ``failing`` naming the broken parts."""
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:  # any failure of a dependency is a failed check
            logger.warning("Health check %s failed: %s", name, error)
            results[name] = f"fail: {type(error).__name__}"
        else:
            results[name] = "ok"
    failing = [name for name, result in results.items() if result != "ok"]
    body = {"status": "fail" if failing else "ok", "checks": results}
    if "database" not in failing:
        for hook in hooks.get_hooks("health_report"):
            name, report = hook()
            try:
                body[name] = report()
            except Exception as error:  # a report is informative; it never fails the check
                logger.warning("Health report %s failed: %s", name, error)
                body[name] = {"error": type(error).__name__}
    if failing:
        body["failing"] = failing
    return JsonResponse(body, status=503 if failing else 200)


@require_safe
@never_cache
def ping(request):
    """The process answers HTTP; nothing else is checked (no database, no cache)."""
    return HttpResponse("ok", content_type="text/plain")
