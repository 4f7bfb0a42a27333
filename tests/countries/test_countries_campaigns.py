"""A Maghreb (Morocco) and a Mashreq (Jordan) campaign end to end, and an Egyptian one.

Each is built as staff and partners would: regions of its country, an offer in its
currency accepted into a gift, a cash gift received, aid delivered and confirmed; then its
pages in three languages show its figures, month names, currency sign and digits.
"""

import datetime
import re
from decimal import Decimal

import pytest
import time_machine
from babel import Locale as BabelLocale
from django.contrib.auth import get_user_model
from django.test import Client

from campaigns.people import offers
from campaigns.people.models import Offer
from campaigns.tracker.models import Contribution, Region
from tests.factories import confirmed_delivery, need_for, received_gift

pytestmark = pytest.mark.django_db

CASES = {
    "jordan": {
        "currency": "JOD",
        "region": "JO-IR",
        "region_ar": "إربد",
        "amount": "12.345",
        "too_precise": "12.3456",
        "month_ar": "أيار",
        "sign": "د.أ.",
        "money_ar": "١٬٢٣٤٫٥٠٠\u00a0د.أ.",
        "money_fr": "1\u202f234,500\u00a0JOD",
        "money_en": "1,234.500\u00a0JOD",
        "households_ar": "٢٥",
        "start_ar": "١٥ أيار ٢٠٢٧",
    },
    "morocco": {
        "currency": "MAD",
        "region": "MA-06",
        "region_ar": "الدار البيضاء سطات",
        "amount": "12.34",
        "too_precise": "12.345",
        "month_ar": "ماي",
        "sign": "د.م.",
        "money_ar": "1.234,50\u00a0د.م.",
        "money_fr": "1\u202f234,50\u00a0MAD",
        "money_en": "1,234.50\u00a0MAD",
        "households_ar": "25",
        "start_ar": "10 ماي 2027",
    },
}
WESTERN = re.compile(r"[0-9]")
EASTERN = re.compile(r"[٠-٩]")


def visible_text(html):
    """The text a reader sees in <main>: no tags, attributes, scripts or styles."""
    main = html.split("<main", 1)[1].split(">", 1)[1].split("</main>", 1)[0]
    main = re.sub(r"<(script|style)\b.*?</\1>", " ", main, flags=re.S)
    return re.sub(r"<[^>]+>", " ", main)


def offer_data(case, **changes):
    data = {
        "kind": "cash",
        "amount": case["amount"],
        "currency": case["currency"],
        "region": str(Region.objects.get(code=case["region"]).pk),
        "name": "Salma B.",
        "email": "salma@example.net",
        "website": "",
    }
    data.update(changes)
    return data


def build_figures(campaign, case):
    """An offer accepted, a cash gift received, goods delivered and confirmed."""
    from campaigns.models import PartnerPage

    client = Client()
    url = f"/ar/{campaign.slug}/offer-help/"
    refused = client.post(url, offer_data(case, amount=case["too_precise"]))
    assert refused.status_code == 200  # the form again, with its error (not a 4xx)
    assert "form-problems" in refused.content.decode()
    assert Offer.objects.filter(campaign=campaign).count() == 0
    assert client.post(url, offer_data(case)).status_code == 302
    offer = Offer.objects.get(campaign=campaign)
    assert (offer.currency, offer.amount) == (case["currency"], Decimal(case["amount"]))

    partner = PartnerPage.objects.get(slug="ltdh", locale__language_code="ar")
    staff = get_user_model().objects.create_superuser("countries-staff", "s@example.org", "pw")
    accepted = offers.accept(offer, user=staff, partner=partner)
    pledged = Contribution.objects.get(pk=accepted.contribution_id)
    assert (pledged.currency, pledged.status) == (case["currency"], "pledged")

    cash = need_for(campaign, region=case["region"], category="cash", quantity="10000")
    assert cash.currency == case["currency"]  # the campaign's, not TND
    received_gift(cash, amount="1234.5")
    food = need_for(campaign, region=case["region"], quantity="500")
    received_gift(food, quantity="100")
    confirmed_delivery(food, quantity="60", on=datetime.date(2027, 5, 19), households=25)


