"""Real worker processes for the queue tests: a copy of the test database they share with
the test's client process, a Redis of the test's own for RQ, and helpers to drive them.

The workers use the session's migrated test database (SQLite: a file copy through the backup
API; PostgreSQL: the test database itself), so no migration runs again.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.stack import stop, wait_for_port

ROOT = Path(__file__).resolve().parents[2]
_WORKER = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
REDIS_PORT = int(os.environ.get("PROD_TEST_PORT_BASE", "8210")) + 40 * _WORKER + 35
REQUIRE_SERVICES = os.environ.get("PORTAL_REQUIRE_SERVICES") == "1"


@pytest.fixture
def worker_database(db, tmp_path):
    """A database URL the workers share with the client process, holding the demo content.

    SQLite: a file copy of the in-memory test database (the backup API). PostgreSQL: the
    test database itself (this test writes nothing through its own connection; the rows the
    workers commit are deleted afterwards).
    """
    from django.db import connection

    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        target = tmp_path / "worker.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        yield f"sqlite:///{target}"
        return
    auth = settings["USER"] + (f":{settings['PASSWORD']}" if settings["PASSWORD"] else "")
    host, port = settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
    url = f"postgres://{auth}@{host}:{port}/{settings['NAME']}"
    yield url
    subprocess.run(
        [sys.executable, "-m", "tests.tasks.drive", "cleanup"], cwd=ROOT, check=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "tests.tasks.worker_settings",
             "WORKER_TASK_BACKEND": "immediate", "WORKER_DATABASE_URL": url},
    )  # fmt: skip


@pytest.fixture
def redis_url(tmp_path):
    """A Redis of the test's own on loopback, stopped at the end."""
    if not shutil.which("redis-server"):
        if REQUIRE_SERVICES:
            pytest.fail("redis-server is not installed (PORTAL_REQUIRE_SERVICES=1)")
        pytest.skip("redis-server is not installed")
    process = subprocess.Popen(
        ["redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_for_port(REDIS_PORT, process=process)
        yield f"redis://127.0.0.1:{REDIS_PORT}/0"
    finally:
        stop(process)


class Queue:
    """The client side and the workers of one backend, all on the same database copy."""

    def __init__(self, backend, database_url, tmp_path, redis_url=""):
        self.backend = backend
        self.runs = tmp_path / "runs.txt"
        self.runs.touch()
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.tasks.worker_settings",
            "WORKER_TASK_BACKEND": backend,
            "WORKER_DATABASE_URL": database_url,
            "WORKER_REDIS_URL": redis_url,
            "WORKER_RUNS_FILE": str(self.runs),
        }
        self.logs = tmp_path
        self.workers = []

    def drive(self, command):
        done = subprocess.run(
            [sys.executable, "-m", "tests.tasks.drive", command],
            cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, f"drive {command} failed:\n{done.stderr[-3000:]}"
        return json.loads(done.stdout) if command == "report" else done.stdout

    def start_worker(self):
        if self.backend == "database":
            args = ["db_worker", "--queue-name", "*", "--interval", "0.2", "--no-reload",
                    "--no-startup-delay"]  # fmt: skip
        else:
            args = ["rqworker", "default", "video", "--job-class", "django_tasks_rq.Job",
                    "--with-scheduler"]  # fmt: skip
        log = (self.logs / f"worker{len(self.workers)}.log").open("w")
        process = subprocess.Popen(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env,
            stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        self.workers.append(process)
        return process

    def lines(self):
        return self.runs.read_text().split()

    def wait_for(self, *expected, timeout=90):
        """Wait until every expected line was written by a job; returns all lines."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            lines = self.lines()
            if all(line in lines for line in expected):
                return lines
            if any(w.poll() not in (None, 0) for w in self.workers):
                break
            time.sleep(0.2)
        logs = "\n".join(p.read_text()[-3000:] for p in sorted(self.logs.glob("worker*.log")))
        raise AssertionError(f"jobs did not run: {expected} not all in {self.lines()}\n{logs}")

    def stop_all(self):
        for process in self.workers:
            stop(process)


@pytest.fixture
def database_queue(settings):
    """Tasks wait in the database queue (as with `make run`) until the test runs them; mail
    goes through the queue to the in-memory outbox."""
    from .helpers import DATABASE_TASKS

    settings.TASKS = DATABASE_TASKS
    settings.EMAIL_BACKEND = "campaigns.background.mail.QueuedEmailBackend"
    settings.PORTAL_EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return settings


class RefusingMailServer:
    """A mail backend whose server refuses every message (or hangs: the same to a request)."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        import smtplib

        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
