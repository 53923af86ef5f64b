"""Gapless registration numbers: per kind and year, given back on rollback, distinct under load."""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.core import audit, numbering, reception
from backoffice.core.actor import Actor, Channel
from backoffice.models import Appeal, RegistrationCounter, Role, StaffRole, User

NOW = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
CONCURRENT = 50


@pytest.fixture
def officer(people) -> Actor:
    return people.actor(people.staff(Role.RECEPTION))


@pytest.fixture
def resident(people) -> Actor:
    return people.actor(people.resident(), "web")


def _received(session, resident: Actor, kind: str = "appeal") -> Appeal:
    return reception.submit(session, resident, kind=kind, subject="Тема", text="Текст", now=NOW)


def _register(session, officer: Actor, resident: Actor, kind: str, at: datetime = NOW) -> str:
    appeal = _received(session, resident, kind)
    return reception.register(session, officer, appeal.id, now=at).registration_number


def test_numbers_are_gapless_per_kind_and_year(session, officer, resident):
    next_year = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    got = [
        _register(session, officer, resident, "appeal"),
        _register(session, officer, resident, "info_request"),
        _register(session, officer, resident, "appeal"),
        _register(session, officer, resident, "message"),
        _register(session, officer, resident, "appeal", next_year),
        _register(session, officer, resident, "appeal"),
        _register(session, officer, resident, "info_request"),
        _register(session, officer, resident, "message", next_year),
    ]
    assert got == [
        "ЗГ-2025/000001",
        "ЗІ-2025/000001",
        "ЗГ-2025/000002",
        "ЕП-2025/000001",
        "ЗГ-2026/000001",
        "ЗГ-2025/000003",
        "ЗІ-2025/000002",
        "ЕП-2026/000001",
    ]


def test_year_is_the_kyiv_year_of_registration(session, officer, resident):
    # 31 December 23:30 UTC is already 1 January in Kyiv.
    new_years_night = datetime(2024, 12, 31, 23, 30, tzinfo=UTC)
    assert _register(session, officer, resident, "appeal", new_years_night) == "ЗГ-2025/000001"


def test_orders_keep_their_own_sequence(session, officer, resident):
    assert numbering.registration_number(session, "order", 2025) == "ЦНАП-2025/000001"
    assert _register(session, officer, resident, "appeal") == "ЗГ-2025/000001"
    assert numbering.next_number(session, "order", 2025) == 2


def test_rolled_back_registration_gives_its_number_back(session, officer, resident):
    first = _received(session, resident)
    second = _received(session, resident)
    session.commit()  # a savepoint in this fixture: the items stay, the test still rolls back

    reception.register(session, officer, first.id, now=NOW)
    assert first.registration_number == "ЗГ-2025/000001"
    session.rollback()

    assert session.get(Appeal, first.id).registration_number is None
    assert reception.register(session, officer, second.id, now=NOW).registration_number == (
        "ЗГ-2025/000001"
    )
    assert reception.register(session, officer, first.id, now=NOW).registration_number == (
        "ЗГ-2025/000002"
    )


# ---------------------------------------------------------------------------------------------
# Committing transactions on a database of their own
# ---------------------------------------------------------------------------------------------


def _committed_setup(engine, appeals: int) -> tuple[Actor, list[int]]:
    """A reception officer and ``appeals`` received appeals, committed."""
    with Session(engine, expire_on_commit=False) as session:
        tag = uuid.uuid4().hex[:8]
        officer = User(email=f"officer-{tag}@example.com", full_name="Олена Прийомна")
        officer.roles = [StaffRole(role=Role.RECEPTION.value)]
        applicant = User(email=f"resident-{tag}@example.com", full_name="Мешканка")
        session.add_all([officer, applicant])
        session.flush()
        officer_actor = Actor.for_user(officer, Channel.DESKTOP)
        resident_actor = Actor.for_user(applicant, Channel.WEB)
        ids = [_received(session, resident_actor).id for _ in range(appeals)]
        session.commit()
    return officer_actor, ids


def test_rolled_back_transaction_gives_its_number_back(committed_engine):
    officer, (first, second) = _committed_setup(committed_engine, 2)
    with Session(committed_engine) as session:
        reception.register(session, officer, first, now=NOW)
        session.rollback()
    with Session(committed_engine) as session:
        number = reception.register(session, officer, second, now=NOW).registration_number
        session.commit()
    assert number == "ЗГ-2025/000001"


def test_concurrent_registrations_get_distinct_consecutive_numbers(committed_engine):
    officer, ids = _committed_setup(committed_engine, CONCURRENT)
    start = threading.Barrier(CONCURRENT)

    def register(appeal_id: int) -> str:
        start.wait(timeout=60)  # all at once, to make them really race
        with Session(committed_engine) as session:
            number = reception.register(session, officer, appeal_id, now=NOW).registration_number
            session.commit()
        return number

    with ThreadPoolExecutor(max_workers=CONCURRENT) as pool:
        numbers = list(pool.map(register, ids))

    assert sorted(numbers) == [f"ЗГ-2025/{n:06d}" for n in range(1, CONCURRENT + 1)]
    with Session(committed_engine) as session:
        stored = session.scalars(select(Appeal.registration_number)).all()
        assert sorted(stored) == sorted(numbers)
        counter = session.get(RegistrationCounter, ("appeal", 2025))
        assert counter.last_number == CONCURRENT
        # The activity log did not fork under the same load.
        assert audit.verify_chain(session, Actor.system()).ok
