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


def test_a_date_that_names_no_day_is_refused_not_replaced_by_today(demo_site, visit, partner_staff):
    """«٢٠٢٠-١٣-٤٠» typed as a delivery date was rewritten to today's date as the field was
    left, and the delivery saved dated today (the second trial of issue 19). The text stays
    as typed and saving says, next to the field, that it is not a date."""
    from campaigns.tracker.models import Delivery

    tab = visit(viewport=VIEWPORT)
    page = log_in(tab, demo_site, "browser-partner")
    page.goto(f"{demo_site}/admin/snippets/tracker/need/add/")
    deadline = page.locator("#id_deadline")
    for typed, kept in (("٢٠٢٠-١٣-٤٠", "2020-13-40"), ("٣١/٠٢/٢٠٢٠", "31/02/2020")):
        deadline.fill("")
        deadline.press_sequentially(typed)
        page.locator("#id_title").click()
        assert deadline.input_value() == kept, typed
    before = Delivery.objects.count()
    page.goto(f"{demo_site}/admin/snippets/tracker/delivery/add/")
    delivered_on = page.locator("#id_delivered_on")
    delivered_on.fill("")
    delivered_on.press_sequentially("٢٠٢٠-١٣-٤٠")
    page.locator("#id_quantity").click()
    assert delivered_on.input_value() == "2020-13-40"
    page.locator("button.action-save:visible, footer button[type=submit]:visible").first.click()
    page.wait_for_load_state("load")
    field = page.locator(".w-field__wrapper:has(#id_delivered_on)")
    assert page.locator("#id_delivered_on").input_value() == "2020-13-40"
    assert field.locator(".error-message").inner_text().strip(), field.inner_html()[:500]
    assert Delivery.objects.count() == before
