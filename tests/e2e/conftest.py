"""Browser tests: Debian's Chromium, driven by Playwright, against the real WSGI server.

``portal_url`` starts the portal under waitress in a subprocess (``tests/e2e/server.py``) on a
fresh migrated database of its own (SQLite or PostgreSQL, like the rest of the suite), with CSRF
on and plain-http cookies. ``db()`` opens a committed session on the same database: the staff
side of a journey (a clerk, the reception) goes through core there, as the desktop would.
The browser, the server and the database last for this package (closed before the rest of the
suite goes on).

Chromium is Debian's (/usr/bin/chromium), never a browser downloaded by Playwright. Without it
the tests are skipped with the reason, except under CI (CI=true), where that is a failure.
Screenshots of each journey's last page go to /tmp/e2e/.
"""

from __future__ import annotations

import gc
import itertools
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright
from sqlalchemy.orm import Session

from backoffice.core import democracy, services, transport
from backoffice.core.actor import Actor
from backoffice.core.passwords import hash_password
from backoffice.db import make_engine, session_factory, unit_of_work
from backoffice.models import Role, User, utcnow
from tests.conftest import People

CHROMIUM = Path(os.environ.get("BACKOFFICE_E2E_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path("/tmp/e2e")
ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_MS = 15_000
SERVER_START_SECONDS = 60

PASSWORD = "Тернопіль-e2e-2026!"
# argon2 at full strength is slow on purpose: one hash serves every resident made directly.
_HASH = hash_password(PASSWORD)


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    reason = f"Debian's Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}: the browser tests must run under CI", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    _require_chromium()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()
    # Playwright's objects hold cycles: collect them here, on the main thread, rather than in
    # whichever thread (a desktop test's Qt worker) happens to trigger the next collection.
    gc.collect()


@pytest.fixture(scope="package")
def e2e_database(databases) -> str:
    return databases.fresh_url()


@pytest.fixture(scope="package")
def portal_url(browser, e2e_database, tmp_path_factory) -> Iterator[str]:
    """The portal's address, e.g. http://127.0.0.1:41234 (a subprocess serving it)."""
    log_path = tmp_path_factory.mktemp("e2e-server") / "server.log"
    with open(log_path, "w", encoding="utf-8") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.e2e.server", e2e_database],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
        )
    try:
        with process.stdout:
            line = process.stdout.readline()  # EOF at once if the server died
            if not line.startswith("listening "):
                process.wait(timeout=SERVER_START_SECONDS)
                pytest.fail(
                    f"the portal did not start:\n{log_path.read_text(encoding='utf-8')[-4000:]}",
                    pytrace=False,
                )
            yield f"http://127.0.0.1:{int(line.split()[1])}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        errors = log_path.read_text(encoding="utf-8")
        if "Traceback" in errors:
            print(f"--- the portal's log ---\n{errors[-8000:]}", file=sys.stderr)


@pytest.fixture(scope="package")
def db(e2e_database) -> Iterator:
    """``with db() as session:`` — a committed session on the portal's database."""
    engine = make_engine(e2e_database)

    @contextmanager
    def open_session() -> Iterator[Session]:
        with unit_of_work(session_factory(engine)) as session:
            yield session

    yield open_session
    engine.dispose()


@pytest.fixture
def context(browser, portal_url) -> Iterator[BrowserContext]:
    """A fresh browser profile (no cookies) whose relative URLs go to the portal."""
    made = browser.new_context(base_url=portal_url, locale="uk-UA", accept_downloads=True)
    made.set_default_timeout(TIMEOUT_MS)
    expect.set_options(timeout=TIMEOUT_MS)
    try:
        yield made
    finally:
        made.close()


@pytest.fixture
def page(context) -> Page:
    return context.new_page()


@pytest.fixture(scope="package")
def make_resident(db):
    """A resident with ``PASSWORD``, made directly in the database (the journey that tests
    registering does it through the form)."""

    def make(**fields) -> User:
        with db() as session:
            return People(session).resident(password_hash=_HASH, **fields)

    return make


def unique(prefix: str) -> str:
    """A code or address no other test of the run uses: ``prefix-1a2b3c4d``."""
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def numbered(title: str) -> str:
    """A title no other test of the run uses, readable on a screenshot: ``title 3``."""
    return f"{title} {next(_titles)}"


_titles = itertools.count(1)


def sign_in(page: Page, email: str, password: str = PASSWORD) -> None:
    """Through the header's link and the sign-in form, as a resident would."""
    page.goto("/")
    page.get_by_role("link", name="Увійти", exact=True).click()
    page.get_by_label("Електронна пошта").fill(email)
    page.get_by_label("Пароль").fill(password)
    page.get_by_role("button", name="Увійти", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Мій кабінет")


def screenshot(page: Page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


# --- data the staff side makes through core -----------------------------------------------------

PDF = b"%PDF-1.4\n1 0 obj << /Title (Passport) >> endobj\ntrailer <<>>\n%%EOF\n"
SERVICE_SCHEMA = [
    {"name": "full_name", "label": "Прізвище та ім'я", "type": "text", "required": True},
    {"name": "birthday", "label": "Дата народження", "type": "date", "required": True},
    {"name": "purpose", "label": "Мета отримання", "type": "select", "required": True,
     "options": ["Робота", "Навчання", "Виїзд за кордон"]},
    {"name": "copies", "label": "Кількість примірників", "type": "number", "min": 1, "max": 5},
    {"name": "comment", "label": "Коментар", "type": "textarea"},
    {"name": "consent", "label": "Погоджуюся на обробку даних", "type": "checkbox",
     "required": True},
    {"name": "passport", "label": "Скан паспорта", "type": "file", "required": True},
]  # fmt: skip
SURVEY_QUESTIONS = [
    {"text": "Де облаштувати новий сквер?", "kind": "single", "required": True,
     "options": ["Біля озера", "На Дружбі", "В центрі"]},
    {"text": "Що додати у сквер?", "kind": "multiple", "required": False,
     "options": ["Лави", "Світло", "Фонтан"]},
    {"text": "Ваші побажання", "kind": "text", "required": False},
]  # fmt: skip


@pytest.fixture(scope="package")
def make_service(db):
    """A service in a category of its own, with ``SERVICE_SCHEMA`` as its form; its id."""

    def make(title: str) -> int:
        admin = Actor.system()
        with db() as session:
            category = services.create_category(
                session, admin, code=unique("cat"), title=numbered("Довідки")
            )
            service = services.create_service(
                session,
                admin,
                code=unique("svc"),
                category_id=category.id,
                title=title,
                description="Довідка з бази МВС.",
                required_documents=["Паспорт громадянина України"],
                term_days=10,
                term_counts="calendar",
                fee="85",
                department="Відділ паспортних послуг",
                form_schema=SERVICE_SCHEMA,
            )
            return service.id

    return make


@pytest.fixture(scope="package")
def make_survey(db):
    """A published survey, open since yesterday for a week, results always shown; its id."""

    def make(title: str) -> int:
        now = utcnow()
        with db() as session:
            people = People(session)
            moderator = people.actor(people.staff(Role.MODERATOR))
            survey = democracy.create_survey(
                session,
                moderator,
                title,
                "Обираємо місце для нового скверу.",
                now - timedelta(days=1),
                now + timedelta(days=7),
                "always",
                SURVEY_QUESTIONS,
            )
            democracy.publish_survey(session, moderator, survey.id)
            return survey.id

    return make


@pytest.fixture(scope="package")
def make_route(db):
    """An active trolleybus route with a number of its own; (id, number)."""

    def make(name: str = "Схід — Центр") -> tuple[int, str]:
        number = str(100 + next(_routes))
        with db() as session:
            people = People(session)
            admin = people.actor(people.staff(Role.ADMIN))
            carrier = transport.create_carrier(session, admin, numbered("КП «Електротранс»"))
            route = transport.create_route(session, admin, number, "trolleybus", carrier.id, name)
            return route.id, number

    return make


_routes = itertools.count(1)
