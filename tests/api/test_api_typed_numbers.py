"""The API's writes and filters read numbers by the admin's rule (issue #19,
portal/localization/digits.py): ``١٢٣,٤٥٠`` and ``١٢٣٫٤٥`` are decimals, a French comma is
a decimal mark, and a comma that may group thousands is a 400 naming the field."""

from decimal import Decimal

import pytest

from campaigns.tracker.models import Contribution


def gift(need, **values):
    return {"need": need.pk, "kind": "in_kind", "unit": "parcel", **values}


@pytest.mark.parametrize(
    ("language", "typed", "stored"),
    [
        ("ar", "١٢٣,٤٥٠", Decimal("123.45")),
        ("ar", "١٢٣٫٤٥", Decimal("123.45")),
        ("fr", "1\u202f234,5", Decimal("1234.5")),
    ],
)
def test_a_write_reads_the_quantity_as_typed(client_for, need, language, typed, stored):
    answer = client_for.post_json(
        "/api/v1/contributions/", gift(need, quantity=typed), HTTP_ACCEPT_LANGUAGE=language
    )
    assert answer.status_code == 201, answer.content
    assert Contribution.objects.get(pk=answer.json()["id"]).quantity == stored


def test_a_comma_that_may_group_thousands_is_a_400_naming_the_field(client_for, need):
    before = Contribution.objects.count()
    answer = client_for.post_json(
        "/api/v1/contributions/", gift(need, quantity="1,500"), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert answer.status_code == 400
    assert "can be read two ways" in str(answer.json()["errors"]["quantity"])
    assert Contribution.objects.count() == before


def test_a_filter_reads_the_same_rule(anon, need):
    answer = anon.get("/api/v1/needs/", {"campaign": "1,500"}, HTTP_ACCEPT_LANGUAGE="en")
    assert answer.status_code == 400
    assert "can be read two ways" in str(answer.json()["errors"]["campaign"])
    same = anon.get(
        "/api/v1/needs/",
        {"campaign": str(need.campaign_id).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))},
    )
    assert same.status_code == 200 and same.json()["count"] >= 1
