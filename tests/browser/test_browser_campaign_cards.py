"""Campaign cards leave room to read their text, on the campaigns index and the home page.

The failing input (issue 16's trial): at 1280 px the cards stood in three grid columns, each
with its picture beside its text, which left ~90 px for the text: titles and dates wrapped
one word per line, in every language, with JavaScript on or off.
"""

import datetime

import pytest

MIN_TEXT_WIDTH = 200  # px: a title of three words and a date range on one or two lines

CARD_TEXT_WIDTHS_JS = """() => Array.from(document.querySelectorAll('main .campaign-card'))
    .filter(card => card.offsetParent !== null)
    .map(card => {
        const text = card.querySelector('.card__body').getBoundingClientRect();
        return {title: card.querySelector('.card__title').innerText, width: text.width};
    })"""


@pytest.fixture
def running_campaigns(demo_site):
    """Two running campaigns (Jordan, Morocco) beside the demo's, in three languages, with
    the demo's picture: the home page's grid and the index's first section have cards."""
    from wagtail.models import Locale

    from campaigns.models import CampaignPage
    from home.models import HomePage

    home = HomePage.objects.get(locale__language_code="ar")
    picture = CampaignPage.objects.get(slug="jesr", locale=home.locale).hero_image
    today = datetime.date.today()
    for country, slug in (("JO", "cards-jordan"), ("MA", "cards-morocco")):
        if CampaignPage.objects.filter(slug=slug).exists():
            continue
        page = CampaignPage(
            title="حملة الشتاء الدافئ للأسر",
            slug=slug,
            country=country,
            start_date=today - datetime.timedelta(days=5),
            end_date=today + datetime.timedelta(days=30),
            summary="حملة تضامن",
            hero_image=picture,
        )
        home.add_child(instance=page)
        page.save_revision().publish()
        for code in ("fr", "en"):
            translation = page.copy_for_translation(Locale.objects.get(language_code=code))
            translation.save_revision().publish()
    return demo_site


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("lang", ["ar", "fr", "en"])
def test_campaign_cards_leave_room_for_their_text(running_campaigns, visit, lang, width):
    problems = []
    for path, javascript in ((f"/{lang}/campaigns/", False), (f"/{lang}/", True)):
        tab = visit(javascript=javascript, viewport={"width": width, "height": 900})
        tab.page.goto(f"{running_campaigns}{path}", wait_until="load")
        cards = tab.page.evaluate(CARD_TEXT_WIDTHS_JS)
        if len(cards) < 2:
            problems.append(f"{path}: {len(cards)} campaign cards shown")
        problems += [
            f"{path} at {width} px: {card['title']!r} has {card['width']:.0f} px of text"
            for card in cards
            if card["width"] < MIN_TEXT_WIDTH
        ]
    assert problems == [], "\n".join(problems)
