"""The regions that ship with the portal: every first-level ISO 3166-2 subdivision of the 22
Arab League states (``regions.csv``), with Arabic, French and English names.

The codes are ISO 3166-2's, as ``pycountry`` carries them (a test checks both ways); the
names are the project's own, since pycountry's catalogues have no Arabic and few French
names for these subdivisions. ``regions.csv`` has one row per region:
``code,name_ar,name_fr,name_en``; the country is the code's prefix.
"""

import csv
from pathlib import Path

REGIONS_CSV = Path(__file__).with_name("regions.csv")


def read_regions(path=REGIONS_CSV):
    """The shipped regions as dicts (code, country, name_ar, name_fr, name_en, sort_order).

    ``sort_order`` is the row's place within its country in the file (code order).
    """
    rows = []
    per_country = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            country = row["code"].split("-")[0]
            order = per_country.get(country, 0)
            per_country[country] = order + 1
            rows.append({**row, "country": country, "sort_order": order})
    return rows


def load_regions(region_model, update=False):
    """Create the shipped regions that are missing; returns (created, updated) counts.

    Idempotent: a region that exists keeps the names staff gave it in the admin, unless
    ``update`` is true (then the shipped names win). ``region_model`` is ``Region`` or its
    historical version in a migration.
    """
    existing = {region.code: region for region in region_model.objects.all()}
    created = updated = 0
    missing = []
    for row in read_regions():
        fields = {key: row[key] for key in ("country", "name_ar", "name_fr", "name_en")}
        region = existing.get(row["code"])
        if region is None:
            missing.append(region_model(code=row["code"], sort_order=row["sort_order"], **fields))
        elif update and any(getattr(region, key) != value for key, value in fields.items()):
            for key, value in fields.items():
                setattr(region, key, value)
            region.save(update_fields=list(fields))
            updated += 1
    region_model.objects.bulk_create(missing)
    created = len(missing)
    return created, updated
