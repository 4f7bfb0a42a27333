"""The database side of ``make load``: set-up, snapshots and exact figures, as JSON on stdout.

Run inside the site's environment (production settings, the load database)::

    python -m bench.load_check setup      # keys and needs for the writers
    python -m bench.load_check snapshot   # the last contribution and delivery ids
    python -m bench.load_check figures --after-contribution N --after-delivery M
    python -m bench.load_check serve      # the same, one JSON request a line on stdin

``serve`` sets Django up once and answers ``{"command": ..., "after_contribution": N,
"after_delivery": M}`` lines with one JSON line each (``{"error": text}`` if a command
failed), so that ``make load`` does not pay Django's start-up before and after every run.

``figures`` answers three things: the rows written after the snapshot (to compare with the
writes the load acknowledged), the figures added up from every row of the campaign (the
ground truth), and the figures the service layer serves (``aggregates.totals_for`` /
``totals_by``, through the cache as the API reads them). Figures are flattened to
``{"<scope>|<what>|<currency or unit>|<measure>": "decimal text"}`` so that any two sources
compare key by key; scopes are ``campaign``, ``category:<value>``, ``region:<code>``,
``partner:<id>`` and ``need:<id>``.
"""

import argparse
import json
import sys
from collections import defaultdict
from decimal import Decimal

GROUPS = ("category", "region", "partner", "need")
WRITERS = 3  # partners that write during the load, each with two keys
WITHHELD = "withheld"  # a households count the disclosure rules do not publish


def plain(value):
    """A number as the API writes it: ``Decimal`` text without exponent or trailing zeros."""
    text = format(Decimal(str(value)).normalize(), "f")
    return "0" if text in ("-0", "0") else text


def flatten(scope, totals, out):
    """Add one totals dict (``totals_for``'s shape, or the API's) to ``out``; a withheld
    households count is ``WITHHELD``."""
    for what, name in (("money", "currency"), ("in_kind", "unit")):
        for entry in totals.get(what, []):
            for measure in ("pledged", "received", "distributed", "count"):
                key = f"{scope}|{what}|{entry[name]}|{measure}"
                out[key] = plain(Decimal(out.get(key, "0")) + Decimal(str(entry[measure])))
    for entry in totals.get("delivered", []):
        key = f"{scope}|delivered|{entry['unit'] or entry['currency']}|quantity"
        out[key] = plain(Decimal(out.get(key, "0")) + Decimal(str(entry["quantity"])))
    for measure in ("contributions", "deliveries"):
        out[f"{scope}|{measure}"] = plain(totals.get(measure) or 0)
    # Small-number suppression withholds some households counts (``None``): small ones and
    # the complementary cells that would give them away. Withheld is not a figure to compare.
    households = totals.get("households_reached", 0)
    out[f"{scope}|households_reached"] = WITHHELD if households is None else plain(households)
    out[f"{scope}|awaiting"] = plain(totals.get("deliveries_awaiting_confirmation") or 0)
    return out


def _django():
    import django

    django.setup()


def campaign():
    from campaigns.models import CampaignPage

    return CampaignPage.objects.get(slug="jesr", locale__language_code="ar")


def setup():
    """Two keys (a recorder and a confirmer) for each of the first partners that have needs
    in the campaign, and their needs: ``{"campaign": id, "writers": [...]}``."""
    from campaigns.api.models import SCOPES, PartnerApiKey
    from campaigns.tracker.models import Need

    page = campaign()
    needs = Need.objects.filter(campaign=page, locale_id=page.locale_id).select_related("partner")
    by_partner = defaultdict(list)
    for need in needs.order_by("pk"):
        by_partner[need.partner].append(
            {"id": need.pk, "cash": need.is_cash, "unit": need.unit, "currency": need.currency}
        )
    writers = []
    for partner, partner_needs in list(by_partner.items())[:WRITERS]:
        keys = [
            PartnerApiKey.issue(partner=partner, name=f"load {role}", scopes=SCOPES)[1]
            for role in ("recorder", "confirmer")
        ]
        writers.append({"partner": partner.pk, "keys": keys, "needs": partner_needs})
    return {"campaign": page.pk, "writers": writers}


def snapshot():
    from campaigns.tracker.models import Contribution, Delivery

    def last(model):
        return model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0

    return {"contribution": last(Contribution), "delivery": last(Delivery)}


def _row_scopes(need, region_code, partner_id):
    return [
        "campaign",
        f"category:{need.category if need else None}",
        f"region:{region_code}",
        f"partner:{partner_id}",
        f"need:{need.pk if need else None}",
    ]


