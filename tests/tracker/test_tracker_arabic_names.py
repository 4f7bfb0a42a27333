"""Tracker entries, quantities and history lines as an Arabic reader says them (issue 19):
no «مال #18», no «10 علبة», no Latin «;» between changes."""

import datetime
import re

import pytest
from django.apps import apps
from django.utils import timezone, translation

from campaigns.people.models import Offer
from campaigns.tracker import services
from campaigns.tracker.history_log import describe
from campaigns.tracker.models import Contribution, Delivery, ScopedLogEntry, Unit
from campaigns.tracker.models.display import format_quantity
from portal.localization.numbers import format_day

from .conftest import gift


def named_models():
    """Every model of the tracker app, and the offers partners decide on."""
    return [*apps.get_app_config("tracker").get_models(), Offer]


@pytest.fixture
def entries(need, partner, kasserine, demo_campaign):
    """One saved instance of each model, through the services where there is one."""
    contribution = gift(need, quantity="20")
    services.record_delivery(
        user=services.SYSTEM, need=need, partner=partner, region=kasserine,
        quantity="10", delivered_on=datetime.date(2020, 5, 21), households_reached=12,
    )  # fmt: skip
    Offer.objects.create(
        campaign=need.campaign, kind="in_kind", category="food", quantity=3, unit="box",
        region=kasserine,
    )  # fmt: skip
    return contribution


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "fr", "en"])
@pytest.mark.parametrize("model", named_models(), ids=lambda m: m.__name__)
def test_every_entry_is_named_as_a_person_names_it(entries, model, language):
    instance = model._base_manager.order_by("-pk").first()
    if instance is None:
        pytest.skip(f"no {model.__name__} in the test data")
    with translation.override(language):
        name = str(instance)
    assert not re.search(r"#\s*\d", name), name
    assert "None" not in name, name


@pytest.mark.django_db
def test_a_contribution_says_what_how_much_toward_what_and_when(entries):
    with translation.override("ar"):
        name = str(Contribution.objects.get(pk=entries.pk))
        day = format_day(timezone.localtime(entries.created_at))  # Tunis: 23:30 UTC is tomorrow
    assert name.startswith("عيني – 20\u00a0طردًا – طرود غذائية للأسر"), name
    assert day in name, name


@pytest.mark.django_db
def test_a_history_line_names_its_entry_and_time(entries):
    with translation.override("ar"):
        logged = ScopedLogEntry.objects.order_by("-pk").first()
        line = str(logged) if logged else ""
    assert line and "#" not in line, line
    assert not re.search(r"ScopedLogEntry|tracker\.\w+|\b\d+: ", line), line


@pytest.mark.parametrize(
    ("count", "arabic"),
    [
        (0, "0\u00a0علبة"),
        (1, "علبة واحدة"),
        (2, "علبتان"),
        (3, "3\u00a0علب"),
        (10, "10\u00a0علب"),
        (11, "11\u00a0علبة"),
        (100, "100\u00a0علبة"),
        (103, "103\u00a0علب"),
    ],
)
def test_a_quantity_takes_the_form_its_number_asks_for(count, arabic):
    with translation.override("ar"):
        assert format_quantity(count, "box") == arabic
    with translation.override("en"):
        assert format_quantity(count, "box") == f"{count}\u00a0box{'' if count == 1 else 'es'}"


@pytest.mark.parametrize("unit", Unit.values)
def test_every_unit_has_six_arabic_forms(unit):
    """The dual is said without its digit; 3-10 are plural, unlike 11-99."""
    with translation.override("ar"):
        two, three, eleven = (format_quantity(n, unit) for n in (2, 3, 11))
    assert "2" not in two, two
    assert three.replace("3", "") != eleven.replace("11", ""), (three, eleven)


@pytest.mark.parametrize(("language", "separator"), [("ar", "، "), ("en", "; ")])
def test_changes_in_a_history_line_are_joined_in_the_readers_punctuation(language, separator):
    with translation.override(language):
        line = describe(Delivery, {"quantity": ["5", "7"], "households_reached": ["3", "4"]})
    assert separator in line, line
    if language == "ar":
        assert ";" not in line, line
