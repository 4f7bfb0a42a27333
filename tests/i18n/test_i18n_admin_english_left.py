"""English left in the Arabic and French admin: third-party menu labels translated once at
startup, our own column headers and messages, and the tracker's language filter."""

import json

import pytest
from django.db import OperationalError
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

from portal.unavailable import DatabaseUnavailableMiddleware

MENU = {
    "ar": ("الترجمات", "الجديد في Wagtail"),
    "fr": ("Traductions", "Nouveautés de Wagtail"),
}


@pytest.fixture
def admin_in(admin_client, admin_user):
    from wagtail.users.models import UserProfile

    def speak(language):
        profile = UserProfile.get_for_user(admin_user)
        profile.preferred_language = language
        profile.save()
        return admin_client

    return speak


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_admin_menu_has_no_english_labels(admin_in, language):
    client = admin_in("en")
    assert "new in Wagtail" in client.get(reverse("wagtailadmin_home")).content.decode()
    client = admin_in(language)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    for label in MENU[language]:
        # The sidebar's menu is JSON: non-ASCII letters arrive as \uXXXX escapes.
        assert label in page or json.dumps(label)[1:-1] in page, label
    for english in ("new in Wagtail", '"Translations"', "&quot;Translations&quot;"):
        assert english not in page


@pytest.mark.parametrize(("language", "expected"), [("ar", "الحالة"), ("fr", "État")])
def test_invitations_column_header_is_translated(language, expected):
    from campaigns.people.admin_views import InvitationViewSet

    headers = {getattr(column, "name", column): column for column in InvitationViewSet.list_display}
    with translation.override(language):
        assert str(headers["status_label"].label) in (expected, "Statut")


@pytest.mark.parametrize(
    ("language", "expected"),
    [("ar", "الخدمة غير متاحة لبرهة"), ("fr", "momentanément indisponible")],
)
def test_unavailable_message_in_the_users_language(language, expected):
    middleware = DatabaseUnavailableMiddleware(lambda request: None)
    request = RequestFactory().get("/ar/")
    with translation.override(language):
        response = middleware.process_exception(request, OperationalError("down"))
    assert response.status_code == 503
    assert expected in response.content.decode()


def test_needs_listing_has_one_language_filter(admin_in):
    page = admin_in("ar").get(reverse("wagtailsnippets_tracker_need:list")).content.decode()
    assert 'name="language"' in page
    assert 'name="locale"' not in page
