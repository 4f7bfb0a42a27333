"""The media kit: a one-click ZIP with every file and credits.csv, built once, rebuilt on change."""

import csv
import io
import zipfile

import pytest

from campaigns.press import kit_archive
from campaigns.press.models import MediaKit, MediaKitArchive

pytestmark = pytest.mark.django_db


@pytest.fixture
def kits(press):
    campaign = press["campaign"]
    return {
        code: MediaKit.objects.get(campaign=campaign, locale__language_code=code)
        for code in ("ar", "fr", "en")
    }


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith("attachment")
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def credits(archive):
    text = archive.read("credits.csv").decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_french_kit_zip_has_every_file_and_french_credits(client, kits):
    archive = download(client, f"/fr/press/media-kit/{kits['fr'].pk}.zip")
    names = archive.namelist()
    assert "credits.csv" in names
    assert any(n.startswith("logos/") and n.endswith(".png") for n in names)
    assert len([n for n in names if n.startswith("photos/")]) == 3
    assert any(n.startswith("documents/") and n.endswith(".txt") for n in names)
    rows = credits(archive)
    assert len(rows) == 5
    assert {row["file"] for row in rows} == set(names) - {"credits.csv"}
    assert rows[0]["credit"] == "ALECSO"
    assert rows[0]["licence"] == "Libre pour un usage éditorial avec mention de la source"
    assert archive.read(rows[0]["file"])[:8] == b"\x89PNG\r\n\x1a\n"


def test_arabic_kit_credits_are_in_arabic(client, kits):
    rows = credits(download(client, f"/ar/press/media-kit/{kits['ar'].pk}.zip"))
    assert rows[0]["credit"] == "الألكسو"


def test_a_kit_link_from_another_language_serves_this_language(client, kits):
    rows = credits(download(client, f"/en/press/media-kit/{kits['ar'].pk}.zip"))
    assert rows[0]["licence"] == "Free for editorial use with credit"


def test_zip_is_built_once_and_stored(client, kits, monkeypatch):
    kit = kits["fr"]
    download(client, f"/fr/press/media-kit/{kit.pk}.zip")
    stored = MediaKitArchive.objects.get(kit=kit)
    assert stored.file.storage.exists(stored.file.name)

    def no_rebuild(*args):
        raise AssertionError("the unchanged kit was rebuilt")

    monkeypatch.setattr(kit_archive, "build_zip", no_rebuild)
    download(client, f"/fr/press/media-kit/{kit.pk}.zip")
    assert MediaKitArchive.objects.get(kit=kit).file.name == stored.file.name


def test_zip_is_rebuilt_when_the_kit_changes(client, kits):
    kit = kits["fr"]
    download(client, f"/fr/press/media-kit/{kit.pk}.zip")
    old_name = MediaKitArchive.objects.get(kit=kit).file.name
    item = kit.items.order_by("sort_order").first()
    item.credit = "Photo : ALECSO / service presse"
    item.save()
    rows = credits(download(client, f"/fr/press/media-kit/{kit.pk}.zip"))
    assert rows[0]["credit"] == "Photo : ALECSO / service presse"
    archive = MediaKitArchive.objects.get(kit=kit)
    assert archive.file.storage.exists(archive.file.name)
    if archive.file.name != old_name:
        assert not archive.file.storage.exists(old_name)  # the stale ZIP is removed


def test_unknown_kit_is_404(client, press):
    assert client.get("/fr/press/media-kit/999999.zip").status_code == 404
