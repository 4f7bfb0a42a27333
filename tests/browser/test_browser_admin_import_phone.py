"""The tracker's forms on a phone (390×844), in Arabic and French, for partner staff and an
administrator: in the user trial the CSV import page's «Partner organisation» dropdown ran off
the edge of the Arabic page, out of reach (the page clips, so there is no scroll bar to reach
it either), and the need, gift and delivery forms' heading icon sat past the edge of the
screen. Every field, button and the heading are inside the screen, and the page is not
wider than it."""

import pytest

from .admin_fixtures import log_in, person
from .checks import OVERFLOW_JS, script

pytest_plugins = ["tests.browser.admin_fixtures"]

PHONE = {"width": 390, "height": 844}
OFF_SCREEN_JS = script("off_screen.js")
HEADING_OVERLAP_JS = script("heading_overlap.js")
FORM_PARTS = ", ".join(
    [
        "main form input",
        "main form select",
        "main form textarea",
        "main form button",
        "#header-title",
        "#header-title > .icon",
    ]
)
PAGES = [
    "tracker-import/",
    "snippets/tracker/need/add/",
    "snippets/tracker/contribution/add/",
    "snippets/tracker/delivery/add/",
]


def partner_staff_member(username, language):
    from campaigns.people.roles import PARTNER_STAFF

    return person(username, language=language, partner_slug="ltdh", group=PARTNER_STAFF)


def administrator(username, language):
    user = person(username, language=language)
    user.is_superuser = user.is_staff = True
    user.save()
    return user


@pytest.mark.parametrize("language", ["ar", "fr"])
@pytest.mark.parametrize("role", [partner_staff_member, administrator])
def test_the_tracker_forms_fit_a_phones_screen(demo_site, visit, role, language):
    username = f"phone-forms-{role.__name__}-{language}"[:30]
    role(username, language)
    page = log_in(visit(viewport=PHONE), demo_site, username)
    problems = {}
    for url in PAGES:
        page.goto(f"{demo_site}/admin/{url}")
        assert page.locator("html").get_attribute("lang") == language, url
        assert page.locator("main form select").count(), url  # the form is there
        found = page.evaluate(OFF_SCREEN_JS, FORM_PARTS) + page.evaluate(OVERFLOW_JS)
        if page.evaluate(HEADING_OVERLAP_JS):
            found.append("the heading's icon covers its text")
        if found:
            problems[url] = found
    assert not problems, problems
