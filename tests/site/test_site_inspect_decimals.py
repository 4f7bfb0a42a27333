"""Every admin inspect view writes a decimal as the portal does: a quantity of 20 parcels
(stored ``20.000``) reads «20», never «20,000» (twenty thousand in ar and fr)."""

from decimal import Decimal

import pytest
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.urls import get_resolver
from django.utils import translation
from wagtail.admin.viewsets import viewsets

pytestmark = pytest.mark.django_db

ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩٫", "0123456789.")


def inspected_decimal_fields():
    """(viewset name, model, field) of every decimal field an inspect view shows."""
    assert get_resolver().url_patterns  # the admin's viewsets register when its URLs load
    found = []
    for viewset in viewsets.viewsets:
        model = getattr(viewset, "model", None)
        if model is None or not getattr(viewset, "inspect_view_enabled", False):
            continue
        view = viewset.inspect_view
        shown = viewset.inspect_view_fields or [f.name for f in model._meta.concrete_fields]
        for name in shown:
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:  # a view's own display value (e.g. the API keys' scopes)
                continue
            if isinstance(field, models.DecimalField):
                found.append((viewset.name, model, field, view))
    return found


def test_the_inspect_views_show_decimal_fields():
    assert {field.name for _n, _m, field, _v in inspected_decimal_fields()} >= {"quantity"}


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_every_inspected_decimal_reads_without_trailing_zeros(language):
    from wagtail.admin.views.generic.models import InspectView

    for name, model, field, _view in inspected_decimal_fields():
        instance = model(**{field.name: Decimal("20.000")})
        view = InspectView(model=model)
        view.object = instance
        with translation.override(language):
            shown = view.get_field_display_value(field.name, field)
            html = shown.render_html({}) if hasattr(shown, "render_html") else str(shown)
        assert str(html).translate(ARABIC_DIGITS).strip() == "20", (name, field.name, html)
        instance = model(**{field.name: Decimal("1234.500")})
        view.object = instance
        with translation.override(language):
            html = str(view.get_field_display_value(field.name, field).render_html({}))
        assert "500" not in html and "000" not in html, (name, field.name, html)
