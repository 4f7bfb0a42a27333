"""What an Arabic or French user reads in the tracker's admin: quantities as typed in every
form and export, exports in their language (labels, yes/no, local times), and a search box
that finds what a row shows."""

import csv
import datetime
import io
import re

import openpyxl
import pytest
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation

from campaigns.tracker import services
from campaigns.tracker.models import Contribution, Delivery, Need

from .conftest import gift

EDITABLE = (Need, Contribution, Delivery)
DECIMAL_FIELDS = [
    (model, field.name)
    for model in EDITABLE
    for field in model._meta.get_fields()
    if isinstance(field, models.DecimalField)
]
# A whole number written with a meaningless fraction: "25.000", "300.0" (money's "8500.500"
# keeps its currency's minor units).
TRAILING_ZEROS = re.compile(r"\d+[.,]0+")


def url(model, view, *args):
    return reverse(f"wagtailsnippets_tracker_{model._meta.model_name}:{view}", args=args)


@pytest.fixture
def arabic_admin(admin_client, admin_user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "ar"
    profile.save()
    return admin_client


@pytest.fixture
def recorded(need, cash_need):
    """A need of 500 parcels, a gift of 25 parcels and of 10 TND, a delivery of 10 parcels."""
    parcels = gift(need, quantity="25", reference="GIFT-25")
    money = gift(cash_need, amount="10", reference="GIFT-10")
    delivery = services.record_delivery(
        user=services.SYSTEM,
        need=need,
        partner=need.partner,
        quantity="10",
        delivered_on="2020-05-21",
        households_reached=7,
    )
    return {Need: need, Contribution: parcels, Delivery: delivery, "money": money}


@pytest.mark.parametrize(
    ("model", "field"), DECIMAL_FIELDS, ids=[f"{m.__name__}.{f}" for m, f in DECIMAL_FIELDS]
)
def test_edit_forms_show_numbers_as_typed(arabic_admin, recorded, model, field):
    instance = recorded[model]
    if getattr(instance, field) is None:
        instance = recorded["money"]
    page = arabic_admin.get(url(model, "edit", instance.pk)).content.decode()
    value = re.search(rf'<input[^>]*name="{field}"[^>]*>', page).group(0)
    typed = format(getattr(instance, field).normalize(), "f")
    assert f'value="{typed}"' in value, value


@pytest.mark.parametrize("model", EDITABLE, ids=[m.__name__ for m in EDITABLE])
@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_exports_are_readable_in_arabic(arabic_admin, recorded, model, export):
    response = arabic_admin.get(url(model, "list"), {"export": export})
    assert response.status_code == 200
    if export == "csv":
        text = b"".join(response.streaming_content).decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text)))
    else:
        book = openpyxl.load_workbook(io.BytesIO(response.getvalue()))
        rows = [[("" if c is None else c) for c in row] for row in book.active.values]
    cells = [cell for row in rows[1:] for cell in row]
    texts = [str(cell) for cell in cells]
    assert not [t for t in texts if TRAILING_ZEROS.fullmatch(t)], rows
    for raw in ("box", "parcel", "item", "admin", "system", "True", "False", "cash", "in_kind"):
        assert raw not in texts, (raw, rows)
    assert not [t for t in texts if re.search(r"\d:\d\d:\d\d\.\d|\+00:00", t)], rows
    if model is Delivery:
        assert "لا" in texts  # over_received: False, as a word


def test_a_money_amount_keeps_its_minor_units_when_it_has_a_fraction(arabic_admin, cash_need):
    gift(cash_need, amount="12.5", reference="HALF")
    response = arabic_admin.get(url(Contribution, "list"), {"export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "12.500" in text  # TND has three minor units


def test_export_times_are_local_to_the_second(arabic_admin, recorded, settings):
    from portal.readable_exports import local_moment

    moment = datetime.datetime(2026, 11, 30, 1, 18, 3, 961785, tzinfo=datetime.UTC)
    with timezone.override("Africa/Tunis"):
        assert local_moment(moment) == datetime.datetime(2026, 11, 30, 2, 18, 3)


def test_french_exports_speak_french(admin_client, admin_user, recorded):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "fr"
    profile.save()
    response = admin_client.get(url(Delivery, "list"), {"export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert ",Non," in text and ",False," not in text


@pytest.mark.parametrize("model", (Contribution, Delivery), ids=["Contribution", "Delivery"])
@pytest.mark.parametrize("word", ["طرود", "طرود غذائيه", "للاسر"])
def test_listing_search_finds_the_need_title_its_rows_show(arabic_admin, recorded, model, word):
    response = arabic_admin.get(url(model, "list"), {"q": word})
    assert response.status_code == 200
    shown = list(response.context["object_list"])
    assert recorded[model] in shown


def test_french_need_dropdown_shows_the_french_title(admin_client, admin_user, recorded):
    from wagtail.models import Locale
    from wagtail.users.models import UserProfile

    need = recorded[Need]
    french = need.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.title = "Colis alimentaires pour les familles"
    french.save()
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "fr"
    profile.save()
    page = admin_client.get(url(Delivery, "edit", recorded[Delivery].pk)).content.decode()
    options = re.search(r'<select[^>]*name="need".*?</select>', page, re.S).group(0)
    assert "Colis alimentaires pour les familles" in options
    assert need.title not in options


def test_a_delivery_heading_gives_its_date_in_the_readers_words_isolated(recorded):
    # Isolated (FSI … PDI): an Arabic heading showed "(21-05-2020" before it was isolated;
    # in the reader's words and digits, never the ISO date (the trial of issue 19).
    with translation.override("ar"):
        arabic = str(recorded[Delivery])
    with translation.override("fr"):
        french = str(recorded[Delivery])
    # The campaign's conventions choose the digits and the month's name (Tunisia: «21 ماي 2020»).
    assert re.search("\\(\u2068[0-9٠-٩]+ (ماي|أيار|مايو) [0-9٠-٩]+\u2069\\)", arabic), arabic
    assert "(\u206821 mai 2020\u2069)" in french
    assert "2020-05-21" not in arabic + french
