"""A partner's daily tasks in the admin: a delivery takes its region from the need, figures read
as typed (25, not 25.000), Arabic-Indic digits everywhere, a dashboard for every campaign."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale

from campaigns.models import CampaignPage
from campaigns.models.campaign import CampaignPartner
from campaigns.people import roles
from campaigns.tracker import services
from campaigns.tracker.models import Delivery

from .conftest import gift, make_user


def delivery_form(need, **values):
    form = {
        "need": need.pk,
        "partner": need.partner_id,
        "quantity": "٢٥",
        "delivered_on": "٢٠٢٠-٠٥-٢١",
        "households_reached": "١٣",
        "override_reason": "",
        "reference": "",
        "note": "",
    }
    form.update(values)
    return form


def test_a_delivery_takes_the_needs_region_and_arabic_digits(partner_client, need):
    gift(need, quantity="50")
    add = reverse("wagtailsnippets_tracker_delivery:add")
    form_page = partner_client.get(add).content.decode()
    assert 'name="region"' not in form_page  # not asked again: the need names it
    assert 'type="number"' not in form_page  # a number input refuses ٠-٩ in the browser
    assert 'name="quantity"' in form_page and 'inputmode="decimal"' in form_page
    response = partner_client.post(add, delivery_form(need), follow=True)
    assert response.status_code == 200
    delivery = Delivery.objects.get(need=need)
    assert delivery.region == need.region
    assert (delivery.quantity, delivery.households_reached) == (25, 13)
    assert delivery.delivered_on == datetime.date(2020, 5, 21)
    page = response.content.decode()
    assert "25.000" not in page and "25,000" not in page
    messages = [str(m) for m in response.context["messages"]]
    assert messages and "25.000" not in messages[0] and "25" in messages[0]


def test_the_delivery_listing_shows_quantities_as_typed(partner_client, need):
    gift(need, quantity="50")
    services.record_delivery(
        user=services.SYSTEM,
        need=need,
        partner=need.partner,
        quantity="25",
        delivered_on="2020-05-21",
        households_reached=13,
    )
    page = partner_client.get(reverse("wagtailsnippets_tracker_delivery:list")).content.decode()
    assert "25.000" not in page and "25,000" not in page
    assert "25\u00a0" in page or "٢٥" in page


def test_a_need_and_a_gift_take_arabic_digits(partner_client, campaign, partner, kasserine):
    response = partner_client.post(
        reverse("wagtailsnippets_tracker_need:add"),
        {
            "campaign": campaign.pk,
            "partner": partner.pk,
            "region": kasserine.pk,
            "title": "بطانيات",
            "description": "",
            "category": "other",
            "quantity": "٤٠",
            "unit": "item",
            "currency": "",
            "urgency": "high",
            "deadline": "٢٠٢٠-٠٦-٠١",
            "status": "open",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    need = campaign.needs.get(title="بطانيات")
    assert (need.quantity, need.deadline) == (40, datetime.date(2020, 6, 1))


@pytest.fixture
def second_campaign(campaign, partner):
    home = campaign.get_parent()
    page = CampaignPage(
        title="حملة المغرب",
        slug="maroc",
        country="MA",
        start_date=datetime.date(2021, 1, 1),
        end_date=datetime.date(2021, 2, 1),
    )
    home.add_child(instance=page)
    CampaignPartner.objects.create(campaign=page, partner=partner, role="organiser")
    page.save_revision().publish()
    return CampaignPage.objects.get(pk=page.pk)


def test_the_dashboard_shows_every_campaign_of_the_partner(
    partner_client, campaign, partner, second_campaign
):
    CampaignPartner.objects.get_or_create(campaign=campaign, partner=partner, role="organiser")
    campaign.save_revision().publish()
    page = partner_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "حملة المغرب" in page  # the newest
    assert "حملة اختبار" in page  # and the earlier one: it does not disappear
    assert 'name="tracker_campaign"' not in page


def test_staff_choose_among_every_live_campaign(admin_client, campaign, second_campaign):
    page = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'name="tracker_campaign"' in page
    assert "حملة المغرب" in page and "حملة اختبار" in page
    chosen = admin_client.get(reverse("wagtailadmin_home"), {"tracker_campaign": campaign.pk})
    assert 'id="tracker-dashboard-test-campaign-section"' in chosen.content.decode()
    assert 'id="tracker-dashboard-maroc-section"' not in chosen.content.decode()


def test_staff_see_every_running_campaign(admin_client, campaign, second_campaign):
    today = datetime.date.today()
    for page in (campaign, second_campaign):
        page.start_date, page.end_date = today - datetime.timedelta(days=3), today
        page.save_revision().publish()
    page = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="tracker-dashboard-test-campaign-section"' in page
    assert 'id="tracker-dashboard-maroc-section"' in page


@pytest.mark.parametrize("role", [roles.EDITOR, roles.MODERATOR, roles.PRESS_OFFICER])
def test_communications_staff_see_the_running_campaigns_public_figures(
    client, campaign, second_campaign, need, role
):
    """Editors, moderators and press officers act for no partner: their dashboard showed no
    campaign at all (the trial of issue 19). They see every running campaign's public
    totals, and none of a partner's needs."""
    today = datetime.date.today()
    for page in (campaign, second_campaign):
        page.start_date, page.end_date = today - datetime.timedelta(days=3), today
        page.save_revision().publish()
    user = make_user(f"staff-{role}")
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="tracker-dashboard-test-campaign-section"' in page
    assert 'id="tracker-dashboard-maroc-section"' in page
    assert need.title not in page  # a partner's need is not theirs to see


