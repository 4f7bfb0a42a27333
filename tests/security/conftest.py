"""Two partners of the demo campaign with entries seeded with private markers, and one user
per role (see ``matrix.ROLES``)."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from wagtail.models import Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from campaigns.api.models import SCOPES, PartnerApiKey
from campaigns.models import CampaignPage, PartnerPage
from campaigns.people import roles
from campaigns.tracker import services
from campaigns.tracker.models import Region

from .matrix import markers

ROLE_GROUPS = {
    "editor": roles.EDITOR,
    "moderator": roles.MODERATOR,
    "translator": roles.TRANSLATOR,
    "press": roles.PRESS_OFFICER,
}


def _entries(campaign, partner, region, org):
    private = markers(org)
    need = services.create_need(
        user=services.SYSTEM, campaign=campaign, partner=partner, category="food",
        region=region, title=f"Need of {org}", quantity="100", unit="parcel",
    )  # fmt: skip
    contribution = services.record_contribution(
        user=services.SYSTEM, need=need, partner=partner, kind="in_kind", quantity="50",
        unit="parcel", status="received", donor_name=private["donor"],
        donor_name_public=False, donor_contact=private["contact"],
        reference=private["reference"], note=private["note"],
    )  # fmt: skip
    delivery = services.record_delivery(
        user=services.SYSTEM, need=need, partner=partner, quantity="20",
        delivered_on=datetime.date(2020, 5, 20), households_reached=30,
        reference=f"{private['reference']}-D", note=private["delivery_note"],
    )  # fmt: skip
    return {"need": need, "contribution": contribution, "delivery": delivery}


def french_text(org):
    """The French title of partner ``org``'s need (seeded through wagtail-localize)."""
    return f"Besoin de {org} FR-TEXT-{org}-8c1d"


def _translate(need, org):
    """The need translated to French with wagtail-localize: its ``Translation``."""
    source, _created = TranslationSource.get_or_create_from_instance(need)
    locale = Locale.objects.get(language_code="fr")
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        if segment.string.data == need.title:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string, locale=locale, context=segment.context,
                defaults={"data": french_text(org)},
            )  # fmt: skip
    translation.save_target(publish=True)
    return translation


@pytest.fixture
def world(db):
    """``{"campaign", "partners": {"A","B"}, "objects": {"A": {...}, "B": {...}},
    (B's need translated to French: ``objects["B"]["translation"]``, title ``french_text``)
    "users": {role: user or None}, "keys": {"A": raw, "B": raw}}``."""
    cache.clear()
    campaign = CampaignPage.objects.get(slug="jesr", locale__language_code="ar")
    listed = [link.partner for link in campaign.campaign_partners.select_related("partner")]
    a = PartnerPage.objects.get(slug="ltdh", locale__language_code="ar")
    b = next(p for p in listed if p.pk != a.pk)
    region = Region.objects.get(code="TN-42")
    objects = {"A": _entries(campaign, a, region, "A"), "B": _entries(campaign, b, region, "B")}
    objects["B"]["translation"] = _translate(objects["B"]["need"], "B")
    User = get_user_model()
    users = {"anon": None}
    for org, partner in (("A", a), ("B", b)):
        user = User.objects.create_user(f"sec-{org}", password="pw", email=f"{org}@example.org")
        user.groups.add(Group.objects.get(name=roles.PARTNER_STAFF))
        services.add_member(partner, user)
        users[org] = user
    for role, group in ROLE_GROUPS.items():
        user = User.objects.create_user(f"sec-{role}", password="pw", email=f"{role}@x.org")
        user.groups.add(Group.objects.get(name=group))
        users[role] = user
    users["admin"] = User.objects.create_superuser("sec-admin", "admin@x.org", "pw")
    keys = {
        org: PartnerApiKey.issue(partner=partner, name=f"key {org}", scopes=SCOPES)[1]
        for org, partner in (("A", a), ("B", b))
    }
    yield {
        "campaign": campaign,
        "partners": {"A": a, "B": b},
        "objects": objects,
        "users": users,
        "keys": keys,
    }
    cache.clear()
