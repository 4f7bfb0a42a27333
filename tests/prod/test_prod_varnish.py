"""Varnish (deploy/varnish/default.vcl) in front of gunicorn: publish, and the cache follows.

Starts its own site on an SQLite file (migrated, demo content), gunicorn and Varnish on
loopback; the publish runs in a separate process, as an editor's would on an app server.
"""

import http.client
import json
import shutil
import time

import pytest

from bench import stack

from .conftest import skip_unless
from .varnish_site import (
    DOWN_GUNICORN_PORT,
    DOWN_VARNISH_PORT,
    GIFT,
    GIFTS,
    GUNICORN_PORT,
    NEW_PAGE,
    RESTRICT,
    UNPUBLISH,
    VARNISH_PORT,
    api_addresses,
    get,
    listed,
    origin_get,
    publish_summary,
    run_script,
)

pytestmark = [pytest.mark.varnish, pytest.mark.own_database]


@pytest.fixture(scope="module")
def site():
    skip_unless(stack.find_tool("varnishd"), "varnishd is not installed (apt-get install varnish)")
    workdir = stack.readable_tempdir("portal-varnish-test-")
    env = stack.site_env(workdir, f"sqlite:///{workdir / 'db.sqlite3'}", varnish_port=VARNISH_PORT)
    gunicorn = varnish = None
    try:
        stack.prepare_site(env)
        gunicorn = stack.start_gunicorn(env, GUNICORN_PORT, workers=2)
        varnish = stack.start_varnish(workdir, VARNISH_PORT, GUNICORN_PORT)
        yield env
    finally:
        stack.stop(varnish)
        stack.stop(gunicorn)
        shutil.rmtree(workdir, ignore_errors=True)


def test_publish_reaches_visitors_through_the_cache_within_two_seconds(site):
    for path in ("/ar/jesr/", "/ar/partners/"):
        get(path)  # warm the cache
        response, _ = get(path)
        assert response.getheader("X-Cache") == "HIT", path
    time.sleep(1.1)  # so that a cached copy shows its age

    marker = f"تحديث الحملة {time.time_ns()}"
    publish_summary(site, marker)
    published_at = time.monotonic()

    seen = False
    # A soft purge: readers get the old copy until one background render is done (well under
    # a second on an idle machine; this 2-core machine is shared, so the 2 s target).
    while time.monotonic() - published_at < 2.0:
        response, body = get("/ar/jesr/")
        if marker in body:
            seen = True
            break
        time.sleep(0.05)
    assert seen, "the published change was not visible through Varnish within 2 s"

    again, body = get("/ar/jesr/")
    assert again.getheader("X-Cache") == "HIT" and marker in body  # and cached again

    unchanged, _ = get("/ar/partners/")
    assert unchanged.getheader("X-Cache") == "HIT"  # not purged: still served from cache
    assert int(unchanged.getheader("Age")) >= 1


def test_the_first_reader_after_a_publish_gets_the_new_page(site):
    # Fresh-eyes trial: on a quiet page the soft purge left the old copy in grace, and the
    # first reader, seconds later, got it (HIT, the old title); only the next saw the change.
    get("/ar/jesr/")
    assert get("/ar/jesr/")[0].getheader("X-Cache") == "HIT"
    marker = f"أول قارئ {time.time_ns()}"
    publish_summary(site, marker)  # its purge is sent when the publish commits
    time.sleep(1.5)  # the edge renders the page again in the background meanwhile
    response, body = get("/ar/jesr/")
    assert marker in body, "the first reader after the publish got the old page"


def test_the_first_reader_of_a_query_copy_or_an_api_answer_gets_the_new_page(site):
    # Fresh-eyes trial: the refresh after a publish renders the plain address only, so the
    # first reader of a query-string copy or an API answer got the copy in grace; and the
    # tracker API's detail of the campaign was not purged at all (its text stayed 60 s).
    campaigns = json.loads(get("/api/v1/campaigns/?locale=ar")[1])["results"]
    pk = next(item["id"] for item in campaigns if item["slug"] == "jesr")
    paths = [
        "/ar/jesr/?page=1",
        f"/api/v1/campaigns/{pk}/?locale=ar",
        f"/api/v2/pages/{pk}/?fields=summary",
    ]
    for path in paths:
        get(path)
        assert get(path)[0].getheader("X-Cache") == "HIT", path
    marker = f"query-copy {time.time_ns()}"
    publish_summary(site, marker)
    time.sleep(1.5)  # the purge is sent by the worker once the publish commits
    stale = [path for path in paths if marker not in get(path)[1]]
    assert not stale, f"the first reader after the publish got the old answer: {stale}"


def test_a_page_published_where_a_404_was_cached_answers_at_once(site):
    # Fresh-eyes trial: a page given a new slug answered the 404 cached at its new address
    # for 10 s more (the soft purge kept it in grace): the old address redirected to a 404.
    slug = f"new-{time.time_ns()}"
    get(f"/ar/{slug}/")
    missing, _ = get(f"/ar/{slug}/")
    assert missing.status == 404 and missing.getheader("X-Cache") == "HIT"
    run_script(site, NEW_PAGE, slug)
    assert get(f"/ar/{slug}/")[0].status == 200


