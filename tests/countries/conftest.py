"""Campaigns in other Arab states, built as communications staff and partners would."""

import datetime

import pytest
import time_machine
from django.core.cache import cache

from tests.factories import CampaignFactory


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def jordan(db):
    """Jordan, 15-31 May 2027: JOD, «أيار», Arabic-Indic digits, Amman time."""
    return CampaignFactory(
        country="JO", slug="jordan",
        start_date=datetime.date(2027, 5, 15), end_date=datetime.date(2027, 5, 31),
    )  # fmt: skip


@pytest.fixture
def morocco(db):
    """Morocco, 10-25 May 2027: MAD, «ماي», Western digits, Casablanca time."""
    return CampaignFactory(
        country="MA", slug="morocco",
        start_date=datetime.date(2027, 5, 10), end_date=datetime.date(2027, 5, 25),
    )  # fmt: skip


@pytest.fixture
def egypt(db):
    return CampaignFactory(
        country="EG", slug="egypt",
        start_date=datetime.date(2027, 5, 12), end_date=datetime.date(2027, 5, 28),
    )  # fmt: skip


@pytest.fixture
def may_2027():
    """20 May 2027, noon in Amman: the three campaigns run."""
    with time_machine.travel(
        datetime.datetime(2027, 5, 20, 12, tzinfo=datetime.timezone(datetime.timedelta(hours=3))),
        tick=False,
    ):
        yield
