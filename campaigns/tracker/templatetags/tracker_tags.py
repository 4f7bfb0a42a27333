"""Template helpers for tracker figures: money, quantities, percentages, small numbers."""

from decimal import Decimal

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from campaigns import countries
from home.site_chrome import chrome_translations
from portal.localization.conventions import activate
from portal.localization.numbers import format_money, format_number, format_percent

from ..aggregates import small_number_threshold, totals_for
from ..models import Unit
from ..models.display import format_amount

register = template.Library()


@register.filter
def percent(value):
    """'24%' (en), '24 %' (fr), «٢٤٪؜» (ar_JO): the locale's pattern, sign and digits, one
    decimal when not whole (``format_percent``)."""
    return format_percent(value)


@register.filter
def money_in_its_country(amount, currency):
    """An amount shown outside any campaign (the regional overview), in the conventions of
    the member state issuing ``currency``: JOD as on a Jordanian page («٢٥٠٫١٢٥ د.أ.»),
    the site's for EUR or USD (``campaigns.countries.currency_conventions``)."""
    with activate(countries.currency_conventions(currency)):
        return format_money(amount, currency)


@register.filter
def bar_width(value):
    """A CSS percentage for a progress bar, between 0 and 100 (dot decimal)."""
    value = max(Decimal(0), min(Decimal(100), Decimal(value or 0)))
    return f"{value.quantize(Decimal('0.1'))}%"


@register.filter
def unit_name(code):
    try:
        return Unit(code).label
    except ValueError:
        return code


@register.filter
def number(value):
    return format_number(value.normalize() if isinstance(value, Decimal) else value)


@register.simple_tag
def money(amount, currency):
    return format_money(amount, currency)


@register.simple_tag
def amount(value, need):
    """A quantity in the need's own terms: '120 parcels' or '2,500.000 TND'."""
    return format_amount(value or Decimal(0), need.currency, need.unit)


@register.filter
def households(count, fewer_than=None):
    """Households reached as published: ``{{ n|households:fewer_than }}``.

    A count withheld by ``disclosure`` is ``None``: 'fewer than 10' when it is itself small
    (``fewer_than``), else 'withheld (privacy)'. A raw small count is never shown either.
    """
    threshold = small_number_threshold()
    if count is None:
        if fewer_than:
            return _("fewer than %(n)s") % {"n": format_number(fewer_than)}
        return _("withheld (privacy)")
    if 0 < count < threshold:
        return _("fewer than %(n)s") % {"n": format_number(threshold)}
    return format_number(count)


@register.simple_tag(takes_context=True)
def tracker_summary(context, campaign):
    """The campaign's totals and its needs page's address, for the campaign page section.

    At most 3 aggregate queries, none once cached; the source campaign is read from the live
    translations the page's header already fetched (``home.site_chrome``) when they hold it.
    """
    try:
        needs_url = reverse("tracker:needs", kwargs={"campaign_slug": campaign.slug})
    except NoReverseMatch:
        needs_url = ""
    request = context.get("request")
    known = chrome_translations(request, campaign) if request is not None else ()
    return {"totals": totals_for(campaign, translations=known), "needs_url": needs_url}


@register.simple_tag
def households_note():
    """The note beside published household figures: small needs are left out of every sum
    (``disclosure``), so a reader knows the totals are a floor."""
    return _(
        "Needs that reached fewer than %(n)s households are shown as “fewer than %(n)s” "
        "and are not counted in any total."
    ) % {"n": format_number(small_number_threshold())}


@register.simple_tag
def households_days_note():
    """The note under the day table: days are grouped so that no household figure is under
    the threshold (``disclosure.day_buckets``); the threshold in the page's digits."""
    return _("Households are counted over days grouped so that no figure is under %(n)s.") % {
        "n": format_number(small_number_threshold())
    }
