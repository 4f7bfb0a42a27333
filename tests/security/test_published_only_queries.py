"""Issue 14, inputs 1, 3, 4 and 5: what the tracker API's lists accept and show.

Generated from the served OpenAPI schema, so an operation, filter or ordering field added
later is covered: no list orders or filters by a value that is published only partly
(households, a donor's name), every GET refuses a parameter it does not document, and a
delivery never says which of a need's deliveries is the small one.
"""

import datetime
import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation

from campaigns.tracker import services

# A property's description says it is published only partly (schema help texts).
PARTLY = re.compile(r"withheld|privacy|agreed|only for", re.IGNORECASE)
NOT_FILTERS = {"ordering", "page", "page_size", "search", "locale", "format"}


def served_schema():
    return Client().get("/api/schema/", {"format": "json"}).json()


def resolve(schema, node):
    while "$ref" in node:
        node = schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    return node


def list_operations(schema):
    """``(path, operation, {property: schema})`` for every GET that answers a page of items."""
    for path, item in schema["paths"].items():
        operation = item.get("get")
        if not operation:
            continue
        answer = operation["responses"]["200"]["content"]["application/json"]["schema"]
        answer = resolve(schema, answer)
        results = answer.get("properties", {}).get("results")
        if results:
            items = resolve(schema, results["items"])
            yield path, operation, items.get("properties", {})


def partly_published(properties):
    return {name for name, spec in properties.items() if PARTLY.search(spec.get("description", ""))}


def query_parameters(operation):
    return [p for p in operation.get("parameters", []) if p["in"] == "query"]


def test_the_schema_knows_households_and_donor_names_are_partly_published(world):
    lists = {path: props for path, _op, props in list_operations(served_schema())}
    assert "households_reached" in partly_published(lists["/api/v1/deliveries/"])
    assert "donor_name" in partly_published(lists["/api/v1/contributions/"])


def test_no_list_orders_or_filters_by_a_partly_published_value(world):
    """Every ordering field and filter a list accepts is over a fully published value; a
    partly published one (``?ordering=households_reached``, ``?donor_name=x``) is refused."""
    schema = served_schema()
    campaign = world["campaign"].pk
    checked = 0
    for path, operation, properties in list_operations(schema):
        partly = partly_published(properties)
        for parameter in query_parameters(operation):
            name = parameter["name"]
            if name == "ordering":
                fields = {value.lstrip("-") for value in parameter["schema"]["items"]["enum"]}
                assert not fields & partly, (path, fields & partly)
                assert fields <= set(properties), (path, fields - set(properties))
            elif name not in NOT_FILTERS:
                assert name not in partly, (path, name)
        for name in partly:
            for query in ({"ordering": name}, {"ordering": f"-{name}"}, {name: "7"}):
                response = Client().get(path, {"campaign": campaign, "page_size": 100, **query})
                assert response.status_code == 400, (path, query, response.status_code)
                key = "ordering" if "ordering" in query else name
                assert key in response.json()["errors"], (path, query)
                checked += 1
    assert checked >= 9  # deliveries' and needs' households, contributions' donor names


def probes(world, households, confirmed=True):
    """Deliveries of A's need with these households (each confirmed by the administrator)."""
    need, partner = world["objects"]["A"]["need"], world["partners"]["A"]
    made = []
    for day, count in enumerate(households, start=21):
        delivery = services.record_delivery(
            user=services.SYSTEM, need=need, partner=partner, quantity="1",
            delivered_on=datetime.date(2020, 5, day), households_reached=count,
        )  # fmt: skip
        if confirmed:
            services.confirm_delivery(delivery, user=world["users"]["admin"])
        made.append(delivery)
    cache.clear()
    return made


def test_ordering_by_households_cannot_rank_probe_deliveries(world):
    """The attacker's input: probes of 1..9 households, ranked by the withheld value."""
    probes(world, range(1, 10))
    campaign = world["campaign"].pk
    for ordering in ("households_reached", "-households_reached"):
        response = Client().get(
            "/api/v1/deliveries/",
            {"campaign": campaign, "page_size": 100, "ordering": ordering},
        )
        assert response.status_code == 400
        assert list(response.json()["errors"]) == ["ordering"]


def public_deliveries(world):
    listed = Client().get("/api/v1/deliveries/", {"page_size": 100}).json()["results"]
    return {item["id"]: item for item in listed}


