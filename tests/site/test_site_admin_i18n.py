"""The admin for people working in Arabic: an account that can change its language, addresses
left to right, a partner chooser that opens at the partners, countries in the user's order."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from campaigns.models import CampaignPage
from tests.site.test_site_expired_schedule import form_data


@pytest.fixture
def make_run_admin(db):
    """The administrator ``make run`` creates, logged in."""
    get_user_model().objects.filter(is_superuser=True).delete()
    call_command("ensure_admin", stdout=io.StringIO())
    client = Client()
    client.force_login(get_user_model().objects.get(username="admin"))
    return client


def test_the_make_run_admin_changes_its_language(make_run_admin):
    url = reverse("wagtailadmin_account")
    data = form_data(make_run_admin.get(url).content.decode(), form_id=None)
    language_field = next(name for name in data if name.endswith("preferred_language"))
    data[language_field] = "fr"
    response = make_run_admin.post(url, data)
    assert response.status_code == 302, re.findall(
        r"error-message[^<]*<[^>]*>([^<]*)", response.content.decode()
    )
    admin = get_user_model().objects.get(username="admin")
    assert UserProfile.get_for_user(admin).preferred_language == "fr"
    page = make_run_admin.get(reverse("wagtailadmin_home")).content.decode()
    assert 'lang="fr"' in page


def test_an_older_admin_without_names_gets_them(db):
    get_user_model().objects.filter(is_superuser=True).delete()
    get_user_model().objects.create_superuser("old-admin", "a@example.org", "pw")
    call_command("ensure_admin", stdout=io.StringIO())
    admin = get_user_model().objects.get(username="old-admin")
    assert admin.first_name and admin.last_name


def test_addresses_are_left_to_right_in_the_admin(admin_client, demo):
    page = admin_client.get(reverse("wagtailadmin_pages:edit", args=[demo["campaign"].pk]))
    html = page.content.decode()
    assert 'dir="rtl"' in html
    css_url = re.search(r'href="([^"]*css/admin\.css)"', html).group(1)
    from django.contrib.staticfiles import finders

    with open(finders.find("css/admin.css"), encoding="utf-8") as handle:
        css = handle.read()
    assert css_url.endswith("css/admin.css")
    assert re.search(r'input\[type="url"\][^{]*\{[^}]*direction: ltr', css, re.S)
    assert 'input[type="email"]' in css and "phone" in css
    assert 'type="url"' in html  # the giving channel's online address is such an input


def country_labels(language):
    with translation.override(language):
        form_class = CampaignPage.get_edit_handler().get_form_class()
        form = form_class(instance=CampaignPage(), for_user=None)
        return [str(label) for value, label in form.fields["country"].choices if value]


def test_a_donor_contact_reads_in_the_direction_of_its_own_text(admin_client, demo):
    """The trial's input: «+216 71 000 000» typed in the Arabic admin read «000 000 71 216+»."""
    html = admin_client.get(reverse("wagtailsnippets_tracker_contribution:add")).content.decode()
    [field] = re.findall(r"<textarea[^>]*name=\"donor_contact\"[^>]*>", html)
    assert 'dir="auto"' in field


def test_a_membership_chooses_its_partner_with_the_partner_chooser(admin_client, demo):
    """Opens at the partners index, as the campaign's partner rows do (browser-tested there)."""
    html = admin_client.get(
        reverse("wagtailsnippets_tracker_partnermembership:add")
    ).content.decode()
    assert 'new PartnerPageChooser("id_partner"' in html


@pytest.mark.django_db
def test_countries_are_listed_in_the_users_language_order():
    french = country_labels("fr")
    assert french.index("Arabie saoudite") < french.index("Bahreïn") < french.index("Qatar")
    arabic = country_labels("ar")
    # Arabic order ignores the article: الأردن, الإمارات, البحرين, تونس, الجزائر …
    assert arabic[:4] == ["الأردن", "الإمارات العربية المتحدة", "البحرين", "تونس"]
    assert arabic[-1] == "اليمن"


ANONYMOUS_ADMIN_FORMS = ["/admin/login/", "/admin/password_reset/"]


def _labels(client, path, language):
    html = client.get(path, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    return [
        re.sub(r"<[^>]+>|\*|\s+", " ", label).strip()
        for label in re.findall(r"<label[^>]*>(.*?)</label>", html, re.S)
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ANONYMOUS_ADMIN_FORMS)
@pytest.mark.parametrize("language", ["ar", "fr"])
def test_the_admin_forms_before_login_are_labelled_in_the_users_language(client, path, language):
    english = _labels(client, path, "en")
    assert english, path
    translated = _labels(client, path, language)
    assert len(translated) == len(english)
    untranslated = [
        label for label, source in zip(translated, english, strict=True) if label == source
    ]
    assert untranslated == []
