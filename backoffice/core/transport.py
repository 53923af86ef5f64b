"""Rate Your Ride: carriers and routes (administrators), reviews (anyone, even not signed in),
and the aggregates analytics and the portal show.

Aggregates return sums and counts from SQL and divide in Python, so SQLite and PostgreSQL give
the same numbers (PostgreSQL's ``avg`` of integers is ``numeric``, SQLite's a float). Months are
Kyiv calendar months: their boundaries are computed here and bucketed with a portable ``CASE``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session, joinedload

from backoffice.core import audit
from backoffice.core.actor import Actor
from backoffice.core.calendar import KYIV, add_months
from backoffice.core.errors import Conflict, InvalidInput, NotFound
from backoffice.core.permissions import Perm, require
from backoffice.core.records import check_version, flush, get_or_404
from backoffice.core.validation import Checker
from backoffice.models import RIDE_ASPECTS, Carrier, RideReview, Route, utcnow
from backoffice.models.transport import TRANSPORT_MODES

# How far back a ride may be rated: memories fade, and old reviews skew current figures.
REVIEW_MAX_AGE = timedelta(days=30)
# A phone's clock may run a little ahead of the server's.
CLOCK_SKEW = timedelta(minutes=5)
COMMENT_MAX = 2_000
MAX_MONTHS = 60
# Board numbers as painted on the vehicle: Latin or Ukrainian letters and digits.
_BOARD_NUMBER = re.compile(r"[0-9A-ZА-ЯҐЄІЇ]{1,12}")

CARRIER_EXISTS = "Такий перевізник уже є."
ROUTE_EXISTS = "Такий маршрут уже є."

ROUTE_FIELDS = ("number", "mode", "name", "carrier_id", "active")


# --- carriers and routes -------------------------------------------------------------------------


def create_carrier(
    session: Session, actor: Actor, name: str, *, now: datetime | None = None
) -> Carrier:
    require(actor, Perm.TRANSPORT_MANAGE)
    c = Checker()
    name = c.text("name", name, max_length=200)
    c.done()
    if session.scalar(select(Carrier.id).where(Carrier.name == name)) is not None:
        raise Conflict(CARRIER_EXISTS, code="duplicate", field="name")
    carrier = Carrier(name=name)
    session.add(carrier)
    # The check above keeps the transaction usable; the unique constraint still decides a race.
    flush(session, duplicate_message=CARRIER_EXISTS)
    audit.record(session, actor, "carrier.created", "carrier", carrier.id, {"name": [None, name]})
    return carrier


def create_route(
    session: Session,
    actor: Actor,
    number: str,
    mode: str,
    carrier_id: int,
    name: str = "",
    *,
    now: datetime | None = None,
) -> Route:
    require(actor, Perm.TRANSPORT_MANAGE)
    c = Checker()
    number = c.text("number", number, max_length=10)
    mode = c.choice("mode", mode, TRANSPORT_MODES)
    carrier_id = c.integer("carrier_id", carrier_id, minimum=1)
    name = c.text("name", name, required=False, max_length=300)
    if carrier_id is not None and session.get(Carrier, carrier_id) is None:
        c.fail("carrier_id", "Такого перевізника немає.")
    c.done()
    if _route_exists(session, mode, number):
        raise Conflict(ROUTE_EXISTS, code="duplicate", field="number")
    route = Route(number=number, mode=mode, carrier_id=carrier_id, name=name or "", active=True)
    session.add(route)
    flush(session, duplicate_message=ROUTE_EXISTS)
    audit.record(
        session,
        actor,
        "route.created",
        "route",
        route.id,
        audit.changes_between({}, audit.snapshot(route, ROUTE_FIELDS)),
    )
    return route


def _route_exists(session: Session, mode: str, number: str) -> bool:
    found = session.scalar(select(Route.id).where(Route.mode == mode, Route.number == number))
    return found is not None


def set_route_active(
    session: Session,
    actor: Actor,
    route_id: int,
    active: bool,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Route:
    """An inactive route keeps its reviews but takes no new ones."""
    require(actor, Perm.TRANSPORT_MANAGE)
    c = Checker()
    active = c.boolean("active", active)
    expected_version = c.expected_version(expected_version)
    c.done()
    route = get_or_404(session, Route, route_id)
    check_version(route, expected_version)
    before = audit.snapshot(route, ROUTE_FIELDS)
    route.active = active
    flush(session)
    audit.record(
        session,
        actor,
        "route.activated" if active else "route.deactivated",
        "route",
        route.id,
        audit.changes_between(before, audit.snapshot(route, ROUTE_FIELDS)),
    )
    return route


def list_routes(session: Session, *, active_only: bool = True) -> list[Route]:
    """Every route (a city has a few dozen): the review form's choice list."""
    query = select(Route).order_by(Route.mode, Route.number, Route.id)
    if active_only:
        query = query.where(Route.active.is_(True))
    return list(session.scalars(query))


