"""XLSX exports from the admin: the sheet bears the listing's title, and in Arabic it reads
right to left as the admin does (it was «Sheet1», left to right, in the Arabic trial)."""

import io

import openpyxl
import pytest
import wagtail
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.users.models import UserProfile

from campaigns.tracker.models import Need
from portal import wagtail_xlsx_sheets

pytestmark = pytest.mark.django_db

LISTINGS = ["wagtailsnippets_tracker_need:list", "wagtailadmin_reports:site_history"]


def admin_in(client, language):
    user = get_user_model().objects.create_superuser("xlsx", "x@example.org", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return client


def exported_sheet(client, name):
    response = client.get(reverse(name), {"export": "xlsx"})
    assert response.status_code == 200, name
    return openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).worksheets[0]


@pytest.mark.parametrize("name", LISTINGS)
@pytest.mark.parametrize(("language", "rtl"), [("ar", True), ("fr", False)])
def test_the_sheet_is_named_and_set_in_the_readers_direction(client, name, language, rtl):
    sheet = exported_sheet(admin_in(client, language), name)
    assert sheet.title != "Sheet1"
    assert bool(sheet.sheet_view.rightToLeft) is rtl
    if name.startswith("wagtailsnippets_tracker_need"):
        with translation.override(language):
            assert sheet.title == str(Need._meta.verbose_name_plural).capitalize()[:31]
    assert sheet.max_row >= 1 and sheet.cell(1, 1).value  # upstream's headings are kept


def test_sheet_names_are_what_excel_accepts():
    assert wagtail_xlsx_sheets.sheet_name("Besoins: mai/juin [2020]?") == "Besoins  mai juin  2020"
    assert len(wagtail_xlsx_sheets.sheet_name("ا" * 40)) == 31
    assert wagtail_xlsx_sheets.sheet_name(" / ") is None


def test_the_wrapper_is_pinned_to_the_wagtail_it_was_written_for():
    """Wagtail 8.0 names the sheet «Sheet1» inside ``write_xlsx``; on another release, check
    whether it names it and sets the direction itself, then move ``PATCHED_FOR`` or delete."""
    assert wagtail.__version__.startswith(wagtail_xlsx_sheets.PATCHED_FOR + ".")
    assert SpreadsheetExportMixin.write_xlsx is wagtail_xlsx_sheets.NamedSheetExportMixin.write_xlsx
