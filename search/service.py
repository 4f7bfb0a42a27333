"""The public search: every live page and registered snippet in one language, ranked together.

:func:`search_site` asks each source (pages, then each registered snippet, see
:mod:`search.sources`) for its match counts per type and campaign (counted in SQL over every
match: totals and facets are exact), then for the best matches up to the page being shown
(light rows ranked in SQL), merges them, and loads full objects only for that page.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.core.paginator import Paginator
from django.utils.functional import cached_property
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from portal.localization.locales import locale_id_for_language

from .excerpts import excerpt_for
from .registry import registered_snippets
from .sources import PAGES, Source, page_queryset

PER_PAGE = 10


@dataclass
class Result:
    title: str
    url: str
    type_label: str
    excerpt: str
    campaign: str | None
    obj: object


@dataclass
class SearchOutcome:
    query: str
    total: int
    page: object  # django Paginator page of Result
    type_facets: list = field(default_factory=list)  # [(key, label, count, selected)]
    campaign_facets: list = field(default_factory=list)  # [(id, title, count, selected)]


def campaign_model():
    label = getattr(settings, "PORTAL_SEARCH_CAMPAIGN_MODEL", "campaigns.CampaignPage")
    try:
        return apps.get_model(label)
    except LookupError:
        return None


class Campaigns:
    """The campaigns of one language, and how pages and snippets map onto them."""

    def __init__(self, locale_id):
        model = campaign_model()
        rows = list(model.objects.values("pk", "path", "title", "translation_key", "locale_id"))
        self.local = [r for r in rows if r["locale_id"] == locale_id]
        local_by_key = {r["translation_key"]: r for r in self.local}
        # Snippets point at a campaign in any language (usually the Arabic source).
        self.by_any_pk = {r["pk"]: local_by_key.get(r["translation_key"]) for r in rows}
        self.titles = {r["pk"]: r["title"] for r in self.local}

    def for_path(self, path):
        for row in self.local:
            if path.startswith(row["path"]):
                return row["pk"]
        return None

    def for_campaign_id(self, pk):
        row = self.by_any_pk.get(pk)
        return row["pk"] if row else None


def _chosen(group, type_filter, campaign_filter):
    """Whether a (source, type, campaign) group passes the visitor's filters."""
    _source, type_key, campaign = group
    return (not type_filter or type_key == type_filter) and (
        not campaign_filter or campaign == campaign_filter
    )


