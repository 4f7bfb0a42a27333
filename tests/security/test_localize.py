"""wagtail-localize's admin views never let partner staff read or rewrite another partner's
need translations (issue 14): every URL of the ``wagtail_localize`` namespace, from the URL
resolver, as partner A against partner B's need translated to French."""

import pytest
from django.test import Client
from django.urls import NoReverseMatch, reverse
from wagtail_localize.models import StringTranslation

from campaigns.tracker.models import Need

from .conftest import french_text
from .matrix import admin_urls

LOCALIZE = [
    (route, name, kwargs) for route, name, kwargs in admin_urls() if "localize" in (name or "")
]


def path_for(name, kwarg_names, world):
    """A concrete path aimed at B's need and its French translation."""
    need = world["objects"]["B"]["need"]
    translation = world["objects"]["B"]["translation"]
    values = {
        "translation_id": translation.pk,
        "translation_source_id": translation.source_id,
        "app_label": "tracker",
        "model_name": "need",
        "pk": need.pk,
        "page_id": world["campaign"].pk,
        "mode": "default",
        "string_segment_id": translation.source.stringsegment_set.first().pk,
        "overridable_segment_id": 1,
    }
    try:
        return reverse(name, kwargs={k: values[k] for k in kwarg_names})
    except (NoReverseMatch, KeyError):
        return None


def french_state(world):
    need = world["objects"]["B"]["need"]
    return sorted(StringTranslation.objects.values_list("pk", "data")), sorted(
        Need.objects.filter(translation_key=need.translation_key).values_list("locale", "title")
    )


def test_the_namespace_is_found():
    assert len(LOCALIZE) >= 15, LOCALIZE


@pytest.mark.parametrize("method", ["get", "post"])
def test_partner_staff_never_reach_another_partners_translation(world, method):
    client = Client(raise_request_exception=False)
    client.force_login(world["users"]["A"])
    before = french_state(world)
    problems = []
    for route, name, kwarg_names in LOCALIZE:
        path = path_for(name, kwarg_names, world)
        assert path is not None, route
        if method == "post":
            body = {"file": "", "value": "RÉÉCRIT PAR A", "csrfmiddlewaretoken": "x"}
            response = client.post(path, body)
        else:
            response = client.get(path)
        text = b"".join(response.streaming_content) if response.streaming else response.content
        if name.endswith("javascript_catalog") and method == "get":
            continue  # the static gettext catalogue: no data
        if response.status_code < 300 or french_text("B").encode() in text or b"Need of B" in text:
            problems.append(f"{method.upper()} {path}: {response.status_code}")
    assert not problems, "\n".join(problems)
    assert french_state(world) == before


def test_po_upload_as_partner_changes_nothing(world):
    translation = world["objects"]["B"]["translation"]
    admin = Client()
    admin.force_login(world["users"]["admin"])
    download = f"/admin/localize/translate/{translation.pk}/pofile/download/"
    po = admin.get(download).content.decode().replace(french_text("B"), "RÉÉCRIT PAR A")
    assert "RÉÉCRIT PAR A" in po  # the administrator may, so the upload below is a real one
    client = Client()
    client.force_login(world["users"]["A"])
    before = french_state(world)
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("b.po", po.encode(), content_type="text/x-gettext-translation")
    response = client.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/", {"file": upload}
    )
    assert response.status_code == 403
    assert french_state(world) == before
    assert client.get(download).status_code == 403
    assert client.get("/admin/localize/reports/translations/").status_code == 403


# --- Communications roles (docs/roles.md): translators translate pages, never a need -------

OBJECT_VIEWS = [(r, n, k) for r, n, k in LOCALIZE if set(k) - {"page_id"} and "page_id" not in k]


@pytest.mark.parametrize("role", ["editor", "moderator", "translator", "press"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_no_communications_role_reaches_a_needs_translation(world, role, method):
    client = Client(raise_request_exception=False)
    client.force_login(world["users"][role])
    before = french_state(world)
    reached = []
    for _route, name, kwarg_names in OBJECT_VIEWS:
        path = path_for(name, kwarg_names, world)
        body = {"file": "", "value": "RÉÉCRIT", "csrfmiddlewaretoken": "x"}
        response = client.post(path, body) if method == "post" else client.get(path)
        if response.status_code < 300:
            reached.append(f"{method.upper()} {path}: {response.status_code}")
    assert not reached, "\n".join(reached)
    assert french_state(world) == before


def test_the_snippet_api_lists_contributions_to_no_communications_role(world):
    path = "/admin/localize/api/snippets/tracker/contribution/"
    contribution = world["objects"]["A"]["contribution"]
    for role in ("editor", "moderator", "translator", "press"):
        client = Client()
        client.force_login(world["users"][role])
        response = client.get(path)
        assert response.status_code == 403, role
        assert str(contribution) not in response.content.decode()
    admin = Client()
    admin.force_login(world["users"]["admin"])
    assert str(contribution) in admin.get(path).content.decode()


@pytest.mark.parametrize(("role", "status"), [("editor", 403), ("press", 403), ("translator", 200)])
def test_the_translations_report_is_the_translators(world, role, status):
    client = Client()
    client.force_login(world["users"][role])
    assert client.get("/admin/localize/reports/translations/").status_code == status
