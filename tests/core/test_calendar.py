"""Counting days: weekends, month ends, Ukrainian holidays, the legal terms."""

from datetime import UTC, date, datetime, timedelta

import pytest

from backoffice.config import LegalTerms
from backoffice.core import calendar as cal
from backoffice.models import DayCount


def kyiv(y, m, d, hh=12, mm=0):
    return datetime(y, m, d, hh, mm, tzinfo=cal.KYIV)


def test_weekends_are_not_working_days():
    assert cal.is_working_day(date(2026, 12, 4))  # Friday
    assert not cal.is_working_day(date(2026, 12, 5))
    assert not cal.is_working_day(date(2026, 12, 6))


def test_holidays_before_martial_law_were_days_off():
    assert not cal.is_working_day(date(2021, 8, 24))  # Independence Day, a Tuesday
    assert not cal.is_working_day(date(2021, 1, 1))


def test_under_martial_law_holidays_stay_working_days():
    # holidays.UA returns no public holidays from 2023 on: 24 August 2026 is a Monday.
    assert cal.is_working_day(date(2026, 8, 24))


def test_working_days_skip_weekends():
    assert cal.add_working_days(date(2026, 12, 4), 1) == date(2026, 12, 7)
    assert cal.add_working_days(date(2026, 12, 4), 5) == date(2026, 12, 11)
    assert cal.working_days_between(date(2026, 12, 4), date(2026, 12, 11)) == 5


def test_working_days_skip_a_pre_war_holiday():
    # Friday 20 Aug 2021; Monday 23 Aug was a transferred day off and Tuesday 24 Aug a holiday.
    assert cal.add_working_days(date(2021, 8, 20), 1) == date(2021, 8, 25)


def test_months_end_on_the_last_day_of_a_shorter_month():
    assert cal.add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert cal.add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert cal.add_months(date(2026, 12, 15), 1) == date(2027, 1, 15)


def test_due_is_the_end_of_the_day_in_kyiv():
    due = cal.due_after_days(kyiv(2026, 12, 1), 2, DayCount.CALENDAR)
    assert due.tzinfo is not None
    assert due.astimezone(cal.KYIV).date() == date(2026, 12, 3)
    assert due.astimezone(cal.KYIV).hour == 23
    assert due.astimezone(UTC) == due


def test_calendar_term_ending_on_a_weekend_rolls_to_monday():
    # Registered Tuesday 1 Dec 2026 + 4 days = Saturday 5 Dec → Monday 7 Dec.
    due = cal.due_after_days(kyiv(2026, 12, 1), 4, DayCount.CALENDAR)
    assert cal.local_date(due) == date(2026, 12, 7)


def test_rolling_forward_can_be_switched_off():
    terms = LegalTerms(roll_forward_to_working_day=False)
    due = cal.due_after_days(kyiv(2026, 12, 1), 4, DayCount.CALENDAR, terms)
    assert cal.local_date(due) == date(2026, 12, 5)


def test_working_term_across_a_weekend():
    due = cal.due_after_days(kyiv(2026, 12, 3), 5, DayCount.WORKING)  # Thursday
    assert cal.local_date(due) == date(2026, 12, 10)


def test_month_term_across_a_month_end():
    # 31 Jan 2026 + 1 month = 28 Feb 2026, a Saturday → Monday 2 March.
    due = cal.due_after_months(kyiv(2026, 1, 31), 1)
    assert cal.local_date(due) == date(2026, 3, 2)


def test_late_evening_in_kyiv_is_already_the_next_day_in_utc_terms():
    # 23:30 in Kyiv on 1 Dec is 21:30 UTC: the term still counts from the Kyiv date.
    start = kyiv(2026, 12, 1, 23, 30).astimezone(UTC)
    assert cal.local_date(start) == date(2026, 12, 1)


def test_stopping_the_clock_moves_the_due_date():
    due = cal.due_after_days(kyiv(2026, 12, 1), 10, DayCount.CALENDAR)
    paused = cal.counted_days_between(kyiv(2026, 12, 2), kyiv(2026, 12, 5), DayCount.CALENDAR)
    assert paused == 3
    assert cal.local_date(cal.shift_due(due, paused, DayCount.CALENDAR)) == (
        cal.local_date(due) + timedelta(days=3)
    )


def test_overdue_and_due_soon():
    due = cal.end_of_day(date(2026, 12, 10))
    assert not cal.is_overdue(due, kyiv(2026, 12, 10, 23, 0))
    assert cal.is_overdue(due, kyiv(2026, 12, 11, 0, 1))
    assert not cal.is_overdue(due, kyiv(2026, 12, 11, 0, 1), closed=True)
    assert cal.is_due_soon(due, kyiv(2026, 12, 8))
    assert not cal.is_due_soon(due, kyiv(2026, 12, 1))


def test_negative_working_days_refused():
    with pytest.raises(ValueError):
        cal.add_working_days(date(2026, 12, 1), -1)


def test_shifted_calendar_due_date_does_not_end_on_a_weekend():
    due = cal.end_of_day(date(2026, 12, 9))  # Wednesday
    assert cal.local_date(cal.shift_due(due, 3, DayCount.CALENDAR)) == date(2026, 12, 14)
    assert cal.local_date(cal.shift_due(due, 2, DayCount.CALENDAR)) == date(2026, 12, 11)


def test_shifting_working_days():
    due = cal.end_of_day(date(2026, 12, 4))  # Friday
    assert cal.local_date(cal.shift_due(due, 1, DayCount.WORKING)) == date(2026, 12, 7)
    assert cal.shift_due(due, 0, DayCount.WORKING) == due
