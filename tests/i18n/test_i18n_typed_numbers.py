"""One rule for the decimal mark a person types (portal/localization/digits.py): a French
comma, the Arabic ``٫`` and a comma after Arabic-Indic digits are decimal marks; thousands
are grouped by three with ``٬`` or a (no-break, narrow no-break) space; a value that can be
read two ways is refused with a message in the user's language, never guessed."""

from decimal import Decimal

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation
from rest_framework import serializers
from rest_framework.exceptions import ValidationError as DRFValidationError

from portal.localization.digits import NumberNotClear, read_number

READ_IN_EVERY_LANGUAGE = [
    ("١٢٣,٤٥٠", "123.450"),  # a comma after Arabic-Indic digits
    ("١٢٣٫٤٥", "123.45"),  # the Arabic decimal separator
    ("١٬٢٣٤٫٥", "1234.5"),  # with the Arabic thousands separator
    ("١٢٣،٥", "123.5"),  # the Arabic comma
    ("1\u202f234.5", "1234.5"),  # narrow no-break space (French, as CLDR writes it)
    ("1\u00a0234.5", "1234.5"),  # no-break space
    ("1 234 567", "1234567"),
    ("12.5", "12.5"),
    ("12,5", "12.5"),  # a comma before anything but three digits is only a decimal mark
    ("-3.5", "-3.5"),
    ("\u200f١٢\u200f", "12"),  # bidi marks copied from a formatted figure
]


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
@pytest.mark.parametrize(("typed", "read"), READ_IN_EVERY_LANGUAGE)
def test_read_in_every_language(language, typed, read):
    with translation.override(language):
        assert read_number(typed) == read


@pytest.mark.parametrize(
    ("typed", "read"),
    [("123,45", "123.45"), ("1,500", "1.500"), ("1\u202f234,5", "1234.5"), ("-3,500", "-3.500")],
)
def test_a_french_comma_is_the_decimal_mark(typed, read):
    with translation.override("fr"):
        assert read_number(typed) == read


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_comma_before_three_digits_is_refused_where_it_may_group_thousands(language):
    with translation.override(language), pytest.raises(NumberNotClear) as refused:
        read_number("1,500")
    assert refused.value.code == "ambiguous_comma"
    # The message names both readings.
    assert "1.500" in str(refused.value.message) and "1\u00a0500" in str(refused.value.message)


@pytest.mark.parametrize(
    ("typed", "code"),
    [("1,234.5", "two_decimal_marks"), ("1.234,5", "two_decimal_marks"), ("12 34", "bad_grouping")],
)
def test_what_cannot_be_read_one_way_is_refused(typed, code):
    with translation.override("fr"), pytest.raises(NumberNotClear) as refused:
        read_number(typed)
    assert refused.value.code == code


def test_a_csv_file_decides_for_the_comma():
    with translation.override("en"):
        assert read_number("1,500", decimal_comma=True) == "1.500"


@pytest.mark.parametrize(
    ("language", "typed", "expected"),
    [
        ("ar", "١٢٣,٤٥٠", Decimal("123.450")),
        ("fr", "123,45", Decimal("123.45")),
        ("ar", "١٬٢٣٤٫٥", Decimal("1234.5")),
        ("fr", "1\u202f234,5", Decimal("1234.5")),
        ("en", "1\u00a0234.5", Decimal("1234.5")),
    ],
)
def test_every_form_and_serializer_number_field_reads_them(language, typed, expected):
    with translation.override(language):
        assert forms.DecimalField().clean(typed) == expected
        assert forms.FloatField().clean(typed) == float(expected)
        field = serializers.DecimalField(max_digits=None, decimal_places=None)
        assert field.run_validation(typed) == expected


def test_an_ambiguous_number_is_a_field_error_in_the_users_language():
    with translation.override("ar"):
        with pytest.raises(ValidationError) as refused:
            forms.DecimalField().clean("1,500")
        assert "يمكن قراءة" in refused.value.messages[0]
        with pytest.raises(DRFValidationError) as refused:
            serializers.IntegerField().run_validation("1,500")
        assert "يمكن قراءة" in str(refused.value.detail[0])
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        forms.IntegerField().clean("1,500")
    assert "can be read two ways" in refused.value.messages[0]
