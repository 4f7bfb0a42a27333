"""Small-number suppression: the one rule every published household count goes through.

A count of households below ``TRACKER_SMALL_NUMBER`` (10) is never published exactly, in any
channel, nor derivable by adding or subtracting published figures, across every channel.

The rule works on needs, the atoms every household figure is made of:

1. **A need whose households are 1 to 9 is hidden**: shown as "fewer than 10" and left out
   of every published aggregate (campaign totals, groupings by need, region, category and
   partner, the region table, the day-by-day table, the overview across campaigns), with a
   visible note that figures under 10 are not counted. Zero is published: it reveals no one.
2. **Every aggregate is a sum of published needs.** Households are grouped by the need's own
   region, category and partner (each a partition of needs), so every published figure is
   the sum of published need figures, each 0 or ≥ 10: no equation over published figures
   involves a hidden need's count, whatever channels are combined.
3. **The day-by-day table** (over published needs only) merges consecutive days into ranges
   until each published need's households inside each range are 0 or ≥ 10 (``day_buckets``),
   not just the range's total: every cell need × range is then 0 or ≥ 10, so the table
   minus a need's total dates none of its small deliveries. Its ranges add up to the
   published total.

No complementary suppression is needed. Known limit (docs/security.md): figures compared
across time (yesterday's total against today's) can reveal what one new delivery added.
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
    """One count on its own: a ``Count``, withheld ("fewer than 10") when 1 to 9."""
    threshold = small_number_threshold()
    count = count or 0
    if 0 < count < threshold:
        return Count(None, threshold)
    return Count(count)


def publish_cells(cells):
    """Parts that are atoms of their own (deliveries of one published need), ``{key: count}``,
    as ``{key: Count}``: small parts withheld, and while the withheld parts hold 1 to 9
    households, the smallest published non-zero part is withheld too (said "withheld")."""
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


def counted(counts):
    """The part of ``counts`` (exact need counts) that published aggregates include: the
    sum of the counts that are 0 or ≥ threshold, and how many were left out (1 to 9).
    Returns ``(total, left_out)``."""
    threshold = small_number_threshold()
    total = left_out = 0
    for count in counts:
        count = count or 0
        if 0 < count < threshold:
            left_out += 1
        else:
            total += count
    return total, left_out


def day_buckets(values):
    """Merge consecutive days into ranges until, for every need, its households inside each
    range are 0 or ≥ threshold (not just the range's total).

    ``values`` is a list of ``(day, households)`` in date order, ``households`` either a
    ``{need: count}`` mapping or one count (a single need). Returns a list of ``(first
    index, last index, households)`` covering every day once; the households add up to the
    sum of ``values``. Per need, not per range: with 30 + 3 on 21 May (the 3 a hidden need's,
    left out) and 3 of a published need on 22 May, a range that is ≥ 10 in total would still
    date that need's 3, which its published total minus the 21 May cell gives away. A
    trailing range still holding a small part merges into the one before it; merging every
    day gives the published needs' totals, each 0 or ≥ 10. If a need's whole sum is 1 to 9
    (never for a published need), the single range keeps it and ``publish_count`` withholds
    the range when its total is small too.
    """
    threshold = small_number_threshold()

    def small(parts):
        return any(0 < count < threshold for count in parts.values())

    def add(parts, households):
        if not isinstance(households, dict):
            households = {None: households}
        for need, count in households.items():
            parts[need] = parts.get(need, 0) + (count or 0)

    buckets, start, parts = [], 0, {}
    for index, (_day, households) in enumerate(values):
        add(parts, households)
        if not small(parts):
            buckets.append([start, index, parts])
            start, parts = index + 1, {}
    if start < len(values):
        buckets.append([start, len(values) - 1, parts])
    while len(buckets) > 1 and small(buckets[-1][2]):
        last = buckets.pop()
        add(buckets[-1][2], last[2])
        buckets[-1][1] = last[1]
    return [(first, last, sum(parts.values())) for first, last, parts in buckets]
