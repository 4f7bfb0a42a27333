"""Small numbers (issue input 3): 7 households are never published exactly, in any channel,
nor derivable by subtracting published parts from a published total."""

import json

import pytest
from django.core.cache import cache
from django.test import Client

from campaigns.tracker import services
from campaigns.tracker.disclosure import publish_cells

THRESHOLD = 10


@pytest.fixture
def seven(world):
    """The demo campaign's figures plus A's need with one confirmed delivery of 7 households,
    and B's need with one of 40 (7 + 40: the 40 would give the 7 away)."""
    objects = world["objects"]
    for org, households in (("A", 7), ("B", 40)):
        delivery = objects[org]["delivery"]
        services.update_delivery(delivery, user=services.SYSTEM, households_reached=households)
        services.confirm_delivery(delivery, user=world["users"]["admin"])
    cache.clear()
    return world


def no_small_cell_is_derivable(total, parts):
    """The total minus the published parts is 0 or at least the threshold."""
    hidden = total - sum(part for part in parts if part is not None)
    return hidden == 0 or hidden >= THRESHOLD


def test_publish_cells_hides_a_lone_small_cell_and_its_complement():
    cells = {"a": 7, "b": 40, "c": 120, "d": 0}
    published = publish_cells(cells)
    assert published["a"].value is None and published["a"].fewer_than == THRESHOLD
    assert published["b"].value is None and published["b"].fewer_than is None
    assert published["c"].value == 120 and published["d"].value == 0
    two_small = publish_cells({"a": 4, "b": 7, "c": 50})
    assert [two_small[k].value for k in "abc"] == [None, None, 50]  # 4 + 7 = 11 hidden


def test_need_detail_and_list_never_show_seven(seven):
    need = seven["objects"]["A"]["need"]
    detail = Client().get(f"/api/v1/needs/{need.pk}/").json()["figures"]
    assert detail["households_reached"] is None and detail["households_fewer_than"] == THRESHOLD
    listed = Client().get("/api/v1/needs/", {"page_size": 100}).json()["results"]
    mine = next(item for item in listed if item["id"] == need.pk)
    assert mine["figures"]["households_reached"] is None


@pytest.mark.parametrize("by", ["need", "region", "category", "partner"])
def test_campaign_totals_by_group_never_reveal_seven(seven, by):
    campaign = seven["campaign"]
    total = Client().get(f"/api/v1/campaigns/{campaign.pk}/totals/").json()["totals"]
    groups = Client().get(f"/api/v1/campaigns/{campaign.pk}/totals/", {"by": by}).json()
    parts = [group["totals"]["households_reached"] for group in groups["groups"]]
    assert 7 not in parts
    assert no_small_cell_is_derivable(total["households_reached"], parts), (by, parts)


def test_deliveries_in_the_api_never_reveal_seven(seven):
    campaign = seven["campaign"]
    body = Client().get("/api/v1/deliveries/", {"page_size": 100}).json()["results"]
    counts = {item["id"]: item["households_reached"] for item in body}
    assert counts[seven["objects"]["A"]["delivery"].pk] is None
    total = Client().get(f"/api/v1/campaigns/{campaign.pk}/totals/").json()["totals"]
    parts = [
        item["households_reached"]
        for item in body
        if item["campaign"] == campaign.pk and item["confirmed"]
    ]
    assert no_small_cell_is_derivable(total["households_reached"], parts)


def test_open_data_and_pages_never_reveal_seven(seven):
    campaign = seven["campaign"]
    data = json.loads(Client().get(f"/en/{campaign.slug}/needs/data.json").content)
    by_id = {n["need_id"]: n for n in data["needs"]}
    assert by_id[seven["objects"]["A"]["need"].pk]["households_reached"] is None
    parts = [n["households_reached"] for n in data["needs"]]
    assert no_small_cell_is_derivable(data["totals"]["households_reached"], parts)
    page = Client().get(f"/en/{campaign.slug}/needs/").content.decode()
    assert "fewer than 10" in page


def test_region_table_and_daily_series_are_suppressed_too(seven):
    from campaigns.tracker.aggregates import region_table, totals_for
    from campaigns.tracker.public import daily_series

    campaign = seven["campaign"]
    total = totals_for(campaign)["households_reached"]
    regions = [row["households"] for row in region_table(campaign).values()]
    days = [row["households"] for row in daily_series(campaign)]
    assert 7 not in regions and 7 not in days
    assert no_small_cell_is_derivable(total, regions)
    assert no_small_cell_is_derivable(total, days)
