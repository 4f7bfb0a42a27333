"""One rule for typed digits: every number, date and time field of every form, filter and
serializer reads Arabic-Indic (٠-٩) and Persian (۰-۹) digits as 0-9."""

import copy
import datetime
import importlib
import pkgutil

import django_filters
import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from rest_framework import fields as drf_fields
from rest_framework import serializers
from rest_framework.exceptions import ValidationError as DRFValidationError

from portal.localization.digits import ascii_digits

PROJECT = ("campaigns", "home", "portal", "search")
ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def import_project_modules():
    for package_name in PROJECT:
        package = importlib.import_module(package_name)
        for module in pkgutil.walk_packages(package.__path__, f"{package_name}."):
            # .backends: search backends for the other database (they hold no forms) fail to
            # import there (SQLite's needs its FTS table).
            skipped = (".migrations", ".management", ".settings", ".wsgi", ".warmup", ".backends")
            if any(part in module.name for part in skipped):
                continue
            importlib.import_module(module.name)


def subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from subclasses(sub)


def project_classes(base):
    return sorted(
        {c for c in subclasses(base) if c.__module__.startswith(PROJECT)},
        key=lambda c: f"{c.__module__}.{c.__qualname__}",
    )


def sample(field):
    """Western-digit text the field accepts, or None for a field that reads no digits."""
    if isinstance(field, (forms.DateTimeField, drf_fields.DateTimeField)):
        return "2020-05-21 10:30"
    if isinstance(field, (forms.DateField, drf_fields.DateField)):
        return "2020-05-21"
    if isinstance(field, (forms.TimeField, drf_fields.TimeField)):
        return "10:30"
    if isinstance(field, (forms.IntegerField, drf_fields.IntegerField)):
        return "13"  # Decimal and Float fields are IntegerField's subclasses in Django
    if isinstance(field, (drf_fields.DecimalField, drf_fields.FloatField)):
        return "13"
    return None


def leaves(field):
    if isinstance(field, forms.MultiValueField):
        for sub in field.fields:
            yield from leaves(sub)
    else:
        yield field


def admin_and_page_forms():
    """Every snippet viewset's admin form and every page type's edit form."""
    from wagtail.admin.viewsets import viewsets
    from wagtail.models import get_page_models
    from wagtail.snippets.views.snippets import SnippetViewSet

    reverse("wagtailadmin_home")  # the admin's viewsets register when its URLs load
    found = []
    for viewset in viewsets.viewsets:
        if isinstance(viewset, SnippetViewSet) and viewset.model.__module__.startswith(PROJECT):
            found.append((f"admin:{viewset.model.__name__}", viewset.get_edit_handler()))
    for model in get_page_models():
        if model.__module__.startswith(PROJECT):
            found.append((f"page:{model.__name__}", model.get_edit_handler()))
    return [(name, handler.get_form_class()) for name, handler in found]


def django_fields():
    import_project_modules()
    found = []
    for name, form_class in admin_and_page_forms():
        found.extend((name, field_name, f) for field_name, f in form_class.base_fields.items())
    for form_class in project_classes(forms.BaseForm):
        name = f"form:{form_class.__qualname__}"
        found.extend((name, n, f) for n, f in getattr(form_class, "base_fields", {}).items())
    for filterset in project_classes(django_filters.FilterSet):
        if filterset._meta.model is None:
            continue
        for filter_name, declared in filterset.base_filters.items():
            try:
                # A copy, as a filter set instance takes: django-filter keeps the field it
                # builds on the filter, and built here without a request it would have no
                # rows (the region filter's choices are the user's campaigns' regions); every
                # later filter set copies the class's filters with that field (the region
                # filter tests failed after this one in the same process, CI).
                field = copy.deepcopy(declared).field
            except Exception:  # noqa: S112 - a filter needing a request: its class is checked
                continue
            found.append((f"filter:{filterset.__qualname__}", filter_name, field))
    return [(owner, name, leaf) for owner, name, f in found for leaf in leaves(f) if sample(leaf)]


def drf_fields_found():
    import_project_modules()
    found = []
    for serializer_class in project_classes(serializers.BaseSerializer):
        try:
            instance = serializer_class(context={})
            declared = instance.fields
        except Exception:  # noqa: S112 - a serializer needing a request or instance
            continue
        for name, field in declared.items():
            if sample(field) and not field.read_only:
                found.append((f"serializer:{serializer_class.__qualname__}", name, field))
    return found


def test_ascii_digits_reads_both_digit_sets_and_leaves_the_rest():
    assert ascii_digits("٢٠٢٠-٠٥-٢١") == "2020-05-21"
    assert ascii_digits("۱۲٫۵") == "12.5"
    assert ascii_digits("١٬٥٠٠") == "1500"
    assert ascii_digits(datetime.date(2020, 5, 21)) == datetime.date(2020, 5, 21)
    assert ascii_digits(None) is None


@pytest.mark.django_db
def test_every_form_and_filter_field_reads_typed_digits():
    checked, failures = [], []
    for owner, name, field in django_fields():
        text = sample(field)
        try:
            expected = field.clean(text)
        except ValidationError:
            continue  # the sample is outside the field's range: another test's concern
        for digits in (ARABIC, PERSIAN):
            try:
                value = field.clean(text.translate(digits))
            except ValidationError as error:
                value = error
            if value != expected:
                failures.append((owner, name, text.translate(digits), value))
        checked.append((owner, name))
    owners = {owner for owner, _ in checked}
    # The generated check covers the admin's, the public's and the API's forms and filters.
    assert {"admin:Delivery", "admin:Need", "admin:Contribution"} <= owners
    assert any(o.startswith("page:") for o in owners)
    assert any(o.startswith("filter:") for o in owners)
    assert any(o.startswith("form:") for o in owners)
    assert not failures, failures


@pytest.mark.django_db
def test_every_serializer_field_reads_typed_digits():
    checked, failures = [], []
    for owner, name, field in drf_fields_found():
        text = sample(field)
        try:
            expected = field.run_validation(text)
        except DRFValidationError:
            continue
        try:
            value = field.run_validation(text.translate(ARABIC))
        except DRFValidationError as error:
            value = error
        if value != expected:
            failures.append((owner, name, value))
        checked.append(owner)
    assert checked
    assert not failures, failures


@pytest.mark.django_db
def test_coverage_filter_takes_an_arabic_date(client):
    response = client.get("/api/v1/coverage/", {"date_after": "٢٠٢٠-٠٥-٢١"})
    assert response.status_code == 200, response.content
    western = client.get("/api/v1/coverage/", {"date_after": "2020-05-21"})
    assert response.json() == western.json()
