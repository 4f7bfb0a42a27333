"""Regions in the admin: a searchable chooser with a country column, narrowed to the
campaign's country (or the need's) that the form being filled names.

The need form passes its campaign to the chooser (``linked_fields``), so a partner picking
the region of a Jordanian need sees Jordan's twelve governorates, not 340 regions.
"""

from django import forms
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column

from campaigns.countries import collation_key, sorted_country_choices
from campaigns.wagtail_chooser_labels import LazySnippetChooser
from portal.localization.numbers import current_language

from .admin_views import (
    FoldedIndexView,
    PermissionChooserViewSet,
    ScopedChooseResultsView,
    ScopedChooseView,
)
from .models import Need, Region


def _campaign_country(value):
    from campaigns.models import CampaignPage

    try:
        campaign = CampaignPage.objects.filter(pk=int(value)).first()
    except (TypeError, ValueError):
        return None
    return campaign.country if campaign else None


def _need_country(value):
    try:
        need = Need.objects.filter(pk=int(value)).select_related("campaign").first()
    except (TypeError, ValueError):
        return None
    return need.campaign.country if need else None


class RegionFilterForm(BaseFilterForm):
    """Search (any of the three names or the code) and a country, in the user's language."""

    q = forms.CharField(
        label=_("Search term"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Search")}),
    )
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Every country")), *sorted_country_choices()]

    def filter(self, objects):
        objects = super().filter(objects)
        country = self.cleaned_data.get("country")
        if country:
            objects = objects.filter(country=country)
        term = (self.cleaned_data.get("q") or "").strip()
        if term:
            query = Q()
            for field in ("name_ar", "name_fr", "name_en", "code"):
                query |= Q(**{f"{field}__icontains": term})
            objects = objects.filter(query)
        return objects


def linked_country(params):
    """The country of the form being filled, from the chooser's URL parameters: its
    campaign's (need form) or its need's campaign's (a form with a need); None if neither."""
    return _campaign_country(params.get("campaign")) or _need_country(params.get("need"))


class RegionChooseViewMixin:
    filter_form_class = RegionFilterForm
    per_page = 50

    def get_filter_form(self):
        # The form being filled names a campaign (or a need): the chooser opens on its
        # country, and its country select says so. The select's own value, once sent (a
        # search, or «every country» chosen), is the user's choice and wins.
        data = self.request.GET.copy()
        if "country" not in data and (country := linked_country(data)):
            data["country"] = country
        return self.get_filter_form_class()(data)

    def get_object_list(self):
        return super().get_object_list().order_by("country", "sort_order", "code")

    @property
    def title_column(self):
        # Wagtail heads a chooser's first column «Title» («عنوان»): a region has a name.
        column = super().title_column
        column.label = _("Name")
        return column

    @property
    def columns(self):
        return [
            *super().columns,
            Column("code", label=_("Code")),
            Column("country", label=_("Country"), accessor="get_country_display"),
        ]


class RegionChooseView(RegionChooseViewMixin, ScopedChooseView):
    pass


class RegionChooseResultsView(RegionChooseViewMixin, ScopedChooseResultsView):
    pass


class RegionChooserViewSet(PermissionChooserViewSet):
    """Regions for users with a permission on them, narrowed to the form's country."""

    choose_view_class = RegionChooseView
    choose_results_view_class = RegionChooseResultsView
    preserve_url_parameters = ["multiple", "campaign", "need"]


def region_chooser(linked_to="campaign"):
    """The region widget of a form whose ``linked_to`` field (campaign or need) narrows it."""
    # Built once, at import: its labels must stay lazy (see wagtail_chooser_labels).
    return LazySnippetChooser(Region, linked_fields={linked_to: f"#id_{linked_to}"})


def countries_named(term, language=None):
    """The codes of the countries whose name in ``language`` (the active one by default)
    contains ``term``, case, accents and hamza seats ignored: «maroc» → ``["MA"]`` (fr)."""
    wanted = collation_key((term or "").strip())
    if not wanted:
        return []
    return [
        code for code, name in sorted_country_choices(language) if wanted in collation_key(name)
    ]


def reader_order(regions, language=None):
    """``regions`` (``(pk, country, name)`` rows) as the reader reads a list of them: by
    country name then region name in ``language``, in its alphabetical order."""
    countries = {code: rank for rank, (code, _name) in enumerate(sorted_country_choices(language))}
    return sorted(
        regions, key=lambda row: (countries.get(row[1], len(countries)), collation_key(row[2]))
    )


class RegionIndexView(FoldedIndexView):
    """The regions listing: by default ordered by country then region name in the reader's
    language (not by ISO code), and its search matches the country's name too («Maroc»)."""

    def search_queryset(self, queryset):
        found = super().search_queryset(queryset)
        if not self.is_searching:
            return found
        codes = countries_named(self.search_query)
        if not codes:
            return found
        return queryset.filter(Q(pk__in=found.values("pk")) | Q(country__in=codes))

    def order_queryset(self, queryset):
        if self.is_explicitly_ordered:
            return super().order_queryset(queryset)
        language = current_language()
        rows = queryset.values_list("pk", "country", f"name_{language}", "name_ar")
        ordered = reader_order(
            [(pk, country, name or arabic) for pk, country, name, arabic in rows]
        )
        if not ordered:
            return queryset
        rank = Case(
            *(When(pk=row[0], then=Value(i)) for i, row in enumerate(ordered)),
            output_field=IntegerField(),
        )
        return queryset.order_by(rank, "pk")
