"""Tasks the worker tests enqueue: each run leaves a line in WORKER_RUNS_FILE."""

import os
import time

from django_tasks import task

from campaigns.background.retry import retry_on_failure


def _append(line):
    with open(os.environ["WORKER_RUNS_FILE"], "a") as runs:
        runs.write(f"{line}\n")


@task()
def record_run(name):
    _append(name)


@task()
def slow_run(name, seconds):
    _append(f"{name}-start")
    time.sleep(seconds)
    _append(name)


@task(takes_context=True)
def flaky(context, name, attempt=1):
    with retry_on_failure(context, attempt, max_attempts=3, first_delay=1):
        _append(f"{name}-try{attempt}")
        if attempt < 2:
            raise RuntimeError("flaky: the first attempt fails")
    _append(name)


@task(takes_context=True)
def always_fails(context, attempt=1):
    with retry_on_failure(context, attempt, max_attempts=3, first_delay=1):
        _append(f"broken-try{attempt}")
        raise RuntimeError("the partner's server refused the file")
