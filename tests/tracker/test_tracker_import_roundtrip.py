"""The admin's own exports import back (issue #19, fresh-eyes trial): needs and deliveries
downloaded from the Arabic or the French admin — headings, region names and category, unit
and urgency labels in the reader's language — are read by the import page as they are; a file
written by hand in Arabic words imports too; an unknown value names the valid ones; and the
import page lists the columns and values it reads."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from wagtail.users.models import UserProfile

from campaigns.tracker import aggregates, services
from campaigns.tracker.admin_import import imported_message
from campaigns.tracker.imports import Report
from campaigns.tracker.models import Contribution, Delivery, Need

from .conftest import gift, partner_group

URL = "/admin/tracker-import/"


@pytest.fixture
def staff_client(client, member):
    """Partner staff with the import's rights, signed in; the test sets their language."""
    member.groups.add(partner_group("Partner staff (round trip)"))
    client.force_login(member)

    def in_language(code):
        profile = UserProfile.get_for_user(member)
        profile.preferred_language = code
        profile.save()
        return client

    return in_language


def export(client, model, campaign, export_format="csv"):
    """The file the listing's «Download CSV» (or XLSX) gives, for one campaign."""
    url = reverse(f"wagtailsnippets_tracker_{model}:list")
    response = client.get(url, {"campaign": campaign.pk, "export": export_format})
    assert response.status_code == 200
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def import_file(client, kind, partner, content, name="export.csv"):
    upload = SimpleUploadedFile(name, content, content_type="text/csv")
    form = {"kind": kind, "partner": partner.pk, "campaign": "", "file": upload}
    html = client.post(URL, form, follow=True).content.decode()
    print(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html[html.find("<main") :]))[:1500])
    return html


def needs_of(campaign):
    return sorted(
        (n.title, n.category, n.region.code, n.quantity, n.unit, n.currency, n.urgency, n.deadline)
        for n in Need.objects.filter(campaign=campaign, locale=campaign.locale)
    )


@pytest.mark.parametrize(
    ("language", "export_format"), [("ar", "csv"), ("fr", "csv"), ("ar", "xlsx")]
)
def test_the_needs_export_imports_back(
    staff_client, language, export_format, campaign, partner, sfax
):
    client = staff_client(language)
    services.create_need(
        user=services.SYSTEM, campaign=campaign, partner=partner, category="medicine",
        region=sfax, title="أدوية مزمنة", quantity="12.5", unit="box", urgency="critical",
        deadline=datetime.date(2020, 5, 28),
    )  # fmt: skip
    services.create_need(
        user=services.SYSTEM, campaign=campaign, partner=partner, category="cash",
        region=sfax, title="مساعدات مالية", quantity="10000", currency="TND",
    )  # fmt: skip
    before = needs_of(campaign)
    content = export(client, "need", campaign, export_format)
    Need.objects.filter(campaign=campaign).delete()

    html = import_file(client, "needs", partner, content, f"needs.{export_format}")
    assert "data-import-errors" not in html

    assert needs_of(campaign) == before
    assert {need[4] for need in before} == {"box", ""}  # both needs were exported


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_the_deliveries_export_imports_back(staff_client, language, need, partner):
    client = staff_client(language)
    gift(need, quantity="100")
    for quantity, day, households, reference in (("12.5", 21, 13, "D-1"), ("30", 22, 9, "")):
        services.record_delivery(
            user=services.SYSTEM, need=need, partner=partner, quantity=quantity,
            delivered_on=datetime.date(2020, 5, day), households_reached=households,
            reference=reference,
        )  # fmt: skip
    rows = (
        "need_id",
        "region__code",
        "quantity",
        "delivered_on",
        "households_reached",
        "reference",
    )
    before = sorted(Delivery.objects.filter(need=need).values_list(*rows))
    content = export(client, "delivery", need.campaign)
    Delivery.objects.filter(need=need).delete()

    html = import_file(client, "deliveries", partner, content)
    assert "data-import-errors" not in html

    assert sorted(Delivery.objects.filter(need=need).values_list(*rows)) == before
    assert len(before) == 2


def test_a_file_in_arabic_words_imports(staff_client, campaign, partner):
    client = staff_client("ar")
    # Headings as the Arabic admin writes them; a region name without its hamza and with a
    # final haa (أريانة typed اريانه), category, unit and urgency by their Arabic labels.
    text = (
        "حملة,العنوان,الصنف,الجهة,الكمية,الوحدة,الأولوية\r\n"
        f"{campaign.slug},حقائب مدرسية,لوازم مدرسية,اريانه,40,حقيبة,مرتفعة\r\n"
        f"{campaign.title},أغطية,Shelter,TN-42,٢٠,couvertures,Critique\r\n"
    )
    html = import_file(client, "needs", partner, ("\ufeff" + text).encode())
    assert "data-import-errors" not in html
    assert needs_of(campaign) == [
        ("أغطية", "shelter", "TN-42", Decimal("20"), "blanket", "", "critical", None),
        ("حقائب مدرسية", "school_kits", "TN-12", Decimal("40"), "kit", "", "high", None),
    ]


