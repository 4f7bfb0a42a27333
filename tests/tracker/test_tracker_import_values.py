"""Import errors name the column as the person's file heads it (or by its label in their
language, when the file lacks it) and, for a choice column, list the values it accepts in
their language (the Arabic and French trial of the import page: «unit» and «معرّف»)."""

import io

import pytest
from django.utils import translation

from campaigns.tracker.import_aliases import choice_columns, column_label
from campaigns.tracker.import_columns import COLUMNS
from campaigns.tracker.import_values import value_columns
from campaigns.tracker.imports import run_import
from campaigns.tracker.models import Region

from .conftest import gift

LANGUAGES = ("ar", "fr")
CASES = [(kind, column) for kind in COLUMNS for column in value_columns(kind)]


def base_row(kind, need):
    if kind == "needs":
        return {
            "category": "food", "region": "TN-42", "title": "طرود", "quantity": "5",
            "unit": "parcel", "campaign": "test-campaign", "urgency": "high",
        }  # fmt: skip
    if kind == "contributions":
        return {
            "kind": "cash", "campaign": "test-campaign", "amount": "10", "currency": "TND",
            "status": "received",
        }  # fmt: skip
    return {"need_id": str(need.pk), "quantity": "1", "delivered_on": "21/05/2020"}


def csv_file(row, headings):
    text = ";".join(headings[c] for c in row) + "\r\n" + ";".join(row.values()) + "\r\n"
    return io.BytesIO(text.encode("utf-8-sig"))


def expected_values(kind, column, need):
    """Some of the values ``column`` accepts, as the active language writes them."""
    if column == "campaign":
        return ["test-campaign"]
    if column == "currency":
        return ["TND"]
    if column == "region":
        return [Region.objects.get(code="TN-42").name, "TN-61"]
    return [str(label) for _code, label in choice_columns(kind)[column].choices]


def test_every_choice_column_is_covered():
    assert {c for _k, c in CASES} == {
        "unit", "category", "urgency", "kind", "status", "currency", "region", "campaign",
    }  # fmt: skip


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("kind", "column"), CASES)
def test_an_unknown_value_names_the_files_heading_and_lists_the_values(
    kind, column, language, need, partner, member
):
    gift(need, quantity="50")
    with translation.override(language):
        row = {**base_row(kind, need), column: "zzz"}
        headings = {c: column_label(kind, c) for c in row}
        report = run_import(csv_file(row, headings), kind, partner.slug, user=member)
        errors = {f: (h, m) for _n, f, h, m in report.named_errors}
        heading, message = errors[column]
        assert heading == headings[column]
        values = expected_values(kind, column, need)
        for value in values:
            assert value in message, (message, value)
        if language == "ar" and len(values) > 1:
            assert "، " in message and ", " not in message, message
        assert "معرّف" not in message


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_missing_unit_is_named_in_the_readers_language_with_the_units(
    language, campaign, partner, member
):
    row = {"category": "food", "region": "TN-42", "title": "طرود", "quantity": "5"}
    with translation.override(language):
        report = run_import(
            csv_file(row, {c: c for c in row}), "needs", partner.slug, campaign="test-campaign",
            user=member,
        )  # fmt: skip
        (line, column, heading, message), *_rest = report.named_errors
        assert column == "unit" and heading == column_label("needs", "unit") != "unit"
        for _code, label in choice_columns("needs")["unit"].choices:
            assert str(label) in message


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_missing_campaign_lists_the_campaigns_and_asks_for_no_id(
    language, campaign, partner, member
):
    row = {"category": "food", "region": "TN-42", "title": "طرود", "quantity": "5", "unit": "kg"}
    with translation.override(language):
        report = run_import(csv_file(row, {c: c for c in row}), "needs", partner.slug, user=member)
        (_line, column, heading, message), *_rest = report.named_errors
        assert column == "campaign" and heading == column_label("needs", "campaign")
        assert "test-campaign" in message and "معرّف" not in message
