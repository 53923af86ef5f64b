"""The catalog kept between requests (``cache.py``): what it shows, when it is drawn again, and
that nothing of one visitor reaches another through it; the cache's parts on their own."""

from __future__ import annotations

import itertools
import re
import threading
import time
from dataclasses import dataclass

import pytest
from flask import g
from jinja2 import ChoiceLoader, DictLoader
from sqlalchemy import func, select, text

from backoffice.core import notifications, services
from backoffice.core.actor import Actor
from backoffice.models import Service
from backoffice.web import db as web_db
from backoffice.web.cache import FragmentCache, SharedRead, render_shared
from tests.web.conftest import csrf_token

OLD_TITLE = "Паспорт громадянина"
INSERT_CATEGORY = "INSERT INTO service_categories (code, title, position) VALUES ('x', 'x', 0)"


@dataclass
class Shelf:
    documents: int
    land: int
    passport: int
    plot: int


@pytest.fixture
def shelf(db) -> Shelf:
    admin = Actor.system()
    with db() as session:
        documents = services.create_category(session, admin, code="docs", title="Документи")
        land = services.create_category(session, admin, code="land", title="Земля", position=1)
        passport = services.create_service(
            session,
            admin,
            code="pass",
            category_id=documents.id,
            title=OLD_TITLE,
            term_days=10,
            term_counts="calendar",
            fee="1234.5",
        )
        plot = services.create_service(
            session,
            admin,
            code="plot",
            category_id=land.id,
            title="Витяг про земельну ділянку",
            term_days=3,
            term_counts="working",
        )
        return Shelf(documents.id, land.id, passport.id, plot.id)


def _catalog(page: str) -> str:
    """The catalog's own part of a page: from its heading to the end of <main>."""
    start = page.index("<h1>")
    return page[start : page.index("</main>", start)]


def _header(page: str) -> str:
    return page[page.index("<header") : page.index("</header>")]


def _choose(portal, language: str) -> None:
    response = portal.submit("/", {"lang": language, "next": "/services"}, action="/language")
    assert response.status_code == 303


def _change(db, service_id: int, **changes) -> None:
    with db() as session:
        services.update_service(session, Actor.system(), service_id, changes)


# --- the page ------------------------------------------------------------------------------


def test_the_catalog_shows_categories_services_fees_and_terms_in_both_languages(portal, shelf):
    uk = _catalog(portal.page("/services"))
    documents = uk.index(f'<h2 id="category-{shelf.documents}">Документи</h2>')
    land = uk.index(f'<h2 id="category-{shelf.land}">Земля</h2>')
    assert documents < uk.index(OLD_TITLE) < land < uk.index("Витяг про земельну ділянку")
    assert "10 календарних днів · 1\xa0234,50 грн" in uk
    assert "3 робочі дні · Безоплатно" in uk
    assert f'href="/services/{shelf.passport}"' in uk

    _choose(portal, "en")
    page = portal.page("/services")
    assert '<html lang="en">' in page
    en = _catalog(page)
    assert "<h1>Administrative services</h1>" in en and ">Categories<" in en
    assert "10 calendar days · UAH 1,234.50" in en
    assert "3 working days · Free of charge" in en
    assert OLD_TITLE in en  # the catalog's own data is in Ukrainian
    assert "Безоплатно" not in en and "календарних" not in en


def test_searches_and_one_category_are_drawn_for_each_request(app, portal, shelf, db):
    kept = app.extensions["fragment_cache"]
    page = portal.page("/services?query=паспорт")
    assert OLD_TITLE in page and "Витяг" not in page and 'value="паспорт"' in page
    _change(db, shelf.passport, title="Паспорт для виїзду за кордон")
    page = portal.page("/services?query=паспорт")
    assert "Паспорт для виїзду за кордон" in page and OLD_TITLE not in page
    page = portal.page(f"/services?category_id={shelf.land}")
    assert f'<option value="{shelf.land}" selected>' in page and "Витяг" in page
    assert (kept.hits, kept.misses, len(kept)) == (0, 0, 0)


# --- drawn again when the catalog changes --------------------------------------------------


def test_a_change_through_core_shows_on_the_next_request(app, portal, shelf, db):
    kept = app.extensions["fragment_cache"]
    portal.page("/services")
    assert OLD_TITLE in portal.page("/services")
    assert (kept.misses, kept.hits) == (1, 1)  # the second page came from the cache

    _change(db, shelf.passport, title="ID-картка", fee="99")
    page = _catalog(portal.page("/services"))
    assert "ID-картка" in page and "99,00 грн" in page
    assert OLD_TITLE not in page and "1\xa0234,50" not in page

    with db() as session:
        services.set_service_active(session, Actor.system(), shelf.plot, False)
    page = _catalog(portal.page("/services"))
    assert "Витяг про земельну ділянку" not in page
    assert f'id="category-{shelf.land}"' not in page  # a category with nothing open is left out

    with db() as session:
        services.create_service(
            session, Actor.system(), code="new", category_id=shelf.land, title="Нова послуга"
        )
    page = _catalog(portal.page("/services"))
    assert "Нова послуга" in page and f'id="category-{shelf.land}"' in page
    assert (kept.misses, kept.hits) == (4, 1)


