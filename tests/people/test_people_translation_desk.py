"""Translators find the Arabic pages to translate (Wagtail has no view-only page permission,
so the explorer hides the Arabic tree from them) and get a translation published through the
moderation workflow (wagtail-localize's editor offers "Publish" only to those who may)."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import Translation

from campaigns.models import StandardPage
from home.models import HomePage

from .test_people_workflow import act

pytestmark = pytest.mark.django_db

DESK = "/admin/translate/"


@pytest.fixture
def volunteer_page():
    """A new Arabic page, published, with no translation yet."""
    home = HomePage.objects.get(locale__language_code="ar")
    page = home.add_child(instance=StandardPage(title="تطوعوا معنا", slug="volunteer"))
    page.save_revision().publish()
    return page


def test_the_desk_lists_arabic_pages_with_a_translate_button(client, translator, volunteer_page):
    client.force_login(translator)
    home = client.get("/admin/")
    assert DESK in home.content.decode()  # in the menu
    response = client.get(DESK)
    assert response.status_code == 200
    text = response.content.decode()
    assert "تطوعوا معنا" in text
    translate = reverse("wagtail_localize:submit_page_translation", args=[volunteer_page.pk])
    assert f'href="{translate}?next=' in text
    # The demo campaign is translated: its French page is linked for editing.
    french = volunteer_page.get_parent().get_children().filter(slug="jesr").first()
    french = french.get_translation(Locale.objects.get(language_code="fr"))
    assert reverse("wagtailadmin_pages:edit", args=[french.pk]) in text


def test_a_translator_translates_submits_and_a_moderator_publishes(
    client, translator, moderator, volunteer_page, mailoutbox, django_capture_on_commit_callbacks
):
    french_locale = Locale.objects.get(language_code="fr")
    client.force_login(translator)
    with django_capture_on_commit_callbacks(execute=True):  # as a real request commits
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[volunteer_page.pk]),
            {"locales": [french_locale.pk]},
        )
    assert response.status_code == 302
    french = volunteer_page.get_translation(french_locale)
    assert not french.live  # a draft, though its source is live
    assert client.get(f"/fr/{french.slug}/").status_code == 404
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[french.pk])).content.decode()
    translation = Translation.objects.get(
        target_locale=french_locale, source__object_id=french.translation_key
    )
    submit = reverse("translation_desk_submit", args=[translation.pk])
    assert f'action="{submit}"' in editor
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(submit)
    assert response.status_code == 302
    state = WorkflowState.objects.get(object_id=str(french.pk), status="in_progress")
    assert state.requested_by == translator
    assert moderator.email in {address for message in mailoutbox for address in message.to}
    french.refresh_from_db()
    assert not french.live

    client.force_login(moderator)
    assert act(client, french, "approve").status_code in (200, 302)
    french.refresh_from_db()
    assert french.live
    assert client.get(french.url).status_code == 200


def test_a_live_translation_sent_for_review_stays_as_it_was_until_approved(
    client, translator, moderator, django_capture_on_commit_callbacks
):
    """The trial's input: the translator typed ESSAI-NON-APPROUVE as the French campaign's
    title and submitted it; it was on /fr/ while the moderator's task was still pending."""
    from wagtail_localize.models import StringSegment, StringTranslation

    from campaigns.models import CampaignPage

    french_locale = Locale.objects.get(language_code="fr")
    french = CampaignPage.objects.get(slug="jesr", locale=french_locale)
    translation = Translation.objects.get(
        target_locale=french_locale, source__object_id=french.translation_key
    )
    title = StringSegment.objects.get(source=translation.source, context__path="title")
    StringTranslation.objects.update_or_create(
        translation_of=title.string,
        locale=french_locale,
        context=title.context,
        defaults={"data": "ESSAI-NON-APPROUVE"},
    )
    partners = list(french.campaign_partners.values_list("pk", "partner_id"))
    client.force_login(translator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("translation_desk_submit", args=[translation.pk]))
    assert response.status_code == 302
    assert "ESSAI-NON-APPROUVE" not in client.get("/fr/jesr/").content.decode()
    french.refresh_from_db()
    assert french.live and french.title != "ESSAI-NON-APPROUVE"
    assert french.get_latest_revision_as_object().title == "ESSAI-NON-APPROUVE"
    assert list(french.campaign_partners.values_list("pk", "partner_id")) == partners

    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        assert act(client, french, "approve").status_code in (200, 302)
    assert "ESSAI-NON-APPROUVE" in client.get("/fr/jesr/").content.decode()


