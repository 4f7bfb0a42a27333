"""Settings shared by every environment, read from the environment through environs.

With no environment at all the portal runs embedded: SQLite and media under ``var/``,
a local-memory cache and Wagtail's database search.
"""

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
    "django.contrib.sessions.middleware.SessionMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
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
WAGTAIL_LOCALIZE_MACHINE_TRANSLATOR = None

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
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# --- api (tracker API /api/v1/, Wagtail API /api/v2/) ---
# The tracker API's views set their own authentication, parsers and error handler, so Wagtail's
# admin API and wagtail-localize keep DRF's defaults.
# NUM_PROXIES: how many trusted proxies add X-Forwarded-For (1 behind the edge cache); with 0
# the client address is REMOTE_ADDR, so a client cannot dodge throttling with a forged header.
REST_FRAMEWORK.update(
    {"TEST_REQUEST_DEFAULT_FORMAT": "json", "NUM_PROXIES": env.int("API_NUM_PROXIES", 0)}
)
SPECTACULAR_SETTINGS.update(
    {
        "DESCRIPTION": (
            "Public reads of campaigns, needs, contributions, deliveries, partners and regions; "
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
        ],
    }
)
# API 404s stay JSON 404s instead of redirects to /<lang>/… (see campaigns/api/middleware.py).
MIDDLEWARE = [
    "campaigns.api.middleware.PortalLocaleMiddleware"
    if name == "django.middleware.locale.LocaleMiddleware"
    else name
    for name in MIDDLEWARE
]
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
