"""A real worker process runs the queue: each job once, across a worker restart, and a
failing job is retried with backoff and then reported (database backend on this run's
database — SQLite or PostgreSQL — and RQ on a Redis of the test's own).

Runtime: about 25 s per backend on an idle machine (Python start-ups and the 3 s job).
"""

import os
import signal
import time
from collections import Counter

import pytest

from bench.workers import children

from .conftest import Queue

pytestmark = pytest.mark.slow

EXPECTED_ONCE = [
    "slow-start", "slow", "a", "b", "c", "flaky-try1", "flaky-try2", "flaky",
    "broken-try1", "broken-try2", "broken-try3",
]  # fmt: skip


def run_scenario(queue):
    queue.drive("enqueue")
    first = queue.start_worker()
    queue.wait_for("slow-start")
    # A restart (systemd sends SIGTERM): the job in hand is finished, the rest waits.
    first.send_signal(signal.SIGTERM)
    assert first.wait(timeout=30) == 0
    assert "slow" in queue.lines(), "the job in hand was not finished before the worker stopped"
    queue.start_worker()
    queue.wait_for(*EXPECTED_ONCE)
    return queue


def check(queue):
    counts = Counter(queue.lines())
    assert {line: counts[line] for line in EXPECTED_ONCE} == dict.fromkeys(EXPECTED_ONCE, 1)
    assert "broken-try4" not in counts  # three attempts, no more
    report = None
    for _ in range(20):  # the worker records the last failure just after the job's line
        report = queue.drive("report")
        if any(row[1] == "FAILED" and row[2] == 3 for row in report["records"]):
            break
    failures = [row for row in report["records"] if row[0] == "always_fails"]
    assert [(row[1], row[2], row[3]) for row in failures] == [
        ("FAILED", 1, True), ("FAILED", 2, True), ("FAILED", 3, False),
    ]  # fmt: skip
    assert report["report"] == [
        ["always_fails", "FAILED", 3, "RuntimeError: the partner's server refused the file"]
    ]
    assert report["queue"]["pending"] == 0
    assert report["queue"]["failed"] == 1


def test_database_worker_runs_each_job_once_across_a_restart_and_reports_failure(
    worker_database, tmp_path
):
    queue = Queue("database", worker_database, tmp_path)
    try:
        check(run_scenario(queue))
    finally:
        queue.stop_all()


def test_rq_worker_runs_each_job_once_across_a_restart_and_reports_failure(
    worker_database, redis_url, tmp_path
):
    queue = Queue("rq", worker_database, tmp_path, redis_url)
    try:
        check(run_scenario(queue))
    finally:
        queue.stop_all()


def slow_runs(report):
    return [row for row in report["records"] if row[0] == "slow_run"]


def test_a_job_whose_worker_was_killed_is_run_again_by_the_next_worker(worker_database, tmp_path):
    """SIGKILL (the OOM killer, a pulled plug) mid-job: the schedule's recovery puts the job
    back once its lease ran out, another worker runs it, and it completes once."""
    queue = Queue("database", worker_database, tmp_path)
    queue.env["WORKER_TASK_LEASE_SECONDS"] = "1"
    try:
        queue.drive("enqueue-slow")
        first = queue.start_worker()
        queue.wait_for("slow-start")
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
        queue.workers.remove(first)  # its death is the scenario, not a failure
        assert "slow" not in queue.lines()
        assert slow_runs(queue.drive("report")) == [["slow_run", "RUNNING", 1, False, ""]]

        queue.start_worker()
        queue.drive("recover")
        lines = queue.wait_for("slow")
        assert Counter(lines) == {"slow-start": 2, "slow": 1}
        report = None
        for _ in range(20):  # the worker records the end just after the job's line
            report = queue.drive("report")
            if slow_runs(report) == [["slow_run", "SUCCESSFUL", 1, False, ""]]:
                break
        assert slow_runs(report) == [["slow_run", "SUCCESSFUL", 1, False, ""]]
        assert report["report"] == []  # nothing left running, waiting or failed
        assert report["queue"]["pending"] == 0
    finally:
        queue.stop_all()


def test_an_rq_job_whose_worker_was_killed_is_run_again_by_the_next_worker(
    worker_database, redis_url, tmp_path
):
    """RQ: the worker and its work-horse killed mid-job; once RQ's heartbeat for the job ran
    out (up to 90 s), the schedule's check fails it as abandoned and queues it again; the
    next worker runs it, and it completes once. Runtime: about two minutes."""
    queue = Queue("rq", worker_database, tmp_path, redis_url)
    try:
        queue.drive("enqueue-slow")
        first = queue.start_worker()
        queue.wait_for("slow-start")
        horses = children(first.pid)  # RQ runs the job in a forked work-horse
        assert horses, "the job's work-horse was not found"
        for pid in [first.pid, *horses]:  # as systemd's control-group kill or the OOM killer
            os.kill(pid, signal.SIGKILL)
        first.wait(timeout=30)
        queue.workers.remove(first)
        assert "slow" not in queue.lines()

        queue.start_worker()
        deadline = time.monotonic() + 240
        while "slow" not in queue.lines() and time.monotonic() < deadline:
            queue.drive("recover")  # what the schedule enqueues every minute
            time.sleep(10)
        lines = queue.wait_for("slow", timeout=30)
        assert Counter(lines) == {"slow-start": 2, "slow": 1}
        report = None
        for _ in range(20):
            report = queue.drive("report")
            if ["slow_run", "SUCCESSFUL", 1, False, ""] in slow_runs(report):
                break
        # The killed run is filed as failed and retried; its retry succeeded.
        assert [row[1:4] for row in slow_runs(report)] == [
            ["FAILED", 1, True], ["SUCCESSFUL", 1, False],
        ]  # fmt: skip
        assert report["report"] == []
    finally:
        queue.stop_all()
