"""What visitors searched for is read by search promotion editors only (issue 14): Wagtail's
query chooser answered it to any admin user, partner staff included."""

import pytest
from django.test import Client
from wagtail.contrib.search_promotions.models import Query

TERM = "visitor typed this 4e1b"
PATHS = ["/admin/searchpicks/queries/chooser/", "/admin/searchpicks/queries/chooser/results/"]


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("role", ["A", "editor", "translator", "press"])
def test_visitors_search_terms_are_not_shown_to_other_roles(world, role, path):
    Query.get(TERM).add_hit()
    client = Client()
    client.force_login(world["users"][role])
    response = client.get(path, {"q": "visitor"})
    assert response.status_code in (302, 403)
    assert TERM not in response.content.decode()


def test_administrators_still_choose_a_query(world):
    Query.get(TERM).add_hit()
    client = Client()
    client.force_login(world["users"]["admin"])
    response = client.get(PATHS[1], {"q": "visitor"})
    assert TERM in response.content.decode()
