from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from portal import health, storage
from portal.api import api_router

handler400 = "portal.errors.bad_request"
handler403 = "portal.errors.permission_denied"

urlpatterns = [
    # Before Wagtail's admin: its site history report, with filters scoped like its lines.
    path("admin/reports/", include("campaigns.tracker.admin_reports")),
    # Before Wagtail's admin: its search-query chooser, for search promotion editors only.
    path("admin/searchpicks/", include("search.admin_queries")),
    # Before Wagtail's admin: its account page, confirming a new language in that language.
    path("admin/account/", include("portal.wagtail_account_language")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("api/", include("campaigns.api.urls")),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("healthz", health.healthz, name="healthz"),
    path("healthz/ping", health.ping, name="healthz_ping"),
    path("private-media/<str:token>", storage.serve_private_file, name="private_media"),
    path("", include("home.urls")),
]

if settings.DEBUG and settings.MEDIA_URL.startswith("/"):
    import re

    from django.urls import re_path

    from home.dev_media import serve_media

    # Byte ranges for video (django.views.static.serve has none); S3 serves them in production.
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            serve_media,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("", include("campaigns.press.urls")),
    path("", include("campaigns.tracker.urls")),
    path("", include("campaigns.people.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
