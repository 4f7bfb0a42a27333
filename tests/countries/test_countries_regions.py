"""The regions of the 22 Arab League states: codes from ISO 3166-2, names in three languages."""

import gettext

import pycountry
import pytest
from django.core.management import call_command

from campaigns.countries import COUNTRY_CHOICES
from campaigns.tracker.data import read_regions
from campaigns.tracker.models import Region

STATES = [code for code, _name in COUNTRY_CHOICES]


def first_level(country):
    return {s.code for s in pycountry.subdivisions.get(country_code=country) if not s.parent_code}


def test_every_first_level_code_of_the_22_states_has_three_names():
    rows = {row["code"]: row for row in read_regions()}
    assert len(STATES) == 22
    for country in STATES:
        for code in first_level(country):
            row = rows.get(code)
            assert row is not None, f"{code} has no row in regions.csv"
            assert all(row[f"name_{lang}"].strip() for lang in ("ar", "fr", "en")), row


def test_every_row_is_a_first_level_code_of_its_country():
    for row in read_regions():
        subdivision = pycountry.subdivisions.get(code=row["code"])
        assert subdivision is not None, f"{row['code']} is not an ISO 3166-2 code"
        assert subdivision.country_code == row["country"] and not subdivision.parent_code


def test_the_arabic_names_are_the_projects_own():
    # pycountry's catalogues have no Arabic names for these subdivisions: we ship them.
    arabic = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, ["ar"], fallback=True)
    names = [s.name for c in STATES for s in pycountry.subdivisions.get(country_code=c)]
    assert all(arabic.gettext(name) == name for name in names)
    assert all("\u0600" <= row["name_ar"][0] <= "\u06ff" for row in read_regions())


@pytest.mark.django_db
def test_the_migration_loaded_them_and_the_command_is_idempotent(capsys):
    assert Region.objects.count() == len(read_regions()) == 340
    assert Region.objects.filter(country="JO").count() == 12
    assert Region.objects.get(code="MA-06").name_ar == "الدار البيضاء سطات"
    assert Region.objects.get(code="TN-42").name_fr == "Kasserine"  # Tunisia's kept
    Region.objects.filter(code="JO-AM").update(name_fr="Amman")  # staff corrected it
    call_command("load_regions")
    assert "0 regions created, 0 updated" in capsys.readouterr().out
    assert Region.objects.get(code="JO-AM").name_fr == "Amman"
    Region.objects.filter(code="EG-C").delete()
    call_command("load_regions")
    assert Region.objects.get(code="EG-C").name_en == "Cairo"
    assert Region.objects.count() == 340
