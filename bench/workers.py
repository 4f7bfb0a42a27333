"""How the origin's gunicorn workers share the work, read from /proc.

A keep-alive connection stays with the worker that accepted it: with the wrong settings one
worker took every connection of the load generator while another idled (issue 20: 11 of 36
runs, halving throughput). ``make bench`` therefore reports the CPU each worker used while
wrk read our page, so an idle worker shows in every run instead of hiding in a median.
Linux only (``/proc``); elsewhere the line is left out.
"""

import os
from pathlib import Path

TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


def children(pid):
    """The process ids of ``pid``'s children (gunicorn's master: its workers), [] if unknown."""
    listing = Path(f"/proc/{pid}/task/{pid}/children")
    try:
        return [int(child) for child in listing.read_text().split()]
    except OSError:
        found = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:  # the field after the state: the parent's id
                found.append(int(stat.parent.name))
        return found


def cpu_seconds(master_pid):
    """``{worker pid: CPU seconds used so far (user + system)}`` for each child of
    ``master_pid``; {} without /proc."""
    seconds = {}
    for pid in children(master_pid):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # recycled meanwhile (max_requests)
        # Fields after the command's ")": state is 3rd of stat(5); utime 14th, stime 15th.
        seconds[pid] = (int(fields[11]) + int(fields[12])) / TICKS_PER_SECOND
    return seconds


def add_usage(totals, before, after):
    """Add to ``totals`` (``{pid: seconds}``) what each worker used between two readings."""
    for pid, used in after.items():
        totals[pid] = totals.get(pid, 0.0) + used - before.get(pid, 0.0)


def shares_line(totals):
    """``"workers' CPU: 51 % / 49 % (idlest at 98 % of an even share)"``, busiest first;
    "" when nothing was measured."""
    spent = sum(totals.values())
    if not totals or spent <= 0:
        return ""
    shares = sorted((used / spent for used in totals.values()), reverse=True)
    even = 1 / len(shares)
    verdict = "an idle worker" if shares[-1] < even / 4 else "no idle worker"
    return (
        f"workers' CPU while wrk read it: {' / '.join(f'{s:.0%}' for s in shares)} "
        f"(idlest at {shares[-1] / even:.0%} of an even share: {verdict})"
    )
