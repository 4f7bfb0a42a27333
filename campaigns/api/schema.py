"""OpenAPI schema hooks (drf-spectacular)."""


def only_tracker_endpoints(endpoints):
    """Keep the tracker API (/api/v1/) in the schema; leave out Wagtail's admin API views."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
