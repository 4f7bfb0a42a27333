"""What visitors rely on, whatever the caches: a published change shows at once, an editor
never gets a kept copy, an embargoed release stays hidden, figures follow each gift.

Run with template fragments kept (the ``fragments`` fixture, as with Redis in production).
"""

import datetime
import re

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from campaigns.tracker import aggregates, services

GIFTS = re.compile(r"<dt>Gifts recorded</dt>\s*<dd><strong>([^<]+)</strong>")


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def test_each_language_has_its_own_copy(client, demo, fragments):
    get(client, demo["campaign"].url)
    get(client, demo["campaign_fr"].url)
    french = get(client, demo["campaign_fr"].url).content.decode()
    assert demo["campaign_fr"].title in french
    assert 'lang="fr"' in french


def test_a_published_change_shows_on_the_next_anonymous_request(client, demo, fragments):
    page = demo["campaign"]
    get(client, page.url)
    get(client, page.url)
    page.title = "عنوان جديد للحملة"
    page.body = [("paragraph", "<p>نص جديد في قصة الحملة</p>")]
    page.save_revision().publish()
    fresh = get(client, page.url).content.decode()
    assert "عنوان جديد للحملة" in fresh
    assert "نص جديد في قصة الحملة" in fresh


def test_a_change_to_the_campaign_also_reaches_the_home_page(client, demo, fragments):
    home_url = demo["home"].url
    get(client, home_url)
    page = demo["campaign"]
    page.title = "حملة بعنوان آخر"
    page.save_revision().publish()
    assert "حملة بعنوان آخر" in get(client, home_url).content.decode()


def test_an_unpublished_page_is_gone_at_once(client, demo, fragments):
    page = demo["campaign_fr"]
    url = page.url
    get(client, url)
    page.unpublish()
    assert client.get(url).status_code == 404


def test_a_page_made_private_is_no_longer_shown_to_anyone(client, demo, fragments):
    page = demo["campaign_en"]
    get(client, page.url)
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    response = client.get(page.url)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_an_embargoed_release_stays_hidden(client, demo, fragments):
    from campaigns.press.models import PressIndexPage, PressReleasePage

    index = PressIndexPage.objects.get(locale__language_code="ar")
    get(client, demo["home"].url)
    get(client, index.url)
    go_live = timezone.now() + datetime.timedelta(days=1)
    release = PressReleasePage(
        title="بيان تحت الحظر حتى الغد",
        slug="embargoed-release",
        release_date=go_live.date(),
        summary="ملخص",
        live=False,
    )
    index.add_child(instance=release)
    release.go_live_at = go_live
    release.save_revision().publish()  # approved, held back until its time
    for url in (demo["home"].url, index.url):
        assert "بيان تحت الحظر حتى الغد" not in get(client, url).content.decode()
    assert client.get(index.url + "embargoed-release/").status_code == 404


@pytest.mark.parametrize("language", ["campaign", "campaign_en"])
def test_a_recorded_contribution_changes_the_totals_shown(client, demo, fragments, language):
    campaign, shown = demo["campaign"], demo[language]
    get(client, shown.url)
    before = GIFTS.search(get(client, demo["campaign_en"].url).content.decode()).group(1)
    partner = campaign.campaign_partners.first().partner
    services.record_contribution(
        user=services.SYSTEM,
        campaign=campaign,
        partner=partner,
        kind="cash",
        amount="25",
        currency="EUR",
        status="received",
    )
    expected = aggregates.totals_for(campaign)["contributions"]
    after = GIFTS.search(get(client, demo["campaign_en"].url).content.decode()).group(1)
    assert after != before
    assert after == str(expected)


def test_a_recorded_contribution_changes_the_home_pages_figures_across_the_region(
    client, demo, fragments
):
    overview = re.compile(r'<dl class="overview__figures">.*?</dl>', re.S)
    home = demo["home"].url
    before = overview.search(get(client, home).content.decode()).group(0)
    assert overview.search(get(client, home).content.decode()).group(0) == before  # kept
    campaign = demo["campaign"]
    services.record_contribution(
        user=services.SYSTEM,
        campaign=campaign,
        partner=campaign.campaign_partners.first().partner,
        kind="cash",
        amount="1000",
        currency="TND",
        status="received",
    )
    assert overview.search(get(client, home).content.decode()).group(0) != before


def test_a_logged_in_editor_never_gets_a_kept_copy(client, demo, fragments):
    from django.contrib.auth import get_user_model

    url = demo["campaign"].url
    get(client, url)
    get(client, url)
    editor = get_user_model().objects.create_superuser("perf-editor", "e@example.org", "x")
    client.force_login(editor)
    personal = get(client, url)
    assert "private" in personal["Cache-Control"]
    assert "wagtail-userbar" in personal.content.decode()  # their own toolbar, not the copy
    client.logout()
    client.cookies.clear()
    anonymous = get(client, url)
    assert "wagtail-userbar" not in anonymous.content.decode()
    assert "public" in anonymous["Cache-Control"]  # the edge may keep this one


def test_visitors_searches_and_pending_offers_keep_the_pages_right(client, demo, fragments):
    from campaigns.people.models import Offer
    from search.models import SearchTerm

    url = demo["campaign"].url
    before = get(client, url).content.decode()
    client.get("/ar/search/", {"q": "كلمة لم يبحث عنها أحد"})
    assert SearchTerm.objects.filter(example="كلمة لم يبحث عنها أحد").exists()
    Offer.objects.first().save()  # a write of a pending offer (not shown on any page)
    assert get(client, url).content.decode() == before
