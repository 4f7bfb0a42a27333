"""Admin listings: every search box answers (SQLite and PostgreSQL, staff and partner staff),
folds Arabic like the public search, and the needs listing shows each need once."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import NoReverseMatch, get_resolver, reverse
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets import viewsets
from wagtail.snippets.views.snippets import SnippetViewSet

from campaigns.tracker import services
from campaigns.tracker.models import Need

from .conftest import gift, make_user

HAMZA_TITLE = "أدوية الأمراض المزمنة في قفصة"


def searchable_viewsets():
    """(label, index URL name) of every registered admin listing with a search box."""
    assert get_resolver().url_patterns  # the admin's viewsets register when its URLs load
    found = {}
    for viewset in viewsets.viewsets:
        view_class = getattr(viewset, "index_view_class", None)
        model = getattr(viewset, "model", None)
        if model is None or not (
            isinstance(view_class, type) and issubclass(view_class, IndexView)
        ):
            continue
        view = view_class(model=model, search_fields=getattr(viewset, "search_fields", None))
        if view.search_fields or getattr(model, "search_fields", None):
            view_name = "list" if isinstance(viewset, SnippetViewSet) else "index"
            try:
                reverse(viewset.get_url_name(view_name))
            except NoReverseMatch:  # Wagtail's page explorer: no listing of its own
                continue
            found[model._meta.label] = viewset.get_url_name(view_name)
    return sorted(found.items())


SEARCHABLE = searchable_viewsets()


@pytest.fixture
def partner_client(client, member):
    group = Group.objects.create(name="Partner staff (search test)")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="tracker", codename__startswith="view_"),
        *Permission.objects.filter(content_type__app_label="tracker", codename__startswith="add_"),
        *Permission.objects.filter(
            content_type__app_label="tracker", codename__startswith="change_"
        ),
    )
    member.groups.add(group)
    client.force_login(member)
    return client


@pytest.fixture
def medicines(campaign, partner):
    from campaigns.tracker.models import Region

    need = services.create_need(
        user=services.SYSTEM,
        campaign=campaign,
        partner=partner,
        category="medicine",
        region=Region.objects.get(code="TN-71"),
        title=HAMZA_TITLE,
        quantity="25",
        unit="box",
    )
    gift(need, quantity="5", reference="REF-أدوية", donor_name="إيمان")
    return need


def test_every_admin_search_box_has_listings(db):
    labels = dict(SEARCHABLE)
    for label in ("tracker.Need", "tracker.Contribution", "tracker.Delivery", "tracker.Region"):
        assert label in labels


@pytest.mark.parametrize(("label", "url_name"), SEARCHABLE, ids=[s[0] for s in SEARCHABLE])
@pytest.mark.parametrize("word", ["ادوية", "٢٥", "-"])
def test_admin_search_box_never_fails(
    admin_client, partner_client, medicines, label, url_name, word
):
    for who, client in (("staff", admin_client), ("partner", partner_client)):
        response = client.get(reverse(url_name), {"q": word})
        assert response.status_code in (200, 302, 403), (who, response.status_code)


@pytest.mark.parametrize("word", ["أدوية", "ادوية", "الادويه", "قفصه"])
def test_needs_search_folds_arabic(admin_client, partner_client, medicines, word):
    for client in (admin_client, partner_client):
        page = client.get(reverse("wagtailsnippets_tracker_need:list"), {"q": word})
        assert page.status_code == 200
        assert HAMZA_TITLE in page.content.decode()


@pytest.mark.parametrize(
    ("model", "word", "expected"),
    [
        ("contribution", "ايمان", "REF-أدوية"),
        ("contribution", "ادوية", "REF-أدوية"),
        ("region", "اريانة", "أريانة"),
        ("region", "اريانه", "أريانة"),
    ],
)
def test_other_listings_fold_arabic(admin_client, medicines, model, word, expected):
    page = admin_client.get(reverse(f"wagtailsnippets_tracker_{model}:list"), {"q": word})
    assert page.status_code == 200
    assert expected in page.content.decode()


def test_needs_listing_shows_each_need_once_in_the_users_language(admin_client, medicines):
    from wagtail.models import Locale

    french = medicines.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.title = "Médicaments pour maladies chroniques à Gafsa"
    french.save()
    count = Need.objects.filter(campaign=medicines.campaign, locale=medicines.locale).count()
    url = reverse("wagtailsnippets_tracker_need:list")
    filters = {"campaign": medicines.campaign_id}
    set_admin_language(admin_client, "fr")
    response = admin_client.get(url, filters)
    rows = [need.title for need in response.context["object_list"]]
    assert len(rows) == count == response.context["paginator"].count
    assert "Médicaments pour maladies chroniques à Gafsa" in rows
    assert HAMZA_TITLE not in rows  # the French row stands for it
    assert "Médicaments pour maladies chroniques" in response.content.decode()
    # The language filter shows the Arabic rows (the sources) only.
    response = admin_client.get(url, {**filters, "language": "ar"})
    rows = [need.title for need in response.context["object_list"]]
    assert HAMZA_TITLE in rows and "Médicaments pour maladies chroniques à Gafsa" not in rows


def set_admin_language(client, code):
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(
        get_user_model().objects.get(pk=client.session["_auth_user_id"])
    )
    profile.preferred_language = code
    profile.save()


def test_needs_listing_counts_each_need_once(admin_client, demo_campaign):
    sources = Need.objects.filter(campaign=demo_campaign, locale=demo_campaign.locale).count()
    assert Need.objects.filter(campaign=demo_campaign).count() > sources  # translated demo
    response = admin_client.get(
        reverse("wagtailsnippets_tracker_need:list"), {"campaign": demo_campaign.pk}
    )
    assert response.context["paginator"].count == sources


def test_a_partner_search_is_scoped(partner_client, medicines, other_partner, campaign):
    services.create_need(
        user=services.SYSTEM,
        campaign=campaign,
        partner=other_partner,
        category="medicine",
        region=medicines.region,
        title="أدوية لشريك آخر",
        quantity="3",
        unit="box",
    )
    page = partner_client.get(reverse("wagtailsnippets_tracker_need:list"), {"q": "ادوية"})
    assert HAMZA_TITLE in page.content.decode()
    assert "أدوية لشريك آخر" not in page.content.decode()


def test_staff_without_superuser_search(client, medicines):
    user = make_user("comms-search")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="manage_all_partners"),
        Permission.objects.get(codename="view_need"),
    )
    client.force_login(user)
    page = client.get(reverse("wagtailsnippets_tracker_need:list"), {"q": "ادوية"})
    assert page.status_code == 200 and HAMZA_TITLE in page.content.decode()
