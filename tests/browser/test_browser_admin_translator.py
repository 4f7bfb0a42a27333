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
