"""Settings for bench/render_profile.py when REDIS_URL is set: the test settings on Redis.

The cache is shared as in production, so template fragments are kept
(``FRAGMENT_CACHE_SECONDS``); each run files its keys under its own prefix.
"""

import copy
import uuid

from portal.settings import base
from portal.settings.test import *  # noqa: F403

CACHES = copy.deepcopy(base.CACHES)
CACHES["default"]["KEY_PREFIX"] = f"render-bench-{uuid.uuid4().hex[:8]}"
FRAGMENT_CACHE_SECONDS = base.env.int("FRAGMENT_CACHE_SECONDS", 600)
