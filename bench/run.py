"""``make bench``: what users feel, measured side by side in one run on loopback.

1. Floors: a view that passes no middleware (the true framework floor, bench/floor_settings.py)
   beside ``/healthz/ping`` as deployed (every middleware): the middleware's own cost.
2. The campaign-day mix: wrk reads the campaign page through Varnish (the shipped VCL) while
   this process records gifts through the API at 0, 1, 5 and 20 writes/s. For each rate: edge
   hit ratio, read p50/p99, origin renders/s (Varnish backend requests), the staleness of the
   gifts count shown on the page (from an acknowledged write to a read showing it) and the
   API write p50/p99 (bench/campaign_day.py). The purges leave the write's request: one task
   per write on the task queue (``--task-backend``, default ``database``), run by one worker
   started beside gunicorn (bench/stack.py); the worker's log is ``worker.log`` (``--keep``).
3. Cold origin renders of home, campaign and needs pages (every cache emptied, no Redis) with
   SQL queries per render, at the demo's content and at 10x content (bench/probe.py).
4. With ``--peer-git`` (a local clone of wagtail/bakerydemo): our campaign page from the
   origin as deployed beside bakerydemo's home page, same worker model (bench/peer.py).

``--only peer`` runs the site's set-up and step 4 alone.

The edge and the origin are separate machines when deployed: with two CPUs or more, the
origin (gunicorn, its task worker, Redis, bakerydemo's gunicorn) runs on the first CPUs and
Varnish, wrk and this process's writers and watcher on the others (bench/cpus.py), so the load
generator does not take the origin's cores; ``--no-cpu-split`` lets them share every CPU.

``--quick`` shortens every measurement (about two minutes in all, plus the site's set-up).
Everything runs on 127.0.0.1, on ports from --port-base (default 8250).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import cpus, stack  # noqa: E402
from bench.campaign_day import READ_PATH, campaign_day, warm_up  # noqa: E402
from bench.wrk import measure  # noqa: E402

API_KEY = """
import json, django
django.setup()
from campaigns.api.models import PartnerApiKey
from campaigns.api.models.keys import SCOPES
from campaigns.models import CampaignPage
from campaigns.tracker.models import Need
campaign = CampaignPage.objects.get(slug="jesr", locale__language_code="ar")
need = Need.objects.filter(campaign=campaign, locale=campaign.locale).first()
_key, raw = PartnerApiKey.issue(partner=need.partner, name="bench", scopes=SCOPES)
print(json.dumps({"key": raw, "need": need.pk, "unit": need.unit}))
"""


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="short measurements")
    parser.add_argument("--duration", type=int, default=None, help="seconds per measurement")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=None, help="gunicorn workers")
    parser.add_argument("--gunicorn-threads", type=int, default=None)
    parser.add_argument("--worker-class", default=None, help="gunicorn worker class (sync…)")
    parser.add_argument("--renders", type=int, default=5, help="cold renders per page")
    parser.add_argument("--port-base", type=int, default=8250)
    parser.add_argument(
        "--database-url",
        default="postgres://postgres@127.0.0.1:5432/portal_bench",
        help="PostgreSQL database for the run, dropped and created again (its name must "
        "contain 'bench': never point it at real data)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    parser.add_argument(
        "--peer-git", default=None,
        help="git directory of a wagtail/bakerydemo clone: measure beside it (bench/peer.py)",
    )  # fmt: skip
    parser.add_argument("--only", choices=("all", "peer"), default="all")
    parser.add_argument(
        "--no-cpu-split", action="store_true",
        help="let the edge, its readers and the origin share every CPU (bench/cpus.py)",
    )  # fmt: skip
    parser.add_argument(
        "--task-backend", choices=("database", "rq", "immediate"), default="database",
        help="database (default: one db_worker sends the purges, off the write's request), "
        "rq (one RQ worker, as deployed) or immediate (purges inside the request, to compare)",
    )  # fmt: skip
    args = parser.parse_args()
    args.duration = args.duration or (4 if args.quick else 10)
    args.renders = 3 if args.quick else args.renders
    return args


def ensure_postgres_database(url):
    """A new, empty benchmark database if PostgreSQL is up; None (SQLite fallback) if not."""
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


def varnish_counters(workdir):
    """Varnish's hit, miss and backend-request counters (varnishstat)."""
    out = subprocess.run(
        ["varnishstat", "-n", str(workdir / "varnish"), "-1", "-j"],
        capture_output=True, text=True, check=True, timeout=10,
    ).stdout  # fmt: skip
    data = json.loads(out)
    counters = data.get("counters", data)
    names = ("cache_hit", "cache_miss", "cache_hitmiss", "cache_hitpass", "backend_req")
    return {name: counters.get(f"MAIN.{name}", {}).get("value", 0) for name in names}