def figures_from_rows(page):
    """The campaign's figures added up row by row in Python: the ground truth."""
    from campaigns.tracker.aggregates import small_number_threshold
    from campaigns.tracker.models import Contribution, Delivery
    from campaigns.tracker.models.choices import COUNTED_AS_RECEIVED

    sums = defaultdict(Decimal)
    contributions = Contribution.objects.filter(campaign=page).select_related("need__region")
    for row in contributions:
        cash = row.kind == "cash"
        value = row.amount if cash else row.quantity
        what, name = ("money", row.currency) if cash else ("in_kind", row.unit)
        region = row.need.region.code if row.need and row.need.region_id else None
        for scope in _row_scopes(row.need, region, row.partner_id):
            base = f"{scope}|{what}|{name}"
            sums[f"{base}|pledged"] += value if row.status == "pledged" else 0
            sums[f"{base}|received"] += value if row.status in COUNTED_AS_RECEIVED else 0
            sums[f"{base}|distributed"] += value if row.status == "distributed" else 0
            counted = 0 if row.status == "cancelled" else 1
            sums[f"{base}|count"] += counted
            sums[f"{scope}|contributions"] += counted
    deliveries = Delivery.objects.filter(campaign=page).select_related("need__region", "region")
    households, needs = defaultdict(int), {}
    for row in deliveries:
        confirmed = row.confirmed_at is not None
        if confirmed:
            households[row.need_id] += row.households_reached
            needs[row.need_id] = row.need
        for scope in _row_scopes(row.need, row.region.code, row.partner_id):
            if confirmed:
                unit = row.need.unit or row.need.currency
                sums[f"{scope}|delivered|{unit}|quantity"] += row.quantity
                sums[f"{scope}|deliveries"] += 1
            else:
                sums[f"{scope}|awaiting"] += 1
    # Households as published (campaigns/tracker/disclosure.py): each need's count, grouped by
    # the need's own region, category and partner; a need with 1 to 9 is left out of every sum.
    threshold = small_number_threshold()
    for need_id, count in households.items():
        need = needs[need_id]
        counted = 0 if 0 < count < threshold else count
        for scope in _row_scopes(need, need.region.code, need.partner_id):
            sums[f"{scope}|households_reached"] += counted
    return {key: plain(value) for key, value in sums.items()}


def figures_from_service(page):
    """The figures the service layer serves (cached as the API reads them)."""
    from campaigns.tracker import aggregates
    from campaigns.tracker.models import Region

    out = flatten("campaign", aggregates.totals_for(page), {})
    codes = dict(Region.objects.values_list("pk", "code"))
    for group in GROUPS:
        for key, totals in aggregates.totals_by(page, group).items():
            key = codes.get(key, key) if group == "region" else key
            flatten(f"{group}:{key}", totals, out)
    return out


def new_rows(after_contribution, after_delivery):
    """The rows written after the snapshot, as the load's ledger describes writes."""
    from campaigns.tracker.models import Contribution, Delivery

    contributions = {
        str(row.pk): {
            "need": row.need_id,
            "value": plain(row.amount if row.kind == "cash" else row.quantity),
            "status": row.status,
        }
        for row in Contribution.objects.filter(pk__gt=after_contribution)
    }
    deliveries = {
        str(row.pk): {
            "need": row.need_id,
            "value": plain(row.quantity),
            "households": row.households_reached,
            "confirmed": row.confirmed_at is not None,
        }
        for row in Delivery.objects.filter(pk__gt=after_delivery)
    }
    return {"contributions": contributions, "deliveries": deliveries}


def run_command(command, after_contribution=0, after_delivery=0):
    """One command's answer (a JSON-able dict)."""
    if command == "setup":
        return setup()
    if command == "snapshot":
        return snapshot()
    page = campaign()
    return {
        "rows": new_rows(after_contribution, after_delivery),
        "exact": figures_from_rows(page),
        "service": figures_from_service(page),
    }


def serve(lines, out):
    """Answer JSON requests, one a line, until ``lines`` ends. Connections to PostgreSQL and
    Redis are opened afresh for each request: a fault may have cut the previous ones."""
    from django.core.cache import caches
    from django.db import connections

    for line in lines:
        request = json.loads(line)
        connections.close_all()
        caches.close_all()
        try:
            answer = run_command(
                request["command"],
                request.get("after_contribution", 0),
                request.get("after_delivery", 0),
            )
        except Exception as error:  # reported to the caller, which stops the run
            answer = {"error": f"{type(error).__name__}: {error}"}
        out.write(json.dumps(answer) + "\n")
        out.flush()


def main(argv=None):
    parser = argparse.ArgumentParser(description="make load: the database side")
    parser.add_argument("command", choices=["setup", "snapshot", "figures", "serve"])
    parser.add_argument("--after-contribution", type=int, default=0)
    parser.add_argument("--after-delivery", type=int, default=0)
    args = parser.parse_args(argv)
    _django()
    if args.command == "serve":
        serve(sys.stdin, sys.stdout)
        return
    result = run_command(args.command, args.after_contribution, args.after_delivery)
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
