"""The admin's inspect views, read from the registered viewsets: what the tests of every
inspect view walk over (money, related titles)."""

from django.urls import get_resolver
from wagtail.admin.viewsets import viewsets


def inspected_fields(wanted):
    """``[(viewset, field name)]``, sorted by model label and field: each field of a model
    with an inspect view that ``wanted(field)`` accepts, once per model and field."""
    assert get_resolver().url_patterns  # the admin's URLs register the viewsets (populate)
    found = {}
    for viewset in viewsets.viewsets:
        model = getattr(viewset, "model", None)
        if model is None or not getattr(viewset, "inspect_view_enabled", False):
            continue
        for field in model._meta.get_fields():
            if wanted(field):
                found[(model._meta.label, field.name)] = (viewset, field.name)
    return sorted(found.values(), key=lambda pair: (pair[0].model._meta.label, pair[1]))


def field_ids(fields):
    """pytest ids for ``inspected_fields``: «Model.field»."""
    return [f"{viewset.model.__name__}.{name}" for viewset, name in fields]
