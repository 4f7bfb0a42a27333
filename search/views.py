"""The public search page (/<lang>/search/?q=) and the staff's view of what people search."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.localization.locales import locale_id_for_language
from portal.localization.numbers import current_language

from .models import SearchTerm
from .promotions import promotions_for
from .service import search_site

MAX_QUERY_LENGTH = 200


def _positive_int(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def search(request):
    """Results for ?q= in the page's language, with type and campaign facets."""
    # NUL is no character anybody types, and PostgreSQL text cannot hold it: a word break.
    query = " ".join(request.GET.get("q", "").replace("\x00", " ").split())[:MAX_QUERY_LENGTH]
    type_filter = request.GET.get("type", "")[:100]
    campaign_filter = _positive_int(request.GET.get("campaign"))
    page_number = request.GET.get("page", "1")[:20]
    language = current_language(get_language())
    context = {
        "search_query": query,
        "type_filter": type_filter,
        "campaign_filter": campaign_filter,
    }
    if not query:
        return render(request, "search/search.html", context)
    outcome = search_site(
        query,
        language,
        type_filter=type_filter,
        campaign_filter=campaign_filter,
        page_number=page_number,
        request=request,
    )
    promotions = []
    if outcome.page.number == 1:
        promotions = promotions_for(query, locale_id_for_language(language), request)
    if not type_filter and not campaign_filter and outcome.page.number == 1:
        SearchTerm.record(language, query, outcome.total + len(promotions))
    context.update(outcome=outcome, page_obj=outcome.page, promotions=promotions)
    return render(request, "search/search.html", context)


def search_terms_report(request):
    """What visitors search for most, and what they searched for and did not find.

    An admin URL (Wagtail requires an admin login); staff need ``view_searchterm``.
    """
    if not request.user.has_perm("portal_search.view_searchterm"):
        raise PermissionDenied
    language = request.GET.get("language", "")
    terms = SearchTerm.objects.all()
    if language:
        terms = terms.filter(language=language)
    context = {
        "title": _("Visitors' searches"),
        "language": language,
        "popular": terms.order_by("-searches", "query")[:50],
        "no_results": terms.filter(no_result_searches__gt=0).order_by(
            "-no_result_searches", "query"
        )[:50],
    }
    return render(request, "search/admin/search_terms.html", context)
