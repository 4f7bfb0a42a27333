"""A campaign's days are its country's: the needs page's per-day figures and the check that
a delivery is not in the future use the campaign's time zone, not the site's (Tunis)."""

import datetime
import re

import pytest
import time_machine
from django.test import Client

from campaigns.tracker.errors import TrackerValidationError
from tests.factories import confirmed_delivery, need_for, received_gift

pytestmark = pytest.mark.django_db
AMMAN = datetime.timezone(datetime.timedelta(hours=3))
# 00:30 on 20 May in Amman is still 19 May, 22:30, in Tunis.
JUST_AFTER_MIDNIGHT = datetime.datetime(2027, 5, 20, 0, 30, tzinfo=AMMAN)


def per_day(html):
    """The needs page's per-day table: {ISO date: (gifts received, deliveries confirmed)}."""
    rows = re.findall(
        r'<time datetime="(\d{4}-\d\d-\d\d)">.*?</time></th>\s*<td>(.*?)</td>\s*<td>(.*?)</td>',
        html,
        flags=re.S,
    )
    return {day: (received.strip(), delivered.strip()) for day, received, delivered in rows}


def test_a_gift_received_at_half_past_midnight_in_amman_counts_on_that_day(jordan):
    need = need_for(jordan, region="JO-IR")
    with time_machine.travel(JUST_AFTER_MIDNIGHT, tick=False):
        received_gift(need, quantity="5")
        confirmed_delivery(need, quantity="5", on=datetime.date(2027, 5, 20), households=12)
        table = per_day(Client().get("/en/jordan/needs/").content.decode())
    assert table["2027-05-20"] == ("1", "1")
    assert table["2027-05-19"] == ("0", "0")


def test_a_delivery_of_today_in_amman_is_not_in_the_future(jordan):
    need = need_for(jordan, region="JO-IR")
    with time_machine.travel(JUST_AFTER_MIDNIGHT, tick=False):
        received_gift(need, quantity="10")
        delivery = confirmed_delivery(
            need, quantity="5", on=datetime.date(2027, 5, 20), households=12
        )
        assert delivery.delivered_on == datetime.date(2027, 5, 20)
        with pytest.raises(TrackerValidationError) as refused:
            confirmed_delivery(need, quantity="5", on=datetime.date(2027, 5, 21), households=12)
    assert "delivered_on" in refused.value.message_dict