def test_with_a_max_age_a_change_shows_once_the_version_is_that_old(app, portal, shelf, db):
    """Production trusts the version it read for a second (CATALOG_MAX_AGE): within that
    time no query is made, and a change shows as soon as the version read is that old."""
    kept = app.extensions["fragment_cache"]
    now = [100.0]
    kept.clock = lambda: now[0]
    app.config["CATALOG_MAX_AGE"] = 1.0
    assert OLD_TITLE in portal.page("/services")  # version read at 100.0

    _change(db, shelf.passport, title="ID-картка")
    now[0] = 100.9
    assert OLD_TITLE in portal.page("/services")  # trusted: younger than a second
    now[0] = 101.0
    page = _catalog(portal.page("/services"))
    assert "ID-картка" in page and OLD_TITLE not in page
    assert (kept.misses, kept.hits) == (2, 1)


def test_each_language_keeps_its_own_catalog(app, portal, shelf):
    kept = app.extensions["fragment_cache"]
    assert "Безоплатно" in portal.page("/services")
    _choose(portal, "en")
    en = _catalog(portal.page("/services"))
    assert "Free of charge" in en and "Безоплатно" not in en
    _choose(portal, "uk")
    uk = _catalog(portal.page("/services"))
    assert "Безоплатно" in uk and "Free of charge" not in uk
    assert "<h1>Послуги ЦНАП</h1>" in uk
    assert (kept.misses, kept.hits, len(kept)) == (2, 1, 2)


# --- nothing of one visitor reaches another ------------------------------------------------


def test_the_header_is_each_visitors_own(app, shelf, make_resident, db):
    kept = app.extensions["fragment_cache"]
    andriy = make_resident(full_name="Андрій Перший")
    bohdana = make_resident(full_name="Богдана Друга")
    with db() as session:
        notifications.notify(session, andriy.id, "Заяву прийнято")
        notifications.notify(session, andriy.id, "Заяву розглянуто")

    first = app.test_client()
    first.sign_in(andriy.email)
    page_a = first.page("/services")  # drawn while Andriy is signed in
    assert "Андрій Перший" in _header(page_a)
    assert re.search(r'class="badge">2<span class="visually-hidden">', page_a)

    page_anonymous = app.test_client().page("/services")
    header = _header(page_anonymous)
    assert "Андрій Перший" not in page_anonymous and 'class="badge"' not in page_anonymous
    assert ">Увійти</a>" in header and "Вийти" not in header

    second = app.test_client()
    second.sign_in(bohdana.email)
    page_b = second.page("/services")
    assert "Богдана Друга" in _header(page_b)
    assert "Андрій Перший" not in page_b and 'class="badge"' not in page_b

    tokens = {csrf_token(page) for page in (page_a, page_anonymous, page_b)}
    assert len(tokens) == 3  # every browser its own token
    assert _catalog(page_a) == _catalog(page_anonymous) == _catalog(page_b)
    assert (kept.misses, kept.hits) == (1, 2)


def test_a_shared_fragment_cannot_use_what_differs_between_visitors(app):
    app.jinja_env.loader = ChoiceLoader(
        [
            DictLoader(
                {
                    "probe/ok.html": "{{ _('Категорії') }} {{ url_for('services.catalog') }}"
                    " {{ n }}",
                    "probe/name.html": "{{ visitor.name }}",
                    "probe/signed_in.html": "{% if visitor %}x{% endif %}",
                    "probe/token.html": "{{ csrf_token() }}",
                    "probe/session.html": "{{ session['uid'] }}",
                    "probe/path.html": "{{ request.path }}",
                }
            ),
            app.jinja_env.loader,
        ]
    )
    with app.test_request_context("/services"):
        app.preprocess_request()
        assert render_shared("probe/ok.html", n=3) == "Категорії /services 3"
        for name, what in (
            ("name", "visitor"),
            ("signed_in", "visitor"),
            ("token", "csrf_token"),
            ("session", "session"),
            ("path", "request"),
        ):
            with pytest.raises(RuntimeError, match=f"^{what} differs between visitors"):
                render_shared(f"probe/{name}.html")


# --- the parts -----------------------------------------------------------------------------


