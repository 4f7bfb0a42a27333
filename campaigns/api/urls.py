"""Tracker API (DRF) at /api/v1/, its OpenAPI schema at /api/schema/ and docs at /api/docs/."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.routers import SimpleRouter

from .views.directory import CampaignViewSet, PartnerViewSet, RegionViewSet
from .views.entries import ContributionViewSet, DeliveryViewSet, NeedViewSet

router = SimpleRouter()
router.register("campaigns", CampaignViewSet, basename="tracker-campaign")
router.register("needs", NeedViewSet, basename="tracker-need")
router.register("contributions", ContributionViewSet, basename="tracker-contribution")
router.register("deliveries", DeliveryViewSet, basename="tracker-delivery")
router.register("partners", PartnerViewSet, basename="tracker-partner")
router.register("regions", RegionViewSet, basename="tracker-region")

urlpatterns = [
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("docs/redoc/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-redoc"),
]
