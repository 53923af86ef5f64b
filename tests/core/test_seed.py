"""The demo data: exact reference volumes, every state, consistent timelines and numbers,
answers valid against their forms, a sound activity log, refusal to load twice, determinism.

Scale 1 is loaded once per module into a database of its own (and once more for determinism).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from backoffice.core import forms, numbering, reception
from backoffice.core.actor import Actor
from backoffice.core.audit import verify_chain
from backoffice.core.calendar import (
    counted_days_between,
    due_after_days,
    end_of_day,
    local_date,
    shift_due,
)
from backoffice.core.passwords import verify_password
from backoffice.core.services import ORDER_ACTIONS
from backoffice.core.validation import valid_tax_number
from backoffice.db import make_engine
from backoffice.models import (
    ActivityEntry,
    Answer,
    Appeal,
    AppealEvent,
    AppealKind,
    AppealStatus,
    Ballot,
    Comment,
    CommentStatus,
    Notification,
    Option,
    Order,
    OrderEvent,
    OrderStatus,
    Question,
    RegistrationCounter,
    RideReview,
    Role,
    Service,
    StaffRole,
    StoredFile,
    Survey,
    SurveyStatus,
    User,
)
from backoffice.seed import DatabaseNotEmpty, load_demo_data
from backoffice.seed.writers import sqlite_utc_text

# Friday 4 December 2026, 18:00 in Kyiv: the moment the demo data leads up to.
NOW = datetime(2026, 12, 4, 16, 0, tzinfo=UTC)
RESIDENTS, ORDERS, RIDE_REVIEWS = 60_910, 380, 1_699


@pytest.fixture(scope="module")
def seeded(databases):
    engine = make_engine(databases.fresh_url())
    report = load_demo_data(engine, 1, now=NOW)
    yield engine, report
    engine.dispose()


@pytest.fixture
def db(seeded):
    engine, _ = seeded
    with Session(engine) as session:
        yield session
        session.rollback()


def _count(session: Session, model, *conditions) -> int:
    return session.scalar(select(func.count()).select_from(model).where(*conditions))


# --- volumes ---------------------------------------------------------------------------------


def test_reference_volumes_are_exact(db, seeded):
    _, report = seeded
    is_staff = select(StaffRole.user_id)
    assert _count(db, User, User.id.not_in(is_staff)) == RESIDENTS
    assert _count(db, Order) == ORDERS
    assert _count(db, RideReview) == RIDE_REVIEWS
    assert report.residents == RESIDENTS
    assert report.counts["orders"] == ORDERS
    assert report.counts["ride_reviews"] == RIDE_REVIEWS
    assert report.counts["users"] == _count(db, User)


def test_report_names_one_account_per_role_and_their_passwords_work(db, seeded):
    _, report = seeded
    roles = Counter(account.role for account in report.accounts)
    assert {role.value for role in Role} <= set(roles)
    assert roles[Role.CLERK.value] > 1 and roles[Role.RECEPTION.value] > 1
    assert roles["resident"] == 3
    for account in (report.staff_accounts[0], report.resident_accounts[0]):
        user = db.scalar(select(User).where(User.email == account.email))
        assert verify_password(user.password_hash, account.password)
    staff = db.scalars(select(User).join(StaffRole)).unique().all()
    assert {a.email for a in report.staff_accounts} == {u.email for u in staff}
    # Bulk residents have no password (they cannot sign in until they set one).
    assert _count(db, User, User.password_hash.is_not(None)) == len(report.accounts)


def test_residents_look_real(db):
    users = db.scalars(select(User).order_by(User.id).limit(3000)).all()
    emails = [u.email for u in users]
    assert len(set(emails)) == len(emails)
    assert all(re.fullmatch(r"[a-z0-9._-]+@[a-z0-9.-]+\.[a-z]{2,}", e) for e in emails)
    assert all(re.fullmatch(r"\+380\d{9}", u.phone) for u in users if u.phone)
    with_tax = [u.tax_number for u in users if u.tax_number]
    assert len(with_tax) > 500 and all(valid_tax_number(t) for t in with_tax)
    assert all(u.consent_at is not None and u.consent_at.tzinfo is UTC for u in users)
    assert all(len(u.full_name.split()) == 3 for u in users)
    assert sum("м. Тернопіль" in (u.address or "") for u in users) > 2000
    # Reserved example domains only: demo data never mails a real person.
    domains = {email.rpartition("@")[2] for email in db.scalars(select(User.email))}
    assert domains <= {"example.com", "example.net", "example.org", "e-ternopil.example"}
    # E-mails are unique in the whole table, not only in the first rows.
    assert _count(db, User) == db.scalar(select(func.count(func.distinct(User.email))))


# --- catalog ---------------------------------------------------------------------------------


def test_catalog_has_forty_active_services_with_valid_forms(db):
    services = db.scalars(select(Service).where(Service.active)).all()
    assert len(services) >= 40
    assert len({s.category_id for s in services}) >= 9
    for service in services:
        assert forms.validate_schema(service.form_schema) == service.form_schema
        assert service.required_documents and all(
            isinstance(d, str) for d in service.required_documents
        )
        assert service.term_counts in ("calendar", "working")
        assert service.fee >= 0
    assert any(s.term_days is None for s in services)
    assert any(s.fee == 0 for s in services) and any(s.fee > 0 for s in services)


# --- orders ----------------------------------------------------------------------------------


def test_orders_are_in_every_state_with_unique_numbers(db):
    statuses = Counter(db.scalars(select(Order.status)))
    assert set(statuses) == {s.value for s in OrderStatus}
    assert statuses[OrderStatus.COMPLETED] > ORDERS / 2
    numbers = db.scalars(select(Order.registration_number)).all()
    assert len(set(numbers)) == len(numbers)
    assert all(re.fullmatch(r"ЦНАП-\d{4}/\d{6}", n) for n in numbers)


def test_every_order_is_consistent_with_its_service_and_timeline(db):
    orders = db.scalars(select(Order).order_by(Order.id)).all()
    events: dict[int, list[OrderEvent]] = {}
    for event in db.scalars(select(OrderEvent).order_by(OrderEvent.id)):
        events.setdefault(event.order_id, []).append(event)
    for order in orders:
        service = order.service
        # The answers are exactly what core's form check keeps.
        assert forms.validate_answers(service.form_schema, order.answers) == order.answers
        timeline = events[order.id]
        assert timeline[0].action == "submit" and timeline[0].status == "submitted"
        assert timeline[0].at == order.submitted_at
        status = "submitted"
        for event in timeline[1:]:
            sources, target = ORDER_ACTIONS[event.action]
            assert status in sources and event.status == target, (order.id, event.action)
            status = event.status
        assert status == order.status
        moments = [e.at for e in timeline]
        assert moments == sorted(moments) and moments[-1] <= NOW
        assert order.version == len(timeline)
        assert order.updated_at == moments[-1]
        assert (order.closed_at is not None) == order.is_closed
        days = service.term_days or 30
        counts = service.term_counts if service.term_days else "calendar"
        due = due_after_days(order.submitted_at, days, counts)
        answered = [e for e in timeline if e.action == "provide_info"]
        if answered:
            waited = counted_days_between(order.info_requested_at, answered[0].at, counts)
            due = shift_due(due, waited, counts)
        assert order.due_at == due
        if order.status in ("ready", "completed"):
            assert order.result_file_id is not None
        if order.status == "rejected":
            assert order.rejection_reason
        if order.status == "needs_info":
            assert order.info_question and order.info_answer is None
        if order.status != "submitted" and order.status != "cancelled":
            assert order.assignee_id is not None
        applicant_since = db.get(User, order.applicant_id).created_at
        assert applicant_since < order.submitted_at


def test_result_files_are_pdfs(db):
    stored = db.scalars(select(StoredFile).limit(5)).all()
    assert stored
    for file in stored:
        assert file.content.startswith(b"%PDF-") and file.size == len(file.content)
        assert hashlib.sha256(file.content).hexdigest() == file.sha256


# --- appeals ---------------------------------------------------------------------------------


def test_appeals_of_every_kind_are_in_every_state(db):
    pairs = set(db.execute(select(Appeal.kind, Appeal.status)).all())
    assert pairs == {(k.value, s.value) for k in AppealKind for s in AppealStatus}
    assert _count(db, Appeal, Appeal.response_text.is_not(None)) > 300


def test_appeal_numbers_dates_and_timelines_follow_core(db):
    events: dict[int, list[AppealEvent]] = {}
    for event in db.scalars(select(AppealEvent).order_by(AppealEvent.id)):
        events.setdefault(event.appeal_id, []).append(event)
    numbers = []
    for appeal in db.scalars(select(Appeal).order_by(Appeal.id)):
        timeline = events[appeal.id]
        assert timeline[0].action == "submit" and timeline[0].at == appeal.received_at
        status = "received"
        for event in timeline[1:]:
            if event.status != status:
                assert event.status in reception.LIFECYCLE.transitions[status], appeal.id
                assert event.action == reception.ACTION_BY_STATUS[event.status]
            status = event.status
        assert status == appeal.status and appeal.version == len(timeline)
        moments = [e.at for e in timeline]
        assert moments == sorted(moments) and moments[-1] <= NOW
        if appeal.status == "received":
            assert appeal.registration_number is None and appeal.due_at is None
            continue
        prefix = numbering.PREFIXES[appeal.kind]
        assert re.fullmatch(rf"{prefix}-\d{{4}}/\d{{6}}", appeal.registration_number)
        numbers.append(appeal.registration_number)
        due = reception.initial_due(appeal)
        if appeal.original_due_at is not None:
            assert appeal.original_due_at == due and appeal.extension_reason
            assert appeal.due_at == end_of_day(reception.extension_limit(appeal))
        else:
            assert appeal.due_at == due
        assert (appeal.closed_at is not None) == appeal.is_closed
        if appeal.status == "answered":
            assert appeal.response_text and appeal.answered_by_id and appeal.answered_at
        if appeal.status == "forwarded":
            assert appeal.forwarded_to
        if appeal.status == "not_considered":
            assert appeal.not_considered_reason
        assert not appeal.urgent or appeal.kind == "info_request"
    assert len(numbers) == len(set(numbers))


def test_registration_counters_continue_after_the_demo_numbers(db):
    used: dict[tuple[str, int], int] = {}
    rows = [("order", n) for n in db.scalars(select(Order.registration_number))]
    rows += db.execute(
        select(Appeal.kind, Appeal.registration_number).where(
            Appeal.registration_number.is_not(None)
        )
    ).all()
    for scope, number in rows:
        year, serial = number.split("-", 1)[1].split("/")
        key = (scope, int(year))
        used[key] = max(used.get(key, 0), int(serial))
    counters = {(c.scope, c.year): c.last_number for c in db.scalars(select(RegistrationCounter))}
    assert counters == used
    # Gapless: every number from 1 to the counter is used exactly once.
    assert len(rows) == sum(used.values())
    year = local_date(NOW).year
    assert numbering.next_number(db, "order", year) == used[("order", year)] + 1


def test_identity_sequences_continue_after_the_demo_ids(db):
    biggest = db.scalar(select(func.max(User.id)))
    user = User(email="new.resident@example.com", full_name="Нова Мешканка Тестова")
    db.add(user)
    db.flush()
    assert user.id > biggest


def _index_names(engine: Engine) -> set[str]:
    query = (
        "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
        if engine.dialect.name == "postgresql"
        else "SELECT name FROM sqlite_master WHERE type = 'index'"
    )
    with engine.connect() as connection:
        return set(connection.scalars(text(query)))


def test_indexes_deferred_during_the_load_are_all_back(seeded, databases):
    engine, _ = seeded
    empty = make_engine(databases.fresh_url())
    try:
        expected = _index_names(empty)
    finally:
        empty.dispose()
    assert _index_names(engine) == expected
    assert any(name.startswith("ix_users_") for name in expected)


# --- democracy, transport, content -----------------------------------------------------------


def test_surveys_have_thousands_of_unique_ballots(db):
    statuses = set(db.scalars(select(Survey.status)))
    assert statuses == {s.value for s in SurveyStatus}
    assert _count(db, Survey) >= 5
    assert _count(db, Ballot) >= 5000
    pairs = db.execute(select(Ballot.survey_id, Ballot.voter_id)).all()
    assert len(pairs) == len(set(pairs))
    for survey in db.scalars(select(Survey).where(Survey.status != "draft")):
        ballots = db.scalars(select(Ballot).where(Ballot.survey_id == survey.id)).all()
        assert ballots
        assert all(survey.opens_at <= b.cast_at <= min(survey.closes_at, NOW) for b in ballots)
    kinds = set(db.scalars(select(Question.kind)))
    assert kinds == {"single", "multiple", "text"}
    # Each answer's option belongs to its question.
    mismatched = db.scalar(
        select(func.count())
        .select_from(Answer)
        .join(Option, Option.id == Answer.option_id)
        .where(Option.question_id != Answer.question_id)
    )
    assert mismatched == 0
    assert _count(db, Answer) > _count(db, Ballot)


def test_comments_in_every_state_and_rejections_have_reasons(db):
    statuses = set(db.scalars(select(Comment.status)))
    assert statuses == {s.value for s in CommentStatus}
    assert (
        _count(db, Comment, Comment.status == "rejected", Comment.rejection_reason.is_(None)) == 0
    )


def test_ride_reviews_rate_one_to_five(db):
    ratings = set(db.scalars(select(RideReview.rating)))
    assert ratings == {1, 2, 3, 4, 5}
    assert _count(db, RideReview, RideReview.ride_at > NOW) == 0


def test_notifications_belong_to_residents(db):
    assert _count(db, Notification) > 0
    staff = select(StaffRole.user_id)
    assert _count(db, Notification, Notification.user_id.in_(staff)) == 0


def test_timestamps_read_back_as_the_orm_writes_them(db, dialect):
    order = db.scalar(select(Order).order_by(Order.id).limit(1))
    assert order.submitted_at.tzinfo is UTC
    if dialect == "sqlite":
        stored = db.execute(text("SELECT submitted_at FROM orders WHERE id = :i"), {"i": order.id})
        assert stored.scalar_one() == sqlite_utc_text(order.submitted_at)


# --- the activity log, refusal, determinism --------------------------------------------------


def test_one_activity_entry_and_a_sound_chain(db, seeded):
    _, report = seeded
    entries = db.scalars(select(ActivityEntry)).all()
    assert [e.action for e in entries] == ["seed.loaded"]
    assert entries[0].changes == report.counts
    assert verify_chain(db, Actor.system()).ok


def test_a_second_load_is_refused(seeded):
    engine, _ = seeded
    with Session(engine) as session:
        before = session.scalar(select(func.count()).select_from(User))
    with pytest.raises(DatabaseNotEmpty):
        load_demo_data(engine, 1, now=NOW)
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(User)) == before
        assert session.scalar(select(func.count()).select_from(ActivityEntry)) == 1


def test_scale_must_be_a_whole_number(seeded):
    engine, _ = seeded
    with pytest.raises(ValueError):
        load_demo_data(engine, 0)


def _fingerprint(engine: Engine) -> str:
    digest = hashlib.sha256()
    queries = (
        "SELECT id, email, full_name, phone, tax_number, address, created_at FROM users "
        "ORDER BY id",
        "SELECT id, registration_number, service_id, applicant_id, answers, status, due_at "
        "FROM orders ORDER BY id",
        "SELECT id, registration_number, kind, status, subject, due_at FROM appeals ORDER BY id",
        "SELECT id, survey_id, voter_id, cast_at FROM ballots ORDER BY id",
        "SELECT id, route_id, rating, author_id FROM ride_reviews ORDER BY id",
    )
    with engine.connect() as connection:
        for query in queries:
            for row in connection.execute(text(query)):
                values = [json.dumps(v, sort_keys=True) if isinstance(v, dict) else v for v in row]
                digest.update(repr(values).encode())
    return digest.hexdigest()


def test_same_seed_same_data(seeded, databases):
    engine, _ = seeded
    other = make_engine(databases.fresh_url())
    try:
        load_demo_data(other, 1, now=NOW)
        assert _fingerprint(other) == _fingerprint(engine)
    finally:
        other.dispose()
