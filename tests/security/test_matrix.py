"""The permission matrix, run: every admin URL and API operation, for every role, against
objects of partner A and of partner B (tables and outcomes: ``tests/security/matrix.py``).

Each run collects every mismatch and every leaked private marker, then fails once with the
whole list, so one run shows all that is wrong.
"""

import json
import re

import pytest
from django.test import Client
from django.urls import NoReverseMatch, reverse

from campaigns.tracker.models import Contribution, Delivery, Need

from .matrix import (
    ADMIN,
    API,
    ROLES,
    admin_urls,
    api_operations,
    classify,
    markers,
    may_see,
    parse,
)

TRACKER_MODEL = re.compile(r"tracker/(need|contribution|delivery)/")
REDIRECTS = (301, 302, 303, 307, 308)


def outcome_of(response):
    """What a response means: ok, no, login or "error NNN"."""
    status = response.status_code
    if status in REDIRECTS:
        location = response["Location"]
        if "/admin/login/" in location:
            return "login"
        if re.fullmatch(r"(https?://[^/]+)?/admin/", location):
            return "no"  # Wagtail's "you do not have permission" redirect to the dashboard
        return "ok"
    if status < 400:
        return "ok"
    if status in (400, 401, 403, 404, 405):
        return "no"
    return f"error {status}"


def expected_outcome(expected, role, owner):
    if expected == "own":
        return "ok" if owner in (None, role) else "no"
    return expected


def agrees(expected, got, role, owner):
    if got.startswith("error"):
        return False
    expected = expected_outcome(expected, role, owner)
    if expected == "-":
        return True
    if expected == "no" and role == "anon" and got == "login":
        return True
    return got == expected


