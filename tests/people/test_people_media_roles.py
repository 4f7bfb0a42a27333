"""The roles that docs/roles.md lets add and change media open *Media*; partner staff do not."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.security.test_menu_every_role import menu_items

pytestmark = pytest.mark.django_db

MEDIA_ROLES = ("editor", "moderator", "press_officer")


@pytest.mark.parametrize("role", MEDIA_ROLES)
def test_media_roles_open_media_and_see_it_in_the_menu(client, request, role):
    user = request.getfixturevalue(role)
    client.force_login(user)
    with translation.override("ar"):
        for url in (reverse("wagtailmedia:index"), reverse("wagtailmedia:add", args=["video"])):
            response = client.get(url, HTTP_ACCEPT_LANGUAGE="ar")
            assert response.status_code == 200, (role, url)
    assert reverse("wagtailmedia:index") in [url for _label, url in menu_items(user)], role


@pytest.mark.parametrize("role", ("partner_staff", "translator"))
def test_other_roles_get_no_media(client, request, role):
    user = request.getfixturevalue(role)
    client.force_login(user)
    for url in (reverse("wagtailmedia:index"), reverse("wagtailmedia:add", args=["video"])):
        assert client.get(url).status_code != 200, (role, url)
    assert reverse("wagtailmedia:index") not in [url for _label, url in menu_items(user)], role
