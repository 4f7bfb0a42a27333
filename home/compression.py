"""Gzip for the site's own HTML, JSON and text, never for a page that carries a secret.

Django's ``GZipMiddleware`` with two limits:

* only text types (HTML, CSS, JS, JSON, XML, CSV, plain text) are compressed; media, images
  and archives already are, and a compressed video would break ``Range`` requests;
* BREACH: a response that used the CSRF token (the offer form, the admin, every logged-in
  form) is sent uncompressed, so no secret sits in compressed bytes beside text an attacker
  can reflect. Django adds random padding (Heal The Breach) to the rest as well.

Static files are compressed ahead of time by WhiteNoise, which answers before this runs.
"""

from django.middleware.gzip import GZipMiddleware

COMPRESSIBLE = (
    "text/",
    "application/json",
    "application/xml",
    "application/javascript",
    "application/ld+json",
    "application/rss+xml",
    "application/atom+xml",
    "image/svg+xml",
)


class PublicGZipMiddleware(GZipMiddleware):
    """Compress text responses that hold no CSRF token (see the module's docstring)."""

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
        if not content_type.startswith(COMPRESSIBLE):
            return response
        # Set by django.middleware.csrf.get_token() when this response used the token.
        if "CSRF_COOKIE_NEEDS_UPDATE" in request.META:
            return response
        return super().process_response(request, response)
