"""The Content-Security-Policy of every answer, by area (django-csp's middleware, one table).

- **Public pages** run only the portal's own script files: ``script-src 'self'`` with no
  ``'unsafe-inline'`` and no nonce (pages are cached whole at the edge,
  where a per-request nonce would go stale). JSON-LD blocks are data, not scripts, so the
  policy does not apply to them. No inline style either: progress bars are SVG. Images and
  video come from the portal or the media storage (S3 in production); a video provider's
  player is framed only after the visitor clicks.
- **API docs** (Swagger UI, Redoc) also inject styles and run Redoc's worker from a blob.
- **The Wagtail admin** (``/admin/``) needs ``'unsafe-inline'`` for scripts and styles:
  Wagtail 8's own templates carry inline scripts (inline panels, date pickers, search
  promotions) and so do wagtail-localize's editor and wagtailmedia's upload form, so neither a
  nonce nor hashes can cover them. Everything else is as strict as the public policy: no
  plugins, no foreign scripts, forms and frames only to the portal itself.
"""

from functools import lru_cache
from urllib.parse import urlsplit

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

ADMIN_PREFIX = "/admin/"
DOCS_PREFIX = "/api/docs/"
VIDEO_PLAYERS = (
    "https://www.youtube-nocookie.com",
    "https://www.facebook.com",
    "https://player.vimeo.com",
)


def media_origins():
    """Origins media files are served from besides the portal (S3 bucket or its CDN)."""
    origins = []
    for url in (
        settings.MEDIA_URL,
        getattr(settings, "AWS_S3_ENDPOINT_URL", "") or "",
        "https://" + settings.AWS_S3_CUSTOM_DOMAIN
        if getattr(settings, "AWS_S3_CUSTOM_DOMAIN", "")
        else "",
    ):
        parts = urlsplit(url)
        if parts.scheme in ("http", "https") and parts.netloc:
            origins.append(f"{parts.scheme}://{parts.netloc}")
    return origins


@lru_cache(maxsize=1)
def policies():
    """``{"public": directives, "docs": directives, "admin": directives}`` for django-csp."""
    media = media_origins()
    public = {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *media],
        "media-src": [SELF, *media],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": list(VIDEO_PLAYERS),
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
    docs = public | {"style-src": [SELF, UNSAFE_INLINE], "worker-src": [SELF, "blob:"]}
    admin = public | {
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *media],
        "media-src": [SELF, "blob:", *media],
        "frame-src": [SELF, *VIDEO_PLAYERS],
    }
    return {"public": public, "docs": docs, "admin": admin}


def area(path):
    """Which policy a path gets: ``"admin"``, ``"docs"`` or ``"public"``."""
    if path.startswith(ADMIN_PREFIX):
        return "admin"
    if path.startswith(DOCS_PREFIX):
        return "docs"
    return "public"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with the policy chosen by :func:`area`; a view's own
    ``@csp_update``/``@csp_replace`` still applies on top."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        return PolicyParts(
            config=parts.config or policies()[area(request.path_info)],
            update=parts.update,
            replace=parts.replace,
            nonce=parts.nonce,
        )
