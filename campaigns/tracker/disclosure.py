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
   until each range holds 0 or ≥ 10 households (``day_buckets``); its ranges add up to the
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
    """Merge consecutive days into ranges until each holds 0 or ≥ threshold households.

    ``values`` is a list of ``(day, households)`` in date order. Returns a list of
    ``(first index, last index, households)`` covering every day once; the households add
    up to the sum of ``values``. A trailing range still under the threshold joins the range
    before it; if the whole sum is 1 to 9 (never for a sum of published needs), the single
    range says so and ``publish_count`` withholds it.
    """
    threshold = small_number_threshold()
    buckets, start, running = [], 0, 0
    for index, (_day, households) in enumerate(values):
        running += households or 0
        if running == 0 or running >= threshold:
            buckets.append([start, index, running])
            start, running = index + 1, 0
    if start < len(values):
        buckets.append([start, len(values) - 1, running])
    while len(buckets) > 1 and 0 < buckets[-1][2] < threshold:
        last = buckets.pop()
        buckets[-1][1], buckets[-1][2] = last[1], buckets[-1][2] + last[2]
    return [tuple(bucket) for bucket in buckets]
