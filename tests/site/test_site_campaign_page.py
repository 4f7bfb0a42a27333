"""What a visitor sees on a campaign: state banner, clip, appeals, partners, ways to give."""

import re

import pytest
import time_machine

from campaigns.models import PartnerPage

pytestmark = pytest.mark.django_db


def test_campaign_page_shows_appeals_partners_and_how_to_give(client, demo):
    html = client.get("/en/jesr/").content.decode()
    assert "Lotfi Bouchnak" in html
    assert 'href="/en/jesr/lotfi-bouchnak/"' in html
    for partner in PartnerPage.objects.live().filter(locale__language_code="en"):
        assert f'href="{partner.url}"' in html
    assert "Community solidarity platform" in html  # the online way to give, in English
    assert "https://solidarity.alecso.org/jesr" in html


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_an_unpublished_partner_is_not_linked_from_the_campaign_or_home(client, demo, language):
    # Fresh-eyes trial: after /ar/partners/lam-echaml/ was unpublished, /ar/jesr/ and /ar/
    # still linked to it (404). Unpublished in every language: no page of it to link to.
    source = PartnerPage.objects.get(slug="lam-echaml", locale__language_code="ar")
    addresses = {page.url for page in [source, *source.get_translations()]}
    for page in [source, *source.get_translations()]:
        page.unpublish()
    for path in (f"/{language}/jesr/", f"/{language}/"):
        html = client.get(path).content.decode()
        linked = sorted(url for url in addresses if f'href="{url}"' in html)
        assert not linked, f"{path} links to the unpublished partner: {linked}"
    others = PartnerPage.objects.live().filter(locale__language_code=language)
    assert all(
        f'href="{p.url}"' in client.get(f"/{language}/jesr/").content.decode() for p in others
    )


@pytest.mark.parametrize(
    ("moment", "url", "text"),
    [
        ("2020-05-31T09:00:00Z", "/en/jesr/", "This campaign closed on 30 May 2020."),
        ("2020-05-20T09:00:00Z", "/en/jesr/", "This campaign is running until 30 May 2020."),
        ("2020-05-01T09:00:00Z", "/en/jesr/", "This campaign starts on 15 May 2020."),
        ("2020-05-31T09:00:00Z", "/fr/jesr/", "Cette campagne s’est terminée le 30 mai 2020."),
    ],
)
def test_state_banner_follows_the_date(client, demo, moment, url, text):
    with time_machine.travel(moment, tick=False):
        html = client.get(url).content.decode()
    assert text in html


def test_closed_banner_at_local_midnight(client, demo):
    # 23:00 UTC on 30 May is already 31 May in Tunis (UTC+1).
    with time_machine.travel("2020-05-30T22:59:00Z", tick=False):
        assert "running until" in client.get("/en/jesr/").content.decode()
    with time_machine.travel("2020-05-30T23:00:00Z", tick=False):
        assert "closed on 30 May 2020" in client.get("/en/jesr/").content.decode()


def test_images_are_responsive_webp_renditions(client, demo):
    html = client.get("/ar/jesr/").content.decode()
    logos = re.findall(r"<img [^>]*srcset=\"[^\"]+\"[^>]*>", html)
    assert len(logos) >= 9  # 8 partner logos and the appeal portrait
    for tag in logos:
        assert 'loading="lazy"' in tag
        assert re.search(r'width="\d+"', tag) and re.search(r'height="\d+"', tag)
        assert ".webp" in tag and "sizes=" in tag


def test_partner_profile_lists_its_campaigns_and_regions(client, demo):
    partner = PartnerPage.objects.get(slug="red-crescent", locale__language_code="ar")
    partner.regions_served = "تونس, صفاقس"
    partner.save_revision().publish()
    html = client.get(partner.url).content.decode()
    assert "صفاقس" in html
    assert 'href="/ar/jesr/"' in html
    english = partner.get_translation(demo["campaign_en"].locale)
    assert 'href="/en/jesr/"' in client.get(english.url).content.decode()
