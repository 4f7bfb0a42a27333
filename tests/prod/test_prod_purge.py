"""Publishing, unpublishing, expiring, moving or restricting a page purges it in every language
and its listings; a gift purges its campaign; every change that hides a page purges hard."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from campaigns.tracker.signals import invalidate

from .conftest import RecordingBackend

pytestmark = pytest.mark.django_db

CAMPAIGN_IN_EVERY_LANGUAGE = {
    "http://localhost/ar/jesr/",
    "http://localhost/fr/jesr/",
    "http://localhost/en/jesr/",
}
HOME_IN_EVERY_LANGUAGE = {"http://localhost/ar/", "http://localhost/fr/", "http://localhost/en/"}


def test_publishing_purges_the_page_in_every_language_and_the_home_page(
    demo, purged, django_capture_on_commit_callbacks
):
    campaign = demo["campaign"]
    campaign.summary = "ملخص جديد"
    with django_capture_on_commit_callbacks(execute=True):
        campaign.save_revision().publish()
    assert set(purged) >= CAMPAIGN_IN_EVERY_LANGUAGE | HOME_IN_EVERY_LANGUAGE
    assert "http://localhost/ar/partners/" not in purged  # an unrelated page stays cached


def test_purge_waits_for_the_transaction_to_commit(
    demo, purged, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        demo["campaign"].save_revision().publish()
    assert purged == []  # nothing sent while the new version is not yet visible to others
    for callback in callbacks:
        callback()
    assert set(purged) >= CAMPAIGN_IN_EVERY_LANGUAGE


def test_unpublishing_purges_the_page_and_its_listings(
    demo, purged, django_capture_on_commit_callbacks
):
    campaign_fr = demo["campaign_fr"]
    with django_capture_on_commit_callbacks(execute=True):
        campaign_fr.unpublish()
    assert "http://localhost/fr/jesr/" in purged
    assert "http://localhost/fr/" in purged


def test_publishing_a_partner_purges_the_campaigns_listing_it(
    purged, django_capture_on_commit_callbacks
):
    from campaigns.models import PartnerPage

    partner = PartnerPage.objects.filter(locale__language_code="ar").first()
    with django_capture_on_commit_callbacks(execute=True):
        partner.save_revision().publish()
    assert "http://localhost/ar/partners/" in purged
    assert "http://localhost/en/partners/" in purged
    assert set(purged) >= CAMPAIGN_IN_EVERY_LANGUAGE


def test_publishing_a_campaign_purges_the_pages_that_name_it(
    purged, django_capture_on_commit_callbacks
):
    """A new title reached the campaign and home pages but the campaigns index, its partners'
    pages and its appeals kept the old one at the edge for the whole s-maxage."""
    from campaigns.models import AppealPage, CampaignIndexPage, CampaignPage, PartnerPage

    campaign = CampaignPage.objects.get(slug="jesr", locale__language_code="ar")
    with django_capture_on_commit_callbacks(execute=True):
        campaign.save_revision().publish()
    named = [
        *CampaignIndexPage.objects.live(),
        *PartnerPage.objects.live().filter(
            translation_key__in=campaign.campaign_partners.values("partner__translation_key")
        ),
        *AppealPage.objects.live().descendant_of(campaign),
    ]
    assert {page.get_full_url() for page in named} <= set(purged)
    assert {page.locale.language_code for page in named} >= {"ar", "fr", "en"}


def test_moving_a_page_purges_its_old_and_new_addresses(purged, django_capture_on_commit_callbacks):
    from campaigns.models import PartnerIndexPage, PartnerPage

    partner = PartnerPage.objects.filter(locale__language_code="ar").first()
    old_url = partner.get_full_url()
    home = PartnerIndexPage.objects.get(locale__language_code="ar").get_parent()
    with django_capture_on_commit_callbacks(execute=True):
        partner.move(home, pos="last-child")
    partner.refresh_from_db()
    assert old_url in purged
    assert partner.get_full_url() in purged
    assert old_url != partner.get_full_url()


def test_a_tracker_change_purges_its_campaign_once_and_softly(
    demo, purged, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invalidate(demo["campaign"].pk)
        invalidate(demo["campaign"].pk)  # two entries changed in one write: one purge
    assert set(purged) >= CAMPAIGN_IN_EVERY_LANGUAGE
    assert set(purged) >= HOME_IN_EVERY_LANGUAGE  # its overview adds every campaign's figures
    assert "http://localhost/api/v1/overview/" in purged  # so does the API's (fresh-eyes trial)
    assert {"http://localhost/fr/jesr/needs/", "http://localhost/en/jesr/needs/data.json"} <= set(
        purged
    )
    # The edge keeps the query strings (?by=, ?locale=) as variants of these addresses.
    assert f"http://localhost/api/v1/campaigns/{demo['campaign_fr'].pk}/totals/" in purged
    assert purged.count("http://localhost/ar/jesr/") == 1
    assert "http://localhost/ar/partners/" not in purged  # only what shows the figures
    assert RecordingBackend.hard == []  # readers keep the old copy while one refreshes it


def test_publishing_purges_softly_and_hiding_purges_hard(
    demo, purged, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        demo["campaign"].save_revision().publish()
    assert RecordingBackend.hard == []
    with django_capture_on_commit_callbacks(execute=True):
        demo["campaign_fr"].unpublish()
    assert "http://localhost/fr/jesr/" in RecordingBackend.hard


def test_making_a_page_private_purges_it_and_its_subtree_hard(
    demo, purged, django_capture_on_commit_callbacks
):
    from campaigns.models import PartnerIndexPage

    index = PartnerIndexPage.objects.get(locale__language_code="en")
    partner_url = index.get_children().live().first().get_full_url()
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=index, restriction_type="login")
    assert {"http://localhost/en/partners/", partner_url, "http://localhost/en/"} <= set(
        RecordingBackend.hard
    )
    RecordingBackend.hard.clear()
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.filter(page=index).delete()  # public again
    assert "http://localhost/en/partners/" in purged
    # Back in every English page's menu: no first reader gets the copy without it (a soft
    # purge served it from grace; fresh-eyes trial).
    assert index.show_in_menus
    english = {page.get_full_url() for page in index.get_parent().get_descendants().live()}
    assert english <= set(RecordingBackend.hard)


def test_an_expired_page_is_purged_hard(demo, purged, django_capture_on_commit_callbacks):
    page = demo["campaign_en"]
    page.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    page.save(update_fields=["expire_at"])
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled")
    assert "http://localhost/en/jesr/" in RecordingBackend.hard


def test_wagtail_default_purge_handler_is_replaced(
    demo, purged, django_capture_on_commit_callbacks
):
    # Wagtail's own handler would purge before commit; ours is the only one left.
    with django_capture_on_commit_callbacks(execute=True):
        demo["campaign"].save_revision().publish()
    assert purged.count("http://localhost/ar/jesr/") == 1


def test_a_press_contact_change_purges_the_press_rooms_and_releases(
    demo, purged, django_capture_on_commit_callbacks
):
    """Contacts show in every press room and on every release, whatever their campaign: a new
    press officer's address must not wait for the edge copy to expire (fresh-eyes review)."""
    from campaigns.press.models import PressContact, PressIndexPage, PressReleasePage
    from tests.conftest import locale

    with django_capture_on_commit_callbacks(execute=True):
        PressContact.objects.create(
            name="ليلى", role="ملحقة صحفية", email="press@example.org", locale=locale("ar")
        )
    press_rooms = {page.full_url for page in PressIndexPage.objects.live()}
    releases = {page.full_url for page in PressReleasePage.objects.live()}
    assert len(press_rooms) == 3 and releases
    assert press_rooms | releases <= set(purged)
    assert not set(purged) & HOME_IN_EVERY_LANGUAGE


