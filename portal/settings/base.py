"""Settings shared by every environment, read from the environment through environs.

With no environment at all the portal runs embedded: SQLite and media under ``var/``,
a local-memory cache and Wagtail's database search.
"""

import datetime
from pathlib import Path

from django.utils.translation import gettext_lazy as _
from environs import Env

BASE_DIR = Path(__file__).resolve().parent.parent.parent
DATA_DIR = Path(Env().str("PORTAL_DATA_DIR", str(BASE_DIR / "var")))

env = Env()
env.read_env(str(BASE_DIR / ".env"), recurse=False)

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
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
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
]

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

# Cache: Redis when REDIS_URL is set, process memory otherwise.
REDIS_URL = env.str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                # A Redis outage degrades to cache misses instead of failed requests.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
            "KEY_PREFIX": "portal",
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

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
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env.str("TIME_ZONE", "Africa/Tunis")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", str(DATA_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = env.str("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", str(DATA_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}
WHITENOISE_MAX_AGE = 31536000

EMAIL_BACKEND = env.str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", "solidarity@localhost")

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = env.str("WAGTAIL_SITE_NAME", "منصة التضامن المجتمعي")
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILMEDIA = {"MEDIA_MODEL": "wagtailmedia.Media"}

# Phrases shown to visitors when the portal's own catalogue has none.
PORTAL_TAGLINE = _("Community solidarity platform")

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Solidarity portal tracker API",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # The schema documents the tracker API only; Wagtail's own API views are described elsewhere.
    "PREPROCESSING_HOOKS": ["campaigns.api.schema.only_tracker_endpoints"],
    # 503, Retry-After and the Idempotency-Key headers on every operation concerned.
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "campaigns.api.schema.document_reliability",
    ],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# --- production stack (prod): storage, edge cache, app -----------------------------------
from portal.settings.storage import storage_settings  # noqa: E402

INSTALLED_APPS += ["portal.apps.PortalConfig"]

# Public media and private files: local disk, or S3 when AWS_STORAGE_BUCKET_NAME is set.
STORAGES.update(storage_settings(env, DATA_DIR))

# A Redis outage is logged once in a while on "portal.cache" (see portal/cache_outage.py).
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "portal.cache"

# Shared-cache lifetimes: publishing purges early; these bound staleness if a purge is missed.
EDGE_CACHE_SECONDS = env.int("EDGE_CACHE_SECONDS", 600)
EDGE_BROWSER_SECONDS = env.int("EDGE_BROWSER_SECONDS", 60)
EDGE_STALE_SECONDS = env.int("EDGE_STALE_SECONDS", 30)
EDGE_CACHE_PRIVATE_PREFIXES = ("/admin/", "/private-media/", "/documents/")
MIDDLEWARE.insert(
    MIDDLEWARE.index("whitenoise.middleware.WhiteNoiseMiddleware") + 1,
    "portal.cache_headers.EdgeCacheHeadersMiddleware",
)

