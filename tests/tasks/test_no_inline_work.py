"""No request sends mail, purges, builds a ZIP, imports or transcodes inline: each entry point
that starts one of these jobs is walked with a backend that records what is enqueued and
runs nothing (django-tasks' ``DummyBackend``), and the job's effect must not have happened
by the time the response is back. (The suite's immediate backend would hide a job done in
the request; this one shows it.)

Imports have no web entry point: the ``import_tracker --background`` command is walked.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django_tasks import task_backends
from wagtail.models import Collection
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from campaigns.press.models import MediaKit, MediaKitArchive, PressIndexPage
from campaigns.tracker.models import Need
from campaigns.video.models import VideoRendition
from tests.people.conftest import OFFER_URL, valid_offer

pytestmark = pytest.mark.django_db
DURING_CAMPAIGN = "2020-05-20T10:00:00+01:00"


@pytest.fixture
def recorded(settings):
    """Tasks are recorded, never run; mail goes through the queue; the edge has a Varnish."""
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "QUEUES": ["default", "video"],
        }
    }
    settings.EMAIL_BACKEND = "campaigns.background.mail.QueuedEmailBackend"
    settings.PORTAL_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.WAGTAILFRONTENDCACHE = {
        "varnish1": {"BACKEND": "portal.varnish.VarnishBackend", "LOCATION": "http://127.0.0.1:9"}
    }
    settings.VIDEO_RENDITIONS_ON_UPLOAD = True
    backend = task_backends["default"]
    backend.clear()

    def enqueued():
        return [result.task.module_path for result in backend.results]

    return enqueued


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_superuser("walker", "walker@example.org", "pw")
    client.force_login(user)
    return client


def offer_form(client):
    import time_machine

    with time_machine.travel(DURING_CAMPAIGN, tick=True):
        response = client.post(OFFER_URL.format(lang="fr"), valid_offer())
    assert response.status_code == 302
    assert mail.outbox == []  # not sent in the request
    return "campaigns.background.mail.deliver_email"


def publish_a_release(client):
    room = PressIndexPage.objects.get(locale__language_code="ar")
    data = nested_form_data({
        "title": "بلاغ للتجربة", "slug": "walk-release", "release_date": "2020-05-15",
        "summary": "ملخص", "body": streamfield([]), "speakers": inline_formset([]),
        "gallery": inline_formset([]), "attachments": inline_formset([]),
        "action-publish": "action-publish",
    })  # fmt: skip
    response = client.post(f"/admin/pages/add/press/pressreleasepage/{room.pk}/", data)
    assert response.status_code == 302, response.content[:2000]
    return "wagtail.contrib.frontend_cache.tasks.purge_urls_from_cache_task"


def download_a_changed_kit(client):
    kit = MediaKit.objects.get(campaign__slug="jesr", locale__language_code="fr")
    item = kit.items.order_by("sort_order").first()
    item.credit = "Photo : ALECSO / service presse (walk)"
    item.save()
    before = MediaKitArchive.objects.get(kit=kit).signature
    response = client.get(f"/fr/press/media-kit/{kit.pk}.zip")
    assert response.status_code == 503 and response["Retry-After"]
    assert MediaKitArchive.objects.get(kit=kit).signature == before  # not built in the request
    return "campaigns.press.tasks.build_media_kit_archive"


def upload_a_video(client):
    upload = SimpleUploadedFile("walk-clip.mp4", b"\x00\x00\x00\x18ftypmp42", "video/mp4")
    response = client.post(
        "/admin/media/video/add/",
        {"title": "Walk clip", "file": upload, "collection": Collection.get_first_root_node().pk},
    )
    assert response.status_code == 302, response.content[:2000]
    assert not VideoRendition.objects.filter(media__title="Walk clip").exists()
    return "campaigns.video.tasks.make_video_renditions"


def import_in_the_background(client):
    before = Need.objects.count()
    call_command(
        "import_tracker", "docs/tracker-needs-sample.csv", "--kind", "needs",
        "--partner", "red-crescent", "--background",
    )  # fmt: skip
    assert Need.objects.count() == before  # nothing imported by the caller
    return "campaigns.tracker.tasks.import_tracker_file"


ENTRY_POINTS = [
    offer_form, publish_a_release, download_a_changed_kit, upload_a_video,
    import_in_the_background,
]  # fmt: skip


@pytest.mark.parametrize("entry_point", ENTRY_POINTS, ids=lambda f: f.__name__)
def test_the_job_is_enqueued_not_run(
    entry_point, recorded, staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        expected = entry_point(staff)
    assert expected in recorded(), f"{entry_point.__name__} enqueued only {recorded()}"
