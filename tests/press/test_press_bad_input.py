"""Bad input in the admin: a clear error next to the field, and nothing saved."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from campaigns.press.models import Coverage, PressReleasePage, ReleaseAttachment

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    from wagtail.users.models import UserProfile

    user = django_user_model.objects.create_superuser("press-admin", "p@example.org", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"  # the admin otherwise speaks the site's Arabic
    profile.save()
    client.force_login(user)
    return client


def coverage_data(url):
    return {
        "outlet": "Mosaïque FM",
        "headline": "Lancement du Pont de l'amour",
        "url": url,
        "date": "2020-05-16",
        "medium": "radio",
        "language": "fr",
        "country": "TN",
    }


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/x", "not a link"])
def test_coverage_link_must_be_http(editor, press, url):
    before = Coverage.objects.count()
    response = editor.post("/admin/snippets/press/coverage/add/", coverage_data(url))
    assert response.status_code == 200
    assert "Enter a web address starting with http:// or https://." in response.content.decode()
    assert Coverage.objects.count() == before


@pytest.mark.parametrize(
    "language, message",
    [
        ("fr", "Saisissez une adresse web commençant par http:// ou https://."),
        ("ar", "أدخلوا عنوانًا إلكترونيًا يبدأ بـ http:// أو https://."),
    ],
)
def test_coverage_error_is_in_the_editors_language(
    editor, press, django_user_model, language, message
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(django_user_model.objects.get(username="press-admin"))
    profile.preferred_language = language
    profile.save()
    response = editor.post(
        "/admin/snippets/press/coverage/add/", coverage_data("javascript:alert(1)")
    )
    assert message in response.content.decode()


def test_coverage_with_https_link_is_saved(editor, press):
    before = Coverage.objects.count()
    response = editor.post(
        "/admin/snippets/press/coverage/add/", coverage_data("https://www.example.org/a")
    )
    assert response.status_code == 302
    assert Coverage.objects.count() == before + 1


def release_form(attachments=(), **fields):
    data = {
        "title": "Conférence de presse test",
        "slug": "conference-test",
        "release_date": "2020-05-15",
        "summary": "Résumé",
        "body": streamfield([]),
        "speakers": inline_formset([]),
        "gallery": inline_formset([]),
        "attachments": inline_formset(list(attachments)),
        "action-publish": "action-publish",
    }
    data.update(fields)
    return nested_form_data(data)


def add_url(room):
    return f"/admin/pages/add/press/pressreleasepage/{room.pk}/"


def test_event_ending_before_it_starts_is_refused(editor, press):
    before = PressReleasePage.objects.count()
    response = editor.post(
        add_url(press["rooms"]["ar"]),
        release_form(event_start="2020-05-15 12:00", event_end="2020-05-15 10:00"),
    )
    assert response.status_code == 200
    assert "The event cannot end before it starts." in response.content.decode()
    assert PressReleasePage.objects.count() == before


def test_valid_event_is_saved(editor, press):
    before = PressReleasePage.objects.count()
    response = editor.post(
        add_url(press["rooms"]["ar"]),
        release_form(event_start="2020-05-15 10:00", event_end="2020-05-15 12:00"),
    )
    assert response.status_code == 302
    assert PressReleasePage.objects.count() == before + 1


def document(name, size):
    Document = get_document_model()
    doc = Document(title=name)
    doc.file.save(name, ContentFile(b"x" * size), save=False)
    doc.save()
    return doc


def test_attachment_of_a_forbidden_type_is_refused(editor, press):
    doc = document("agenda.html", 100)
    before = (PressReleasePage.objects.count(), ReleaseAttachment.objects.count())
    response = editor.post(
        add_url(press["rooms"]["ar"]),
        release_form(attachments=[{"document": doc.pk, "title": ""}]),
    )
    assert response.status_code == 200
    assert "is a .html file; allowed types are" in response.content.decode()
    assert (PressReleasePage.objects.count(), ReleaseAttachment.objects.count()) == before


def test_attachment_over_the_size_limit_is_refused(editor, press, settings):
    settings.PRESS_ATTACHMENT_MAX_SIZE = 1000
    doc = document("dossier.pdf", 5000)
    before = (PressReleasePage.objects.count(), ReleaseAttachment.objects.count())
    response = editor.post(
        add_url(press["rooms"]["ar"]),
        release_form(attachments=[{"document": doc.pk, "title": ""}]),
    )
    assert response.status_code == 200
    assert "the limit for attachments is" in response.content.decode()
    assert (PressReleasePage.objects.count(), ReleaseAttachment.objects.count()) == before


def test_allowed_attachment_is_saved(editor, press):
    doc = document("dossier.pdf", 500)
    response = editor.post(
        add_url(press["rooms"]["ar"]),
        release_form(attachments=[{"document": doc.pk, "title": "Dossier"}]),
    )
    assert response.status_code == 302
    release = PressReleasePage.objects.get(slug="conference-test")
    assert [a.label for a in release.attachments.all()] == ["Dossier"]


def test_video_without_poster_or_captions_is_refused(editor, press):
    from wagtailmedia.models import get_media_model

    media = get_media_model().objects.first()
    before = PressReleasePage.objects.count()
    response = editor.post(add_url(press["rooms"]["ar"]), release_form(video=media.pk))
    html = response.content.decode()
    assert "A video needs a poster image." in html
    assert "A video needs captions (a WebVTT file)." in html
    assert PressReleasePage.objects.count() == before


def test_uploading_a_forbidden_document_type_is_refused(editor, press):
    from django.core.files.uploadedfile import SimpleUploadedFile

    Document = get_document_model()
    before = Document.objects.count()
    response = editor.post(
        "/admin/documents/add/",
        {"title": "virus", "file": SimpleUploadedFile("virus.exe", b"MZ" * 10)},
    )
    assert response.status_code == 200
    assert Document.objects.count() == before


@pytest.mark.parametrize(
    "url, text",
    [
        ("/admin/snippets/press/coverage/", "التلفزة التونسية"),
        ("/admin/snippets/press/coverage/?q=Facebook", "Facebook – solidarity.alecso"),
        ("/admin/snippets/press/presscontact/", "press@solidarity.example.org"),
        ("/admin/snippets/press/presscontact/?q=press", "press@solidarity.example.org"),
        ("/admin/snippets/press/mediakit/?q=Bridge", "Media kit – Bridge of Love"),
        ("/admin/snippets/press/mediakit/", "Media kit – Bridge of Love"),
    ],
)
def test_press_snippets_are_listed_in_the_admin(editor, press, url, text):
    response = editor.get(url)
    assert response.status_code == 200
    assert text in response.content.decode()
