"""Needs, contributions and deliveries: public lists and details, keyed writes.

Every write goes through ``campaigns.tracker.services`` with the key's service account as
the acting user and ``source="api"``: the same rules and history as the admin.
"""

from django.urls import reverse
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.response import Response
from wagtail.models import Locale

from campaigns.tracker import services, signals
from campaigns.tracker.aggregates import disclose_deliveries, disclose_needs, with_figures
from campaigns.tracker.models import Contribution, Delivery, Need, Source

from .. import filters
from ..idempotency import idempotent
from ..localization import attach_translations
from ..models import Scope
from ..schema import LOCALE_PARAMETER, read_responses, write_responses
from ..search import SEARCH_PARAMETER, search_sources
from ..serializers import read, write
from .base import TrackerAPIViewSet


def announce_again(body):
    """A replayed write's answer (an entry's ``{"campaign": id, ...}``): retire the campaign's
    figures and purge its pages again (``signals.invalidate``). The first request may have
    committed and died before announcing it (make load's killed worker and cut connections
    left a delivery's households out of every figure for the cache's lifetime)."""
    signals.invalidate(body.get("campaign"))


class EntryViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, TrackerAPIViewSet):
    filter_backends = [DjangoFilterBackend, filters.StrictOrderingFilter]
    create_serializer_class = None
    # Whether a write without ``partner`` is the key's partner's (needs, gifts). A delivery
    # without one is its need's partner's (the service's rule), which must be the key's.
    partner_from_key = True

    def get_serializer_class(self):
        if self.action == "create":
            return self.create_serializer_class
        return self.serializer_class

    def write_values(self, serializer):
        """Validated values for the service, with the key's partner as default partner."""
        values = dict(serializer.validated_data)
        if self.partner_from_key and "partner" in serializer.fields and not values.get("partner"):
            values["partner"] = self.request.auth.partner
        return values

    def created(self, instance, status_code=status.HTTP_201_CREATED):
        instance = self.as_read(instance)
        self.prepare([instance])
        data = self.serializer_class(instance, context=self.get_serializer_context()).data
        location = self.request.build_absolute_uri(
            reverse(f"{self.basename}-detail", args=[instance.pk])
        )
        return Response(data, status=status_code, headers={"Location": location})

    def as_read(self, instance):
        """Hook: the entry a service just wrote, as the read serializer needs it (read again
        through ``get_queryset()`` for its annotations and related rows)."""
        return self.get_queryset().get(pk=instance.pk)

    def prepare(self, objects):
        """Hook: add what the serializer needs to a page of objects, in fixed queries."""
        return objects

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return self.prepare(page) if page is not None else page

    def get_object(self):
        obj = super().get_object()
        self.prepare([obj])
        return obj

    def accept(self, serializer_class):
        serializer = serializer_class(data=self.request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        return serializer


@extend_schema(tags=["needs"])
class NeedViewSet(mixins.CreateModelMixin, EntryViewSet):
    """What campaigns need, where: one entry per need (its source), text in the asked language."""

    serializer_class = read.NeedSerializer
    create_serializer_class = write.NeedCreateSerializer
    filterset_class = filters.NeedFilter
    ordering_fields = ["deadline", "created_at", "updated_at", "quantity", "id"]
    ordering = ["deadline", "id"]
    write_scope = Scope.NEEDS_WRITE

    queryset = Need.objects.none()  # for the schema; get_queryset() serves

    def get_queryset(self):
        # Only source needs carry figures; translations are read through attach_translations.
        needs = Need.objects.filter(locale_id=Locale.get_default().pk).select_related("region")
        return with_figures(needs)

    def prepare(self, objects):
        objects = disclose_needs(objects)  # households as every channel publishes them
        return attach_translations(objects, self.language, ["title", "description"], Need.objects)

    def filter_queryset(self, queryset):
        # The other filters and ordering first, then the search narrows what they kept.
        queryset = super().filter_queryset(queryset)
        return search_sources(self.request, queryset, Need.objects.all(), self.language)

    @extend_schema(
        parameters=[LOCALE_PARAMETER, SEARCH_PARAMETER],
        responses=read_responses(read.NeedSerializer),
    )
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(parameters=[LOCALE_PARAMETER], responses=read_responses(read.NeedSerializer))
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)

    @extend_schema(responses=write_responses(read.NeedSerializer))
    def create(self, request, *args, **kwargs):
        def write_need():
            values = self.write_values(self.accept(write.NeedCreateSerializer))
            need = services.create_need(user=request.user, source=Source.API, **values)
            return self.created(need)

        return idempotent(request, write_need, announce_again)