def body_of(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def leaks(role, text):
    """The private markers in ``text`` that ``role`` may not see."""
    return [
        value
        for org in ("A", "B")
        if not may_see(role, org)
        for value in markers(org).values()
        if value in text
    ]


def clients(world):
    found = {}
    for role in ROLES:
        client = Client(raise_request_exception=False)
        if world["users"][role] is not None:
            client.force_login(world["users"][role])
        found[role] = client
    return found


# --- Admin -------------------------------------------------------------------------------


def test_every_admin_url_is_classified():
    rows = parse(ADMIN)
    unknown = [route for route, _name, _kwargs in admin_urls() if classify(rows, route) is None]
    assert not unknown, f"Classify these admin URLs in tests/security/matrix.py: {unknown}"


def admin_path(name, kwarg_names, world, owner, model):
    """A concrete path for a URL pattern: the owner's object for a tracker entry's views."""
    home = world["campaign"].get_parent().pk
    values = {}
    for key in kwarg_names:
        if key in ("pk", "object_id", "id") and owner:
            values[key] = world["objects"][owner][model].pk
        elif key == "app_label":
            values[key] = "tracker"
        elif key == "model_name":
            values[key] = "contribution"
        elif key == "action":
            values[key] = "delete"
        elif key == "translation_id":
            values[key] = world["objects"]["B"]["translation"].pk
        elif key == "translation_source_id":
            values[key] = world["objects"]["B"]["translation"].source_id
        elif key == "mode":
            values[key] = "default"
        else:
            values[key] = home
    if not name:
        return None
    for attempt in (values, {k: str(v) for k, v in values.items()}, dict.fromkeys(values, "x")):
        try:
            return reverse(name, kwargs=attempt)
        except NoReverseMatch:
            continue
    return None


# Rows that assert nothing but "login" (Wagtail's own areas) run for these roles only: the
# partners, whose private values are at stake, and one communications role (runtime).
MARKER_ONLY_ROLES = ("anon", "A", "B", "editor")


def roles_to_run(outcomes):
    roles = [role for role in ROLES if outcomes[role] != "x"]
    if all(outcomes[role] == "-" for role in roles if role != "anon"):
        return [role for role in roles if role in MARKER_ONLY_ROLES]
    return roles


def test_admin_matrix(world):
    rows = parse(ADMIN)
    by_role = clients(world)
    problems, requests, unreachable = [], 0, []
    bulk_ids = "&".join(f"id={world['objects'][o]['contribution'].pk}" for o in ("A", "B"))
    for route, name, kwarg_names in admin_urls():
        outcomes = classify(rows, route)
        found = TRACKER_MODEL.search(route)
        with_object = found and any(k in ("pk", "object_id", "id") for k in kwarg_names)
        for owner in ("A", "B") if with_object else (None,):
            path = admin_path(name, kwarg_names, world, owner, found and found.group(1))
            if path is None:
                unreachable.append(route)
                continue
            if "/bulk/" in path:
                path += f"?{bulk_ids}"
            for role in roles_to_run(outcomes):
                response = by_role[role].get(path)
                requests += 1
                got = outcome_of(response)
                if not agrees(outcomes[role], got, role, owner):
                    problems.append(f"{role} GET {path}: {got}, expected {outcomes[role]}")
                if response.status_code < 400 and (leaked := leaks(role, body_of(response))):
                    problems.append(f"{role} GET {path} shows {leaked}")
    print(f"admin matrix: {len(admin_urls())} URL patterns, {requests} requests")
    assert not problems, "\n".join(problems)
    assert len(unreachable) < 10, unreachable


# --- Tracker API -------------------------------------------------------------------------


@pytest.fixture
def api_schema(db, client):
    response = client.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    return json.loads(response.content)


def test_every_api_operation_is_classified(api_schema):
    rows = parse(API)
    unknown = [op for op in api_operations(api_schema) if classify(rows, op) is None]
    assert not unknown, f"Classify these API operations in tests/security/matrix.py: {unknown}"


def api_clients(world):
    """Anonymous, each partner's key, and the logged-in admin roles (sessions: anonymous)."""
    found = clients(world)
    for org in ("A", "B"):
        found[org] = Client(
            raise_request_exception=False, HTTP_AUTHORIZATION=f"Bearer {world['keys'][org]}"
        )
    return found


def api_request(operation, world, owner):
    """(path, body) for one operation against ``owner``'s objects (``None``: no object)."""
    method, path = operation.split(" ", 1)
    objects = world["objects"][owner or "A"]
    campaign = world["campaign"]
    if "{" in path:
        kind = path.split("/")[3]
        ids = {
            "needs": objects["need"].pk,
            "contributions": objects["contribution"].pk,
            "deliveries": objects["delivery"].pk,
            "campaigns": campaign.pk,
            "partners": world["partners"][owner or "A"].pk,
            "regions": "TN-42",
        }
        path = re.sub(r"\{[^}]+\}", str(ids.get(kind, 1)), path)
    if method == "GET":
        return path, None
    need = objects["need"]
    body = {
        "/api/v1/needs/": {
            "campaign": campaign.pk, "partner": world["partners"][owner].pk,
            "category": "food", "region": "TN-42", "title": "Matrix need",
            "quantity": "5", "unit": "parcel",
        },
        "/api/v1/contributions/": {
            "need": need.pk, "kind": "in_kind", "quantity": "1", "unit": "parcel",
        },
        "/api/v1/deliveries/": {"need": need.pk, "quantity": "1", "delivered_on": "2020-05-21"},
    }.get(path)  # fmt: skip
    if body is None:
        body = {"status": "distributed"} if path.endswith("/status/") else {}
    return path, body


def figures_of(world, org):
    need = world["objects"][org]["need"]
    return (
        Need.objects.count(),
        Contribution.objects.filter(need=need).count(),
        Delivery.objects.filter(need=need).count(),
    )


def test_api_matrix(world, api_schema, settings):
    settings.TRACKER_API_THROTTLE = {"anon": "100000/min", "key": "100000/min"}
    rows = parse(API)
    by_role = api_clients(world)
    problems, requests = [], 0
    for operation in api_operations(api_schema):
        outcomes = classify(rows, operation)
        has_object = "{" in operation or operation.startswith("POST")
        for owner in ("A", "B") if has_object else (None,):
            for role in ROLES:
                path, body = api_request(operation, world, owner)
                client = by_role[role]
                if body is None:
                    response = client.get(path)
                else:
                    before = {org: figures_of(world, org) for org in ("A", "B")}
                    response = client.post(path, json.dumps(body), content_type="application/json")
                requests += 1
                got = outcome_of(response)
                if not agrees(outcomes[role], got, role, owner):
                    problems.append(f"{role} {operation} ({owner}): {response.status_code}")
                if body is not None and got == "no":
                    if {org: figures_of(world, org) for org in ("A", "B")} != before:
                        problems.append(f"{role} {operation} ({owner}) refused but wrote")
                    errors = response.json().get("errors")
                    if role in ("A", "B") and not errors:
                        problems.append(f"{role} {operation} ({owner}): no field named")
                if leaked := leaks(role, body_of(response)):
                    problems.append(f"{role} {operation} ({owner}) shows {leaked}")
    print(f"API matrix: {len(api_operations(api_schema))} operations, {requests} requests")
    assert not problems, "\n".join(problems)
