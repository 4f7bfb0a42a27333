"""Hostile input to the tracker API: never a 500, always the JSON error shape naming the field,
in the client's language, and a refused write leaves the database as it was."""

import json

import pytest

from campaigns.api.models import IdempotencyRecord
from campaigns.tracker.models import Contribution, Delivery, Need, ScopedLogEntry
from tests.api.conftest import ApiClient
from tests.tracker.conftest import gift

pytestmark = pytest.mark.django_db

HUGE = 10**24  # beyond any 64-bit id or count


def counts():
    return tuple(
        model.objects.count()
        for model in (Need, Contribution, Delivery, ScopedLogEntry, IdempotencyRecord)
    )


def assert_refused(response, field, status=400):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert field in body["errors"], body
    return body


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/v1/contributions/", {"kind": "\ud800"}),
        ("/api/v1/contributions/", {"unit": "\ud800"}),
        ("/api/v1/contributions/", {"status": "a\ud800b"}),
        ("/api/v1/needs/", {"urgency": "\ud800"}),
        ("/api/v1/needs/", {"region": "TN\x0042"}),
        ("/api/v1/deliveries/", {"region": "\x00"}),
    ],
)
def test_text_that_is_not_text_is_400_naming_the_field(client_for, need, path, body):
    """A lone surrogate broke the error message's encoding; a NUL broke PostgreSQL."""
    field = next(iter(body))
    before = counts()
    response = client_for.post(
        path, json.dumps(body), content_type="application/json", HTTP_ACCEPT_LANGUAGE="fr"
    )
    payload = assert_refused(response, field)
    assert "ne peut contenir ni caractère NUL" in payload["errors"][field][0]
    assert counts() == before


def test_a_field_name_that_is_not_text_is_refused_as_a_whole(client_for):
    response = client_for.post(
        "/api/v1/contributions/", '{"\\ud800": 1}', content_type="application/json"
    )
    assert_refused(response, "non_field_errors")


def test_the_status_change_refuses_a_lone_surrogate(client_for, need):
    contribution = gift(need, status="pledged")
    response = client_for.post_json(
        f"/api/v1/contributions/{contribution.pk}/status/",
        {"status": "\udfff"},
        HTTP_ACCEPT_LANGUAGE="ar",
    )
    payload = assert_refused(response, "status")
    assert "لا يمكن أن يحتوي النص" in payload["errors"]["status"][0]
    contribution.refresh_from_db()
    assert contribution.status == "pledged"


@pytest.mark.parametrize("field", ["campaign", "partner"])
@pytest.mark.parametrize("value", [HUGE, -HUGE, str(HUGE)])
def test_a_page_id_beyond_any_id_is_400_naming_it(client_for, need, field, value):
    body = {"need": need.pk, "kind": "in_kind", "quantity": "1", "unit": "parcel", field: value}
    before = counts()
    response = client_for.post_json("/api/v1/contributions/", body, HTTP_IDEMPOTENCY_KEY="k-1")
    assert_refused(response, field)
    assert counts() == before


def test_a_new_need_for_a_campaign_id_beyond_any_id_is_400(client_for, kasserine):
    body = {
        "campaign": HUGE,
        "category": "food",
        "region": kasserine.code,
        "title": "Parcels",
        "quantity": "10",
        "unit": "parcel",
    }
    before = counts()
    assert_refused(client_for.post_json("/api/v1/needs/", body), "campaign")
    assert counts() == before


@pytest.mark.parametrize("households", [HUGE, 2_147_483_648])
def test_households_beyond_what_can_be_stored_is_400(client_for, need, households):
    gift(need, quantity="10")
    before = counts()
    response = client_for.post_json(
        "/api/v1/deliveries/",
        {
            "need": need.pk,
            "quantity": "5",
            "delivered_on": "2020-05-20",
            "households_reached": households,
        },
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    payload = assert_refused(response, "households_reached")
    assert payload["errors"]["households_reached"] == ["Ce nombre est trop grand."]
    assert counts() == before


@pytest.mark.parametrize("raw", ["sk_\x00abcdefghijklmnop", "sk_abc\x7fdefghijklmnop"])
def test_a_key_with_characters_no_key_has_is_401(need, raw):
    client = ApiClient(raw)
    before = counts()
    response = client.post_json(
        "/api/v1/contributions/",
        {"need": need.pk, "kind": "in_kind", "quantity": "1", "unit": "parcel"},
    )
    assert response.status_code == 401
    assert response.json()["code"] == "authentication_failed"
    assert counts() == before


@pytest.mark.parametrize(
    "path",
    [
        f"/api/v1/campaigns/{HUGE}/",
        f"/api/v1/campaigns/{HUGE}/totals/",
        f"/api/v1/partners/{HUGE}/",
    ],
)
def test_reading_a_page_id_beyond_any_id_is_a_json_404(anon, path):
    response = anon.get(path)
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


@pytest.mark.parametrize("path", ["/api/v1/contributions/", "/api/v1/deliveries/"])
def test_filtering_by_a_need_id_beyond_any_id_is_400_naming_it(anon, path):
    response = anon.get(f"{path}?need={HUGE}", HTTP_ACCEPT_LANGUAGE="fr")
    body = assert_refused(response, "need")
    assert "Assurez-vous que cette valeur est inférieure ou égale à" in body["errors"]["need"][0]


def test_an_unknown_totals_grouping_is_named_in_the_clients_language(anon, campaign):
    response = anon.get(
        f"/api/v1/campaigns/{campaign.pk}/totals/?by=colour", HTTP_ACCEPT_LANGUAGE="fr"
    )
    payload = assert_refused(response, "by")
    assert payload["errors"]["by"][0].startswith("Choisissez parmi\u00a0: ")


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("options", "/api/docs/", 405),
        ("post", "/api/docs/", 405),
        ("post", "/api/docs/redoc/", 405),
        ("post", "/api/schema/", 405),
        ("get", "/api/schema/?format=xml", 404),
    ],
)
def test_the_schema_and_docs_answer_errors_in_json(anon, method, path, status):
    response = getattr(anon, method)(path)
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] in ("method_not_allowed", "not_found")


