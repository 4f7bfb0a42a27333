"""OpenAPI schema pieces (drf-spectacular): the error shape, shared parameters, examples."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    PolymorphicProxySerializer,
)
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


def _operation_ref(path, method):
    """A JSON pointer to an operation of this schema (OpenAPI ``operationRef``)."""
    return "#/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method


class TrackerAutoSchema(AutoSchema):
    """Reads work with or without a key (a key adds the partner's own fields); writes need one.

    A list's ``200`` and a create's ``201`` carry OpenAPI links to the entry's detail and its
    actions (``status/``, ``confirm/``, ``totals/``), so that clients and stateful testers
    (schemathesis) can follow an entry from its creation to its changes.
    """

    def get_auth(self):
        auth = super().get_auth()
        if self.method.upper() in ("GET", "HEAD") and {} not in auth:
            auth = [*auth, {}]
        return auth

    def get_operation(self, path, path_regex, path_prefix, method, registry):
        operation = super().get_operation(path, path_regex, path_prefix, method, registry)
        if operation is None or "{" in path or method.upper() not in ("GET", "POST"):
            return operation
        code = "200" if method.upper() == "GET" else "201"
        response = operation.get("responses", {}).get(code)
        links = self._links(path, method.upper())
        if response is not None and links:
            response["links"] = links
        return operation

    def _links(self, path, method):
        view = self.view
        if not hasattr(view, "get_extra_actions") or not hasattr(view, "retrieve"):
            return {}
        lookup = view.lookup_field if view.lookup_field != "pk" else "id"
        where = "/results/0" if method == "GET" else ""
        parameters = {lookup: f"$response.body#{where}/{lookup}"}
        detail = f"{path}{{{lookup}}}/"
        targets = {"Detail": (detail, "get")}
        for action in view.get_extra_actions():
            if action.detail:
                for verb in action.mapping:
                    name = action.__name__.title().replace("_", "")
                    targets[name] = (f"{detail}{action.url_path}/", verb)
        return {
            name: {"operationRef": _operation_ref(target, verb), "parameters": parameters}
            for name, (target, verb) in targets.items()
        }


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
    400: "A bad, unknown or repeated query parameter (named in `errors`).",
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
            409: _error(
                "A request with this Idempotency-Key is still being processed: retry after "
                "`Retry-After` seconds."
            ),
            413: _error("Request body too large."),
            415: _error("Only application/json is accepted."),
            422: _error("Idempotency-Key already used with a different request."),
            429: _error("Too many requests: wait `Retry-After` seconds."),
        }
    )
    return responses


def totals_responses():
    """A campaign's ``totals/``: one set of figures, or with ``?by=`` one set per group."""
    from .serializers import figures

    answer = PolymorphicProxySerializer(
        component_name="CampaignTotalsAnswer",
        serializers=[figures.CampaignTotalsSerializer, figures.CampaignTotalsByGroupSerializer],
        resource_type_field_name=None,
    )
    return read_responses(answer)


RETRY_AFTER = {
    "description": "Seconds to wait before sending the same request again.",
    "schema": {"type": "integer", "minimum": 1},
}
IDEMPOTENCY_KEY = {
    "in": "header",
    "name": "Idempotency-Key",
    "required": False,
    "description": "Your id for this write (1 to 255 printable characters; an empty value is "
    "a 400): a retry with the same key and body returns the first answer and creates nothing. "
    "Kept 48 hours.",
    "schema": {"type": "string", "minLength": 1, "maxLength": 255},
}
IDEMPOTENCY_REPLAYED = {
    "description": "`true` when this is the stored answer to an earlier request with the same "
    "Idempotency-Key.",
    "schema": {"type": "string", "enum": ["true"]},
}
UNAVAILABLE = (
    "The database connection was lost mid-request (a write wrote nothing): send the same request "
    "again (with its Idempotency-Key) after `Retry-After` seconds."
)


def document_reliability(result, generator, request, public):
    """drf-spectacular postprocessing hook: every operation may answer ``503`` (the error
    JSON, ``Retry-After: 1``); every POST takes ``Idempotency-Key`` and its 2xx answer may
    carry ``Idempotency-Replayed``; ``409``, ``429`` and ``503`` carry ``Retry-After``
    (docs/reliability.md, docs/api.md)."""
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for operations in result.get("paths", {}).values():
        for method, operation in operations.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            responses = operation["responses"]
            responses.setdefault("503", {"description": UNAVAILABLE, "content": error})
            for code in ("409", "429", "503"):
                if code in responses:
                    responses[code].setdefault("headers", {})["Retry-After"] = RETRY_AFTER
            if method == "post":
                parameters = operation.setdefault("parameters", [])
                if not any(p.get("name") == IDEMPOTENCY_KEY["name"] for p in parameters):
                    parameters.append(dict(IDEMPOTENCY_KEY))
                for code, response in responses.items():
                    if code.startswith("2"):
                        headers = response.setdefault("headers", {})
                        headers["Idempotency-Replayed"] = IDEMPOTENCY_REPLAYED
    return result
