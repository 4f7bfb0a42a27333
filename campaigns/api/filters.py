"""Filters for the tracker lists (django-filter): by campaign, partner, status, region, …

Campaign and partner ids may be any language's page: entries are matched through the
page's translation group, so ``?campaign=<French id>`` finds the same entries as the Arabic id.
``updated_since`` returns what changed at or after a moment, for incremental sync.

Every value is checked against what the schema documents: an id is a whole number from 1,
a boolean is ``true`` or ``false``, an ordering one of the listed fields; anything else is a
``400`` naming the parameter, never silently read as something else (``13.9`` is not 13).
"""

from datetime import UTC

import django_filters
from django import forms
from django.db.models import Subquery
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework.exceptions import ValidationError
from rest_framework.filters import OrderingFilter
from wagtail.models import Page

from campaigns.press.models import Coverage, Medium
from campaigns.tracker.models import (
    Category,
    Contribution,
    ContributionKind,
    ContributionStatus,
    Delivery,
    Need,
    NeedStatus,
    Urgency,
)
from portal.localization.lists import join_values

from .serializers.fields import MAX_ID


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": MAX_ID})
class IdFilter(django_filters.NumberFilter):
    """An entry's or page's id: a whole number from 1 to the largest id; anything else
    (``13.9``, ``1e3``, ``0``) is a ``400`` naming the parameter (Django does not range-check
    a foreign key, and SQLite cannot be asked about it)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)


class StrictBooleanField(forms.NullBooleanField):
    """``true``/``false`` (or ``1``/``0``); any other value is an error, not "no filter"."""

    VALUES = {"true": True, "1": True, "false": False, "0": False}
    widget = forms.TextInput  # Django's select widget reads any other text as "unknown"

    def to_python(self, value):
        if value in (None, ""):
            return None
        if isinstance(value, bool):
            return value
        try:
            return self.VALUES[str(value).strip().lower()]
        except KeyError:
            raise forms.ValidationError(_("Use true or false."), code="invalid") from None

    def validate(self, value):
        pass


class BooleanFilter(django_filters.BooleanFilter):
    field_class = StrictBooleanField


class StrictOrderingFilter(OrderingFilter):
    """DRF's ordering, where an unknown field is a ``400`` naming ``ordering`` (DRF ignores
    it), and the schema lists the fields (each ascending or, with ``-``, descending)."""

    def remove_invalid_fields(self, queryset, fields, view, request):
        valid = super().remove_invalid_fields(queryset, fields, view, request)
        if len(valid) != len(fields):
            choices = join_values(self._choices(view))
            raise ValidationError(
                {self.ordering_param: [_("Choose among %(choices)s.") % {"choices": choices}]}
            )
        return valid

    def _choices(self, view):
        names = [
            field if isinstance(field, str) else field[0]
            for field in getattr(view, "ordering_fields", None) or []
        ]
        return [variant for name in names for variant in (name, f"-{name}")]

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter.update(
                style="form",
                explode=False,
                schema={"type": "array", "items": {"type": "string", "enum": self._choices(view)}},
            )
        return parameters


def _same_page(field):
    def method(queryset, name, value):
        keys = Page.objects.filter(pk=value).values("translation_key")
        return queryset.filter(**{f"{field}__translation_key__in": Subquery(keys)})

    return method


def _changed_since(queryset, name, value):
    # In UTC: PostgreSQL refuses offsets beyond ±15:59 that ISO 8601 text may carry.
    return queryset.filter(updated_at__gte=value.astimezone(UTC))


class EntryFilter(django_filters.FilterSet):
    campaign = IdFilter(method=_same_page("campaign"), help_text="Campaign page id (any language).")
    partner = IdFilter(method=_same_page("partner"), help_text="Partner page id (any language).")
    updated_since = django_filters.IsoDateTimeFilter(
        method=_changed_since,
        help_text="ISO 8601 date-time: entries changed at or after it.",
    )


class NeedFilter(EntryFilter):
    status = django_filters.ChoiceFilter(choices=NeedStatus.choices)
    category = django_filters.ChoiceFilter(choices=Category.choices)
    urgency = django_filters.ChoiceFilter(choices=Urgency.choices)
    region = django_filters.CharFilter(field_name="region__code", help_text="e.g. TN-42")

    class Meta:
        model = Need
        fields = ["campaign", "partner", "status", "category", "urgency", "region"]


class ContributionFilter(EntryFilter):
    need = IdFilter(field_name="need_id")
    status = django_filters.ChoiceFilter(choices=ContributionStatus.choices)
    kind = django_filters.ChoiceFilter(choices=ContributionKind.choices)
    category = django_filters.ChoiceFilter(field_name="need__category", choices=Category.choices)
    region = django_filters.CharFilter(
        field_name="need__region__code", help_text="The need's region."
    )
    currency = django_filters.CharFilter()

    class Meta:
        model = Contribution
        fields = ["campaign", "partner", "need", "status", "kind", "category", "region", "currency"]


class DeliveryFilter(EntryFilter):
    need = IdFilter(field_name="need_id")
    category = django_filters.ChoiceFilter(field_name="need__category", choices=Category.choices)
    region = django_filters.CharFilter(field_name="region__code")
    confirmed = BooleanFilter(field_name="confirmed_at", lookup_expr="isnull", exclude=True)

    class Meta:
        model = Delivery
        fields = ["campaign", "partner", "need", "category", "region", "confirmed"]


class CoverageFilter(django_filters.FilterSet):
    campaign = IdFilter(method=_same_page("campaign"), help_text="Campaign page id (any language).")
    language = django_filters.CharFilter(help_text="The headline's language code, e.g. ar, fr.")
    medium = django_filters.ChoiceFilter(choices=Medium.choices)
    date_after = django_filters.DateFilter(
        field_name="date", lookup_expr="gte", help_text="ISO date: published on or after it."
    )
    date_before = django_filters.DateFilter(
        field_name="date", lookup_expr="lte", help_text="ISO date: published on or before it."
    )

    class Meta:
        model = Coverage
        fields = ["campaign", "language", "medium", "date_after", "date_before"]
