"""Public tracker pages: a campaign's needs (with filters, totals, chart, donors' wall) and
its open data. Server-rendered; the filters are a plain GET form that works without JS."""

from django import forms
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from portal.localization.typed_codes import WesternDigitsChoiceField

from . import opendata
from .aggregates import region_table, totals_for
from .chart import bar_chart
from .models import Category, NeedStatus, Region, Urgency
from .public import campaign_in_language, daily_series, donors_wall, localize, public_needs

PER_PAGE = 50

# "All" agrees with the filter's noun (French: toutes les régions, tous les statuts).
ALL_REGIONS = pgettext_lazy("all regions", "All")
ALL_CATEGORIES = pgettext_lazy("all categories", "All")
ALL_STATUSES = pgettext_lazy("all statuses", "All")
ALL_URGENCIES = pgettext_lazy("all urgencies", "All")


class NeedFilterForm(forms.Form):
    region = WesternDigitsChoiceField(
        label=_("Region"), coerce=int, required=False, empty_value=None
    )
    category = forms.ChoiceField(
        label=_("Category"), choices=[("", ALL_CATEGORIES), *Category.choices], required=False
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", ALL_STATUSES), *NeedStatus.choices], required=False
    )
    urgency = forms.ChoiceField(
        label=_("Urgency"), choices=[("", ALL_URGENCIES), *Urgency.choices], required=False
    )

    def __init__(self, *args, regions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", ALL_REGIONS)] + [(r.pk, r.name) for r in regions]

    def filters(self):
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "region_id": data.get("region"),
            "category": data.get("category"),
            "status": data.get("status"),
            "urgency": data.get("urgency"),
        }


def _campaign(campaign_slug):
    campaign = campaign_in_language(campaign_slug, get_language())
    if campaign is None:
        raise Http404
    return campaign


@require_safe
def needs(request, campaign_slug):
    """The needs page: what is needed where, how far each need is met, and the totals."""
    campaign = _campaign(campaign_slug)
    regions = {r.pk: r for r in Region.objects.filter(country=campaign.country)}
    form = NeedFilterForm(request.GET or None, regions=regions.values())
    page = Paginator(public_needs(campaign, form.filters()), PER_PAGE).get_page(
        request.GET.get("page")
    )
    page.object_list = localize(page.object_list, campaign.locale_id)
    by_region = region_table(campaign)
    series = daily_series(campaign)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "tracker/needs_page.html",
        {
            "campaign": campaign,
            "page": campaign,
            "needs": page,
            "form": form,
            "filter_query": query.urlencode(),
            "totals": totals_for(campaign),
            "regions": [
                {"region": region, "figures": by_region[pk]}
                for pk, region in regions.items()
                if pk in by_region
            ],
            "series": series,
            "chart": bar_chart(series),
            "donors": donors_wall(campaign),
        },
    )


def _open_data(campaign):
    needs = localize(public_needs(campaign), campaign.locale_id)
    return needs, totals_for(campaign)


@require_safe
def needs_csv(request, campaign_slug):
    campaign = _campaign(campaign_slug)
    needs, _totals = _open_data(campaign)
    response = HttpResponse(opendata.needs_csv(needs), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{campaign.slug}-needs.csv"'
    return response


@require_safe
def totals_csv(request, campaign_slug):
    campaign = _campaign(campaign_slug)
    response = HttpResponse(
        opendata.totals_csv(totals_for(campaign)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{campaign.slug}-totals.csv"'
    return response


@require_safe
def data_json(request, campaign_slug):
    campaign = _campaign(campaign_slug)
    needs, totals = _open_data(campaign)
    return JsonResponse(
        opendata.as_json(campaign, totals, needs), json_dumps_params={"ensure_ascii": False}
    )
