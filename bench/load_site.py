"""The site ``make load`` runs against, and the faults it injects (``bench/load.py``).

The load database and its prepared copy (``Database``); Redis, gunicorn and Varnish on
loopback ports (``Stack``); and the fault drivers, each returning when its fault is over:

- ``redis``: Redis stopped, then started again (empty);
- ``worker``: a gunicorn worker killed with ``SIGKILL`` (gunicorn starts another);
- ``postgres``: every connection of the portal cut (``pg_terminate_backend``), three times.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from bench import stack

FAULTS = ("redis", "worker", "postgres")


class Database:
    """The load database (dropped and created again each run) and its prepared copy: a
    PostgreSQL template ``<name>_site`` holding the migrated demo, kept between runs with
    its media under ``var/load-site/`` and used while ``stack.site_key()`` is unchanged."""

    def __init__(self, url):
        self.url = url
        self.name = url.rsplit("/", 1)[1]
        if "load" not in self.name:
            sys.exit(f"--database-url: {self.name!r} is dropped at each run; its name must "
                     "contain 'load'")  # fmt: skip
        self.admin = url.rsplit("/", 1)[0] + "/postgres"
        self.template = f"{self.name}_site"
        self.media = stack.ROOT / "var" / "load-site" / self.name
        self.key = stack.site_key()

    def _execute(self, *statements):
        import psycopg

        results = []
        with psycopg.connect(self.admin, autocommit=True) as connection:
            for sql, params in statements:
                cursor = connection.execute(sql, params)
                results.append(cursor.fetchall() if sql.startswith("SELECT") else None)
        return results

    def prepared(self):
        """True if a prepared copy for this ``stack.site_key()`` exists."""
        (rows,) = self._execute((
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            [self.template],
        ))  # fmt: skip
        return bool(rows) and rows[0][0] == self.key and self.media.is_dir()

    def create(self, from_template):
        """Drop the load database and create it again, empty or as a copy of the prepared one."""
        drop = f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'
        template = f' TEMPLATE "{self.template}"' if from_template else ""
        self._execute((drop, None), (f'CREATE DATABASE "{self.name}"{template}', None))

    def keep(self, media):
        """Keep the database as it is now (no connection open to it) and ``media``."""
        import shutil

        self._execute(
            (f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)', None),
            (f'CREATE DATABASE "{self.template}" TEMPLATE "{self.name}"', None),
            (f"COMMENT ON DATABASE \"{self.template}\" IS '{self.key}'", None),
        )
        shutil.rmtree(self.media, ignore_errors=True)
        shutil.copytree(media, self.media)


def worker_pids(master):
    """The gunicorn workers: processes whose parent is the master."""
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == master:
                pids.append(int(entry.name))
    return pids


class Stack:
    """Redis, gunicorn and Varnish of one ``make load``, on ports from ``port_base``."""

    def __init__(self, args, workdir):
        self.args, self.workdir = args, workdir
        self.ports = {"gunicorn": args.port_base + 1, "varnish": args.port_base + 2,
                      "redis": args.port_base + 3}  # fmt: skip
        self.edge = f"http://127.0.0.1:{self.ports['varnish']}"
        self.origin = f"http://127.0.0.1:{self.ports['gunicorn']}"
        self.env = stack.site_env(
            workdir,
            args.database_url,
            varnish_port=self.ports["varnish"],
            redis_url=f"redis://127.0.0.1:{self.ports['redis']}/0",
            extra={"API_THROTTLE_ANON": "1000000/min", "API_THROTTLE_KEY": "1000000/min",
                   "GUNICORN_MAX_REQUESTS": "1000000"},
        )  # fmt: skip
        self.redis = self.gunicorn = self.varnish = None

    def start(self, database):
        """Prepare the site (or copy the prepared one) and start Redis, gunicorn, Varnish."""
        import shutil

        self.redis = stack.start_redis(self.workdir, self.ports["redis"])
        reuse = not self.args.fresh and database.prepared()
        database.create(from_template=reuse)
        # Static files do not depend on the database: collected while it is prepared.
        collect = subprocess.Popen(
            [sys.executable, "manage.py", "collectstatic", "--noinput"],
            cwd=stack.ROOT, env=self.env, stdout=subprocess.DEVNULL,
        )  # fmt: skip
        if reuse:
            print("  the prepared site (migrated demo) is copied", flush=True)
            shutil.copytree(database.media, self.workdir / "media")
        else:
            stack.manage(self.env, "migrate", "--noinput")
            stack.manage(self.env, "load_demo_content")
        if collect.wait():
            raise RuntimeError(f"collectstatic exited with {collect.returncode}")
        if not reuse:
            database.keep(self.workdir / "media")  # copied while nothing is connected to it
        # Purges name the site's host; the edge keys its copies by the readers' host.
        stack.manage(self.env, "set_site_url", self.edge)
        self.log = (self.workdir / "gunicorn.log").open("w")
        self.gunicorn = stack.start_gunicorn(
            self.env, self.ports["gunicorn"], self.args.workers, self.args.gunicorn_threads,
            log=self.log,
        )  # fmt: skip
        self.varnish = stack.start_varnish(
            self.workdir, self.ports["varnish"], self.ports["gunicorn"]
        )

    def stop(self):
        """Stop Varnish, gunicorn and Redis."""
        for process in (self.varnish, self.gunicorn, self.redis):
            stack.stop(process)

    # Faults: each returns when the fault is over ------------------------------------------

    def fault(self, name, hold):
        """Inject the fault ``name`` (one of ``FAULTS``) for about ``hold`` seconds."""
        if name == "redis":
            stack.stop(self.redis)
            time.sleep(hold)
            self.redis = stack.start_redis(self.workdir, self.ports["redis"])
        elif name == "worker":
            victim = worker_pids(self.gunicorn.pid)[0]
            os.kill(victim, signal.SIGKILL)
            time.sleep(hold)
        elif name == "postgres":
            import psycopg

            admin = self.args.database_url.rsplit("/", 1)[0] + "/postgres"
            name = self.args.database_url.rsplit("/", 1)[1]
            with psycopg.connect(admin, autocommit=True) as connection:
                for _ in range(3):
                    connection.execute(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE datname = %s AND pid <> pg_backend_pid()",
                        [name],
                    )
                    time.sleep(hold / 3)
