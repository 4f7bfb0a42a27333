"""What visitors search for, so staff can see popular queries and the ones that find nothing."""

from contextlib import contextmanager

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .text import normalise


class SearchTerm(models.Model):
    """One query (in its normalised form) typed on one language's search page.

    "الحملة" and "الحمله" are the same term; ``example`` keeps the last spelling typed.
    No visitor data is kept: only the words searched and counts.
    """

    language = models.CharField(_("language"), max_length=8)
    query = models.CharField(_("query"), max_length=255)
    example = models.CharField(_("as typed"), max_length=255)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    no_result_searches = models.PositiveIntegerField(_("searches with no result"), default=0)
    last_result_count = models.PositiveIntegerField(_("results last time"), default=0)
    last_searched_at = models.DateTimeField(_("last searched"), default=timezone.now)

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")
        constraints = [
            models.UniqueConstraint(fields=["language", "query"], name="unique_search_term")
        ]
        indexes = [models.Index(fields=["language", "-searches"], name="search_term_popular")]

    def __str__(self):
        return self.example

    @classmethod
    def record(cls, language, query, result_count):
        """Count one search (one UPDATE, or an INSERT the first time)."""
        key = " ".join(normalise(query).split())[:255]
        if not key:
            return
        changes = {
            "searches": F("searches") + 1,
            "no_result_searches": F("no_result_searches") + (0 if result_count else 1),
            "last_result_count": result_count,
            "last_searched_at": timezone.now(),
            "example": query[:255],
        }
        with _without_waiting_for_disk():
            if cls.objects.filter(language=language, query=key).update(**changes):
                return
            try:
                with transaction.atomic():
                    cls.objects.create(
                        language=language,
                        query=key,
                        example=query[:255],
                        searches=1,
                        no_result_searches=0 if result_count else 1,
                        last_result_count=result_count,
                    )
            except IntegrityError:  # another request created it first
                cls.objects.filter(language=language, query=key).update(**changes)


@contextmanager
def _without_waiting_for_disk():
    """On PostgreSQL, commit a count without waiting for the disk (``synchronous_commit`` off
    for its own transaction only): every search, even one served from the cache, writes a
    count, and the flush to disk cost more than the cached search itself. A crash can lose the
    last fraction of a second of counts; it can never leave them inconsistent."""
    connection = transaction.get_connection()
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        yield  # elsewhere, or inside the caller's transaction: as it is
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")
        yield
