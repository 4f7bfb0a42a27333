"""The admin's CSV import page (issue #19): partner staff import their organisation's needs,
contributions or deliveries from the tracker's menu, with JavaScript off and in Arabic; a bad
file lists each bad row and column and keeps nothing; a good one says how many rows were
imported and skipped."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.users.models import UserProfile

from campaigns.tracker.models import Delivery, Need

from .conftest import gift, partner_group

URL = "/admin/tracker-import/"


@pytest.fixture
def partner_client(client, member):
    member.groups.add(partner_group("Partner staff (import)"))
    profile = UserProfile.get_for_user(member)
    profile.preferred_language = "ar"
    profile.save()
    client.force_login(member)
    return client


def upload(text, name="file.csv", encoding="utf-8-sig"):
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


def test_the_tracker_menu_links_to_the_import_page(partner_client):
    home = partner_client.get(reverse("wagtailadmin_home")).content.decode()
    assert URL in home
    page = partner_client.get(URL)
    html = page.content.decode()
    assert page.status_code == 200
    assert 'dir="rtl"' in html and "استيراد من ملف CSV" in html
    # A plain form: no JavaScript needed to send the file.
    assert re.search(r'<form method="post" enctype="multipart/form-data"', html)
    assert 'type="radio" name="kind"' in html and 'type="file" name="file"' in html
    assert reverse("tracker_import:template_deliveries") in html


def test_a_template_file_per_kind(partner_client):
    response = partner_client.get(reverse("tracker_import:template_deliveries"))
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.decode("utf-8-sig").startswith("need_id,quantity,delivered_on")


def test_a_good_file_says_how_many_rows_were_imported(partner_client, need, partner):
    gift(need, quantity="50")
    text = (
        "need_id;quantity;delivered_on;households_reached;reference\r\n"
        f"{need.pk};12,5;21/05/2020;13;ADM-1\r\n"
        f"{need.pk};٢٫٥;٢١/٠٥/٢٠٢٠;٤;ADM-2\r\n"
    )
    form = {"kind": "deliveries", "partner": partner.pk, "campaign": "", "file": upload(text)}
    response = partner_client.post(URL, form, follow=True)
    assert response.status_code == 200
    assert "تم استيراد صفين" in response.content.decode()
    assert Delivery.objects.filter(need=need, reference__startswith="ADM-").count() == 2
    again = {**form, "file": upload(text)}
    html = partner_client.post(URL, again, follow=True).content.decode()
    assert "صفان سبق استيرادهما" in html  # skipped, not imported twice
    assert Delivery.objects.filter(need=need, reference__startswith="ADM-").count() == 2


def test_a_bad_file_lists_each_bad_row_and_column_and_keeps_nothing(partner_client, need, partner):
    gift(need, quantity="50")
    text = (
        "need_id;quantity;delivered_on;households_reached;reference\r\n"
        f"{need.pk};12,5;21/05/2020;13;BAD-1\r\n"
        f"{need.pk};3;05/21/2020;4;BAD-2\r\n"
        f"{need.pk};1,234.5;21/05/2020;4;BAD-3\r\n"
    )
    response = partner_client.post(
        URL, {"kind": "deliveries", "partner": partner.pk, "file": upload(text)}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "لم يُستورد شيء" in html
    rows = re.findall(r"<tr>\s*<td>(\d+)</td>\s*<td><bdi>(\w+)</bdi></td>", html)
    assert rows == [("3", "delivered_on"), ("4", "quantity")]
    assert "اكتبوا التاريخ" in html
    assert not Delivery.objects.filter(reference__startswith="BAD-").exists()


def test_partner_staff_import_only_for_their_own_organisation(
    partner_client, campaign, other_partner
):
    text = "category;region;title;quantity\r\nfood;TN-42;طرود;10\r\n"
    response = partner_client.post(
        URL,
        {
            "kind": "needs",
            "partner": other_partner.pk,
            "campaign": campaign.pk,
            "file": upload(text),
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["partner"]  # not one of the choices
    assert not Need.objects.filter(title="طرود").exists()
    assert f'value="{other_partner.pk}"' not in response.content.decode()


def test_the_import_needs_the_permission_to_add_entries(client, member):
    member.groups.add(partner_group("Partner staff (read only)", actions=("view",)))
    client.force_login(member)
    assert client.get(URL).status_code in (302, 403)
    assert URL not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_a_workbook_is_refused_before_it_is_read(partner_client, partner):
    workbook = SimpleUploadedFile("needs.xlsx", b"PK\x03\x04rest")
    response = partner_client.post(URL, {"kind": "needs", "partner": partner.pk, "file": workbook})
    assert "ليس ملف CSV" in " ".join(response.context["form"].errors["file"])


def test_an_old_excel_workbook_is_refused_not_a_500(partner_client, partner):
    workbook = SimpleUploadedFile("needs.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00;a\x00")
    response = partner_client.post(URL, {"kind": "needs", "partner": partner.pk, "file": workbook})
    assert response.status_code == 200
    assert "ليس ملف CSV" in " ".join(response.context["form"].errors["file"])


def test_the_page_is_headed_by_its_name_not_home(partner_client):
    """The visible header (Wagtail's breadcrumbs) read «الرئيسية» alone (the second trial)."""
    html = partner_client.get(URL).content.decode()
    crumbs = html[html.index("data-w-breadcrumbs") :]
    crumbs = crumbs[: crumbs.index("</ol>")]
    assert "استيراد من ملف CSV" in re.sub(r"<[^>]+>", " ", crumbs)


def test_the_date_formats_in_arabic_help_and_errors_read_left_to_right(partner_client):
    """«… dd/mm/yyyy أو yyyy-mm-dd» was laid out as «yyyy-» / «mm-dd.» in the Arabic help:
    each format is isolated (FSI … PDI) so it keeps its own direction."""
    html = partner_client.get(URL).content.decode()
    for pattern in ("dd/mm/yyyy", "yyyy-mm-dd"):
        assert f"\u2068{pattern}\u2069" in html, pattern


def test_every_imported_entry_has_its_line_in_its_own_history(partner_client, need, partner):
    """The third trial of issue 19: after importing a file, an entry's History tab read «قائمة
    إدخالات السجل فارغة» for every row but the last. One request logs each row's «Recorded»
    under the same request id, and Wagtail's History view kept only the newest line per
    request and action across all entries."""
    gift(need, quantity="50")
    text = "need_id;quantity;delivered_on;reference\r\n" + "".join(
        f"{need.pk};{n};2{n}/05/2020;HIST-{n}\r\n" for n in (1, 2, 3)
    )
    form = {"kind": "deliveries", "partner": partner.pk, "campaign": "", "file": upload(text)}
    assert partner_client.post(URL, form, follow=True).status_code == 200
    deliveries = Delivery.objects.filter(reference__startswith="HIST-").order_by("reference")
    assert deliveries.count() == 3
    for delivery in deliveries:
        page = partner_client.get(f"/admin/snippets/tracker/delivery/history/{delivery.pk}/")
        html = page.content.decode()
        assert page.status_code == 200 and "سُجّل" in html, delivery.reference
        assert "فارغة" not in html, delivery.reference


FORMATS = "dd/mm/yyyy|yyyy-mm-dd|jj/mm/aaaa|aaaa-mm-jj"


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_the_date_formats_of_the_help_never_break_across_lines(partner_client, member, language):
    """«yyyy-mm-dd» read «yyyy-» at the end of one line and «mm-dd» on the next: every date
    format on the page is in a left-to-right element that does not wrap."""
    profile = UserProfile.get_for_user(member)
    profile.preferred_language = language
    profile.save()
    html = partner_client.get(URL).content.decode()
    formats = re.findall(FORMATS, html, flags=re.IGNORECASE)
    assert len(formats) >= 2
    wrapped = re.findall(
        rf'<span dir="ltr" class="w-whitespace-nowrap">\u2068?(?:{FORMATS})\u2069?</span>',
        html,
        flags=re.IGNORECASE,
    )
    assert len(wrapped) == len(formats), formats
