"""English and American dates found in the Arabic and French admin by a trial (issue 19): the
users listing's "True", the "Root" page and collection, the video renditions' headers and
profile codes, the background tasks report's month/day order, the roles on the user form."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from tests.i18n.test_i18n_admin_walk import visible_texts

pytestmark = pytest.mark.django_db

MARKS = re.compile("[\u200e\u200f\u061c]")  # direction marks Babel puts in Arabic dates


@pytest.fixture
def admin_in(client, django_user_model):
    """A superuser's logged-in client, the admin in the given language."""

    def speak(language):
        user = django_user_model.objects.create_superuser(f"t-{language}", "g@example.org", "pw")
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        client.force_login(user)
        return client

    return speak


def html_of(response):
    """The page's HTML, or a chooser's (its JSON's ``html``)."""
    assert response.status_code == 200
    if response["Content-Type"].startswith("application/json"):
        return response.json()["html"]
    return response.content.decode()


def texts(response):
    return {MARKS.sub("", text) for text in visible_texts(html_of(response))}


def svg_titles(response):
    return set(re.findall(r"<title>([^<]*)</title>", response.content.decode()))


@pytest.mark.parametrize(("language", "yes"), [("ar", "نعم"), ("fr", "Oui")])
def test_users_listing_says_active_in_the_users_language(admin_in, language, yes):
    response = admin_in(language).get("/admin/users/")
    page = response.content.decode()
    assert not {"True", "False"} & (svg_titles(response) | texts(response))
    assert yes in page


@pytest.mark.parametrize(("language", "root"), [("ar", "الجذر"), ("fr", "Racine")])
def test_the_root_page_and_collection_read_in_the_users_language(admin_in, language, root):
    client = admin_in(language)
    # The explorer's top level, the page chooser's, and the root collection a new one goes in.
    for path in ("/admin/pages/", "/admin/choose-page/", "/admin/collections/add/"):
        response = client.get(path)
        page = html_of(response)
        assert "Root" not in texts(response), path
        assert not re.search(r">\s*Root\s*<", page), path  # nor in a <select>'s options
        assert root in page, path
    from wagtail.models import Page

    # The database keeps Wagtail's English title: saving the root does not store a translation.
    root_page = Page.objects.get(depth=1)
    root_page.save()
    assert Page.objects.filter(depth=1).values_list("title", flat=True).get() == "Root"


@pytest.mark.parametrize(
    ("language", "expected", "absent"),
    [
        ("ar", {"الفيديو", "الحالة", "الحجم (ك.بايت)", "الشاشات الصغيرة (240p)"}, {"low"}),
        ("fr", {"Vidéo", "Taille (Ko)", "Débit (kbit/s)", "petits écrans (240p)"}, {"low"}),
    ],
)
def test_video_renditions_listing_has_translated_headers_and_profiles(
    admin_in, language, expected, absent
):
    from wagtailmedia.models import get_media_model

    from campaigns.video.models import VideoRendition

    media = get_media_model().objects.create(title="clip", type="video", duration=3, file="c.mp4")
    VideoRendition.objects.create(
        media=media, profile="low", state="ready", height=240, size=204800, bitrate=280000
    )
    shown = texts(admin_in(language).get("/admin/video_renditions/"))
    assert expected <= shown, expected - shown
    assert not (absent | {"Size kb", "Bitrate kbps", "Media", "Profile"}) & shown


@pytest.mark.parametrize(
    ("language", "expected"), [("ar", "4 مارس 2026، 16:05"), ("fr", "4 mars 2026 à 16:05")]
)
def test_task_report_dates_are_day_first_in_local_time(admin_in, settings, language, expected):
    from campaigns.background.models import TaskRecord

    # 4 March 2026, 16:05 in Tunis: the American order would read "3/4/2026".
    enqueued = datetime.datetime(2026, 3, 4, 16, 5, tzinfo=ZoneInfo(settings.TIME_ZONE))
    TaskRecord.objects.create(
        task_id="t-date", task_path="campaigns.background.mail.deliver_email", status="FAILED",
        enqueued_at=enqueued, error="RuntimeError: boom",
    )  # fmt: skip
    shown = texts(admin_in(language).get("/admin/reports/tasks/"))
    assert expected in shown, sorted(shown)
    assert not any(text.startswith(("3/4/2026", "03/04/2026")) for text in shown)


@pytest.mark.parametrize(
    ("language", "role"), [("ar", "محررو الاتصال"), ("fr", "Rédacteurs de la communication")]
)
def test_user_forms_name_the_roles_in_the_users_language(admin_in, language, role):
    from campaigns.people.roles import EDITOR

    client = admin_in(language)
    Group.objects.get_or_create(name=EDITOR)
    other = client.get("/admin/users/").wsgi_request.user
    for path in ("/admin/users/new/", f"/admin/users/edit/{other.pk}/"):
        page = client.get(path).content.decode()
        assert EDITOR not in page, path
        assert role in page, path
