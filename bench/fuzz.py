"""``make fuzz``: the tracker API against its own schema, harder than ``make test`` does.

A throw-away portal (SQLite, the demo content, production settings, gunicorn on loopback)
is fuzzed in two ways, each once anonymously and once with a partner key:

1. schemathesis' own run over ``/api/schema/``: explicit examples, boundary values
   (coverage), generated requests (fuzzing) and stateful sequences that follow the schema's
   links (a list or a create → the entry → its ``status/``, ``confirm/`` or ``totals/``),
   ``--max-examples`` per operation (default 50; ``make test`` uses 12);
2. our own strategy: bodies nested many levels deep (lists and objects in every field) and
   Unicode-heavy text (Arabic with tashkeel, bidi controls, zero-width joiners, combining
   marks, astral characters, NUL, Arabic-Indic digits) in bodies and query strings.

Both require zero 5xx and zero schema violations (status, content type, headers, body).
What the schema cannot say (an id that exists, a unit that fits the need) is left out of
the checks, as in ``tests/api/test_api_schema.py``. Exits 1 on any failure. ``--quick``
(``.ci/run``): 5 examples per operation without the coverage phase, 50 nested requests.
"""

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import stack  # noqa: E402

EXCLUDED_CHECKS = "positive_data_acceptance,negative_data_rejection,ignored_auth"


PHASES = "examples,coverage,fuzzing,stateful"
QUICK_PHASES = "examples,fuzzing,stateful"  # coverage (every boundary value) is most requests


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-examples", type=int, default=50)
    parser.add_argument("--nested-examples", type=int, default=300)
    parser.add_argument(
        "--quick", action="store_true",
        help="for CI: 5 examples per operation, no coverage phase, 50 nested requests",
    )  # fmt: skip
    parser.add_argument("--port", type=int, default=10340)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    parser.add_argument(
        "--fresh", action="store_true",
        help="migrate and load the demo even if a prepared copy of this site exists",
    )  # fmt: skip
    args = parser.parse_args(argv)
    args.phases = PHASES
    if args.quick:
        args.max_examples, args.nested_examples, args.phases = 5, 50, QUICK_PHASES
    return args


def prepare(env, workdir, fresh):
    """The demo site in ``workdir`` (``fuzz.sqlite3`` and ``media/``): copied from
    ``var/fuzz-site/`` when prepared before with the same ``stack.site_key()``, else
    migrated and loaded, then kept there for the next run."""
    import shutil

    kept = stack.ROOT / "var" / "fuzz-site"
    if not fresh and (kept / stack.site_key()).is_file():
        print("  the prepared site (migrated demo) is copied", flush=True)
        shutil.copyfile(kept / "fuzz.sqlite3", workdir / "fuzz.sqlite3")
        shutil.copytree(kept / "media", workdir / "media")
        return
    stack.manage(env, "migrate", "--noinput")
    stack.manage(env, "load_demo_content")
    shutil.rmtree(kept, ignore_errors=True)
    kept.mkdir(parents=True)
    shutil.copyfile(workdir / "fuzz.sqlite3", kept / "fuzz.sqlite3")
    shutil.copytree(workdir / "media", kept / "media")
    (kept / stack.site_key()).touch()


def schemathesis_run(base, args, workdir, headers=()):
    """schemathesis' CLI with every phase; its exit code."""
    command = [
        str(Path(sys.executable).parent / "schemathesis"), "run",
        f"{base}/api/schema/?format=json", "--url", base,
        "--phases", args.phases,
        "--checks", "all", "--exclude-checks", EXCLUDED_CHECKS,
        "--max-examples", str(args.max_examples), "--seed", str(args.seed),
        "--generation-database", "none", "--workers", "1", "--no-color",
        "--request-timeout", "30", "--suppress-health-check", "all",
        "--report", "junit", "--report-dir", str(workdir / "schemathesis"),
    ]  # fmt: skip
    for header in headers:
        command += ["--header", header]
    return subprocess.run(command, cwd=stack.ROOT, timeout=3600).returncode


def main(argv=None):
    from bench.fuzz_nested import nested_run

    args = parse_args(argv)
    workdir = stack.readable_tempdir("portal-fuzz-")
    env = stack.site_env(
        workdir,
        f"sqlite:///{workdir / 'fuzz.sqlite3'}",
        extra={"API_THROTTLE_ANON": "1000000/min", "API_THROTTLE_KEY": "1000000/min"},
    )
    base = f"http://127.0.0.1:{args.port}"
    server = None
    try:
        print(f"Work directory {workdir}: migrating, loading the demo…", flush=True)
        prepare(env, workdir, args.fresh)
        setup = subprocess.run(
            [sys.executable, "-m", "bench.load_check", "setup"],
            cwd=stack.ROOT, env=env, capture_output=True, text=True, check=True,
        )  # fmt: skip
        key = json.loads(setup.stdout)["writers"][0]["keys"][0]
        # One process, one thread: SQLite takes one writer at a time.
        server = stack.start_gunicorn(env, args.port, workers=1, threads=1)
        results = {}
        for who, headers in (("anonymous", ()), ("partner key", [f"Authorization: Bearer {key}"])):
            print(f"\n== schemathesis, {who} ==", flush=True)
            results[f"schemathesis, {who}"] = schemathesis_run(base, args, workdir, headers)
        for who, token in (("anonymous", None), ("partner key", key)):
            print(f"\n== nested and Unicode-heavy, {who} ==", flush=True)
            failures, sent = nested_run(base, token, args.nested_examples, args.seed)
            results[f"nested/Unicode, {who} ({sent} requests)"] = len(failures)
            for failure in failures[:20]:
                print(f"  ! {failure}")
    finally:
        stack.stop(server)
        if not args.keep:
            import shutil

            shutil.rmtree(workdir, ignore_errors=True)
    print("\nmake fuzz:")
    for name, code in results.items():
        print(f"  {'ok  ' if code == 0 else 'FAIL'} {name}")
    return 0 if not any(results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
