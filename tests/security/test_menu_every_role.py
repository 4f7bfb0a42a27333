"""Every item of the admin's menus opens for the role it is offered to (issue 28): partner
staff's *Reports* offered only wagtail-localize's *Translations*, which answered them an
unstyled English 403, and not the *Site history* they may read.

The items are the menus Wagtail builds for each role's request (main menu, its submenus:
Reports, Settings, Help…), so an item added later is requested here too."""

import re

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from wagtail.admin.menu import SubmenuMenuItem, admin_menu

pytestmark = pytest.mark.django_db

ROLES = ("A", "editor", "moderator", "translator", "press", "admin")


def menu_items(user):
    """``[(label path, url)]`` of every admin-internal item the menus offer ``user``."""
    request = RequestFactory().get("/admin/")
    request.user = user

    def walk(menu, trail):
        for item in menu.menu_items_for_request(request):
            label = f"{trail}{item.label}"
            if isinstance(item, SubmenuMenuItem):
                yield from walk(item.menu, f"{label} › ")
            elif item.url.startswith("/admin/"):
                yield label, item.url

    return list(walk(admin_menu, ""))


def outcome(client, url):
    """The status the item ends on: a redirect is followed (the site settings open their
    site's form), and one back to the dashboard is Wagtail's "no permission" refusal."""
    response = client.get(url, follow=True)
    home = reverse("wagtailadmin_home")
    if response.redirect_chain and response.redirect_chain[-1][0] == home and url != home:
        return "refused: sent to the dashboard"
    return response.status_code


def opened(world, role):
    client = Client()
    client.force_login(world["users"][role])
    items = menu_items(world["users"][role])
    return items, {url: outcome(client, url) for _label, url in items}


@pytest.mark.parametrize("role", ROLES)
def test_every_menu_item_opens_for_the_role_it_is_offered_to(world, role):
    items, statuses = opened(world, role)
    assert items, f"{role}: no menu"
    failing = {label: statuses[url] for label, url in items if statuses[url] != 200}
    assert not failing, f"{role}: {failing}"


def test_partner_staffs_reports_are_the_site_history_not_translations(world):
    urls = [url for _label, url in menu_items(world["users"]["A"])]
    assert reverse("wagtailadmin_reports:site_history") in urls
    assert reverse("wagtail_localize:translations_report") not in urls


def test_a_translator_keeps_the_translations_report(world):
    urls = [url for _label, url in menu_items(world["users"]["translator"])]
    assert reverse("wagtail_localize:translations_report") in urls


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_refused_admin_page_is_styled_and_in_the_users_language(world, language):
    from django.utils import translation
    from wagtail.users.models import UserProfile

    user = world["users"]["A"]
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client = Client()
    client.force_login(user)
    response = client.get(reverse("wagtail_localize:translations_report"))
    assert response.status_code == 403
    page = response.content.decode()
    assert "wagtailadmin/css/core" in page  # the admin's look
    assert re.search(rf'<html[^>]* lang="{language}"', page), page[:300]
    with translation.override(language):
        assert translation.gettext("You may not open this page") in page
    assert "Forbidden" not in page