def test_site_settings_purge_every_page_in_every_language(
    demo, purged, django_capture_on_commit_callbacks
):
    """The footer (organisation, contact, social links) and the head's structured data show
    the site settings on every page: a new address waited up to 600 s at the edge."""
    from wagtail.models import Page

    from home.models import SiteSettings

    site_settings = SiteSettings.objects.get()
    site_settings.contact_email = "contact@example.org"
    with django_capture_on_commit_callbacks(execute=True):
        site_settings.save()
    pages = {page.get_full_url() for page in Page.objects.live().filter(depth__gt=1)}
    searches = {f"http://localhost/{code}/search/" for code in ("ar", "fr", "en")}
    assert len(pages) > 30
    assert pages | searches <= set(purged)
    assert RecordingBackend.hard == []  # readers keep the old copy while one refreshes it


def test_moving_a_page_out_of_the_menu_purges_every_page_of_its_language(
    purged, django_capture_on_commit_callbacks
):
    """Every page's header listed the moved page at its old address."""
    from wagtail.models import Page

    from campaigns.models import StandardPage

    about, other = StandardPage.objects.filter(locale__language_code="fr", depth=3)[:2]
    with django_capture_on_commit_callbacks(execute=True):
        about.move(other, pos="last-child")
    french = {
        page.get_full_url() for page in Page.objects.live().filter(locale__language_code="fr")
    }
    assert french <= set(purged)
    assert "http://localhost/ar/partners/" not in purged  # the other languages' menus are unchanged


