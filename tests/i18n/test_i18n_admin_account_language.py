"""The account page of an account that chose no admin language (issue 19): its language choice
names the language the admin is actually in (the browser's), not the server's Arabic."""

import html
import re

import pytest
from django.utils.translation import get_language_info
from wagtail.users.models import UserProfile

from .admin_pages import page_of

pytestmark = pytest.mark.django_db

NAMES = {code: get_language_info(code)["name_local"] for code in ("ar", "fr", "en")}


def selected_language_choice(page):
    """The text of the selected option of the account page's language select."""
    select = re.search(r'<select name="locale-preferred_language".*?</select>', page, re.S)
    option = re.search(r"<option[^>]*\bselected\b[^>]*>(.*?)</option>", select.group(0), re.S)
    return html.unescape(option.group(1)).strip()


@pytest.mark.parametrize("browser", ["fr", "en", "ar"])
def test_a_new_account_is_told_the_language_it_reads(client, django_user_model, browser):
    user = django_user_model.objects.create_superuser("new", "n@example.org", "pw")
    client.force_login(user)
    page = page_of(client.get("/admin/account/", HTTP_ACCEPT_LANGUAGE=browser))

    assert UserProfile.get_for_user(user).preferred_language == ""
    assert f'<html lang="{browser}"' in page  # the admin follows the browser
    choice = selected_language_choice(page)
    assert choice.endswith(NAMES[browser]) or choice.endswith(NAMES[browser] + "\u2069"), choice
    others = [name for code, name in NAMES.items() if code != browser]
    assert not any(name in choice for name in others), choice


def test_a_chosen_language_stays_selected(admin_speaking):
    page = page_of(admin_speaking("fr").get("/admin/account/", HTTP_ACCEPT_LANGUAGE="en"))
    assert selected_language_choice(page) == NAMES["fr"]
