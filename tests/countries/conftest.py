"""Campaigns in other Arab states, built as communications staff and partners would."""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from wagtail.models import Locale

from campaigns.models import CampaignPage, CampaignPartner, PartnerPage
from home.models import HomePage


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    yield
    cache.clear()


def make_campaign(country, slug, start, end, **fields):
    """A published Arabic campaign in ``country`` with one partner, translated to fr and en."""
    home = HomePage.objects.get(locale__language_code="ar")
    partner = PartnerPage.objects.get(slug="ltdh", locale__language_code="ar")
    page = CampaignPage(
        title=f"حملة {slug}",
        slug=slug,
        country=country,
        start_date=start,
        end_date=end,
        summary="حملة تضامن",
        campaign_partners=[CampaignPartner(partner=partner, role="implementing")],
        **fields,
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    for code in ("fr", "en"):
        translation = page.copy_for_translation(Locale.objects.get(language_code=code))
        translation.save_revision().publish()
    return CampaignPage.objects.get(pk=page.pk)


@pytest.fixture
def jordan(db):
    """Jordan, 15-31 May 2027: JOD, «أيار», Arabic-Indic digits, Amman time."""
    return make_campaign("JO", "jordan", datetime.date(2027, 5, 15), datetime.date(2027, 5, 31))


@pytest.fixture
def morocco(db):
    """Morocco, 10-25 May 2027: MAD, «ماي», Western digits, Casablanca time."""
    return make_campaign("MA", "morocco", datetime.date(2027, 5, 10), datetime.date(2027, 5, 25))


@pytest.fixture
def egypt(db):
    return make_campaign("EG", "egypt", datetime.date(2027, 5, 12), datetime.date(2027, 5, 28))


@pytest.fixture
def may_2027():
    """20 May 2027, noon in Amman: the three campaigns run."""
    with time_machine.travel(
        datetime.datetime(2027, 5, 20, 12, tzinfo=datetime.timezone(datetime.timedelta(hours=3))),
        tick=False,
    ):
        yield
