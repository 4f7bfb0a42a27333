"""Promoted results that staff pick for a query (Wagtail's search promotions), per language.

A promotion set for "جسر المحبة" also answers "جسر المحبه": queries are compared in their
normalised form. A promoted page is shown in the visitor's language when translated.
"""

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page

from .text import normalise


def _key(query):
    return " ".join(normalise(query).split())


def promotions_for(query, locale_id, request=None):
    """[(title, url, description)] for the query, in the staff's order (one query, two when
    a promoted page is found)."""
    key = _key(query)
    if not key:
        return []
    promotions = [
        p
        for p in SearchPromotion.objects.select_related("query", "page").order_by(
            "sort_order", "pk"
        )
        if _key(p.query.query_string) == key
    ]
    if not promotions:
        return []
    keys = [p.page.translation_key for p in promotions if p.page_id]
    localized = {
        page.translation_key: page
        for page in Page.objects.live()
        .public()
        .filter(translation_key__in=keys, locale_id=locale_id)
        .specific()
    }
    items = []
    for promotion in promotions:
        if promotion.page_id:
            page = localized.get(promotion.page.translation_key)
            if page is None:
                continue
            items.append((page.title, page.get_url(request), promotion.description))
        elif promotion.external_link_url:
            title = promotion.external_link_text or promotion.external_link_url
            items.append((title, promotion.external_link_url, promotion.description))
    return items