# Edge cache purges (SOFTPURGE/PURGE to each Varnish), e.g. "http://10.0.0.5:80,http://10.0.0.6:80".
WAGTAILFRONTENDCACHE = {
    f"varnish{number}": {
        "BACKEND": "portal.caching.VarnishBackend",
        "LOCATION": location,
    }
    for number, location in enumerate(env.list("FRONTEND_CACHE_URLS", []), start=1)
}
# portal.caching lists every translation's own URL, so Wagtail need not rewrite language prefixes.
WAGTAILFRONTENDCACHE_LANGUAGES = []
# --- i18n and search (translation workflow, Arabic-aware search, digit style) ---
INSTALLED_APPS += ["portal.localization"]  # template filters: {% load l10n_tags %}
# Arabic-aware database search (PostgreSQL arabic/french/english configs, SQLite + Snowball).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends"}}
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
# Digit style per language ("latn" 0-9, "arab" ٠-٩); Maghreb Arabic uses Western digits.
PORTAL_DIGIT_STYLE = env.dict("PORTAL_DIGIT_STYLE", {})
# --- people: roles, invitations, offers of help ---
# Campaign states in which the public "offer help" form takes offers.
PEOPLE_OFFER_STATES = env.list("PEOPLE_OFFER_STATES", ["running"])
# Offered after the campaign's own currencies (docs/countries.md): those a donor abroad holds.
PEOPLE_OFFER_CURRENCIES = env.list("PEOPLE_OFFER_CURRENCIES", ["EUR", "USD"])
# At most this many offers per address per window (seconds); kept in the cache.
PEOPLE_OFFER_RATE = (
    env.int("PEOPLE_OFFER_RATE_COUNT", 5),
    env.int("PEOPLE_OFFER_RATE_SECONDS", 3600),
)
PEOPLE_OFFER_MAX_BYTES = 16 * 1024
PEOPLE_INVITATION_DAYS = env.int("PEOPLE_INVITATION_DAYS", 7)
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# --- press room ---
# Files a release may attach (checked when the release is saved) and their size limit.
PRESS_ATTACHMENT_EXTENSIONS = ["pdf", "docx", "odt", "txt", "zip", "jpg", "jpeg", "png"]
PRESS_ATTACHMENT_MAX_SIZE = env.int("PRESS_ATTACHMENT_MAX_SIZE", 15 * 1024 * 1024)
# Scheduled releases go live on the first request after their time (see docs/press.md);
# set to false when a cron job runs `manage.py publish_scheduled` instead.
PRESS_PUBLISH_SCHEDULED_ON_REQUEST = env.bool("PRESS_PUBLISH_SCHEDULED_ON_REQUEST", True)
# How long the "next scheduled publication" time is trusted before being looked up again.
PRESS_SCHEDULE_RECHECK_SECONDS = env.int("PRESS_SCHEDULE_RECHECK_SECONDS", 300)
MIDDLEWARE = [*MIDDLEWARE, "campaigns.press.embargo.ScheduledPublishingMiddleware"]
# --- site: campaigns, appeals, video ---
# WebVTT captions are uploaded as documents and served as text/vtt for <track>.
WAGTAILDOCS_EXTENSIONS = [*WAGTAILDOCS_EXTENSIONS, "vtt"]
WAGTAILDOCS_CONTENT_TYPES = {"vtt": "text/vtt"}
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/plain", "text/vtt"]
# --- api (tracker API /api/v1/, Wagtail API /api/v2/) ---
# The tracker API's views set their own authentication, parsers and error handler, so Wagtail's
# admin API and wagtail-localize keep DRF's defaults.
# How many trusted proxies append to X-Forwarded-For (1 behind the edge cache): the client is
# the N-th entry from the right, REMOTE_ADDR with 0 (see portal/client_address.py). One rule
# for the offer form's rate limit and the API's throttling (DRF's NUM_PROXIES).
PORTAL_TRUSTED_PROXY_COUNT = env.int("PORTAL_TRUSTED_PROXY_COUNT", env.int("API_NUM_PROXIES", 0))
REST_FRAMEWORK.update(
    {"TEST_REQUEST_DEFAULT_FORMAT": "json", "NUM_PROXIES": PORTAL_TRUSTED_PROXY_COUNT}
)
SPECTACULAR_SETTINGS.update(
    {
        "DESCRIPTION": (
            "Public reads of campaigns, needs, contributions, deliveries, partners, regions and "
            "press coverage; "
            "writes by partner organisations' systems with a partner API key "
            "(`Authorization: Bearer …`). Errors: `{detail, code, errors: {field: [...]}}`. "
            "POST accepts an `Idempotency-Key` header; GET answers carry an `ETag`."
        ),
        "COMPONENT_SPLIT_REQUEST": True,
        "ENUM_NAME_OVERRIDES": {
            "NeedStatusEnum": "campaigns.tracker.models.NeedStatus",
            "ContributionStatusEnum": "campaigns.tracker.models.ContributionStatus",
            "StatusChangeEnum": "campaigns.api.serializers.write.STATUS_CHANGES",
        },
        "TAGS": [
            {"name": "campaigns", "description": "Campaigns and their figures."},
            {"name": "needs", "description": "What is needed, where (translated text)."},
            {"name": "contributions", "description": "Gifts (public fields only)."},
            {"name": "deliveries", "description": "Aid handed out (confirmed ones count)."},
            {"name": "partners", "description": "Partner organisations."},
            {"name": "regions", "description": "Administrative regions."},
            {"name": "coverage", "description": "What the media published (press coverage)."},
        ],
    }
)
# API 404s stay JSON 404s instead of redirects to /<lang>/…: see portal/locale.py.
TRACKER_API_THROTTLE = {
    "anon": env.str("API_THROTTLE_ANON", "120/min"),
    "key": env.str("API_THROTTLE_KEY", "600/min"),
}
TRACKER_API_MAX_PAGE_SIZE = 100
TRACKER_API_MAX_BODY_BYTES = env.int("API_MAX_BODY_BYTES", 64 * 1024)
TRACKER_API_CACHE_SECONDS = env.int("API_CACHE_SECONDS", 60)
TRACKER_API_IDEMPOTENCY_HOURS = 48  # "at least 24 hours", with a margin for slow retries
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", [])
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_HEADERS = (
    "accept",
    "accept-language",
    "authorization",
    "content-type",
    "idempotency-key",
    "if-none-match",
    "if-modified-since",
)
CORS_EXPOSE_HEADERS = ("ETag", "Last-Modified", "Retry-After", "Location", "Idempotency-Replayed")
WAGTAILAPI_LIMIT_MAX = TRACKER_API_MAX_PAGE_SIZE
# --- caching (docs/caching.md): {% cache %} fragments under explicit versions ---
# Seconds a template fragment is kept (a new version retires it sooner). Needs a cache every
# process shares (Redis): off by default with the per-process memory cache.
FRAGMENT_CACHE_SECONDS = env.int("FRAGMENT_CACHE_SECONDS", 600 if REDIS_URL else 0)
# Seconds a campaign's figures are kept (a gift retires them sooner). The same rule: a gift
# recorded by another process cannot retire a worker's own memory cache, so without Redis
# every render computes them (three aggregate queries).
TRACKER_CACHE_SECONDS = env.int("TRACKER_CACHE_SECONDS", 3600 if REDIS_URL else 0)
# The deployed revision, part of every fragment key (default: the git commit).
PORTAL_RELEASE = env.str("PORTAL_RELEASE", "")
TEMPLATES[0]["OPTIONS"]["context_processors"].append("portal.caching.fragment_context")
# --- hardening: login lockout, Content-Security-Policy, image pixel limit (docs/security.md) ---
INSTALLED_APPS += ["axes"]
# django-axes: after AXES_FAILURE_LIMIT wrong passwords for one username from one address, the
# login is refused (even with the right password) for AXES_COOLOFF_MINUTES; the address is the
# portal's one client address (PORTAL_TRUSTED_PROXY_COUNT). Last, so it sees the login's answer.
MIDDLEWARE = [*MIDDLEWARE, "axes.middleware.AxesMiddleware"]
# The lockout check first (it authenticates nobody: it refuses a locked-out login), then
# Django's ModelBackend. AxesBackend rather than AxesStandaloneBackend: it can also load a
# user, so a session naming it (force_login picks the first backend) never fails.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
WAGTAILADMIN_USER_LOGIN_FORM = "portal.admin_login.LoginForm"  # labels in every language
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "portal.client_address.client_address"
AXES_LOCKOUT_CALLABLE = "portal.login_lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # failures are kept to count them; successful logins are not
# Private pages' and documents' shared passwords: wrong guesses per address and restriction.
MIDDLEWARE = [*MIDDLEWARE, "portal.password_throttle.PasswordGuessLimitMiddleware"]
PORTAL_PASSWORD_GUESSES = env.int("PORTAL_PASSWORD_GUESSES", 10)
PORTAL_PASSWORD_GUESS_SECONDS = env.int("PORTAL_PASSWORD_GUESS_SECONDS", 900)
# Content-Security-Policy on every answer (policies by area in portal/content_security.py);
MIDDLEWARE.insert(1, "portal.content_security.ContentSecurityPolicyMiddleware")
# No Gravatar in the admin: it sends a hash of each staff e-mail to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor the dashboard's call to releases.wagtail.org (upgrades follow requirements.txt).
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Pixel limit of an uploaded image (admin, choosers, multiple upload): a small PNG of huge
# dimensions costs hundreds of MB at its first thumbnail. 40 MP covers any phone or camera
# photo; Pillow itself refuses twice that anywhere else an image is decoded (portal/apps.py).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env.int("WAGTAILIMAGES_MAX_IMAGE_PIXELS", 40_000_000)
# --- tasks: background work on django-tasks (see portal/settings/tasks.py, docs/deployment.md) ---
from portal.settings.tasks import task_settings  # noqa: E402

INSTALLED_APPS += [
    "django_tasks",
    "django_tasks_db",
    "django_rq",
    "django_tasks_rq",
    "campaigns.background",
    "campaigns.video",
]
# immediate (default here: a process with no worker still does its work), database, rq.
TASK_BACKEND = env.str("TASK_BACKEND", "immediate")
globals().update(task_settings(TASK_BACKEND, REDIS_URL))
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
