"""A page that went live and expired on schedule can be saved as a draft again."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from campaigns.models import StandardPage


def form_data(html, form_id="page-edit-form"):
    """What the browser would post from the admin's edit form, as it is shown."""
    soup = BeautifulSoup(html, "html.parser")
    form = (
        soup.find("form", id=form_id)
        if form_id
        else soup.find("form", method=re.compile("post", re.I))
    )
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file"):
            continue
        if field.name == "textarea":
            data[name] = field.text
        elif field.name == "select":
            selected = field.find("option", selected=True)
            data[name] = selected.get("value", "") if selected else ""
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        else:
            data[name] = field.get("value", "")
    data.setdefault("body-count", "0")  # the (empty) body stream, drawn by the admin's JS
    return data


@pytest.fixture
def expired_page(db):
    from home.models import HomePage

    home = HomePage.objects.get(locale__language_code="ar")
    page = home.add_child(instance=StandardPage(title="عرض محدود", slug="limited-offer"))
    now = timezone.now()
    page.go_live_at = now - datetime.timedelta(days=2)
    page.expire_at = now - datetime.timedelta(minutes=5)
    page.save_revision().publish()
    call_command("publish_scheduled", verbosity=0)  # expires it, as the scheduler does
    page.refresh_from_db()
    assert page.expired and not page.live
    return page


def test_an_expired_page_saves_as_a_draft(admin_client, expired_page):
    url = reverse("wagtailadmin_pages:edit", args=[expired_page.pk])
    data = form_data(admin_client.get(url).content.decode())
    data["title"] = "عرض محدود (نسخة جديدة)"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    draft = StandardPage.objects.get(pk=expired_page.pk).get_latest_revision_as_object()
    assert draft.title == "عرض محدود (نسخة جديدة)"
    assert draft.expire_at is None  # its expiry has done its job


def test_a_past_expiry_typed_by_the_editor_is_still_refused(admin_client, expired_page):
    url = reverse("wagtailadmin_pages:edit", args=[expired_page.pk])
    data = form_data(admin_client.get(url).content.decode())
    data["expire_at"] = "2001-01-01 10:00"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "expire_at" in response.context["form"].errors
