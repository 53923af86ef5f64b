"""How fast the resident portal answers, on PostgreSQL with the demo data (seed scale).

A throwaway PostgreSQL database gets the demo data (``load_demo_data``, scale 1), a published
survey and N residents registered through core with passwords. The portal then runs as in
production — ``backoffice.web_main`` (waitress, 8 threads) in a subprocess on 127.0.0.1 and a
free port, CSRF on — and a client made of stdlib threads (``http.client``, one keep-alive
connection per thread) measures requests per second and p50/p99 latency of:

- the trivial route, the baseline: ``GET /static/site.css`` (Flask's static view: no database,
  no template; the whole file is sent every time). The same app in the same process, measured
  in the same run with the same client, threads and bounds as the pages below;
- the catalog, ``GET /services`` (every active service, grouped by category): the header is
  drawn for each request, the list itself comes from the portal's cache after the warm-up
  (``backoffice/web/cache.py``), checked against the catalog's version on every request;
- a catalog search, ``GET /services?query=довідки`` (drawn for each request: not cached);
- a service's page, ``GET /services/<id>``;
- a ballot: the N residents, each signed in beforehand with their own session and CSRF token,
  all vote at once in the survey (one POST each, released together): every one must succeed
  once (303); then all try again at once and every second ballot must be refused (409).

Every loop is bounded by a request count and a time limit. Target: the catalog at 50% or more
of the trivial route's throughput, printed with the ratio.

    .venv/bin/python benchmarks/web.py       # BACKOFFICE_BENCH_POSTGRES, else the local server
    .venv/bin/python benchmarks/web.py --voters 64 --seconds 10
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import timedelta
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlencode

# Never touch the developer's own configuration or data folder.
_TMP = Path(tempfile.mkdtemp(prefix="backoffice-bench-web-"))
os.environ.setdefault("BACKOFFICE_CONFIG", str(_TMP / "no-config.toml"))
os.environ.setdefault("BACKOFFICE_DATA_DIR", str(_TMP / "data"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select  # noqa: E402

from backoffice.core import democracy, people, services  # noqa: E402
from backoffice.core.actor import Actor  # noqa: E402
from backoffice.db import session_factory, unit_of_work  # noqa: E402
from backoffice.models import Ballot, utcnow  # noqa: E402
from backoffice.seed import load_demo_data  # noqa: E402
from benchmarks._pg import SERVER, reachable, throwaway_database  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
PASSWORD = "Тернопіль-bench-2026!"
TRIVIAL = "/static/site.css"
SEARCH = "/services?" + urlencode({"query": "довідки"})  # several services of the seed catalog
TARGET_RATIO = 0.5
_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
_SERVICE_LINK = re.compile(r'href="/services/(\d+)"')


# --- the client ----------------------------------------------------------------------------------


class Browser:
    """One keep-alive connection with the session cookie, like one resident's browser."""

    def __init__(self, port: int) -> None:
        self.connection = http.client.HTTPConnection(HOST, port, timeout=60)
        self.cookie = ""

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, bytes]:
        headers = {"Cookie": self.cookie} if self.cookie else {}
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        data = response.read()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                self.cookie = value.split(";", 1)[0]
        return response.status, data

    def token(self, path: str) -> str:
        status, page = self.request("GET", path)
        found = _TOKEN.search(page.decode())
        if status != 200 or not found:
            raise RuntimeError(f"no form with a CSRF token at {path} ({status})")
        return unescape(found.group(1))

    def sign_in(self, email: str) -> None:
        token = self.token("/sign-in")
        status, _ = self.request(
            "POST", "/sign-in", {"email": email, "password": PASSWORD, "csrf_token": token}
        )
        if status != 303:
            raise RuntimeError(f"sign-in of {email} answered {status}")

    def close(self) -> None:
        self.connection.close()


@dataclass
class Row:
    name: str
    path: str
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return len(self.latencies)

    @property
    def rps(self) -> float:
        return self.count / self.seconds if self.seconds else 0.0

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] * 1000

    def add(self, status: int, seconds: float) -> None:
        self.latencies.append(seconds)
        self.statuses[status] = self.statuses.get(status, 0) + 1


