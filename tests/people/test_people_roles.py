"""Each role opens and changes only what its job needs, in the admin."""

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission

from campaigns.people import roles
from campaigns.press.models import PressReleasePage

pytestmark = pytest.mark.django_db


def opens(client, user, url):
    """True when the user gets the screen (200), not a refusal or a redirect away."""
    client.force_login(user)
    return client.get(url).status_code == 200


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


@pytest.fixture
def pages(campaign):
    from wagtail.models import Locale

    release = PressReleasePage.objects.get(locale__language_code="ar")
    return {
        "campaign": campaign,
        "campaign_fr": campaign.get_translation(Locale.objects.get(language_code="fr")),
        "release": release,
        "users": reverse("wagtailusers_users:index"),
        "groups": reverse("wagtailusers_groups:index"),
        "offers": reverse("people_offers:index"),
        "invitations": reverse("people_invitations:index"),
        "images": reverse("wagtailimages:index"),
        "workflows": reverse("wagtailadmin_workflows:index"),
    }


def test_every_role_is_a_group_with_exactly_its_permissions():
    for name in roles.ROLE_NAMES:
        group = Group.objects.get(name=name)
        expected = set(roles.MODEL_PERMISSIONS[name])
        for app_label in roles.APP_PERMISSIONS.get(name, []):
            expected |= {
                f"{app_label}.{p.codename}" for p in roles._app_permissions(django_apps, app_label)
            }
        actual = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
        assert actual == expected, name
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()


def test_every_role_gets_its_rights_back_after_a_flush_removed_the_data_migrations_rows():
    """A flushed database (the browser tests' live server) has lost the permissions that a
    library's data migration wrote; sync_roles, which post_migrate runs, gives each role
    every right again."""
    from django.contrib.auth.models import Permission, User

    for dotted in roles.MIGRATION_PERMISSIONS:
        app_label, codename = dotted.split(".")
        Permission.objects.filter(content_type__app_label=app_label, codename=codename).delete()
    roles.sync_roles(django_apps)

    translator = User.objects.create_user("after-flush")
    translator.groups.add(Group.objects.get(name=roles.TRANSLATOR))
    assert translator.has_perm("wagtail_localize.submit_translation")
    assert translator.has_perm("wagtailadmin.access_admin")
    test_every_role_is_a_group_with_exactly_its_permissions()


def test_partner_staff_has_no_page_rights_and_translators_no_arabic_tree():
    staff = Group.objects.get(name=roles.PARTNER_STAFF)
    assert not GroupPagePermission.objects.filter(group=staff).exists()
    translator = Group.objects.get(name=roles.TRANSLATOR)
    languages = set(
        GroupPagePermission.objects.filter(group=translator).values_list(
            "page__locale__language_code", flat=True
        )
    )
    assert languages == {"fr", "en"}
    codenames = set(
        GroupPagePermission.objects.filter(group=translator).values_list(
            "permission__codename", flat=True
        )
    )
    assert "publish_page" not in codenames


def test_editor(client, editor, pages):
    assert opens(client, editor, edit_url(pages["campaign"]))
    html = client.get(edit_url(pages["campaign"])).content.decode()
    assert 'name="action-submit"' in html and 'name="action-publish"' not in html
    for refused in ("users", "groups", "offers", "invitations", "workflows"):
        assert not opens(client, editor, pages[refused]), refused
    assert opens(client, editor, pages["images"])


def test_moderator(client, moderator, pages):
    html_ok = opens(client, moderator, edit_url(pages["campaign"]))
    assert html_ok
    assert 'name="action-publish"' in client.get(edit_url(pages["campaign"])).content.decode()
    for refused in ("users", "groups", "offers", "invitations"):
        assert not opens(client, moderator, pages[refused]), refused


def test_translator(client, translator, pages):
    assert not opens(client, translator, edit_url(pages["campaign"]))  # Arabic source
    assert opens(client, translator, edit_url(pages["campaign_fr"]))  # its translation
    html = client.get(edit_url(pages["campaign_fr"])).content.decode()
    assert "action-publish" not in html
    for refused in ("release", "users", "offers", "invitations"):
        target = edit_url(pages[refused]) if refused == "release" else pages[refused]
        assert not opens(client, translator, target), refused


def test_press_officer(client, press_officer, pages):
    assert opens(client, press_officer, edit_url(pages["release"]))
    assert 'name="action-publish"' in client.get(edit_url(pages["release"])).content.decode()
    assert not opens(client, press_officer, edit_url(pages["campaign"]))
    for refused in ("users", "offers", "invitations"):
        assert not opens(client, press_officer, pages[refused]), refused


def test_partner_staff(client, partner_staff, pages):
    assert opens(client, partner_staff, pages["offers"])
    for refused in ("users", "groups", "invitations", "images", "workflows"):
        assert not opens(client, partner_staff, pages[refused]), refused
    assert not opens(client, partner_staff, edit_url(pages["campaign"]))
    assert not opens(client, partner_staff, edit_url(pages["release"]))


def test_administrator_opens_everything(client, admin_user, pages):
    for key in ("users", "groups", "offers", "invitations", "workflows"):
        assert opens(client, admin_user, pages[key]), key
    assert opens(client, admin_user, edit_url(pages["campaign"]))


def test_admin_menu_shows_only_what_the_role_uses(client, partner_staff, editor):
    client.force_login(partner_staff)
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("people_offers:index") in menu
    assert reverse("people_invitations:index") not in menu
    client.force_login(editor)
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("people_offers:index") not in menu
