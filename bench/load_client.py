"""The client side of ``make load``: readers, partner writers, retries and the ledger.

Readers ask for anonymous pages in three languages and public API reads. Writers are partner
systems: they record gifts, move them forward, record deliveries and confirm them (with a
second key: a second person), each write with its own ``Idempotency-Key``, and retry it until
it has a definitive answer: after a connection error, a timeout, a ``5xx``, a ``409`` (still
being processed) or a ``429``. Some writes are retried on purpose: the first try cut short by
a tiny timeout, two copies sent at once, or the same request sent again after its success.

Every answer is noted with its phase (before, during or after the fault) in a ``Stats``;
every acknowledged write (2xx) in the ``Ledger``, which the run compares with the database.

A connection error (no HTTP answer) is not a lost write: its outcome is unknown, and the
writer sends the same request again with the same key until it has an answer, as a partner
system must; it is noted as ``"error, sent again"`` and a ``connection`` retry, and a write
still without an answer after two minutes is a mismatch. A reader whose kept-alive
connection was closed under it sends its ``GET`` once more on a new connection, as browsers
do (a ``reconnect`` retry); a second failure is an error.
"""

import random
import threading
import time
import uuid
from collections import Counter, defaultdict

import requests

PAGES = [
    "/ar/", "/fr/", "/en/", "/ar/jesr/", "/fr/jesr/", "/en/jesr/",
    "/ar/jesr/needs/", "/fr/jesr/needs/", "/en/jesr/needs/",
]  # fmt: skip
DOCUMENTED_FAULT_STATUSES = {503}  # what a fault may answer (docs/reliability.md)
WRITE_DEADLINE = 120.0  # seconds a writer keeps retrying one write
SETTLE = 5.0  # seconds after a fault ends that still count as the fault
# Longer than the edge waits for the origin (first_byte_timeout 30 s in default.vcl): a slow
# answer is then judged by the stack (Varnish's 503), never cut short by this client.
TIMEOUT = 35.0
RETRIED = "error, sent again"  # a write's connection error, resolved with its key


class Stats:
    """Answers by phase, thread-safe. The fault window is set by the fault thread."""

    def __init__(self):
        self.lock = threading.Lock()
        self.fault_start = self.fault_end = None
        self.requests = Counter()  # phase → count
        self.statuses = defaultdict(Counter)  # phase → status (or "error") → count
        self.retries = Counter()  # reason → count
        self.writes = Counter()  # acknowledged | refused | unresolved
        self.problems = []  # replays that differ, ids seen twice, …
        self.failed_paths = defaultdict(list)  # phase → a few "status path" of 5xx answers
        self.slowest = Counter()  # phase → the longest wait for an answer, in seconds

    def phase(self, started, ended):
        start, end = self.fault_start, self.fault_end
        if start is None or ended < start:
            return "before"
        if end is None or started <= end + SETTLE:
            return "fault"
        return "after"

    def note(self, started, status, path=""):
        ended = time.monotonic()
        with self.lock:
            phase = self.phase(started, ended)
            self.requests[phase] += 1
            self.slowest[phase] = max(self.slowest[phase], round(ended - started, 1))
            self.statuses[phase][status] += 1
            noted = status in ("error", RETRIED) or _is_5xx(status)
            if noted and len(self.failed_paths[phase]) < 5:
                self.failed_paths[phase].append(f"{status} {path}")

    def retry(self, reason):
        with self.lock:
            self.retries[reason] += 1

    def count_write(self, outcome):
        with self.lock:
            self.writes[outcome] += 1

    def problem(self, text):
        with self.lock:
            self.problems.append(text)

    def server_errors(self):
        """``{phase: count}`` of 5xx answers and connection errors."""
        return {
            phase: sum(n for s, n in counts.items() if s == "error" or _is_5xx(s))
            for phase, counts in self.statuses.items()
        }

    def undocumented(self):
        """5xx (or connection errors) outside a fault, or a 5xx with another status."""
        bad = []
        for phase, counts in self.statuses.items():
            for status, count in counts.items():
                if status != "error" and not _is_5xx(status):
                    continue
                if phase != "fault" or (
                    status != "error" and status not in DOCUMENTED_FAULT_STATUSES
                ):
                    paths = ", ".join(self.failed_paths[phase])
                    bad.append(f"{count} × {status} {phase} (e.g. {paths})")
        return bad


class Ledger:
    """What the portal acknowledged: contributions and deliveries by id, as they should be."""

    def __init__(self):
        self.lock = threading.Lock()
        self.contributions = {}  # id → {"need", "value", "status"}
        self.deliveries = {}  # id → {"need", "value", "households", "confirmed"}