def test_those_who_may_publish_see_no_submit_button(admin_client, volunteer_page):
    french_locale = Locale.objects.get(language_code="fr")
    admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[volunteer_page.pk]),
        {"locales": [french_locale.pk]},
    )
    french = volunteer_page.get_translation(french_locale)
    page = admin_client.get(reverse("wagtailadmin_pages:edit", args=[french.pk]))
    assert "js-translation-editor" in page.content.decode()
    assert "translation-submit" not in page.content.decode()


def test_partner_staff_are_refused(client, partner_staff, volunteer_page):
    """Wagtail answers a refused admin view with a redirect to the dashboard."""
    client.force_login(partner_staff)
    desk = client.get(DESK)
    assert desk.status_code in (302, 403) and "تطوعوا معنا" not in desk.content.decode()
    translation = Translation.objects.first()
    submit = client.post(reverse("translation_desk_submit", args=[translation.pk]))
    assert submit.status_code in (302, 403)
    assert not WorkflowState.objects.filter(requested_by=partner_staff).exists()


def test_a_translator_who_sends_a_page_for_two_languages_comes_back_to_the_desk(
    client, translator, volunteer_page
):
    """Sent from the desk for French and English, the translator landed in the explorer on
    the Arabic home page, which shows them nothing («0 صفحات», the second trial of issue 19).
    They come back to the desk, where both new translations are there to open."""
    client.force_login(translator)
    desk = client.get(DESK).content.decode()
    translate = reverse("wagtail_localize:submit_page_translation", args=[volunteer_page.pk])
    start = desk.index(f'href="{translate}')
    link = desk[start + len('href="') : desk.index('"', start + len('href="'))]
    locales = Locale.objects.filter(language_code__in=["fr", "en"])
    response = client.post(link.replace("&amp;", "&"), {"locales": [x.pk for x in locales]})
    assert response.status_code == 302
    assert response["Location"] == DESK
    desk = client.get(DESK).content.decode()
    for locale in locales:
        draft = volunteer_page.get_translation(locale)
        assert reverse("wagtailadmin_pages:edit", args=[draft.pk]) in desk


@pytest.mark.parametrize(
    "language,expected",
    [
        ("fr", "La traduction en français de « "),
        ("en", "' in French was submitted for moderation."),
    ],
)
def test_the_submitted_message_names_the_language_as_a_sentence_does(
    client, translator, volunteer_page, language, expected
):
    """The French admin said «« [FR] … » en Français a été soumise à la modération.»: no
    subject, and a language capitalised inside a sentence (fresh-eyes trial)."""
    from django.contrib.messages import get_messages
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(translator)
    profile.preferred_language = language
    profile.save()
    client.force_login(translator)
    french_locale = Locale.objects.get(language_code="fr")
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[volunteer_page.pk]),
        {"locales": [french_locale.pk]},
    )
    french = volunteer_page.get_translation(french_locale)
    translation = Translation.objects.get(
        target_locale=french_locale, source__object_id=french.translation_key
    )
    response = client.post(reverse("translation_desk_submit", args=[translation.pk]))
    said = [str(message) for message in get_messages(response.wsgi_request)]
    assert any(expected in message for message in said), said
    assert not any("Français" in message for message in said), said