# --- reviews -------------------------------------------------------------------------------------


def _check_board_number(c: Checker, value: Any) -> str | None:
    text = c.text("board_number", value, max_length=40)
    if text is None:
        return None
    # People type "ВО 1234 АА" or "bo-1234": keep only what is painted, upper case.
    normalised = re.sub(r"[\s\-]", "", text).upper()
    if not _BOARD_NUMBER.fullmatch(normalised):
        c.fail("board_number", "Бортовий номер — до 12 літер і цифр.")
        return None
    return normalised


def _check_ride_at(c: Checker, value: Any, now: datetime) -> datetime | None:
    ride_at = c.moment("ride_at", value)
    if ride_at is None:
        return None
    if ride_at > now + CLOCK_SKEW:
        c.fail("ride_at", "Час поїздки ще не настав.")
        return None
    if ride_at < now - REVIEW_MAX_AGE:
        c.fail("ride_at", f"Оцінити можна поїздку за останні {REVIEW_MAX_AGE.days} днів.")
        return None
    return ride_at


def _check_route_for_review(c: Checker, session: Session, route_id: Any) -> Route | None:
    route_id = c.integer("route_id", route_id, minimum=1)
    if route_id is None:
        return None
    route = session.get(Route, route_id)
    if route is None:
        c.fail("route_id", "Такого маршруту немає.")
        return None
    if not route.active:
        c.fail("route_id", "Цей маршрут зараз не курсує.")
        return None
    return route


def submit_review(
    session: Session,
    actor: Actor,
    route_id: int,
    board_number: str,
    ride_at: datetime,
    rating: int,
    punctuality: int | None = None,
    cleanliness: int | None = None,
    driver: int | None = None,
    crowding: int | None = None,
    comment: str | None = None,
    *,
    now: datetime | None = None,
) -> RideReview:
    """Rate a ride: overall 1..5, optional aspects 1..5, an optional comment kept as typed."""
    now = now or utcnow()
    require(actor, Perm.RIDE_REVIEW)
    c = Checker()
    route = _check_route_for_review(c, session, route_id)
    board_number = _check_board_number(c, board_number)
    ride_at = _check_ride_at(c, ride_at, now)
    rating = c.integer("rating", rating, minimum=1, maximum=5)
    raw_aspects = {
        "punctuality": punctuality,
        "cleanliness": cleanliness,
        "driver": driver,
        "crowding": crowding,
    }
    aspects = {
        name: c.integer(name, value, required=False, minimum=1, maximum=5)
        for name, value in raw_aspects.items()
    }
    comment = c.text("comment", comment, required=False, max_length=COMMENT_MAX, multiline=True)
    c.done()
    review = RideReview(
        route_id=route.id,
        board_number=board_number,
        ride_at=ride_at,
        rating=rating,
        comment=comment,
        author_id=actor.user_id,
        created_at=now,
        **aspects,
    )
    session.add(review)
    flush(session)
    audit.record(
        session,
        actor,
        "ride_review.submitted",
        "ride_review",
        review.id,
        {"route_id": [None, route.id], "rating": [None, rating]},
    )
    return review


# --- aggregates ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RideStats:
    """Averages rounded to two decimals; None where nobody rated that aspect."""

    count: int
    rating: float | None
    punctuality: float | None
    cleanliness: float | None
    driver: float | None
    crowding: float | None


@dataclass(frozen=True)
class RouteStats:
    route_id: int
    number: str
    mode: str
    carrier_id: int
    stats: RideStats


@dataclass(frozen=True)
class CarrierStats:
    carrier_id: int
    name: str
    stats: RideStats


@dataclass(frozen=True)
class MonthStats:
    month: date  # the first day of the Kyiv calendar month
    stats: RideStats


_MEASURES = ("rating", *RIDE_ASPECTS)


def _aggregate_columns() -> list[ColumnElement]:
    columns: list[ColumnElement] = [func.count(RideReview.id)]
    for name in _MEASURES:
        column = getattr(RideReview, name)
        columns += [func.sum(column), func.count(column)]
    return columns


