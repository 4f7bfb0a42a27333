"""Seams between features: the campaign page, the tracker, search and the edge cache."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_closed_campaign_banner_links_to_what_was_delivered(client, demo):
    html = client.get("/fr/jesr/").content.decode()
    assert 'href="/fr/jesr/needs/"' in html
    assert "Voir ce qui a été distribué" in html or "See what was delivered" not in html


def test_need_shown_in_french_without_translation_is_marked_arabic(client, demo):
    from campaigns.tracker.models import Need
    from tests.conftest import locale

    french = Need.objects.filter(locale=locale("fr")).first()
    assert french is not None, "the demo translates needs"
    source_title = Need.objects.get(
        translation_key=french.translation_key, locale=locale("ar")
    ).title
    french.delete()
    html = client.get("/fr/jesr/needs/").content.decode()
    assert f' lang="ar" dir="rtl">{source_title}<' in html


def test_search_finds_needs_and_coverage_in_the_visitors_language(client, demo):
    from campaigns.press.models import Coverage
    from campaigns.tracker.models import Need
    from tests.conftest import locale

    need = Need.objects.filter(locale=locale("fr")).first()
    word = need.title.split()[0]
    html = client.get("/fr/search/", {"q": word}).content.decode()
    assert need.title in html
    coverage = Coverage.objects.filter(language="ar").first()
    html = client.get("/ar/search/", {"q": coverage.headline}).content.decode()
    assert coverage.headline + "</a>" in html.split("search-layout", 1)[1]
    html = client.get("/en/search/", {"q": coverage.headline}).content.decode()
    assert "Results for" in html
    # The query is echoed (isolated in <bdi>); it is not a result.
    assert coverage.headline + "</a>" not in html.split("search-layout", 1)[1]


@override_settings(
    WAGTAILFRONTENDCACHE={"edge": {"BACKEND": "tests.test_integration.RecordingBackend"}}
)
def test_recording_a_gift_purges_the_campaign_and_its_needs_page(
    demo, django_capture_on_commit_callbacks
):
    from campaigns.tracker import services

    RecordingBackend.purged.clear()
    partner = demo["campaign"].campaign_partners.first().partner
    with django_capture_on_commit_callbacks(execute=True):
        services.record_contribution(
            user=services.SYSTEM,
            campaign=demo["campaign"],
            partner=partner,
            kind="cash",
            amount="10.500",
            currency="TND",
        )
    assert any(url.endswith("/fr/jesr/") for url in RecordingBackend.purged)
    assert any(url.endswith("/en/jesr/needs/") for url in RecordingBackend.purged)


from wagtail.contrib.frontend_cache.backends import BaseBackend  # noqa: E402


class RecordingBackend(BaseBackend):
    purged = []

    def __init__(self, params):
        super().__init__(params)

    def purge(self, url):
        self.purged.append(url)
