"""Idempotency-Key as draft-ietf-httpapi-idempotency-key-header says: 422 for a key reused
with another payload, 409 for a retry while the first request is still being processed."""

from campaigns.tracker import services
from campaigns.tracker.models import Contribution

from .conftest import ApiClient


def gift_body(need, quantity="7"):
    return {"need": need.pk, "kind": "in_kind", "quantity": quantity, "unit": "parcel"}


def test_a_key_reused_with_another_body_is_422_and_writes_nothing(client_for, need):
    headers = {"HTTP_IDEMPOTENCY_KEY": "stock-0001"}
    first = client_for.post_json("/api/v1/contributions/", gift_body(need), **headers)
    assert first.status_code == 201
    other = client_for.post_json("/api/v1/contributions/", gift_body(need, "8"), **headers)
    assert other.status_code == 422
    assert other.json()["code"] == "idempotency_key_reused"
    assert Contribution.objects.count() == 1
    # The same key on another address is another request too.
    status = client_for.post_json(
        f"/api/v1/contributions/{first.json()['id']}/status/", {"status": "distributed"}, **headers
    )
    assert status.status_code == 422
    assert Contribution.objects.get().status == "pledged"


def test_a_retry_while_the_first_is_processed_is_409(client_for, key_pair, need, monkeypatch):
    """The retry arrives while the first request is inside the service (its write not yet
    committed): it is told to wait, and a later retry gets the first answer."""
    headers = {"HTTP_IDEMPOTENCY_KEY": "stock-0002"}
    record = services.record_contribution
    during = []

    def slow_record(**values):
        retry = ApiClient(key_pair[1]).post_json(
            "/api/v1/contributions/", gift_body(need), **headers
        )
        during.append(retry)
        return record(**values)

    monkeypatch.setattr(services, "record_contribution", slow_record)
    first = client_for.post_json("/api/v1/contributions/", gift_body(need), **headers)
    monkeypatch.setattr(services, "record_contribution", record)

    assert first.status_code == 201
    [retry] = during
    assert retry.status_code == 409
    assert retry.json()["code"] == "idempotency_in_progress"
    assert int(retry["Retry-After"]) >= 1
    later = client_for.post_json("/api/v1/contributions/", gift_body(need), **headers)
    assert later.status_code == 201 and later.json()["id"] == first.json()["id"]
    assert later["Idempotency-Replayed"] == "true"
    assert Contribution.objects.count() == 1


def test_the_schema_documents_both_answers(anon):
    post = anon.get("/api/schema/?format=json").json()["paths"]["/api/v1/contributions/"]["post"]
    assert "still being processed" in post["responses"]["409"]["description"]
    assert "different request" in post["responses"]["422"]["description"]


def test_an_empty_key_is_refused_like_any_invalid_key(client_for, need):
    """An empty ``Idempotency-Key:`` is a key sent wrong, not a key left out: 400, nothing
    written, the same message as any other invalid key."""
    for value in ("", "   ", "x" * 256):
        answer = client_for.post_json(
            "/api/v1/contributions/", gift_body(need), HTTP_IDEMPOTENCY_KEY=value
        )
        assert answer.status_code == 400, value
        assert "Idempotency-Key" in answer.json()["errors"], answer.json()
    assert Contribution.objects.count() == 0


def test_the_schema_documents_503_and_the_idempotency_headers(anon):
    """Every operation documents the 503 (the error JSON, Retry-After); every POST takes
    Idempotency-Key and its answer may say Idempotency-Replayed."""
    paths = anon.get("/api/schema/?format=json").json()["paths"]
    operations = [(m, op) for ops in paths.values() for m, op in ops.items() if m != "parameters"]
    assert any(method == "post" for method, _op in operations)
    for method, operation in operations:
        unavailable = operation["responses"]["503"]
        assert unavailable["content"]["application/json"]["schema"]["$ref"].endswith("/Error")
        assert "Retry-After" in unavailable["headers"]
        if method == "post":
            assert "Idempotency-Key" in [p["name"] for p in operation["parameters"]]
            answer = next(r for code, r in operation["responses"].items() if code[0] == "2")
            assert "Idempotency-Replayed" in answer["headers"]
            assert "Retry-After" in operation["responses"]["409"]["headers"]
