"""Tracker fixtures: the demo campaign, two partners, their staff, and a few regions."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from campaigns.models import CampaignPage, PartnerPage
from campaigns.tracker import services
from campaigns.tracker.models import Region


@pytest.fixture
def campaign(db):
    """A fresh Tunisian campaign (the demo one already has entries), in ar, fr and en, whose
    *Partners* list the two partners below (so their staff may record entries in it)."""
    import datetime

    from wagtail.models import Locale

    from campaigns.models.campaign import CampaignPartner
    from home.models import HomePage

    home = HomePage.objects.get(locale__language_code="ar")
    page = CampaignPage(
        title="حملة اختبار",
        slug="test-campaign",
        country="TN",
        start_date=datetime.date(2020, 5, 15),
        end_date=datetime.date(2020, 5, 30),
    )
    first, second = (
        PartnerPage.objects.filter(locale__language_code="ar")
        .exclude(slug="ltdh")
        .order_by("path")[:1]
        .get(),
        PartnerPage.objects.get(slug="ltdh", locale__language_code="ar"),
    )
    page.campaign_partners = [CampaignPartner(partner=second), CampaignPartner(partner=first)]
    home.add_child(instance=page)
    page.save_revision().publish()
    for code in ("fr", "en"):
        translation = page.copy_for_translation(Locale.objects.get(language_code=code))
        translation.save_revision().publish()
    return CampaignPage.objects.get(pk=page.pk)


@pytest.fixture
def demo_campaign(db):
    return CampaignPage.objects.get(slug="jesr", locale__language_code="ar")


@pytest.fixture
def partner(db):
    return PartnerPage.objects.get(slug="ltdh", locale__language_code="ar")


@pytest.fixture
def other_partner(db):
    return (
        PartnerPage.objects.filter(locale__language_code="ar")
        .exclude(slug="ltdh")
        .order_by("path")
        .first()
    )


@pytest.fixture
def kasserine(db):
    return Region.objects.get(code="TN-42")


@pytest.fixture
def sfax(db):
    return Region.objects.get(code="TN-61")


def make_user(username, **extra):
    return get_user_model().objects.create_user(
        username=username, password="pw", email=f"{username}@example.org", **extra
    )


@pytest.fixture
def staff(db):
    user = make_user("comms")
    user.user_permissions.add(Permission.objects.get(codename="manage_all_partners"))
    return get_user_model().objects.get(pk=user.pk)


@pytest.fixture
def member(partner):
    user = make_user("ltdh-staff")
    services.add_member(partner, user)
    return user


@pytest.fixture
def colleague(partner):
    user = make_user("ltdh-colleague")
    services.add_member(partner, user)
    return user


@pytest.fixture
def outsider(other_partner):
    user = make_user("other-staff")
    services.add_member(other_partner, user)
    return user


@pytest.fixture
def need(campaign, partner, kasserine):
    return services.create_need(
        user=services.SYSTEM,
        campaign=campaign,
        partner=partner,
        category="food",
        region=kasserine,
        title="طرود غذائية للأسر",
        description="طرود غذائية أساسية",
        quantity="500",
        unit="parcel",
        urgency="high",
    )


@pytest.fixture
def cash_need(campaign, partner, sfax):
    return services.create_need(
        user=services.SYSTEM,
        campaign=campaign,
        partner=partner,
        category="cash",
        region=sfax,
        title="مساعدات مالية",
        quantity="10000",
        currency="TND",
    )


def gift(need, user=services.SYSTEM, status="received", **extra):
    """A contribution toward ``need`` in its own unit or currency."""
    values = {"need": need, "partner": need.partner, "status": status}
    if need.is_cash:
        values.update(kind="cash", amount=extra.pop("amount", "100"), currency=need.currency)
    else:
        values.update(kind="in_kind", quantity=extra.pop("quantity", "100"), unit=need.unit)
    values.update(extra)
    return services.record_contribution(user=user, **values)


def partner_group(name, actions=("add", "change", "view")):
    """A partner staff group with ``actions`` on needs, contributions and deliveries."""
    group = Group.objects.create(name=name)
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(
            content_type__app_label="tracker",
            codename__in=[
                f"{a}_{m}" for a in actions for m in ("need", "contribution", "delivery")
            ],
        ),
    )
    return group


@pytest.fixture
def partner_client(client, member):
    """``member`` (partner staff of ``partner``) signed in to the admin."""
    member.groups.add(partner_group("Partner staff (client)"))
    client.force_login(member)
    return client
