"""``make bench``: the production-like stack on loopback, measured side by side in one run.

1. home and campaign pages as static files (nginx): the ceiling for any page server;
2. the same pages through the edge cache (Varnish, deploy/varnish/default.vcl);
3. the same pages from the origin with the edge cache bypassed (gunicorn as deployed: its
   page cache in Redis answers repeat requests), and 3r. the same pages rendered in full on
   every request (a second gunicorn with the page cache off: what a cache miss costs);
4. a trivial Django view under the same gunicorn (/healthz/ping): the framework floor;
5. the campaign totals API.

Prints req/s and p50/p99 for each, the ratios 2/1, 3/4 and 3r/4, and each page's SQL query
count when it is rendered. The origin rows and the floor are measured in turn, in several
rounds (``--rounds``): each round's ratio compares figures taken seconds apart, and the
median over the rounds is reported, so a slow spell of this shared machine during one
scenario cannot make the ratio on its own.
Everything runs on 127.0.0.1, on ports from --port-base (default 8250).
"""

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import stack  # noqa: E402
from bench.wrk import combine, measure  # noqa: E402

PAGES = {"home": "/ar/", "campaign": "/ar/jesr/"}
# Measured in rounds, in turn with the floor: the ratios 3/4 and 3r/4 compare these.
ORIGIN_ROWS = ("3-home", "3-campaign", "3r-home", "3r-campaign", "4-floor")

