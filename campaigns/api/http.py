"""HTTP plumbing shared by every API endpoint (v1 and v2): conditional GET and caching headers."""

import hashlib
from datetime import datetime

from django.conf import settings
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date


def _timestamp(value):
    if isinstance(value, datetime):
        return value.timestamp()
    if isinstance(value, str) and value:
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
        except ValueError:
            return None
    return None


def conditional(request, response, last_modified=None):
    """Add ``ETag`` (and ``Last-Modified``) to a successful GET; answer ``304`` when unchanged.

    The ETag is a hash of the rendered body, so it changes whenever any visible byte does
    (including the language). ``last_modified`` is a datetime or an ISO string.
    """
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return response
    if hasattr(response, "render") and not getattr(response, "is_rendered", True):
        response.render()
    digest = hashlib.sha256(response.content).hexdigest()[:32]
    response["ETag"] = f'"{digest}"'
    stamp = _timestamp(last_modified)
    if stamp is not None:
        response["Last-Modified"] = http_date(stamp)
    keyed = request.headers.get("Authorization", "").lower().startswith("bearer ")
    if keyed:
        patch_cache_control(response, private=True, no_cache=True)
    else:
        patch_cache_control(response, public=True, max_age=settings.TRACKER_API_CACHE_SECONDS)
    patch_vary_headers(response, ("Accept-Language", "Authorization"))
    answer = get_conditional_response(
        request, etag=response["ETag"], last_modified=stamp and int(stamp), response=response
    )
    if answer is not response:
        for header in ("Cache-Control", "Vary"):
            answer[header] = response[header]
    return answer
