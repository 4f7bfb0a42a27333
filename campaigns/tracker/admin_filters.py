"""Listing filters whose choices show only what the user may see."""

import django_filters
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.models import Locale

from campaigns.models import CampaignPage
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
    return Region.objects.all()


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
    region = django_filters.ModelChoiceFilter(label=_("Region"), queryset=_regions)
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
    region = django_filters.ModelChoiceFilter(
        label=_("Region"), field_name="need__region", queryset=_regions
    )
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
    region = django_filters.ModelChoiceFilter(label=_("Region"), queryset=_regions)
    confirmed = django_filters.BooleanFilter(
        label=_("Confirmed"), field_name="confirmed_at", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = Delivery
        fields = ["campaign", "partner", "category", "region", "confirmed"]
