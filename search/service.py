"""The public search: every live page and registered snippet in one language, ranked together.

:func:`search_site` runs one indexed query per source (pages, then each registered snippet),
keeps the best ``MAX_HITS`` of each as light hits (type, id, score, campaign), counts the facets
on all of them, filters by the chosen type and campaign, and loads full objects only for the
page of results being shown.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.utils.functional import cached_property
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from portal.localization.locales import locale_id_for_language

from .excerpts import excerpt_for
from .registry import registered_snippets, type_key

MAX_HITS = 200  # per source: the best 200 are ranked, counted in facets and paged through
PER_PAGE = 10
PAGES = "page"


@dataclass
class Hit:
    type_key: str
    pk: int
    score: float
    campaign_id: int | None = None
    source: str = PAGES
    obj: object = None


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


class SiteSearch:
    def __init__(self, query, language):
        self.query = query
        self.language = language
        self.locale_id = locale_id_for_language(language)
        self.backend = get_search_backend("default", LANGUAGE=language)
        self.higher_is_better = getattr(self.backend, "higher_score_is_better", True)
        self.campaigns = Campaigns(self.locale_id) if campaign_model() else None

    def _rank(self, score):
        score = score or 0.0
        return score if self.higher_is_better else -score

    def page_hits(self):
        queryset = (
            Page.objects.live()
            .public()
            .filter(locale_id=self.locale_id, depth__gt=1)
            .only("pk", "path", "content_type_id")
        )
        results = self.backend.search(self.query, queryset).annotate_score("_score")
        hits = []
        for page in results[:MAX_HITS]:
            campaign = self.campaigns.for_path(page.path) if self.campaigns else None
            key = self.content_type_keys[page.content_type_id]
            hits.append(Hit(key, page.pk, self._rank(page._score), campaign, PAGES))
        return hits

    def snippet_hits(self, entry):
        queryset = entry.in_language(entry.get_queryset(), self.language, self.locale_id)
        results = self.backend.search(self.query, queryset).annotate_score("_score")
        hits = []
        for obj in results[:MAX_HITS]:
            campaign = None
            if entry.campaign and self.campaigns:
                campaign = self.campaigns.for_campaign_id(getattr(obj, f"{entry.campaign}_id"))
            hits.append(Hit(entry.key, obj.pk, self._rank(obj._score), campaign, entry.key, obj))
        return hits

    @cached_property
    def content_type_keys(self):
        return {ct.pk: f"{ct.app_label}.{ct.model}" for ct in ContentType.objects.all()}

    @cached_property
    def labels(self):
        labels = {}
        for model in apps.get_models():
            labels[type_key(model)] = model._meta.verbose_name
        for entry in registered_snippets():
            labels[entry.key] = entry.label
        return labels

    def all_hits(self):
        hits = self.page_hits()
        for entry in registered_snippets():
            hits.extend(self.snippet_hits(entry))
        hits.sort(key=lambda hit: (-hit.score, hit.type_key, hit.pk))
        return hits

    def facets(self, hits, chosen_type, chosen_campaign):
        type_counts, campaign_counts = {}, {}
        for hit in hits:
            type_counts[hit.type_key] = type_counts.get(hit.type_key, 0) + 1
            if hit.campaign_id:
                campaign_counts[hit.campaign_id] = campaign_counts.get(hit.campaign_id, 0) + 1
        types = [
            (key, self.labels.get(key, key), count, key == chosen_type)
            for key, count in sorted(type_counts.items(), key=lambda kv: -kv[1])
        ]
        campaigns = [
            (pk, self.campaigns.titles.get(pk, ""), count, pk == chosen_campaign)
            for pk, count in sorted(campaign_counts.items(), key=lambda kv: -kv[1])
        ]
        return types, campaigns

    def results_for(self, hits):
        """Full results for one page of hits: one query per page type and snippet type."""
        page_ids = [hit.pk for hit in hits if hit.source == PAGES]
        pages = Page.objects.filter(pk__in=page_ids).specific().in_bulk() if page_ids else {}
        entries = {entry.key: entry for entry in registered_snippets()}
        results = []
        for hit in hits:
            if hit.source == PAGES:
                obj = pages.get(hit.pk)
                if obj is None:
                    continue
                url = obj.get_url()
            else:
                obj = hit.obj
                url = entries[hit.source].get_url(obj)
            excerpt = excerpt_for(obj, self.query, entries.get(hit.source))
            campaign = self.campaigns.titles.get(hit.campaign_id) if self.campaigns else None
            results.append(
                Result(
                    title=str(getattr(obj, "title", obj)),
                    url=url,
                    type_label=self.labels.get(hit.type_key, hit.type_key),
                    excerpt=excerpt,
                    campaign=campaign,
                    obj=obj,
                )
            )
        return results


def search_site(query, language, *, type_filter="", campaign_filter=None, page_number=1):
    """The visitor's search in ``language``: ranked results, facets, one page of results."""
    search = SiteSearch(query, language)
    if search.locale_id is None:
        raise ValueError(f"No locale for language {language!r}")
    hits = search.all_hits()
    type_facets, campaign_facets = search.facets(hits, type_filter, campaign_filter)
    if type_filter:
        hits = [hit for hit in hits if hit.type_key == type_filter]
    if campaign_filter:
        hits = [hit for hit in hits if hit.campaign_id == campaign_filter]
    paginator = Paginator(hits, PER_PAGE)
    page = paginator.get_page(page_number)
    page.object_list = search.results_for(list(page.object_list))
    return SearchOutcome(query, paginator.count, page, type_facets, campaign_facets)
