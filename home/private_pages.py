"""Private pages: those with a view restriction on them or an ancestor (a password, a login,
a group), which what every visitor sees (menus, listings, the APIs) leaves out."""

from django.db.models import CharField, Exists, ExpressionWrapper, F, OuterRef
from django.db.models.lookups import StartsWith
from wagtail.models import PageViewRestriction


def restricted(path="path"):
    """A boolean expression for a queryset: the page whose tree path is the field ``path``
    (``"partner__path"`` from a link to a page) has a view restriction on it or on an
    ancestor (Wagtail's private pages; as ``PageQuerySet.public()``, within the same
    query)."""
    target = ExpressionWrapper(OuterRef(path), output_field=CharField())
    return Exists(PageViewRestriction.objects.filter(StartsWith(target, F("page__path"))))
