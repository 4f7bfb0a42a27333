"""Item 8 of issue 14: a body of deeply nested arrays on any keyed write is a JSON 400 naming the
problem, never a 500; the operations come from the OpenAPI schema, so a new one is covered."""

import pytest
from drf_spectacular.generators import SchemaGenerator

from campaigns.tracker import services
from tests.api.test_api_writes import counts
from tests.tracker.conftest import gift


def write_operations():
    """(method, path template) of every write in the served schema, read at collection time."""
    paths = SchemaGenerator().get_schema(request=None, public=True)["paths"]
    return sorted(
        (method, path)
        for path, operations in paths.items()
        for method in operations
        if method in ("post", "put", "patch", "delete")
    )


OPERATIONS = write_operations()
# 4.8 KB: 2,400 levels of arrays, past Python's recursion limit.
DEEP = "[" * 2400 + "]" * 2400


def test_the_schema_has_the_known_writes():
    assert ("post", "/api/v1/contributions/") in OPERATIONS and len(OPERATIONS) >= 5


@pytest.fixture
def ids(need, partner):
    """An entry of the key's partner for every ``{id}`` in a write's path."""
    contribution = gift(need, status="pledged")
    gift(need, quantity="10")
    delivery = services.record_delivery(
        user=services.SYSTEM, need=need, quantity="1", delivered_on="2020-05-21"
    )
    return {"contributions": contribution.pk, "deliveries": delivery.pk, "needs": need.pk}


@pytest.mark.parametrize(("method", "template"), OPERATIONS)
@pytest.mark.parametrize("body", [DEEP, '{"need": ' + DEEP + "}", "[" * 33 + "]" * 33])
def test_deeply_nested_bodies_are_a_400_naming_the_problem(
    second_client, ids, method, template, body
):
    resource = template.split("/")[3]
    path = template.replace("{id}", str(ids[resource]))
    before = counts()
    response = getattr(second_client, method)(
        path, body, content_type="application/json", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400, (path, response.status_code, response.content[:200])
    assert "32 levels" in response.json()["errors"]["non_field_errors"][0]
    assert counts() == before


def test_a_body_at_the_depth_limit_still_reaches_the_fields(client_for, need):
    body = '{"need": ' + "[" * 31 + "]" * 31 + "}"
    response = client_for.post("/api/v1/contributions/", body, content_type="application/json")
    assert response.status_code == 400 and "need" in response.json()["errors"]