def test_an_unknown_region_or_category_names_the_valid_values(staff_client, campaign, partner):
    client = staff_client("ar")
    text = f"campaign,title,category,الجهة,quantity\r\n{campaign.slug},طرود,طعام,كاسرين,40\r\n"
    html = import_file(client, "needs", partner, text.encode())
    errors = html.split("data-import-errors")[1].split("</section>")[0]
    print(errors)
    assert "كاسرين" in errors and "طعام" in errors
    # Each error's column as the file heads it (and as the import names it).
    assert "<bdi>الجهة</bdi> (<bdi>region</bdi>)" in errors and "<bdi>category</bdi></td>" in errors
    # The region's error names the campaign's country's regions, by code and Arabic name
    # (not another country's); the category's names the Arabic labels.
    assert "TN-42" in errors and "القصرين" in errors and "DZ-" not in errors
    assert "مواد غذائية" in errors and "أدوية" in errors
    assert not Need.objects.filter(campaign=campaign).exists()


def test_the_import_page_lists_columns_and_values(staff_client, campaign):
    html = staff_client("ar").get(URL).content.decode()
    # Needs' columns in Arabic and as field names, the values of each choice column in
    # Arabic, and the regions by code and name.
    for expected in ("الصنف", "category", "مواد غذائية", "طرد", "مرتفعة", "TN-42", "القصرين"):
        assert expected in html, expected
    french = staff_client("fr").get(URL).content.decode()
    for expected in ("Catégorie", "Alimentation", "colis", "Élevée", "Kasserine"):
        assert expected in french, expected


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_the_contributions_export_imports_back(staff_client, language, need, cash_need, partner):
    client = staff_client(language)
    gift(need, quantity="25", reference="G-25")
    gift(cash_need, amount="12.5", reference="G-12", status="pledged")
    rows = ("need_id", "kind", "amount", "currency", "quantity", "unit", "status", "reference")
    before = sorted(Contribution.objects.filter(partner=partner).values_list(*rows))
    content = export(client, "contribution", need.campaign)
    Contribution.objects.filter(campaign=need.campaign).delete()

    html = import_file(client, "contributions", partner, content)
    assert "data-import-errors" not in html

    assert sorted(Contribution.objects.filter(partner=partner).values_list(*rows)) == before


def public_figures(*needs):
    """What the public pages show of the needs' campaign: its totals and each need's."""
    return aggregates.totals_for(needs[0].campaign), [aggregates.need_figures(n) for n in needs]


@pytest.mark.parametrize(
    ("language", "export_format"), [("ar", "csv"), ("fr", "csv"), ("ar", "xlsx"), ("fr", "xlsx")]
)
def test_entries_exported_without_reference_are_not_imported_twice(
    staff_client, colleague, language, export_format, need, cash_need, partner
):
    """Contributions and deliveries recorded without a partner reference, exported from the
    admin and imported back unchanged, are recognised by the export's id column: skipped,
    never duplicated, and the public figures stay as they were (fresh-eyes trial: boxes
    received 240 → 360)."""
    client = staff_client(language)
    gift(need, quantity="240")
    gift(cash_need, amount="12.5", status="pledged")
    for quantity, day in (("100", 21), ("40", 22)):
        delivery = services.record_delivery(
            user=services.SYSTEM, need=need, partner=partner, quantity=quantity,
            delivered_on=datetime.date(2020, 5, day), households_reached=7,
        )  # fmt: skip
        services.confirm_delivery(delivery, user=colleague)
    figures = public_figures(need, cash_need)
    assert figures[1][0]["received"] == Decimal("240")

    for model, kind, entries in (
        ("contribution", "contributions", Contribution.objects.filter(campaign=need.campaign)),
        ("delivery", "deliveries", Delivery.objects.filter(campaign=need.campaign)),
    ):
        before = sorted(entries.values_list("pk", flat=True))
        content = export(client, model, need.campaign, export_format)
        html = import_file(client, kind, partner, content, f"{kind}.{export_format}")
        assert "data-import-errors" not in html

        assert sorted(entries.values_list("pk", flat=True)) == before
        assert len(before) == 2
        with translation.override(language):
            message = imported_message(Report(imported=0, skipped=len(before)))
        assert escape(message) in html
    assert public_figures(need, cash_need) == figures


def test_an_unknown_or_foreign_id_imports_as_new(staff_client, need, partner, other_partner):
    """An id of no contribution, or of another organisation's, is as if no id were given:
    the row is imported as a new entry (and the import tells nothing of other ids)."""
    client = staff_client("ar")
    foreign = services.record_contribution(
        user=services.SYSTEM, campaign=need.campaign, partner=other_partner, kind="cash",
        amount="5", currency="TND", status="pledged",
    )  # fmt: skip
    text = (
        "الرقم,need_id,kind,quantity,unit,status\r\n"
        f"{foreign.pk},{need.pk},in_kind,3,parcel,received\r\n"
        f"{foreign.pk + 1000},{need.pk},in_kind,4,parcel,received\r\n"
    )
    html = import_file(client, "contributions", partner, text.encode())
    assert "data-import-errors" not in html
    mine = Contribution.objects.filter(partner=partner, campaign=need.campaign).values_list(
        "quantity", flat=True
    )
    assert sorted(mine) == [Decimal("3"), Decimal("4")]
    assert Contribution.objects.filter(pk=foreign.pk, partner=other_partner).exists()
