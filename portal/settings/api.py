"""The APIs: the tracker API (DRF, /api/v1/), its OpenAPI schema, CORS, Wagtail's /api/v2/.

The tracker API's views set their own authentication, parsers and error handler, so Wagtail's
admin API and wagtail-localize keep DRF's defaults. API 404s stay JSON 404s instead of
redirects to /<lang>/…: see portal/locale.py.
"""

from .environment import env

# How many trusted proxies append to X-Forwarded-For (1 behind the edge cache): the client is
# the N-th entry from the right, REMOTE_ADDR with 0 (see portal/client_address.py). One rule
# for the offer form's rate limit, the login lockout and the API's throttling (DRF's NUM_PROXIES).
PORTAL_TRUSTED_PROXY_COUNT = env.int("PORTAL_TRUSTED_PROXY_COUNT", env.int("API_NUM_PROXIES", 0))

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    "NUM_PROXIES": PORTAL_TRUSTED_PROXY_COUNT,
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
    # Served without any CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
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

TRACKER_API_THROTTLE = {
    "anon": env.str("API_THROTTLE_ANON", "120/min"),
    "key": env.str("API_THROTTLE_KEY", "600/min"),
}
TRACKER_API_MAX_PAGE_SIZE = 100
TRACKER_API_MAX_BODY_BYTES = env.int("API_MAX_BODY_BYTES", 64 * 1024)
TRACKER_API_CACHE_SECONDS = env.int("API_CACHE_SECONDS", 60)
TRACKER_API_IDEMPOTENCY_HOURS = 48  # "at least 24 hours", with a margin for slow retries
WAGTAILAPI_LIMIT_MAX = TRACKER_API_MAX_PAGE_SIZE

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
