"""CSV imports read what spreadsheets write: ``;`` (Excel with French or Arabic regional
settings), tabs, UTF-8 with or without BOM, UTF-16, Windows Arabic (cp1256) and Latin-1."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from campaigns.tracker.import_files import decode, read_rows, sniff_delimiter
from campaigns.tracker.imports import run_import
from campaigns.tracker.models import Delivery, Need

from .conftest import gift

ROWS = [
    ["category", "region", "title", "quantity", "unit"],
    ["medicine", "TN-71", "أدوية الأمراض المزمنة في قفصة", "25", "box"],
    ["food", "TN-42", "طرود غذائية", "1500", "parcel"],
]


def csv_bytes(delimiter, encoding, rows=ROWS):
    text = "\r\n".join(delimiter.join(row) for row in rows) + "\r\n"
    return text.encode(encoding)


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1256"])
def test_needs_import_reads_every_spreadsheet_format(tmp_path, campaign, delimiter, encoding):
    path = tmp_path / "needs.csv"
    path.write_bytes(csv_bytes(delimiter, encoding))
    rows = read_rows(path, "needs")
    assert [row["title"] for row in rows] == [ROWS[1][2], ROWS[2][2]]
    report = run_import(path, "needs", "ltdh", campaign=campaign.slug)
    assert report.ok and report.imported == 2, report.errors
    need = Need.objects.get(campaign=campaign, title=ROWS[1][2])
    assert need.quantity == 25 and need.region.code == "TN-71"


def test_a_semicolon_file_with_quoted_commas(tmp_path, campaign):
    rows = [ROWS[0], ["food", "TN-42", '"Riz, huile et sucre"', "10", "parcel"]]
    path = tmp_path / "needs.csv"
    path.write_bytes(csv_bytes(";", "utf-8-sig", rows))
    assert read_rows(path, "needs")[0]["title"] == "Riz, huile et sucre"


def test_latin1_french_is_read_as_french():
    raw = "titre;quantité\r\nÉcole à Sfax;3\r\n".encode("latin-1")
    assert decode(raw).startswith("titre;quantité\r\nÉcole à Sfax")


def test_cp1256_arabic_is_read_as_arabic():
    assert decode("أدوية;قفصة".encode("cp1256")) == "أدوية;قفصة"


@pytest.mark.parametrize(
    ("header", "expected"),
    [("a,b,c", ","), ("a;b;c", ";"), ("a\tb\tc", "\t"), ("a|b", "|"), ("single", ",")],
)
def test_sniff_delimiter(header, expected):
    assert sniff_delimiter(header) == expected


# --- Excel with French regional settings (issue #19) ---------------------------------------

FRENCH_EXCEL = [
    ["need_id", "quantity", "delivered_on", "households_reached", "reference", "note"],
    ["{need}", "12,5", "21/05/2020", "13", "LIV-1", "Distribuée à l’école"],
    ["{need}", "٢,٥", "٢١/٠٥/٢٠٢٠", "٤", "LIV-2", "Reçu – œuvre"],
]


def french_excel(tmp_path, need, encoding, rows=FRENCH_EXCEL):
    text = "\r\n".join(";".join(cell.format(need=need.pk) for cell in row) for row in rows)
    if encoding == "cp1252":  # a French Windows has no Arabic-Indic digits
        text = text.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))
    path = tmp_path / "livraisons.csv"
    path.write_bytes((text + "\r\n").encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig"])
def test_a_french_excel_file_with_decimal_commas_and_day_first_dates(tmp_path, need, encoding):
    gift(need, quantity="50")
    path = french_excel(tmp_path, need, encoding)
    assert sniff_delimiter(path.read_bytes().decode(encoding).split("\r\n")[0]) == ";"
    with translation.override("en"):  # the file decides, whatever the user's language
        report = run_import(path, "deliveries", "ltdh")
    assert report.ok and report.imported == 2, report.errors
    first, second = Delivery.objects.filter(need=need).order_by("reference")
    assert (first.quantity, first.delivered_on) == (Decimal("12.5"), datetime.date(2020, 5, 21))
    assert (second.quantity, second.delivered_on) == (Decimal("2.5"), datetime.date(2020, 5, 21))
    assert first.note == "Distribuée à l’école" and second.note == "Reçu – œuvre"


def test_cp1252_punctuation_is_read_as_cp1252():
    assert decode("l’école – 5 €;œuvre".encode("cp1252")) == "l’école – 5 €;œuvre"


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("delivered_on", "05/21/2020", "Write the date as dd/mm/yyyy (day first) or yyyy-mm-dd"),
        ("delivered_on", "21/05/20", "Write the date as dd/mm/yyyy (day first) or yyyy-mm-dd"),
        ("quantity", "1,234.5", "has more than one decimal mark"),
    ],
)
def test_each_unreadable_cell_is_an_error_on_its_row_and_column(
    tmp_path, need, column, value, message
):
    gift(need, quantity="50")
    rows = [list(row) for row in FRENCH_EXCEL]
    rows[2][rows[0].index(column)] = value
    path = french_excel(tmp_path, need, "utf-8-sig", rows)
    with translation.override("en"):
        report = run_import(path, "deliveries", "ltdh")
    assert [(line, name) for line, name, _m in report.errors] == [(3, column)]
    assert message in report.errors[0][2]
    assert not Delivery.objects.filter(need=need).exists()  # nothing kept


def test_the_errors_are_in_the_users_language(tmp_path, need):
    gift(need, quantity="50")
    rows = [list(row) for row in FRENCH_EXCEL]
    rows[1][2] = "31/02/2020"
    path = french_excel(tmp_path, need, "utf-8-sig", rows)
    with translation.override("ar"):
        report = run_import(path, "deliveries", "ltdh")
    assert report.errors[0][:2] == (2, "delivered_on")
    assert "اكتبوا التاريخ" in report.errors[0][2]


def test_a_comma_file_follows_the_language_rule(tmp_path, campaign):
    path = tmp_path / "needs.csv"
    path.write_text(
        'category,region,title,quantity,unit\nfood,TN-42,طرود,"1,500",parcel\n', encoding="utf-8"
    )
    with translation.override("en"):
        report = run_import(path, "needs", "ltdh", campaign=campaign.slug)
    assert [(line, name) for line, name, _m in report.errors] == [(2, "quantity")]
    assert "can be read two ways" in report.errors[0][2]
    with translation.override("fr"):
        report = run_import(path, "needs", "ltdh", campaign=campaign.slug)
    assert report.ok, report.errors
    assert Need.objects.get(campaign=campaign, title="طرود").quantity == Decimal("1.5")


def test_every_bad_field_of_a_delivery_row_is_reported_at_once(tmp_path, need):
    """A line with an unreadable quantity and a date that names no day was reported for its
    date alone (the second trial of issue 19): the person fixed the date, imported again,
    and only then learnt about the quantity."""
    gift(need, quantity="50")
    rows = [list(row) for row in FRENCH_EXCEL]
    rows[2][1], rows[2][2] = "abc", "31/02/2020"
    path = french_excel(tmp_path, need, "utf-8-sig", rows)
    with translation.override("ar"):
        report = run_import(path, "deliveries", "ltdh")
    assert sorted(name for line, name, _m in report.errors if line == 3) == [
        "delivered_on",
        "quantity",
    ], report.errors
    assert not Delivery.objects.filter(need=need).exists()


def test_every_bad_field_of_a_needs_row_is_reported_at_once(tmp_path, campaign):
    """The trial's UTF-16 line: an unknown category, an unknown region, no title, a negative
    quantity and 30 February were reported as the region alone."""
    rows = [
        ["category", "region", "title", "quantity", "unit", "deadline"],
        ["medicine", "TN-71", "أدوية", "25", "box", "2020-05-30"],
        ["unknowncat", "XX-99", "", "-5", "box", "2020-02-30"],
    ]
    path = tmp_path / "needs.csv"
    path.write_bytes(csv_bytes("\t", "utf-16", rows))
    with translation.override("ar"):
        report = run_import(path, "needs", "ltdh", campaign=campaign.slug)
    bad = {name for line, name, _m in report.errors if line == 3}
    assert bad >= {"category", "region", "title", "quantity", "deadline"}, report.errors
    assert not {name for line, name, _m in report.errors if line == 2}
    assert not Need.objects.filter(campaign=campaign, title="أدوية").exists()


def test_another_organisations_need_is_as_unknown_as_a_missing_one(tmp_path, need, other_partner):
    """The third trial of issue 19: partner B importing deliveries against partner A's need
    id was told «this need belongs to another organisation», while a title of A's or an id
    that exists nowhere got «unknown need»: the import told B which ids exist elsewhere."""
    rows = [list(row) for row in FRENCH_EXCEL]
    rows[2][0] = str(Need.objects.order_by("-pk").values_list("pk", flat=True)[0] + 1000)
    path = french_excel(tmp_path, need, "utf-8-sig", rows)
    with translation.override("ar"):
        report = run_import(path, "deliveries", other_partner.slug)
    by_line = {line: (name, message) for line, name, message in report.errors}
    assert by_line[2] == ("need_id", f"احتياج غير معروف «{need.pk}».")
    assert by_line[3] == ("need_id", f"احتياج غير معروف «{rows[2][0]}».")
    assert not Delivery.objects.filter(need=need).exists()
