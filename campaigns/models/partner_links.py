"""A campaign's partners as its pages show them: live, public, in the campaign's language."""

from django.db.models import prefetch_related_objects

from home.private_pages import restricted

from .campaign import CampaignPartner


def localized_partners(campaign, rendition_specs=()):
    """The campaign's partners whose page is live and public, in the campaign's language, in
    order, in two or three queries.

    Partner links point at the source (Arabic) partner pages; each is swapped for its
    translation in the campaign's locale when one is live (one query, only when some link
    points at another language). Logos come joined, and their renditions
    (``rendition_specs``, else all; ``None``: not prefetched) prefetched, whatever the
    number of partners.
    """
    from .page_context import with_renditions
    from .partner import PartnerPage

    links = list(
        CampaignPartner.objects.filter(campaign=campaign)
        .annotate(partner_restricted=restricted("partner__path"))
        .select_related("partner__logo")
        .order_by("sort_order")
    )
    keys = [
        link.partner.translation_key
        for link in links
        if link.partner.locale_id != campaign.locale_id
    ]
    translations = {}
    if keys:
        translations = {
            p.translation_key: p
            for p in PartnerPage.objects.live()
            .filter(translation_key__in=keys, locale_id=campaign.locale_id)
            .annotate(restricted=restricted())
            .select_related("logo")
        }
    # A partner whose page is unpublished (in no language live here) or private is not
    # listed: its link answered 404 (fresh-eyes trial) or a login from the campaign and home
    # pages.
    shown = []
    for link in links:
        translated = translations.get(link.partner.translation_key)
        link.localized_partner = translated or link.partner
        private = translated.restricted if translated else link.partner_restricted
        if link.localized_partner.live and not private:
            shown.append(link)
    if rendition_specs is not None:
        prefetch_related_objects(
            [link.localized_partner for link in shown], with_renditions("logo", rendition_specs)
        )
    return shown
