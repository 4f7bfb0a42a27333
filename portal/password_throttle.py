"""A limit on guesses at the shared passwords of private pages and documents.

Wagtail's "private, accessible with a password" pages and documents ask for one shared
password through its own views, which do not go through ``authenticate()`` and so are not seen
by django-axes. Here each client address (``portal.client_address``) may send at most
``PORTAL_PASSWORD_GUESSES`` wrong passwords per restriction in ``PORTAL_PASSWORD_GUESS_SECONDS``;
the next attempt is answered ``429`` with ``Retry-After`` and the reason in the visitor's
language, before the password is even checked. Counters live in the cache (keyed hashes only).
"""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.translation import gettext as _

from portal.client_address import client_address

PASSWORD_VIEWS = (
    "wagtailcore_authenticate_with_password",
    "wagtaildocs_authenticate_with_password",
)


def _key(request, restriction_id):
    digest = hmac.new(
        settings.SECRET_KEY.encode(), client_address(request).encode(), hashlib.sha256
    ).hexdigest()[:32]
    return f"portal:password-guesses:{restriction_id}:{digest}"


class PasswordGuessLimitMiddleware:
    """Counts refused POSTs to Wagtail's password views (they answer ``200`` with the form again
    on a wrong password, a redirect on the right one) and refuses further guesses."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method != "POST" or match is None or match.url_name not in PASSWORD_VIEWS:
            return None
        limit = settings.PORTAL_PASSWORD_GUESSES
        seconds = settings.PORTAL_PASSWORD_GUESS_SECONDS
        restriction = (view_args or tuple(view_kwargs.values()))[0]
        key = _key(request, restriction)
        if (cache.get(key) or 0) >= limit:
            response = HttpResponse(
                _("Too many wrong passwords. Try again later."),
                status=429,
                content_type="text/plain; charset=utf-8",
            )
            response["Retry-After"] = str(seconds)
            return response
        response = view_func(request, *view_args, **view_kwargs)
        if response.status_code == 200 and not cache.add(key, 1, seconds):
            try:
                cache.incr(key)
            except ValueError:  # expired meanwhile
                cache.add(key, 1, seconds)
        return response
