"""The embedded database (SQLite, ``make run``) takes concurrent writers without failing.

The server, the task worker and the schedule write to one file at once. With SQLite's
default deferred transactions, a transaction that reads and then writes while another process
has written fails at once with "database is locked" (a 503 to the user, after part of the work
was done). The settings the portal ships must make such writers wait their turn instead.
"""

import threading
import time

import pytest
from django.db import connections, transaction
from django.db.backends.sqlite3.base import DatabaseWrapper

from portal.settings import base


def _connection(path):
    settings_dict = dict(base.DATABASES["default"], NAME=str(path))
    settings_dict.setdefault("OPTIONS", {})
    settings_dict.setdefault("TIME_ZONE", None)
    settings_dict.setdefault("CONN_HEALTH_CHECKS", False)
    settings_dict.setdefault("AUTOCOMMIT", True)
    return DatabaseWrapper(settings_dict, alias=f"embedded-{threading.get_ident()}")


@pytest.mark.skipif(
    base.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="the shipped settings use SQLite only without DATABASE_URL",
)
def test_two_processes_that_read_then_write_both_succeed(tmp_path, django_db_blocker):
    with django_db_blocker.unblock():
        _race(tmp_path)


def _race(tmp_path):
    path = tmp_path / "db.sqlite3"
    setup = _connection(path)
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE tally (n integer)")
        cursor.execute("INSERT INTO tally VALUES (0)")
    setup.close()
    errors = []
    started = threading.Barrier(2)

    def writer():
        connection = _connection(path)
        connections[connection.alias] = connection
        try:
            started.wait()
            with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
                cursor.execute("SELECT n FROM tally")
                (n,) = cursor.fetchone()
                time.sleep(0.3)
                cursor.execute("UPDATE tally SET n = %s", [n + 1])
        except Exception as error:  # noqa: BLE001 (the failure under test)
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=writer) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    check = _connection(path)
    with check.cursor() as cursor:
        cursor.execute("SELECT n FROM tally")
        (n,) = cursor.fetchone()
    check.close()
    assert errors == []
    assert n == 2, "each writer saw the other's committed update"
