"""The edge and the origin on separate CPUs, as they are on separate machines when deployed.

On one machine, wrk reading the page as fast as it can and Varnish answering it take every
CPU they find, and the origin's gunicorn, task worker and Redis then wait behind them for a
core: a write measured that way times the load generator, not the portal (on 30 November and
1 December 2026, 20 writes/s: API write p99 1.6–3.4 s with everything sharing both cores,
204 ms with the edge and its readers on one core and the origin on the other, same machine,
same minute). ``split`` gives the origin the first CPUs and the edge and its readers the rest;
``running_on`` pins the calling thread, so the processes and threads it starts inherit the set.
PostgreSQL is the machine's own server and is not pinned.
"""

import os
from contextlib import contextmanager


def split(cpus=None):
    """``(origin, edge)``: two disjoint sets of CPU numbers from ``cpus`` (default: the CPUs
    this process may use), the edge getting the last half (at least one); ``(None, None)``
    with fewer than two CPUs, where nothing can be kept apart."""
    cpus = sorted(os.sched_getaffinity(0) if cpus is None else cpus)
    if len(cpus) < 2:
        return None, None
    half = len(cpus) // 2
    return set(cpus[: len(cpus) - half]), set(cpus[len(cpus) - half :])


@contextmanager
def running_on(cpus):
    """Run the block, and whatever it starts, on ``cpus`` (a set of CPU numbers; None: as
    before). Linux affinity is per thread and inherited by the threads and processes it
    starts; the calling thread gets its own set back afterwards."""
    if cpus is None:
        yield
        return
    before = os.sched_getaffinity(0)
    os.sched_setaffinity(0, cpus)
    try:
        yield
    finally:
        os.sched_setaffinity(0, before)
