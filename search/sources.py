"""One searched source (live pages, or one registered snippet) as one SQL query.

In one query, without loading a model instance, a source tells how many matches it has per
(type, campaign) group, counted by the database over *all* matches (a window ``COUNT``), and
returns the best matches of each group as light rows (id, score, type, campaign), ranked by the
database (a window ``ROW_NUMBER``), as deep as the page of results being shown needs.

It works on the queryset the search backend builds (PostgreSQL full text or SQLite FTS5):
``get_queryset()`` on a database backend's search results is that queryset, unsliced.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Count, F, FloatField, IntegerField, Value, When, Window
from django.db.models.functions import RowNumber
from wagtail.models import Page

PAGES = "page"


@dataclass
class Hit:
    type_key: str
    pk: int
    rank: float  # higher is better, whatever the backend's score
    campaign_id: int | None
    source: str


def content_type_key(content_type_id):
    """'app_label.model' of a content type (Django's in-process content type cache)."""
    content_type = ContentType.objects.get_for_id(content_type_id)
    return f"{content_type.app_label}.{content_type.model}"


def page_queryset(locale_id):
    """Live, public pages of one language (the root excluded)."""
    return Page.objects.live().public().filter(locale_id=locale_id, depth__gt=1)


class Source:
    """What one source found for the query, in the visitor's language."""

    def __init__(self, search, queryset, entry=None):
        self.search = search
        self.entry = entry
        self.key = entry.key if entry else PAGES
        self.queryset = queryset

    def _matches(self):
        backend = self.search.backend
        results = backend.search(self.search.query, self.queryset).annotate_score("_score")
        # The backend's own queryset (a database backend's results have one), not sliced.
        queryset = results.get_queryset().order_by()
        if "_score" not in queryset.query.annotations:
            # Nothing to rank: the query had no word left (only punctuation, say), and the
            # backend answered "nothing" without a score to order by.
            return self.queryset.none().annotate(_score=Value(0.0, output_field=FloatField()))
        return queryset

    def _page_campaign(self):
        """A page's campaign, as SQL: the campaign page (in its language) above it."""
        campaigns = self.search.campaigns
        whens = [
            When(path__startswith=row["path"], then=Value(row["pk"]))
            for row in (campaigns.local if campaigns else [])
        ]
        if not whens:
            return Value(None, output_field=IntegerField())
        return Case(*whens, default=Value(None), output_field=IntegerField())

    @property
    def _campaign_field(self):
        if self.entry and self.entry.campaign and self.search.campaigns:
            return f"{self.entry.campaign}_id"
        return None

    def fetch(self, depth):
        """Every (type, campaign) group of matches with its exact size, and each group's best
        ``depth`` matches as light hits: ``([(type_key, campaign id, count)], [Hit])``.

        The filters a visitor can choose (type, campaign) select whole groups, so the best
        ``depth`` matches under any filter are among the hits returned.
        """
        queryset = self._matches()
        pages = self.entry is None
        field = self._campaign_field
        if pages:
            queryset = queryset.annotate(_kind=F("content_type_id"), _group=self._page_campaign())
            group = [F("content_type_id"), F("_group")]
        else:
            campaign = F(field) if field else Value(None, output_field=IntegerField())
            queryset = queryset.annotate(_kind=Value(None, output_field=IntegerField()))
            queryset = queryset.annotate(_group=campaign)
            group = [F(field)] if field else None
        by_rank = F("_score").desc() if self.search.higher_is_better else F("_score").asc()
        rows = (
            queryset.annotate(
                _count=Window(Count("pk"), partition_by=group),
                _place=Window(RowNumber(), partition_by=group, order_by=[by_rank, F("pk").asc()]),
            )
            .filter(_place__lte=depth)
            .values_list("pk", "_score", "_kind", "_group", "_count")
        )
        groups, hits = {}, []
        for pk, score, kind, raw_campaign, count in rows:
            if pages:
                type_key, campaign = content_type_key(kind), raw_campaign
            else:
                type_key, kind = self.key, None
                campaign = self.search.campaigns.for_campaign_id(raw_campaign) if field else None
            hits.append(Hit(type_key, pk, self.search.rank(score), campaign, self.key))
            groups[(kind, raw_campaign)] = (type_key, campaign, count)
        # Several raw campaign ids may be one campaign in the visitor's language: add them up.
        grid = {}
        for type_key, campaign, count in groups.values():
            grid[(type_key, campaign)] = grid.get((type_key, campaign), 0) + count
        return [(type_key, campaign, count) for (type_key, campaign), count in grid.items()], hits
