"""Numbers in the tracker's history lines read in the reader's format, money in its entry's
currency: an imported cash need's line read «الكمية: 5000.5» where the listing shows
«5.000,500 د.ت.».

Generated over every numeric field (no choices) of the tracker's models."""

from decimal import Decimal

import pytest
from django.apps import apps
from django.db import models
from django.utils import translation

from campaigns.tracker.history_log import describe
from portal.localization.numbers import format_money, format_number

NUMBERS = (models.DecimalField, models.IntegerField, models.FloatField)
LANGUAGES = ["ar", "fr", "en"]


def numeric_fields():
    found = []
    for model in apps.get_app_config("tracker").get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, NUMBERS) and not field.choices and not field.primary_key:
                found.append((model, field.name))
    return found


FIELDS = numeric_fields()


def test_the_walk_finds_a_needs_quantity():
    assert any(m._meta.label == "tracker.Need" and n == "quantity" for m, n in FIELDS)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("model,field_name", FIELDS, ids=[f"{m.__name__}.{n}" for m, n in FIELDS])
def test_a_logged_number_reads_in_the_readers_format(demo, model, field_name, language):
    field = model._meta.get_field(field_name)
    decimal = isinstance(field, models.DecimalField | models.FloatField)
    logged = "5000.5" if decimal else 5000
    record = None
    if hasattr(model, "export_currency"):
        record = next(
            (r for r in model._default_manager.all()[:200] if r.export_currency(field_name)),
            model._default_manager.first(),
        )
    currency = record.export_currency(field_name) if record is not None else ""
    with translation.override(language):
        text = describe(model, {field_name: [None, logged]}, record)
        if currency:
            expected = format_money(Decimal(logged), currency)
        else:
            expected = format_number(Decimal(str(logged)) if decimal else logged)
    assert expected in text, (text, expected)
    if language != "en":
        assert str(logged) not in text, text


def test_a_cash_need_quantity_edited_reads_as_money(demo):
    need = next(n for n in apps.get_model("tracker", "Need").objects.all() if n.currency)
    with translation.override("ar"):
        text = describe(type(need), {"quantity": ["4000", "5000.5"]}, lambda: need)
        assert format_money(Decimal("5000.5"), need.currency) in text
        assert format_money(Decimal("4000"), need.currency) in text
