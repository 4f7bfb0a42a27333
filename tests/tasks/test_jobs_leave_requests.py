"""The media kit's ZIP, scheduled publishing and imports run on the queue, not in a request
or a command's caller: with the database queue and no worker, the work waits; a worker does it."""

import datetime
import io
import zipfile

import pytest
import time_machine
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from campaigns.background.schedule import Schedule
from campaigns.press import kit_archive
from campaigns.press.models import MediaKit, MediaKitArchive, PressIndexPage, PressReleasePage
from campaigns.tracker.models import Need

from .helpers import run_queued, waiting

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    yield
    cache.clear()


def test_a_changed_media_kit_is_zipped_by_the_worker_not_the_download(
    client, database_queue, monkeypatch
):
    kit = MediaKit.objects.select_related("campaign").get(
        campaign__slug="jesr", locale__language_code="fr"
    )
    url = f"/fr/press/media-kit/{kit.pk}.zip"
    item = kit.items.order_by("sort_order").first()
    item.credit = "Photo : ALECSO / service presse"
    item.save()
    built_in_request = []
    real_build = kit_archive.build_zip
    monkeypatch.setattr(kit_archive, "build_zip", lambda *a: built_in_request.append(a))

    response = client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert "Le dossier de presse est en préparation" in response.content.decode()
    assert built_in_request == []  # the request built nothing
    assert waiting("build_media_kit_archive") == 1

    monkeypatch.setattr(kit_archive, "build_zip", real_build)
    run_queued()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert MediaKitArchive.objects.get(kit=kit).size > 0


def _scheduled_release(minutes):
    room = PressIndexPage.objects.get(locale__language_code="ar")
    release = PressReleasePage(
        slug="tasks-embargo", title="tasks embargo", release_date=datetime.date(2030, 1, 1),
        summary="x", live=False,
    )  # fmt: skip
    room.add_child(instance=release)
    release.go_live_at = timezone.now() + datetime.timedelta(minutes=minutes)
    release.save_revision().publish()
    return release


def test_a_scheduled_release_is_published_by_the_worker_not_the_visitors_request(
    client, database_queue
):
    release = _scheduled_release(minutes=5)
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=6)):
        assert client.get("/ar/press/tasks-embargo/").status_code == 404  # not in the request
        assert waiting("publish_scheduled_pages") == 0  # nor queued by it
        Schedule(now=0).due(now=0)  # the worker's clock: every minute
        assert waiting("publish_scheduled_pages") == 1
        run_queued()
        assert client.get("/ar/press/tasks-embargo/").status_code == 200
    release.refresh_from_db()
    assert release.live


def test_the_schedule_publishes_with_no_visitor_at_all(database_queue):
    release = _scheduled_release(minutes=5)
    schedule = Schedule(now=0)
    assert "campaigns.press.tasks.publish_scheduled_pages" in schedule.due(now=0)
    assert schedule.due(now=30) == []  # once a minute, not on every tick
    run_queued()
    release.refresh_from_db()
    assert not release.live  # not yet due
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=6)):
        assert "campaigns.press.tasks.publish_scheduled_pages" in schedule.due(now=61)
        run_queued()
    release.refresh_from_db()
    assert release.live


def test_a_background_import_returns_at_once_and_the_worker_imports(database_queue, capsys):
    before = Need.objects.count()
    call_command(
        "import_tracker", "docs/tracker-needs-sample.csv", "--kind", "needs",
        "--partner", "red-crescent", "--background",
    )  # fmt: skip
    assert "queued as task" in capsys.readouterr().out
    assert Need.objects.count() == before
    assert waiting("import_tracker_file") == 1
    run_queued()
    assert Need.objects.count() > before


def test_a_changed_media_kit_is_zipped_ahead_so_the_first_download_gets_it_at_once(
    client, database_queue, django_capture_on_commit_callbacks
):
    kit = MediaKit.objects.select_related("campaign").get(
        campaign__slug="jesr", locale__language_code="fr"
    )
    url = f"/fr/press/media-kit/{kit.pk}.zip"
    with django_capture_on_commit_callbacks(execute=True):
        # As the admin's edit view saves it: the kit, then each of its files.
        kit.title = "Dossier de presse — mise à jour"
        kit.save()
        for item in kit.items.all():
            item.credit = f"{item.credit} (2020)"
            item.save()
    assert waiting("build_media_kit_archive") == 1  # one build for the whole change
    run_queued()  # the worker, before any journalist asks

    response = client.get(url)
    assert response.status_code == 200  # no "being prepared" 503 for the first journalist
    assert response["Content-Type"] == "application/zip"
    assert waiting("build_media_kit_archive") == 0
    with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as archive:
        assert "(2020)" in archive.read("credits.csv").decode("utf-8-sig")


def test_a_rolled_back_write_sends_nothing_with_the_next_one(
    database_queue, django_capture_on_commit_callbacks
):
    """A failed write's task (its transaction rolled back) was kept and left with the next
    write that committed: three kit builds where one was asked for (CI, in some test orders)."""
    from django.db import transaction

    kits = list(MediaKit.objects.order_by("pk"))
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                kits[0].save()  # asks for its kit's build...
                raise RuntimeError("the request failed")  # ...and is rolled back
        except RuntimeError:
            pass
        kits[-1].save()
    assert waiting("build_media_kit_archive") == 1


def test_a_replaced_kit_image_has_the_zip_rebuilt_ahead(
    client, database_queue, django_capture_on_commit_callbacks
):
    kit = MediaKit.objects.get(campaign__slug="jesr", locale__language_code="fr")
    image = kit.items.exclude(image=None).first().image
    with image.file.open("rb") as source:
        content = source.read()
    width, height = image.width, image.height
    with django_capture_on_commit_callbacks(execute=True):
        image.file.save("jesr-logo-2020.png", ContentFile(content), save=False)
        image.width, image.height = width, height
        image.save()  # a new file uploaded over the kit's logo, in Images
    # One build per kit holding the image (its translations share it: ar, fr, en).
    holding = MediaKit.objects.filter(items__image=image).distinct().count()
    assert holding >= 1 and waiting("build_media_kit_archive") == holding
    run_queued()
    response = client.get(f"/fr/press/media-kit/{kit.pk}.zip")
    assert response.status_code == 200
