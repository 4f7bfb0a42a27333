"""What a campaign page shows, gathered in a fixed number of queries whatever its size.

Images are joined to their pages and their renditions prefetched with the exact filter specs
the templates use, so a grid of 5 or 100 partner logos and appeal portraits costs the same
number of queries (one per list, one for its renditions).
"""

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from wagtail.images import get_image_model

from home.private_pages import restricted
from home.renditions import prefetch_renditions

# Must match the {% srcset_image %} specs in templates/includes/partner_card.html and
# templates/includes/appeal_card.html.
LOGO_SPECS = ("max-120x120|format-webp", "max-240x240|format-webp")
PORTRAIT_SPECS = ("fill-320x320|format-webp", "fill-640x640|format-webp")
# templates/home/home_page.html's logo strip.
HOME_LOGO_SPECS = ("max-160x160|format-webp",)
# templates/includes/campaign_card.html's picture.
CARD_SPECS = ("fill-480x270|format-webp", "fill-960x540|format-webp")


def with_renditions(field, specs):
    """The renditions the template uses of an image foreign key, for ``prefetch_related``.

    The image itself comes with ``select_related(field)`` (joined: no query of its own).
    """
    renditions = get_image_model().get_rendition_model().objects.all()
    if specs:
        renditions = renditions.filter(filter_spec__in=specs)
    return Prefetch(f"{field}__renditions", queryset=renditions)


def campaign_lists(campaign):
    """``{"partners": [CampaignPartner], "appeals": [AppealPage]}`` in order, live only.

    Shown together (one fragment), so the logos' and portraits' renditions come in one lookup
    (Wagtail's renditions cache, then one query for what it lacks): three or four queries
    whatever the number of partners and appeals.
    """
    from .appeal import AppealPage
    from .partner_links import localized_partners

    partners = localized_partners(campaign, rendition_specs=None)
    appeals = list(
        AppealPage.objects.child_of(campaign)
        .live()
        .exclude(restricted())
        .order_by("path")
        .select_related("portrait")
    )
    prefetch_renditions(
        [(link.localized_partner.logo, LOGO_SPECS) for link in partners]
        + [(appeal.portrait, PORTRAIT_SPECS) for appeal in appeals]
    )
    return {"partners": partners, "appeals": appeals}


def campaign_context(campaign):
    """The lists are fetched when first shown: not at all when their fragment is cached."""
    lists = SimpleLazyObject(lambda: campaign_lists(campaign))
    return {
        "partners": SimpleLazyObject(lambda: lists["partners"]),
        "appeals": SimpleLazyObject(lambda: lists["appeals"]),
        "giving_channels": SimpleLazyObject(lambda: list(campaign.giving_channels.all())),
        # The closed-campaign banner links to what was delivered (the tracker's needs page).
        "results_url": reverse("tracker:needs", kwargs={"campaign_slug": campaign.slug}),
    }
