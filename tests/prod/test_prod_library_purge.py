"""An image or a video replaced in the library reaches every page showing it, at the origin and
through the edge: Wagtail deletes the old file and its renditions, so a page kept with their
addresses would show a broken image (here for 600 s at the edge, and until the page's next
publish in the origin's fragments)."""

import io
import re

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.models import Page

from portal.library_events import library_models

pytestmark = pytest.mark.django_db

MEDIA_SRC = re.compile(r'(?:src|srcset)="(/media/[^" ]+)')


@pytest.fixture
def own_media(settings, tmp_path):
    """A copy of the session's media for this test: replacing or deleting a library item
    deletes its files, which the other tests' demo pages still show."""
    import shutil

    settings.MEDIA_ROOT = shutil.copytree(settings.MEDIA_ROOT, tmp_path / "media")
    return settings.MEDIA_ROOT


def png(colour):
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), colour).save(buffer, "PNG")
    return SimpleUploadedFile("replaced.png", buffer.getvalue(), content_type="image/png")


def media_shown(client, path):
    """The media addresses ``path`` shows to an anonymous visitor (rendered at the origin)."""
    response = client.get(path)
    assert response.status_code == 200
    return set(MEDIA_SRC.findall(response.content.decode()))


def missing(addresses):
    return {url for url in addresses if not default_storage.exists(url.removeprefix("/media/"))}


def test_replacing_an_image_file_retires_every_page_showing_it(
    demo, own_media, fragments, purged, client, admin_speaking, django_capture_on_commit_callbacks
):
    campaign = demo["campaign"]
    image = campaign.hero_image
    assert image is not None
    visitor = client.__class__()
    pages = ["/ar/jesr/", "/fr/jesr/", "/en/jesr/", "/ar/", "/en/"]
    before = {path: media_shown(visitor, path) for path in pages}
    assert all(not missing(shown) for shown in before.values())

    admin = admin_speaking("en")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(
            reverse("wagtailimages:edit", args=[image.pk]),
            {"title": image.title, "file": png("red"), "collection": image.collection_id},
        )
    assert response.status_code == 302, response.content.decode()[:2000]

    for path in pages:
        shown = media_shown(visitor, path)
        assert not missing(shown), f"{path} shows deleted files after the image was replaced"
        assert f"http://localhost{path}" in purged, f"{path} kept at the edge"


def files_of(item):
    """The file names by which a page shows ``item``: its file, and its renditions' files."""
    names = {item.file.name.rsplit("/", 1)[-1]}
    if hasattr(item, "renditions"):
        names.update(
            name.rsplit("/", 1)[-1] for name in item.renditions.values_list("file", flat=True)
        )
    return names


@pytest.mark.parametrize("model", library_models(), ids=lambda model: model._meta.label)
@pytest.mark.parametrize("change", ["edited", "deleted"])
def test_every_page_showing_a_library_item_is_purged_when_it_changes(
    model, change, demo, own_media, purged, client, django_capture_on_commit_callbacks
):
    """For each library model, every demo item a live page shows: edited in the library (a new
    title) or deleted, every live page whose HTML names one of its files is purged."""
    pages = {page.url: page for page in Page.objects.live().filter(depth__gt=1).specific()}
    html = {url: client.get(url).content.decode() for url in pages}
    tried = 0
    for item in model.objects.all():
        names = files_of(item)
        showing = {url for url, text in html.items() if any(name in text for name in names)}
        if not showing:
            continue
        tried += 1
        purged.clear()
        with django_capture_on_commit_callbacks(execute=True):
            if change == "edited":
                item.title = f"{item.title} (2)"
                item.save()
            else:
                item.delete()
        kept = {url for url in showing if f"http://localhost{url}" not in purged}
        assert not kept, f"{model._meta.label} {item.pk} {change}: still at the edge: {kept}"
    assert tried, f"no demo page shows any {model._meta.label}"
