"""The French admin writes the first of the month as an ordinal, «1er décembre 2026», in
every date it formats in words (``format_day``'s styles and ``format_moment``); other days
and numeric dates stay cardinal («11 décembre», «1/12»)."""

from datetime import UTC, date, datetime

import pytest

from portal.localization.numbers import DAY_FORMATS, format_day, format_moment

IN_WORDS = [style for style, pattern in DAY_FORMATS.items() if "MMM" in pattern]


def test_some_styles_write_the_month_in_words():
    assert IN_WORDS


@pytest.mark.parametrize("style", IN_WORDS)
def test_the_first_is_an_ordinal_in_french(style):
    assert format_day(date(2026, 12, 1), "fr", style).startswith("1er décembre")
    assert format_day(date(2026, 12, 11), "fr", style).startswith("11 décembre")
    assert format_day(date(2026, 12, 1), "en", style).startswith("1 December")


@pytest.mark.parametrize("style", sorted(set(DAY_FORMATS) - set(IN_WORDS)))
def test_numeric_dates_stay_cardinal(style):
    assert "er" not in format_day(date(2026, 12, 1), "fr", style)


def test_a_moment_on_the_first_in_french(settings):
    settings.TIME_ZONE = "UTC"
    text = format_moment(datetime(2026, 12, 1, 10, 5, tzinfo=UTC), "fr")
    assert text.startswith("1er décembre 2026")
