"""Every page's view restrictions, as the public site checks them on each request, are
Wagtail's own (an alias has its source's, along a chain of aliases) and cost one query.

The matrix is every page of the demo tree (Arabic source, French and English translations)
after restricting some pages and aliasing restricted and unrestricted subtrees, chains of
aliases included: whatever page types are added later are in it by themselves.
"""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from home.models.base import PortalPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def restricted_tree(demo):
    campaign = demo["campaign"]
    PageViewRestriction.objects.create(
        page=campaign, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    fr_home = demo["campaign_fr"].get_parent()
    press_fr = fr_home.get_children().get(slug="press")
    login = PageViewRestriction.objects.create(
        page=press_fr, restriction_type=PageViewRestriction.GROUPS
    )
    login.groups.set([Group.objects.first()])
    # An alias of the restricted campaign (with its appeals) under the English home page, an
    # alias of that alias under the French one, and an alias of an open page under the
    # restricted press room.
    en_home = demo["campaign_en"].get_parent()
    first = campaign.create_alias(parent=en_home, update_slug="alias-one", recursive=True)
    first.create_alias(parent=fr_home, update_slug="alias-two", recursive=True)
    open_page = en_home.get_children().exclude(pk=first.pk).exclude(slug="jesr").first()
    open_page.create_alias(parent=press_fr, update_slug="alias-three")
    return campaign


def test_every_page_has_wagtails_restrictions_in_one_query(restricted_tree):
    checked = 0
    for page in Page.objects.order_by("path").specific():
        if not isinstance(page, PortalPage):
            continue
        expected = set(Page.get_view_restrictions(page).values_list("pk", flat=True))
        with CaptureQueriesContext(connection) as queries:
            ours = set(page.get_view_restrictions().values_list("pk", flat=True))
        assert ours == expected, page.url_path
        assert len(queries) == 1, page.url_path  # Wagtail's: 2, and 1 more per alias
        checked += 1
    assert checked > 40
    aliases = Page.objects.filter(alias_of__isnull=False)
    assert aliases.filter(alias_of__alias_of__isnull=False).exists()  # a chain is in it
    restricted = [
        p for p in aliases.specific() if isinstance(p, PortalPage) and p.get_view_restrictions()
    ]
    assert restricted  # aliases of a restricted page are restricted


def test_a_restricted_page_and_its_alias_ask_for_the_password(client, restricted_tree):
    assert "password" in client.get("/ar/jesr/").content.decode().lower()
    alias = client.get("/en/alias-one/")
    assert alias.status_code == 200
    assert 'name="password"' in alias.content.decode()
