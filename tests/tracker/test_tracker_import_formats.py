"""CSV imports read what spreadsheets write: ``;`` (Excel with French or Arabic regional
settings), tabs, UTF-8 with or without BOM, UTF-16, Windows Arabic (cp1256) and Latin-1."""

import pytest

from campaigns.tracker.imports import decode, read_rows, run_import, sniff_delimiter
from campaigns.tracker.models import Need

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
