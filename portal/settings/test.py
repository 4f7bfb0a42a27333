"""Tests: fast and self-contained (SQLite unless DATABASE_URL says otherwise)."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import env
from .tasks import task_settings

SECRET_KEY = "test-only-key-not-secret"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="portal-test-media-"))
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="portal-test-static-"))
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
if not env.str("DATABASE_URL", ""):
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}

# --- production stack (prod) ---
STORAGES["private"] = {
    "BACKEND": "portal.storage.PrivateFileSystemStorage",
    "OPTIONS": {"location": tempfile.mkdtemp(prefix="portal-test-private-"), "expire": 300},
}

# --- performance (perf) ---
# Off for the suite (rolled-back tests would leave fragments of rolled-back content in the
# memory cache); the `fragments` fixture switches them on.
FRAGMENT_CACHE_SECONDS = env.int("FRAGMENT_CACHE_SECONDS", 0)
# One process: its memory cache is shared by every write and read of a test.
TRACKER_CACHE_SECONDS = env.int("TRACKER_CACHE_SECONDS", 3600)
# --- hardening ---
# Login lockout off for the suite (the test client's login() passes no request); the lockout
# tests switch it on.
AXES_ENABLED = False
# --- tasks ---
# Tasks run at once in the suite (tests/tasks runs real workers); no ffmpeg run for every
# demo clip (tests/tasks/test_video_renditions.py switches it on).
TASKS = task_settings("immediate", "")["TASKS"]
VIDEO_RENDITIONS_ON_UPLOAD = False
