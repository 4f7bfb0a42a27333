"""Money in the admin's inspect views reads with its currency, in the reader's format
(issue 29): a cash contribution's amount read «100.5», without «MAD» and its two decimals,
because the inspect views' number display sees the value, not the record's currency.

Generated over every registered viewset with an inspect view: each decimal field of its
model is either money (the model's ``export_currency`` names its currency) or a plain
number, and a money field shows ``format_money`` of the amount in its currency."""

import html as entities
from decimal import Decimal

import pytest
from django.db import models
from django.urls import reverse
from django.utils import translation

from portal.localization.numbers import format_money
from tests.inspect_views import field_ids, inspected_fields

LANGUAGES = ["ar", "fr", "en"]


def money_records(model, field_name):
    return [
        record
        for record in model._default_manager.exclude(**{field_name: None})[:200]
        if record.export_currency(field_name)
    ]


def money_record(model, field_name):
    """A record whose ``field_name`` is money with a value, from the demo (or, for offers,
    which the demo has none of, a cash offer made here); ``None`` when there is none."""
    if model._meta.label == "people.Offer" and not money_records(model, field_name):
        from campaigns.models import CampaignPage

        campaign = CampaignPage.objects.get(slug="jesr", locale__language_code="ar")
        model.objects.create(
            campaign=campaign, kind="cash", category="cash", amount=Decimal("100.5"),
            currency="MAD", quantity=None,
        )  # fmt: skip
    return next(iter(money_records(model, field_name)), None)


FIELDS = inspected_fields(lambda field: isinstance(field, models.DecimalField))


def test_the_walk_finds_the_money_fields():
    labels = {(viewset.model._meta.label, name) for viewset, name in FIELDS}
    assert {("tracker.Contribution", "amount"), ("people.Offer", "amount")} <= labels


@pytest.mark.parametrize("viewset,field_name", FIELDS, ids=field_ids(FIELDS))
def test_every_decimal_field_in_an_inspect_view_says_whether_it_is_money(viewset, field_name):
    assert hasattr(viewset.model, "export_currency"), (
        f"{viewset.model.__name__} shows decimals in its inspect view: its export_currency "
        "names the currency of those that are money"
    )


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("viewset,field_name", FIELDS, ids=field_ids(FIELDS))
def test_money_in_an_inspect_view_reads_with_its_currency(
    admin_speaking, demo, viewset, field_name, language
):
    record = money_record(viewset.model, field_name)
    if record is None:
        pytest.skip(f"no {viewset.model.__name__} with money in {field_name}")
    url = reverse(viewset.get_url_name("inspect"), args=[record.pk])
    response = admin_speaking(language).get(url)
    assert response.status_code == 200
    html = entities.unescape(response.content.decode())
    value = getattr(record, field_name)
    with translation.override(language):
        money = format_money(value, record.export_currency(field_name))
    assert money in html, (money, url)
