"""The API answers what its schema documents, for every operation the schema lists.

Three kinds of input the schema fuzzer found answered outside the contract, each generated
over the whole schema so that a new operation or parameter is covered without a new test:
the figures ``?by=`` each grouping, a malformed address (JSON ``404``, never the site's HTML),
and a query value outside its documented type, minimum or choices (``400`` naming it).
"""
# ruff: noqa: F811  (the fixture imported from .openapi is a parameter here)

import pytest

from campaigns.press.models import Coverage
from campaigns.tracker import services
from tests.tracker.conftest import gift

from .openapi import document, in_test_transaction, operations, schema  # noqa: F401


@pytest.fixture
def entries(campaign, need, cash_need, settings):
    """A campaign with gifts in two regions, in kind and cash, and a confirmed delivery."""
    settings.TRACKER_API_THROTTLE = {"anon": "100000/min", "key": "100000/min"}
    contribution = gift(need, quantity="40")
    gift(cash_need, amount="250.500")
    gift(cash_need, status="pledged", amount="10")
    delivery = services.record_delivery(
        user=services.SYSTEM, need=need, quantity="25", delivered_on="2020-05-20",
        households_reached=12,
    )  # fmt: skip
    services.confirm_delivery(delivery, user=services.SYSTEM)
    return {"campaign": campaign, "need": need, "contribution": contribution, "delivery": delivery}


@pytest.mark.parametrize("by", [None, "category", "region", "partner", "need"])
def test_campaign_totals_match_the_schema_for_every_grouping(entries, in_test_transaction, by):
    operation = schema["/api/v1/campaigns/{id}/totals/"]["GET"]
    enum = {p["name"]: p for p in operation.definition.raw["parameters"]}["by"]["schema"]["enum"]
    assert by is None or by in enum
    case = operation.Case(
        path_parameters={"id": entries["campaign"].pk}, query={"by": by} if by else {}
    )
    response = case.call(headers={"Accept-Encoding": "identity"})  # WSGI: no gzip decoding
    assert response.status_code == 200
    case.validate_response(response)  # raises naming each schema violation
    body = response.json()
    if by:
        assert body["by"] == by and body["groups"]
    else:
        assert body["totals"]["contributions"] == 3


MALFORMED = ["1%0A", "%0A", "1%00", "1%20", "%E2%80%8F1", "1.5", "-1", "1e3", "x" * 300]


def _with(path, value):
    """``path`` with each ``{parameter}`` replaced by ``value``."""
    import re

    return re.sub(r"\{[^}]+\}", value, path)


def _paths():
    return [
        pytest.param(method, path, id=f"{method.upper()} {path}")
        for method, path, _operation in operations()
        if "{" in path
    ]


@pytest.mark.parametrize(("method", "path"), _paths())
def test_a_malformed_address_is_a_json_404(anon, method, path):
    failures = []
    candidates = [_with(path, value) for value in MALFORMED]
    candidates += [_with(path, "1") + "extra/", _with(path, "1").rstrip("/") + "%0A/"]
    for url in candidates:
        response = getattr(anon, method)(url)
        content_type = response.get("Content-Type", "")
        if response.status_code != 404 or not content_type.startswith("application/json"):
            failures.append(f"{method.upper()} {url}: {response.status_code} {content_type}")
            continue
        body = response.json()
        if set(body) != {"detail", "code", "errors"}:
            failures.append(f"{method.upper()} {url}: body {body}")
    assert not failures, "\n".join(failures)


def test_every_id_filter_is_a_positive_integer_in_the_schema():
    ids = [
        (path, parameter)
        for _method, path, operation in operations()
        for parameter in operation.get("parameters", [])
        if parameter["in"] == "query" and parameter["name"] in ("campaign", "partner", "need")
    ]
    assert len(ids) >= 8
    for path, parameter in ids:
        assert parameter["schema"]["type"] == "integer", (path, parameter)
        assert parameter["schema"]["minimum"] == 1, (path, parameter)


def invalid_values(parameter_schema):
    """Values outside what ``parameter_schema`` documents (none for free text)."""
    kind = parameter_schema.get("type")
    if kind == "array":
        return [f"{value},zzz" for value in parameter_schema["items"]["enum"][:1]] + ["zzz"]
    if "enum" in parameter_schema:
        return ["zzz", "0"]
    if kind in ("integer", "number"):
        values = ["abc", "1e3"] + (["13.9"] if kind == "integer" else [])
        if "minimum" in parameter_schema:
            values.append(str(parameter_schema["minimum"] - 1))
        if "maximum" in parameter_schema:
            values.append(str(parameter_schema["maximum"] + 1))
        return values
    if kind == "boolean":
        return ["maybe", "2"]
    if parameter_schema.get("format") == "date":
        return ["2020-13-45", "yesterday"]
    if parameter_schema.get("format") == "date-time":
        return ["2020-05-20T25:00:00Z", "yesterday"]
    return []


def _operations_with_query():
    return [
        pytest.param(method, path, operation, id=f"{method.upper()} {path}")
        for method, path, operation in operations()
        if any(p["in"] == "query" for p in operation.get("parameters", []))
    ]


@pytest.fixture
def real_ids(entries):
    """Existing entries for every path parameter, so that the query is what is judged."""
    coverage = Coverage.objects.order_by("pk").first()
    return {
        "campaigns": entries["campaign"].pk,
        "needs": entries["need"].pk,
        "contributions": entries["contribution"].pk,
        "deliveries": entries["delivery"].pk,
        "partners": entries["need"].partner_id,
        "regions": "TN-42",
        "coverage": coverage.pk if coverage else 1,
        "overview": "",  # no path parameter
    }


@pytest.mark.parametrize(("method", "path", "operation"), _operations_with_query())
def test_an_invalid_query_value_is_a_400_naming_it(anon, real_ids, method, path, operation):
    url = _with(path, str(real_ids[path.split("/")[3]]))
    failures, tried = [], 0
    for parameter in operation["parameters"]:
        name = parameter["name"]
        for value in invalid_values(parameter["schema"]) if parameter["in"] == "query" else []:
            tried += 1
            response = getattr(anon, method)(url, {name: value})
            if response.status_code != 400:
                failures.append(f"{url}?{name}={value}: {response.status_code}")
            elif name not in response.json()["errors"]:
                failures.append(f"{url}?{name}={value}: errors {response.json()['errors']}")
    assert not failures, "\n".join(failures)
    assert tried, "each operation with query parameters has some to check"


def test_campaign_13_9_is_not_campaign_13(anon, entries):
    campaign = entries["campaign"].pk
    response = anon.get("/api/v1/contributions/", {"campaign": f"{campaign}.9"})
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["campaign"]
    assert anon.get("/api/v1/contributions/", {"campaign": campaign}).json()["count"] == 3


def test_ordering_is_documented_and_checked(anon, entries):
    operation = document["paths"]["/api/v1/needs/"]["get"]
    ordering = {p["name"]: p for p in operation["parameters"]}["ordering"]["schema"]
    assert {"deadline", "-deadline", "id"} <= set(ordering["items"]["enum"])
    assert anon.get("/api/v1/needs/", {"ordering": "-deadline"}).status_code == 200
    refused = anon.get("/api/v1/needs/", {"ordering": "donor_contact"})
    assert refused.status_code == 400 and "ordering" in refused.json()["errors"]
