"""The OpenAPI schema and its docs pages, answering errors in the API's JSON shape.

drf-spectacular's views render an error with whatever renderer they serve: a ``POST`` to the
schema came back as YAML, a ``POST`` to the docs as bare HTML, and an ``OPTIONS`` on the docs
asked the HTML template renderer for a template it does not have (a ``500``). Here they read
only (``GET``/``HEAD``) and every error is ``{"detail", "code", "errors"}`` JSON.
"""

from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework.renderers import JSONRenderer

from .errors import exception_handler


class JsonErrors:
    http_method_names = ["get", "head"]

    def get_exception_handler(self):
        return exception_handler

    def handle_exception(self, exc):
        response = super().handle_exception(exc)
        self.request.accepted_renderer = JSONRenderer()
        self.request.accepted_media_type = JSONRenderer.media_type
        return response


class SchemaView(JsonErrors, SpectacularAPIView):
    pass


class SwaggerView(JsonErrors, SpectacularSwaggerSplitView):
    """Swagger UI with its start-up script served as a file (``?script``), not inline, so the
    page runs under a Content-Security-Policy without ``'unsafe-inline'`` scripts."""


class RedocView(JsonErrors, SpectacularRedocView):
    pass
