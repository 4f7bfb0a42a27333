"""Dates typed day first, as Arabic and French readers write them, read the same with or
without JavaScript; month first in English, as Django reads it there; never a silent guess."""

import datetime

import pytest
from django import forms
from django.utils import translation


@pytest.mark.parametrize(
    ("language", "typed", "day"),
    [
        ("ar", "31/12/2026", datetime.date(2026, 12, 31)),
        ("ar", "٣١/١٢/٢٠٢٦", datetime.date(2026, 12, 31)),
        ("ar", "٢٠٢٦-١٢-٣١", datetime.date(2026, 12, 31)),
        ("fr", "31/12/2026", datetime.date(2026, 12, 31)),
        ("en", "12/31/2026", datetime.date(2026, 12, 31)),
    ],
)
def test_a_typed_date_is_read_in_the_languages_order(language, typed, day):
    with translation.override(language):
        assert forms.DateField().clean(typed) == day


@pytest.mark.parametrize(("language", "typed"), [("ar", "12/31/2026"), ("en", "31/12/2026")])
def test_the_other_order_is_refused_with_a_message_not_guessed(language, typed):
    with translation.override(language), pytest.raises(forms.ValidationError):
        forms.DateField().clean(typed)
