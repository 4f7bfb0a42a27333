"""Media in a real S3 server (SeaweedFS on loopback): public plain URLs, private signed URLs."""

import io
import time

import pytest
import requests
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from PIL import Image as PILImage

from portal.storage import private_storage

pytestmark = [pytest.mark.s3, pytest.mark.django_db]


def png_bytes(width=320, height=200):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (200, 30, 60)).save(buffer, "PNG")
    return buffer.getvalue()


def test_image_uploaded_through_wagtail_and_its_rendition_are_served_by_the_bucket(
    client, s3_media
):
    from wagtail.images import get_image_model

    editor = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(editor)
    upload = SimpleUploadedFile("poster.png", png_bytes(), content_type="image/png")
    response = client.post(
        "/admin/images/add/", {"title": "Campaign poster", "file": upload, "collection": 1}
    )
    assert response.status_code == 302, response.content[:500]
    image = get_image_model().objects.get(title="Campaign poster")

    original_url = image.file.url
    assert original_url.startswith(s3_media + "/portal-media/")
    assert "X-Amz-Signature" not in original_url  # public media: a plain, cacheable URL
    original = requests.get(original_url, timeout=10)
    assert original.status_code == 200
    assert original.content == image.file.storage.open(image.file.name).read()
    assert "immutable" in original.headers.get("Cache-Control", "")

    rendition = image.get_rendition("fill-100x80")
    fetched = requests.get(rendition.url, timeout=10)
    assert fetched.status_code == 200
    assert PILImage.open(io.BytesIO(fetched.content)).size == (100, 80)


def test_stored_names_are_never_overwritten(s3_media):
    first = default_storage.save("documents/kit.txt", io.BytesIO(b"first"))
    second = default_storage.save("documents/kit.txt", io.BytesIO(b"second"))
    assert first != second
    assert default_storage.open(first).read() == b"first"


def test_private_file_signed_url_works_then_expires_and_anonymous_is_refused(s3_media):
    storage = private_storage()
    name = storage.save("evidence/delivery-receipt.txt", io.BytesIO(b"signed by two people"))

    signed = storage.url(name)
    assert "X-Amz-Signature" in signed
    assert requests.get(signed, timeout=10).content == b"signed by two people"

    plain = signed.split("?", 1)[0]
    refused = requests.get(plain, timeout=10)
    assert refused.status_code == 403  # the store itself refuses an anonymous read

    time.sleep(3)  # PRIVATE_MEDIA_URL_EXPIRE=2 in this test
    expired = requests.get(signed, timeout=10)
    assert expired.status_code == 403
    assert b"expired" in expired.content.lower()


def test_copy_media_to_bucket_copies_then_skips(s3_media, tmp_path, capsys):
    source = tmp_path / "media"
    (source / "images").mkdir(parents=True)
    (source / "images" / "logo.png").write_bytes(png_bytes(10, 10))
    (source / "documents").mkdir()
    (source / "documents" / "press-kit.txt").write_text("كلمة")

    call_command("copy_media_to_bucket", source=str(source), no_progress=True)
    assert "Copied 2 file(s), skipped 0" in capsys.readouterr().out
    assert default_storage.open("documents/press-kit.txt").read().decode() == "كلمة"
    assert requests.get(default_storage.url("images/logo.png"), timeout=10).status_code == 200

    call_command("copy_media_to_bucket", source=str(source), no_progress=True)
    assert "Copied 0 file(s), skipped 2" in capsys.readouterr().out
