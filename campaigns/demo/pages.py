"""The page tree of the demo: home, the Tunisia campaign, partners, press, standard pages."""

import datetime

from wagtail.models import Locale, Site

from campaigns.models import (
    CampaignIndexPage,
    CampaignPage,
    CampaignPartner,
    PartnerIndexPage,
    PartnerPage,
    StandardPage,
)
from campaigns.press.models import PressIndexPage, PressReleasePage
from home.models import HomePage, SiteSettings

from . import facts
from .images import PALETTE, demo_image
from .translate import translate

AR, FR, EN = 0, 1, 2


def para(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def heading(text):
    return {"type": "heading", "value": text}


def child_page(parent, model, slug, **fields):
    """The Arabic child page at ``slug``, created and published if it is missing."""
    existing = parent.get_children().filter(slug=slug).specific().first()
    if existing is not None:
        return existing, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def build_pages(context, log):
    arabic = Locale.objects.get(language_code="ar")
    home = HomePage.objects.get(locale=arabic, depth=2)
    created_any = False

    partner_index, created = child_page(
        home,
        PartnerIndexPage,
        "partners",
        title=facts.PARTNER_INDEX_TITLE[AR],
        intro=f"<p>{facts.PARTNER_INDEX_INTRO[AR]}</p>",
        show_in_menus=True,
    )
    created_any |= created
    partners = []
    for index, (slug, kind, role, names) in enumerate(facts.PARTNERS):
        logo = demo_image(
            f"Logo: {names[EN]}", 400, 400, PALETTE[index % len(PALETTE)], names[EN][:2]
        )
        partner, created = child_page(
            partner_index,
            PartnerPage,
            slug,
            title=names[AR],
            kind=kind,
            logo=logo,
            description=f"<p>{facts.PARTNER_DESCRIPTION[AR]}</p>",
        )
        created_any |= created
        partners.append((partner, role))

    hero = demo_image("Bridge of Love hero", 1600, 900, "#0b6e4f")
    campaign, created = child_page(
        home,
        CampaignPage,
        "jesr",
        title=facts.CAMPAIGN_TITLE[AR],
        country="TN",
        start_date=datetime.date(2020, 5, 15),
        end_date=datetime.date(2020, 5, 30),
        hero_image=hero,
        summary=facts.CAMPAIGN_SUMMARY[AR],
        facebook_url=facts.FACEBOOK_URL,
        show_in_menus=True,
        body=[
            heading(facts.CAMPAIGN_WHY_HEADING[AR]),
            para(facts.CAMPAIGN_WHY[AR]),
            para(facts.CAMPAIGN_WHAT[AR]),
        ],
        campaign_partners=[CampaignPartner(partner=p, role=role) for p, role in partners],
    )
    created_any |= created

    campaign_index, created = child_page(
        home,
        CampaignIndexPage,
        "campaigns",
        title=facts.CAMPAIGN_INDEX_TITLE[AR],
        intro=f"<p>{facts.CAMPAIGN_INDEX_INTRO[AR]}</p>",
        show_in_menus=True,
    )
    created_any |= created

    press_index, created = child_page(
        home,
        PressIndexPage,
        "press",
        title=facts.PRESS_INDEX_TITLE[AR],
        intro=f"<p>{facts.PRESS_INDEX_INTRO[AR]}</p>",
        show_in_menus=True,
    )
    created_any |= created
    release, created = child_page(
        press_index,
        PressReleasePage,
        "jesr-launch",
        title=facts.RELEASE_TITLE[AR],
        release_date=datetime.date(2020, 5, 15),
        place=facts.RELEASE_PLACE[AR],
        summary=facts.RELEASE_SUMMARY[AR],
        related_campaign=campaign,
        body=[
            para(facts.RELEASE_SPEAKERS[AR]),
            para(facts.RELEASE_ARTIST[AR]),
            para(facts.RELEASE_AGREEMENT[AR]),
        ],
    )
    created_any |= created

    standard_pages = {}
    for slug, title, text in facts.PAGES_STANDARD:
        standard_pages[slug], created = child_page(
            home, StandardPage, slug, title=title[AR], body=[para(text[AR])], show_in_menus=True
        )
        created_any |= created

    if home.featured_campaign_id is None:
        home.title = facts.SITE_TITLE[AR]
        home.tagline = facts.TAGLINE[AR]
        home.intro = f"<p>{facts.HOME_INTRO[AR]}</p>"
        home.hero_image = hero
        home.featured_campaign = campaign
        home.give_heading = facts.GIVE_HEADING[AR]
        home.give_text = facts.GIVE_TEXT[AR]
        home.give_page = standard_pages["how-to-give"]
        home.save_revision().publish()
        created_any = True

    site = Site.objects.get(is_default_site=True)
    settings = SiteSettings.for_site(site)
    if not settings.facebook_url:
        settings.facebook_url = facts.FACEBOOK_URL
        settings.organisation_name = facts.ORGANISATION[AR]
        settings.default_social_image = hero
        settings.save()

    catalogue = facts.catalogue(
        facts.SITE_TITLE,
        facts.TAGLINE,
        facts.HOME_INTRO,
        facts.GIVE_HEADING,
        facts.GIVE_TEXT,
        facts.CAMPAIGN_TITLE,
        facts.CAMPAIGN_SUMMARY,
        facts.CAMPAIGN_WHY_HEADING,
        facts.CAMPAIGN_WHY,
        facts.CAMPAIGN_WHAT,
        facts.PARTNER_INDEX_TITLE,
        facts.PARTNER_INDEX_INTRO,
        facts.CAMPAIGN_INDEX_TITLE,
        facts.CAMPAIGN_INDEX_INTRO,
        facts.PARTNER_DESCRIPTION,
        facts.PRESS_INDEX_TITLE,
        facts.PRESS_INDEX_INTRO,
        facts.RELEASE_TITLE,
        facts.RELEASE_PLACE,
        facts.RELEASE_SUMMARY,
        facts.RELEASE_SPEAKERS,
        facts.RELEASE_ARTIST,
        facts.RELEASE_AGREEMENT,
        *(names for _slug, _kind, _role, names in facts.PARTNERS),
        *(title for _slug, title, _text in facts.PAGES_STANDARD),
        *(text for _slug, _title, text in facts.PAGES_STANDARD),
    )
    translated = [home, partner_index, *(p for p, _r in partners), campaign, campaign_index]
    for page in [*translated, press_index, release]:
        translate(page, catalogue)
    for page in standard_pages.values():
        translate(page, catalogue)

    context.update(
        home=home,
        campaign=campaign,
        partners=[p for p, _r in partners],
        partner_index=partner_index,
        press_index=press_index,
        release=release,
        standard_pages=standard_pages,
        catalogue=catalogue,
    )
    log("Pages: " + ("created or completed" if created_any else "already present"))
