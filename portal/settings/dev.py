"""Development: DEBUG on; a secret key generated once into var/ (never committed)."""

import secrets

from .base import *  # noqa: F403
from .base import DATA_DIR, env
from .tasks import task_settings

DEBUG = env.bool("DEBUG", True)


def _local_secret_key():
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = env.str("SECRET_KEY", "") or _local_secret_key()
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)

# --- tasks ---
# `make run` starts the database worker and the schedule beside the server.
TASK_BACKEND = env.str("TASK_BACKEND", "database")
globals().update(task_settings(TASK_BACKEND, REDIS_URL))  # noqa: F405
# Mail is sent by the worker too (to the console), as in production.
PORTAL_EMAIL_DELIVERY_BACKEND = EMAIL_BACKEND  # noqa: F405
EMAIL_BACKEND = "campaigns.background.mail.QueuedEmailBackend"
