"""A translator in the Arabic admin, in Chromium at 1280×800: the translation editor's heading
reads in Arabic, each language name in Arabic and in order (not "العربية to Français
translation"), and its segments' menus are "More actions" in Arabic."""

from .admin_fixtures import VIEWPORT, log_in, person

pytest_plugins = ["tests.browser.admin_fixtures"]

HEADING = "الترجمة من \u2068العربية\u2069 إلى \u2068الفرنسية\u2069"


def test_translation_editor_heading_in_arabic(demo_site, visit):
    from campaigns.models import CampaignPage
    from campaigns.people.roles import TRANSLATOR

    person("browser-translator", group=TRANSLATOR)
    french = CampaignPage.objects.get(slug="jesr", locale__language_code="fr")
    page = log_in(visit(viewport=VIEWPORT), demo_site, "browser-translator")
    page.goto(f"{demo_site}/admin/pages/{french.pk}/edit/")
    title = page.locator(".js-translation-editor section h3").first
    title.wait_for()
    page.wait_for_function(
        "() => !document.querySelector('.js-translation-editor section h3')"
        ".textContent.includes(' translation')"
    )
    assert title.text_content() == HEADING
    menus = page.locator(".js-translation-editor .w-sr-only")
    assert "إجراءات أخرى" in menus.all_text_contents()
    assert "More actions" not in menus.all_text_contents()


def test_translation_editor_opens_in_the_english_admin(demo_site, visit):
    """In English the labels are already right: the page loads and stays idle (rewriting
    "More actions" with itself made the observer call itself: Chromium at 100 % CPU, the
    editor never shown)."""
    from campaigns.models import CampaignPage
    from campaigns.people.roles import TRANSLATOR

    person("browser-translator-en", language="en", group=TRANSLATOR)
    french = CampaignPage.objects.get(slug="jesr", locale__language_code="fr")
    page = log_in(visit(viewport=VIEWPORT), demo_site, "browser-translator-en")
    page.goto(f"{demo_site}/admin/pages/{french.pk}/edit/")
    page.locator(".js-translation-editor section h3").first.wait_for(timeout=15_000)
    # A page whose script loops never answers this; an idle one at once.
    assert page.evaluate("() => new Promise(done => setTimeout(() => done(1), 200))") == 1
    menus = page.locator(".js-translation-editor .w-sr-only").all_text_contents()
    assert "More actions" in menus
    heading = page.locator(".js-translation-editor section h3").first.text_content()
    assert "French" in heading or "Français" in heading, heading
