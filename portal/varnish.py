"""The edge's purge transport: Wagtail's HTTP purge backend for Varnish, soft or hard
(``WAGTAILFRONTENDCACHE``'s ``BACKEND``; what to purge and when is ``portal.caching``'s)."""

import logging
from urllib.error import URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from wagtail.contrib.frontend_cache.backends import HTTPBackend

logger = logging.getLogger("portal.caching")


class VarnishBackend(HTTPBackend):
    """Wagtail's HTTP purge backend asking for a *soft* purge (``SOFTPURGE``: the edge keeps
    the old copy in grace and serves it while one request fetches the new one), or a hard
    ``PURGE`` with ``"HARD": True`` (a page that must disappear at once)."""

    def __init__(self, params):
        params = dict(params)
        self.method = "PURGE" if params.pop("HARD", False) else "SOFTPURGE"
        super().__init__(params)

    def purge(self, url):
        parts = urlsplit(url)
        target = urlunsplit((self.cache_scheme, self.cache_netloc, parts.path, parts.query, ""))
        request = Request(target, method=self.method, headers={"Host": parts.netloc})  # noqa: S310
        try:
            urlopen(request, timeout=5).close()  # noqa: S310 - LOCATION comes from settings
        except (URLError, OSError) as error:
            logger.error("Could not purge %s from the edge cache: %s", url, error)
