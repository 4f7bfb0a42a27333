"""Wagtail API v2 at /api/v2/: pages, images, documents and media (video/audio).

Included by the root URLconf (``include("campaigns.api.v2_urls")``, namespace
``wagtailapi`` as Wagtail's own router names it). The tracker API (DRF, /api/v1/) is
``campaigns.api.urls``; the viewsets here add the portal's language, caching and throttling
rules (``campaigns.api.v2``).
"""

from wagtail.api.v2.router import WagtailAPIRouter

from campaigns.api.v2 import (
    PortalDocumentsAPIViewSet,
    PortalImagesAPIViewSet,
    PortalMediaAPIViewSet,
    PortalPagesAPIViewSet,
)

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PortalPagesAPIViewSet)
api_router.register_endpoint("images", PortalImagesAPIViewSet)
api_router.register_endpoint("documents", PortalDocumentsAPIViewSet)
api_router.register_endpoint("media", PortalMediaAPIViewSet)

app_name = api_router.url_namespace
urlpatterns = api_router.get_urlpatterns()
