"""The edge backend purges every URL of a batch, each with its own Host and method, and goes on
when the edge drops a connection in the middle (a purge lost is a page left stale).

Kept from a try at sending a batch over one kept-alive connection: with the real Varnish under
load, CI's `make load` then found totals left stale at the edge, so each URL has its own
connection again (Wagtail's batch, one ``purge`` per URL)."""

import http.server
import threading

import pytest

from portal.varnish import VarnishBackend


class Edge(http.server.BaseHTTPRequestHandler):
    """Answers SOFTPURGE and PURGE like Varnish; closes the connection on ``/drop``."""

    protocol_version = "HTTP/1.1"
    seen = []

    def handle_purge(self):
        Edge.seen.append((self.command, self.headers["Host"], self.path))
        if self.path == "/drop":
            self.close_connection = True
            self.connection.close()
            return
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_SOFTPURGE = do_PURGE = handle_purge

    def log_message(self, *args):
        pass


@pytest.fixture
def edge():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Edge)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Edge.seen = []
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(("hard", "method"), [(False, "SOFTPURGE"), (True, "PURGE")])
def test_every_url_of_a_batch_is_purged_under_its_own_host(edge, hard, method):
    backend = VarnishBackend({"LOCATION": edge, "HARD": hard})
    urls = [
        "http://portal.example/ar/jesr/",
        "http://portal.example/fr/jesr/needs/data.json",
        "http://portal.example/api/v1/campaigns/3/totals/?by=region",
        "https://other.example:8443/en/",
    ]
    backend.purge_batch(urls)
    assert Edge.seen == [
        (method, "portal.example", "/ar/jesr/"),
        (method, "portal.example", "/fr/jesr/needs/data.json"),
        (method, "portal.example", "/api/v1/campaigns/3/totals/?by=region"),
        (method, "other.example:8443", "/en/"),
    ]


def test_a_dropped_connection_does_not_lose_the_rest_of_the_batch(edge, caplog):
    backend = VarnishBackend({"LOCATION": edge})
    backend.purge_batch(["http://portal.example/ar/", "http://portal.example/drop",
                         "http://portal.example/fr/", "http://portal.example/en/"])  # fmt: skip
    assert [path for _method, _host, path in Edge.seen] == ["/ar/", "/drop", "/fr/", "/en/"]
    assert "Could not purge http://portal.example/drop" in caplog.text


def test_an_edge_that_is_down_is_logged_not_raised(caplog):
    backend = VarnishBackend({"LOCATION": "http://127.0.0.1:9"})
    backend.purge_batch(["http://portal.example/ar/", "http://portal.example/fr/"])
    assert caplog.text.count("Could not purge") == 2
