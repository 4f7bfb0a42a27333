"""``make load``: nothing lost under load and faults, proven from the database and the API.

On the production-like stack on loopback (gunicorn with production settings, PostgreSQL in
its own ``portal_load`` database, Redis, the shipped Varnish configuration in front), a
bounded mixed load runs: anonymous page reads in Arabic, French and English, public API
reads, and partner systems writing through the API (gifts, status changes, deliveries,
confirmations by a second key) with ``Idempotency-Key`` and deliberate retries
(``bench/load_client.py``). Each run injects one fault a third of the way in:

- ``redis``: Redis stopped, then started again (empty);
- ``worker``: a gunicorn worker killed with ``SIGKILL`` (gunicorn starts another);
- ``postgres``: every connection of the portal cut (``pg_terminate_backend``), three times.

After each run, with the stack quiet again, it checks that the rows written are exactly the
writes acknowledged with 2xx (none missing, none twice, each with its final status), that
every figure the service layer serves (per campaign, category, region, partner and need, per
currency and unit) equals the figure added up row by row, that the public API serves the same
figures from the origin and, once the VCL's grace for soft-purged copies is over, through
Varnish (households counts withheld by small-number suppression are not compared: they are
not published exactly), and that no 5xx came outside a fault, or with another status than
the documented ``503`` during one. It prints a table and exits 1 on any mismatch.
``--quick``: 30 s per fault. The migrated demo is kept as a template database for the next
run (``--fresh``: prepare it again). Everything listens on 127.0.0.1 only.
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import stack  # noqa: E402
from bench.load_check import GROUPS, WITHHELD, flatten  # noqa: E402
from bench.load_client import Ledger, Stats, Writer, reader  # noqa: E402
from bench.load_site import FAULTS, Database, Stack  # noqa: E402

EDGE_GRACE = 10  # seconds a soft-purged copy may still be served (req.grace, default.vcl)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="30 s per fault (for CI)")
    parser.add_argument("--duration", type=int, default=120, help="seconds per fault run")
    parser.add_argument("--fault", choices=[*FAULTS, "all"], default="all")
    parser.add_argument("--readers", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--gunicorn-threads", type=int, default=4)
    parser.add_argument("--port-base", type=int, default=10300)
    parser.add_argument(
        "--database-url",
        default="postgres://postgres@127.0.0.1:5432/portal_load",
        help="dropped and created again each run: its name must contain 'load'",
    )
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    parser.add_argument(
        "--fresh", action="store_true",
        help="migrate and load the demo even if a prepared copy of this site exists",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if args.quick:
        args.duration = 30
    return args


class Checker:
    """``bench/load_check.py serve`` in the site's environment: Django set up once, then one
    JSON answer per request (a few seconds each instead of a new process each time)."""

    def __init__(self, env):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bench.load_check", "serve"],
            cwd=stack.ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            text=True,
        )  # fmt: skip

    def ask(self, command, **options):
        """The answer to ``command`` (``setup``, ``snapshot`` or ``figures``), a dict.

        :raises RuntimeError: the command failed (its error), or the process ended.
        """
        self.process.stdin.write(json.dumps({"command": command, **options}) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"load_check ended with {self.process.wait()}")
        answer = json.loads(line)
        if "error" in answer:
            raise RuntimeError(f"load_check {command}: {answer['error']}")
        return answer

    def stop(self):
        if self.process.poll() is None:
            self.process.stdin.close()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                stack.stop(self.process)


def wait_healthy(origin, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(origin + "/healthz", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise TimeoutError("the stack did not become healthy again")


def run_once(site, checker, spec, fault, args):
    """One run with one fault; the figures it compared and what it found."""
    before = checker.ask("snapshot")
    stats, ledger, stop = Stats(), Ledger(), threading.Event()
    threads = [
        threading.Thread(target=reader, args=(site.edge, spec["campaign"], stats, stop, i))
        for i in range(args.readers)
    ]
    writers = [Writer(site.edge, w, ledger, stats, seed=n) for n, w in enumerate(spec["writers"])]
    threads += [threading.Thread(target=w.run, args=(stop,)) for w in writers]
    for thread in threads:
        thread.start()
    time.sleep(args.duration / 3)
    stats.fault_start = time.monotonic()
    site.fault(fault, hold=max(5, args.duration // 5))
    stats.fault_end = time.monotonic()
    time.sleep(max(0, args.duration * 2 / 3 - (stats.fault_end - stats.fault_start)))
    stop.set()
    for thread in threads:
        thread.join()
    quiet = time.monotonic()
    wait_healthy(site.origin)
    found = checker.ask(
        "figures", after_contribution=before["contribution"], after_delivery=before["delivery"]
    )
    public = {"origin": public_figures(site.origin, spec["campaign"])}
    # Every write soft-purged the figures from the edge when it committed; a soft-purged copy
    # may still be served for the VCL's grace while the origin is healthy (req.grace, 10 s),
    # then the edge must fetch the new figures. Past that, it may serve nothing older.
    time.sleep(max(0.0, quiet + EDGE_GRACE + 1 - time.monotonic()))
    public["edge"] = public_figures(site.edge, spec["campaign"])
    return stats, compare(ledger, found, public, stats)


def public_figures(base_url, campaign):
    """The public API's figures of ``campaign`` from ``base_url`` (origin or edge), flat."""
    out = {}
    base = f"{base_url}/api/v1/campaigns/{campaign}/totals/"
    with urllib.request.urlopen(base, timeout=40) as response:
        flatten("campaign", json.load(response)["totals"], out)
    for group in GROUPS:
        with urllib.request.urlopen(f"{base}?by={group}", timeout=40) as response:
            for entry in json.load(response)["groups"]:
                flatten(f"{group}:{entry['key']}", entry["totals"], out)
    return out


