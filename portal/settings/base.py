"""Settings shared by every environment, read from the environment through environs.

With no environment at all the portal runs embedded: SQLite and media under ``var/``,
a local-memory cache and Wagtail's database search.

Cohesive groups live in their own modules and are gathered here: ``caching`` (Redis, the
edge cache, fragments), ``api`` (the tracker API, its schema, CORS), ``hardening`` (login
lockout, password guesses, third parties), ``domain`` (offers of help, the press room);
``storage`` and ``tasks`` build ``STORAGES`` and ``TASKS`` from the environment.
"""

import zoneinfo
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from .api import *  # noqa: F403
from .caching import *  # noqa: F403
from .caching import REDIS_URL
from .domain import *  # noqa: F403
from .environment import BASE_DIR, DATA_DIR, env
from .hardening import *  # noqa: F403
from .storage import storage_settings
from .tasks import task_settings

DEBUG = env.bool("DEBUG", False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", [])
CSRF_FAILURE_VIEW = "portal.errors.csrf_failure"  # in the visitor's language

INSTALLED_APPS = [
    "home",
    "campaigns",
    "campaigns.press",
    "campaigns.tracker",
    "campaigns.people",
    "campaigns.api",
    "search",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtailmedia",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "portal.apps.PortalConfig",
    "portal.localization",  # template filters: {% load l10n_tags %}
    "axes",  # login lockout (portal/settings/hardening.py)
    # Background work (portal/settings/tasks.py, docs/deployment.md).
    "django_tasks",
    "django_tasks_db",
    "django_rq",
    "django_tasks_rq",
    "campaigns.background",
    "campaigns.video",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy on every answer (policies by area in portal/content_security.py).
    "portal.content_security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Cache-Control for the edge cache (EDGE_* in portal/settings/caching.py).
    "portal.cache_headers.EdgeCacheHeadersMiddleware",
    "home.compression.PublicGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "portal.locale.PublicLocaleMiddleware",
    "portal.errors.MethodNotAllowedMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.admin_language.AdminLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "portal.unavailable.DatabaseUnavailableMiddleware",  # a lost connection: 503, not 500
    # Partner staff never open wagtail-localize (issue 14): 403 on its whole namespace.
    "campaigns.tracker.localize_guard.PartnerLocalizeGuardMiddleware",
    # Scheduled press releases go live on the first request after their time.
    # django-axes, after the others above, so it sees the login's answer.
    "axes.middleware.AxesMiddleware",
    # Wrong guesses of private pages' and documents' shared passwords.
    "portal.password_throttle.PasswordGuessLimitMiddleware",
]

# A message already waiting is not queued again: a refused admin address requested twice
# before the dashboard shows its messages said «Sorry, …» twice there (issue 19).
MESSAGE_STORAGE = "portal.message_storage.OnceEachStorage"

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.caching.fragment_context",  # fragment cache versions
            ],
        },
    },
]