QUERY_PROBE = """
import json, django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from campaigns.models import CampaignPage
campaign = CampaignPage.objects.get(slug="jesr", locale__language_code="ar")
paths = {"home": "/ar/", "campaign": "/ar/jesr/", "floor": "/healthz/ping",
         "totals": f"/api/v1/campaigns/{campaign.pk}/totals/"}
client = Client(HTTP_HOST="127.0.0.1")  # run with PAGE_CACHE_SECONDS=0: count renders
out = {"campaign_id": campaign.pk}
for name, path in paths.items():
    with CaptureQueriesContext(connection) as first:
        response = client.get(path)
    with CaptureQueriesContext(connection) as second:
        client.get(path)
    out[name] = {"path": path, "status": response.status_code,
                 "cold": len(first), "warm": len(second)}
print(json.dumps(out))
"""


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=5, help="seconds per measurement")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument(
        "--gunicorn-threads", type=int, default=4, help="threads per gunicorn worker"
    )
    parser.add_argument(
        "--rounds", type=int, default=3, help="rounds of the origin rows and the floor"
    )
    parser.add_argument(
        "--round-duration", type=int, default=3, help="seconds per measurement in a round"
    )
    parser.add_argument("--port-base", type=int, default=8250)
    parser.add_argument(
        "--database-url",
        default="postgres://postgres@127.0.0.1:5432/portal_bench",
        help="PostgreSQL database for the run, dropped and created again each run (its name "
        "must contain 'bench': never point it at real data)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    return parser.parse_args()


def require_tools():
    missing = [
        tool for tool in ("varnishd", "wrk", "nginx", "redis-server") if not stack.find_tool(tool)
    ]
    if missing:
        sys.exit(
            f"make bench needs {', '.join(missing)}: "
            "apt-get install -y varnish wrk nginx-light redis-server"
        )


def ensure_postgres_database(url):
    """A new, empty benchmark database if PostgreSQL is up; None (SQLite fallback) if not.

    Each run starts from an empty database: the demo's media files live in the run's own
    work directory, which is removed afterwards, so a database kept from an earlier run
    would name files that no longer exist."""
    import psycopg

    name = url.rsplit("/", 1)[1]
    if "bench" not in name:
        sys.exit(f"--database-url: {name!r} is dropped at each run; its name must contain 'bench'")
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    try:
        with psycopg.connect(admin_url, autocommit=True, connect_timeout=3) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as error:
        print(f"! PostgreSQL unreachable ({error}); falling back to SQLite for this run.")
        return None
    return url


def status_of(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def snapshot_pages(origin, root):
    """Save the origin's HTML of each page as plain files for nginx (scenario 1)."""
    for path in PAGES.values():
        with urllib.request.urlopen(origin + path, timeout=30) as response:
            html = response.read()
        target = root / path.strip("/") / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(html)
        target.chmod(0o644)
        for parent in target.relative_to(root).parents:
            (root / parent).chmod(0o755)


def start_redis(workdir, port):
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--dir", str(workdir)],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    stack.wait_for_port(port, process=process)
    return process


def fmt(value, digits=1):
    return f"{value:,.{digits}f}"


def ratio_line(name, rounds, key, unit="x the floor's p50 latency", target=True):
    """The median over the rounds of ``key``'s p50 over the floor's, with each round's."""
    ratios = [r[key].p50_ms / r["4-floor"].p50_ms for r in rounds if key in r]
    if not ratios:
        return None
    median = statistics.median(ratios)
    each = ", ".join(f"{value:.2f}" for value in ratios)
    verdict = f" (target < 5: {'ok' if median < 5 else 'ABOVE TARGET'})" if target else ""
    return f"ratio {name}: {median:.2f} {unit}{verdict}; rounds {each}"


def report(results, serial, queries, notes, args, database, rounds=(), serial_rounds=()):
    lines = [
        f"make bench — {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; wrk -t{args.threads} "
        f"-c{args.connections} -d{args.duration}s; gunicorn {args.workers} workers x "
        f"{args.gunicorn_threads} threads; origin rows and floor in {args.rounds} rounds of "
        f"{args.round_duration}s (medians); "
        f"database {database}; loopback",
        "",
        f"| {'scenario':<38} | {'req/s':>9} | {'p50 ms':>8} | {'p99 ms':>8} | {'errors':>6} |",
        f"|{'-' * 40}|{'-' * 11}|{'-' * 10}|{'-' * 10}|{'-' * 8}|",
    ]
    for key, result in results.items():
        lines.append(
            f"| {key + ' ' + result.label:<38} | {fmt(result.requests_per_second):>9} | "
            f"{fmt(result.p50_ms, 2):>8} | {fmt(result.p99_ms, 2):>8} | {result.errors:>6} |"
        )
    lines.append("")
    for page in PAGES:
        static, edge = results.get(f"1-{page}"), results.get(f"2-{page}")
        floor = results.get("4-floor")
        if static and edge:
            ratio = edge.requests_per_second / static.requests_per_second
            verdict = "ok" if ratio >= 0.5 else "BELOW TARGET"
            lines.append(f"ratio 2/1 {page}: {ratio:.2f} (req/s, target >= 0.5: {verdict})")
        for row in ("3", "3r"):
            line = ratio_line(f"{row}/4 {page}", rounds, f"{row}-{page}")
            if line and floor:
                throughput = results[f"{row}-{page}"].requests_per_second
                lines.append(f"{line}; req/s ratio {throughput / floor.requests_per_second:.2f}")
    lines.append("")
    lines.append("One connection at a time (no queueing): p50 ms, req/s")
    for key, result in serial.items():
        lines.append(
            f"  {key + ' ' + result.label:<40} p50 {fmt(result.p50_ms, 2):>7} ms  "
            f"p99 {fmt(result.p99_ms, 2):>7} ms  {fmt(result.requests_per_second):>8} req/s"
        )
    for page in PAGES:
        for row in ("3", "3r"):
            line = ratio_line(
                f"{row}/4 {page}, one connection", serial_rounds, f"{row}-{page}",
                unit="x the floor's p50", target=row == "3r",
            )  # fmt: skip
            if line:
                lines.append(line)
    lines.append("")
    lines.append(
        "SQL queries per render (page cache off; first request / repeated request, test client):"
    )
    for name in ("home", "campaign", "floor", "totals"):
        entry = queries[name]
        lines.append(
            f"  {name:<9} {entry['path']:<32} status {entry['status']}  "
            f"queries {entry['cold']} / {entry['warm']}"
        )
    errors = sum(result.errors for result in results.values())
    lines.append("")
    lines.append(f"errors: {errors}")
    lines.extend(f"note: {note}" for note in notes)
    return "\n".join(lines)


def main():
    args = parse_args()
    require_tools()
    ports = {
        "gunicorn": args.port_base,
        "varnish": args.port_base + 1,
        "nginx": args.port_base + 2,
        "redis": args.port_base + 3,
        "render": args.port_base + 4,
    }
    workdir = stack.readable_tempdir("portal-bench-")
    database = ensure_postgres_database(args.database_url) or (
        f"sqlite:///{workdir / 'bench.sqlite3'}"
    )
    processes = []
    notes = []
    try:
        print(f"Work directory {workdir}; starting Redis, preparing the site…", flush=True)
        processes.append(start_redis(workdir, ports["redis"]))
        env = stack.site_env(
            workdir,
            database,
            varnish_port=ports["varnish"],
            redis_url=f"redis://127.0.0.1:{ports['redis']}/0",
            # wrk is one client hammering from one address: the per-client API throttle
            # (120/min anonymous) would answer 429 to all but the first requests.
            extra={"API_THROTTLE_ANON": "10000000/min"},
        )
        stack.prepare_site(env)
        render_env = {**env, "PAGE_CACHE_SECONDS": "0"}
        probe = stack.manage(render_env, "shell", "-c", QUERY_PROBE)
        queries = json.loads(probe.strip().splitlines()[-1])

        for server_env, port in ((env, ports["gunicorn"]), (render_env, ports["render"])):
            processes.append(
                stack.start_gunicorn(
                    server_env, port, workers=args.workers, threads=args.gunicorn_threads
                )
            )
        processes.append(stack.start_varnish(workdir, ports["varnish"], ports["gunicorn"]))
        origin = f"http://127.0.0.1:{ports['gunicorn']}"
        render = f"http://127.0.0.1:{ports['render']}"
        edge = f"http://127.0.0.1:{ports['varnish']}"
        static = f"http://127.0.0.1:{ports['nginx']}"
        snapshot_pages(origin, workdir / "snapshots")
        processes.append(start_nginx_for(workdir, ports["nginx"]))

        plan = []
        for page, path in PAGES.items():
            plan.append((f"1-{page}", "static file (nginx)", static + path))
        for page, path in PAGES.items():
            plan.append((f"2-{page}", "edge cache (Varnish)", edge + path))
        for page, path in PAGES.items():
            plan.append((f"3-{page}", "origin, edge bypassed", origin + path))
        for page, path in PAGES.items():
            plan.append((f"3r-{page}", "origin full render", render + path))
        plan.append(("4-floor", "framework floor /healthz/ping", origin + "/healthz/ping"))
        totals_path = queries["totals"]["path"]
        if status_of(origin + totals_path) == 200:
            plan.append(("5-totals", "totals API (gunicorn)", origin + totals_path))
        else:
            notes.append(f"5 skipped: {totals_path} answers {status_of(origin + totals_path)}")

        wrk = stack.find_tool("wrk")
        results = {}
        for key, label, url in plan:
            if key in ORIGIN_ROWS:
                continue
            print(f"  measuring {key} {label}: {url}", flush=True)
            results[key] = measure(
                label,
                url,
                duration=args.duration,
                connections=args.connections,
                threads=args.threads,
                wrk=wrk,
            )
        origin_plan = [(k, lb, u) for k, lb, u in plan if k in ORIGIN_ROWS]
        rounds = measure_rounds(origin_plan, args, args.connections, args.threads, wrk)
        # The same origin and floor one request at a time: render cost without queueing.
        serial_rounds = measure_rounds(origin_plan, args, 1, 1, wrk, "one connection")
        for key in ORIGIN_ROWS:
            results[key] = combine([r[key] for r in rounds])
        results = {k: results[k] for k, _, _ in plan}  # in the plan's order
        serial = {key: combine([r[key] for r in serial_rounds]) for key in ORIGIN_ROWS}
        text = report(
            results, serial, queries, notes, args, database.split("@")[-1], rounds, serial_rounds
        )
        print()
        print(text)
        out = stack.ROOT / "bench" / "results"
        out.mkdir(exist_ok=True)
        (out / f"bench-{datetime.now(UTC):%Y%m%dT%H%M%S}.txt").write_text(text + "\n")
        return 1 if any(not r.ok for r in [*results.values(), *serial.values()]) else 0
    finally:
        for process in reversed(processes):
            stack.stop(process)
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


def measure_rounds(origin_plan, args, connections, threads, wrk, what="under load"):
    """Each origin row and the floor in turn, ``args.rounds`` times; one dict per round."""
    rounds = []
    for number in range(1, args.rounds + 1):
        print(f"  round {number}/{args.rounds} of the origin rows and the floor, {what}")
        rounds.append(
            {
                key: measure(
                    label,
                    url,
                    duration=args.duration,
                    connections=connections,
                    threads=threads,
                    wrk=wrk,
                )  # fmt: skip
                for key, label, url in origin_plan
            }
        )
    return rounds


def start_nginx_for(workdir, port):
    return stack.start_nginx(workdir, port, workdir / "snapshots")


if __name__ == "__main__":
    started = time.monotonic()
    code = main()
    print(f"\n(bench took {time.monotonic() - started:.0f} s)")
    sys.exit(code)
