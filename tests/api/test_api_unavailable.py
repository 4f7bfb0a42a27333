"""A database connection lost mid-request is a 503 to retry (API and pages), never a 500."""

from django.db import InterfaceError, OperationalError
from django.test import RequestFactory

from campaigns.tracker import aggregates
from portal.unavailable import DatabaseUnavailableMiddleware


def cut(*args, **kwargs):
    raise OperationalError("terminating connection due to administrator command")


def test_api_answers_503_json_with_retry_after(anon, campaign, monkeypatch):
    monkeypatch.setattr(aggregates, "totals_for", cut)
    response = anon.get(f"/api/v1/campaigns/{campaign.pk}/totals/")
    assert response.status_code == 503
    assert response["Retry-After"] == "1"
    assert response.json()["code"] == "unavailable"


def test_pages_answer_503_not_the_server_error_page():
    middleware = DatabaseUnavailableMiddleware(lambda request: None)
    page = middleware.process_exception(RequestFactory().get("/ar/jesr/"), InterfaceError())
    assert page.status_code == 503 and page["Retry-After"] == "1"
    assert page["Cache-Control"] == "no-store"  # the edge must not keep it
    api = middleware.process_exception(RequestFactory().get("/api/v2/pages/"), cut_error())
    assert api.status_code == 503 and api["Content-Type"] == "application/json"
    assert middleware.process_exception(RequestFactory().get("/"), ValueError()) is None


def cut_error():
    return OperationalError("server closed the connection unexpectedly")
