"""Run wrk against one URL and read back requests per second, p50/p99 latency and errors."""

import re
import statistics
import subprocess
from dataclasses import dataclass

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


@dataclass
class Result:
    label: str
    url: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int  # socket errors, timeouts and non-2xx/3xx responses

    @property
    def ok(self):
        return self.errors == 0 and self.requests > 0


def _latency_ms(text):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip())
    if not match:
        raise ValueError(f"unreadable latency {text!r}")
    return float(match.group(1)) * UNITS[match.group(2)]


def parse(label, url, output):
    """Parse ``wrk --latency`` output."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    p50 = _latency_ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    p99 = _latency_ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    errors = 0
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if socket:
        errors += sum(int(n) for n in socket.groups())
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if non_2xx:
        errors += int(non_2xx.group(1))
    return Result(label, url, rps, p50, p99, requests, errors)


def measure(label, url, *, duration=5, connections=16, threads=2, wrk="wrk"):
    """Load ``url`` for ``duration`` seconds (after a one-second warm-up)."""
    subprocess.run(
        [wrk, "-t1", "-c4", "-d1s", url], capture_output=True, text=True, timeout=60, check=True
    )
    completed = subprocess.run(
        [
            wrk,
            f"-t{threads}",
            f"-c{connections}",
            f"-d{duration}s",
            "--timeout",
            "10s",
            "--latency",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=duration + 60,
        check=True,
    )
    return parse(label, url, completed.stdout)


def combine(results):
    """One result from several rounds of the same scenario: medians of the rates and
    latencies, totals of the requests and errors."""
    first = results[0]
    return Result(
        first.label,
        first.url,
        statistics.median(r.requests_per_second for r in results),
        statistics.median(r.p50_ms for r in results),
        statistics.median(r.p99_ms for r in results),
        sum(r.requests for r in results),
        sum(r.errors for r in results),
    )
