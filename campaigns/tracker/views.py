"""Public tracker pages: a campaign's needs (with filters, totals, chart, donors' wall) and
its open data. Server-rendered; the filters are a plain GET form that works without JS."""

from django import forms
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from . import opendata
from .aggregates import totals_by, totals_for
from .chart import bar_chart
from .models import Category, NeedStatus, Region, Urgency
from .public import campaign_in_language, daily_series, donors_wall, localize, public_needs

PER_PAGE = 50


class NeedFilterForm(forms.Form):
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.none(), required=False, empty_label=_("All")
    )
    category = forms.ChoiceField(
        label=_("Category"), choices=[("", _("All")), *Category.choices], required=False
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All")), *NeedStatus.choices], required=False
    )
    urgency = forms.ChoiceField(
        label=_("Urgency"), choices=[("", _("All")), *Urgency.choices], required=False
    )

    def __init__(self, *args, country=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = Region.objects.filter(country=country)
        self.fields["region"].label_from_instance = lambda region: region.name

    def filters(self):
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "region": data.get("region"),
            "category": data.get("category"),
            "status": data.get("status"),
            "urgency": data.get("urgency"),
        }


def _campaign(campaign_slug):
    campaign = campaign_in_language(campaign_slug, get_language())
    if campaign is None:
        raise Http404
    return campaign


@require_GET
def needs(request, campaign_slug):
    """The needs page: what is needed where, how far each need is met, and the totals."""
    campaign = _campaign(campaign_slug)
    form = NeedFilterForm(request.GET or None, country=campaign.country)
    page = Paginator(public_needs(campaign, form.filters()), PER_PAGE).get_page(
        request.GET.get("page")
    )
    page.object_list = localize(page.object_list, get_language())
    by_region = totals_by(campaign, "region")
    regions = {r.pk: r for r in Region.objects.filter(country=campaign.country)}
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
                {"region": regions[pk], "figures": figures}
                for pk, figures in by_region.items()
                if pk in regions
            ],
            "series": series,
            "chart": bar_chart(series),
            "donors": donors_wall(campaign),
        },
    )


def _open_data(campaign):
    needs = localize(public_needs(campaign), get_language())
    return needs, totals_for(campaign)


@require_GET
def needs_csv(request, campaign_slug):
    campaign = _campaign(campaign_slug)
    needs, _totals = _open_data(campaign)
    response = HttpResponse(opendata.needs_csv(needs), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{campaign.slug}-needs.csv"'
    return response


@require_GET
def totals_csv(request, campaign_slug):
    campaign = _campaign(campaign_slug)
    response = HttpResponse(
        opendata.totals_csv(totals_for(campaign)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{campaign.slug}-totals.csv"'
    return response


@require_GET
def data_json(request, campaign_slug):
    campaign = _campaign(campaign_slug)
    needs, totals = _open_data(campaign)
    return JsonResponse(
        opendata.as_json(campaign, totals, needs), json_dumps_params={"ensure_ascii": False}
    )