def hammer(port: int, name: str, path: str, *, workers: int, limit: int, seconds: float) -> Row:
    """GET ``path`` from ``workers`` threads until ``limit`` requests or ``seconds`` pass."""
    row = Row(name, path)
    lock = threading.Lock()
    left = [limit]
    warm = Browser(port)
    for _ in range(5):
        warm.request("GET", path)
    warm.close()
    deadline = time.perf_counter() + seconds

    def work() -> None:
        browser = Browser(port)
        try:
            while time.perf_counter() < deadline:
                with lock:
                    if left[0] <= 0:
                        return
                    left[0] -= 1
                started = time.perf_counter()
                status, _ = browser.request("GET", path)
                took = time.perf_counter() - started
                with lock:
                    row.add(status, took)
        finally:
            browser.close()

    threads = [threading.Thread(target=work) for _ in range(workers)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    row.seconds = time.perf_counter() - started
    return row


def vote_all(
    voters: list[Browser], url: str, answers: dict, tokens: list[str], name: str, expected: int
) -> Row:
    """Every voter posts one ballot, all released at once by a barrier."""
    row = Row(name, f"POST {url}")
    lock = threading.Lock()
    barrier = threading.Barrier(len(voters) + 1)

    def work(browser: Browser, token: str) -> None:
        barrier.wait()
        started = time.perf_counter()
        status, _ = browser.request("POST", url, {**answers, "csrf_token": token})
        took = time.perf_counter() - started
        with lock:
            row.add(status, took)

    threads = [
        threading.Thread(target=work, args=(browser, token))
        for browser, token in zip(voters, tokens, strict=True)
    ]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    row.seconds = time.perf_counter() - started
    row.expected = expected  # type: ignore[attr-defined]
    return row


# --- the server ----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def start_portal(database_url: str, log_path: Path) -> tuple[subprocess.Popen, int]:
    """``backoffice.web_main`` (the ``backoffice-web`` command) over ``database_url``."""
    port = free_port()
    env = {
        **os.environ,
        "BACKOFFICE_DATABASE_URL": database_url,
        "BACKOFFICE_WEB_HOST": HOST,
        "BACKOFFICE_WEB_PORT": str(port),
        "BACKOFFICE_WEB_THREADS": "8",
        "BACKOFFICE_WEB_SECRET": secrets.token_urlsafe(32),
    }
    with open(log_path, "w", encoding="utf-8") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "backoffice.web_main"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the portal stopped:\n{log_path.read_text()[-3000:]}")
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=2)
            connection.request("GET", TRIVIAL)
            if connection.getresponse().status == 200:
                connection.close()
                return process, port
            connection.close()
        except OSError:
            pass
        time.sleep(0.2)
    process.kill()
    raise RuntimeError("the portal did not answer within 60 s")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


# --- the data ------------------------------------------------------------------------------------


@dataclass
class Data:
    service_id: int
    survey_id: int
    answers: dict[str, str]
    emails: list[str]
    active_services: int = 0


def prepare(engine, voters: int) -> Data:
    say(f"loading the demo data (seed scale) into {engine.url.database} …")
    started = time.perf_counter()
    load_demo_data(engine, 1)
    say(f"  {time.perf_counter() - started:.1f} s")
    factory = session_factory(engine)
    system = Actor.system()
    now = utcnow()
    with unit_of_work(factory) as session:
        service = services.list_active_services(session, Actor.anonymous(), limit=1)[0]
        survey = democracy.create_survey(
            session,
            system,
            "Бенчмарк: де облаштувати сквер?",
            "Опитування для вимірювання.",
            now - timedelta(hours=1),
            now + timedelta(days=7),
            "always",
            [
                {"text": "Де?", "kind": "single", "required": True, "options": ["Тут", "Там"]},
                {
                    "text": "Що?",
                    "kind": "multiple",
                    "required": False,
                    "options": ["Лави", "Світло"],
                },
            ],
        )
        democracy.publish_survey(session, system, survey.id)
        first, second = survey.questions
        answers = {
            f"answers.{first.id}": str(first.options[0].id),
            f"answers.{second.id}": str(second.options[1].id),
        }
        ids = (service.id, survey.id)
        active = len(services.list_active_services(session, Actor.anonymous(), limit=500))
    say(f"registering {voters} residents through core (argon2 for each) …")
    started = time.perf_counter()
    emails = []
    with unit_of_work(factory) as session:
        for n in range(voters):
            user = people.register_resident(
                session,
                Actor.anonymous("127.0.0.1"),
                email=f"bench-voter-{n}@example.com",
                full_name=f"Виборець Бенчмарку {n}",
                password=PASSWORD,
                consent=True,
            )
            emails.append(user.email)
    say(f"  {time.perf_counter() - started:.1f} s")
    return Data(ids[0], ids[1], answers, emails, active)


def say(text: str) -> None:
    print(text, flush=True)


# --- the run -------------------------------------------------------------------------------------


def sign_in_all(port: int, emails: list[str], survey_url: str) -> tuple[list[Browser], list[str]]:
    """Each resident signs in with a browser of their own and opens the ballot (its token)."""
    browsers = [Browser(port) for _ in emails]
    tokens = [""] * len(emails)
    errors: list[BaseException] = []

    def work(index: int) -> None:
        try:
            browsers[index].sign_in(emails[index])
            tokens[index] = browsers[index].token(survey_url)
        except BaseException as error:
            errors.append(error)

    pending = list(range(len(emails)))
    while pending:  # four at a time: sign-in checks an argon2 hash on the server
        batch, pending = pending[:4], pending[4:]
        threads = [threading.Thread(target=work, args=(i,)) for i in batch]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    if errors:
        raise errors[0]
    return browsers, tokens