@pytest.mark.parametrize("name", ["jordan", "morocco"])
def test_campaign_end_to_end_in_three_languages(request, may_2027, name):
    campaign = request.getfixturevalue(name)
    case = CASES[name]
    assert campaign.currency == case["currency"]
    form = Client().get(f"/ar/{campaign.slug}/offer-help/").content.decode()
    options = re.findall(r'<option value="([A-Z]{3})"', form)
    assert options[0] == case["currency"]  # the country's currency is offered first
    assert case["region_ar"] in form and "القصرين" not in form  # its regions, not Tunisia's

    build_figures(campaign, case)

    client = Client()
    ar = client.get(f"/ar/{campaign.slug}/needs/").content.decode()
    text = visible_text(ar)
    assert case["money_ar"] in text
    assert case["month_ar"] in text
    assert f"{case['households_ar']}" in text
    # Never half and half: all of the page's figures in the country's digits.
    other = WESTERN if campaign.digits == "arab" else EASTERN
    assert not other.findall(text), [
        text[max(0, m.start() - 60) : m.end() + 20] for m in other.finditer(text)
    ]

    page = visible_text(client.get(f"/ar/{campaign.slug}/").content.decode())
    assert case["start_ar"] in page
    assert not other.findall(page), [
        page[max(0, m.start() - 60) : m.end() + 20] for m in other.finditer(page)
    ]

    fr = visible_text(client.get(f"/fr/{campaign.slug}/needs/").content.decode())
    assert case["money_fr"] in fr and "mai" in fr and not EASTERN.findall(fr)
    en = visible_text(client.get(f"/en/{campaign.slug}/needs/").content.decode())
    assert case["money_en"] in en and "May" in en and "25" in en


def test_jordan_closes_at_midnight_amman_time(jordan):
    amman = datetime.timezone(datetime.timedelta(hours=3))
    client = Client()
    with time_machine.travel(datetime.datetime(2027, 5, 31, 23, 59, tzinfo=amman), tick=False):
        assert jordan.state == "running"
        assert "state-banner--running" in client.get("/ar/jordan/").content.decode()
        form = client.get("/ar/jordan/offer-help/").content.decode()
        assert 'name="amount"' in form
    # Midnight in Amman is still 31 May in Tunis (the site's time zone).
    with time_machine.travel(datetime.datetime(2027, 6, 1, 0, 0, 30, tzinfo=amman), tick=False):
        assert jordan.state == "closed"
        page = client.get("/ar/jordan/").content.decode()
        assert "state-banner--closed" in page and "٣١ أيار ٢٠٢٧" in page
        form = client.get("/ar/jordan/offer-help/").content.decode()
        assert 'name="amount"' not in form
        client.post("/ar/jordan/offer-help/", offer_data(CASES["jordan"]))
        assert not Offer.objects.filter(campaign=jordan).exists()


def test_egypt_shows_the_digits_cldr_gives_ar_eg(may_2027, egypt):
    cldr = BabelLocale.parse("ar_EG").default_numbering_system
    assert egypt.digits == cldr
    text = visible_text(Client().get("/ar/egypt/").content.decode())
    start = "١٢ مايو ٢٠٢٧" if cldr == "arab" else "12 مايو 2027"
    assert start in text


def test_an_override_on_the_campaign_wins(may_2027, jordan):
    jordan.digits_override = "latn"
    jordan.currency_override = "USD"
    jordan.save_revision().publish()
    text = visible_text(Client().get("/ar/jordan/").content.decode())
    assert "15 أيار 2027" in text
    form = Client().get("/ar/jordan/offer-help/").content.decode()
    assert re.findall(r'<option value="([A-Z]{3})"', form)[0] == "USD"


def test_the_acknowledgement_email_writes_the_amount_as_jordan_does(
    may_2027, jordan, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post("/ar/jordan/offer-help/", offer_data(CASES["jordan"]))
    assert response.status_code == 302
    assert "١٢٫٣٤٥\u00a0د.أ." in mailoutbox[-1].body
