"""Open data: a campaign's needs and totals as CSV (with an HXL hashtag row) and JSON.

Only public fields: no donor names or contacts, no internal notes; households reached are
those ``disclosure`` publishes (small numbers, and parts that would reveal them, left blank
with ``households_suppressed`` true).
"""

from decimal import Decimal

from portal.spreadsheets import csv_text

NEED_COLUMNS = [
    # (header, HXL hashtag, value)
    ("need_id", "#meta+id", lambda n: n.pk),
    ("title", "#item+name", lambda n: n.display_title),
    ("category", "#sector+code", lambda n: n.category),
    ("region_code", "#adm1+code", lambda n: n.region.code),
    ("region", "#adm1+name", lambda n: n.region.name),
    ("partner", "#org+impl", lambda n: n.partner_name),
    ("unit", "#item+unit", lambda n: n.unit),
    ("currency", "#currency", lambda n: n.currency),
    ("target", "#value+target", lambda n: n.quantity),
    ("pledged", "#value+pledged", lambda n: n.pledged),
    ("received", "#value+received", lambda n: n.received),
    ("delivered", "#value+delivered", lambda n: n.delivered),
    ("percent_met", "#indicator+pct+met", lambda n: n.percent_met),
    (
        "households_reached",
        "#reached+households",
        lambda n: n.households_reached,
    ),
    ("deadline", "#date+deadline", lambda n: n.deadline.isoformat() if n.deadline else ""),
    ("urgency", "#severity", lambda n: n.urgency),
    ("status", "#status", lambda n: n.status),
]
TOTAL_COLUMNS = [
    ("kind", "#indicator+type"),
    ("currency", "#currency"),
    ("unit", "#item+unit"),
    ("pledged", "#value+pledged"),
    ("received", "#value+received"),
    ("distributed", "#value+distributed"),
    ("contributions", "#indicator+num+contributions"),
]


def _text(value):
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def needs_csv(needs):
    """needs.csv: header row, HXL hashtag row, one row per need (BOM, formulas neutralised)."""
    rows = [[c[0] for c in NEED_COLUMNS], [c[1] for c in NEED_COLUMNS]]
    rows += [[_cell(c[2](need)) for c in NEED_COLUMNS] for need in needs]
    return csv_text(rows)


def _cell(value):
    """Numbers stay numbers for the CSV writer (a Decimal normalised, as in the JSON)."""
    return value.normalize() if isinstance(value, Decimal) else value


def total_rows(totals):
    for line in totals["money"]:
        yield {"kind": "cash", "currency": line["currency"], "unit": "", **line}
    for line in totals["in_kind"]:
        yield {"kind": "in_kind", "currency": "", **line}


def totals_csv(totals):
    """totals.csv: header, HXL row, one row per currency (cash) or unit (in kind)."""
    rows = [[c[0] for c in TOTAL_COLUMNS], [c[1] for c in TOTAL_COLUMNS]]
    rows += [
        [
            row["kind"],
            row["currency"],
            row["unit"],
            _cell(row["pledged"]),
            _cell(row["received"]),
            _cell(row["distributed"]),
            row["count"],
        ]
        for row in total_rows(totals)
    ]
    return csv_text(rows)


def as_json(campaign, totals, needs):
    """The JSON document: campaign, totals (decimals as strings) and needs."""
    households = totals["households_reached"]
    return {
        "campaign": {
            "title": campaign.title,
            "country": campaign.country,
            "start_date": campaign.start_date.isoformat(),
            "end_date": campaign.end_date.isoformat(),
            "language": campaign.locale.language_code,
        },
        "totals": {
            "contributions": totals["contributions"],
            "money": [{k: _text(v) for k, v in m.items()} for m in totals["money"]],
            "in_kind": [{k: _text(v) for k, v in m.items()} for m in totals["in_kind"]],
            "delivered": [{k: _text(v) for k, v in m.items()} for m in totals["delivered"]],
            "households_reached": households,
            "households_suppressed": households is None,
            "households_not_counted": totals["households_not_counted"],
            "deliveries": totals["deliveries"],
            "needs": totals["needs"],
            "percent_met": _text(totals["percent_met"]),
        },
        "needs": [
            {
                header: (value if isinstance(value := get(n), (int, type(None))) else _text(value))
                for header, _tag, get in NEED_COLUMNS
            }
            | {"households_suppressed": n.households_reached is None}
            for n in needs
        ],
    }
