"""Workaround: Wagtail counts a listing's items with the model's plural name and no plural.

``WagtailPaginator.items_count_label`` (Wagtail 8.0, the footer of every generic listing:
snippets, model viewsets, reports) is ``f"{count} {verbose_name_plural}"``: Arabic read
«2 الاحتياجات», «24 الجهات» (a plural name carries the article, and Arabic counts with six
forms: «احتياجان», «3 احتياجات», «11 احتياجًا»). :func:`install` (called once from
``PortalConfig.ready``) gives the footer :func:`count_phrase`: the model's own ``npgettext``
phrase from the catalogues ("%(count)s need"), else a catalogue's neutral phrase for any
model («الاحتياجات: 2»). ``tests/i18n/test_i18n_listing_counts.py`` walks every registered
model viewset and pins this module to the Wagtail release below.
"""

from django.utils.functional import cached_property
from django.utils.translation import get_language, npgettext, override
from wagtail.admin.paginator import WagtailPaginator

PATCHED_FOR = "8.0"  # the Wagtail release this replacement was written against
CONTEXT = "listing count"  # apart from the tracker's units' "%(count)s item" («3 قطع»)


def _english_names(model):
    with override(None):
        return str(model._meta.verbose_name), str(model._meta.verbose_name_plural)


def count_phrase(model, count):
    """``count`` items of ``model`` (a Django model class, or None for "items") as a phrase
    in the active language: «احتياج واحد», «احتياجان», «11 احتياجًا», «3 besoins».

    The catalogues hold each model's phrase as ``npgettext("listing count", "%(count)s
    need", "%(count)s needs")`` (its English ``verbose_name``/``verbose_name_plural``); a
    model without one gets the neutral ``"%(count)s %(name)s"`` phrase («الاحتياجات: 2»)."""
    if model is None:
        return npgettext(CONTEXT, "%(count)s item", "%(count)s items", count) % {"count": count}
    singular, plural = _english_names(model)
    own_singular, own_plural = f"%(count)s {singular}", f"%(count)s {plural}"
    phrase = npgettext(CONTEXT, own_singular, own_plural, count)
    if phrase in (own_singular, own_plural) and (get_language() or "en")[:2] != "en":
        # Translators: a listing's count for a model without its own count phrase;
        # %(name)s is the model's name, %(name_plural)s its plural («الاحتياجات: 2»).
        phrase = npgettext(CONTEXT, "%(count)s %(name)s", "%(count)s %(name_plural)s", count)
    return phrase % {
        "count": count,
        "name": model._meta.verbose_name,
        "name_plural": model._meta.verbose_name_plural,
    }


def _items_count_label(self):
    return count_phrase(self.model, self.count)


def install():
    """The listings' footer count (idempotent)."""
    if getattr(WagtailPaginator, "counts_in_language", False):
        return
    prop = cached_property(_items_count_label)
    prop.__set_name__(WagtailPaginator, "items_count_label")
    WagtailPaginator.items_count_label = prop
    WagtailPaginator.counts_in_language = True
