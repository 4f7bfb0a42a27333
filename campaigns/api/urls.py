"""Tracker API (DRF) at /api/v1/, its OpenAPI schema at /api/schema/ and docs at /api/docs/."""

from django.http import JsonResponse
from django.urls import include, path, re_path
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from rest_framework.routers import SimpleRouter

from .docs_views import RedocView, SchemaView, SwaggerView
from .views.directory import CampaignViewSet, PartnerViewSet, RegionViewSet
from .views.entries import ContributionViewSet, DeliveryViewSet, NeedViewSet
from .views.overview import OverviewViewSet
from .views.press import CoverageViewSet


class StrictRouter(SimpleRouter):
    """DRF's router, where an address ends at its end: ``$`` also matches before a final
    newline, so ``/api/v1/needs/1/%0A`` would have been need 1."""

    routes = [route._replace(url=route.url.replace("$", r"\Z")) for route in SimpleRouter.routes]


router = StrictRouter()
router.register("campaigns", CampaignViewSet, basename="tracker-campaign")
router.register("needs", NeedViewSet, basename="tracker-need")
router.register("contributions", ContributionViewSet, basename="tracker-contribution")
router.register("deliveries", DeliveryViewSet, basename="tracker-delivery")
router.register("partners", PartnerViewSet, basename="tracker-partner")
router.register("regions", RegionViewSet, basename="tracker-region")
router.register("coverage", CoverageViewSet, basename="tracker-coverage")


@csrf_exempt
def not_found(request, path=""):
    """Any other address under /api/: a JSON 404 (never the site's HTML page)."""
    body = {"detail": _("There is no API endpoint at this address."), "code": "not_found"}
    return JsonResponse({**body, "errors": {}}, status=404)


urlpatterns = [
    path(
        "v1/overview/",
        OverviewViewSet.as_view({"get": "overview"}),
        name="tracker-overview",
    ),
    path("v1/", include(router.urls)),
    path("schema/", SchemaView.as_view(), name="api-schema"),
    path("docs/", SwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("docs/redoc/", RedocView.as_view(url_name="api-schema"), name="api-redoc"),
    # Any character, newlines included (``.`` alone stops at one: the site's HTML 404).
    re_path(r"^(?P<path>(?s:.*))\Z", not_found),
]