def test_the_dashboard_title_is_in_the_users_language(admin_client, campaign):
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    user = get_user_model().objects.get(pk=admin_client.session["_auth_user_id"])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "fr"
    profile.save()
    french = campaign.get_translation(Locale.objects.get(language_code="fr"))
    french.title = "Campagne de test"
    french.save_revision().publish()
    page = admin_client.get(reverse("wagtailadmin_home"), {"tracker_campaign": campaign.pk})
    assert "Campagne de test" in page.content.decode()


def chooser_groups(html):
    """The dashboard chooser's option groups: ``{label: [campaign ids]}``, and the ids offered
    outside any group (after the default option)."""
    select = re.search(r'<select id="tracker-campaign".*?</select>', html, re.S).group(0)
    groups = {
        label: re.findall(r'value="(\d+)"', body)
        for label, body in re.findall(r'<optgroup label="([^"]*)">(.*?)</optgroup>', select, re.S)
    }
    outside = re.findall(
        r'value="(\d+)"', re.sub(r"<optgroup.*?</optgroup>", "", select, flags=re.S)
    )
    return groups, outside


@pytest.mark.parametrize(
    ("language", "running", "closed"),
    [
        ("ar", "الحملات الجارية", "الحملات المنتهية"),
        ("fr", "Campagnes en cours", "Campagnes terminées"),
        ("en", "Running campaigns", "Closed campaigns"),
    ],
)
def test_the_chooser_offers_a_closed_campaign_under_closed_ones(
    admin_speaking, campaign, second_campaign, language, running, closed
):
    """The French chooser listed the closed Tunisia campaign right under «Campagnes en
    cours»: each campaign is offered in the group of its state."""
    today = datetime.date.today()
    second_campaign.start_date = today - datetime.timedelta(days=3)
    second_campaign.end_date = today + datetime.timedelta(days=3)
    second_campaign.save_revision().publish()
    html = admin_speaking(language).get(reverse("wagtailadmin_home")).content.decode()
    groups, outside = chooser_groups(html)
    assert outside == []
    assert groups[running] == [str(second_campaign.pk)]
    assert str(campaign.pk) in groups[closed]
    assert str(campaign.pk) not in groups[running]