def test_logged_in_requests_bypass_the_cache(site):
    connection = http.client.HTTPConnection("127.0.0.1", VARNISH_PORT, timeout=10)
    for _ in range(2):
        connection.request("GET", "/ar/jesr/", headers={"Cookie": "sessionid=abc"})
        response = connection.getresponse()
        response.read()
        assert response.getheader("X-Cache") == "MISS"
        assert "private" in response.getheader("Cache-Control")
    connection.close()


def test_purge_is_refused_from_hosts_that_are_not_app_servers(site):
    get("/ar/press/")
    response, body = get("/ar/press/", method="PURGE", source="127.0.0.2")
    assert response.status == 403
    assert "PURGE not allowed" in body
    still, _ = get("/ar/press/")
    assert still.getheader("X-Cache") == "HIT"

    allowed, _ = get("/ar/press/", method="PURGE")
    assert allowed.status == 200
    purged, _ = get("/ar/press/")
    assert purged.getheader("X-Cache") == "MISS"


def test_a_host_with_an_unexpected_port_does_not_poison_absolute_links(site):
    first, body = get("/sitemap.xml", host="LocalHost:8999")
    assert first.status == 200
    assert ":8999" not in body  # the app never saw the port
    again, body = get("/sitemap.xml")
    assert again.getheader("X-Cache") == "HIT"  # the same copy, whatever the spelling
    assert ":8999" not in body and "http://localhost/ar/" in body


def test_a_link_with_tracking_parameters_is_served_from_the_plain_copy(site):
    get("/ar/press/")
    for query in (
        "?utm_source=facebook&utm_medium=social",
        "?fbclid=IwAR0abc",
        "?gclid=x1",
        "?FBCLID=1",  # fresh-eyes trial: in another case, or without a value, each got a copy
        "?fbclid",
        "?fbclid&UTM_Source=x&gclid",
    ):
        response, body = get("/ar/press/" + query)
        assert response.getheader("X-Cache") == "HIT", query
        assert "fbclid" not in body and "utm_source" not in body
    response, body = get("/en/search/?utm_campaign=x&q=bridge&fbclid=y")
    assert response.status == 200
    again, _ = get("/en/search/?q=bridge")
    assert again.getheader("X-Cache") == "HIT"  # the search itself is kept, its query too


def test_a_soft_purge_serves_the_old_copy_while_one_request_refreshes_it(site):
    get("/fr/press/")
    time.sleep(1.1)
    cached, _ = get("/fr/press/")
    assert cached.getheader("X-Cache") == "HIT" and int(cached.getheader("Age")) >= 1
    purged, _ = get("/fr/press/", method="SOFTPURGE")
    assert purged.status == 200
    stale, _ = get("/fr/press/")
    assert stale.getheader("X-Cache") == "HIT"  # no reader waits on the origin
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        fresh, _ = get("/fr/press/")
        if int(fresh.getheader("Age")) == 0:
            break
        time.sleep(0.05)
    assert int(fresh.getheader("Age")) == 0  # refreshed in the background


def test_a_page_made_private_or_unpublished_leaves_the_edge_at_once(site):
    for path in ("/en/partners/", "/fr/jesr/", "/sitemap.xml"):
        get(path)
        assert get(path)[0].getheader("X-Cache") == "HIT", path
    assert listed("http://localhost/en/partners/", get("/sitemap.xml")[1])
    # Fresh-eyes trial: Wagtail's API v2 served an unpublished page's detail (200) for 60 s.
    api = {"en": api_addresses("en", "partners"), "fr": api_addresses("fr", "jesr")}
    run_script(site, RESTRICT)
    private, body = get("/en/partners/")
    assert private.status == 302 and "/login" in private.getheader("Location")
    # Fresh-eyes trial: the sitemap listed a page made private for an hour.
    assert not listed("http://localhost/en/partners/", get("/sitemap.xml")[1])
    run_script(site, UNPUBLISH)
    gone, _ = get("/fr/jesr/")
    assert gone.status == 404
    assert not listed("http://localhost/fr/jesr/", get("/sitemap.xml")[1])
    for pk, paths in api.values():
        for path in paths[:2]:  # the detail, plain and with a query string
            assert get(path)[0].status == 404, path
        for path in paths[2:]:  # the lists
            response, body = get(path)
            assert response.status == 200, path
            assert pk not in {item["id"] for item in json.loads(body)["items"]}, path


def test_the_sitemap_is_one_copy_whatever_the_readers_language(site):
    get("/sitemap.xml", headers={"Accept-Language": "ar"})
    for language in ("fr-FR,fr;q=0.9", "en-GB", "ar-TN,ar;q=0.8,en;q=0.5"):
        response, body = get("/sitemap.xml", headers={"Accept-Language": language})
        assert response.getheader("X-Cache") == "HIT", language
        assert "http://localhost/ar/" in body


