"""A campaign's release reads like the campaign: its month names and digits, its commas."""

import re

import pytest

pytestmark = pytest.mark.django_db


def _date_line(html):
    return re.search(r'<p class="page-header__meta">(.*?)</p>', html, re.S).group(1)


def test_arabic_release_dates_like_its_campaign(client, press):
    campaign = client.get("/ar/jesr/").content.decode()
    release = client.get("/ar/press/jesr-launch/").content.decode()
    line = _date_line(release)
    day = re.search(r"<time[^>]*>([^<]+)</time>", line).group(1)
    assert "ماي" in day and "مايو" not in day, day  # Tunisian month names, as the campaign
    assert day in campaign or day.split()[1] in campaign, (day, "not the campaign's convention")


def test_no_space_before_the_arabic_comma(client, press):
    line = _date_line(client.get("/ar/press/jesr-launch/").content.decode())
    text = re.sub(r"<[^>]+>", "", line)
    assert "،" in text and not re.search(r"\s،", text), text
