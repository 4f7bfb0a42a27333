"""Messages in the Arabic and French admin (issue 19): the site history's yes/no, the
account page's confirmation after a change of language, the slug errors' mixed directions."""

import html
import re

import pytest
import wagtail
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from portal import wagtail_account_language

from .admin_pages import page_of, texts

pytestmark = pytest.mark.django_db

FSI, PDI = "\u2068", "\u2069"


# 6. Site history, the account page, slug errors


@pytest.mark.parametrize(("language", "yes"), [("ar", "نعم"), ("fr", "oui")])
def test_site_history_says_yes_and_no_in_the_users_language(admin_speaking, demo, language, yes):
    from campaigns.tracker import services
    from campaigns.tracker.models import Need

    need = Need.objects.filter(unit="parcel").order_by("pk").first()
    services.record_contribution(  # the newest line: its donor's name public, a yes/no field
        user=services.SYSTEM, need=need, partner=need.partner, campaign=need.campaign,
        kind="in_kind", quantity="3", unit="parcel", donor_name="Salma", donor_name_public=True,
    )  # fmt: skip
    shown = texts(admin_speaking(language).get("/admin/reports/site-history/"))
    lines = [text for text in shown if re.search(r":\s*(yes|no|True|False)\s*(;|،|$)", text)]
    assert not lines
    assert [text for text in shown if re.search(rf":\s*{yes}\s*(;|،|$)", text)], shown[:20]


ACCOUNT_FORM = {
    "name_email-first_name": "Salma",
    "name_email-last_name": "Ben Ali",
    "name_email-email": "s@example.org",
    "locale-current_time_zone": "Africa/Tunis",
    "theme-theme": "system",
    "theme-density": "default",
    "theme-contrast": "system",
}


@pytest.mark.parametrize(("before", "after"), [("ar", "fr"), ("fr", "ar")])
def test_account_saved_message_in_the_new_language(admin_speaking, before, after):
    client = admin_speaking(before)
    response = client.post(
        "/admin/account/", {**ACCOUNT_FORM, "locale-preferred_language": after}, follow=True
    )
    page = page_of(response)
    with translation.override(after):
        expected = translation.gettext("Your account settings have been changed successfully!")
    with translation.override(before):
        old = translation.gettext("Your account settings have been changed successfully!")
    assert expected in html.unescape(page)
    assert old not in html.unescape(page)


def test_the_account_workaround_is_pinned_to_the_wagtail_it_was_written_for():
    assert wagtail.__version__.startswith(wagtail_account_language.PATCHED_FOR + ".")
    assert reverse("wagtailadmin_account") == "/admin/account/"


def test_a_taken_slug_is_isolated_in_the_arabic_error(admin_speaking, demo):
    home = demo["home"]
    taken = home.get_children().first().slug
    response = admin_speaking("ar").post(
        f"/admin/pages/add/campaigns/standardpage/{home.id}/",
        nested_form_data(
            {
                "title": "صفحة تجريبية",
                "slug": taken,
                "body": streamfield([]),
                "comments": inline_formset([]),
            }
        ),
    )
    page = page_of(response)
    assert f"الرابط المختصر «{FSI}{taken}{PDI}» مستخدم بالفعل في الصفحة الأم." in page
    assert "الرابط '' مستخدم" not in page
