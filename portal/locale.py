"""Language redirects for the public site only.

Django's LocaleMiddleware redirects a 404 to the same path under a language prefix when
that path would resolve; with Wagtail's catch-all page route every path would, so a
mistyped admin or API address would bounce to ``/ar/admin/…`` instead of answering 404.

Under ``/api/``, a valid ``?locale=`` wins over ``Accept-Language`` from the start of the
request, so every answer (validation errors and 404s included) is in that language.

The addresses in ``LANGUAGE_NEUTRAL_PATHS`` (robots.txt, the sitemap, the favicon) answer the
same whatever the browser's language: neither ``Vary: Accept-Language`` nor
``Content-Language``, so shared caches keep one copy.
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers

UNPREFIXED = ("/admin/", "/api/", "/documents/", "/healthz", "/private-media/", "/static/")


class PublicLocaleMiddleware(LocaleMiddleware):
    def process_request(self, request):
        super().process_request(request)
        if request.path_info.startswith("/api/"):
            asked = request.GET.get("locale")
            if asked in {code for code, _name in settings.LANGUAGES}:
                translation.activate(asked)
                request.LANGUAGE_CODE = asked

    def process_response(self, request, response):
        if request.path_info in settings.LANGUAGE_NEUTRAL_PATHS:
            return response
        if request.path_info.startswith(UNPREFIXED):
            # API answers follow Accept-Language (or ?locale=): shared caches must key on it.
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
            return response
        return super().process_response(request, response)
