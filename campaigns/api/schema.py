"""OpenAPI schema pieces (drf-spectacular): the error shape, shared parameters, examples."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse
from rest_framework import serializers


def only_tracker_endpoints(endpoints):
    """Keep the tracker API (/api/v1/) in the schema; leave out Wagtail's admin API views."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


class ErrorSerializer(serializers.Serializer):
    """Every error of the tracker API has this shape."""

    detail = serializers.CharField(help_text="What went wrong, in the language asked for.")
    code = serializers.CharField(help_text="A stable machine-readable code.")
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Each bad field with its messages.",
    )


class PartnerKeyScheme(OpenApiAuthenticationExtension):
    target_class = "campaigns.api.authentication.PartnerKeyAuthentication"
    name = "partnerKey"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A partner API key created by staff in the admin (shown once).",
        }


class TrackerAutoSchema(AutoSchema):
    """Reads work with or without a key (a key adds the partner's own fields); writes need one."""

    def get_auth(self):
        auth = super().get_auth()
        if self.method.upper() in ("GET", "HEAD") and {} not in auth:
            auth = [*auth, {}]
        return auth


LOCALE_PARAMETER = OpenApiParameter(
    "locale",
    str,
    enum=["ar", "fr", "en"],
    description="Language of texts (default: Accept-Language, then Arabic). "
    "Untranslated text comes in Arabic and its *_language field says so.",
)

VALIDATION_EXAMPLE = OpenApiExample(
    "Bad field",
    value={
        "detail": "Some fields are not valid.",
        "code": "invalid",
        "errors": {"amount": ["TND amounts have at most 3 decimals."]},
    },
    response_only=True,
    status_codes=["400"],
)


def _error(description, examples=None):
    return OpenApiResponse(ErrorSerializer, description=description, examples=examples or [])


COMMON_ERRORS = {
    400: "Bad query parameter (named in `errors`).",
    401: "An Authorization header with an unknown, malformed or revoked key.",
    404: "No such entry.",
    429: "Too many requests: wait `Retry-After` seconds.",
}


def read_responses(serializer):
    responses = {200: serializer}
    responses.update({code: _error(text) for code, text in COMMON_ERRORS.items()})
    return responses


def write_responses(serializer, created=True):
    responses = {201 if created else 200: serializer}
    responses.update(
        {
            400: _error(
                "Malformed JSON, unknown field or a value the tracker refuses.",
                [VALIDATION_EXAMPLE],
            ),
            401: _error("No key, or a revoked or unknown key."),
            403: _error("The key lacks the scope, or the entry is another partner's."),
            404: _error("No such entry."),
            409: _error("Idempotency-Key reused with a different request."),
            413: _error("Request body too large."),
            415: _error("Only application/json is accepted."),
            429: _error("Too many requests: wait `Retry-After` seconds."),
        }
    )
    return responses
