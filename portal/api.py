"""Wagtail API v2 router: pages, images, documents and media (video/audio).

The tracker API (DRF, /api/v1/) lives in ``campaigns.api``; the viewsets here add the
portal's language, caching and throttling rules (``campaigns.api.v2``).
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
