"""The admin's account page in Chromium: its time zone list is one the browser understands
(Wagtail localises each offered zone with ``Intl``; "localtime", which Debian's zone files and
Python list, made it throw ``RangeError: Invalid time zone specified`` on every visit)."""

from .admin_fixtures import VIEWPORT, log_in, person

pytest_plugins = ["tests.browser.admin_fixtures"]


def test_account_page_has_no_console_error(demo_site, visit):
    from campaigns.people.roles import TRANSLATOR

    person("browser-account", group=TRANSLATOR)
    tab = visit(viewport=VIEWPORT)
    errors = []
    tab.page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.page.on("pageerror", lambda exc: errors.append(str(exc)))
    page = log_in(tab, demo_site, "browser-account")
    page.goto(f"{demo_site}/admin/account/", wait_until="networkidle")
    offered = page.locator("select[name$=current_time_zone] option").evaluate_all(
        "options => options.map(o => o.value).filter(Boolean)"
    )
    assert "Africa/Tunis" in offered
    assert errors == []
