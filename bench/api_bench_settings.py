"""Settings for bench/api_bench.py: the dev settings, DEBUG off, limits out of the way."""

from portal.settings.dev import *  # noqa: F403

DEBUG = False
ROOT_URLCONF = "api_bench_urls"
TRACKER_API_THROTTLE = {"anon": None, "key": None}
LOGGING = {"version": 1, "disable_existing_loggers": False}
