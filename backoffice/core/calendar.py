"""The only place that counts days: calendar and working days, legal due dates, overdue.

Working days are Monday to Friday except Ukrainian public holidays from ``holidays.UA``. Under
martial law it returns no holidays from 2023 on (they stay working days) and will return them
again when the law changes, without a change here.

A term of N days counts from the day after the start day; the item is due by the end of the
last day, Kyiv time. With ``roll_forward_to_working_day`` (Civil Code art. 254(5)), a calendar
term whose last day is a day off ends on the next working day.
"""

from __future__ import annotations

import calendar as _calendar
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

from backoffice.config import TIME_ZONE, LegalTerms, get_settings
from backoffice.models import DayCount, utcnow

KYIV = ZoneInfo(TIME_ZONE)


@lru_cache(maxsize=64)
def _holidays_of(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("UA", years=year).keys())


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _holidays_of(day.year)


def next_working_day(day: date) -> date:
    """``day`` itself if it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def add_working_days(start: date, days: int) -> date:
    """The ``days``-th working day after ``start`` (``start`` itself is not counted)."""
    if days < 0:
        raise ValueError("days must not be negative")
    day = start
    counted = 0
    while counted < days:
        day += timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 when end <= start)."""
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count


def add_months(start: date, months: int) -> date:
    """Same day number ``months`` later; the month's last day where that day does not exist."""
    month_index = start.month - 1 + months
    year = start.year + month_index // 12
    month = month_index % 12 + 1
    last = _calendar.monthrange(year, month)[1]
    return date(year, month, min(start.day, last))


def moment_or_now(now: datetime | None) -> datetime:
    """``now`` as given (it must know its time zone), or the current moment: what core's
    functions take as ``now=`` so that tests can fix the time."""
    if now is None:
        return utcnow()
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return now


def local_date(moment: datetime) -> date:
    """The Kyiv calendar date of an aware moment."""
    return moment.astimezone(KYIV).date()


def end_of_day(day: date) -> datetime:
    """The last microsecond of ``day`` in Kyiv, as an aware UTC datetime."""
    return datetime.combine(day, time.max, tzinfo=KYIV).astimezone(UTC)


def _terms(terms: LegalTerms | None) -> LegalTerms:
    return terms or get_settings().terms


def _closing_day(day: date, terms: LegalTerms) -> date:
    return next_working_day(day) if terms.roll_forward_to_working_day else day


def due_after_days(
    start: datetime, days: int, counts: DayCount | str, terms: LegalTerms | None = None
) -> datetime:
    """Due moment of a term of ``days`` calendar or working days from ``start``."""
    terms = _terms(terms)
    first = local_date(start)
    if DayCount(counts) is DayCount.WORKING:
        return end_of_day(add_working_days(first, days))
    return end_of_day(_closing_day(first + timedelta(days=days), terms))


def due_after_months(start: datetime, months: int, terms: LegalTerms | None = None) -> datetime:
    terms = _terms(terms)
    return end_of_day(_closing_day(add_months(local_date(start), months), terms))


def counted_days_between(start: datetime, end: datetime, counts: DayCount | str) -> int:
    """How many term days passed from ``start`` to ``end`` (for stopping the clock)."""
    first, last = local_date(start), local_date(end)
    if DayCount(counts) is DayCount.WORKING:
        return working_days_between(first, last)
    return max(0, (last - first).days)


def shift_due(
    due: datetime, days: int, counts: DayCount | str, terms: LegalTerms | None = None
) -> datetime:
    """Move a due moment later by ``days`` term days (the clock stood still that long); a
    calendar term that then ends on a day off ends on the next working day."""
    if days <= 0:
        return due
    day = local_date(due)
    if DayCount(counts) is DayCount.WORKING:
        return end_of_day(add_working_days(day, days))
    return end_of_day(_closing_day(day + timedelta(days=days), _terms(terms)))


def is_overdue(due: datetime | None, now: datetime, closed: bool = False) -> bool:
    return due is not None and not closed and now > due


def is_due_soon(
    due: datetime | None, now: datetime, closed: bool = False, terms: LegalTerms | None = None
) -> bool:
    if due is None or closed or now > due:
        return False
    return due - now <= timedelta(days=_terms(terms).due_soon_days)
