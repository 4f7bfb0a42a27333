"""The values an import's choice columns accept, written for the person importing: each
error on such a column ends with them, in the reader's language («الوحدة: … القيم الممكنة:
كيلوغرام (kg)، لتر (l)…»), so a file is corrected without leaving the error list.

A choice column is a model field with ``choices`` (category, unit, urgency, kind, status,
``import_aliases.choice_columns``) or one of ``LOOKUPS``, whose values are looked up: the
campaigns the person may import into, the regions of their countries, currency codes.
"""

from babel.numbers import get_currency_name
from django.utils.translation import gettext as _

from campaigns.models import CampaignPage
from portal.localization.lists import join_values
from portal.localization.numbers import current_language

from . import services
from .import_aliases import choice_columns, choices_text
from .import_columns import COLUMNS
from .models import Region
from .services.common import default_locale_id

# Columns whose values are looked up rather than chosen from a model field's choices.
LOOKUPS = ("campaign", "region", "currency")


def value_columns(kind):
    """``kind``'s import columns that take one of a set of values, in the file's order."""
    columns = COLUMNS[kind]["required"] + COLUMNS[kind]["optional"]
    chosen = choice_columns(kind)
    return [c for c in columns if c in chosen or c in LOOKUPS]


def source_campaigns(user):
    """``user``'s campaigns in the source (default) language, newest first."""
    sources = CampaignPage.objects.filter(locale_id=default_locale_id())
    return list(services.campaigns_for(user, sources).order_by("-first_published_at"))


def campaigns_text(user):
    """The campaigns ``user`` may import into: «title (slug)», the title in the active
    language when the campaign is translated into it."""
    pages = source_campaigns(user)
    return join_values(f"{page.localized.title} ({page.slug})" for page in pages)


def regions_text(user, country=None):
    """The regions of ``country`` (else of the countries of ``user``'s campaigns), «code
    name» with the name in the active language."""
    countries = {country} if country else {page.country for page in source_campaigns(user)}
    regions = Region.objects.filter(country__in=countries).order_by("code")
    return join_values(f"{region.code} {region.name}" for region in regions)


def currencies_text(user):
    """The currencies of ``user``'s campaigns, «name (code)» in the active language, as
    examples of the ISO 4217 codes accepted."""
    codes = sorted({page.currency for page in source_campaigns(user)} - {""})
    locale = "ar_TN" if current_language() == "ar" else current_language()
    return join_values(f"{get_currency_name(code, locale=locale)} ({code})" for code in codes)


def accepted_values(kind, column, user, country=None):
    """The sentence listing what ``column`` of a ``kind`` import accepts, in the active
    language; ``""`` for a column that takes any value."""
    if column == "campaign":
        values = campaigns_text(user)
    elif column == "region":
        values = regions_text(user, country)
    elif column == "currency":
        values = currencies_text(user)
        if values:
            return _("Possible values: an ISO 4217 currency code, such as %(values)s.") % {
                "values": values
            }
        return _("Possible values: an ISO 4217 currency code.")
    elif column in choice_columns(kind):
        values = choices_text(kind, column)
    else:
        return ""
    return _("Possible values: %(values)s.") % {"values": values} if values else ""


def with_values(message, kind, column, user, country=None):
    """``message`` followed by the values ``column`` accepts (unchanged for a free column)."""
    values = accepted_values(kind, column, user, country)
    return f"{message} {values}" if values else str(message)
