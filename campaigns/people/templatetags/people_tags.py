from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()


@register.simple_tag
def offer_help_url(campaign):
    """The campaign's "offer help" address, or "" when it takes no offers now."""
    from campaigns.people.views import accepts_offers

    if campaign is None or not accepts_offers(campaign):
        return ""
    try:
        return reverse("people:offer_help", kwargs={"slug": campaign.slug})
    except NoReverseMatch:
        return ""
