"""Anonymous pages may be kept by a shared cache; anything personal never is."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db


def cache_control(response):
    return {part.strip() for part in response["Cache-Control"].split(",")}


def test_anonymous_campaign_page_is_shareable(client, settings):
    response = client.get("/ar/jesr/")
    assert response.status_code == 200
    directives = cache_control(response)
    assert "public" in directives
    assert f"s-maxage={settings.EDGE_CACHE_SECONDS}" in directives
    assert f"max-age={settings.EDGE_BROWSER_SECONDS}" in directives
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_every_language_is_shareable(client):
    for path in ("/ar/", "/fr/", "/en/", "/fr/jesr/", "/en/jesr/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "public" in cache_control(response), path


def test_missing_page_is_shared_briefly(client):
    response = client.get("/ar/no-such-page/")
    assert response.status_code == 404
    assert "s-maxage=60" in cache_control(response)


@pytest.mark.parametrize(
    "path", ["/ar/search/?q=%D8%AC%D8%B3%D8%B1", "/fr/jesr/needs/?category=food", "/en/?page=2"]
)
def test_an_address_with_a_query_expires_soon_at_the_edge(client, settings, path):
    """No purge names every search or filter: an unpublished page's title stayed in cached
    search results for the whole s-maxage (600 s)."""
    response = client.get(path)
    assert response.status_code == 200, path
    directives = cache_control(response)
    assert "public" in directives
    assert f"s-maxage={settings.EDGE_QUERY_SECONDS}" in directives
    assert settings.EDGE_QUERY_SECONDS <= 60 < settings.EDGE_CACHE_SECONDS


def test_logged_in_editor_never_gets_a_shared_copy(client):
    editor = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(editor)
    response = client.get("/ar/jesr/")
    assert response.status_code == 200
    directives = cache_control(response)
    assert "private" in directives and "no-store" in directives
    assert "public" not in directives
    assert "Cookie" in response["Vary"]


def test_preview_is_never_shareable(client, demo):
    editor = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(editor)
    response = client.get(f"/admin/pages/{demo['campaign'].pk}/view_draft/")
    assert response.status_code == 200
    assert "no-store" in cache_control(response)
    assert "public" not in cache_control(response)


def test_admin_login_page_is_never_shareable(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert "no-store" in cache_control(response)


def test_response_setting_a_cookie_is_never_shareable(client):
    # The admin login form sets a CSRF cookie; any page doing so must not be shared.
    response = client.get("/admin/login/")
    assert response.cookies
    assert "public" not in cache_control(response)


def test_visitor_with_a_session_is_not_served_shared_copies(client):
    client.cookies["sessionid"] = "something"
    response = client.get("/ar/jesr/")
    assert response.status_code == 200
    assert "private" in cache_control(response)


def test_health_check_is_never_cached(client):
    response = client.get("/healthz")
    assert "no-store" in cache_control(response)


@pytest.mark.parametrize("path", ["/robots.txt", "/sitemap.xml", "/favicon.ico"])
def test_an_address_the_same_in_every_language_is_kept_once_by_shared_caches(client, demo, path):
    """The sitemap (every language's pages), robots.txt and the favicon (a redirect to the
    static icon): the same answer for every browser language, so nothing tells a CDN to keep
    one copy per language."""
    answers = [client.get(path, HTTP_ACCEPT_LANGUAGE=code) for code in ("ar", "fr", "en")]
    assert all(answer.status_code in (200, 301) for answer in answers), path
    bodies = {(answer.status_code, answer.get("Location"), answer.content) for answer in answers}
    assert len(bodies) == 1, f"{path} differs by language"
    for answer in answers:
        assert "accept-language" not in answer.get("Vary", "").lower(), path
        assert "Content-Language" not in answer, path
