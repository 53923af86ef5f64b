"""Analytics over 1,000,000 orders on PostgreSQL: the dashboard and the services report,
against computing the same figures in Python after fetching the rows (in the same run).

Data: the set-based load of benchmarks/desktop_lists.py (1M orders over ~19 months, 40
services, 200k users), then closing moments for the closed orders, residents' registration
times, 200k appeals and 300k ride reviews, all set-based.

Measured (median of --repeat runs, after one warm-up):
  - dashboard: ``core.analytics.dashboard`` — what the Analytics tab shows at once (orders per
    day, per status, top-20 services, on-time share, backlog and overdue, appeals by kind and
    status, residents per month, ride rating per route) — for a month and for a year;
  - the same figures in Python from the fetched rows (the baseline), checked equal;
  - the services report PDF (``reports.build_report("services")``) for a year.
Targets (issue 5): dashboard <= 500 ms, report <= 5 s.

Usage: .venv/bin/python benchmarks/analytics.py [--orders 1000000] [--repeat 5]
                                                [--with-proposed-indexes] [--keep-database NAME]

``--keep-database NAME`` loads the data into the database NAME once and keeps it; the next run
with the same NAME reuses it (migrated to the newest revision first), which saves the minutes of
loading between tries. Drop it when done: ``psql -h 127.0.0.1 -U postgres -c 'drop database NAME'``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import Engine, bindparam, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from backoffice.core import analytics
from backoffice.core.actor import Actor
from backoffice.core.analytics import Period
from backoffice.core.calendar import local_date
from backoffice.db import make_engine
from backoffice.migrations import upgrade
from benchmarks._pg import SERVER, reachable, throwaway_database
from benchmarks.desktop_lists import load

NOW = datetime(2025, 7, 31, 12, tzinfo=UTC)
MONTH = Period(date(2025, 6, 1), date(2025, 6, 30))
YEAR = Period(date(2024, 8, 1), date(2025, 7, 31))
OPEN = ("submitted", "accepted", "in_progress", "needs_info", "ready")
RUNNING = ("submitted", "accepted", "in_progress", "ready")


def load_more(engine, appeals: int, reviews: int) -> None:
    """What the orders load leaves out, set-based."""
    with engine.begin() as c:
        # A year and a half of orders cannot all still be open, as the list benchmark's data
        # has them: what was submitted more than 45 days before NOW has been completed.
        c.execute(
            text(
                "UPDATE orders SET status = 'completed' WHERE submitted_at < :old"
                " AND status IN ('submitted', 'accepted', 'in_progress', 'needs_info', 'ready')"
            ),
            {"old": NOW - timedelta(days=45)},
        )
        # Closed orders: closed 0..20 days after submission (due after 10): on time or late.
        c.execute(
            text(
                "UPDATE orders SET closed_at = submitted_at"
                " + ((id::bigint * 7919) % 1728000) * interval '1 second'"
                " WHERE status IN ('completed', 'rejected', 'cancelled')"
            )
        )
        c.execute(
            text(
                "UPDATE users SET created_at = timestamptz '2024-01-01'"
                " + id * interval '250 seconds'"
            )
        )
        users = c.scalar(text("SELECT max(id) FROM users")) - 1
        c.execute(
            text(
                "INSERT INTO appeals (kind, registration_number, subject, text, category,"
                " applicant_id, hide_identity, urgent, needs_study, status, channel, received_at,"
                " registered_at, due_at, answered_at, closed_at, version) "
                "SELECT (ARRAY['appeal','info_request','message'])[1 + g % 3], 'ЗВ-' || g,"
                " 'Тема ' || g, 'Текст', (ARRAY['Благоустрій','Транспорт','ЖКГ','Освіта',''])"
                f"[1 + g % 5], 1 + (g * 17) % {users}, false, false, true, s, 'web', t,"
                " t + interval '1 hour', t + interval '15 days',"
                " CASE WHEN s = 'answered'"
                " THEN t + ((g::bigint * 7919) % 2592000) * interval '1 second'"
                " END,"
                " CASE WHEN s IN ('answered', 'forwarded', 'not_considered')"
                " THEN t + ((g::bigint * 7919) % 2592000) * interval '1 second' END, 1 "
                "FROM (SELECT g, timestamptz '2024-01-01' + g * interval '250 seconds' AS t,"
                " (ARRAY['received','registered','assigned','extended','answered','answered',"
                "'answered','forwarded','not_considered','answered'])[1 + g % 10] AS s"
                f" FROM generate_series(1, {appeals}) g) x"
            )
        )
        c.execute(
            text(
                "INSERT INTO carriers (id, name, version) SELECT g, 'Перевізник № ' || g, 1"
                " FROM generate_series(1, 5) g"
            )
        )
        c.execute(
            text(
                "INSERT INTO routes (id, number, mode, name, carrier_id, active, version)"
                " SELECT g, g::text, 'bus', 'Маршрут ' || g, 1 + g % 5, true, 1"
                " FROM generate_series(1, 40) g"
            )
        )
        c.execute(
            text(
                "INSERT INTO ride_reviews (route_id, board_number, ride_at, rating, punctuality,"
                " cleanliness, driver, crowding, created_at) "
                "SELECT 1 + g % 40, (1000 + g % 300)::text,"
                " timestamptz '2024-01-01' + g * interval '166 seconds', 1 + (g * 7) % 5,"
                " CASE WHEN g % 3 = 0 THEN NULL ELSE 1 + (g * 11) % 5 END,"
                " 1 + (g * 13) % 5, CASE WHEN g % 4 = 0 THEN NULL ELSE 1 + (g * 3) % 5 END,"
                " 1 + (g * 17) % 5, timestamptz '2024-01-01' + g * interval '166 seconds'"
                f" FROM generate_series(1, {reviews}) g"
            )
        )
        for table in ("carriers", "routes"):
            c.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                    f" (SELECT max(id) FROM {table}))"
                )
            )
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        c.execute(text("VACUUM ANALYZE"))


# Orders' closing time is indexed since migration 0004 (status, closing time and what is
# counted). Appeals' is not: their figures come from one scan of the table (200k rows here); the
# option measures an index on it.
PROPOSED_INDEXES = {"ix_appeals_closed_at": "appeals (closed_at)"}


def set_proposed_indexes(engine, present: bool) -> None:
    """Add the proposed indexes, or drop them (a kept database may have them from a run with)."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        for name, target in PROPOSED_INDEXES.items():
            if present:
                c.execute(text(f"CREATE INDEX IF NOT EXISTS {name} ON {target}"))
            else:
                c.execute(text(f"DROP INDEX IF EXISTS {name}"))
        c.execute(text("ANALYZE appeals"))


