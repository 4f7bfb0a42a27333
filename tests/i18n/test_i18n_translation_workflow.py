"""A translator's workflow through wagtail-localize's own admin views, from the Arabic source."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from tests.search.conftest import add_page

STANDIN = "portal.localization.machine_translation.StandInTranslator"


@pytest.fixture
def admin_client(client, django_user_model, demo):
    user = django_user_model.objects.create_superuser("translator", "t@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def source_page(demo):
    return add_page(
        "ar",
        "ighatha",
        "قافلة الإغاثة",
        "انطلقت القافلة من تونس العاصمة.</p><p>وصلت القافلة إلى القصرين.",
    )


def locale(code):
    return Locale.objects.get(language_code=code)


def submit(admin_client, page, *codes):
    response = admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.id]),
        {"locales": [locale(c).id for c in codes]},
    )
    assert response.status_code == 302
    return {
        code: Translation.objects.get(
            source__object_id=page.translation_key, target_locale=locale(code)
        )
        for code in codes
    }


@pytest.fixture
def publish(admin_client, django_capture_on_commit_callbacks):
    """Press "Publish" in the translation editor (wagtail-localize publishes on commit)."""

    def press(page):
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(
                reverse("wagtailadmin_pages:edit", args=[page.id]), {"action": "publish"}
            )
        assert response.status_code == 302

    return press


def test_machine_translator_is_the_offline_stand_in_by_default(settings):
    assert settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR["CLASS"] == STANDIN


def test_translate_a_page_into_french_and_english(admin_client, source_page, publish):
    translations = submit(admin_client, source_page, "fr", "en")
    for code, translation in translations.items():
        total, done = translation.get_progress()
        assert (total, done) == (3, 0)  # title and two paragraphs, none translated yet
        response = admin_client.post(
            reverse("wagtail_localize:machine_translate", args=[translation.id]),
            {"next": "/admin/"},
        )
        assert response.status_code == 302
        assert translation.get_progress() == (3, 3)
        target = source_page.get_translation(locale(code))
        publish(target)
        target.refresh_from_db()
        assert target.live
        page = admin_client.get(target.url)
        assert page.status_code == 200
        assert f"[{code.upper()}] قافلة الإغاثة" in page.content.decode()


def test_machine_translation_uses_the_glossary(admin_client, source_page, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": STANDIN,
        "OPTIONS": {"GLOSSARY": {"fr": {"قافلة الإغاثة": "Le convoi humanitaire"}}},
    }
    translation = submit(admin_client, source_page, "fr")["fr"]
    admin_client.post(reverse("wagtail_localize:machine_translate", args=[translation.id]))
    french = StringTranslation.objects.filter(locale=locale("fr")).values_list("data", flat=True)
    assert "Le convoi humanitaire" in french
    assert "[FR] انطلقت القافلة من تونس العاصمة." in french


def test_po_export_edit_import_changes_the_french_page(admin_client, source_page, publish):
    translation = submit(admin_client, source_page, "fr")["fr"]
    download = admin_client.get(reverse("wagtail_localize:download_pofile", args=[translation.id]))
    assert download.status_code == 200
    po = polib.pofile(download.content.decode())
    assert {entry.msgid for entry in po} >= {"قافلة الإغاثة", "وصلت القافلة إلى القصرين."}
    texts = {
        "قافلة الإغاثة": "Le convoi humanitaire",
        "انطلقت القافلة من تونس العاصمة.": "Le convoi est parti de Tunis.",
        "وصلت القافلة إلى القصرين.": "Le convoi est arrivé à Kasserine.",
    }
    for entry in po:
        entry.msgstr = texts[entry.msgid]
    upload = admin_client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.id]),
        {"file": SimpleUploadedFile("fr.po", str(po).encode()), "next": "/admin/"},
    )
    assert upload.status_code == 302
    assert translation.get_progress() == (3, 3)
    french = source_page.get_translation(locale("fr"))
    publish(french)
    page = admin_client.get(french.get_url())
    body = page.content.decode()
    assert "Le convoi humanitaire" in body
    assert "Le convoi est arrivé à Kasserine." in body
    assert "وصلت القافلة" not in body


def test_a_po_file_for_another_translation_is_refused(admin_client, source_page):
    translations = submit(admin_client, source_page, "fr", "en")
    po = polib.pofile(
        admin_client.get(
            reverse("wagtail_localize:download_pofile", args=[translations["en"].id])
        ).content.decode()
    )
    for entry in po:
        entry.msgstr = "wrong file"
    admin_client.post(
        reverse("wagtail_localize:upload_pofile", args=[translations["fr"].id]),
        {"file": SimpleUploadedFile("en.po", str(po).encode()), "next": "/admin/"},
    )
    assert translations["fr"].get_progress() == (3, 0)


def test_sync_marks_only_the_changed_segment_for_retranslation(admin_client, source_page, publish):
    translation = submit(admin_client, source_page, "fr")["fr"]
    admin_client.post(reverse("wagtail_localize:machine_translate", args=[translation.id]))
    publish(source_page.get_translation(locale("fr")))

    # The communications officer rewrites the second paragraph of the Arabic page.
    source_page.refresh_from_db()
    blocks = [dict(block) for block in source_page.body.raw_data]  # blocks keep their ids
    blocks[0]["value"] = blocks[0]["value"].replace("القصرين", "سيدي بوزيد")
    source_page.body = blocks
    source_page.save_revision().publish()
    source = TranslationSource.objects.get(object_id=source_page.translation_key)
    response = admin_client.post(
        reverse("wagtail_localize:update_translations", args=[source.id]), {}
    )
    assert response.status_code == 302

    assert translation.get_progress() == (3, 2)  # exactly one segment to translate again
    french = {
        s.translation_of.data: s.data
        for s in StringTranslation.objects.filter(locale=locale("fr")).select_related(
            "translation_of"
        )
    }
    assert french["انطلقت القافلة من تونس العاصمة."] == "[FR] انطلقت القافلة من تونس العاصمة."
    assert french["قافلة الإغاثة"] == "[FR] قافلة الإغاثة"
    assert "وصلت القافلة إلى سيدي بوزيد." not in french
    # The published French page is untouched until the translator publishes again.
    body = admin_client.get(source_page.get_translation(locale("fr")).url).content.decode()
    assert "[FR] وصلت القافلة إلى القصرين." in body