def test_a_recorded_gift_shows_through_the_edge_within_two_seconds(site):
    # Every worker has rendered the campaign (and computed its figures) before the gift: the
    # figures a gift from another process retires must not outlive it in a worker's memory.
    for _ in range(6):
        assert origin_get("/en/jesr/").status == 200
    get("/ar/press/")  # another page in the edge's cache: a gift must leave it there
    get("/en/jesr/")
    response, body = get("/en/jesr/")
    assert response.getheader("X-Cache") == "HIT"
    before = int(GIFTS.search(body).group(1).replace(",", ""))
    run_script(site, GIFT)
    recorded_at = time.monotonic()
    shown = None
    while time.monotonic() - recorded_at < 2.0:
        count = int(GIFTS.search(get("/en/jesr/")[1]).group(1).replace(",", ""))
        if count == before + 1:
            shown = time.monotonic() - recorded_at
            break
        time.sleep(0.05)
    assert shown is not None, "the new gift was not shown through Varnish within 2 s"
    other, _ = get("/ar/press/")
    assert other.getheader("X-Cache") == "HIT"  # the rest of the site stays cached


@pytest.mark.slow
def test_with_the_origin_down_a_soft_purged_page_is_still_served(site):
    # Fresh-eyes trial: a soft purge cut the copy's grace to 60 s, so a page changed shortly
    # before the app servers went down answered 503 a minute later (docs/caching.md: "the
    # last good copy is served for up to 6 h").
    workdir = stack.readable_tempdir("portal-varnish-down-")
    gunicorn = stack.start_gunicorn(site, DOWN_GUNICORN_PORT, workers=1)
    varnish = None
    try:
        varnish = stack.start_varnish(workdir, DOWN_VARNISH_PORT, DOWN_GUNICORN_PORT)
        get("/fr/partners/", port=DOWN_VARNISH_PORT)
        warm, body = get("/fr/partners/", port=DOWN_VARNISH_PORT)
        assert warm.getheader("X-Cache") == "HIT"
        purged_at = time.monotonic()
        assert get("/fr/partners/", method="SOFTPURGE", port=DOWN_VARNISH_PORT)[0].status == 200
        stack.stop(gunicorn)
        # The probe (every 5 s, 3 failures in 5) marks the origin sick after 10-15 s; before
        # that, a copy expired more than 10 s ago was fetched and answered 503 (fresh-eyes
        # trial); the old VCL's 60-s grace had run out a minute after the purge.
        answers = set()
        while time.monotonic() - purged_at < 65:
            served, again = get("/fr/partners/", port=DOWN_VARNISH_PORT)
            answers.add((served.status, again == body))
            time.sleep(1)
        assert answers == {(200, True)}  # the last good copy, all along
    finally:
        stack.stop(varnish)
        stack.stop(gunicorn)
        shutil.rmtree(workdir, ignore_errors=True)


def test_a_recorded_gift_retires_every_variant_of_the_campaigns_api_figures(site):
    # Fresh-eyes trial: the purge named `totals/` and `totals/?by=<group>`, so a client asking
    # in its language (`?locale=fr`) or with the parameters in another order read the old
    # figures for the copy's whole lifetime.
    campaigns = json.loads(get("/api/v1/campaigns/")[1])["results"]
    pk = next(c["id"] for c in campaigns if c["slug"] == "jesr")
    totals = f"/api/v1/campaigns/{pk}/totals/"
    variants = [
        f"{totals}?locale=fr",
        f"{totals}?by=partner&locale=en",
        "/api/v1/overview/?locale=fr",
    ]
    before = {}
    for path in variants:
        get(path)
        response, before[path] = get(path)
        assert response.getheader("X-Cache") == "HIT", path
        assert "X-Query" not in (response.getheader("Vary") or "")  # the edge's own
    reordered, body = get(f"{totals}?locale=en&by=partner")
    assert reordered.getheader("X-Cache") == "HIT"  # one copy, whatever the order
    assert body == before[f"{totals}?by=partner&locale=en"]
    # Each language its own copy (the title; the French campaign is unpublished by another test).
    arabic, english = (get(f"/api/v1/campaigns/{pk}/?locale={code}")[1] for code in ("ar", "en"))
    assert arabic != english

    run_script(site, GIFT)
    recorded_at = time.monotonic()
    stale = set(variants)
    while stale and time.monotonic() - recorded_at < 2.0:
        stale = {path for path in stale if get(path)[1] == before[path]}
        time.sleep(0.05)
    assert not stale, "still showing the figures from before the gift"


def test_a_purge_retires_every_query_string_copy_of_the_address(site):
    # Fresh-eyes trial: /fr/jesr/?page=1 kept serving the old page (200, HIT) after a new slug
    # sent the address away; a filtered listing kept old figures after a gift.
    for query in ("?page=1", "?category=food&region=x"):
        get("/en/how-to-give/" + query)
        assert get("/en/how-to-give/" + query)[0].getheader("X-Cache") == "HIT", query
    assert get("/en/how-to-give/", method="PURGE")[0].status == 200  # the plain address
    for query in ("", "?page=1", "?category=food&region=x"):
        assert get("/en/how-to-give/" + query)[0].getheader("X-Cache") == "MISS", query
