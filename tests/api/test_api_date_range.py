"""A write's date-time outside 2000-2099 is a 400 naming the field, and writes nothing:
``0001-01-01T00:00:00-23:59`` was stored and read back as ``0001-01-02T00:39:44+00:40:44``
(not RFC 3339), and one near year 9999 could overflow."""

import re

import pytest

from campaigns.tracker.models import Contribution

RFC_3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")
OUT_OF_RANGE = [
    "0001-01-01T00:00:00-23:59",
    "0001-01-01T00:00:00+05:00",
    "1969-12-31T23:59:59Z",
    "1999-12-31T23:59:59Z",
    "2100-01-01T00:00:00Z",
    "9999-12-31T23:59:59-23:59",
]


def gift(need, **dates):
    return {"need": need.pk, "kind": "in_kind", "quantity": "3", "unit": "parcel", **dates}


@pytest.mark.parametrize("value", OUT_OF_RANGE)
@pytest.mark.parametrize("field", ["pledged_at", "received_at", "distributed_at"])
def test_a_date_out_of_range_is_refused_naming_the_field(client_for, need, field, value):
    answer = client_for.post_json("/api/v1/contributions/", gift(need, **{field: value}))
    assert answer.status_code == 400, answer.content
    assert field in answer.json()["errors"]
    assert Contribution.objects.count() == 0


@pytest.mark.parametrize("value", OUT_OF_RANGE)
def test_a_status_change_date_out_of_range_is_refused(client_for, need, value):
    created = client_for.post_json("/api/v1/contributions/", gift(need)).json()
    answer = client_for.post_json(
        f"/api/v1/contributions/{created['id']}/status/", {"status": "received", "at": value}
    )
    assert answer.status_code == 400, answer.content
    assert "at" in answer.json()["errors"]
    assert Contribution.objects.get().status == "pledged"


def test_a_date_in_range_reads_back_as_rfc_3339(client_for, need):
    answer = client_for.post_json(
        "/api/v1/contributions/", gift(need, pledged_at="2024-03-01T10:00:00-23:59")
    )
    assert answer.status_code == 201, answer.content
    read = client_for.get(f"/api/v1/contributions/{answer.json()['id']}/").json()
    assert RFC_3339.fullmatch(read["pledged_at"]), read["pledged_at"]
