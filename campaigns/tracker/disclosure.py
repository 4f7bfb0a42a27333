"""Small-number suppression: the one rule every published household count goes through.

A count of households below ``TRACKER_SMALL_NUMBER`` (10) is never published exactly, in any
channel, nor derivable by subtracting published figures. Where the figures leave the tracker
(``aggregates``: campaign totals, groupings by need, region, category and partner, the
region table, the daily series; the API's deliveries), counts pass through here:

1. **Primary suppression.** A count from 1 to 9 is withheld (``None``) and said to be
   "fewer than 10". Zero is published: it reveals no household.
2. **Complementary suppression.** A grouping's parts add up to a published total, so one
   withheld part would be the total minus the others. Within each grouping the withheld
   parts must together hold 0 or at least 10 households: while they hold 1 to 9, the
   smallest published non-zero part is withheld too (said "withheld", not "fewer than 10").
   A total that is itself withheld hides all its small parts anyway.

Known limit (documented in docs/security.md): each grouping is protected against its own
total; two different groupings are not cross-checked (e.g. one region minus the needs
inside it, when deliveries' regions differ from their needs').
"""

from typing import NamedTuple

from django.conf import settings


def small_number_threshold():
    """Households below this are never published exactly (setting ``TRACKER_SMALL_NUMBER``)."""
    return getattr(settings, "TRACKER_SMALL_NUMBER", 10)


class Count(NamedTuple):
    """A published count: ``value`` (``None`` when withheld) and ``fewer_than`` (the
    threshold when the count itself is small, ``None`` otherwise)."""

    value: int | None
    fewer_than: int | None = None

    @property
    def withheld(self):
        return self.value is None


def publish_count(count):
    """One count on its own (primary suppression only): a ``Count``."""
    threshold = small_number_threshold()
    count = count or 0
    if 0 < count < threshold:
        return Count(None, threshold)
    return Count(count)


def publish_cells(cells):
    """Parts of one grouping, ``{key: count}``, as ``{key: Count}`` with primary and
    complementary suppression (the withheld parts hold 0 or ≥ threshold households)."""
    threshold = small_number_threshold()
    published = {key: publish_count(count) for key, count in cells.items()}
    hidden = sum(cells[key] or 0 for key, value in published.items() if value.withheld)
    candidates = sorted(
        (count or 0, str(key), key)
        for key, count in cells.items()
        if count and not published[key].withheld
    )
    while 0 < hidden < threshold and candidates:
        count, _label, key = candidates.pop(0)
        published[key] = Count(None)
        hidden += count
    return published
