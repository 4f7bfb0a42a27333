"""A partner's day in the Arabic admin, in Chromium at 1280×800: record a need, a gift and a
delivery typing Arabic-Indic digits, search and filter the listing, export it as CSV; a
colleague confirms the delivery. Screenshots for the README's guide go to docs/img/."""

import datetime

from .admin_fixtures import VIEWPORT, log_in, screenshot

pytest_plugins = ["tests.browser.admin_fixtures"]

TITLE = "أدوية الأمراض المزمنة في باجة"


def save(page):
    page.locator("button.action-save:visible, footer button[type=submit]:visible").first.click()
    page.wait_for_load_state("load")
    errors = page.locator(".error-message:visible, .w-field__errors:visible").all_inner_texts()
    fields = page.locator(".error-message").evaluate_all(
        "els => els.map(e => (e.closest('[data-field-wrapper], .w-field__wrapper, section')"
        " || e).innerHTML.slice(0, 300))"
    )
    assert not errors, (page.url, errors, fields)


def choose_region(page, name):
    page.locator("#id_region-chooser [data-chooser-action-choose]:visible").first.click()
    modal = page.locator(".modal")
    modal.get_by_role("link", name=name, exact=True).first.click()
    page.wait_for_selector(".modal", state="hidden")


def test_a_partner_records_a_need_a_gift_and_a_delivery(demo_site, visit, partner_staff):
    from campaigns.models import CampaignPage, PartnerPage
    from campaigns.tracker.models import Contribution, Delivery, Need

    campaign = CampaignPage.objects.get(slug="jesr", locale__language_code="ar")
    partner = str(PartnerPage.objects.get(slug="ltdh", locale__language_code="ar").pk)
    tab = visit(viewport=VIEWPORT)
    page = log_in(tab, demo_site, "browser-partner")
    assert page.locator("html").get_attribute("dir") == "rtl"

    # A need, with Arabic-Indic digits in its quantity and deadline.
    page.goto(f"{demo_site}/admin/snippets/tracker/need/add/")
    page.select_option("#id_campaign", str(campaign.pk))
    page.select_option("#id_partner", partner)
    choose_region(page, "باجة")  # on the chooser's first page
    page.fill("#id_title", TITLE)
    page.select_option("#id_category", "medicine")
    page.fill("#id_quantity", "٢٥")
    page.select_option("#id_unit", "box")
    page.fill("#id_deadline", "٢٠٢٠-٠٦-٠١")
    screenshot(page, "need-ar")
    save(page)
    need = Need.objects.get(title=TITLE)
    assert (need.quantity, need.deadline) == (25, datetime.date(2020, 6, 1))

    # A gift toward it, received.
    page.goto(f"{demo_site}/admin/snippets/tracker/contribution/add/")
    page.select_option("#id_campaign", str(campaign.pk))
    page.select_option("#id_partner", partner)
    page.select_option("#id_need", str(need.pk))
    page.select_option("#id_kind", "in_kind")
    page.fill("#id_quantity", "٥٠")
    page.select_option("#id_unit", "box")
    page.select_option("#id_status", "received")
    save(page)
    assert Contribution.objects.get(need=need).quantity == 50

    # A delivery: the region comes from the need, the digits are Arabic-Indic.
    page.goto(f"{demo_site}/admin/snippets/tracker/delivery/add/")
    assert page.locator("#id_region").count() == 0
    page.select_option("#id_need", str(need.pk))
    page.select_option("#id_partner", partner)
    page.fill("#id_quantity", "٢٥")
    page.fill("#id_delivered_on", "٢٠٢٠-٠٥-٢١")
    page.fill("#id_households_reached", "١٣")
    save(page)
    delivery = Delivery.objects.get(need=need)
    assert delivery.region == need.region and delivery.households_reached == 13
    message = page.locator(".messages").inner_text()
    assert "25.000" not in message

    # The listing: searched with and without hamza, filtered, exported.
    for word in ("أدوية", "ادوية"):
        page.goto(f"{demo_site}/admin/snippets/tracker/need/?q={word}")
        assert TITLE in page.locator("main").inner_text()
    page.goto(f"{demo_site}/admin/snippets/tracker/need/?category=medicine")
    listing = page.locator("main").inner_text()
    assert TITLE in listing and listing.count(TITLE) == 1
    screenshot(page, "needs-ar")
    with page.expect_download() as download:
        page.evaluate(
            "url => { window.location.href = url; }",
            f"{demo_site}/admin/snippets/tracker/need/?category=medicine&export=csv",
        )
    raw = open(download.value.path(), "rb").read()  # noqa: SIM115
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read Arabic
    assert TITLE in raw.decode("utf-8-sig")

    # A colleague confirms the delivery (the person who recorded it cannot).
    colleague = log_in(visit(viewport=VIEWPORT), demo_site, "browser-colleague")
    colleague.goto(f"{demo_site}/admin/snippets/tracker/delivery/edit/{delivery.pk}/")
    colleague.check("#id_confirm")
    save(colleague)
    delivery.refresh_from_db()
    assert delivery.confirmed_at is not None
    colleague.goto(f"{demo_site}/admin/")
    screenshot(colleague, "dashboard-ar")