def test_a_delivery_never_says_which_of_a_needs_deliveries_is_small(world):
    """d14 null and d24 "fewer than 10" told the attacker which one was small."""
    small, large = probes(world, [7, 40])
    listed = public_deliveries(world)
    for delivery in (small, large):
        item = listed[delivery.pk]
        assert item["households_reached"] is None, item
        assert item["households_fewer_than"] is None, item


def test_an_unconfirmed_delivery_shows_no_count_and_no_flag(world):
    (waiting,) = probes(world, [7], confirmed=False)
    item = public_deliveries(world)[waiting.pk]
    assert (item["households_reached"], item["households_fewer_than"]) == (None, None)
    # The partner's own key still reads its exact count.
    own = Client(HTTP_AUTHORIZATION=f"Bearer {world['keys']['A']}")
    assert own.get(f"/api/v1/deliveries/{waiting.pk}/").json()["households_reached"] == 7


def test_a_needs_only_delivery_shows_the_needs_published_count(world):
    (only,) = probes(world, [25])
    world["objects"]["A"]["delivery"].delete()  # the fixture's unconfirmed one
    cache.clear()
    assert public_deliveries(world)[only.pk]["households_reached"] == 25


@pytest.mark.parametrize("by", [None, "need", "region", "category", "partner"])
def test_totals_say_how_many_needs_are_not_counted(world, by):
    probes(world, [7])  # A's need: 7 households, left out of every sum
    query = {"by": by} if by else {}
    body = Client().get(f"/api/v1/campaigns/{world['campaign'].pk}/totals/", query).json()
    totals = [body["totals"]] if by is None else [g["totals"] for g in body["groups"]]
    assert all(isinstance(t["households_not_counted"], int) for t in totals), totals
    assert sum(t["households_not_counted"] for t in totals) >= 1
    if by is None:
        with translation.override("en"):
            url = reverse("tracker:data_json", kwargs={"campaign_slug": "jesr"})
        data = Client().get(url).json()
        assert data["totals"]["households_not_counted"] == body["totals"]["households_not_counted"]
    properties = resolve(served_schema(), {"$ref": "#/components/schemas/Totals"})["properties"]
    assert "households_not_counted" in properties


def sample(schema, parameter):
    """A valid value for a documented query parameter."""
    spec = resolve(schema, parameter.get("schema", {}))
    if spec.get("type") == "array":
        return resolve(schema, spec["items"])["enum"][0]
    if "enum" in spec:
        return spec["enum"][0]
    if spec.get("type") == "integer":
        return "1"
    if spec.get("type") == "boolean":
        return "true"
    return {"date-time": "2020-05-01T00:00:00Z", "date": "2020-05-01"}.get(
        spec.get("format"), "TN-42"
    )


def get_operations(schema, world):
    ids = {"id": str(world["objects"]["A"]["need"].pk), "code": "TN-42"}
    campaign = str(world["campaign"].pk)
    for path, item in schema["paths"].items():
        if "get" in item:
            address = path.replace("{id}", ids["id"]).replace("{code}", ids["code"])
            if path.startswith("/api/v1/campaigns/{"):
                address = path.replace("{id}", campaign)
            yield path, address, item["get"]


def test_every_get_refuses_an_undocumented_parameter_and_names_it(world):
    schema = served_schema()
    operations = list(get_operations(schema, world))
    assert len(operations) >= 15
    for path, address, _operation in operations:
        response = Client().get(address, {"bogus": "1"})
        assert response.status_code == 400, (path, response.status_code)
        assert list(response.json()["errors"]) == ["bogus"], path


def test_the_attackers_ignored_filters_are_refused(world):
    campaign = world["campaign"].pk
    for query in ({"households_reached": "7"}, {"foo": "1"}):
        response = Client().get("/api/v1/deliveries/", query)
        assert response.status_code == 400 and list(response.json()["errors"]) == list(query)
    twice = Client().get(f"/api/v1/campaigns/{campaign}/totals/?by=need&by=region")
    assert twice.status_code == 400 and list(twice.json()["errors"]) == ["by"]


def test_every_documented_parameter_is_still_accepted(world):
    schema = served_schema()
    for path, address, operation in get_operations(schema, world):
        for parameter in query_parameters(operation):
            value = sample(schema, parameter)
            response = Client().get(address, {parameter["name"]: value, "format": "json"})
            assert response.status_code != 400, (path, parameter["name"], response.json())
