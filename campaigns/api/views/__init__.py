"""Tracker API views (``/api/v1/``)."""
