"""CSV imports: every row checked, each bad row and field reported, all or nothing."""

import io

import pytest
from django.core.management import CommandError, call_command

from campaigns.tracker.models import Contribution, Delivery, Need


@pytest.fixture(autouse=True)
def english():
    """Messages in English for the assertions (the command speaks the active language)."""
    from django.utils import translation

    with translation.override("en"):
        yield


HEADER = "campaign,kind,amount,currency,status,reference,donor_name,donor_name_public\n"


def run(path, kind, partner="ltdh", **options):
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "import_tracker", str(path), kind=kind, partner=partner, no_progress=True,
        stdout=out, stderr=err, **options,
    )  # fmt: skip
    return out.getvalue(), err.getvalue()


def write(tmp_path, text, name="file.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_one_bad_row_among_a_thousand_imports_nothing(tmp_path, campaign):
    rows = [f"{campaign.slug},cash,{10 + i}.500,TND,received,REF-{i},,no\n" for i in range(1000)]
    rows[500] = f"{campaign.slug},cash,12.3456,TND,received,REF-500,,no\n"  # 4 decimals
    path = write(tmp_path, HEADER + "".join(rows))
    before = Contribution.objects.count()
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 bad row"):
        call_command("import_tracker", str(path), kind="contributions", partner="ltdh",
                     no_progress=True, stderr=err)  # fmt: skip
    assert "line 502: amount: TND amounts have at most 3 decimals." in err.getvalue()
    assert Contribution.objects.count() == before


def test_a_good_file_is_imported_once(tmp_path, campaign, partner):
    path = write(
        tmp_path,
        HEADER
        + f"{campaign.slug},cash,1500.250,TND,received,IMP-1,Famille T.,yes\n"
        + f"{campaign.slug},cash,200,EUR,pledged,IMP-2,,no\n",
    )
    out, _err = run(path, "contributions")
    assert "2 row(s) imported" in out
    gifts = Contribution.objects.filter(partner=partner, reference__startswith="IMP-")
    assert {(g.amount, g.currency, g.source) for g in gifts} == {
        (1500.25, "TND", "import"),
        (200, "EUR", "import"),
    }
    assert gifts.get(reference="IMP-1").public_donor_name == "Famille T."
    out, _err = run(path, "contributions")
    assert "0 row(s) imported, 2 already imported" in out
    assert gifts.count() == 2


def test_needs_and_deliveries_import(tmp_path, campaign, partner):
    needs = write(
        tmp_path,
        "campaign,category,region,title,quantity,unit,currency,urgency,deadline\n"
        f"{campaign.slug},food,TN-83,Parcels in Tataouine,250,parcel,,high,2020-05-28\n",
        "needs.csv",
    )
    run(needs, "needs")
    need = Need.objects.get(title="Parcels in Tataouine")
    assert (need.partner, need.region.code, need.quantity) == (partner, "TN-83", 250)
    gifts = write(
        tmp_path,
        f"need_id,kind,quantity,unit,status,reference\n{need.pk},in_kind,100,parcel,received,G-1\n",
        "gifts.csv",
    )
    run(gifts, "contributions")
    deliveries = write(
        tmp_path,
        "need_id,quantity,delivered_on,households_reached,reference\n"
        f"{need.pk},60,2020-05-21,58,D-1\n{need.pk},50,2020-05-22,50,D-2\n",
        "deliveries.csv",
    )
    err = io.StringIO()
    with pytest.raises(CommandError):  # 110 delivered > 100 received, on the second row
        call_command("import_tracker", str(deliveries), kind="deliveries", partner="ltdh",
                     no_progress=True, stderr=err)  # fmt: skip
    assert "line 3: quantity" in err.getvalue()
    assert not Delivery.objects.filter(need=need).exists()


def test_unknown_partner_or_missing_columns_are_refused(tmp_path, campaign):
    path = write(tmp_path, "campaign,amount\njesr,5\n")
    with pytest.raises(CommandError, match="Missing column"):
        run(path, "contributions")
    with pytest.raises(CommandError, match="No partner"):
        run(path, "contributions", partner="nobody")


@pytest.mark.parametrize("kind", ["contributions", "deliveries"])
def test_a_reference_in_arabic_indic_digits_is_the_same_reference_in_latin_digits(
    tmp_path, campaign, need, kind
):
    """«ت-٠٠١» typed on an Arabic keyboard, then «ت-001» from a spreadsheet: one entry."""
    from .conftest import gift

    gift(need, quantity="50")
    model = Contribution if kind == "contributions" else Delivery
    if kind == "contributions":
        rows = [f"{HEADER}{campaign.slug},cash,10,TND,received,{r},,no\n" for r in REFERENCES]
    else:
        header = "need_id,quantity,delivered_on,reference\n"
        rows = [f"{header}{need.pk},2,21/05/2020,{r}\n" for r in REFERENCES]
    before = model.objects.count()
    run(write(tmp_path, rows[0], "first.csv"), kind)
    out, _err = run(write(tmp_path, rows[1], "second.csv"), kind)
    assert model.objects.count() == before + 1
    assert model.objects.filter(reference="ت-001").count() == 1


REFERENCES = ("ت-٠٠١", "ت-001")