class SiteSearch:
    def __init__(self, query, language, type_filter="", campaign_filter=None, request=None):
        self.query = query
        self.request = request  # Wagtail keeps the site's root paths on it for page URLs
        self.language = language
        self.filters = (type_filter, campaign_filter)
        self.locale_id = locale_id_for_language(language)
        self.backend = get_search_backend("default", LANGUAGE=language)
        self.higher_is_better = getattr(self.backend, "higher_score_is_better", True)
        self.campaigns = Campaigns(self.locale_id) if campaign_model() else None
        self.depth = 0
        self.grid = {}  # {(source key, type key, campaign id): matches}, over every match
        self.hits = []  # each group's best ``depth`` matches, all sources

    def rank(self, score):
        score = score or 0.0
        return score if self.higher_is_better else -score

    @cached_property
    def sources(self):
        """Pages, then each registered snippet, in the visitor's language."""
        sources = [Source(self, page_queryset(self.locale_id))]
        for entry in registered_snippets():
            queryset = entry.in_language(entry.get_queryset(), self.language, self.locale_id)
            sources.append(Source(self, queryset, entry))
        return sources

    def fetch(self, depth):
        """Ask each source for its groups and their best ``depth`` matches (one query each;
        again only if a deeper page is asked for)."""
        if depth <= self.depth:
            return
        self.depth, self.grid, self.hits = depth, {}, []
        for source in self.sources:
            grid, hits = source.fetch(depth)
            self.grid.update({(source.key, t, c): count for t, c, count in grid})
            self.hits.extend(hits)

    def count(self):
        """How many matches pass the visitor's filters (exact)."""
        return sum(count for group, count in self.grid.items() if _chosen(group, *self.filters))

    def ranked(self, stop):
        """The best ``stop`` matches passing the filters, all sources merged by rank."""
        self.fetch(stop)
        hits = [
            hit
            for hit in self.hits
            if _chosen((hit.source, hit.type_key, hit.campaign_id), *self.filters)
        ]
        # Each source's own order (rank, then id), extended across sources: exact on any page.
        order = {source.key: number for number, source in enumerate(self.sources)}
        hits.sort(key=lambda hit: (-hit.rank, hit.pk, order[hit.source]))
        return hits[:stop]

    def label(self, type_key):
        for entry in registered_snippets():
            if entry.key == type_key:
                return entry.label
        try:
            return apps.get_model(type_key)._meta.verbose_name
        except (LookupError, ValueError):
            return type_key

    def facets(self):
        """Type and campaign facets, counted over every match (the filters aside)."""
        chosen_type, chosen_campaign = self.filters
        type_counts, campaign_counts = {}, {}
        for (_source, type_key, campaign), count in self.grid.items():
            type_counts[type_key] = type_counts.get(type_key, 0) + count
            if campaign:
                campaign_counts[campaign] = campaign_counts.get(campaign, 0) + count
        types = [
            (key, self.label(key), count, key == chosen_type)
            for key, count in sorted(type_counts.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
        campaigns = [
            (pk, self.campaigns.titles.get(pk, ""), count, pk == chosen_campaign)
            for pk, count in sorted(campaign_counts.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
        return types, campaigns

    def results_for(self, hits):
        """Full results for one page of hits: one query per page type and snippet type."""
        page_ids = [hit.pk for hit in hits if hit.source == PAGES]
        objects = {PAGES: Page.objects.filter(pk__in=page_ids).specific().in_bulk()}
        sources = {source.key: source for source in self.sources}
        for key in {hit.source for hit in hits} - {PAGES}:
            ids = [hit.pk for hit in hits if hit.source == key]
            objects[key] = sources[key].queryset.in_bulk(ids)
        results = []
        for hit in hits:
            obj = objects[hit.source].get(hit.pk)
            if obj is None:
                continue
            entry = sources[hit.source].entry
            url = obj.get_url(self.request) if entry is None else entry.get_url(obj)
            campaign = self.campaigns.titles.get(hit.campaign_id) if self.campaigns else None
            results.append(
                Result(
                    title=str(getattr(obj, "title", obj)),
                    url=url,
                    type_label=self.label(hit.type_key),
                    excerpt=excerpt_for(obj, self.query, entry),
                    campaign=campaign,
                    obj=obj,
                )
            )
        return results


class RankedHits:
    """Every match passing the filters, in rank order, as a Paginator sees it: counted from
    the groups, sliced from each source's best matches."""

    def __init__(self, search):
        self.search = search

    def count(self):
        return self.search.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, bounds):
        if not isinstance(bounds, slice) or bounds.stop is None:
            raise TypeError("RankedHits is sliced by a Paginator: [start:stop]")
        return self.search.ranked(bounds.stop)[bounds.start or 0 :]


MAX_PAGE = 1000  # 10,000 results deep: a page number beyond shows the last page there is


def _asked_page(page_number):
    try:
        return min(max(int(page_number), 1), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


def search_site(
    query, language, *, type_filter="", campaign_filter=None, page_number=1, request=None
):
    """The visitor's search in ``language``: ranked results, facets, one page of results."""
    search = SiteSearch(query, language, type_filter, campaign_filter, request)
    if search.locale_id is None:
        raise ValueError(f"No locale for language {language!r}")
    # Deep enough for the page asked for (a page past the end shows the last one: fetched
    # again, deeper, only then).
    asked = _asked_page(page_number)
    search.fetch(PER_PAGE * asked)
    type_facets, campaign_facets = search.facets()
    paginator = Paginator(RankedHits(search), PER_PAGE)
    page = paginator.get_page(asked)
    page.object_list = search.results_for(list(page.object_list))
    return SearchOutcome(query, paginator.count, page, type_facets, campaign_facets)
