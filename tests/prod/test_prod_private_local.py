"""Embedded mode keeps private files off the public media URL, behind expiring signed links."""

import io
import time

import pytest
import time_machine
from django.core.management import CommandError, call_command

from portal.storage import private_storage

pytestmark = pytest.mark.django_db


def test_private_file_link_works_then_expires(client, settings):
    storage = private_storage()
    name = storage.save("evidence/receipt.txt", io.BytesIO(b"two signatures"))
    url = storage.url(name)
    assert not url.startswith(settings.MEDIA_URL)

    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"two signatures"
    assert "no-store" in response["Cache-Control"]

    with time_machine.travel(time.time() + storage.expire + 5):
        assert client.get(url).status_code == 404


def test_tampered_private_link_is_refused(client):
    url = private_storage().url("evidence/receipt.txt")
    assert client.get(url[:-3] + "abc").status_code == 404


def test_copy_media_refuses_without_a_bucket():
    with pytest.raises(CommandError, match="AWS_STORAGE_BUCKET_NAME"):
        call_command("copy_media_to_bucket", no_progress=True)