def get(session, base, path, stats, timeout=TIMEOUT):
    """One anonymous ``GET``, noted in ``stats``; the response, or None on an error."""
    for attempt in (1, 2):
        started = time.monotonic()
        try:
            response = session.get(base + path, timeout=timeout)
        except requests.ConnectionError as error:
            if attempt == 1 and not isinstance(error, requests.ConnectTimeout):
                stats.retry("reconnect")  # the kept-alive connection was closed: once more
                continue
            stats.note(started, "error", f"{path} ({_describe(error)})")
            return None
        except requests.RequestException as error:
            stats.note(started, "error", f"{path} ({_describe(error)})")
            return None
        stats.note(started, response.status_code, path)
        return response


def reader(base, campaign, stats, stop, seed):
    """Anonymous page and API reads until ``stop`` is set."""
    rng = random.Random(seed)
    api = [
        f"/api/v1/campaigns/{campaign}/totals/",
        f"/api/v1/campaigns/{campaign}/totals/?by=region",
        f"/api/v1/needs/?campaign={campaign}&locale=fr",
        f"/api/v1/contributions/?campaign={campaign}&page_size=5",
        "/api/v1/deliveries/?confirmed=true",
        "/api/v2/pages/?locale=en&type=campaigns.CampaignPage",
    ]
    with requests.Session() as session:
        while not stop.is_set():
            get(session, base, rng.choice(PAGES + api), stats)
            time.sleep(rng.uniform(0.01, 0.05))