@contextmanager
def kept_database(name: str) -> Iterator[tuple[Engine, bool]]:
    """The database ``name`` and whether it is new: created when missing, kept afterwards —
    unless the run that created it failed (it may be half loaded)."""
    admin = create_engine(SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        found = connection.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name})
        if not found:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(make_url(SERVER).set(database=name).render_as_string(hide_password=False))
    try:
        upgrade(engine)
        yield engine, not found
    except BaseException:
        if not found:
            engine.dispose()
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        raise
    finally:
        engine.dispose()
        admin.dispose()


@contextmanager
def fresh_database() -> Iterator[tuple[Engine, bool]]:
    with throwaway_database("bench_analytics") as engine:
        yield engine, True


def timed(fn, repeat: int) -> tuple[float, object]:
    result = fn()  # warm-up (and the result to compare)
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs), result


# --- the baseline: fetch the rows, aggregate in Python ------------------------------------------


def python_dashboard(engine, period: Period) -> dict:
    """The dashboard's figures from fetched rows (the period's rows and the open ones)."""
    since, until = period.since, period.until
    with engine.connect() as c:
        orders = c.execute(
            text(
                "SELECT service_id, status, submitted_at, due_at, closed_at FROM orders"
                " WHERE (submitted_at >= :s AND submitted_at < :u)"
                " OR (closed_at >= :s AND closed_at < :u) OR status IN :open"
            ).bindparams(bindparam("open", expanding=True)),
            {"s": since, "u": until, "open": list(OPEN)},
        ).all()
        appeals = c.execute(
            text(
                "SELECT kind, status, received_at, answered_at, due_at, closed_at FROM appeals"
                " WHERE (received_at >= :s AND received_at < :u)"
                " OR (closed_at >= :s AND closed_at < :u)"
                " OR status NOT IN ('answered', 'forwarded', 'not_considered')"
            ),
            {"s": since, "u": until},
        ).all()
        months = analytics._year_of_months(period)
        users = c.execute(
            text(
                "SELECT created_at FROM users u WHERE created_at >= :s AND created_at < :u"
                " AND NOT EXISTS (SELECT 1 FROM staff_roles r WHERE r.user_id = u.id)"
            ),
            {"s": months.since, "u": months.until},
        ).all()
        reviews = c.execute(
            text("SELECT route_id, rating FROM ride_reviews WHERE ride_at >= :s AND ride_at < :u"),
            {"s": since, "u": until},
        ).all()
    per_day: Counter = Counter()
    by_status: Counter = Counter()
    services: dict[int, Counter] = defaultdict(Counter)
    for service_id, status, submitted, due, closed in orders:
        received = since <= submitted < until
        closed_in = closed is not None and since <= closed < until
        s = services[service_id]
        if received:
            per_day[local_date(submitted)] += 1
            by_status[status] += 1
            s["received"] += 1
        if closed_in and status == "completed":
            s["completed"] += 1
            s["on_time"] += closed <= due
            s["seconds"] += int(closed.timestamp()) - int(submitted.timestamp())
        if closed_in and status in ("rejected", "cancelled"):
            s[status] += 1
        if status in OPEN and submitted < until:
            s["open"] += 1
            s["overdue"] += status in RUNNING and due < NOW
    kinds: dict[str, Counter] = defaultdict(Counter)
    appeal_status: Counter = Counter()
    for kind, status, received_at, answered_at, due, _closed in appeals:
        k = kinds[kind]
        if since <= received_at < until:
            k["received"] += 1
            appeal_status[status] += 1
        if status == "answered" and since <= answered_at < until:
            k["answered"] += 1
            k["on_time"] += answered_at <= due
        if status not in ("answered", "forwarded", "not_considered") and received_at < until:
            k["open"] += 1
            k["overdue"] += due is not None and due < NOW
    residents: Counter = Counter(local_date(u.created_at).replace(day=1) for u in users)
    rides: dict[int, list[int]] = defaultdict(list)
    for route_id, rating in reviews:
        rides[route_id].append(rating)
    return {
        "per_day": per_day,
        "by_status": by_status,
        "services": services,
        "kinds": kinds,
        "appeal_status": appeal_status,
        "residents": residents,
        "rides": {r: (len(v), sum(v)) for r, v in rides.items()},
    }


