"""The admin's remaining English in Arabic and French: the 404 page (it followed the
browser's language, not the user's) and wagtail-localize's translation editor heading."""

from pathlib import Path

import pytest
import wagtail_localize
from django.conf import settings
from django.urls import reverse
from wagtail.users.models import UserProfile

from .test_i18n_translation_workflow import source_page, submit  # noqa: F401 - fixture

BUNDLE = Path(wagtail_localize.__file__).parent / "static/wagtail_localize/js/wagtail-localize.js"
NOT_FOUND = {
    "ar": "تعذر العثور على الصفحة المطلوبة.",
    "fr": "La page demandée est introuvable.",
}
HEADING = {"ar": "الترجمة من {source} إلى {target}", "fr": "Traduction\u00a0: {source} → {target}"}


@pytest.fixture
def user_in(client, django_user_model, db):
    def log_in(language):
        user = django_user_model.objects.create_superuser(f"u-{language}", "u@example.org", "pw")
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        client.force_login(user)
        return client

    return log_in


@pytest.mark.parametrize("language", ["ar", "fr"])
@pytest.mark.parametrize("path", ["/admin/no-such-report/", "/admin/pages/987654/edit/"])
def test_admin_404_is_in_the_users_language_whatever_the_browser(user_in, language, path):
    response = user_in(language).get(path, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response.status_code == 404
    page = response.content.decode()
    assert NOT_FOUND[language] in page
    assert "The requested page could not be found" not in page
    assert response["Content-Language"] == language


def test_the_editors_bundle_still_writes_the_heading_in_english():
    """Pins the upstream gap static/js/admin-translation-heading.js works around."""
    assert "} to ${" in BUNDLE.read_text() and "} translation`" in BUNDLE.read_text()


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_translation_editor_heading_in_the_users_language(
    user_in,
    demo,
    source_page,  # noqa: F811 - the imported fixture
    language,
):
    client = user_in(language)
    translation = submit(client, source_page, "fr")["fr"]
    url = reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().id])
    page = client.get(url).content.decode()
    assert "js/admin-translation-heading.js" in page
    assert f'data-heading="{HEADING[language]}"' in page


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_the_translation_editor_opens_in_every_admin_language(user_in, demo, language):
    """In English it answered 500: a locale's lazy name could not be written as JSON."""
    client = user_in(language)
    url = reverse("wagtailadmin_pages:edit", args=[demo["campaign_fr"].id])
    response = client.get(url)
    assert response.status_code == 200
    assert 'class="js-translation-editor"' in response.content.decode()


def test_every_page_type_opens_for_editing_in_every_admin_language(user_in, demo):
    """Each page type's source page and one of its translations (wagtail-localize's editor),
    opened by an administrator in each admin language: none may answer an error."""
    from wagtail.models import Page

    chosen = {}
    for page in Page.objects.filter(depth__gt=1).specific().order_by("path"):
        kind = (type(page), page.locale.language_code == settings.LANGUAGE_CODE)
        chosen.setdefault(kind, page)
    assert any(not source for _kind, source in chosen), "no translated page in the demo"
    failed = {}
    for language, _name in settings.LANGUAGES:
        client = user_in(language)
        for page in chosen.values():
            url = reverse("wagtailadmin_pages:edit", args=[page.id])
            status = client.get(url).status_code
            if status != 200:
                failed[f"{language} {type(page).__name__} {page.locale.language_code}"] = status
    assert failed == {}
