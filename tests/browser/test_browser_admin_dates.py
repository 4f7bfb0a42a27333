"""A date typed day first in the Arabic admin is kept, not replaced by today's.

The admin's date picker replaced any date it could not parse with today's date, silently, as
the field was left: a partner typing «٣١/١٢/٢٠٢٦» or 31/12/2026 as a need's deadline saved
30 November 2026 (the trial of issue 19)."""

import datetime

from .admin_fixtures import VIEWPORT, log_in

pytest_plugins = ["tests.browser.admin_fixtures"]


def test_a_day_first_deadline_is_kept_as_typed(demo_site, visit, partner_staff):
    tab = visit(viewport=VIEWPORT)
    page = log_in(tab, demo_site, "browser-partner")
    page.goto(f"{demo_site}/admin/snippets/tracker/need/add/")
    deadline = page.locator("#id_deadline")
    today = datetime.date.today().isoformat()
    for typed in ("٣١/١٢/٢٠٢٦", "31/12/2026", "٢٠٢٦-١٢-٣١"):
        deadline.fill("")
        deadline.press_sequentially(typed)
        page.locator("#id_title").click()  # leave the field, as a person does
        assert deadline.input_value() == "2026-12-31", (typed, today)
