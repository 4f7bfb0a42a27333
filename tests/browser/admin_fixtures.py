"""Fixtures for the admin's browser tests: people who log in to the Arabic admin."""

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# The README's pictures are rewritten only when asked (UPDATE_DOCS_IMAGES=1 make test): a test
# run leaves the checkout as it found it; otherwise they go with the other screenshots.
IMG = (
    ROOT / "docs" / "img"
    if os.environ.get("UPDATE_DOCS_IMAGES") == "1"
    else ROOT / "var" / "browser-screenshots" / "docs-img"
)
VIEWPORT = {"width": 1280, "height": 800}
PASSWORD = "browser-test-pw"  # noqa: S105 - a throwaway account in the test database


def person(username, language="ar", partner_slug=None, group=None):
    """A user who can log in with ``PASSWORD``, their admin in ``language``."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from wagtail.models import Locale
    from wagtail.users.models import UserProfile

    from campaigns.models import PartnerPage
    from campaigns.tracker import services

    user, _ = get_user_model().objects.get_or_create(
        username=username,
        defaults={"email": f"{username}@example.org", "first_name": username, "last_name": "T"},
    )
    user.set_password(PASSWORD)
    user.save()
    if group:
        user.groups.add(Group.objects.get(name=group))
    if partner_slug:
        partner = PartnerPage.objects.get(slug=partner_slug, locale=Locale.get_default())
        services.add_member(partner, user)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def log_in(tab, base_url, username):
    """The admin's login form, as a person fills it; returns the Playwright page."""
    page = tab.page
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")
    return page


def screenshot(page, name):
    """A small PNG of the admin for the README's guide (docs/img/admin-<name>.png)."""
    IMG.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(IMG / f"admin-{name}.png"))


@pytest.fixture
def partner_staff(demo_site):
    """Two staff of the demo partner (LTDH), their admin in Arabic."""
    from campaigns.people.roles import PARTNER_STAFF

    return (
        person("browser-partner", partner_slug="ltdh", group=PARTNER_STAFF),
        person("browser-colleague", partner_slug="ltdh", group=PARTNER_STAFF),
    )
