"""Reading history costs the same number of queries with 2 or 8 lines whose amounts read as
money: each line's currency comes from the entry the view already holds, not from a query
per line (the site history, and an entry's own History tab)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaigns.tracker import services

from .test_tracker_history_readable import client_in, history_lines

pytestmark = pytest.mark.django_db


def queries_for(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries), history_lines(response.content.decode())


@pytest.mark.parametrize("view", ["site history", "history tab"])
def test_money_in_history_lines_costs_no_query_per_line(cash_need, member, view):
    client = client_in(member, "fr")
    path = (
        "/admin/reports/site-history/results/"
        if view == "site history"
        else f"/admin/snippets/tracker/need/history/{cash_need.pk}/"
    )
    counts = {}
    amount = int(cash_need.quantity)
    for size in (2, 8):
        while services.history_of(cash_need).count() < size + 1:
            amount += 1
            services.update_need(cash_need, user=member, quantity=str(amount))
        client.get(path)  # a first visit fills what is kept between requests
        counts[size], text = queries_for(client, path)
        assert cash_need.currency in text  # the amounts read as money
    assert counts[2] == counts[8], counts
