"""``/favicon.ico``: browsers and crawlers ask for it whatever the page's ``<link rel=icon>``."""

from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpResponsePermanentRedirect
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe


@require_safe
@cache_control(public=True, max_age=86400)
def favicon(request):
    """A permanent redirect to the static icon (its hashed name in production)."""
    return HttpResponsePermanentRedirect(staticfiles_storage.url("img/favicon.ico"))