def check_same(board: analytics.Dashboard, py: dict) -> None:
    """The SQL figures and the Python ones agree."""
    assert {p.start: p.count for p in board.orders_per_day if p.count} == dict(py["per_day"])
    assert {c.key: c.count for c in board.orders_by_status if c.count} == dict(py["by_status"])
    for s in board.top_services:
        ref = py["services"][s.service_id]
        assert (s.received, s.completed, s.completed_on_time, s.open, s.overdue) == (
            ref["received"],
            ref["completed"],
            ref["on_time"],
            ref["open"],
            ref["overdue"],
        ), s
        assert s.completed_seconds == ref["seconds"]
    for k in board.appeals_by_kind:
        ref = py["kinds"][k.key]
        assert (k.received, k.answered, k.answered_on_time, k.open, k.overdue) == (
            ref["received"],
            ref["answered"],
            ref["on_time"],
            ref["open"],
            ref["overdue"],
        ), k
    assert {p.start: p.count for p in board.residents_per_month if p.count} == dict(py["residents"])
    for r in board.ride_routes:
        assert r.stats.count == py["rides"].get(r.route_id, (0, 0))[0]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--with-proposed-indexes",
        action="store_true",
        help="add an index on appeals.closed_at (not in the schema)",
    )
    parser.add_argument(
        "--keep-database",
        metavar="NAME",
        help="load into the database NAME and keep it; reuse it if it is already there",
    )
    args = parser.parse_args()
    if not reachable():
        print("PostgreSQL is not reachable: the analytics benchmark did not run.")
        return 1
    from backoffice.reports import build_report

    actor = Actor.system()
    database = kept_database(args.keep_database) if args.keep_database else fresh_database()
    with database as (engine, new):
        start = time.perf_counter()
        if new:
            load(engine, args.orders)
            load_more(engine, appeals=args.orders // 5, reviews=args.orders * 3 // 10)
        else:
            with engine.connect() as c:
                args.orders = c.scalar(text("SELECT count(*) FROM orders"))
        if args.with_proposed_indexes or not new:
            set_proposed_indexes(engine, args.with_proposed_indexes)
        print(
            f"{'loaded' if new else 'reused'} {args.orders:,} orders (+ appeals, reviews) in "
            f"{time.perf_counter() - start:.1f} s"
        )
        figures = {}
        for name, period in (("month", MONTH), ("year", YEAR)):

            def sql(period=period):
                with Session(engine) as session:
                    return analytics.dashboard(session, actor, period, now=NOW)

            figures[name] = timed(sql, args.repeat)
            baseline = timed(lambda period=period: python_dashboard(engine, period), args.repeat)
            check_same(figures[name][1], baseline[1])
            figures[name] = (figures[name][0], baseline[0])

        def report():
            with Session(engine) as session:
                return build_report(session, actor, "services", YEAR.first, YEAR.last, now=NOW)

        report_ms, pdf = timed(report, max(1, args.repeat // 2))
        with Session(engine) as session:
            received = analytics.order_totals(session, actor, YEAR, now=NOW).received

    indexes = "with" if args.with_proposed_indexes else "without"
    print(
        f"\nAnalytics over {args.orders:,} orders (median of {args.repeat}; ms), {indexes}"
        " the proposed index on appeals.closed_at:"
    )
    print(f"{'':34}{'SQL (ours)':>12}{'Python over rows':>20}{'ratio':>9}")
    for name, (ours, python) in figures.items():
        title = f"dashboard, a {name}"
        print(f"{title:34}{ours:>12.1f}{python:>20.1f}{python / ours:>8.1f}x")
    print(
        f"{'services report PDF, a year':34}{report_ms:>12.1f}   ({len(pdf):,} bytes,"
        f" {received:,} orders received)"
    )
    targets = [
        *((f"dashboard, a {name}, <= 500 ms", ours <= 500) for name, (ours, _) in figures.items()),
        ("services report, a year, <= 5 s", report_ms <= 5000),
    ]
    print("\n" + "\n".join(f"  [{'ok' if ok else 'MISSED'}] {name}" for name, ok in targets))
    return 0


if __name__ == "__main__":
    sys.exit(main())