class Writer:
    """One partner system with two keys, writing through the API until ``stop`` is set."""

    def __init__(self, base, spec, ledger, stats, seed):
        self.base, self.spec, self.ledger, self.stats = base, spec, ledger, stats
        self.rng = random.Random(seed)
        self.session = requests.Session()
        self.mine = {"contributions": {}, "deliveries": {}}  # this writer's, as acknowledged
        self.available = defaultdict(int)  # need → received minus delivered, in whole units

    def run(self, stop):
        while not stop.is_set():
            self.step()
            time.sleep(self.rng.uniform(0.02, 0.1))
        self.session.close()

    def step(self):
        rng, mine = self.rng, self.mine
        pledged = [i for i, c in mine["contributions"].items() if c["status"] == "pledged"]
        received = [i for i, c in mine["contributions"].items() if c["status"] == "received"]
        unconfirmed = [i for i, d in mine["deliveries"].items() if not d["confirmed"]]
        deliverable = [n for n, left in self.available.items() if left >= 2]
        choice = rng.random()
        if choice < 0.15 and unconfirmed:
            self.confirm(rng.choice(unconfirmed))
        elif choice < 0.3 and deliverable:
            self.deliver(rng.choice(deliverable))
        elif choice < 0.45 and (pledged or received):
            self.move(rng.choice(pledged or received))
        else:
            self.gift()

    # The four writes ----------------------------------------------------------------------

    def gift(self):
        need = self.rng.choice(self.spec["needs"])
        status = self.rng.choice(["pledged", "received", "received"])
        if need["cash"]:
            value = f"{self.rng.randint(1, 500)}.{self.rng.randint(0, 999):03d}"
            if need["currency"] != "TND":
                value = f"{self.rng.randint(1, 500)}.{self.rng.randint(0, 99):02d}"
            body = {"kind": "cash", "amount": value, "currency": need["currency"]}
        else:
            value = str(self.rng.randint(5, 50))
            body = {"kind": "in_kind", "quantity": value, "unit": need["unit"]}
        body.update(need=need["id"], status=status)
        answer = self.write("/api/v1/contributions/", body, key=0)
        if answer is not None:
            entry = {"need": need["id"], "value": _plain(value), "status": status}
            self._record("contributions", answer["id"], entry)
            if status == "received" and not need["cash"]:
                self.available[need["id"]] += int(value)

    def move(self, contribution):
        current = self.mine["contributions"][contribution]
        if current["status"] == "pledged":
            new = self.rng.choice(["received", "received", "cancelled"])
        else:
            new = "distributed"
        path = f"/api/v1/contributions/{contribution}/status/"
        if self.write(path, {"status": new}, key=0) is not None:
            with self.ledger.lock:
                self.ledger.contributions[contribution]["status"] = new
            current["status"] = new
            need = next(n for n in self.spec["needs"] if n["id"] == current["need"])
            if new == "received" and not need["cash"]:
                self.available[current["need"]] += int(float(current["value"]))

    def deliver(self, need):
        households = self.rng.randint(1, 15)
        body = {"need": need, "quantity": "1", "delivered_on": "2020-05-20"}
        body["households_reached"] = households
        self.available[need] -= 1  # before the answer: never promise what may be delivered
        answer = self.write("/api/v1/deliveries/", body, key=0)
        if answer is not None:
            entry = {"need": need, "value": "1", "households": households, "confirmed": False}
            self._record("deliveries", answer["id"], entry)

    def confirm(self, delivery):
        if self.write(f"/api/v1/deliveries/{delivery}/confirm/", {}, key=1) is not None:
            with self.ledger.lock:
                self.ledger.deliveries[delivery]["confirmed"] = True
            self.mine["deliveries"][delivery]["confirmed"] = True

    def _record(self, kind, entry_id, entry):
        with self.ledger.lock:
            book = getattr(self.ledger, kind)
            if entry_id in book:
                self.stats.problem(f"{kind} {entry_id} acknowledged for two different writes")
            book[entry_id] = dict(entry)
        self.mine[kind][entry_id] = dict(entry)

    # Sending with retries -----------------------------------------------------------------

    def write(self, path, body, key):
        """Send one write until it has a definitive answer; the 2xx body, or None."""
        answer = self._write(path, body, key)
        if answer is not None:
            self.stats.count_write("acknowledged")
        return answer

    def _write(self, path, body, key):
        headers = {
            "Authorization": f"Bearer {self.spec['keys'][key]}",
            "Idempotency-Key": str(uuid.uuid4()),
        }
        mode = self.rng.choices(["plain", "timeout", "concurrent", "again"], [7, 1, 1, 1])[0]
        if mode == "concurrent":
            self.stats.retry("concurrent")
            answers = [None, None]

            def twin(index):
                with requests.Session() as session:
                    answers[index] = self.send(session, path, body, headers)

            threads = [threading.Thread(target=twin, args=(i,)) for i in (0, 1)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            first, second = answers
            if first and second and first.get("id") != second.get("id"):
                self.stats.problem(f"{path}: concurrent copies answered {first} and {second}")
            return first or second
        cut = 0.002 if mode == "timeout" else 0
        answer = self.send(self.session, path, body, headers, first_timeout=cut)
        if answer is not None and mode == "again":
            self.stats.retry("after success")
            again = self.send(self.session, path, body, headers, expect_replay=True)
            if again != answer:
                self.stats.problem(f"{path}: replay {again} differs from {answer}")
        return answer

    def send(self, session, path, body, headers, first_timeout=0, expect_replay=False):
        deadline = time.monotonic() + WRITE_DEADLINE
        timeout = first_timeout or TIMEOUT
        while time.monotonic() < deadline:
            started = time.monotonic()
            try:
                response = session.post(
                    self.base + path, json=body, headers=headers, timeout=timeout
                )
            except requests.RequestException as error:
                cut_short = first_timeout and timeout == first_timeout
                # A try this client cut short itself is no server error; after any other
                # error the outcome is unknown: the same key again tells.
                what = f"{path} ({_describe(error)})"
                self.stats.note(started, "cut short" if cut_short else RETRIED, what)
                self.stats.retry("after timeout" if cut_short else "connection")
                timeout = TIMEOUT
                time.sleep(0.3)
                continue
            self.stats.note(started, response.status_code, path)
            status = response.status_code
            if 200 <= status < 300:
                replayed = response.headers.get("Idempotency-Replayed") == "true"
                if expect_replay and not replayed:
                    self.stats.problem(f"{path}: a retry after success was not a replay")
                return response.json()
            if status in (409, 429) or status >= 500:
                self.stats.retry(str(status))
                time.sleep(float(response.headers.get("Retry-After", 0.5) or 0.5))
                continue
            self.stats.count_write("refused")
            self.stats.problem(f"{path} {body}: refused {status} {response.text[:200]}")
            return None
        self.stats.count_write("unresolved")
        self.stats.problem(f"{path} {body}: no definitive answer in {WRITE_DEADLINE:.0f} s")
        return None


def _describe(error):
    """``ExceptionName: innermost reason`` of a requests error, in one short line."""
    reason = error
    while reason.__context__ is not None and reason.__context__ is not reason:
        reason = reason.__context__
    return f"{type(error).__name__}: {str(reason)[:120]}"


def _is_5xx(status):
    return isinstance(status, int) and status >= 500


def _plain(text):
    from decimal import Decimal

    value = format(Decimal(text).normalize(), "f")
    return "0" if value == "-0" else value