def test_the_docs_still_serve_their_page(anon):
    assert anon.get("/api/docs/").status_code == 200
    assert anon.get("/api/schema/").status_code == 200


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents", "media"])
@pytest.mark.parametrize("sign", ["", "+", " "])  # int() reads all three as the same number
def test_v2_offset_beyond_any_list_is_400(anon, endpoint, sign):
    response = anon.get(f"/api/v2/{endpoint}/", {"offset": f"{sign}{HUGE}"})
    assert response.status_code == 400
    assert "offset" in response.json()["message"]


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents", "media"])
@pytest.mark.parametrize("value", ["abc", "²", "1.5"])
def test_v2_find_by_an_id_that_is_not_a_number_is_400(anon, endpoint, value):
    response = anon.get(f"/api/v2/{endpoint}/find/", {"id": value})
    assert response.status_code == 400
    assert response.json()["message"] == "id must be a positive integer"
    assert response.json()["errors"] == {"id": ["id must be a positive integer"]}


@pytest.mark.parametrize(
    ("path", "param"),
    [
        ("/api/v2/pages/", "locale"),
        ("/api/v2/pages/13/", "locale"),
        ("/api/v2/pages/find/", "html_path"),
        ("/api/v2/pages/", "search"),
        ("/api/v2/images/", "search"),
        ("/api/v2/media/", "search"),
    ],
)
def test_v2_parameters_holding_a_nul_are_400_naming_them(anon, path, param):
    """PostgreSQL refuses a NUL in a query's text: it was a 500 there."""
    response = anon.get(path, {param: "fr\x00"})
    assert response.status_code == 400
    assert response.json()["message"] == f"{param} cannot contain a NUL character"
    assert list(response.json()["errors"]) == [param]


@pytest.mark.parametrize("raw", ["{bad", '{"need": NaN}', b"\xff\xfe{", '{"a": 1'])
def test_a_body_that_is_not_json_is_400_for_the_body_as_a_whole(client_for, raw):
    before = counts()
    response = client_for.post(
        "/api/v1/contributions/", raw, content_type="application/json", HTTP_ACCEPT_LANGUAGE="fr"
    )
    payload = assert_refused(response, "non_field_errors")
    assert payload["detail"] == "Le corps de la requête n’est pas du JSON valide."
    assert payload["code"] == "parse_error"
    assert counts() == before


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("limit=abc", ["limit"]),
        ("limit=1000", ["limit"]),
        ("offset=x", ["offset"]),
        ("order=nope", ["order"]),
        ("order=random&offset=2", ["order"]),
        ("child_of=99999", ["child_of"]),
        ("descendant_of=99999", ["descendant_of"]),
        ("fields=nope", ["fields"]),
        ("show_in_menus=maybe", ["show_in_menus"]),
        ("colour=red&size=2", ["colour", "size"]),
        ("locale=zz", ["locale"]),  # a language the site does not have (was a 404)
    ],
)
def test_v2_errors_name_the_parameter_in_the_tracker_apis_shape(anon, demo, query, names):
    response = anon.get(f"/api/v2/pages/?{query}")
    assert response.status_code == 400
    payload = response.json()
    assert payload["code"] == "bad_request"
    assert payload["detail"] == payload["message"]  # Wagtail's own key stays for its clients
    assert sorted(payload["errors"]) == names
    assert all(messages == [payload["message"]] for messages in payload["errors"].values())


def _id_fields():
    """Every id field of every write serializer (found in the module, so new ones are covered)."""
    import inspect

    from campaigns.api.serializers import write

    for name, serializer in inspect.getmembers(write, inspect.isclass):
        if (
            issubclass(serializer, write.StrictSerializer)
            and serializer.__module__ == write.__name__
        ):
            for field_name, field in serializer().fields.items():
                if isinstance(field, write.IdRef):
                    yield pytest.param(serializer, field_name, id=f"{name}.{field_name}")


@pytest.mark.parametrize(("serializer", "field_name"), list(_id_fields()))
@pytest.mark.parametrize("value", [1.9, 1.0, True, "1.5", [1], {"id": 1}])
def test_an_id_that_is_not_a_whole_number_is_refused(need, serializer, field_name, value):
    """``{"need": 1.9}`` was read as need 1: the gift landed on another need."""
    from rest_framework.exceptions import ValidationError

    serializer_field = serializer().fields[field_name]
    with pytest.raises(ValidationError):
        serializer_field.run_validation(value)


def test_a_gift_for_need_1_9_is_refused_and_changes_nothing(client_for, need):
    before = counts()
    body = {"need": need.pk + 0.9, "kind": "in_kind", "quantity": "1", "unit": "parcel"}
    response = client_for.post(
        "/api/v1/contributions/", json.dumps(body), content_type="application/json"
    )
    assert_refused(response, "need")
    assert counts() == before
