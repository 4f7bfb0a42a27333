"""Item 6 of issue 14: a Content-Security-Policy on every public and admin page; public pages
without 'unsafe-inline' scripts (and nothing inline a strict policy would block).

The pages come from the code: one live page of every Wagtail page type, every public URL route
(arguments filled from the demo), and the admin's edit view of every page type."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import get_resolver
from wagtail.models import Page, get_page_models

from portal.content_security import area
from tests.hardening.test_csv_downloads import walk

HEADER = "Content-Security-Policy"
PAGE_TYPES = sorted(
    f"{model._meta.app_label}.{model.__name__}" for model in get_page_models() if model is not Page
)
# Route arguments filled from the demo; a route with another argument fails the test below
# until it is added here.
ARGUMENTS = {
    "campaign_slug": "jesr",
    "slug": "jesr",
    "token": "not-a-token",
    "kit_id": "1",
    "pk": "1",
    "code": "TN-42",
    "page_view_restriction_id": "1",
    "page_id": "1",
}
SKIPPED = {"api/^(?P<path>.*)$", "ar/^((?:[\\w\\-]+/)*)$"}  # catch-alls: pages are covered above


def public_routes():
    """Every non-admin route as a concrete path (``ar/`` routes in each language)."""
    paths = []
    for route, _name, _pattern in walk(get_resolver().url_patterns):
        catch_all = "(?P<path>" in route  # e.g. the API's JSON 404 for any other address
        if route.startswith(("admin/", "documents/", "api/v2/")) or route in SKIPPED or catch_all:
            continue
        path = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: ARGUMENTS[m.group(1)], route)
        path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: ARGUMENTS[m.group(1)], path)
        path = path.replace("^", "").replace("$", "")
        languages = ("ar", "fr", "en") if path.startswith("ar/") else (None,)
        paths += ["/" + (f"{code}/" + path[3:] if code else path) for code in languages]
    return sorted(set(paths))


PUBLIC_ROUTES = public_routes()


def directives(response):
    policy = response[HEADER]
    return {
        part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()
    }  # fmt: skip


def assert_public_policy(response, where):
    assert HEADER in response, where
    policy = directives(response)
    assert policy["script-src"] == ["'self'"], (where, policy)
    assert "'unsafe-inline'" not in policy["style-src"], where
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'self'"]


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>", re.I)
INLINE_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle\s*=", re.I)


def assert_nothing_inline(html, where):
    """What a strict policy would block: inline scripts, event handlers, style attributes."""
    for pattern in (INLINE_SCRIPT, INLINE_HANDLER, STYLE_ATTRIBUTE):
        match = pattern.search(html)
        assert match is None, (where, match and match.group(0))


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_public_page_type(client, demo, page_type):
    app_label, name = page_type.split(".")
    pages = Page.objects.live().filter(
        content_type__app_label=app_label, content_type__model=name.lower()
    )
    assert pages.exists(), f"no live {page_type} in the demo: add one to check its policy"
    for page in pages.specific()[:3]:
        url = page.get_url()
        response = client.get(url)
        assert response.status_code == 200, url
        assert_public_policy(response, url)
        assert_nothing_inline(response.content.decode(), url)


def test_the_route_list_is_generated():
    assert "/ar/jesr/needs/" in PUBLIC_ROUTES and "/sitemap.xml" in PUBLIC_ROUTES
    assert "/api/docs/" in PUBLIC_ROUTES and "/en/search/" in PUBLIC_ROUTES


@pytest.mark.parametrize("path", PUBLIC_ROUTES)
def test_every_public_route(client, demo, path):
    response = client.get(path, HTTP_ACCEPT="text/html")
    assert response.status_code < 500, path
    if area(path) == "docs":
        assert directives(response)["script-src"] == ["'self'"], path
        return
    assert_public_policy(response, path)
    if response.get("Content-Type", "").startswith("text/html") and not response.streaming:
        assert_nothing_inline(response.content.decode(), path)


@pytest.fixture
def administrator(client, db):
    user = get_user_model().objects.create_superuser("cspadmin", "c@example.org", "pw")
    client.force_login(user)
    return client


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_admin_edit_views_of_every_page_type(administrator, demo, page_type):
    app_label, name = page_type.split(".")
    page = Page.objects.filter(
        content_type__app_label=app_label, content_type__model=name.lower()
    ).first()
    response = administrator.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    policy = directives(response)
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"] and policy["form-action"] == ["'self'"]
    assert "*" not in " ".join(policy["script-src"])


@pytest.mark.parametrize(
    "path",
    ["/admin/login/", "/admin/", "/admin/pages/", "/admin/images/", "/admin/snippets/"],
)
def test_admin_pages(client, administrator, path):
    response = (client if path == "/admin/login/" else administrator).get(path)
    assert response.status_code in (200, 302) and HEADER in response