def _average(total: Any, count: int) -> float | None:
    if not count:
        return None
    exact = Decimal(int(total)) / Decimal(count)
    return float(exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _stats_of(row: Sequence) -> RideStats:
    """``row`` ends with the columns of ``_aggregate_columns``."""
    values = list(row[-(1 + 2 * len(_MEASURES)) :])
    count = values[0] or 0
    averages = [_average(values[1 + 2 * i], values[2 + 2 * i]) for i in range(len(_MEASURES))]
    return RideStats(count, *averages)


@dataclass(frozen=True)
class _Filters:
    route_id: int | None
    carrier_id: int | None
    since: datetime | None
    until: datetime | None


def _check_filters(
    route_id: Any = None, carrier_id: Any = None, since: Any = None, until: Any = None
) -> _Filters:
    c = Checker()
    route_id = c.integer("route_id", route_id, required=False, minimum=1)
    carrier_id = c.integer("carrier_id", carrier_id, required=False, minimum=1)
    since = c.moment("since", since, required=False)
    until = c.moment("until", until, required=False)
    if since and until and until <= since:
        c.fail("until", "Кінець періоду має бути пізніше за початок.")
    c.done()
    return _Filters(route_id, carrier_id, since, until)


def _review_join(since: datetime | None, until: datetime | None) -> ColumnElement[bool]:
    """The ON clause of an outer join to reviews: a route without reviews still shows (0)."""
    condition = RideReview.route_id == Route.id
    if since is not None:
        condition = and_(condition, RideReview.ride_at >= since)
    if until is not None:
        condition = and_(condition, RideReview.ride_at < until)
    return condition


def route_stats(
    session: Session,
    route_id: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[RouteStats]:
    """Per route: number of reviews and averages, for rides in [since, until)."""
    f = _check_filters(route_id=route_id, since=since, until=until)
    query = (
        select(Route.id, Route.number, Route.mode, Route.carrier_id, *_aggregate_columns())
        .outerjoin(RideReview, _review_join(f.since, f.until))
        .group_by(Route.id, Route.number, Route.mode, Route.carrier_id)
        .order_by(Route.mode, Route.number, Route.id)
    )
    if f.route_id is not None:
        query = query.where(Route.id == f.route_id)
    return [
        RouteStats(row[0], row[1], row[2], row[3], _stats_of(row)) for row in session.execute(query)
    ]


def carrier_stats(
    session: Session,
    carrier_id: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
) -> list[CarrierStats]:
    """Per carrier, over all its routes: number of reviews and averages."""
    f = _check_filters(carrier_id=carrier_id, since=since, until=until)
    query = (
        select(Carrier.id, Carrier.name, *_aggregate_columns())
        .outerjoin(Route, Route.carrier_id == Carrier.id)
        .outerjoin(RideReview, _review_join(f.since, f.until))
        .group_by(Carrier.id, Carrier.name)
        .order_by(Carrier.name, Carrier.id)
    )
    if f.carrier_id is not None:
        query = query.where(Carrier.id == f.carrier_id)
    return [CarrierStats(row[0], row[1], _stats_of(row)) for row in session.execute(query)]


def _month_starts(since: datetime, until: datetime) -> list[date]:
    """First days of the Kyiv months that [since, until) touches."""
    first = since.astimezone(KYIV).date().replace(day=1)
    last = (until - timedelta(microseconds=1)).astimezone(KYIV).date()
    months = [first]
    while (following := add_months(months[-1], 1)) <= last:
        months.append(following)
    return months


def _kyiv_midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=KYIV).astimezone(UTC)


def monthly_stats(
    session: Session,
    route_id: int | None = None,
    carrier_id: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    *,
    now: datetime | None = None,
) -> list[MonthStats]:
    """Averages by Kyiv calendar month, every month in the period (empty ones with count 0).

    Default period: the twelve months up to and including the current one.
    """
    now = now or utcnow()
    f = _check_filters(route_id, carrier_id, since, until)
    route_id, carrier_id = f.route_id, f.carrier_id
    until = f.until or _kyiv_midnight(add_months(now.astimezone(KYIV).date().replace(day=1), 1))
    since = f.since or _kyiv_midnight(add_months(until.astimezone(KYIV).date().replace(day=1), -12))
    if until <= since:
        raise InvalidInput({"until": "Кінець періоду має бути пізніше за початок."})
    months = _month_starts(since, until)
    if len(months) > MAX_MONTHS:
        raise InvalidInput({"since": f"Не більше {MAX_MONTHS} місяців за раз."})
    bounds = [_kyiv_midnight(add_months(m, 1)) for m in months]
    # Bucket i holds rides before the end of month i (and after the previous end).
    bucket = case(*((RideReview.ride_at < end, i) for i, end in enumerate(bounds)), else_=-1)
    query = (
        select(bucket.label("bucket"), *_aggregate_columns())
        .where(RideReview.ride_at >= since, RideReview.ride_at < until)
        .group_by(bucket)
    )
    if route_id is not None:
        query = query.where(RideReview.route_id == route_id)
    if carrier_id is not None:
        query = query.where(
            RideReview.route_id.in_(select(Route.id).where(Route.carrier_id == carrier_id))
        )
    found = {row[0]: _stats_of(row) for row in session.execute(query)}
    empty = RideStats(0, None, None, None, None, None)
    return [MonthStats(month, found.get(i, empty)) for i, month in enumerate(months)]


def get_route(session: Session, route_id: int) -> Route:
    """One route with its carrier (inactive ones too: their figures stay public)."""
    if not isinstance(route_id, int) or isinstance(route_id, bool):
        raise NotFound()
    route = session.scalar(
        select(Route).options(joinedload(Route.carrier)).where(Route.id == route_id)
    )
    if route is None:
        raise NotFound()
    return route
