"""Press coverage: what the media published about the campaigns (public reads only)."""

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework import mixins
from wagtail.models import Page

from campaigns.press.models import Coverage
from portal.localization.locales import locale_id_for_language

from .. import filters
from ..schema import read_responses
from ..serializers.press import CoverageSerializer
from .base import TrackerAPIViewSet


def attach_source_campaigns(items):
    """Give each item ``source_campaign_id``: its campaign's Arabic page id (one query)."""
    items = list(items)
    ids = {item.campaign_id for item in items if item.campaign_id is not None}
    if ids:
        source = Page.objects.filter(
            translation_key=OuterRef("translation_key"),
            locale_id=locale_id_for_language(settings.LANGUAGE_CODE),
        ).values("pk")[:1]
        found = dict(
            Page.objects.filter(pk__in=ids)
            .annotate(source=Subquery(source))
            .values_list("pk", "source")
        )
        for item in items:
            item.source_campaign_id = found.get(item.campaign_id)
    return items


@extend_schema(tags=["coverage"])
class CoverageViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, TrackerAPIViewSet):
    """Reports, articles and posts about the campaigns, newest first.

    Not translated: each headline stays in the outlet's language (``language``); every item is
    listed whatever language is asked for.
    """

    queryset = Coverage.objects.none()  # for the schema; get_queryset() serves
    serializer_class = CoverageSerializer
    filter_backends = [DjangoFilterBackend, filters.StrictOrderingFilter]
    filterset_class = filters.CoverageFilter
    ordering_fields = ["date", "id"]
    ordering = ["-date", "-id"]

    def get_queryset(self):
        return Coverage.objects.select_related("clip")

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return attach_source_campaigns(page) if page is not None else page

    def get_object(self):
        item = super().get_object()
        attach_source_campaigns([item])
        return item

    @extend_schema(responses=read_responses(CoverageSerializer))
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(responses=read_responses(CoverageSerializer))
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)
