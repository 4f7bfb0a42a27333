"""What the public search covers besides pages: snippets that other apps register.

Every live page in the visitor's language is searched without any list of page types. A
snippet (a need, coverage, …) joins the search by registering itself, usually from its app's
``ready()`` or ``wagtail_hooks.py``::

    from search.registry import register_snippet

    register_snippet(
        Need,                                   # an index.Indexed, TranslatableMixin model
        queryset=lambda: Need.objects.filter(live=True),   # what the public may see
        label=_("Need"),                        # the result's type label and facet
        campaign="campaign",                    # optional: FK to the campaign page (facet)
        url=lambda need: need.campaign.url + f"#need-{need.pk}",   # where a result links
    )

The search filters the queryset to the visitor's locale itself.
"""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model


@dataclass(frozen=True)
class SearchableSnippet:
    """A non-page model shown in public search results."""

    model: type[Model]
    queryset: Any  # callable returning the public queryset (all locales)
    label: Any
    campaign: str | None = None
    url: Any = None  # callable(obj) -> str
    excerpt: Any = None  # callable(obj) -> str; default: the indexed text
    key: str = field(default="")
    # For models that are not translated but written in one language (e.g. press coverage):
    # the field holding that language code; translated models are filtered by locale.
    language_field: str | None = None

    def in_language(self, queryset, language, locale_id):
        if self.language_field:
            return queryset.filter(**{self.language_field: language})
        return queryset.filter(locale_id=locale_id)

    def get_queryset(self):
        return self.queryset() if callable(self.queryset) else self.queryset.all()

    def get_url(self, obj):
        if self.url is not None:
            return self.url(obj)
        return getattr(obj, "get_absolute_url", lambda: "")()


_registry: dict[str, SearchableSnippet] = {}


def type_key(model):
    """The facet key of a model: 'app_label.modelname'."""
    return model._meta.label_lower


def register_snippet(
    model,
    *,
    queryset=None,
    label=None,
    campaign=None,
    url=None,
    excerpt=None,
    language_field=None,
):
    """Add a snippet model to the public search (registering it again replaces it)."""
    entry = SearchableSnippet(
        model=model,
        queryset=queryset if queryset is not None else model._default_manager.all,
        label=label if label is not None else model._meta.verbose_name,
        campaign=campaign,
        url=url,
        excerpt=excerpt,
        key=type_key(model),
        language_field=language_field,
    )
    _registry[entry.key] = entry
    return entry


def unregister_snippet(model):
    _registry.pop(type_key(model), None)


def registered_snippets():
    return list(_registry.values())
