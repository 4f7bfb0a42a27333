from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal import health, storage

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
    path("api/v2/", include("campaigns.api.v2_urls")),
    path("api/", include("campaigns.api.urls")),
    path("healthz", health.healthz, name="healthz"),
    path("healthz/ping", health.ping, name="healthz_ping"),
    path("private-media/<str:token>", storage.serve_private_file, name="private_media"),
    path("", include("home.urls")),
]

urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("", include("campaigns.press.urls")),
    path("", include("campaigns.tracker.urls")),
    path("", include("campaigns.people.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