def print_table(rows: list[Row]) -> None:
    head = (
        f"{'scenario':<26} {'path':<34} {'requests':>8} {'req/s':>8} {'p50 ms':>8} "
        f"{'p99 ms':>8}  statuses"
    )
    print(head)
    print("-" * len(head))
    for row in rows:
        statuses = ", ".join(f"{code}×{n}" for code, n in sorted(row.statuses.items()))
        print(
            f"{row.name:<26} {unquote(row.path):<34} {row.count:>8} {row.rps:>8.1f} "
            f"{row.percentile(0.5):>8.1f} {row.percentile(0.99):>8.1f}  {statuses}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--voters", type=int, default=40, help="residents voting at once")
    parser.add_argument("--workers", type=int, default=8, help="client threads for the GETs")
    parser.add_argument("--requests", type=int, default=3000, help="at most, per GET scenario")
    parser.add_argument("--seconds", type=float, default=12.0, help="at most, per GET scenario")
    args = parser.parse_args()
    if not reachable():
        print(f"PostgreSQL is not reachable at {SERVER}", file=sys.stderr)
        return 2
    print(
        f"e-Ternopil portal benchmark — PostgreSQL {SERVER.rsplit('@', 1)[-1]}, waitress 8 threads"
    )
    try:
        with throwaway_database("bo_bench_web") as engine:
            data = prepare(engine, args.voters)
            url = engine.url.render_as_string(hide_password=False)
            process, port = start_portal(url, _TMP / "portal.log")
            try:
                rows = run(port, data, args)
            finally:
                stop(process)
            with unit_of_work(session_factory(engine)) as session:
                ballots = session.scalar(
                    select(func.count(Ballot.id)).where(Ballot.survey_id == data.survey_id)
                )
    finally:
        shutil.rmtree(_TMP, ignore_errors=True)
    return report(rows, args, ballots)


def check_pages(port: int, data: Data) -> None:
    """The pages measured are the real ones: the whole catalog (also when it comes from the
    cache) and a search that finds something; a fast empty page would prove nothing."""
    browser = Browser(port)
    try:
        for path, at_least in (("/services", data.active_services), (SEARCH, 1)):
            for _ in range(2):  # drawn, then kept
                status, page = browser.request("GET", path)
                listed = len(set(_SERVICE_LINK.findall(page.decode())))
                if status != 200 or listed < at_least:
                    raise RuntimeError(f"{path}: {status}, {listed} services (≥ {at_least})")
    finally:
        browser.close()


def run(port: int, data: Data, args) -> list[Row]:
    bounds = {"workers": args.workers, "limit": args.requests, "seconds": args.seconds}
    survey_url = f"/democracy/surveys/{data.survey_id}"
    rows = []
    check_pages(port, data)
    say(f"GET scenarios: {args.workers} client threads, ≤ {args.requests} requests or "
        f"≤ {args.seconds:g} s each …")  # fmt: skip
    rows.append(hammer(port, "trivial (static file)", TRIVIAL, **bounds))
    rows.append(hammer(port, "catalog", "/services", **bounds))
    rows.append(hammer(port, "catalog search", SEARCH, **bounds))
    rows.append(hammer(port, "service page", f"/services/{data.service_id}", **bounds))
    say(f"signing in {len(data.emails)} residents …")
    browsers, tokens = sign_in_all(port, data.emails, survey_url)
    try:
        n = len(browsers)
        rows.append(vote_all(browsers, survey_url, data.answers, tokens, "ballot, all at once", n))
        rows.append(
            vote_all(browsers, survey_url, data.answers, tokens, "second ballot (refused)", n)
        )
    finally:
        for browser in browsers:
            browser.close()
    return rows


def report(rows: list[Row], args, ballots: int) -> int:
    print()
    print_table(rows)
    trivial, catalog, _search, _service, first, again = rows
    ratio = catalog.rps / trivial.rps if trivial.rps else 0.0
    print()
    print(
        f"catalog / trivial throughput: {catalog.rps:.1f} / {trivial.rps:.1f} req/s = "
        f"{ratio:.1%} (target ≥ {TARGET_RATIO:.0%}): "
        f"{'met' if ratio >= TARGET_RATIO else 'NOT met'}"
    )
    voted = first.statuses.get(303, 0)
    refused = again.statuses.get(409, 0)
    print(
        f"ballots: {voted} of {first.count} residents voted (303), {ballots} ballots stored; "
        f"second ballots refused (409): {refused} of {again.count}"
    )
    mean_catalog = statistics.fmean(catalog.latencies) * 1000 if catalog.latencies else 0
    print(f"catalog mean latency {mean_catalog:.1f} ms under {args.workers} concurrent clients")
    failed = (
        any(code >= 400 for row in rows[:4] for code in row.statuses)
        or voted != first.count
        or ballots != first.count
        or refused != again.count
    )
    if failed:
        print("FAILED: a request that should have succeeded did not (see the statuses)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
