"""Languages: URL prefixes, lang/dir, translated interface, redirect from /."""

import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("code", "direction", "skip_link", "site_name"),
    [
        ("ar", "rtl", "انتقل إلى المحتوى", "منصة التضامن المجتمعي"),
        ("fr", "ltr", "Aller au contenu", "Plateforme de solidarité communautaire"),
        ("en", "ltr", "Skip to content", "Community solidarity platform"),
    ],
)
def test_home_page_in_each_language(client, code, direction, skip_link, site_name):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{code}" dir="{direction}">' in html
    assert skip_link in html
    assert site_name in html


def test_root_redirects_to_preferred_language(client):
    response = client.get("/", headers={"accept-language": "fr-FR,fr;q=0.9,en;q=0.5"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/fr/"


def test_root_falls_back_to_arabic(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response.headers["Location"] == "/ar/"


def test_root_with_unsupported_language_falls_back_to_arabic(client):
    response = client.get("/", headers={"accept-language": "de-DE,de;q=0.9"})
    assert response.headers["Location"] == "/ar/"


def test_campaign_served_in_each_language(client, demo):
    for code, title in [
        ("ar", "جسر المحبة – تونس"),
        ("fr", "Pont de l&#x27;amour – Tunisie"),
        ("en", "Bridge of Love – Tunisia"),
    ]:
        response = client.get(f"/{code}/jesr/")
        assert response.status_code == 200, code
        assert title in response.content.decode()


def test_campaign_state_label_is_translated(client, demo):
    # The demo campaign ran in May 2020, so today it is closed.
    assert "Terminée" in client.get("/fr/jesr/").content.decode()
    assert "منتهية" in client.get("/ar/jesr/").content.decode()


def test_admin_speaks_the_users_language(client, django_user_model):
    from wagtail.users.models import UserProfile

    user = django_user_model.objects.create_superuser("amira", "a@example.org", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "ar"
    profile.save()
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    assert re.search(r'<html[^>]*lang="ar"[^>]*dir="rtl"', html)
    profile.preferred_language = "fr"
    profile.save()
    html = client.get("/admin/").content.decode()
    assert re.search(r'<html[^>]*lang="fr"[^>]*dir="ltr"', html)
