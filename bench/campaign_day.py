"""The campaign-day mix for ``make bench`` (bench/run.py): wrk reads the campaign page through
the edge while this process records gifts through the API at a given rate; per rate, the edge
hit ratio, read p50/p99, origin renders/s, the staleness of the gifts count shown on the page
and the API write p50/p99."""

import json
import re
import threading
import time
import urllib.error
import urllib.request

from bench.wrk import measure

RATES = (0, 1, 5, 20)
READ_PATH = "/en/jesr/"
GIFTS = re.compile(r"<dt>Gifts recorded</dt>\s*<dd><strong>([^<]+)</strong>")


def gifts_shown(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback
        match = GIFTS.search(response.read().decode())
    return int(re.sub(r"\D", "", match.group(1))) if match else None


def percentile(values, share):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * share))] if values else float("nan")


def record_gifts(origin, credentials, rate, duration, acks, latencies, stop):
    """POST gifts at ``rate`` per second for ``duration`` s, each on schedule in its own
    thread (open loop: a slow answer does not lower the rate, as a partner's systems would
    not wait for one another); note each acknowledgement."""
    if not rate:
        return
    body = json.dumps({
        "need": credentials["need"], "kind": "in_kind", "quantity": "1",
        "unit": credentials["unit"], "status": "received",
    }).encode()  # fmt: skip

    def write():
        request = urllib.request.Request(  # noqa: S310 - loopback
            origin + "/api/v1/contributions/",
            data=body,
            headers={
                "Authorization": f"Bearer {credentials['key']}",
                "Content-Type": "application/json",
            },
        )
        began = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                ok = response.status == 201
        except urllib.error.HTTPError as error:
            ok = False
            print(f"  ! write answered {error.code}: {error.read()[:200]!r}")
        done = time.monotonic()
        latencies.append((done - began) * 1000)
        if ok:
            acks.append(done)

    interval, start = 1 / rate, time.monotonic()
    writers, sent = [], 0
    while not stop.is_set() and time.monotonic() - start < duration:
        writers.append(threading.Thread(target=write))
        writers[-1].start()
        sent += 1
        time.sleep(max(0.0, start + sent * interval - time.monotonic()))
    for writer in writers:
        writer.join()


def watch_figure(url, seen, stop):
    """Read the page through the edge every 20 ms; note (time, gifts shown)."""
    while not stop.is_set():
        seen.append((time.monotonic(), gifts_shown(url)))
        time.sleep(0.02)


def staleness(acks, seen, initial):
    """Seconds from each acknowledged write to the first read showing it (None if never)."""
    delays = []
    for number, acked in enumerate(acks, start=1):
        shown = next(
            (t for t, count in seen if t >= acked and (count or 0) >= initial + number), None
        )
        delays.append(None if shown is None else shown - acked)
    return delays


def campaign_day(args, counters, edge, origin, credentials, wrk):
    """One row per rate in ``RATES`` (``counters()``: Varnish's counters, bench/run.py)."""
    rows = []
    for rate in RATES:
        print(f"  campaign-day mix: {rate} writes/s for {args.duration} s", flush=True)
        initial = gifts_shown(edge + READ_PATH)
        before = counters()
        acks, latencies, seen, stop = [], [], [], threading.Event()
        threads = [
            threading.Thread(
                target=record_gifts,
                args=(origin, credentials, rate, args.duration, acks, latencies, stop),
            ),
            threading.Thread(target=watch_figure, args=(edge + READ_PATH, seen, stop)),
        ]
        for thread in threads:
            thread.start()
        reads = measure(
            "reads", edge + READ_PATH, duration=args.duration,
            connections=args.connections, threads=args.threads, wrk=wrk,
        )  # fmt: skip
        time.sleep(2)  # let the last writes show
        stop.set()
        for thread in threads:
            thread.join()
        after = counters()
        delta = {name: after[name] - before[name] for name in after}
        lookups = delta["cache_hit"] + delta["cache_miss"] + delta["cache_hitmiss"]
        delays = staleness(sorted(acks), seen, initial)
        shown = [d for d in delays if d is not None]
        rows.append(
            {
                "rate": rate,
                "hits": 100 * delta["cache_hit"] / lookups if lookups else float("nan"),
                "p50": reads.p50_ms,
                "p99": reads.p99_ms,
                "errors": reads.errors,
                "renders": delta["backend_req"] / args.duration,
                "stale_max": max(shown) if shown else None,
                "never_shown": len(delays) - len(shown),
                "writes": len(latencies),
                "write_rate": len(latencies) / args.duration,
                "failed": len(latencies) - len(acks),
                "w50": percentile(latencies, 0.5),
                "w99": percentile(latencies, 0.99),
            }  # fmt: skip
        )
    return rows


def warm_up(edge, origin, credentials, timeout=60.0):
    """Record one gift and wait until the edge shows it: the task worker's first job pays its
    imports, which no later write does. Returns the seconds it took (None: never shown)."""
    initial = gifts_shown(edge + READ_PATH) or 0
    acks, latencies = [], []
    record_gifts(origin, credentials, 1, 0.5, acks, latencies, threading.Event())
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if (gifts_shown(edge + READ_PATH) or 0) > initial:
            return time.monotonic() - started
        time.sleep(0.1)
    return None