def floors(args, env, ports, wrk):
    """(true floor, deployed floor) results, measured one after the other twice."""
    results = {"true": [], "deployed": []}
    urls = {
        "true": f"http://127.0.0.1:{ports['floor']}/healthz/ping",
        "deployed": f"http://127.0.0.1:{ports['gunicorn']}/healthz/ping",
    }
    for _ in range(2):
        for name, url in urls.items():
            results[name].append(
                measure(name, url, duration=max(2, args.duration // 2),
                        connections=args.connections, threads=args.threads, wrk=wrk)
            )  # fmt: skip
    return {name: max(runs, key=lambda r: r.requests_per_second) for name, runs in results.items()}


def report(args, database, floor, mix, cold, gunicorn):
    lines = [
        f"make bench — {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; database {database}; "
        f"gunicorn {gunicorn}; tasks {args.task_backend}; "
        f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s; {args.cpu_split}; "
        f"load average {' '.join(f'{n:.2f}' for n in os.getloadavg())}",
        "",
        "Floors (req/s, p50 / p99 ms):",
    ]
    for name, label in (("true", "true floor, no middleware"), ("deployed", "/healthz/ping")):
        r = floor[name]
        lines.append(
            f"  {label:<28} {r.requests_per_second:>9,.0f}  {r.p50_ms:.2f} / {r.p99_ms:.2f}"
        )
    ratio = floor["deployed"].requests_per_second / floor["true"].requests_per_second
    lines += [f"  deployed / true: {ratio:.2f}", "", f"Campaign-day mix (reads of {READ_PATH}):"]
    lines.append(
        "| writes/s | edge hits | read p50 / p99 ms | origin renders/s | staleness max s "
        "| API write p50 / p99 ms (writes/s sent) | errors |"
    )
    lines.append("|---|---|---|---|---|---|---|")
    for row in mix:
        stale = "—" if row["stale_max"] is None else f"{row['stale_max']:.2f}"
        if row["never_shown"]:
            stale += f" ({row['never_shown']} never shown)"
        writes = "—"
        if row["writes"]:
            writes = f"{row['w50']:.0f} / {row['w99']:.0f} ({row['write_rate']:.1f})"
        lines.append(
            f"| {row['rate']} | {row['hits']:.3f} % | {row['p50']:.2f} / {row['p99']:.2f} "
            f"| {row['renders']:.2f} | {stale} | {writes} | {row['errors'] + row['failed']} |"
        )
    lines += ["", "Cold origin renders (every cache emptied, no Redis): median ms (SQL queries)"]
    counts = cold.pop("counts")
    needs_api = cold.pop("needs_api", {})
    for size, pages in cold.items():
        cells = ", ".join(f"{n} {p['ms']:.1f} ms ({p['q']} q)" for n, p in pages.items())
        lines.append(f"  {size:<4} {cells}")
    lines.append(f"  10x content: {counts}")
    if needs_api:
        small, large = needs_api["100"], needs_api["10000"]
        lines.append(
            f"/api/v1/needs/ (first page, in process): {small['ms']:.1f} ms at 100 needs, "
            f"{large['ms']:.1f} ms at 10,000: throughput ratio {small['ms'] / large['ms']:.2f} "
            "(target >= 0.8)"
        )
    return "\n".join(lines)


def beside_peer(args, origin, ports, extra, wrk, split, origin_pid=None):
    """Report lines: our campaign page from the origin beside bakerydemo's home page, both
    on the origin's CPUs and wrk on the edge's (``split``: ``cpus.split()``), and how the
    origin's workers (children of ``origin_pid``, its gunicorn master) shared the CPU."""
    from bench import peer

    print("  bakerydemo: preparing (first run: its virtualenv and demo data)…", flush=True)
    site = peer.prepare(Path(args.peer_git))
    model = (extra.get("workers", 2), extra.get("threads", 4), extra.get("worker_class", "gthread"))
    with cpus.running_on(split[0]):
        process = peer.start(site, ports["peer"], *model)
    try:
        for url in (origin + peer.OUR_PATH, f"http://127.0.0.1:{ports['peer']}/"):
            urllib.request.urlopen(url, timeout=60).read()  # noqa: S310 - loopback; warm
        with cpus.running_on(split[1]):
            result = peer.compare(
                args, origin, f"http://127.0.0.1:{ports['peer']}", wrk, origin_pid=origin_pid
            )
    finally:
        stack.stop(process)
    return peer.report_lines(result, f"{model[0]} workers x {model[1]} threads ({model[2]})")


def main():
    args = parse_args()
    for tool in ("varnishd", "varnishstat", "wrk", "redis-server"):
        if not stack.find_tool(tool):
            sys.exit(f"make bench needs {tool}: apt-get install -y varnish wrk redis-server")
    wrk = stack.find_tool("wrk")
    names = ("gunicorn", "varnish", "redis", "floor", "peer")
    ports = {name: args.port_base + number for number, name in enumerate(names)}
    workdir = stack.readable_tempdir("portal-bench-")
    database = ensure_postgres_database(args.database_url) or f"sqlite:///{workdir / 'b.sqlite3'}"
    processes = []
    origin_cpus, edge_cpus = (None, None) if args.no_cpu_split else cpus.split()
    args.cpu_split = (
        f"origin on CPU {sorted(origin_cpus)}, edge and readers on CPU {sorted(edge_cpus)}"
        if origin_cpus
        else "edge, readers and origin on every CPU"
    )
    try:
        print(f"Work directory {workdir}; preparing the site…", flush=True)
        with cpus.running_on(origin_cpus):
            processes.append(stack.start_redis(workdir, ports["redis"]))
        env = stack.site_env(
            workdir, database, varnish_port=ports["varnish"],
            redis_url=f"redis://127.0.0.1:{ports['redis']}/0",
            extra={"API_THROTTLE_ANON": "10000000/min", "API_THROTTLE_KEY": "10000000/min",
                   "TASK_BACKEND": args.task_backend},
        )  # fmt: skip
        stack.prepare_site(env)
        # The site's address is the edge's: purges name the host the readers use.
        stack.manage(env, "set_site_url", f"http://127.0.0.1:{ports['varnish']}", "--force")
        credentials = json.loads(stack.manage(env, "shell", "-c", API_KEY).strip().splitlines()[-1])
        extra = {}
        if args.workers:
            extra["workers"] = args.workers
        if args.gunicorn_threads:
            extra["threads"] = args.gunicorn_threads
        if args.worker_class:
            extra["worker_class"] = args.worker_class
        with cpus.running_on(origin_cpus):
            processes.append(stack.start_gunicorn(env, ports["gunicorn"], **extra))
            worker = stack.start_task_worker(env, log=(workdir / "worker.log").open("w"))
            processes.append(worker)
            floor_env = {**env, "DJANGO_SETTINGS_MODULE": "bench.floor_settings"}
            processes.append(stack.start_gunicorn(floor_env, ports["floor"], **extra))
        with cpus.running_on(edge_cpus):
            processes.append(stack.start_varnish(workdir, ports["varnish"], ports["gunicorn"]))
        origin = f"http://127.0.0.1:{ports['gunicorn']}"
        edge = f"http://127.0.0.1:{ports['varnish']}"
        gunicorn = "gunicorn.conf.py" + (f" {extra}" if extra else "")
        peer_lines = []
        if args.peer_git:
            peer_lines = beside_peer(
                args, origin, ports, extra, wrk, (origin_cpus, edge_cpus), processes[1].pid
            )
            print("\n".join(peer_lines), flush=True)
        if args.only == "peer":
            return 0
        with cpus.running_on(edge_cpus):  # wrk, the writers and the watcher: the readers' side
            floor = floors(args, env, ports, wrk)
            warm = warm_up(edge, origin, credentials)
            shown = "never" if warm is None else f"after {warm:.2f} s"
            print(f"  first gift shown through the edge {shown} (worker warm-up)")
            counters = lambda: varnish_counters(workdir)  # noqa: E731
            mix = campaign_day(args, counters, edge, origin, credentials, wrk)
        for process in processes[1:]:
            stack.stop(process)  # the cold renders need the CPU alone
        cold_env = {**env, "REDIS_URL": "", "FRAGMENT_CACHE_SECONDS": "0",
                    "TASK_BACKEND": "immediate"}  # fmt: skip
        probe = (stack.ROOT / "bench" / "probe.py").read_text()
        probe = probe.replace("main()\n", f"main(runs={args.renders}, needs=True)\n")
        cold = json.loads(stack.manage(cold_env, "shell", "-c", probe).strip().splitlines()[-1])
        text = report(args, database.split("@")[-1], floor, mix, cold, gunicorn)
        text += "\n\n" + "\n".join(peer_lines) if peer_lines else ""
        print("\n" + text)
        out = stack.ROOT / "bench" / "results"
        out.mkdir(exist_ok=True)
        (out / f"bench-{datetime.now(UTC):%Y%m%dT%H%M%S}.txt").write_text(text + "\n")
        return 1 if any(row["errors"] or row["failed"] for row in mix) else 0
    finally:
        for process in reversed(processes):
            stack.stop(process)
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    started = time.monotonic()
    code = main()
    print(f"\n(bench took {time.monotonic() - started:.0f} s)")
    sys.exit(code)
