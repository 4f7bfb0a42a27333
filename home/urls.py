"""The site's root addresses outside the language prefixes: robots.txt, the sitemap, the
favicon and, in development only (``DEBUG`` with local media), the uploaded media."""

import re

from django.conf import settings
from django.urls import path, re_path

from home.favicon import favicon
from home.sitemap import sitemap
from home.views import robots_txt

urlpatterns = [
    path("robots.txt", robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("favicon.ico", favicon, name="favicon"),
]

if settings.DEBUG and settings.MEDIA_URL.startswith("/"):
    from home.dev_media import serve_media

    # Byte ranges for video (django.views.static.serve has none); S3 serves them in production.
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            serve_media,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]
