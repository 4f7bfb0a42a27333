"""The demo: one user per role (three partner staff), a page waiting in moderation, idempotent."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import WorkflowState

from campaigns.demo.people import DEMO_USERS
from campaigns.tracker import services

pytestmark = pytest.mark.django_db


def test_one_demo_user_per_role():
    User = get_user_model()
    for username, role, _language, organisation in DEMO_USERS:
        user = User.objects.get(username=username)
        assert list(user.groups.values_list("name", flat=True)) == [role]
        assert user.has_usable_password() and not user.is_superuser
        if organisation:
            assert services.partners_for(user).get().slug == organisation


def test_the_demo_has_two_people_of_one_partner_and_one_of_another():
    """What a new user needs to try a confirmation by a second person and the isolation."""
    User = get_user_model()
    slugs = {
        name: services.partners_for(User.objects.get(username=name)).get().slug
        for name in ("demo-partner", "demo-partner-2", "demo-partner-b")
    }
    assert slugs["demo-partner"] == slugs["demo-partner-2"] == "ltdh"
    assert slugs["demo-partner-b"] != "ltdh"


def test_a_page_waits_in_moderation():
    state = WorkflowState.objects.get(status="in_progress", base_content_type__model="page")
    assert state.requested_by.username == "demo-editor"
    assert not state.content_object.live


def test_second_run_creates_nothing_and_prints_no_password():
    users = get_user_model().objects.count()
    states = WorkflowState.objects.count()
    out = io.StringIO()
    call_command("load_demo_content", stdout=out)
    assert get_user_model().objects.count() == users
    assert WorkflowState.objects.count() == states
    assert "Demo users: already present" in out.getvalue()
    assert "passwords are shown only this once" not in out.getvalue()
