"""Origin render cost in-process: median ms per anonymous render, pages vs the framework floor.

    python bench/render_profile.py                 # builds the demo in a throw-away SQLite db
    python bench/render_profile.py -n 200 --profile /ar/jesr/   # plus cProfile's top costs
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_perf_bench python bench/render_profile.py
    REDIS_URL=redis://127.0.0.1:6379/4 python bench/render_profile.py  # fragments kept in Redis

Renders each URL through Django's test client (full middleware stack, no network, no edge
cache) and prints the median and p90 per render (the URLs taken in turn), the SQL queries
of a repeated request, and the ratio to ``/healthz/ping`` (a view doing no database or cache
work), side by side in one run. Template fragments (``{% cache %}``, portal/caching.py) are
kept only with ``REDIS_URL`` (bench/render_settings.py).
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

URLS = ["/healthz/ping", "/ar/", "/ar/jesr/", "/fr/jesr/"]


def setup():
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    default = "bench.render_settings" if os.environ.get("REDIS_URL") else "portal.settings.test"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", default)
    import django

    django.setup()
    from django.core.management import call_command

    from portal.catalogues import compile_all

    compile_all()
    with open(os.devnull, "w") as quiet:
        call_command("migrate", verbosity=0, stdout=quiet)
        call_command("load_demo_content", stdout=quiet)


def timed(client, urls, n):
    """Median and p90 ms per URL, the URLs taken in turn (a slow spell hits them all alike)."""
    samples = {url: [] for url in urls}
    for _ in range(n):
        for url in urls:
            start = time.perf_counter()
            response = client.get(url)
            samples[url].append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, f"{url}: {response.status_code}"
    for times in samples.values():
        times.sort()
    return {
        url: (statistics.median(times), times[int(len(times) * 0.9) - 1])
        for url, times in samples.items()
    }


def queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    return len(ctx.captured_queries)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=200, help="renders per URL")
    parser.add_argument("--profile", metavar="URL", help="cProfile this URL, print top costs")
    args = parser.parse_args()
    setup()
    from django.test import Client

    client = Client()
    for url in URLS:  # warm: first render fills renditions, caches, template loaders
        for _ in range(3):
            client.get(url)
    timings = timed(client, URLS, args.n)
    rows = [(url, *timings[url], queries(client, url)) for url in URLS]
    floor = rows[0][1]
    from django.conf import settings

    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    print(f"cache {backend}, fragments kept {settings.FRAGMENT_CACHE_SECONDS}s")
    print(f"{'url':<16} {'median ms':>10} {'p90 ms':>8} {'queries':>8} {'x floor':>8}")
    for url, median, p90, count in rows:
        print(f"{url:<16} {median:>10.2f} {p90:>8.2f} {count:>8} {median / floor:>8.1f}")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(args.n):
            client.get(args.profile)
        profiler.disable()
        out = io.StringIO()
        order = os.environ.get("PROFILE_SORT", "cumulative")  # or tottime
        pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(45)
        print(out.getvalue())


if __name__ == "__main__":
    main()
