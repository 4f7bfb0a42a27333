"""``make load``'s accounting (bench/load.py, bench/load_client.py), without a server.

A write whose connection broke has an unknown outcome: it is sent again with the same
``Idempotency-Key`` and counted once, never as a lost write or an undocumented 5xx; a reader's
error outside a fault still fails the run; a households count withheld by small-number
suppression is not compared, a published one must be exact, at the origin and at the edge.
"""

import time

import requests

from bench.load import compare
from bench.load_client import Ledger, Stats, Writer


class FlakySession:
    """A requests session whose first POST breaks before any answer, then answers 201."""

    def __init__(self):
        self.keys = []

    def post(self, url, json, headers, timeout):
        self.keys.append(headers["Idempotency-Key"])
        if len(self.keys) == 1:
            raise requests.ConnectionError("Connection aborted: RemoteDisconnected")
        response = requests.Response()
        response.status_code = 201
        response._content = b'{"id": 7}'
        return response

    def close(self):
        pass


def writer(stats):
    spec = {"keys": ["recorder", "confirmer"], "needs": []}
    return Writer("http://127.0.0.1:1", spec, Ledger(), stats, seed=1)


def test_a_broken_write_is_sent_again_with_its_key_and_counted_once(monkeypatch):
    monkeypatch.setattr(time, "sleep", lambda seconds: None)
    stats, session = Stats(), FlakySession()
    author = writer(stats)
    headers = {"Authorization": "Bearer recorder", "Idempotency-Key": "k-1"}
    answer = author.send(session, "/api/v1/contributions/", {"status": "received"}, headers)
    assert answer == {"id": 7}
    assert session.keys == ["k-1", "k-1"]
    assert stats.retries["connection"] == 1
    assert stats.undocumented() == []
    assert stats.server_errors() == {"before": 0}


def test_a_readers_error_before_the_fault_fails_the_run():
    stats = Stats()
    stats.note(time.monotonic(), "error", "/fr/jesr/ (ReadTimeout)")
    assert stats.undocumented() == ["1 × error before (e.g. error /fr/jesr/ (ReadTimeout))"]


def found(service):
    return {"rows": {"contributions": {}, "deliveries": {}}, "exact": EXACT, "service": service}


EXACT = {"campaign|households_reached": "45", "need:8|households_reached": "7"}


def test_withheld_households_are_not_compared_and_published_ones_must_be_exact():
    origin = {"campaign|households_reached": "45", "need:8|households_reached": "withheld"}
    result = compare(Ledger(), found(dict(EXACT)), {"origin": origin, "edge": origin}, Stats())
    assert result["mismatches"] == []
    assert result["withheld"] == 2
    stale = {"campaign|households_reached": "38", "need:8|households_reached": "withheld"}
    result = compare(Ledger(), found(dict(EXACT)), {"origin": origin, "edge": stale}, Stats())
    stale_at_the_edge = "API through Varnish campaign|households_reached: 38 ≠ exact 45"
    assert result["mismatches"] == [stale_at_the_edge]
