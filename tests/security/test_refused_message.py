"""A refused admin address says so once (issue 19): partner staff B opening partner A's
need edit address is sent back to the dashboard with «Sorry, you do not have permission to
access this area.», shown there once. It was shown twice when the address had been
requested twice before the dashboard came (a browser preloading the address typed, a
reload): each refused request queued its own copy."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from campaigns.tracker.models import Need

from .test_isolation import staff_client

pytestmark = pytest.mark.django_db

REFUSED = "Sorry, you do not have permission to access this area."


@pytest.mark.parametrize("view", ["edit", "history", "usage", "inspect"])
def test_another_partners_entry_is_refused_with_one_message(world, view):
    need = world["objects"]["A"]["need"]
    url_name = Need.snippet_viewset.get_url_name(view)
    if url_name is None:
        pytest.skip(f"no {view} view")
    client = staff_client(world, "B")
    url = reverse(url_name, args=[need.pk])
    assert client.get(url).status_code == 302  # the first request: the browser's preload
    response = client.get(url, follow=True)
    assert response.redirect_chain and response.redirect_chain[-1][0].endswith(
        reverse("wagtailadmin_home")
    )
    page = response.content.decode()
    with translation.override(re.search(r'<html lang="([\w-]+)"', page).group(1)):
        refused = translation.gettext(REFUSED)
    assert page.count(refused) == 1, f"{page.count(refused)} × «{refused}»"
