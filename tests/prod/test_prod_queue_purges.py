"""A gift recorded through the API with a real task queue reaches visitors through Varnish.

The stack as deployed, on loopback: gunicorn, Varnish (the shipped VCL), the database task
backend and one ``db_worker`` process. The write's request only queues the purge (one task
per write); the worker sends it, ahead of any backlog of other background work.
"""

import http.client
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from bench import stack

from .conftest import PORT_BASE, skip_unless

pytestmark = [pytest.mark.varnish, pytest.mark.own_database]

GUNICORN_PORT, VARNISH_PORT = PORT_BASE + 22, PORT_BASE + 23
GIFTS = re.compile(r"<dt>Gifts recorded</dt>\s*<dd><strong>([^<]+)</strong>")
PURGE_TASKS = (
    "campaigns.tracker.signals.purge_campaign",
    "wagtail.contrib.frontend_cache.tasks.purge_urls_from_cache_task",
)

API_KEY = """
import json, django
django.setup()
from campaigns.api.models import PartnerApiKey
from campaigns.api.models.keys import SCOPES
from campaigns.models import CampaignPage
from campaigns.tracker.models import Need
campaign = CampaignPage.objects.get(slug="jesr", locale__language_code="ar")
need = Need.objects.filter(campaign=campaign, locale=campaign.locale).first()
_key, raw = PartnerApiKey.issue(partner=need.partner, name="queue test", scopes=SCOPES)
print(json.dumps({"key": raw, "need": need.pk, "unit": need.unit}))
"""

# Other background work waiting in the queue (as after an import): 300 reference-index jobs.
BACKLOG = """
import django
django.setup()
from wagtail.tasks import update_reference_index_task
from campaigns.models import CampaignPage
page = CampaignPage.objects.get(slug="jesr", locale__language_code="ar")
for _ in range(300):
    update_reference_index_task.enqueue("campaigns", "campaignpage", page.pk)
"""


@pytest.fixture(scope="module")
def site():
    skip_unless(stack.find_tool("varnishd"), "varnishd is not installed (apt-get install varnish)")
    workdir = stack.readable_tempdir("portal-queue-test-")
    database = workdir / "db.sqlite3"
    env = stack.site_env(
        workdir,
        f"sqlite:///{database}",
        varnish_port=VARNISH_PORT,
        extra={"TASK_BACKEND": "database"},
    )
    processes = []
    try:
        stack.prepare_site(env)
        credentials = json.loads(run_script(env, API_KEY).strip().splitlines()[-1])
        processes.append(stack.start_gunicorn(env, GUNICORN_PORT, workers=2))
        worker = stack.start_task_worker(env, log=(workdir / "worker.log").open("w"))
        processes.append(worker)
        processes.append(stack.start_varnish(workdir, VARNISH_PORT, GUNICORN_PORT))
        yield {"env": env, "db": database, "worker": worker, "credentials": credentials}
    finally:
        for process in reversed(processes):
            if process is not None and process.poll() is None:
                os.killpg(process.pid, signal.SIGCONT)
            stack.stop(process)
        shutil.rmtree(workdir, ignore_errors=True)


def run_script(env, script):
    """Run a Django script in another process (as on an app server); returns its output."""
    return subprocess.run(
        [sys.executable, "-c", script], cwd=stack.ROOT, env=env, check=True,
        capture_output=True, text=True, timeout=120,
    ).stdout  # fmt: skip


def pause(worker, database):
    """Stop the worker (SIGSTOP) between two polls: never while it holds SQLite's lock, or
    the request's own write would wait for it."""
    for _ in range(100):
        os.killpg(worker.pid, signal.SIGSTOP)
        try:
            with sqlite3.connect(database, timeout=0.2, isolation_level=None) as connection:
                connection.execute("BEGIN IMMEDIATE")
                connection.execute("ROLLBACK")
            return
        except sqlite3.OperationalError:
            os.killpg(worker.pid, signal.SIGCONT)
            time.sleep(0.03)
    raise RuntimeError("the worker never left its transaction")


def get(path):
    connection = http.client.HTTPConnection("127.0.0.1", VARNISH_PORT, timeout=10)
    connection.request("GET", path, headers={"Host": "localhost"})
    response = connection.getresponse()
    body = response.read().decode()
    connection.close()
    return response, body


def gifts_shown():
    response, body = get("/en/jesr/")
    return response, int(GIFTS.search(body).group(1).replace(",", ""))


def record_gift(credentials):
    """POST one gift as a partner's system would; returns (status, milliseconds)."""
    body = {
        "need": credentials["need"], "kind": "in_kind", "quantity": "1",
        "unit": credentials["unit"], "status": "received",
    }  # fmt: skip
    connection = http.client.HTTPConnection("127.0.0.1", GUNICORN_PORT, timeout=60)
    began = time.monotonic()
    connection.request(
        "POST", "/api/v1/contributions/", body=json.dumps(body),
        headers={"Host": "localhost", "Content-Type": "application/json",
                 "Authorization": f"Bearer {credentials['key']}"},
    )  # fmt: skip
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status, (time.monotonic() - began) * 1000


def queued_purges(database):
    """``{id: (task path, status)}`` of the purge tasks in the database queue."""
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT id, task_path, status FROM django_tasks_database_dbtaskresult "
            "WHERE task_path IN (?, ?)",
            PURGE_TASKS,
        ).fetchall()
    return {row[0]: row[1:] for row in rows}


def purges_since(database, before):
    return [row for key, row in queued_purges(database).items() if key not in before]


def wait_until_shown(count, seconds):
    """Seconds until the page through the edge shows ``count`` gifts (None: not in time)."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if gifts_shown()[1] >= count:
            return time.monotonic() - started
        time.sleep(0.05)
    return None


def test_a_gift_written_through_the_api_reaches_the_edge_through_the_queue(site):
    credentials, worker = site["credentials"], site["worker"]
    get("/en/jesr/")
    # A first gift: the worker's first job pays its imports (a fresh worker only, once).
    _, before = gifts_shown()
    assert record_gift(credentials)[0] == 201
    assert wait_until_shown(before + 1, 60) is not None, "the queue never purged the page"
    time.sleep(1.1)  # so that the cached copy shows its age
    response, before = gifts_shown()
    assert response.getheader("X-Cache") == "HIT"
    purges_before = queued_purges(site["db"])

    pause(worker, site["db"])  # what the request alone does, with the worker paused
    try:
        run_script(site["env"], BACKLOG)
        status, _ms = record_gift(credentials)
        assert status == 201
        response, shown = gifts_shown()
        # The request sent no purge: the edge still serves the old copy, and one task waits.
        assert shown == before and response.getheader("X-Cache") == "HIT"
        assert int(response.getheader("Age")) >= 1
        assert purges_since(site["db"], purges_before) == [
            ("campaigns.tracker.signals.purge_campaign", "READY")
        ]
    finally:
        os.killpg(worker.pid, signal.SIGCONT)
        resumed_at = time.monotonic()

    # Ahead of the 300 jobs already waiting, within the staleness target (2 s).
    delay = wait_until_shown(before + 1, 2.0)
    assert delay is not None, (
        f"the gift was not shown through Varnish within 2 s of the worker resuming "
        f"({time.monotonic() - resumed_at:.1f} s)"
    )
    # The worker purged the edge itself: no second trip through the queue.
    assert purges_since(site["db"], purges_before) == [
        ("campaigns.tracker.signals.purge_campaign", "SUCCESSFUL")
    ]
