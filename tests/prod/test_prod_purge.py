"""Publishing, unpublishing or moving a page purges it in every language and its listings."""

import pytest

from portal import edge

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


def test_purge_campaign_for_tracker_changes(demo, purged, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        edge.purge_campaign(demo["campaign"].pk)
    assert set(purged) >= CAMPAIGN_IN_EVERY_LANGUAGE | HOME_IN_EVERY_LANGUAGE


def test_wagtail_default_purge_handler_is_replaced(
    demo, purged, django_capture_on_commit_callbacks
):
    # Wagtail's own handler would purge before commit; ours is the only one left.
    with django_capture_on_commit_callbacks(execute=True):
        demo["campaign"].save_revision().publish()
    assert purged.count("http://localhost/ar/jesr/") == 1