def test_a_kept_fragment_is_used_only_at_its_version_and_the_oldest_goes_first():
    kept = FragmentCache(max_entries=2)
    drawn: list[str] = []

    def draw(html: str):
        return lambda: drawn.append(html) or html

    assert kept.get("a", 1, draw("A1")) == "A1"
    assert kept.get("a", 1, draw("A1 again")) == "A1"
    assert kept.get("a", 2, draw("A2")) == "A2"
    assert kept.get("b", 1, draw("B1")) == "B1"
    assert kept.get("a", 2, draw("A2 again")) == "A2"  # "a" is now the most recently used
    assert kept.get("c", 1, draw("C1")) == "C1"  # "b" goes
    assert len(kept) == 2
    assert kept.get("b", 1, draw("B1 again")) == "B1 again"
    assert drawn == ["A1", "A2", "B1", "C1", "B1 again"]
    assert (kept.hits, kept.misses) == (2, 5)


def _wait_for(condition, seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the callers did not arrive"
        time.sleep(0.001)


def _in_threads(call, n: int) -> tuple[list[threading.Thread], dict[int, object]]:
    results: dict[int, object] = {}

    def run(i: int) -> None:
        try:
            results[i] = call()
        except Exception as error:
            results[i] = error

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    return threads, results


def test_a_shared_read_runs_for_every_caller_one_after_another():
    numbers = itertools.count(1)
    shared = SharedRead(lambda: next(numbers))
    assert [shared(), shared(), shared()] == [1, 2, 3]
    assert shared.runs == 3


def test_callers_during_a_read_share_the_next_one_never_the_one_in_progress():
    numbers = itertools.count(1)
    started, release = threading.Event(), threading.Event()

    def read() -> int:
        number = next(numbers)
        if number == 1:
            started.set()
            release.wait(5)
        return number

    shared = SharedRead(read)
    first, first_result = _in_threads(shared, 1)
    assert started.wait(5)
    waiters, results = _in_threads(shared, 5)
    _wait_for(lambda: shared.waiting == 5)
    release.set()
    for thread in first + waiters:
        thread.join(5)
    assert first_result == {0: 1}
    assert results == dict.fromkeys(range(5), 2)  # read 1 began before they asked
    assert shared.runs == 2


def test_a_failed_read_is_not_shared():
    numbers = itertools.count(1)
    started = {1: threading.Event(), 2: threading.Event()}
    release = {1: threading.Event(), 2: threading.Event()}

    def read() -> int:
        number = next(numbers)
        if number in started:
            started[number].set()
            release[number].wait(5)
        if number == 2:
            raise RuntimeError("the database went away")
        return number

    shared = SharedRead(read)
    first, first_result = _in_threads(shared, 1)
    assert started[1].wait(5)
    waiters, results = _in_threads(shared, 3)  # all three want read 2
    _wait_for(lambda: shared.waiting == 3)
    release[1].set()
    assert started[2].wait(5)  # one of them runs read 2, the other two wait for it
    _wait_for(lambda: shared.waiting == 2)
    release[2].set()
    for thread in first + waiters:
        thread.join(5)
    assert first_result == {0: 1}
    failed = [r for r in results.values() if isinstance(r, RuntimeError)]
    assert len(failed) == 1
    assert sorted(r for r in results.values() if isinstance(r, int)) == [3, 4]  # their own
    assert shared.runs == 2


def test_a_request_that_holds_its_session_reads_alone(app):
    kept = app.extensions["fragment_cache"]
    started, release = threading.Event(), threading.Event()

    def slow_read() -> str:
        started.set()
        release.wait(5)
        return "shared"

    def in_request(read, *, with_session: bool):
        def call():
            with app.test_request_context("/services"):
                if with_session:
                    web_db.session()  # as a signed-in visitor's request has (SQLite: a lock)
                return kept.version("probe", read)

        return call

    runner, _ = _in_threads(in_request(slow_read, with_session=False), 1)
    assert started.wait(5)
    holder, results = _in_threads(in_request(lambda: "alone", with_session=True), 1)
    holder[0].join(5)
    finished = not holder[0].is_alive()
    release.set()
    for thread in runner + holder:
        thread.join(5)
    assert finished and results == {0: "alone"}  # it did not wait for the shared read


# --- the version read ----------------------------------------------------------------------


def test_a_lone_read_leaves_the_pooled_connection_as_it_was(app, db, committed_engine):
    count = select(func.count(Service.id))
    with app.test_request_context("/services"):
        assert web_db.read_row(count)[0] == 0
        in_session = "_db_session" in g
    assert in_session == (committed_engine.dialect.name != "postgresql")
    # The connection went back to the pool in its usual mode: what is rolled back is undone.
    pooled = committed_engine.raw_connection()
    try:
        if committed_engine.dialect.name == "postgresql":
            assert pooled.driver_connection.autocommit is False
        else:
            assert pooled.driver_connection.isolation_level is None  # BEGIN is backoffice.db's
    finally:
        pooled.close()
    with pytest.raises(RuntimeError), db() as session:
        session.execute(text(INSERT_CATEGORY))
        raise RuntimeError("roll back")
    with db() as session:
        assert session.scalar(text("SELECT count(*) FROM service_categories")) == 0
