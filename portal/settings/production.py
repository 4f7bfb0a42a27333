"""Production: every secret and host comes from the environment; HTTPS everywhere."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import REDIS_URL, env
from .tasks import task_settings

DEBUG = False


def _required(name):
    value = env.str(name, "")
    if not value:
        raise ImproperlyConfigured(
            f"{name} must be set in the environment for production (see README: Environment)."
        )
    return value


SECRET_KEY = _required("SECRET_KEY")
ALLOWED_HOSTS = [h.strip() for h in _required("ALLOWED_HOSTS").split(",") if h.strip()]

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz(/ping)?$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"  # Wagtail previews override this to SAMEORIGIN themselves.

EMAIL_BACKEND = env.str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
if env.str("EMAIL_URL", ""):
    # dj-email-url's schemes: smtp://, smtps:// (TLS on connect, 465), submission:// (STARTTLS,
    # 587), or ?tls=True / ?ssl=True. An unknown scheme would silently send in clear text.
    _email = env.dj_email_url("EMAIL_URL")
    if "EMAIL_BACKEND" not in _email:
        raise ImproperlyConfigured(
            "EMAIL_URL: unknown scheme; use smtp://, smtps:// or submission:// (STARTTLS, 587)."
        )
    globals().update(_email)
# Requests only enqueue mail; a worker sends it through the backend above, retrying with backoff.
PORTAL_EMAIL_DELIVERY_BACKEND = EMAIL_BACKEND
EMAIL_BACKEND = "campaigns.background.mail.QueuedEmailBackend"

# Background work (mail, edge purges, imports) on a real queue: unset, the database queue
# (run `manage.py db_worker`), never "immediate", which would do it all inside the request.
TASK_BACKEND = env.str("TASK_BACKEND", "database")
globals().update(task_settings(TASK_BACKEND, REDIS_URL))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", "INFO")},
}

# --- i18n and search ---
# The offline stand-in translator is for development: production machine-translates only
# when WAGTAIL_LOCALIZE_MACHINE_TRANSLATOR names a real service's class.
if not env.str("WAGTAIL_LOCALIZE_MACHINE_TRANSLATOR", ""):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
