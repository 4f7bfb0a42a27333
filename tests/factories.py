"""Factories for the tests: a published campaign (translated), and tracker entries made
through the services, as staff and partners make them (so every rule applies).

    jordan = CampaignFactory(country="JO", slug="jordan", start_date=..., end_date=...)
    need = need_for(jordan, region="JO-IR")
    received_gift(need, quantity="50")
    confirmed_delivery(need, quantity="10", on=date(2027, 5, 19), households=4)
"""

import datetime

import factory
from wagtail.models import Locale

from campaigns.models import CampaignPage, CampaignPartner, PartnerPage
from campaigns.tracker import services
from campaigns.tracker.models import Region
from home.models import HomePage


class CampaignFactory(factory.Factory):
    """A campaign published under the Arabic home page, with the partner ``partner`` (a
    slug) as implementing partner, and translated to ``languages``; returns it reloaded."""

    class Meta:
        model = CampaignPage

    slug = factory.Sequence(lambda n: f"campaign-{n}")
    title = factory.LazyAttribute(lambda campaign: f"حملة {campaign.slug}")
    country = "TN"
    start_date = datetime.date(2027, 5, 15)
    end_date = datetime.date(2027, 5, 31)
    summary = "حملة تضامن"
    partner = "ltdh"
    languages = ("fr", "en")

    @classmethod
    def _create(cls, model_class, *args, partner, languages, **fields):
        home = HomePage.objects.get(locale__language_code="ar")
        organisation = PartnerPage.objects.get(slug=partner, locale__language_code="ar")
        page = model_class(
            campaign_partners=[CampaignPartner(partner=organisation, role="implementing")],
            **fields,
        )
        home.add_child(instance=page)
        page.save_revision().publish()
        for code in languages:
            translation = page.copy_for_translation(Locale.objects.get(language_code=code))
            translation.save_revision().publish()
        return model_class.objects.get(pk=page.pk)


def first_partner(campaign):
    return campaign.campaign_partners.first().partner


def need_for(campaign, *, region, category="food", quantity="100", unit="parcel", **fields):
    """A need of the campaign's first partner in ``region`` (an ISO 3166-2 code)."""
    fields.setdefault("title", "مساعدات مالية" if category == "cash" else "طرود غذائية")
    if category != "cash":
        fields["unit"] = unit
    return services.create_need(
        user=services.SYSTEM,
        campaign=campaign,
        partner=first_partner(campaign),
        category=category,
        region=Region.objects.get(code=region),
        quantity=quantity,
        **fields,
    )


def received_gift(need=None, *, campaign=None, amount=None, quantity=None, unit="parcel"):
    """A gift received for ``need`` (or for ``campaign`` with no need): cash when
    ``amount`` is given, in kind (``quantity`` ``unit``) otherwise."""
    campaign = campaign or need.campaign
    kind = {"kind": "cash", "amount": amount} if amount is not None else {}
    kind = kind or {"kind": "in_kind", "quantity": quantity, "unit": unit}
    target = {"need": need} if need is not None else {"campaign": campaign}
    return services.record_contribution(
        user=services.SYSTEM, partner=first_partner(campaign), status="received",
        **target, **kind,
    )  # fmt: skip


def confirmed_delivery(need, *, quantity, on, households):
    """A delivery of ``need`` on the date ``on``, reaching ``households``, confirmed."""
    delivery = services.record_delivery(
        user=services.SYSTEM,
        need=need,
        quantity=quantity,
        delivered_on=on,
        households_reached=households,
    )
    services.confirm_delivery(delivery, user=services.SYSTEM)
    return delivery
