"""Analytics aggregates against figures computed by hand (tests/reports/world.py), on SQLite
and on PostgreSQL alike."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from backoffice.core import analytics
from backoffice.core.analytics import Period
from backoffice.core.errors import InvalidInput, NotAllowed
from backoffice.models import Role
from tests.reports.world import MARCH, NOW, build_world


@pytest.fixture
def world(session, people):
    return build_world(session, people)


def d(day: int, month: int = 3) -> date:
    return date(2025, month, day)


def test_orders_per_day_follow_kyiv_days_across_the_dst_change(world):
    points = analytics.orders_over_time(world.session, world.manager, MARCH, "day")
    assert [p.start for p in points] == [d(n) for n in range(1, 32)]
    counts = {p.start.day: p.count for p in points if p.count}
    # Order 1 is 28 Feb 22:30 UTC = 1 March in Kyiv; order 4 is 30 March 21:30 UTC (UTC+3 by
    # then) = 31 March; order 6 is already April in Kyiv.
    assert counts == {1: 1, 3: 1, 5: 2, 10: 1, 12: 1, 14: 1, 15: 1, 20: 1, 31: 1}


def test_orders_per_week_and_month(world):
    weeks = analytics.orders_over_time(world.session, world.manager, MARCH, "week")
    assert [(p.start, p.count) for p in weeks] == [
        (d(1), 1),
        (d(3), 3),
        (d(10), 4),
        (d(17), 1),
        (d(24), 0),
        (d(31), 1),
    ]
    quarter = Period(d(1, 2), d(30, 4))
    months = analytics.orders_over_time(world.session, world.manager, quarter, "month")
    assert [(p.start, p.count) for p in months] == [(d(1, 2), 1), (d(1), 10), (d(1, 4), 1)]
    only_b = analytics.orders_over_time(
        world.session, world.manager, quarter, "month", service_id=world.service_b
    )
    assert [p.count for p in only_b] == [0, 5, 0]


def test_orders_by_status(world):
    counts = {
        c.key: c.count for c in analytics.orders_by_status(world.session, world.manager, MARCH)
    }
    assert counts == {
        "submitted": 1,
        "accepted": 0,
        "in_progress": 1,
        "needs_info": 1,
        "ready": 1,
        "completed": 4,
        "rejected": 1,
        "cancelled": 1,
    }


def test_service_summary_by_hand(world):
    rows = analytics.service_summary(world.session, world.manager, MARCH, now=NOW)
    # Both received 5: then by title ("Видача…" before "Реєстрація…").
    b, a = rows
    assert (a.service_id, b.service_id) == (world.service_a, world.service_b)
    # A: received 1-5; completed 1, 2, 3, 7 (5, 12, 2.5, 20 days); on time 1 and 3.
    assert (a.received, a.completed, a.rejected, a.cancelled) == (5, 4, 0, 0)
    assert (a.completed_on_time, a.on_time_share) == (2, 0.5)
    assert a.average_days == 9.88  # 39.5 / 4 = 9.875, half up
    assert a.median_days == 8.5  # (5 + 12) / 2
    assert (a.open, a.overdue) == (2, 1)
    # B: completed 11 only (4 days and 0.999 s: whole seconds); rejected 8; cancelled 9;
    # open 10 (clock stopped) and 12 (ready, past due).
    assert (b.received, b.completed, b.rejected, b.cancelled) == (5, 1, 1, 1)
    assert (b.completed_on_time, b.on_time_share, b.average_days, b.median_days) == (
        1,
        1.0,
        4.0,
        4.0,
    )
    assert (b.open, b.overdue) == (2, 1)
    # Whole seconds on both databases: 39.5 days for A; B's 0.999 s do not count.
    assert (a.completed_seconds, b.completed_seconds) == (39 * 86_400 + 43_200, 4 * 86_400)
    top = analytics.service_summary(world.session, world.manager, MARCH, top=1, now=NOW)
    assert [r.service_id for r in top] == [world.service_b]
    assert top[0].median_days == 4.0


def test_order_totals_and_the_dashboard_agree(world):
    totals = analytics.order_totals(world.session, world.manager, MARCH, now=NOW)
    assert (totals.received, totals.completed, totals.rejected, totals.cancelled) == (10, 5, 1, 1)
    assert (totals.completed_on_time, totals.on_time_share) == (3, 0.6)
    assert totals.average_days == 8.7  # 43.5 / 5
    assert totals.median_days == 5.0  # of 2.5, 4, 5, 12, 20
    assert (totals.open, totals.overdue) == (4, 2)
    board = analytics.dashboard(world.session, world.manager, MARCH, now=NOW)
    added = board.order_totals
    assert (added.received, added.completed, added.on_time_share, added.average_days) == (
        10,
        5,
        0.6,
        8.7,
    )
    assert sum(p.count for p in board.orders_per_day) == 10
    assert [s.service_id for s in board.top_services] == [world.service_b, world.service_a]
    assert board.backlog == analytics.order_backlog(world.session, world.manager, now=NOW)
    assert [a.key for a in board.appeals_by_kind] == ["appeal", "info_request", "message"]
    assert board.residents_per_month[-1].start == d(1)
    assert {r.number: r.stats.count for r in board.ride_routes} == {"9": 2, "27": 1}


@pytest.mark.parametrize(
    "period",
    [
        MARCH,
        Period(d(5), d(20)),  # not whole months
        Period(date(2024, 12, 15), d(20)),
        Period(date(2024, 1, 1), d(30, 4)),  # longer than the dashboard's twelve months
    ],
)
def test_the_dashboard_counts_once_what_the_separate_functions_count(world, period):
    """The dashboard reads each table once (appeals by kind and status together, residents of
    the period and of the twelve months together, the rides' total from the routes' sums): the
    answers are those of the functions the reports call."""
    session, manager = world.session, world.manager
    board = analytics.dashboard(session, manager, period, now=NOW)
    assert board.orders_per_day == analytics.orders_over_time(session, manager, period, "day")
    assert board.appeals_by_kind == analytics.appeal_summary(
        session, manager, period, "kind", now=NOW
    )
    assert board.appeals_by_status == analytics.appeals_by_status(session, manager, period)
    twelve_months = analytics._year_of_months(period)
    assert board.residents_per_month == analytics.residents_registered(
        session, manager, twelve_months, "month"
    )
    days = analytics.residents_registered(session, manager, period, "day")
    assert board.headline.residents_registered == sum(p.count for p in days)
    assert board.ride_routes == analytics.ride_ratings_by_route(session, manager, period)
    (carrier,) = analytics.ride_ratings_by_carrier(session, manager, period)
    assert (board.headline.ride_reviews, board.headline.ride_rating) == (
        carrier.stats.count,
        carrier.stats.rating,
    )


def test_backlog_now(world):
    backlog = analytics.order_backlog(world.session, world.manager, now=NOW)
    # Open: 4, 5, 6, 10, 12; overdue: 5 and 12 (10 waits for the applicant).
    assert (backlog.open, backlog.overdue, backlog.due_soon, backlog.needs_info) == (5, 2, 0, 1)
    assert {c.key: c.count for c in backlog.by_status} == {
        "submitted": 2,
        "accepted": 0,
        "in_progress": 1,
        "needs_info": 1,
        "ready": 1,
    }
    soon = analytics.order_backlog(
        world.session, world.manager, now=analytics.kyiv_midnight(d(9, 4))
    )
    assert soon.due_soon == 2  # 4 and 6 are due 10 and 11 April


def test_category_filter(world):
    rows = analytics.service_summary(
        world.session, world.manager, MARCH, category_id=world.category_id, now=NOW
    )
    assert len(rows) == 2
    none = analytics.service_summary(world.session, world.manager, MARCH, category_id=10**9)
    assert none == []


def test_appeals_by_kind(world):
    rows = analytics.appeal_summary(world.session, world.manager, MARCH, "kind", now=NOW)
    appeal, request, message = rows
    assert (appeal.received, appeal.answered, appeal.answered_on_time) == (4, 2, 1)
    assert (appeal.on_time_share, appeal.average_answer_days) == (0.5, 16.0)
    assert (appeal.open, appeal.overdue, appeal.forwarded, appeal.not_considered) == (2, 1, 0, 0)
    assert (request.received, request.answered, request.on_time_share) == (2, 1, 1.0)
    assert (request.average_answer_days, request.open, request.overdue) == (2.25, 1, 1)
    assert (message.received, message.answered, message.forwarded, message.not_considered) == (
        1,
        0,
        1,
        1,
    )
    assert (message.on_time_share, message.average_answer_days) == (None, None)
    total = analytics.appeal_totals(world.session, world.manager, MARCH, now=NOW)
    assert (total.received, total.answered, total.answered_on_time) == (7, 3, 2)
    assert (total.on_time_share, total.average_answer_days) == (0.6667, 11.42)
    assert (total.forwarded, total.not_considered, total.open, total.overdue) == (1, 1, 3, 2)


def test_appeals_by_category_status_and_time(world):
    rows = analytics.appeal_summary(world.session, world.manager, MARCH, "category", now=NOW)
    assert [(r.key, r.received, r.answered, r.open, r.overdue) for r in rows] == [
        ("Благоустрій", 3, 2, 0, 0),
        ("Транспорт", 3, 1, 2, 1),
        ("", 1, 0, 1, 1),
        ("Ґрунти", 0, 0, 0, 0),
    ]
    statuses = {
        c.key: c.count for c in analytics.appeals_by_status(world.session, world.manager, MARCH)
    }
    assert statuses == {
        "received": 1,
        "registered": 1,
        "assigned": 1,
        "extended": 0,
        "answered": 3,
        "forwarded": 1,
        "not_considered": 0,
    }
    weeks = analytics.appeals_over_time(world.session, world.manager, MARCH, "week")
    assert [p.count for p in weeks] == [1, 2, 1, 1, 2, 0]
    requests = analytics.appeal_summary(
        world.session, world.manager, MARCH, "kind", kind="info_request", now=NOW
    )
    assert [r.key for r in requests] == ["info_request"]


def test_residents_registered_per_month(world):
    period = Period(d(1, 1), d(30, 4))
    points = analytics.residents_registered(world.session, world.manager, period, "month")
    assert [(p.start, p.count) for p in points] == [
        (d(1, 1), 7),
        (d(1, 2), 0),
        (d(1, 3), 2),
        (d(1, 4), 1),
    ]


def test_surveys_and_rides(world):
    surveys = analytics.surveys_in_period(world.session, world.manager, MARCH)
    assert [(s.survey_id, s.ballots) for s in surveys] == [(world.survey_id, 4)]
    assert analytics.surveys_in_period(world.session, world.manager, Period(d(1, 5), d(2, 5))) == []
    results = analytics.survey_results(world.session, world.manager, world.survey_id, now=NOW)
    assert [o.count for o in results.questions[0].options] == [2, 1, 1]
    routes = analytics.ride_ratings_by_route(world.session, world.manager, MARCH)
    by_number = {r.number: r.stats for r in routes}
    assert (by_number["9"].count, by_number["9"].rating, by_number["9"].punctuality) == (
        2,
        4.5,
        3.0,
    )
    carriers = analytics.ride_ratings_by_carrier(world.session, world.manager, MARCH)
    assert [(c.stats.count, c.stats.rating, c.stats.punctuality) for c in carriers] == [
        (3, 4.0, 2.5)
    ]
    months = analytics.ride_ratings_over_time(
        world.session, world.manager, Period(d(1), d(30, 4)), "month", carrier_id=world.carrier_id
    )
    assert [(m.start, m.stats.count, m.stats.rating) for m in months] == [
        (d(1), 3, 4.0),
        (d(1, 4), 1, 2.0),
    ]
    route9 = analytics.ride_ratings_over_time(
        world.session, world.manager, MARCH, "week", route_id=world.route_ids[0]
    )
    assert [m.stats.count for m in route9] == [0, 0, 1, 0, 0, 1]


def test_only_analytics_viewers(world, people):
    period = MARCH
    for actor in (world.clerk, world.reception, world.resident):
        for call in (
            lambda a: analytics.orders_over_time(world.session, a, period),
            lambda a: analytics.orders_by_status(world.session, a, period),
            lambda a: analytics.service_summary(world.session, a, period),
            lambda a: analytics.order_totals(world.session, a, period),
            lambda a: analytics.order_backlog(world.session, a),
            lambda a: analytics.appeal_summary(world.session, a, period),
            lambda a: analytics.appeals_by_status(world.session, a, period),
            lambda a: analytics.residents_registered(world.session, a, period),
            lambda a: analytics.surveys_in_period(world.session, a, period),
            lambda a: analytics.ride_ratings_by_route(world.session, a, period),
            lambda a: analytics.dashboard(world.session, a, period),
        ):
            with pytest.raises(NotAllowed):
                call(actor)
    admin = people.actor(people.staff(Role.ADMIN))
    with pytest.raises(NotAllowed):
        analytics.dashboard(world.session, admin, period)


def test_periods_and_buckets_are_checked():
    with pytest.raises(InvalidInput):
        Period(d(2), d(1))
    with pytest.raises(InvalidInput):
        Period.of("2025-13-01", "2025-12-31")
    assert Period.of("2025-03-01", "2025-03-31") == MARCH
    assert MARCH.days == 31 and MARCH.label() == "01.03.2025 — 31.03.2025"
    with pytest.raises(InvalidInput):
        analytics.bucket_starts(MARCH, "year")
    with pytest.raises(InvalidInput):
        analytics.bucket_starts(Period(d(1, 1), date(2030, 1, 1)), "day")
    assert len(analytics.bucket_starts(Period(d(1, 1), d(31, 12)), "month")) == 12
    # A single day and a week that starts mid-week.
    assert analytics.bucket_starts(Period(d(5), d(5)), "week") == [d(5)]
    assert analytics.bucket_starts(Period(d(5), d(17)), "week") == [d(5), d(10), d(17)]


def test_days_across_the_autumn_change(session, people):
    """25 hours on 26 October 2025 in Kyiv: moments either side of both midnights."""
    manager = people.actor(people.staff(Role.MANAGER))
    for moment in (
        datetime(2025, 10, 24, 21, 30, tzinfo=UTC),  # 25 Oct 00:30 (UTC+3)
        datetime(2025, 10, 25, 20, 59, tzinfo=UTC),  # 25 Oct 23:59
        datetime(2025, 10, 25, 21, 0, tzinfo=UTC),  # 26 Oct 00:00
        datetime(2025, 10, 26, 21, 59, tzinfo=UTC),  # 26 Oct 23:59 (UTC+2 since 01:00 UTC)
        datetime(2025, 10, 26, 22, 0, tzinfo=UTC),  # 27 Oct 00:00
    ):
        people.resident(created_at=moment)
    period = Period(date(2025, 10, 25), date(2025, 10, 27))
    changes = analytics.kyiv_offset_changes(period)
    assert [offset for _, offset in changes] == [3 * 3600, 2 * 3600]
    assert changes[1][0] == datetime(2025, 10, 26, 1, 0, tzinfo=UTC)
    points = analytics.residents_registered(session, manager, period, "day")
    assert [p.count for p in points] == [2, 2, 1]


def test_services_overview_is_the_same_figures_counted_once(world):
    overview = analytics.services_overview(world.session, world.manager, MARCH, now=NOW)
    assert overview.services == analytics.service_summary(
        world.session, world.manager, MARCH, now=NOW
    )
    assert overview.total == analytics.order_totals(world.session, world.manager, MARCH, now=NOW)
    assert overview.received_by_status == analytics.orders_by_status(
        world.session, world.manager, MARCH
    )
    assert overview.backlog == analytics.order_backlog(world.session, world.manager, now=NOW)
    with pytest.raises(NotAllowed):
        analytics.services_overview(world.session, world.clerk, MARCH)
