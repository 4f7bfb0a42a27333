"""Settings for the worker tests' subprocesses: the test settings on a database file (or a
PostgreSQL database) shared with a real worker, and the backend under test."""

from portal.settings.tasks import task_settings
from portal.settings.test import *  # noqa: F403
from portal.settings.test import env

DATABASES = {"default": env.dj_db_url("WORKER_DATABASE_URL")}
REDIS_URL = env.str("WORKER_REDIS_URL", "")
globals().update(task_settings(env.str("WORKER_TASK_BACKEND"), REDIS_URL))
# The SIGKILL test's lease: a job running longer than this lost its worker.
TASK_LEASE_SECONDS = env.int("WORKER_TASK_LEASE_SECONDS", 2100)
