"""Values listed for people are separated as their language writes a list: «أ، ب، ج» in
Arabic, never the Latin comma of «أ, ب, ج» (the Arabic trial of the admin and the import)."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from campaigns.api.models.keys import PartnerApiKey, Scope
from campaigns.press.validators import validate_attachment
from campaigns.tracker.import_files import ImportRefused, read_table

ARABIC = ("، ", ", ")  # (the comma Arabic lists take, the Latin one they must not)


def listed(text):
    return ARABIC[0] in text and ARABIC[1] not in text


def test_allowed_attachment_types_are_listed_with_the_arabic_comma():
    with translation.override("ar"), pytest.raises(ValidationError) as refused:
        validate_attachment("poster.exe", 10, "ملصق")
    assert listed(" ".join(refused.value.messages)), refused.value.messages


def test_missing_import_columns_are_listed_with_the_arabic_comma():
    with translation.override("ar"), pytest.raises(ImportRefused) as refused:
        read_table(io.BytesIO(b"note\r\n1\r\n"), "deliveries")
    assert listed(str(refused.value)), str(refused.value)


def test_an_api_keys_scopes_are_listed_with_the_arabic_comma():
    key = PartnerApiKey(scopes=[Scope.NEEDS_WRITE, Scope.DELIVERIES_WRITE])
    with translation.override("ar"):
        assert listed(key.scopes_label), key.scopes_label
    with translation.override("fr"):
        assert ", " in key.scopes_label and "، " not in key.scopes_label
