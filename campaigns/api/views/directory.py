"""Campaigns (with their figures), partner organisations and regions: public reads."""

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from wagtail.models import Locale

from campaigns.models import CampaignPage, PartnerPage
from campaigns.tracker import aggregates, services
from campaigns.tracker.models import Region
from home.private_pages import restricted
from portal.localization.lists import join_values

from ..localization import attach_translations
from ..schema import LOCALE_PARAMETER, read_responses, totals_responses
from ..search import SEARCH_PARAMETER, search_sources
from ..serializers import figures, read
from ..serializers.fields import beyond_ids
from .base import TrackerAPIViewSet


class PageViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, TrackerAPIViewSet):
    """Live pages listed once (their source), text in the language asked for."""

    model = None
    text_fields = ["title"]

    def public_pages(self):
        """The model's live pages that are not private (a view restriction on them or an
        ancestor): the API is read by anyone, as the edge-cached pages are."""
        return self.model.objects.live().exclude(restricted())

    def get_queryset(self):
        return self.public_pages().filter(locale_id=Locale.get_default().pk).order_by("path")

    def prepare(self, pages):
        return attach_translations(pages, self.language, self.text_fields, self.public_pages())

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return self.prepare(page) if page is not None else page

    def live_page(self, pk):
        """The live page with id ``pk`` (any language), or ``404``."""
        # A page's id is a one-to-one key, which Django does not range-check as plain ids.
        if beyond_ids(pk):
            raise Http404
        try:
            return self.public_pages().get(pk=int(pk))
        except (ObjectDoesNotExist, ValueError) as error:
            raise Http404 from error

    def get_object(self):
        """Any language's page id is accepted; the answer is about its source page."""
        page = services.source_of(self.live_page(self.kwargs["pk"]))
        self.prepare([page])
        return page


@extend_schema(tags=["campaigns"])
class CampaignViewSet(PageViewSet):
    """Country campaigns; the detail and ``totals/`` carry the campaign's figures."""

    model = CampaignPage
    queryset = CampaignPage.objects.none()  # for the schema; get_queryset() serves
    serializer_class = read.CampaignSerializer
    text_fields = ["title", "summary"]

    @extend_schema(parameters=[LOCALE_PARAMETER], responses=read_responses(read.CampaignSerializer))
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(
        parameters=[LOCALE_PARAMETER], responses=read_responses(read.CampaignWithTotalsSerializer)
    )
    def retrieve(self, request, *args, **kwargs):
        campaign = self.get_object()
        context = self.get_serializer_context()
        context["totals"] = aggregates.totals_for(campaign)
        return Response(read.CampaignWithTotalsSerializer(campaign, context=context).data)

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "by",
                str,
                enum=sorted(aggregates.GROUPS),
                description="Split the figures by category, region, partner or need.",
            )
        ],
        responses=totals_responses(),
    )
    @action(detail=True, methods=["get"])
    def totals(self, request, pk=None):
        """The campaign's figures: pledged, received, delivered, households, needs met.

        Any translation of the campaign gives the same figures. With ``?by=``, one set of
        figures per group (see ``CampaignTotalsByGroupSerializer``).
        """
        campaign = self.live_page(pk)
        source_id = aggregates.source_campaign_id(campaign)
        by = request.query_params.get("by")
        if by is None:
            totals = aggregates.totals_for(campaign)
            return Response(
                figures.CampaignTotalsSerializer({"campaign": source_id, "totals": totals}).data
            )
        if by not in aggregates.GROUPS:
            choices = join_values(sorted(aggregates.GROUPS))
            raise ValidationError({"by": [_("Choose one of %(choices)s.") % {"choices": choices}]})
        groups = aggregates.totals_by(campaign, by)
        if by == "region":
            codes = dict(Region.objects.filter(pk__in=groups).values_list("pk", "code"))
            groups = {codes.get(key, key): value for key, value in groups.items()}
        data = {
            "campaign": source_id,
            "by": by,
            "groups": [
                {"key": None if key is None else str(key), "totals": value}
                for key, value in groups.items()
            ],
        }
        return Response(figures.CampaignTotalsByGroupSerializer(data).data)


@extend_schema(tags=["partners"])
class PartnerViewSet(PageViewSet):
    """Partner organisations (their public profile fields only)."""

    model = PartnerPage
    queryset = PartnerPage.objects.none()  # for the schema; get_queryset() serves
    serializer_class = read.PartnerSerializer

    def filter_queryset(self, queryset):
        # The search index takes plain filters; the sources it narrows are public already.
        return search_sources(self.request, queryset, self.model.objects.live(), self.language)

    @extend_schema(
        parameters=[LOCALE_PARAMETER, SEARCH_PARAMETER],
        responses=read_responses(read.PartnerSerializer),
    )
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(parameters=[LOCALE_PARAMETER], responses=read_responses(read.PartnerSerializer))
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)


@extend_schema(tags=["regions"])
class RegionViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, TrackerAPIViewSet):
    """Administrative regions (Tunisia's 24 governorates), by ISO 3166-2 code."""

    queryset = Region.objects.all()
    serializer_class = read.RegionSerializer
    lookup_field = "code"
    lookup_value_regex = "[A-Za-z0-9-]+"
    filter_backends = [DjangoFilterBackend]
    filterset_fields = ["country"]

    @extend_schema(parameters=[LOCALE_PARAMETER], responses=read_responses(read.RegionSerializer))
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(parameters=[LOCALE_PARAMETER], responses=read_responses(read.RegionSerializer))
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)
