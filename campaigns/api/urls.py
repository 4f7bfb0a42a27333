"""Tracker API (DRF) at /api/v1/, its OpenAPI schema and docs."""

urlpatterns = []
