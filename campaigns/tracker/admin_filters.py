"""Listing filters whose choices show only what the user may see."""

from collections import Counter

import django_filters
from django.conf import settings
from django.forms.models import ModelChoiceIterator, ModelChoiceIteratorValue
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.models import Locale

from campaigns.countries import collation_key, country_name
from campaigns.models import CampaignPage
from portal.localization.numbers import current_language
from portal.localization.page_title_fields import ReaderTitleLabelsMixin

from . import services
from .models import (
    Category,
    Contribution,
    ContributionKind,
    ContributionStatus,
    Delivery,
    Need,
    NeedStatus,
    Region,
    Source,
    Urgency,
)


def _partners(request):
    return services.partners_for(request.user if request else None).order_by("path")


def _campaigns(request):
    return CampaignPage.objects.filter(locale=Locale.get_default()).order_by("-start_date")


def _regions(request):
    """The regions of the countries of the campaigns the user can see (staff: of every
    campaign), not the 340 regions of every country the portal knows."""
    countries = services.campaigns_for(request.user if request else None).values("country")
    return Region.objects.filter(country__in=countries)


def region_labels(regions, language=None):
    """``{pk: label}``: each region's name in the reader's language, followed by its
    country's when another region of the list has the same name («العاصمة (تونس)»)."""
    names = {region.pk: region.name_in(current_language(language)) for region in regions}
    counts = Counter(names.values())
    return {
        region.pk: (
            names[region.pk]
            if counts[names[region.pk]] == 1
            else f"{names[region.pk]} ({country_name(region.country, language)})"
        )
        for region in regions
    }


class RegionChoiceIterator(ModelChoiceIterator):
    """The regions in the reader's alphabetical order (``collation_key``), each named by
    :func:`region_labels`."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        regions = list(self.queryset)
        labels = region_labels(regions)
        ordered = sorted(regions, key=lambda region: collation_key(labels[region.pk]))
        for region in ordered:
            yield (ModelChoiceIteratorValue(self.field.prepare_value(region), region),
                   labels[region.pk])  # fmt: skip


class RegionFilter(django_filters.ModelChoiceFilter):
    """A region among those of the user's campaigns' countries (:func:`_regions`)."""

    class field_class(django_filters.fields.ModelChoiceField):  # noqa: N801
        iterator = RegionChoiceIterator


class TitleChoiceFilter(django_filters.ModelChoiceFilter):
    """A campaign or partner, each named in the reader's language."""

    class field_class(ReaderTitleLabelsMixin, django_filters.fields.ModelChoiceField):  # noqa: N801
        pass


class NeedFilterSet(WagtailFilterSet):
    # Without it the listing shows each need once, in the user's language (admin_views).
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        field_name="locale__language_code",
        choices=lambda: list(settings.WAGTAIL_CONTENT_LANGUAGES),
        empty_label=_("Yours (else the source)"),
    )
    campaign = TitleChoiceFilter(label=_("Campaign"), queryset=_campaigns)
    partner = TitleChoiceFilter(label=_("Partner"), queryset=_partners)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=NeedStatus.choices)
    category = django_filters.ChoiceFilter(label=_("Category"), choices=Category.choices)
    region = RegionFilter(label=_("Region"), queryset=_regions)
    urgency = django_filters.ChoiceFilter(label=_("Urgency"), choices=Urgency.choices)

    class Meta:
        model = Need
        fields = ["campaign", "partner", "status", "category", "region", "urgency", "language"]

    def _add_locale_filter(self):
        # One language filter: ours ("language", above) replaces Wagtail's "Locale".
        pass


class ContributionFilterSet(WagtailFilterSet):
    campaign = TitleChoiceFilter(label=_("Campaign"), queryset=_campaigns)
    partner = TitleChoiceFilter(label=_("Partner"), queryset=_partners)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ContributionStatus.choices)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=ContributionKind.choices)
    category = django_filters.ChoiceFilter(
        label=_("Category"), field_name="need__category", choices=Category.choices
    )
    region = RegionFilter(label=_("Region"), field_name="need__region", queryset=_regions)
    source = django_filters.ChoiceFilter(label=_("Source"), choices=Source.choices)

    class Meta:
        model = Contribution
        fields = ["campaign", "partner", "status", "kind", "category", "region", "source"]


class DeliveryFilterSet(WagtailFilterSet):
    campaign = TitleChoiceFilter(label=_("Campaign"), queryset=_campaigns)
    partner = TitleChoiceFilter(label=_("Partner"), queryset=_partners)
    category = django_filters.ChoiceFilter(
        label=_("Category"), field_name="need__category", choices=Category.choices
    )
    region = RegionFilter(label=_("Region"), queryset=_regions)
    confirmed = django_filters.BooleanFilter(
        label=_("Confirmed"), field_name="confirmed_at", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = Delivery
        fields = ["campaign", "partner", "category", "region", "confirmed"]
