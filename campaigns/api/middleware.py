"""Django's LocaleMiddleware, except that API answers are never redirected to /<lang>/…

Django redirects a ``404`` on an unprefixed path to its language-prefixed twin when that
path exists; Wagtail's catch-all makes every ``/ar/…`` path "exist", so an API ``404``
(an unknown id, a page not translated) would become a redirect to an HTML page.
"""

from django.middleware.locale import LocaleMiddleware
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language


class PortalLocaleMiddleware(LocaleMiddleware):
    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith("/api/"):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", get_language())
            return response
        return super().process_response(request, response)
