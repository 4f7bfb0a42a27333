"""The page editor's header on a phone (390×844): its status badge («نشط», «En ligne») sat
partly off the left edge of the Arabic editor, with no scroll to reach it: the header's row of
toggles does not wrap, and one more item (a colleague editing the same page) pushed it out."""

import pytest
from django.utils import timezone

from .admin_fixtures import log_in, person

pytest_plugins = ["tests.browser.admin_fixtures"]

PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_the_editors_status_badge_is_inside_a_phones_screen(demo_site, visit, language):
    from django.contrib.contenttypes.models import ContentType
    from wagtail.admin.models import EditingSession
    from wagtail.models import Page

    from campaigns.models import CampaignPage
    from campaigns.people.roles import EDITOR

    person(f"phone-{language}", language=language, group=EDITOR)
    colleague = person(f"colleague-{language}", language=language, group=EDITOR)
    campaign = CampaignPage.objects.get(slug="jesr", locale__language_code=language)
    EditingSession.objects.create(
        user=colleague,
        content_type=ContentType.objects.get_for_model(Page),
        object_id=str(campaign.pk),
        last_seen_at=timezone.now(),
    )
    page = log_in(visit(viewport=PHONE), demo_site, f"phone-{language}")
    page.goto(f"{demo_site}/admin/pages/{campaign.pk}/edit/")
    badge = page.locator(".page-status-tag:not(.w-hidden)").first
    badge.wait_for()
    if page.locator(".w-editing-sessions").count():  # not in the translation editor (fr)
        page.locator(".w-editing-sessions img, .w-editing-sessions .avatar").first.wait_for()
    box = badge.bounding_box()
    width = page.evaluate("() => document.documentElement.clientWidth")
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, (badge.text_content(), box, width)
    assert overflow <= 0, overflow