def test_a_translated_menu_title_purges_every_page_of_its_language(
    purged, django_capture_on_commit_callbacks
):
    """wagtail-localize's "Publish in French" saves the new title to the page's row, then
    publishes a revision: the other French pages kept the old menu title at the edge
    (fresh-eyes trial: /fr/partners/ still showed it 400 s later)."""
    from wagtail.models import Page

    from campaigns.models import StandardPage

    page = StandardPage.objects.get(locale__language_code="fr", depth=3, slug="how-to-give")
    page.title = "Comment donner FR1"
    with django_capture_on_commit_callbacks(execute=True):
        page.save()  # as TranslationSource.create_or_update_translation does
        page.save_revision().publish()
    french = {
        page.get_full_url() for page in Page.objects.live().filter(locale__language_code="fr")
    }
    assert french <= set(purged)
    assert "http://localhost/ar/partners/" not in purged


def test_every_page_event_purges_the_sitemap(demo, purged, django_capture_on_commit_callbacks):
    """The sitemap lists every public page: a page made private stayed in the edge's copy
    for an hour (fresh-eyes trial)."""
    with django_capture_on_commit_callbacks(execute=True):
        demo["campaign"].save_revision().publish()
    assert "http://localhost/sitemap.xml" in purged
    RecordingBackend.purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        demo["campaign_fr"].unpublish()
    assert "http://localhost/sitemap.xml" in RecordingBackend.hard


def test_a_new_page_published_into_the_menu_purges_every_page_of_its_language(
    purged, django_capture_on_commit_callbacks
):
    """The admin's "Publish" on a new page creates its row already live, then publishes a
    revision: the other Arabic pages kept the old menu (second fresh-eyes trial)."""
    from wagtail.models import Page

    from campaigns.models import StandardPage
    from home.models import HomePage

    home = HomePage.objects.get(locale__language_code="ar")
    page = StandardPage(title="صفحة جديدة", slug="new-in-menu", show_in_menus=True)
    with django_capture_on_commit_callbacks(execute=True):
        home.add_child(instance=page)  # as wagtail.admin.views.pages.create.publish_action
        page.save_revision().publish()
    pages = Page.objects.live().filter(locale__language_code="ar", depth__gt=1)
    arabic = {url for page in pages if (url := page.get_full_url())}  # not a page outside sites
    assert arabic <= set(purged)
    assert "http://localhost/fr/partners/" not in purged


def test_a_second_new_slug_retires_the_redirect_left_by_the_first(
    demo, purged, client, django_capture_on_commit_callbacks
):
    # Fresh-eyes trial: after jesr → pont-fr → pont2, the edge kept /fr/jesr/'s redirect to
    # /fr/pont-fr/ (a second hop, for up to 600 s) while the app sent it to /fr/pont2/.
    campaign = demo["campaign_fr"]
    for slug in ("pont-fr", "pont2"):
        RecordingBackend.hard.clear()
        campaign.slug = slug
        with django_capture_on_commit_callbacks(execute=True):
            campaign.save_revision().publish()
    assert client.get("/fr/jesr/")["Location"].endswith("/fr/pont2/")
    assert {"http://localhost/fr/jesr/", "http://localhost/fr/pont-fr/"} <= set(
        RecordingBackend.hard
    )


def test_a_move_retires_the_redirect_left_by_an_earlier_new_slug(
    purged, client, django_capture_on_commit_callbacks
):
    # Fresh-eyes trial: after how-to-give → how-to-give-t91 and a move under about/, the edge
    # kept /ar/how-to-give/'s redirect to /ar/how-to-give-t91/ (a second hop, up to 600 s).
    from campaigns.models import StandardPage

    page, other = StandardPage.objects.filter(locale__language_code="fr", depth=3)[:2]
    old_url = page.get_full_url()
    page.slug = f"{page.slug}-2"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    RecordingBackend.hard.clear()
    page = StandardPage.objects.get(pk=page.pk)  # as the admin's move view loads it
    with django_capture_on_commit_callbacks(execute=True):
        page.move(other, pos="last-child")
    new_path = StandardPage.objects.get(pk=page.pk).url
    assert client.get(old_url.removeprefix("http://localhost"))["Location"].endswith(new_path)
    assert old_url in RecordingBackend.hard


def test_a_new_slug_purges_the_api_details_of_every_page_under_it(
    purged, client, django_capture_on_commit_callbacks
):
    # Wagtail's API v2 detail names the page's address (meta.html_url): a grandchild's kept
    # the old one for 60 s at the edge after its grandparent's new slug.
    from campaigns.models import StandardPage

    about = StandardPage.objects.get(locale__language_code="ar", depth=3, slug="about")
    child = about.add_child(instance=StandardPage(title="فرع", slug="branch"))
    grandchild = child.add_child(instance=StandardPage(title="فرع الفرع", slug="leaf"))
    detail = f"/api/v2/pages/{grandchild.pk}/"
    before = client.get(detail).json()["meta"]["html_url"]
    about.slug = "about-us"
    with django_capture_on_commit_callbacks(execute=True):
        about.save_revision().publish()
    assert client.get(detail).json()["meta"]["html_url"] != before
    assert f"http://localhost{detail}" in RecordingBackend.purged
