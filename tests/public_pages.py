"""Every public page type of the demo site, by language: the list both the HTML scan
(tests/i18n/test_i18n_machine_numbers.py) and the browser matrix (tests/browser/) walk.

Addresses are read from the database (the demo content), so a renamed slug cannot leave a
page type unchecked: a missing page fails loudly here instead.
"""

from urllib.parse import urlencode

LANGUAGES = ("ar", "fr", "en")
# A word that the demo content holds in each language, and one that nothing holds.
SEARCH_HIT = {"ar": "تونس", "fr": "Tunisie", "en": "Tunisia"}
SEARCH_MISS = "zzqxjv"


def _page_url(model, code, **filters):
    page = model.objects.live().filter(locale__language_code=code, **filters).first()
    if page is None:
        raise LookupError(f"the demo content has no live {model.__name__} in {code}")
    return page.url


def public_states(code):
    """[(name, path)] of every public page type in language ``code`` (paths start with /code/).

    Needs a database holding the demo content (``load_demo_content``).
    """
    from campaigns.models import (
        AppealPage,
        CampaignPage,
        PartnerIndexPage,
        PartnerPage,
        StandardPage,
    )
    from campaigns.press.models import PressIndexPage, PressReleasePage
    from campaigns.tracker.models import Need
    from home.models import HomePage

    campaign = CampaignPage.objects.live().get(slug="jesr", locale__language_code=code)
    need = Need.objects.filter(region__isnull=False).order_by("pk").first()
    region_query = urlencode({"region": need.region_id}) if need else "region="
    return [
        ("home", _page_url(HomePage, code)),
        ("campaign", campaign.url),
        ("appeal", _page_url(AppealPage, code)),
        ("partners", _page_url(PartnerIndexPage, code)),
        ("partner", _page_url(PartnerPage, code)),
        ("standard", _page_url(StandardPage, code, slug="about")),
        ("needs", f"/{code}/{campaign.slug}/needs/"),
        ("needs-filtered", f"/{code}/{campaign.slug}/needs/?{region_query}"),
        ("offer", f"/{code}/{campaign.slug}/offer-help/"),
        ("press", _page_url(PressIndexPage, code)),
        ("release", _page_url(PressReleasePage, code)),
        ("search-hit", f"/{code}/search/?{urlencode({'q': SEARCH_HIT[code]})}"),
        ("search-miss", f"/{code}/search/?q={SEARCH_MISS}"),
        ("not-found", f"/{code}/no-such-page/"),
    ]
