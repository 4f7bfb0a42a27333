"""The admin names a campaign or a partner in its reader's language (issue 28): in the
French admin the demo's campaign and partners read «جسر المحبة» and their Arabic names in
the tracker's listings, filters, import page, exports, history lines and the site history,
although their French pages exist. Each place must show the French title; a page without a
French translation keeps its own title."""

import csv
import html as entities
import io
import re

import openpyxl
import pytest
from django.urls import reverse
from wagtail.log_actions import log

from campaigns.models import CampaignPage, PartnerPage
from campaigns.tracker.models import Contribution, Delivery, Need
from tests.conftest import locale

from .test_i18n_add_buttons import VIEWSETS

ARABIC = re.compile(r"[\u0600-\u06ff]")


@pytest.fixture
def names(demo):
    """The demo campaign's and its first partners' Arabic and French titles."""
    campaign = demo["campaign"]
    partner_ids = Need.objects.filter(campaign=campaign).values_list("partner_id", flat=True)
    partners = PartnerPage.objects.filter(pk__in=partner_ids)
    french = {p.pk: p.get_translation_or_none(locale("fr")) for p in partners}
    assert all(french.values()), "the demo's partners are translated"
    return {
        "campaign": (campaign.title, demo["campaign_fr"].title),
        "partners": [(p.title, french[p.pk].title) for p in partners],
    }


def listing(client, model, **query):
    url = reverse(model.snippet_viewset.get_url_name("list"))
    return entities.unescape(client.get(url, query).content.decode())


@pytest.mark.parametrize("model", [Need, Contribution, Delivery], ids=lambda m: m.__name__)
def test_a_listings_partner_column_names_partners_in_french(admin_speaking, names, model):
    html = listing(admin_speaking("fr"), model)
    cells = " ".join(re.findall(r"<td[^>]*>(.*?)</td>", html, re.S))
    shown = [french for arabic, french in names["partners"] if french in cells]
    assert shown, cells[:500]
    assert not [arabic for arabic, _ in names["partners"] if arabic in cells]


def test_the_listing_filters_name_the_campaign_in_french(admin_speaking, names):
    html = listing(admin_speaking("fr"), Need)
    arabic, french = names["campaign"]
    assert french in html
    assert arabic not in html


def test_the_import_page_offers_campaigns_and_partners_in_french(admin_speaking, names):
    html = entities.unescape(
        admin_speaking("fr").get(reverse("tracker_import:index")).content.decode()
    )
    options = " ".join(re.findall(r"<option[^>]*>(.*?)</option>", html, re.S))
    assert names["campaign"][1] in options and names["campaign"][0] not in options
    assert any(french in options for _, french in names["partners"])
    assert not [arabic for arabic, _ in names["partners"] if arabic in options]


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_an_export_names_the_campaign_and_partner_in_french(admin_speaking, names, export):
    response = admin_speaking("fr").get(
        reverse(Contribution.snippet_viewset.get_url_name("list")), {"export": export}
    )
    if export == "csv":
        rows = list(
            csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
        )
    else:
        book = openpyxl.load_workbook(io.BytesIO(response.getvalue()))
        rows = [[("" if c is None else str(c)) for c in row] for row in book.active.values]
    heading = rows[0]
    campaigns = {row[heading.index("Campagne")] for row in rows[1:]}
    partners = {row[heading.index("Partenaire destinataire")] for row in rows[1:]}
    assert names["campaign"][1] in campaigns and names["campaign"][0] not in campaigns
    assert not [p for p in partners if ARABIC.search(p)], partners


def test_a_history_line_names_a_campaign_in_french(names, demo):
    from django.utils import translation

    from campaigns.tracker.history_log import readable_value

    field = Need._meta.get_field("campaign")
    with translation.override("fr"):
        assert readable_value(field, demo["campaign"].pk) == names["campaign"][1]
    with translation.override("ar"):
        assert readable_value(field, demo["campaign"].pk) == names["campaign"][0]


def test_the_site_history_names_a_translated_page_in_french(admin_speaking, names, demo):
    log(instance=demo["campaign"], action="wagtail.edit")
    response = admin_speaking("fr").get(reverse("wagtailadmin_reports:site_history"))
    html = entities.unescape(response.content.decode())
    titles = " ".join(re.findall(r'<td class="title">(.*?)</td>', html, re.S))
    assert names["campaign"][1] in titles
    assert names["campaign"][0] not in titles


def test_a_page_without_a_french_translation_keeps_its_own_title(db):
    from portal.localization.page_titles import reader_titles

    lone = CampaignPage.objects.get(slug="jesr", locale__language_code="ar").copy(
        update_attrs={"slug": "lone", "title": "حملة وحيدة"}, keep_live=False
    )
    assert reader_titles([lone], "fr") == {lone.pk: "حملة وحيدة"}


def page_columns(viewset):
    """The names of the listing's columns that show a page (a campaign, a partner)."""
    from django.core.exceptions import FieldDoesNotExist
    from wagtail.models import Page

    names = []
    shown = viewset.list_display
    for column in shown if isinstance(shown, (list, tuple)) else ():
        name = getattr(column, "name", column)
        try:
            field = viewset.model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if field.many_to_one and issubclass(field.related_model, Page):
            names.append(name)
    return names


PAGE_LISTINGS = [viewset for viewset in VIEWSETS if page_columns(viewset)]


def test_the_walk_finds_the_listings_that_name_pages():
    labels = {viewset.model._meta.label for viewset in PAGE_LISTINGS}
    assert {"tracker.Need", "people.Offer", "press.Coverage", "tracker_api.PartnerApiKey"} <= labels


@pytest.mark.parametrize("viewset", PAGE_LISTINGS, ids=lambda v: v.model._meta.label)
def test_every_listing_names_its_pages_in_french(admin_speaking, viewset, db):
    """Every listing with a campaign or partner column, in the French admin: no page that
    has a French translation is named by its Arabic title (a partner's API key is issued
    here: the demo has none)."""
    from campaigns.api.models import SCOPES, PartnerApiKey

    partner = PartnerPage.objects.get(slug="ltdh", locale__language_code="ar")
    PartnerApiKey.issue(partner=partner, name="key", scopes=SCOPES)
    rows = viewset.model._default_manager.all()
    pages = {getattr(row, name) for row in rows[:200] for name in page_columns(viewset)}
    translated = {
        page.title: page.get_translation_or_none(locale("fr"))
        for page in pages
        if page is not None and page.locale.language_code == "ar"
    }
    translated = {arabic: french.title for arabic, french in translated.items() if french}
    if not translated:
        pytest.skip(f"no {viewset.model._meta.label} names a translated page")
    client = admin_speaking("fr")
    html = entities.unescape(client.get(viewset.menu_url).content.decode())
    cells = " ".join(re.findall(r"<td[^>]*>(.*?)</td>", html, re.S))
    assert not [arabic for arabic in translated if arabic in cells], cells[:400]
