"""Analytics: the aggregates managers look at and the printed reports are built from.

Everything is counted in SQL (``GROUP BY``, ``FILTER``) and only sums and counts travel to
Python, where divisions and rounding happen with ``Decimal`` (half up), so SQLite and
PostgreSQL give exactly the same figures. Every function takes ``(session, actor, period, ...)``
and requires ``Perm.ANALYTICS_VIEW``.

Periods are Kyiv calendar days, both ends included (``Period``). Buckets (day, week from Monday,
calendar month) are Kyiv days too. SQLite knows no time zones, so the edges of the buckets (Kyiv
midnights) are computed here with zoneinfo as UTC moments and SQL counts each bucket as a range
of an index (``_counts_between``: the ranges are a VALUES list, each one correlated count), so
nothing is computed per row and both databases compare the same moments; a year of orders per
day costs little more than reading the index. Averages per bucket (the rides') need sums, so
there SQL computes the Kyiv day *number* of a row with integer arithmetic (epoch seconds + Kyiv's
offset, a CASE over the daylight-saving changes inside the period) and groups by it; days are
added up into weeks and months here (a CASE with one branch per bucket made PostgreSQL's JIT
spend seconds compiling it).

Orders are counted from narrow queries (at a million orders a year's figures are hundreds of
thousands of rows), those of the period read from an index alone (migration 0004): received
(submission time with the service and the status), closed in the period (the closed orders' index
on status and closing time with what is counted of them: the completed with their terms and
durations, the rejected and cancelled apart); open now by the status index. Appeals come from
one scan grouped by status too, which decides in Python which part (received, closed in the
period, open) a count belongs to.
The dashboard reads each table once: appeals by kind and by status together, the residents of
the period and of the twelve months together, the rides' total added up from the routes' sums.

What each figure counts (``now`` is the moment of the query, default the current time):

- received: submitted (orders) / received (appeals) within the period;
- completed, rejected, cancelled, answered, forwarded, not considered: closed with that status
  within the period (by ``closed_at``; ``answered_at`` for answers);
- on time: completed orders closed by their ``due_at`` over all completed in the period
  (answered appeals by their control date likewise). A ``ready`` order has no closing moment in
  the model (the resident has not collected the result), so it counts as open, not finished;
- processing time: calendar days, decimal, from submission to closing of the completed orders
  (answer time: from receipt to the answer), whole seconds on both databases;
- open (backlog): not closed now, received before the period's end; overdue: open with the
  clock running (an order waiting for the applicant's answer has its clock stopped) and
  ``due_at`` before ``now`` — the same rule as the lists' "overdue" filter.

Medians: PostgreSQL has ``percentile_cont``; SQLite has no ordered-set aggregate, so there the
median is taken with window functions (``row_number``/``count`` per group, the average of the
one or two middle rows). Both give the average of the two middle values for an even count.
Durations are whole seconds, so both are exact; their sums on PostgreSQL floor each moment with
``date_bin`` and add up intervals (no conversion per row), which needs PostgreSQL 14 or newer.
The dialect-specific expressions (epoch seconds, summed seconds and the median) are the only ones
here and sit together under "dialect helpers".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from itertools import pairwise
from operator import itemgetter
from typing import Any, Literal

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Integer,
    Numeric,
    and_,
    bindparam,
    case,
    exists,
    func,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy import column as sql_column
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.functions import FunctionElement

from backoffice.config import get_settings
from backoffice.core import democracy, transport
from backoffice.core.actor import Actor
from backoffice.core.calendar import KYIV, add_months, moment_or_now
from backoffice.core.errors import InvalidInput
from backoffice.core.permissions import Perm, require
from backoffice.core.validation import Checker
from backoffice.db import is_postgresql
from backoffice.models import (
    Appeal,
    AppealKind,
    AppealStatus,
    Ballot,
    Order,
    OrderStatus,
    RideReview,
    Route,
    Service,
    StaffRole,
    Survey,
    SurveyStatus,
    User,
)
from backoffice.models.reception import CLOSED_APPEAL_STATUSES
from backoffice.models.services import CLOSED_ORDER_STATUSES

Bucket = Literal["day", "week", "month"]
BUCKETS: tuple[str, ...] = ("day", "week", "month")
MAX_BUCKETS = 1_200
MAX_PERIOD_DAYS = 366 * 10
SECONDS_PER_DAY = 86_400
TOTAL_TITLE = "Усього"

_OPEN_ORDER = tuple(s.value for s in OrderStatus if s not in CLOSED_ORDER_STATUSES)
# The clock runs only for these (the rule of core.services.overdue_orders).
_CLOCK_RUNNING = tuple(s for s in _OPEN_ORDER if s != OrderStatus.NEEDS_INFO)
_CLOSED_NOT_COMPLETED = sorted(s.value for s in CLOSED_ORDER_STATUSES - {OrderStatus.COMPLETED})
_CLOSED_APPEAL = tuple(s.value for s in CLOSED_APPEAL_STATUSES)


# --- periods and buckets -------------------------------------------------------------------------


def kyiv_midnight(day: date) -> datetime:
    """The first moment of the Kyiv day ``day``, as an aware UTC datetime."""
    return datetime.combine(day, time.min, tzinfo=KYIV).astimezone(UTC)


@dataclass(frozen=True)
class Period:
    """Kyiv calendar days from ``first`` to ``last``, both included."""

    first: date
    last: date

    def __post_init__(self) -> None:
        errors = {}
        for name in ("first", "last"):
            value = getattr(self, name)
            if not isinstance(value, date) or isinstance(value, datetime):
                errors[name] = "Потрібна дата."
        if not errors and self.last < self.first:
            errors["last"] = "Кінець періоду раніше за його початок."
        if not errors and (self.last - self.first).days >= MAX_PERIOD_DAYS:
            errors["first"] = "Період задовгий."
        if errors:
            raise InvalidInput(errors)

    @classmethod
    def of(cls, first: date | str, last: date | str) -> Period:
        """From dates or ISO text (``2025-01-31``)."""
        try:
            first = date.fromisoformat(first) if isinstance(first, str) else first
            last = date.fromisoformat(last) if isinstance(last, str) else last
        except ValueError as error:
            raise InvalidInput({"period": "Дата у форматі РРРР-ММ-ДД."}) from error
        return cls(first, last)

    @classmethod
    def month_of(cls, day: date) -> Period:
        first = day.replace(day=1)
        return cls(first, add_months(first, 1) - timedelta(days=1))

    @property
    def since(self) -> datetime:
        return kyiv_midnight(self.first)

    @property
    def until(self) -> datetime:
        """The first moment after the period (exclusive end)."""
        return kyiv_midnight(self.last + timedelta(days=1))

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def label(self) -> str:
        return f"{self.first:%d.%m.%Y} — {self.last:%d.%m.%Y}"

    def natural_bucket(self) -> Bucket:
        """Days for up to two months, weeks up to a year, months beyond."""
        if self.days <= 62:
            return "day"
        if self.days <= 366:
            return "week"
        return "month"


def bucket_starts(period: Period, bucket: str) -> list[date]:
    """The Kyiv days on which the buckets of ``period`` start (the first one at its start)."""
    if bucket not in BUCKETS:
        raise InvalidInput({"bucket": "Групування: day, week або month."})
    starts = [period.first]
    if bucket == "day":
        following = lambda d: d + timedelta(days=1)  # noqa: E731
    elif bucket == "week":
        following = lambda d: d + timedelta(days=7 - d.weekday())  # noqa: E731
    else:
        following = lambda d: add_months(d.replace(day=1), 1)  # noqa: E731
    while (nxt := following(starts[-1])) <= period.last:
        starts.append(nxt)
        if len(starts) > MAX_BUCKETS:
            raise InvalidInput({"bucket": f"Не більше {MAX_BUCKETS} точок: оберіть ширше."})
    return starts


def kyiv_offset_changes(period: Period) -> list[tuple[datetime, int]]:
    """Kyiv's UTC offset (seconds) over ``period``: ``[(since, offset), (moment, new offset),
    ...]``, one entry more for every daylight-saving change inside the period."""
    step = timedelta(minutes=15)
    changes = [(period.since, int(period.since.astimezone(KYIV).utcoffset().total_seconds()))]
    day = period.first
    while day <= period.last:
        start, end = kyiv_midnight(day), kyiv_midnight(day + timedelta(days=1))
        if end - start != timedelta(days=1):  # the day of a change is 23 or 25 hours long
            moment = start
            while moment < end:
                offset = int(moment.astimezone(KYIV).utcoffset().total_seconds())
                if offset != changes[-1][1]:
                    changes.append((moment, offset))
                moment += step
        day += timedelta(days=1)
    return changes


def kyiv_day_number(column: ColumnElement, period: Period) -> ColumnElement[int]:
    """The Kyiv calendar day of ``column`` as a number: 0 for ``period.first``, 1 for the next...

    Whole seconds since 1970, plus Kyiv's offset at that moment (a CASE over the few
    daylight-saving changes in the period), minus the first day's local midnight, divided by a
    day. Integer arithmetic only, so SQLite (no time zones) and PostgreSQL agree; the rows must
    already be limited to the period (never negative).
    """
    changes = kyiv_offset_changes(period)
    offset: ColumnElement = literal_column(str(changes[-1][1]))
    if len(changes) > 1:
        offset = case(
            *(
                (column < moment, literal_column(str(before)))
                for (_, before), (moment, _) in pairwise(changes)
            ),
            else_=offset,
        )
    local_midnight = int(datetime.combine(period.first, time.min, tzinfo=UTC).timestamp())
    return (epoch_seconds(column) + offset - literal_column(str(local_midnight))) // literal_column(
        str(SECONDS_PER_DAY)
    )


def bucket_of_days(period: Period, starts: list[date]) -> list[int]:
    """For every day number of ``period``, the index of the bucket (of ``starts``) it is in."""
    index, found = 0, []
    for n in range(period.days):
        day = period.first + timedelta(days=n)
        while index + 1 < len(starts) and starts[index + 1] <= day:
            index += 1
        found.append(index)
    return found


# --- dialect helpers -----------------------------------------------------------------------------
# The only dialect-specific SQL of analytics (DESIGN: dialect specifics belong in db.py; these are
# compile rules of expressions used here only, so they stay next to their single user).


class epoch_seconds(FunctionElement):
    """Whole seconds since 1970 of a timestamp column (floored: the same on both databases)."""

    type = BigInteger()
    inherit_cache = True
    name = "epoch_seconds"


@compiles(epoch_seconds, "postgresql")
def _epoch_seconds_postgresql(element, compiler, **kw) -> str:
    # date_part gives double precision, extract numeric (since PostgreSQL 14), slower per row;
    # floored they are the same whole seconds: microseconds / 10^6 in a double cannot reach the
    # next second for any moment before the year 2200.
    return f"CAST(floor(date_part('epoch', {compiler.process(element.clauses, **kw)})) AS BIGINT)"


@compiles(epoch_seconds, "sqlite")
def _epoch_seconds_sqlite(element, compiler, **kw) -> str:
    # Stored as 'YYYY-MM-DD HH:MM:SS.ffffff' naive UTC: the first 19 characters are whole seconds
    # (strftime would round the fraction, PostgreSQL's floor truncates it).
    column = compiler.process(element.clauses, **kw)
    return f"CAST(strftime('%s', substr({column}, 1, 19)) AS INTEGER)"


def seconds_between(start: ColumnElement, end: ColumnElement) -> ColumnElement[int]:
    return epoch_seconds(end) - epoch_seconds(start)


class summed_seconds(FunctionElement):
    """An aggregate: ``seconds_between(start, end)`` added up (NULL over no rows). Arguments:
    start, end and optionally a condition (``FILTER (WHERE ...)``)."""

    type = Numeric()
    inherit_cache = True
    name = "summed_seconds"


@compiles(summed_seconds, "postgresql")
def _summed_seconds_postgresql(element, compiler, **kw) -> str:
    # Each moment floored to the second by date_bin (PostgreSQL 14; the origin in year 1 keeps
    # every difference positive, so it floors), the differences added up as intervals and turned
    # into seconds once: no per-row conversion to epoch seconds, which cost more than counting.
    start, end, *where = (compiler.process(c, **kw) for c in element.clauses.clauses)

    def second(moment: str) -> str:
        return f"date_bin('1 second', {moment}, TIMESTAMPTZ '0001-01-01 00:00:00+00')"

    only = f" FILTER (WHERE {where[0]})" if where else ""
    return f"EXTRACT(epoch FROM sum({second(end)} - {second(start)}){only})"


@compiles(summed_seconds, "sqlite")
def _summed_seconds_sqlite(element, compiler, **kw) -> str:
    start, end, *where = element.clauses.clauses
    summed = func.sum(seconds_between(start, end))
    return compiler.process(summed.filter(where[0]) if where else summed, **kw)


def _medians(
    session: Session,
    key: ColumnElement,
    seconds: ColumnElement,
    conditions: list[ColumnElement[bool]],
    select_from: Any,
) -> dict[Any, Decimal]:
    """Median of ``seconds`` per ``key`` over the rows matching ``conditions``."""
    if is_postgresql(session):
        query = (
            select(key, func.percentile_cont(0.5).within_group(seconds))
            .select_from(select_from)
            .where(*conditions)
            .group_by(key)
        )
        return {k: Decimal(repr(float(v))) for k, v in session.execute(query) if v is not None}
    ranked = (
        select(
            key.label("k"),
            seconds.label("s"),
            func.row_number().over(partition_by=key, order_by=seconds).label("rn"),
            func.count().over(partition_by=key).label("n"),
        )
        .select_from(select_from)
        .where(*conditions)
        .subquery()
    )
    query = (
        select(ranked.c.k, func.avg(ranked.c.s))
        .where(ranked.c.rn.in_([(ranked.c.n + 1) // 2, (ranked.c.n + 2) // 2]))
        .group_by(ranked.c.k)
    )
    return {k: Decimal(repr(float(v))) for k, v in session.execute(query) if v is not None}


# --- rounding ------------------------------------------------------------------------------------


def _share(part: int, whole: int) -> float | None:
    """``part / whole`` rounded half up to 4 decimals (0.8333), None when ``whole`` is 0."""
    if not whole:
        return None
    return float((Decimal(part) / Decimal(whole)).quantize(Decimal("0.0001"), ROUND_HALF_UP))


def _days(total_seconds: Any, count: int) -> float | None:
    """Average days of ``count`` durations summing to ``total_seconds``, 2 decimals half up."""
    if not count or total_seconds is None:
        return None
    exact = Decimal(int(total_seconds)) / Decimal(count) / SECONDS_PER_DAY
    return float(exact.quantize(Decimal("0.01"), ROUND_HALF_UP))


def _median_days(seconds: Decimal | None) -> float | None:
    if seconds is None:
        return None
    return float((seconds / SECONDS_PER_DAY).quantize(Decimal("0.01"), ROUND_HALF_UP))


# --- results -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimePoint:
    start: date  # the first Kyiv day of the bucket
    count: int


@dataclass(frozen=True)
class Count:
    key: str
    count: int


@dataclass(frozen=True)
class ServiceSummary:
    service_id: int | None  # None: the total over every service
    code: str
    title: str
    received: int
    completed: int
    rejected: int
    cancelled: int
    completed_on_time: int
    on_time_share: float | None  # completed_on_time / completed
    average_days: float | None
    median_days: float | None
    open: int
    overdue: int
    # The exact sum behind ``average_days`` (whole seconds), so totals add up without rounding.
    completed_seconds: int = 0


@dataclass(frozen=True)
class Backlog:
    open: int
    overdue: int
    due_soon: int
    needs_info: int
    by_status: tuple[Count, ...]


@dataclass(frozen=True)
class AppealSummary:
    key: str  # the kind or the category ("" for appeals without one); "total" for the total
    received: int
    answered: int
    answered_on_time: int
    on_time_share: float | None
    forwarded: int
    not_considered: int
    average_answer_days: float | None
    open: int
    overdue: int


@dataclass(frozen=True)
class SurveyRow:
    survey_id: int
    title: str
    status: str
    opens_at: datetime
    closes_at: datetime
    ballots: int


@dataclass(frozen=True)
class RideTimePoint:
    start: date
    stats: transport.RideStats


@dataclass(frozen=True)
class Headline:
    """The figures at the top of the dashboard."""

    orders_received: int
    on_time_share: float | None  # orders completed within their term, of those completed
    overdue_appeals: int  # open now with the control date passed
    residents_registered: int  # in the period
    ride_rating: float | None  # the average rating of rides in the period
    ride_reviews: int


@dataclass(frozen=True)
class Dashboard:
    period: Period
    now: datetime
    orders_per_day: list[TimePoint]
    orders_by_status: list[Count]
    top_services: list[ServiceSummary]
    order_totals: ServiceSummary
    backlog: Backlog
    appeals_by_kind: list[AppealSummary]
    appeals_by_status: list[Count]
    residents_per_month: list[TimePoint]
    ride_routes: list[transport.RouteStats]
    headline: Headline
    category_id: int | None = None  # the orders' figures are of this service category only


# --- orders --------------------------------------------------------------------------------------


def _now(now: datetime | None) -> datetime:
    return moment_or_now(now)


def _order_scope(service_id: int | None, category_id: int | None) -> list[ColumnElement[bool]]:
    conditions = []
    if service_id is not None:
        conditions.append(Order.service_id == service_id)
    if category_id is not None:
        in_category = select(Service.id).where(Service.category_id == category_id)
        conditions.append(Order.service_id.in_(in_category.scalar_subquery()))
    return conditions


def _counts_between(
    session: Session,
    column: ColumnElement,
    edges: list[datetime],
    conditions: list[ColumnElement[bool]],
) -> list[int]:
    """How many rows matching ``conditions`` have ``column`` in each range [edges[0],
    edges[1]), [edges[1], edges[2]), ...: the ranges are a VALUES list and each is one count of
    an index range, so no expression is computed per row (a year of orders per day costs little
    more than reading the index) and both databases compare the same instants."""
    # The ranges as a VALUES list written out with one parameter per edge (a range shares its
    # edges with its neighbours): text is compiled once per number of edges and then cached,
    # SQLAlchemy's VALUES construct anew on every call (tens of milliseconds for a year of days).
    rows = ", ".join(f"({n}, :edge_{n}, :edge_{n + 1})" for n in range(len(edges) - 1))
    ranges = (
        text(f"SELECT column1 AS n, column2 AS lo, column3 AS hi FROM (VALUES {rows}) AS edges")
        .bindparams(
            *(bindparam(f"edge_{i}", edge, type_=column.type) for i, edge in enumerate(edges))
        )
        .columns(
            sql_column("n", Integer()),
            sql_column("lo", column.type),
            sql_column("hi", column.type),
        )
        .cte("ranges")
    )
    in_range = (
        select(func.count())
        .where(column >= ranges.c.lo, column < ranges.c.hi, *conditions)
        .scalar_subquery()
    )
    found = dict(session.execute(select(ranges.c.n, in_range)).all())
    return [int(found.get(n) or 0) for n in range(len(edges) - 1)]


def _time_series(
    session: Session,
    column: ColumnElement,
    period: Period,
    bucket: str,
    conditions: list[ColumnElement[bool]],
) -> list[TimePoint]:
    starts = bucket_starts(period, bucket)
    edges = [kyiv_midnight(start) for start in starts] + [period.until]
    counts = _counts_between(session, column, edges, conditions)
    return [TimePoint(start, counts[i]) for i, start in enumerate(starts)]


def orders_over_time(
    session: Session,
    actor: Actor,
    period: Period,
    bucket: Bucket = "day",
    *,
    service_id: int | None = None,
    category_id: int | None = None,
) -> list[TimePoint]:
    """Orders received per day, week or month of ``period`` (every bucket, empty ones 0)."""
    require(actor, Perm.ANALYTICS_VIEW)
    return _time_series(
        session, Order.submitted_at, period, bucket, _order_scope(service_id, category_id)
    )


def orders_by_status(
    session: Session,
    actor: Actor,
    period: Period,
    *,
    service_id: int | None = None,
    category_id: int | None = None,
) -> list[Count]:
    """Orders received in ``period`` by their current status (every status, zeros included)."""
    require(actor, Perm.ANALYTICS_VIEW)
    scope = _order_scope(service_id, category_id)
    return _by_status(session, Order.status, Order.submitted_at, OrderStatus, period, scope)


def _by_status(
    session: Session,
    status: ColumnElement,
    received: ColumnElement,
    statuses: type[StrEnum],
    period: Period,
    scope: list[ColumnElement[bool]],
) -> list[Count]:
    """Items received in ``period`` counted by ``status``, every status in its order."""
    query = (
        select(status, func.count())
        .where(received >= period.since, received < period.until, *scope)
        .group_by(status)
    )
    found = dict(session.execute(query).all())
    return [Count(s.value, found.get(s.value, 0)) for s in statuses]


@dataclass
class _ServiceFacts:
    """Sums and counts of one service (or of all), before any division."""

    received: int = 0
    completed: int = 0
    rejected: int = 0
    cancelled: int = 0
    on_time: int = 0
    seconds: int = 0
    open: int = 0
    overdue: int = 0


@dataclass
class _OrderFacts:
    services: dict[int, _ServiceFacts]
    received_by_status: dict[str, int]
    backlog: Backlog  # every order open now, whenever received


def _open_orders(
    session: Session, scope: list[ColumnElement[bool]], now: datetime, until: datetime
) -> list[tuple[int, str, int, int, int, bool]]:
    """(service, status, open, overdue, due soon, received before ``until``) of the orders
    open now. Few rows however many orders there are: the open ones are found by the status
    index."""
    horizon = now + timedelta(days=get_settings().terms.due_soon_days)
    running = Order.status.in_(_CLOCK_RUNNING)
    before = case((Order.submitted_at < until, literal_column("1")), else_=literal_column("0"))
    query = (
        select(
            Order.service_id,
            Order.status,
            func.count(),
            func.count().filter(and_(running, Order.due_at < now)),
            func.count().filter(and_(running, Order.due_at >= now, Order.due_at <= horizon)),
            before.label("before"),
        )
        .where(Order.status.in_(_OPEN_ORDER), *scope)
        .group_by(Order.service_id, Order.status, before)
    )
    return [(*row[:5], bool(row[5])) for row in session.execute(query)]


def _backlog_of(rows: list[tuple[int, str, int, int, int, bool]]) -> Backlog:
    per_status: dict[str, int] = defaultdict(int)
    for _, status, n, _, _, _ in rows:
        per_status[status] += n
    return Backlog(
        open=sum(r[2] for r in rows),
        overdue=sum(r[3] for r in rows),
        due_soon=sum(r[4] for r in rows),
        needs_info=per_status[OrderStatus.NEEDS_INFO.value],
        by_status=tuple(Count(s, per_status[s]) for s in _OPEN_ORDER),
    )


def _order_facts(
    session: Session, period: Period, now: datetime, scope: list[ColumnElement[bool]]
) -> _OrderFacts:
    """Narrow queries: received in the period (by submission time) and closed in it (by status
    and closing time: the completed with their terms and durations, the others counted), each
    read from an index alone (migration 0004); open now (by status)."""
    facts: dict[int, _ServiceFacts] = defaultdict(_ServiceFacts)
    by_status: dict[str, int] = defaultdict(int)
    received = (
        select(Order.service_id, Order.status, func.count())
        .where(Order.submitted_at >= period.since, Order.submitted_at < period.until, *scope)
        .group_by(Order.service_id, Order.status)
    )
    for service_id, status, n in session.execute(received):
        facts[service_id].received += n
        by_status[status] += n
    closed_in = [Order.closed_at >= period.since, Order.closed_at < period.until, *scope]
    completed = (
        select(
            Order.service_id,
            func.count(),
            func.count().filter(Order.closed_at <= Order.due_at),
            summed_seconds(Order.submitted_at, Order.closed_at),
        )
        .where(Order.status == OrderStatus.COMPLETED, *closed_in)
        .group_by(Order.service_id)
    )
    for service_id, n, on_time, seconds in session.execute(completed):
        f = facts[service_id]
        f.completed += n
        f.on_time += on_time
        f.seconds += int(seconds or 0)
    others = (
        select(Order.service_id, Order.status, func.count())
        .where(Order.status.in_(_CLOSED_NOT_COMPLETED), *closed_in)
        .group_by(Order.service_id, Order.status)
    )
    for service_id, status, n in session.execute(others):
        setattr(facts[service_id], status, getattr(facts[service_id], status) + n)
    # Open now: those received before the period's end count for the services; all of them
    # are the backlog (one query serves both).
    open_rows = _open_orders(session, scope, now, period.until)
    for service_id, _, n, overdue, _, before in open_rows:
        if before:
            facts[service_id].open += n
            facts[service_id].overdue += overdue
    return _OrderFacts(facts, by_status, _backlog_of(open_rows))


def _completed_in(period: Period) -> list[ColumnElement[bool]]:
    return [
        Order.status == OrderStatus.COMPLETED,
        Order.closed_at >= period.since,
        Order.closed_at < period.until,
    ]


def _summary(
    service_id: int | None,
    code: str,
    title: str,
    f: _ServiceFacts,
    median: Decimal | None,
) -> ServiceSummary:
    return ServiceSummary(
        service_id=service_id,
        code=code,
        title=title,
        received=f.received,
        completed=f.completed,
        rejected=f.rejected,
        cancelled=f.cancelled,
        completed_on_time=f.on_time,
        on_time_share=_share(f.on_time, f.completed),
        average_days=_days(f.seconds, f.completed),
        median_days=_median_days(median),
        open=f.open,
        overdue=f.overdue,
        completed_seconds=f.seconds,
    )


def _service_rows(
    session: Session,
    facts: _OrderFacts,
    period: Period,
    scope: list[ColumnElement[bool]],
    top: int | None,
    with_median: bool,
) -> list[ServiceSummary]:
    measures = facts.services
    if not measures:
        return []
    titles = {
        sid: (code, title)
        for sid, code, title in session.execute(
            select(Service.id, Service.code, Service.title).where(Service.id.in_(list(measures)))
        )
    }
    order = sorted(measures, key=lambda sid: (-measures[sid].received, titles[sid][1], sid))
    if top is not None:
        order = order[: max(0, int(top))]
    medians: dict[Any, Decimal] = {}
    if with_median and order:
        conditions = [*_completed_in(period), *scope]
        if top is not None:
            conditions.append(Order.service_id.in_(order))
        medians = _medians(
            session,
            Order.service_id,
            seconds_between(Order.submitted_at, Order.closed_at),
            conditions,
            Order,
        )
    return [_summary(sid, *titles[sid], measures[sid], medians.get(sid)) for sid in order]


def service_summary(
    session: Session,
    actor: Actor,
    period: Period,
    *,
    category_id: int | None = None,
    service_id: int | None = None,
    top: int | None = None,
    with_median: bool = True,
    now: datetime | None = None,
) -> list[ServiceSummary]:
    """Per service with anything to count: received, completed, rejected, cancelled, on time,
    average and median days, open and overdue. Most received first (then title); ``top``
    keeps the first N."""
    require(actor, Perm.ANALYTICS_VIEW)
    now = _now(now)
    scope = _order_scope(service_id, category_id)
    facts = _order_facts(session, period, now, scope)
    return _service_rows(session, facts, period, scope, top, with_median)


def _total_of(services: dict[int, _ServiceFacts]) -> _ServiceFacts:
    total = _ServiceFacts()
    for f in services.values():
        for name in _ServiceFacts.__dataclass_fields__:
            setattr(total, name, getattr(total, name) + getattr(f, name))
    return total


def order_totals(
    session: Session,
    actor: Actor,
    period: Period,
    *,
    category_id: int | None = None,
    service_id: int | None = None,
    with_median: bool = True,
    now: datetime | None = None,
) -> ServiceSummary:
    """The figures of ``service_summary`` over every service together (``service_id`` None)."""
    require(actor, Perm.ANALYTICS_VIEW)
    now = _now(now)
    scope = _order_scope(service_id, category_id)
    total = _total_of(_order_facts(session, period, now, scope).services)
    median = None
    if with_median:
        one = literal_column("1")
        median = _medians(
            session,
            one,
            seconds_between(Order.submitted_at, Order.closed_at),
            [*_completed_in(period), *scope],
            Order,
        ).get(1)
    return _summary(None, "", TOTAL_TITLE, total, median)


@dataclass(frozen=True)
class ServicesOverview:
    """Everything the services report needs, from one set of queries."""

    services: list[ServiceSummary]
    total: ServiceSummary
    received_by_status: list[Count]
    backlog: Backlog


def services_overview(
    session: Session,
    actor: Actor,
    period: Period,
    *,
    category_id: int | None = None,
    with_median: bool = True,
    now: datetime | None = None,
) -> ServicesOverview:
    """``service_summary`` with its total (``order_totals``), the received orders by status
    and the backlog — the same figures as those functions, counted once."""
    require(actor, Perm.ANALYTICS_VIEW)
    now = _now(now)
    scope = _order_scope(None, category_id)
    facts = _order_facts(session, period, now, scope)
    rows = _service_rows(session, facts, period, scope, None, with_median)
    median = None
    if with_median:
        median = _medians(
            session,
            literal_column("1"),
            seconds_between(Order.submitted_at, Order.closed_at),
            [*_completed_in(period), *scope],
            Order,
        ).get(1)
    return ServicesOverview(
        services=rows,
        total=_summary(None, "", TOTAL_TITLE, _total_of(facts.services), median),
        received_by_status=[Count(s.value, facts.received_by_status[s.value]) for s in OrderStatus],
        backlog=facts.backlog,
    )


def order_backlog(
    session: Session,
    actor: Actor,
    *,
    service_id: int | None = None,
    category_id: int | None = None,
    now: datetime | None = None,
) -> Backlog:
    """Open orders now: how many, overdue (clock running, past due), due soon, waiting for the
    applicant, and by status."""
    require(actor, Perm.ANALYTICS_VIEW)
    now = _now(now)
    return _backlog_of(_open_orders(session, _order_scope(service_id, category_id), now, now))


# --- appeals -------------------------------------------------------------------------------------

AppealDimension = Literal["kind", "category"]


def _appeal_scope(kind: str | None) -> list[ColumnElement[bool]]:
    if kind is None:
        return []
    if kind not in {k.value for k in AppealKind}:
        raise InvalidInput({"kind": "Невідомий вид звернення."})
    return [Appeal.kind == kind]


def appeals_over_time(
    session: Session,
    actor: Actor,
    period: Period,
    bucket: Bucket = "day",
    *,
    kind: str | None = None,
) -> list[TimePoint]:
    """Items received per day, week or month of ``period``."""
    require(actor, Perm.ANALYTICS_VIEW)
    return _time_series(session, Appeal.received_at, period, bucket, _appeal_scope(kind))


def appeals_by_status(
    session: Session, actor: Actor, period: Period, *, kind: str | None = None
) -> list[Count]:
    """Items received in ``period`` by their current status (every status, zeros included)."""
    require(actor, Perm.ANALYTICS_VIEW)
    scope = _appeal_scope(kind)
    return _by_status(session, Appeal.status, Appeal.received_at, AppealStatus, period, scope)


_NO_APPEALS = (0, 0, 0, 0, 0, None, 0, 0)


def _appeal_figures(
    session: Session,
    period: Period,
    now: datetime,
    keys: list[ColumnElement],
    scope: list[ColumnElement[bool]],
) -> dict[tuple, list[Any]]:
    """Per value of ``keys`` and status, the eight measures of ``_appeal_summary``: received in
    the period; answered (and on time, and the answer seconds), forwarded and not considered —
    closed in the period; open now and overdue. One query reads the appeals table once (received,
    closed in the period or open, the rows of all three parts); grouped by status too, so which
    part a count belongs to is decided here per group, not tested on every row."""
    since, until = period.since, period.until
    received = and_(Appeal.received_at >= since, Appeal.received_at < until)
    closed_in = and_(Appeal.closed_at >= since, Appeal.closed_at < until)
    answered_in = and_(closed_in, Appeal.answered_at >= since, Appeal.answered_at < until)
    before_end = Appeal.received_at < until
    query = (
        select(
            *keys,
            Appeal.status,
            func.count().filter(received),
            func.count().filter(closed_in),
            func.count().filter(answered_in),
            func.count().filter(and_(answered_in, Appeal.answered_at <= Appeal.due_at)),
            summed_seconds(Appeal.received_at, Appeal.answered_at, answered_in),
            func.count().filter(before_end),
            func.count().filter(and_(before_end, Appeal.due_at < now)),
        )
        .where(
            or_(
                received,
                and_(closed_in, Appeal.status.in_(_CLOSED_APPEAL)),
                and_(Appeal.status.not_in(_CLOSED_APPEAL), before_end),
            ),
            *scope,
        )
        .group_by(*keys, Appeal.status)
    )
    found: dict[tuple, list[Any]] = {}
    for row in session.execute(query):
        key, status = tuple(row[: len(keys) + 1]), row[len(keys)]
        received_n, closed_n, answered, on_time, seconds, open_, overdue = row[len(keys) + 1 :]
        if status == AppealStatus.ANSWERED:
            found[key] = [received_n, answered, on_time, 0, 0, seconds, 0, 0]
        elif status == AppealStatus.FORWARDED:
            found[key] = [received_n, 0, 0, closed_n, 0, None, 0, 0]
        elif status == AppealStatus.NOT_CONSIDERED:
            found[key] = [received_n, 0, 0, 0, closed_n, None, 0, 0]
        elif status not in _CLOSED_APPEAL:
            found[key] = [received_n, 0, 0, 0, 0, None, open_, overdue]
        else:
            found[key] = [received_n, 0, 0, 0, 0, None, 0, 0]
    return found


def _added_up(found: dict[tuple, list[Any]], by: Callable[[tuple], Any]) -> dict[Any, list[Any]]:
    """The measures of ``_appeal_figures`` added up per ``by(key)``."""
    added: dict[Any, list[Any]] = {}
    for key, measures in found.items():
        total = added.setdefault(by(key), list(_NO_APPEALS))
        for i, value in enumerate(measures):
            if value is not None:
                total[i] = (total[i] or 0) + value
    return added


def _appeal_summary(key: str, row: Any) -> AppealSummary:
    received, answered, on_time, forwarded, not_considered, seconds, open_, overdue = row
    return AppealSummary(
        key=key,
        received=received or 0,
        answered=answered or 0,
        answered_on_time=on_time or 0,
        on_time_share=_share(on_time or 0, answered or 0),
        forwarded=forwarded or 0,
        not_considered=not_considered or 0,
        average_answer_days=_days(seconds, answered or 0),
        open=open_ or 0,
        overdue=overdue or 0,
    )


def appeal_summary(
    session: Session,
    actor: Actor,
    period: Period,
    by: AppealDimension = "kind",
    *,
    kind: str | None = None,
    now: datetime | None = None,
) -> list[AppealSummary]:
    """Per kind (every kind, in their order) or per category (most received first): received,
    answered (and on time), forwarded, not considered, average answer days, open, overdue."""
    require(actor, Perm.ANALYTICS_VIEW)
    if by not in ("kind", "category"):
        raise InvalidInput({"by": "Групування: kind або category."})
    now = _now(now)
    column = Appeal.kind if by == "kind" else Appeal.category
    found = _added_up(
        _appeal_figures(session, period, now, [column], _appeal_scope(kind)), itemgetter(0)
    )
    rows = {key: _appeal_summary(key, measures) for key, measures in found.items()}
    if by == "kind":
        kinds = [k.value for k in AppealKind] if kind is None else [kind]
        return [rows.get(k) or _appeal_summary(k, _NO_APPEALS) for k in kinds]
    return sorted(rows.values(), key=lambda s: (-s.received, s.key))


def appeal_totals(
    session: Session,
    actor: Actor,
    period: Period,
    *,
    kind: str | None = None,
    now: datetime | None = None,
) -> AppealSummary:
    """The figures of ``appeal_summary`` over every item together (key "total")."""
    require(actor, Perm.ANALYTICS_VIEW)
    now = _now(now)
    found = _appeal_figures(session, period, now, [], _appeal_scope(kind))
    return _appeal_summary("total", _added_up(found, lambda _: 1).get(1, _NO_APPEALS))


def _appeals_by_kind_and_status(
    session: Session, period: Period, now: datetime
) -> tuple[list[AppealSummary], list[Count]]:
    """``appeal_summary`` by kind and ``appeals_by_status``, from one query grouped by both."""
    found = _appeal_figures(session, period, now, [Appeal.kind], [])
    kinds = _added_up(found, itemgetter(0))
    received = {status: measures[0] for status, measures in _added_up(found, itemgetter(1)).items()}
    return (
        [_appeal_summary(k.value, kinds.get(k.value, _NO_APPEALS)) for k in AppealKind],
        [Count(s.value, received.get(s.value, 0)) for s in AppealStatus],
    )


# --- residents -----------------------------------------------------------------------------------


def residents_registered(
    session: Session, actor: Actor, period: Period, bucket: Bucket = "month"
) -> list[TimePoint]:
    """Residents (people without a staff role) who registered, per bucket of ``period``."""
    require(actor, Perm.ANALYTICS_VIEW)
    return _time_series(session, User.created_at, period, bucket, [_not_staff()])


def _not_staff() -> ColumnElement[bool]:
    return ~exists().where(StaffRole.user_id == User.id)


# --- surveys -------------------------------------------------------------------------------------


def surveys_in_period(
    session: Session, actor: Actor, period: Period, *, survey_id: int | None = None
) -> list[SurveyRow]:
    """Surveys (not drafts) whose voting overlaps ``period``, with their ballots, oldest first;
    with ``survey_id``, that survey alone whatever its dates."""
    require(actor, Perm.ANALYTICS_VIEW)
    ballots = (
        select(Ballot.survey_id, func.count().label("n")).group_by(Ballot.survey_id).subquery()
    )
    query = (
        select(
            Survey.id,
            Survey.title,
            Survey.status,
            Survey.opens_at,
            Survey.closes_at,
            func.coalesce(ballots.c.n, 0),
        )
        .outerjoin(ballots, ballots.c.survey_id == Survey.id)
        .where(Survey.status != SurveyStatus.DRAFT)
        .order_by(Survey.opens_at, Survey.id)
    )
    if survey_id is not None:
        query = query.where(Survey.id == survey_id)
    else:
        query = query.where(Survey.opens_at < period.until, Survey.closes_at >= period.since)
    return [SurveyRow(*row) for row in session.execute(query)]


def survey_results(
    session: Session, actor: Actor, survey_id: int, *, now: datetime | None = None
) -> democracy.SurveyResults:
    """The results of one survey, counted in SQL by ``core.democracy.results``."""
    require(actor, Perm.ANALYTICS_VIEW)
    return democracy.results(session, actor, survey_id, now=now)


# --- Rate Your Ride ------------------------------------------------------------------------------


def ride_ratings_by_route(
    session: Session, actor: Actor, period: Period, *, carrier_id: int | None = None
) -> list[transport.RouteStats]:
    """Per route: reviews of rides in ``period`` and average rating and aspects."""
    require(actor, Perm.ANALYTICS_VIEW)
    rows = transport.route_stats(session, since=period.since, until=period.until)
    if carrier_id is not None:
        rows = [r for r in rows if r.carrier_id == carrier_id]
    return rows


def ride_ratings_by_carrier(
    session: Session, actor: Actor, period: Period, *, carrier_id: int | None = None
) -> list[transport.CarrierStats]:
    """Per carrier, over all its routes."""
    require(actor, Perm.ANALYTICS_VIEW)
    return transport.carrier_stats(
        session, carrier_id=carrier_id, since=period.since, until=period.until
    )


def ride_ratings_over_time(
    session: Session,
    actor: Actor,
    period: Period,
    bucket: Bucket = "month",
    *,
    route_id: int | None = None,
    carrier_id: int | None = None,
) -> list[RideTimePoint]:
    """Average rating and aspects per bucket of ``period`` (every bucket; empty ones count 0)."""
    require(actor, Perm.ANALYTICS_VIEW)
    starts = bucket_starts(period, bucket)
    day = kyiv_day_number(RideReview.ride_at, period).label("day")
    # The same sums and counts (and the same rounding) as core.transport's aggregates, per day
    # in SQL, added up per bucket here (sums and counts add up; averages are taken at the end).
    query = (
        select(day, *transport._aggregate_columns())
        .where(RideReview.ride_at >= period.since, RideReview.ride_at < period.until)
        .group_by(day)
    )
    if route_id is not None:
        query = query.where(RideReview.route_id == route_id)
    if carrier_id is not None:
        on_carrier = select(Route.id).where(Route.carrier_id == carrier_id)
        query = query.where(RideReview.route_id.in_(on_carrier.scalar_subquery()))
    buckets = bucket_of_days(period, starts)
    sums: list[list[int]] = [[0] * len(query.selected_columns[1:]) for _ in starts]
    for row in session.execute(query):
        target = sums[buckets[int(row[0])]]
        for i, value in enumerate(row[1:]):
            target[i] += int(value or 0)
    return [RideTimePoint(start, transport._stats_of(sums[i])) for i, start in enumerate(starts)]


# --- the dashboard -------------------------------------------------------------------------------


def _year_of_months(period: Period) -> Period:
    """The twelve Kyiv months up to and including the one ``period`` ends in."""
    last_month = period.last.replace(day=1)
    return Period(add_months(last_month, -11), add_months(last_month, 1) - timedelta(days=1))


def dashboard(
    session: Session,
    actor: Actor,
    period: Period,
    *,
    top: int = 20,
    category_id: int | None = None,
    now: datetime | None = None,
) -> Dashboard:
    """What the Analytics tab shows at once (medians are left to the reports). The orders'
    figures come from one set of queries (``_order_facts``) shared by every panel; with
    ``category_id`` they count the services of that category only (the appeals', residents' and
    rides' figures are the city's whatever the category)."""
    require(actor, Perm.ANALYTICS_VIEW)
    checker = Checker()
    category_id = checker.integer("category_id", category_id, required=False, minimum=1)
    checker.done()
    now = _now(now)
    scope = _order_scope(None, category_id)
    facts = _order_facts(session, period, now, scope)
    services = _service_rows(session, facts, period, scope, top, with_median=False)
    totals = _summary(None, "", TOTAL_TITLE, _total_of(facts.services), None)
    appeals, appeal_statuses = _appeals_by_kind_and_status(session, period, now)
    routes, rides = _ride_routes(session, period)
    residents, registered = _residents(session, period)
    return Dashboard(
        period=period,
        now=now,
        orders_per_day=orders_over_time(session, actor, period, "day", category_id=category_id),
        orders_by_status=[Count(s.value, facts.received_by_status[s.value]) for s in OrderStatus],
        top_services=services,
        order_totals=totals,
        backlog=facts.backlog,
        appeals_by_kind=appeals,
        appeals_by_status=appeal_statuses,
        residents_per_month=residents,
        ride_routes=routes,
        headline=Headline(
            orders_received=totals.received,
            on_time_share=totals.on_time_share,
            overdue_appeals=sum(a.overdue for a in appeals),
            residents_registered=registered,
            ride_rating=rides.rating,
            ride_reviews=rides.count,
        ),
        category_id=category_id,
    )


def _ride_routes(
    session: Session, period: Period
) -> tuple[list[transport.RouteStats], transport.RideStats]:
    """``ride_ratings_by_route`` — the figures of ``transport.route_stats``, every route in its
    order, with transport's sums, counts and rounding — and every ride of the period together.
    The reviews are added up per route alone (no join, so PostgreSQL can do it in parallel) and
    the routes read apart; every review has a route, so the routes' sums add up to the total."""
    reviews = (
        select(RideReview.route_id, *transport._aggregate_columns())
        .where(RideReview.ride_at >= period.since, RideReview.ride_at < period.until)
        .group_by(RideReview.route_id)
    )
    sums = {row[0]: [int(value or 0) for value in row[1:]] for row in session.execute(reviews)}
    none = [0] * (len(reviews.selected_columns) - 1)
    routes = select(Route.id, Route.number, Route.mode, Route.carrier_id).order_by(
        Route.mode, Route.number, Route.id
    )
    per_route = [
        transport.RouteStats(*route, transport._stats_of(sums.get(route[0], none)))
        for route in session.execute(routes)
    ]
    total = [sum(column) for column in zip(*sums.values(), strict=True)] or none
    return per_route, transport._stats_of(total)


