"""The OpenAPI schema: valid OpenAPI 3, served with docs, and honoured by the API (schemathesis).

Schemathesis generates requests from the schema for every operation, a bounded number per
operation, anonymous for reads and with a partner key for writes, and checks: no 5xx, and
every response (status, headers, body) conforms to the schema.
"""
# ruff: noqa: F811  (the fixture imported from .openapi is a parameter here)

import json

import pytest
from hypothesis import HealthCheck, Phase, settings
from openapi_spec_validator import validate
from schemathesis import checks as st_checks

from campaigns.api.models import SCOPES, PartnerApiKey

from .openapi import in_test_transaction, operations, schema  # noqa: F401  (a fixture)

EXAMPLES_PER_OPERATION = 12


def test_schema_is_valid_openapi_3(anon):
    response = anon.get("/api/schema/?format=json")
    assert response.status_code == 200
    document = json.loads(response.content)
    assert document["openapi"].startswith("3.")
    validate(document)  # raises on any violation of the OpenAPI 3 specification
    paths = document["paths"]
    for path in (
        "/api/v1/campaigns/{id}/totals/",
        "/api/v1/needs/",
        "/api/v1/contributions/{id}/status/",
        "/api/v1/deliveries/{id}/confirm/",
        "/api/v1/regions/{code}/",
        "/api/v1/coverage/",
        "/api/v1/coverage/{id}/",
    ):
        assert path in paths
    assert document["components"]["securitySchemes"]["partnerKey"]["scheme"] == "bearer"
    post = paths["/api/v1/contributions/"]["post"]
    assert {"201", "400", "401", "403", "409", "413", "415", "429"} <= set(post["responses"])
    assert post["responses"]["400"]["content"]["application/json"]["examples"]
    # Private fields are not even documented for reading.
    contribution = document["components"]["schemas"]["Contribution"]["properties"]
    assert "donor_contact" not in contribution and "note" not in contribution
    coverage = paths["/api/v1/coverage/"]
    assert set(coverage) == {"get"} and coverage["get"]["tags"] == ["coverage"]
    assert {"campaign", "language", "medium", "date_after", "date_before", "ordering"} <= {
        parameter["name"] for parameter in coverage["get"]["parameters"]
    }


def test_docs_are_served_without_a_cdn(anon):
    page = anon.get("/api/docs/").content.decode()
    assert "/static/drf_spectacular_sidecar/" in page
    assert "cdn." not in page and "unpkg" not in page and "jsdelivr" not in page
    assert anon.get("/api/docs/redoc/").status_code == 200


@pytest.fixture
def api_key_header(db, in_test_transaction, settings, partner):
    """Generous limits (the test sends hundreds of requests) and a key with every scope."""
    settings.TRACKER_API_THROTTLE = {"anon": "100000/min", "key": "100000/min"}
    _key, raw = PartnerApiKey.issue(partner=partner, name="schemathesis", scopes=SCOPES)
    return {"Authorization": f"Bearer {raw}"}


# What the schema cannot express: a valid-looking id may not exist, and the tracker's own rules
# (units, currencies, partners) refuse many well-typed bodies; query parameters are lenient
# (an empty or repeated filter is ignored, as django-filter does). Those answers are still
# checked for 5xx, status, headers and body shape.
EXCLUDED = [
    st_checks.positive_data_acceptance,
    st_checks.negative_data_rejection,
    st_checks.ignored_auth,
]


# The in-process WSGI transport does not decode gzip as HTTP clients do: ask for none.
PLAIN = {"Accept-Encoding": "identity"}


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_api_honours_its_schema(case, api_key_header):
    headers = {**PLAIN, **(api_key_header if case.method.upper() == "POST" else {})}
    case.call_and_validate(headers=headers, excluded_checks=EXCLUDED)


def test_api_honours_its_schema_along_its_links(api_key_header):
    """A few short sequences that follow the schema's links (a list or a create → the entry
    → its actions), with a partner key: the ids come from the API's own answers, so the
    detail and action operations see entries that exist. ``make fuzz`` runs many more."""
    links = [
        name
        for _method, _path, operation in operations()
        for response in operation["responses"].values()
        for name in response.get("links", {})
    ]
    assert {"Detail", "ChangeStatus", "Confirm", "Totals"} <= set(links)

    class Workflow(schema.as_state_machine()):
        def get_call_kwargs(self, case):
            return {"headers": {**PLAIN, **api_key_header}}

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            case.validate_response(response, excluded_checks=EXCLUDED)

    Workflow.run(
        settings=settings(
            max_examples=6,
            stateful_step_count=4,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
    )