@extend_schema(tags=["contributions"])
class ContributionViewSet(mixins.CreateModelMixin, EntryViewSet):
    """Gifts toward campaigns and needs: public fields only (a donor's name only with consent)."""

    serializer_class = read.ContributionSerializer
    create_serializer_class = write.ContributionCreateSerializer
    filterset_class = filters.ContributionFilter
    ordering_fields = ["created_at", "updated_at", "pledged_at", "amount", "quantity", "id"]
    ordering = ["-created_at", "-id"]
    write_scope = Scope.CONTRIBUTIONS_WRITE

    queryset = Contribution.objects.none()  # for the schema; get_queryset() serves

    def get_queryset(self):
        return Contribution.objects.all()

    def as_read(self, instance):
        # The service returns the row as saved, and the read serializer shows only its own
        # columns: reading it back would cost a query for the same values.
        return instance

    @extend_schema(responses=read_responses(read.ContributionSerializer))
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(responses=read_responses(read.ContributionSerializer))
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)

    @extend_schema(responses=write_responses(read.ContributionSerializer))
    def create(self, request, *args, **kwargs):
        def write_contribution():
            values = self.write_values(self.accept(write.ContributionCreateSerializer))
            contribution = services.record_contribution(
                user=request.user, source=Source.API, **values
            )
            return self.created(contribution)

        return idempotent(request, write_contribution, announce_again)

    @extend_schema(
        request=write.ContributionStatusSerializer,
        responses=write_responses(read.ContributionSerializer, created=False),
    )
    @action(detail=True, methods=["post"], url_path="status")
    def change_status(self, request, pk=None):
        """Move the contribution's status forward (received, distributed or cancelled)."""

        def write_status():
            contribution = self.get_object()
            values = self.accept(write.ContributionStatusSerializer).validated_data
            contribution = services.change_contribution_status(
                contribution,
                values["status"],
                user=request.user,
                at=values.get("at"),
                note=values.get("note", ""),
                source=Source.API,
            )
            return self.created(contribution, status.HTTP_200_OK)

        return idempotent(request, write_status, announce_again)


@extend_schema(tags=["deliveries"])
class DeliveryViewSet(mixins.CreateModelMixin, EntryViewSet):
    """Aid handed out; only confirmed deliveries count in public figures."""

    serializer_class = read.DeliverySerializer
    create_serializer_class = write.DeliveryCreateSerializer
    filterset_class = filters.DeliveryFilter
    ordering_fields = ["delivered_on", "updated_at", "quantity", "id"]
    ordering = ["-delivered_on", "-id"]
    write_scope = Scope.DELIVERIES_WRITE
    partner_from_key = False

    queryset = Delivery.objects.none()  # for the schema; get_queryset() serves

    def get_queryset(self):
        return Delivery.objects.select_related("region")

    def prepare(self, objects):
        """Each delivery's published households (``disclose_deliveries``)."""
        return disclose_deliveries(objects)

    @extend_schema(responses=read_responses(read.DeliverySerializer))
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(responses=read_responses(read.DeliverySerializer))
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)

    @extend_schema(responses=write_responses(read.DeliverySerializer))
    def create(self, request, *args, **kwargs):
        def write_delivery():
            values = self.write_values(self.accept(write.DeliveryCreateSerializer))
            delivery = services.record_delivery(user=request.user, source=Source.API, **values)
            return self.created(delivery)

        return idempotent(request, write_delivery, announce_again)

    @extend_schema(
        request=write.EmptySerializer,
        responses=write_responses(read.DeliverySerializer, created=False),
    )
    @action(detail=True, methods=["post"])
    def confirm(self, request, pk=None):
        """Confirm a delivery recorded by another person (another key of the same partner)."""

        def write_confirm():
            delivery = self.get_object()
            self.accept(write.EmptySerializer)
            delivery = services.confirm_delivery(delivery, user=request.user, source=Source.API)
            return self.created(delivery, status.HTTP_200_OK)

        return idempotent(request, write_confirm, announce_again)