def _residents(session: Session, period: Period) -> tuple[list[TimePoint], int]:
    """``residents_registered`` per month of ``_year_of_months(period)``, and how many
    registered within ``period``, from one query over the edges of both."""
    months = _year_of_months(period)
    starts = bucket_starts(months, "month")
    month_edges = [kyiv_midnight(start) for start in starts] + [months.until]
    edges = sorted({*month_edges, period.since, period.until})
    counts = _counts_between(session, User.created_at, edges, [_not_staff()])

    def between(since: datetime, until: datetime) -> int:
        return sum(n for edge, n in zip(edges, counts, strict=False) if since <= edge < until)

    ranges = pairwise(month_edges)
    per_month = [TimePoint(s, between(*r)) for s, r in zip(starts, ranges, strict=True)]
    return per_month, between(period.since, period.until)


__all__ = [
    "BUCKETS",
    "AppealSummary",
    "Backlog",
    "Count",
    "Dashboard",
    "Headline",
    "Period",
    "RideTimePoint",
    "ServiceSummary",
    "ServicesOverview",
    "SurveyRow",
    "TimePoint",
    "appeal_summary",
    "appeal_totals",
    "appeals_by_status",
    "appeals_over_time",
    "bucket_starts",
    "dashboard",
    "order_backlog",
    "order_totals",
    "orders_by_status",
    "orders_over_time",
    "residents_registered",
    "ride_ratings_by_carrier",
    "ride_ratings_by_route",
    "ride_ratings_over_time",
    "service_summary",
    "services_overview",
    "survey_results",
    "surveys_in_period",
]