def compare(ledger, found, public, stats):
    """``{"compared": n, "mismatches": [...]}``: ledger vs rows, rows vs service vs API."""
    mismatches = []
    for kind, book in (("contributions", ledger.contributions), ("deliveries", ledger.deliveries)):
        rows = found["rows"][kind]
        acked = {str(i): entry for i, entry in book.items()}
        missing, extra = acked.keys() - rows.keys(), rows.keys() - acked.keys()
        mismatches += [f"{kind} {i}: acknowledged, not in the database" for i in missing]
        mismatches += [f"{kind} {i}: in the database, never acknowledged" for i in extra]
        for entry_id in acked.keys() & rows.keys():
            row, want = rows[entry_id], acked[entry_id]
            for field, value in want.items():
                if row[field] != value:
                    mismatches.append(f"{kind} {entry_id}: {field} {row[field]} ≠ acked {value}")
    compared = len(found["rows"]["contributions"]) + len(found["rows"]["deliveries"])
    withheld = 0
    exact, service = found["exact"], found["service"]
    sources = [("service", service), ("API from the origin", public["origin"]),
               ("API through Varnish", public["edge"])]  # fmt: skip
    for source, figures in sources:
        for key in exact.keys() | figures.keys():
            want, got = exact.get(key, "0"), figures.get(key, "0")
            if got == WITHHELD:
                withheld += 1  # small-number suppression: never published exactly
                continue
            compared += 1
            if want != str(got):
                mismatches.append(f"{source} {key}: {got} ≠ exact {want}")
    mismatches += stats.problems
    mismatches += [f"5xx not allowed: {bad}" for bad in stats.undocumented()]
    return {"compared": compared, "withheld": withheld, "mismatches": mismatches}


def report(rows):
    head = ("run", "requests", "writes acked", "retries", "5xx before/fault/after",
            "figures compared", "mismatches")  # fmt: skip
    lines = [head]
    for fault, stats, result in rows:
        errors = stats.server_errors()
        lines.append((
            fault, str(sum(stats.requests.values())), str(stats.writes["acknowledged"]),
            str(sum(stats.retries.values())),
            "/".join(str(errors.get(p, 0)) for p in ("before", "fault", "after")),
            str(result["compared"]), str(len(result["mismatches"])),
        ))  # fmt: skip
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    for n, line in enumerate(lines):
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))
        if n == 0:
            print("  ".join("-" * width for width in widths))
    for fault, stats, result in rows:
        detail = ", ".join(f"{k} {v}" for k, v in sorted(stats.retries.items()))
        statuses = {p: dict(c) for p, c in stats.statuses.items()}
        print(f"\n{fault}: retries: {detail or 'none'}; answers by phase: {statuses}")
        print(f"  slowest answer by phase (s): {dict(stats.slowest)}")
        print(f"  households counts withheld (small numbers), not compared: {result['withheld']}")
        for phase, examples in stats.failed_paths.items():
            print(f"  {phase}: {'; '.join(examples)}")
        for line in result["mismatches"][:15]:
            print(f"  ! {line}")


def main(argv=None):
    args = parse_args(argv)
    for tool in ("redis-server", "varnishd"):
        if not stack.find_tool(tool):
            sys.exit(f"make load needs {tool}: apt-get install -y redis-server varnish")
    database = Database(args.database_url)
    workdir = stack.readable_tempdir("portal-load-")
    site = Stack(args, workdir)
    rows, checker, began = [], None, time.monotonic()
    try:
        print(f"Work directory {workdir}; preparing the site in {args.database_url}…", flush=True)
        site.start(database)
        checker = Checker(site.env)
        spec = checker.ask("setup")
        cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
        used = cpu.ru_utime + cpu.ru_stime
        print(f"Site ready in {time.monotonic() - began:.0f} s ({used:.0f} s of CPU).", flush=True)
        for fault in FAULTS if args.fault == "all" else [args.fault]:
            print(f"Run with fault {fault!r}: {args.duration} s…", flush=True)
            started = time.monotonic()
            stats, result = run_once(site, checker, spec, fault, args)
            print(f"  done in {time.monotonic() - started:.0f} s.", flush=True)
            rows.append((fault, stats, result))
    finally:
        if checker:
            checker.stop()
        site.stop()
        if not args.keep:
            import shutil

            shutil.rmtree(workdir, ignore_errors=True)
    report(rows)
    print(f"\nWall time {time.monotonic() - began:.0f} s; load average {os.getloadavg()}.")
    failed = any(result["mismatches"] for _f, _s, result in rows)
    print("\nFAIL: see the mismatches above." if failed else "\nOK: every figure exact.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
