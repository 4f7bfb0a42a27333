"""Dates in words in the French admin write the first of the month as «1er décembre», as the
portal's own dates do (``test_i18n_french_first_day``): the listings' date columns (a
contribution's last update read «1 décembre 2026 05:23») and wagtail-localize's
«Traduit manuellement le 1 décembre 2026» went through Django's French ``DATE_FORMAT``.

Generated over every registered viewset's listing column that is a date field of its model."""

import html as entities
from datetime import UTC, date, datetime

import pytest
from django.db import models
from django.urls import NoReverseMatch, get_resolver, reverse
from django.utils import translation
from django.utils.formats import date_format
from wagtail.admin.viewsets import viewsets
from wagtail_localize.models import StringTranslation

FIRST = datetime(2030, 12, 1, 10, 5, tzinfo=UTC)


def listed_date_fields():
    """``(viewset, field name)`` for each ``list_display`` entry naming a date field."""
    assert get_resolver().url_patterns  # the admin's URLs register the viewsets
    found = {}
    for viewset in viewsets.viewsets:
        model = getattr(viewset, "model", None)
        if model is None or not hasattr(viewset, "index_view_class"):
            continue  # a chooser's columns are not a listing's
        listed = getattr(viewset, "list_display", None)
        if not isinstance(listed, list | tuple):  # Wagtail's UNDEFINED: the default columns
            continue
        for entry in listed:
            name = entry if isinstance(entry, str) else getattr(entry, "name", None)
            # None for a method or a column
            field = next((f for f in model._meta.get_fields() if f.name == name), None)
            if isinstance(field, models.DateField):
                found[(model._meta.label, name)] = (viewset, name)
    return sorted(found.values(), key=lambda pair: (pair[0].model._meta.label, pair[1]))


FIELDS = listed_date_fields()


def listing_url(viewset):
    """The viewset's listing: a snippet's is named "list", a model viewset's "index"."""
    try:
        return reverse(viewset.get_url_name("index"))
    except NoReverseMatch:
        return reverse(viewset.get_url_name("list"))


def test_the_walk_finds_the_contributions_last_update():
    assert ("tracker.Contribution", "updated_at") in {
        (viewset.model._meta.label, name) for viewset, name in FIELDS
    }


@pytest.mark.parametrize(
    "viewset,field_name", FIELDS, ids=[f"{v.model.__name__}.{n}" for v, n in FIELDS]
)
def test_a_listed_date_on_the_first_reads_1er_in_french(
    admin_speaking, demo, settings, viewset, field_name
):
    settings.TIME_ZONE = "UTC"
    model = viewset.model
    record = model._default_manager.first()
    if record is None:
        pytest.skip(f"no {model.__name__} in the demo")
    field = model._meta.get_field(field_name)
    value = FIRST if isinstance(field, models.DateTimeField) else FIRST.date()
    # Every row (a listing may show some only, e.g. needs in the reader's language).
    model._default_manager.update(**{field_name: value})
    url = listing_url(viewset)
    response = admin_speaking("fr").get(url, {"ordering": f"-{field_name}"})
    assert response.status_code == 200
    html = entities.unescape(response.content.decode())
    assert "1er décembre 2030" in html, url
    assert "1 décembre 2030" not in html, url


@pytest.mark.parametrize("name", ["DATE_FORMAT", "DATETIME_FORMAT"])
def test_djangos_french_dates_in_words_write_1er(name):
    with translation.override("fr"):
        assert date_format(FIRST, name).startswith("1er décembre 2030")
        assert date_format(datetime(2030, 12, 11, tzinfo=UTC), name).startswith("11 décembre")
        assert date_format(FIRST, "SHORT_DATE_FORMAT") == "01/12/2030"
        assert date_format(date(2030, 12, 1), "j/n/Y") == "1/12/2030"
    with translation.override("en"):
        assert "1er" not in date_format(FIRST, name)


def test_escaped_letters_are_left_alone():
    from portal.localization.first_of_month import with_ordinal_first

    assert with_ordinal_first(r"\j j F", "fr") == r"\j j\e\r F"
    assert with_ordinal_first("j F Y", "ar") == "j F Y"


@pytest.mark.django_db
def test_the_translation_editors_note_on_the_first(settings):
    settings.TIME_ZONE = "UTC"
    note = StringTranslation(
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL, updated_at=FIRST
    )
    with translation.override("fr"):
        assert note.get_comment() == "Traduit manuellement le 1er décembre 2030"