# Database: DATABASE_URL (postgres://… in production); SQLite under var/ otherwise.
DATABASES = {
    "default": env.dj_db_url(
        "DATABASE_URL",
        default=f"sqlite:///{DATA_DIR / 'db.sqlite3'}",
        conn_max_age=env.int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Embedded: the server, the task worker and the schedule write to one file. Write
    # transactions take the lock when they begin (a deferred one that reads first and then
    # writes fails at once with "database is locked" when another process wrote meanwhile),
    # wait up to 20 s for it, and readers never block the writer (WAL).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Arabic is the source language; French and English are translations.
LANGUAGE_CODE = "ar"
LANGUAGES = [
    ("ar", "العربية"),
    ("fr", "Français"),
    ("en", "English"),
]
# The locales' names as the admin shows them (Settings → Locales, the translation editor's
# "Arabic → French", locale labels), in the admin user's language; LANGUAGES keeps each
# language's own name for the public language switcher and the admin's language choice.
WAGTAIL_CONTENT_LANGUAGES = [("ar", _("Arabic")), ("fr", _("French")), ("en", _("English"))]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# Wagtail 8 autosaves the page editor 0.5 s after each change by default. Off here (0): on the
# create view an autosave that creates the page races the editor's own "Submit" or "Publish"
# (a second page with the same slug: a 500, or the confirmation lost to the autosave's reload),
# every half-typed form answers 400 (a console error each time), and each autosave posts the
# whole form, a heavy request on the slow connections partners work on. A deploy may set an
# interval in milliseconds.
WAGTAIL_AUTOSAVE_INTERVAL = env.int("WAGTAIL_AUTOSAVE_INTERVAL", 0)
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env.str("TIME_ZONE", "Africa/Tunis")
# The time zones a person may choose in the admin: Python's list without the names that are
# not IANA zones a browser knows ("localtime", "Factory": Intl raises RangeError on them).
WAGTAIL_USER_TIME_ZONES = sorted(zoneinfo.available_timezones() - {"localtime", "Factory"})
USE_I18N = True
# Input formats Django's own locales lack (day-first dates in Arabic): portal/formats/<lang>.
FORMAT_MODULE_PATH = ["portal.formats"]
USE_TZ = True
# Machine translation for wagtail-localize: a class path from the environment ("none" turns
# it off); the default is the offline stand-in so the button works without network.
# Options (e.g. a DeepL key) come as JSON in WAGTAIL_LOCALIZE_MACHINE_TRANSLATOR_OPTIONS.
_machine_translator = env.str(
    "WAGTAIL_LOCALIZE_MACHINE_TRANSLATOR",
    "portal.localization.machine_translation.StandInTranslator",
)
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = (
    None
    if _machine_translator.lower() in ("", "none")
    else {
        "CLASS": _machine_translator,
        "OPTIONS": env.json("WAGTAIL_LOCALIZE_MACHINE_TRANSLATOR_OPTIONS", {}),
    }
)
# A translation wagtail-localize creates ("Translate" on the desk) is a draft, never published
# because its source is: it goes live when a moderator approves it (docs/roles.md).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Digit style per language ("latn" 0-9, "arab" ٠-٩); Maghreb Arabic uses Western digits.
PORTAL_DIGIT_STYLE = env.dict("PORTAL_DIGIT_STYLE", {})

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", str(DATA_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = env.str("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", str(DATA_DIR / "media")))
# Public media and private files: local disk, or S3 when AWS_STORAGE_BUCKET_NAME is set.
_media_storages = storage_settings(env, DATA_DIR)
STORAGES = {
    "default": _media_storages["default"],
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
    "private": _media_storages["private"],
}
WHITENOISE_MAX_AGE = 31536000

EMAIL_BACKEND = env.str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", "solidarity@localhost")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = env.str("WAGTAIL_SITE_NAME", "منصة التضامن المجتمعي")
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Arabic-aware database search (PostgreSQL arabic/french/english configs, SQLite + Snowball).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends"}}
# WebVTT captions are uploaded as documents and served as text/vtt for <track>.
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip", "vtt"]
WAGTAILDOCS_CONTENT_TYPES = {"vtt": "text/vtt"}
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/plain", "text/vtt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILMEDIA = {"MEDIA_MODEL": "wagtailmedia.Media"}

# Phrases shown to visitors when the portal's own catalogue has none.
PORTAL_TAGLINE = _("Community solidarity platform")

# --- background work on django-tasks (see portal/settings/tasks.py, docs/deployment.md) ---
# immediate (default here: a process with no worker still does its work), database, rq.
TASK_BACKEND = env.str("TASK_BACKEND", "immediate")
_task_queues = task_settings(TASK_BACKEND, REDIS_URL)
TASKS = _task_queues["TASKS"]
RQ_QUEUES = _task_queues["RQ_QUEUES"]
# /healthz shows the queue; a pending task older than this is reported as "late".
TASK_QUEUE_LATE_SECONDS = env.int("TASK_QUEUE_LATE_SECONDS", 300)
# A database-queue task still running this long after it started lost its worker (SIGKILL,
# power loss) and is queued again (campaigns/background/recovery.py); above any job's run time.
TASK_LEASE_SECONDS = env.int("TASK_LEASE_SECONDS", 2100)
# RQ fails a job whose worker died (AbandonedJobError); this handler queues it again.
RQ_EXCEPTION_HANDLERS = ["campaigns.background.recovery.requeue_abandoned_rq_job"]
# Scheduled publishing runs on the worker's schedule (manage.py task_schedule); requests only
# nudge it by enqueueing the same task when a publication is due.
# A video upload enqueues its renditions (ffmpeg, on the worker's "video" queue).
VIDEO_RENDITIONS_ON_UPLOAD = env.bool("VIDEO_RENDITIONS_ON_UPLOAD", True)

# Once-per-process work the gunicorn master does before forking (portal/warmup.py): the
# tracker API's documented query parameters come from its OpenAPI schema, about a second to
# build, which each worker's first API request paid.
WARMUP_CALLABLES = ["campaigns.api.query.documented_parameters"]
