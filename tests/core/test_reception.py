"""E-Reception: lifecycle per role, deadlines, validation, audit and notifications."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from backoffice.config import LegalTerms
from backoffice.core import reception
from backoffice.core.actor import Actor
from backoffice.core.calendar import KYIV, end_of_day
from backoffice.core.errors import (
    Conflict,
    InvalidInput,
    InvalidTransition,
    NotAllowed,
    NotFound,
)
from backoffice.models import (
    ActivityEntry,
    Appeal,
    AppealEvent,
    AppealStatus,
    Notification,
    Role,
)

# Monday 3 March 2025, 11:00 in Kyiv. Under martial law 2025 has no public holidays.
NOW = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
PDF = ("довідка.pdf", b"%PDF-1.4 test document")
TXT = ("notes.txt", "Текст додатка".encode())

STATUSES = [s.value for s in AppealStatus]
ACTIONS = ["register", "assign", "extend", "forward", "answer", "mark_not_considered"]
# The lifecycle of DESIGN.md written out independently of the module's own table.
ALLOWED_FROM = {
    "register": {"received"},
    # From assigned or extended it is a reassignment: the status stays.
    "assign": {"registered", "assigned", "extended"},
    "extend": {"assigned"},
    "forward": {"received", "registered", "assigned"},
    "answer": {"assigned", "extended"},
    "mark_not_considered": {"received", "registered", "assigned", "extended"},
}
ACTOR_KINDS = [*[r.value for r in Role], "owner", "other_resident", "anonymous"]


def kyiv(y: int, m: int, d: int, h: int = 12, minute: int = 0) -> datetime:
    """A Kyiv wall-clock moment as aware UTC."""
    return datetime(y, m, d, h, minute, tzinfo=KYIV).astimezone(UTC)


class Desk:
    """A resident, a reception officer and helpers to bring an appeal to any status."""

    def __init__(self, session, people) -> None:
        self.session = session
        self.people = people
        self.resident = people.resident()
        self.me = people.actor(self.resident, "web")
        self.officer_user = people.staff(Role.RECEPTION, full_name="Олена Прийомна")
        self.officer = people.actor(self.officer_user)
        self.colleague_user = people.staff(Role.RECEPTION, full_name="Петро Колега")

    def actor_of(self, kind: str) -> Actor:
        if kind == "owner":
            return self.me
        if kind == "other_resident":
            return self.people.actor(self.people.resident(), "web")
        if kind == "anonymous":
            return Actor.anonymous()
        return self.people.actor(self.people.staff(Role(kind)))

    def submit(self, kind: str = "appeal", at: datetime = NOW, **fields) -> Appeal:
        values = {"subject": "Ремонт дороги", "text": "Прошу відремонтувати дорогу."}
        values.update(fields)
        return reception.submit(self.session, self.me, kind=kind, now=at, **values)

    def at(self, status: str, kind: str = "appeal", at: datetime = NOW, **fields) -> Appeal:
        """A fresh item of ``kind`` moved to ``status`` (all at ``at``)."""
        appeal = self.submit(kind, at, **fields)
        s, o = self.session, self.officer
        if status == "received":
            return appeal
        if status in ("forwarded", "not_considered"):
            if status == "forwarded":
                return reception.forward(
                    s, o, appeal.id, "Держгеокадастр", "Не наша компетенція", now=at
                )
            return reception.mark_not_considered(s, o, appeal.id, "Анонімне", now=at)
        reception.register(s, o, appeal.id, now=at)
        if status == "registered":
            return appeal
        reception.assign(s, o, appeal.id, self.officer_user.id, now=at)
        if status == "assigned":
            return appeal
        if status == "extended":
            new_date = reception.extension_limit(appeal)
            return reception.extend(s, o, appeal.id, new_date, "Потрібна перевірка", now=at)
        assert status == "answered"
        return reception.answer(s, o, appeal.id, "Дорогу відремонтують у травні.", now=at)

    def call(self, action: str, actor: Actor, appeal: Appeal, **kw):
        """Each action with valid arguments."""
        s = self.session
        kw.setdefault("now", NOW)
        if action == "register":
            return reception.register(s, actor, appeal.id, **kw)
        if action == "assign":
            return reception.assign(s, actor, appeal.id, self.colleague_user.id, **kw)
        if action == "extend":
            limit = reception.extension_limit(appeal)
            return reception.extend(s, actor, appeal.id, limit, "Потрібен запит до архіву", **kw)
        if action == "forward":
            return reception.forward(s, actor, appeal.id, "Держгеокадастр", "Не наша справа", **kw)
        if action == "answer":
            return reception.answer(s, actor, appeal.id, "Відповідь по суті.", [PDF], **kw)
        assert action == "mark_not_considered"
        return reception.mark_not_considered(s, actor, appeal.id, "Повторне звернення", **kw)


# A status each action may start from.
FROM_STATUS = {
    "register": "received",
    "assign": "registered",
    "extend": "assigned",
    "forward": "assigned",
    "answer": "assigned",
    "mark_not_considered": "assigned",
}


@pytest.fixture
def desk(session, people) -> Desk:
    return Desk(session, people)


def audit_actions(session, appeal_id: int) -> list[str]:
    return list(
        session.scalars(
            select(ActivityEntry.action)
            .where(ActivityEntry.entity == "appeal", ActivityEntry.entity_id == appeal_id)
            .order_by(ActivityEntry.id)
        )
    )


def notifications_of(session, user_id: int) -> list[str]:
    return list(
        session.scalars(
            select(Notification.text)
            .where(Notification.user_id == user_id)
            .order_by(Notification.id)
        )
    )


# ---------------------------------------------------------------------------------------------
# Who may do what
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ACTOR_KINDS)
@pytest.mark.parametrize("action", ACTIONS)
def test_every_transition_only_for_reception(desk, action, who):
    appeal = desk.at(FROM_STATUS[action])
    actor = desk.actor_of(who)
    if who == Role.RECEPTION:
        result = desk.call(action, actor, appeal)
        assert (
            result.status
            == {
                "register": "registered",
                "assign": "assigned",
                "extend": "extended",
                "forward": "forwarded",
                "answer": "answered",
                "mark_not_considered": "not_considered",
            }[action]
        )
    else:
        before = appeal.status
        with pytest.raises(NotAllowed):
            desk.call(action, actor, appeal)
        assert appeal.status == before


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("action", ACTIONS)
def test_transition_exists_only_from_its_statuses(desk, action, status):
    appeal = desk.at(status)
    if status in ALLOWED_FROM[action]:
        desk.call(action, desk.officer, appeal)
    else:
        with pytest.raises(InvalidTransition):
            desk.call(action, desk.officer, appeal)
        assert appeal.status == status


@pytest.mark.parametrize("status", STATUSES)
def test_available_actions_follow_the_lifecycle(desk, status):
    appeal = desk.at(status)
    expected = [a for a in ACTIONS if status in ALLOWED_FROM[a]]
    if status != "registered" and "assign" in expected:
        expected[expected.index("assign")] = "reassign"
    got = reception.available_actions(desk.session, desk.officer, appeal, now=NOW)
    assert sorted(got) == sorted(expected)


@pytest.mark.parametrize("who", [k for k in ACTOR_KINDS if k != Role.RECEPTION])
def test_no_actions_offered_to_others(desk, who):
    appeal = desk.at("assigned")
    assert reception.available_actions(desk.session, desk.actor_of(who), appeal, now=NOW) == []


@pytest.mark.parametrize("who", ACTOR_KINDS)
def test_submit_own_appeal_needs_sign_in_only(desk, who):
    actor = desk.actor_of(who)
    if who == "anonymous":
        with pytest.raises(NotAllowed) as caught:
            reception.submit(desk.session, actor, kind="appeal", subject="Тема", text="Текст")
        assert caught.value.code == "sign_in_required"
        return
    appeal = reception.submit(
        desk.session, actor, kind="appeal", subject="Тема", text="Текст", now=NOW
    )
    assert appeal.applicant_id == actor.user_id
    assert appeal.status == "received"


@pytest.mark.parametrize("who", ACTOR_KINDS)
def test_paper_appeal_only_at_reception(desk, who):
    actor = desk.actor_of(who)

    def paper():
        return reception.submit(
            desk.session,
            actor,
            kind="appeal",
            subject="Освітлення",
            text="Лист, що надійшов поштою.",
            applicant_name="Іван Петренко",
            applicant_contact="вул. Руська, 1, Тернопіль",
            now=NOW,
        )

    if who == Role.RECEPTION:
        appeal = paper()
        assert (appeal.applicant_id, appeal.channel) == (None, "paper")
        assert appeal.applicant_name == "Іван Петренко"
    else:
        with pytest.raises(NotAllowed):
            paper()


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("owner", True),
        ("other_resident", False),
        (Role.CLERK.value, False),
        (Role.MODERATOR.value, False),
        (Role.ADMIN.value, False),
        (Role.MANAGER.value, True),
        (Role.RECEPTION.value, True),
    ],
)
def test_who_sees_an_appeal(desk, who, sees):
    appeal = desk.at("registered")
    actor = desk.actor_of(who)
    if sees:
        assert reception.get_appeal_for(desk.session, actor, appeal.id) is appeal
    else:
        # Someone else's item is simply not there: its existence is not revealed.
        with pytest.raises(NotFound):
            reception.get_appeal_for(desk.session, actor, appeal.id)


def test_anonymous_visitor_is_asked_to_sign_in(desk):
    appeal = desk.at("received")
    with pytest.raises(NotAllowed) as caught:
        reception.get_appeal_for(desk.session, Actor.anonymous(), appeal.id)
    assert caught.value.code == "sign_in_required"
    with pytest.raises(NotAllowed):
        reception.my_appeals(desk.session, Actor.anonymous())


def test_missing_or_malformed_id_is_not_found(desk):
    with pytest.raises(NotFound):
        reception.get_appeal_for(desk.session, desk.officer, 987654)
    with pytest.raises(NotFound):
        reception.register(desk.session, desk.officer, 987654, now=NOW)
    with pytest.raises(NotFound):
        reception.register(desk.session, desk.officer, "1", now=NOW)


def test_my_appeals_are_only_mine_newest_first(desk, people):
    first = desk.submit(at=NOW)
    second = desk.submit(at=NOW + timedelta(hours=1))
    other = people.actor(people.resident(), "web")
    reception.submit(desk.session, other, kind="message", subject="Інше", text="Інше", now=NOW)
    assert reception.my_appeals(desk.session, desk.me) == [second, first]


def test_stale_version_is_a_conflict_naming_who_changed_it(desk, people):
    appeal = desk.at("received")
    seen = appeal.version
    reception.register(desk.session, desk.officer, appeal.id, expected_version=seen, now=NOW)
    colleague = people.actor(people.staff(Role.RECEPTION, full_name="Петро Колега"))
    with pytest.raises(Conflict) as caught:
        reception.assign(
            desk.session, colleague, appeal.id, desk.officer_user.id, expected_version=seen
        )
    assert caught.value.changed_by == "Олена Прийомна"
    assert appeal.status == "registered"
    # With the current version the same change goes through.
    reception.assign(
        desk.session, colleague, appeal.id, desk.officer_user.id, expected_version=appeal.version
    )
    assert appeal.status == "assigned"


# ---------------------------------------------------------------------------------------------
# Deadlines
# ---------------------------------------------------------------------------------------------


def registered(desk, kind: str, at: datetime, **kw) -> Appeal:
    needs_study = kw.pop("needs_study", True)
    appeal = desk.submit(kind, at, **kw)
    return reception.register(
        desk.session, desk.officer, appeal.id, needs_study=needs_study, now=at
    )


@pytest.mark.parametrize(
    ("registered_on", "due_on"),
    [
        (date(2024, 1, 31), date(2024, 2, 29)),  # leap year: the month's last day
        (date(2025, 1, 31), date(2025, 2, 28)),  # Friday
        (date(2026, 1, 31), date(2026, 3, 2)),  # 28 Feb 2026 is a Saturday: rolled to Monday
        (date(2025, 3, 31), date(2025, 4, 30)),
        (date(2025, 12, 15), date(2026, 1, 15)),  # across the year end
    ],
)
def test_appeal_term_is_one_month_from_registration(desk, registered_on, due_on):
    at = kyiv(registered_on.year, registered_on.month, registered_on.day, 10)
    appeal = registered(desk, "appeal", at)
    assert appeal.due_at == end_of_day(due_on)
    assert appeal.registered_at == at


@pytest.mark.parametrize(
    ("registered_on", "due_on"),
    [
        (date(2025, 3, 3), date(2025, 3, 18)),
        (date(2025, 3, 7), date(2025, 3, 24)),  # day 15 is Saturday 22 March
    ],
)
def test_appeal_without_extra_study_has_fifteen_days(desk, registered_on, due_on):
    at = kyiv(registered_on.year, registered_on.month, registered_on.day, 10)
    appeal = registered(desk, "appeal", at, needs_study=False)
    assert appeal.needs_study is False
    assert appeal.due_at == end_of_day(due_on)


def test_message_term_is_message_months(desk):
    appeal = registered(desk, "message", kyiv(2025, 1, 31, 10))
    assert appeal.due_at == end_of_day(date(2025, 2, 28))


@pytest.mark.parametrize(
    ("received_on", "due_on"),
    [
        (date(2025, 3, 6), date(2025, 3, 13)),  # Thursday: over the weekend to Thursday
        (date(2025, 3, 7), date(2025, 3, 14)),  # Friday
        (date(2025, 3, 8), date(2025, 3, 14)),  # Saturday: counting starts on Monday
    ],
)
def test_info_request_has_five_working_days_from_receipt(desk, received_on, due_on):
    received_at = kyiv(received_on.year, received_on.month, received_on.day, 16)
    appeal = desk.submit("info_request", received_at)
    # Registered a day later: the law counts from receipt, not from registration.
    reception.register(desk.session, desk.officer, appeal.id, now=received_at + timedelta(days=1))
    assert appeal.due_at == end_of_day(due_on)


def test_urgent_info_request_has_48_hours(desk):
    received_at = datetime(2025, 3, 6, 10, 15, tzinfo=UTC)
    appeal = desk.submit(
        "info_request", received_at, urgent=True, urgent_reason="Загроза життю: аварійний будинок"
    )
    reception.register(desk.session, desk.officer, appeal.id, now=received_at)
    assert appeal.due_at == datetime(2025, 3, 8, 10, 15, tzinfo=UTC)
    assert "08.03.2025 12:15" in notifications_of(desk.session, desk.resident.id)[-1]


def assigned(desk, kind: str, received_at: datetime) -> Appeal:
    appeal = registered(desk, kind, received_at)
    return reception.assign(
        desk.session, desk.officer, appeal.id, desk.officer_user.id, now=received_at
    )


def test_appeal_extension_accepted_at_45_days_and_refused_after(desk):
    received_at = kyiv(2025, 3, 3, 10)  # + 45 days = Thursday 17 April
    at_cap = assigned(desk, "appeal", received_at)
    assert reception.extension_limit(at_cap) == date(2025, 4, 17)
    first_due = at_cap.due_at
    reception.extend(
        desk.session, desk.officer, at_cap.id, date(2025, 4, 17), "Перевірка на місці", now=NOW
    )
    assert (at_cap.status, at_cap.due_at) == ("extended", end_of_day(date(2025, 4, 17)))
    assert at_cap.original_due_at == first_due
    assert at_cap.extension_reason == "Перевірка на місці"

    past_cap = assigned(desk, "appeal", received_at)
    with pytest.raises(InvalidInput) as caught:
        reception.extend(desk.session, desk.officer, past_cap.id, "2025-04-18", "Ще", now=NOW)
    assert set(caught.value.fields) == {"new_due_date"}
    assert past_cap.status == "assigned"


def test_appeal_extension_cap_ending_on_a_day_off_ends_on_the_next_working_day(desk):
    appeal = assigned(desk, "appeal", kyiv(2025, 3, 5, 10))  # + 45 days = Saturday 19 April
    assert reception.extension_limit(appeal) == date(2025, 4, 21)
    reception.extend(
        desk.session, desk.officer, appeal.id, date(2025, 4, 21), "Експертиза", now=NOW
    )
    assert appeal.due_at == end_of_day(date(2025, 4, 21))


def test_extension_must_move_the_date_later_and_not_into_the_past(desk):
    appeal = assigned(desk, "appeal", NOW)
    with pytest.raises(InvalidInput) as caught:
        reception.extend(desk.session, desk.officer, appeal.id, date(2025, 4, 3), "Ні", now=NOW)
    assert set(caught.value.fields) == {"new_due_date"}
    # Already overdue on 10 April: a new date between the old one and today is no extension.
    with pytest.raises(InvalidInput) as caught:
        reception.extend(
            desk.session, desk.officer, appeal.id, date(2025, 4, 8), "Ні", now=kyiv(2025, 4, 10)
        )
    assert caught.value.fields["new_due_date"] == "Дата не може бути в минулому."


def test_info_request_extension_caps_at_20_working_days(desk):
    received_at = kyiv(2025, 3, 3, 10)  # 20 working days later: Monday 31 March
    last_notice_day = kyiv(2025, 3, 10, 23)  # the 5th working day after receipt, late evening
    at_cap = assigned(desk, "info_request", received_at)
    assert reception.extension_limit(at_cap) == date(2025, 3, 31)
    reception.extend(
        desk.session,
        desk.officer,
        at_cap.id,
        date(2025, 3, 31),
        "Великий обсяг",
        now=last_notice_day,
    )
    assert at_cap.due_at == end_of_day(date(2025, 3, 31))

    past_cap = assigned(desk, "info_request", received_at)
    with pytest.raises(InvalidInput) as caught:
        reception.extend(
            desk.session, desk.officer, past_cap.id, date(2025, 4, 1), "Обсяг", now=last_notice_day
        )
    assert set(caught.value.fields) == {"new_due_date"}


def test_info_request_extension_only_within_five_working_days_of_receipt(desk):
    appeal = assigned(desk, "info_request", kyiv(2025, 3, 3, 10))
    too_late = kyiv(2025, 3, 11, 0, 5)  # the 6th working day
    assert "extend" not in reception.available_actions(
        desk.session, desk.officer, appeal, now=too_late
    )
    assert "extend" in reception.available_actions(
        desk.session, desk.officer, appeal, now=kyiv(2025, 3, 10, 23)
    )
    with pytest.raises(InvalidTransition) as caught:
        reception.extend(
            desk.session, desk.officer, appeal.id, date(2025, 3, 20), "Обсяг", now=too_late
        )
    assert caught.value.code == "extension_notice_passed"
    assert appeal.status == "assigned"


@pytest.mark.parametrize(
    ("forwarded_at", "late"),
    [
        (kyiv(2025, 3, 10, 17), False),  # day 5 is Saturday 8 March: the term runs to Monday
        (kyiv(2025, 3, 11, 9), True),
    ],
)
def test_forwarding_after_the_term_is_allowed_but_flagged_late(desk, forwarded_at, late):
    appeal = desk.submit("appeal", kyiv(2025, 3, 3, 10))
    reception.forward(
        desk.session,
        desk.officer,
        appeal.id,
        "ГУ Держгеокадастру",
        "Земельне питання",
        now=forwarded_at,
    )
    comment = appeal.events[-1].comment
    assert ("із запізненням" in comment) is late
    entry = desk.session.scalars(
        select(ActivityEntry).where(ActivityEntry.action == "appeal.forward")
    ).one()
    assert ("forwarded_late" in entry.changes) is late
    assert appeal.forwarded_to == "ГУ Держгеокадастру"
    assert appeal.closed_at == forwarded_at


def test_overdue_and_due_soon_are_computed_from_the_due_date(desk, people):
    now = kyiv(2025, 4, 5, 12)
    late = registered(desk, "appeal", kyiv(2025, 3, 3))  # due 3 April
    soon = registered(desk, "appeal", kyiv(2025, 3, 6))  # due 7 April (6th is Sunday)
    later = registered(desk, "appeal", kyiv(2025, 3, 20))  # due 21 April (20th is Sunday)
    closed = registered(desk, "appeal", kyiv(2025, 3, 3))
    reception.mark_not_considered(desk.session, desk.officer, closed.id, "Повторне", now=now)
    manager = people.actor(people.staff(Role.MANAGER))
    assert reception.overdue(desk.session, manager, now=now) == [late]
    assert reception.due_soon(desk.session, manager, now=now) == [soon]
    assert reception.appeal_is_overdue(late, now) and not reception.appeal_is_overdue(closed, now)
    assert later in reception.overdue(desk.session, manager, now=kyiv(2025, 4, 22))
    for who in ("owner", Role.CLERK.value, "anonymous"):
        with pytest.raises(NotAllowed):
            reception.overdue(desk.session, desk.actor_of(who), now=now)
        with pytest.raises(NotAllowed):
            reception.due_soon(desk.session, desk.actor_of(who), now=now)


# ---------------------------------------------------------------------------------------------
# What each change leaves behind: the item, the event, the notification, the log entry
# ---------------------------------------------------------------------------------------------


def test_submit_keeps_text_as_typed_with_attachments(desk):
    appeal = desk.submit(
        subject="<b>Яма</b> на дорозі",
        text="<script>alert(1)</script>\nДякую.",
        category="Дороги",
        attachments=[PDF, TXT, PDF],
    )
    assert appeal.subject == "<b>Яма</b> на дорозі"
    assert appeal.text == "<script>alert(1)</script>\nДякую."
    assert (appeal.status, appeal.received_at, appeal.channel) == ("received", NOW, "web")
    assert sorted(f.purpose for f in appeal.files) == ["attachment", "attachment"]
    assert [e.action for e in appeal.events] == ["submit"]
    assert audit_actions(desk.session, appeal.id) == ["appeal.submit"]
    assert "отримано 03.03.2025" in notifications_of(desk.session, desk.resident.id)[-1]


def test_every_change_is_logged_and_told(desk):
    s, o = desk.session, desk.officer
    appeal = desk.submit()
    reception.register(s, o, appeal.id, now=NOW)
    number = appeal.registration_number
    assert number == "ЗГ-2025/000001"
    reception.assign(s, o, appeal.id, desk.officer_user.id, now=NOW)
    reception.extend(s, o, appeal.id, date(2025, 4, 10), "Потрібна перевірка", now=NOW)
    reception.answer(s, o, appeal.id, "Відремонтуємо.", [PDF], now=NOW + timedelta(days=5))

    assert audit_actions(s, appeal.id) == [
        "appeal.submit",
        "appeal.register",
        "appeal.assign",
        "appeal.extend",
        "appeal.answer",
    ]
    assert [e.action for e in appeal.events] == [
        "submit",
        "register",
        "assign",
        "extend",
        "answer",
    ]
    told = notifications_of(s, desk.resident.id)
    assert len(told) == 4  # receipt, number and term, extension, answer
    assert number in told[1] and "03.04.2025" in told[1]
    assert "10.04.2025" in told[2] and "Потрібна перевірка" in told[2]
    assert "надано відповідь" in told[3]
    assert any(number in t for t in notifications_of(s, desk.officer_user.id))  # the assignee

    register_entry = s.scalars(
        select(ActivityEntry).where(ActivityEntry.action == "appeal.register")
    ).one()
    assert register_entry.changes["status"] == ["received", "registered"]
    assert register_entry.changes["registration_number"] == [None, number]
    assert register_entry.actor_id == desk.officer_user.id

    answered_at = NOW + timedelta(days=5)
    assert appeal.response_text == "Відремонтуємо."
    assert (appeal.answered_at, appeal.delivered_at, appeal.closed_at) == (answered_at,) * 3
    assert appeal.answered_by_id == desk.officer_user.id
    assert [f.purpose for f in appeal.files] == ["response"]
    assert appeal.is_closed


@pytest.mark.parametrize(
    ("action", "expected_text"),
    [
        ("forward", "переслано за належністю до: Держгеокадастр"),
        ("mark_not_considered", "залишено без розгляду. Причина: Повторне звернення"),
    ],
)
def test_closing_without_answer_is_logged_and_told(desk, action, expected_text):
    appeal = desk.at("registered")
    desk.call(action, desk.officer, appeal)
    assert audit_actions(desk.session, appeal.id)[-1] == f"appeal.{action}"
    assert expected_text in notifications_of(desk.session, desk.resident.id)[-1]
    assert appeal.closed_at == NOW
    assert appeal.is_closed


def test_paper_appeal_answer_is_not_delivered_by_notification(desk):
    appeal = reception.submit(
        desk.session,
        desk.officer,
        kind="appeal",
        subject="Лист",
        text="Текст листа",
        applicant_name="Іван Петренко",
        applicant_contact="Тернопіль, вул. Руська, 1",
        now=NOW,
    )
    reception.register(desk.session, desk.officer, appeal.id, now=NOW)
    reception.assign(desk.session, desk.officer, appeal.id, desk.officer_user.id, now=NOW)
    reception.answer(desk.session, desk.officer, appeal.id, "Відповідь поштою", now=NOW)
    assert appeal.answered_at == NOW and appeal.delivered_at is None
    assert appeal.events[0].actor_id == desk.officer_user.id


def test_hidden_identity_is_shown_only_to_reception_and_the_applicant(desk, people):
    appeal = desk.submit(hide_identity=True)
    manager = people.actor(people.staff(Role.MANAGER))
    assert reception.applicant_display(appeal, desk.officer) == desk.resident.full_name
    assert reception.applicant_display(appeal, desk.me) == desk.resident.full_name
    assert reception.applicant_display(appeal, manager) == reception.HIDDEN_IDENTITY
    # The timeline does not name the applicant either.
    assert appeal.events[0].actor_id is None
    card = reception.registration_control_card(desk.session, manager, appeal.id, now=NOW)
    assert card["applicant"] == reception.HIDDEN_IDENTITY
    assert card["applicant_contact"] is None
    staff_card = reception.registration_control_card(desk.session, desk.officer, appeal.id)
    assert staff_card["applicant"] == desk.resident.full_name

    open_appeal = desk.submit()
    assert reception.applicant_display(open_appeal, manager) == desk.resident.full_name


def test_registration_control_card(desk):
    appeal = desk.at("extended")
    card = reception.registration_control_card(
        desk.session, desk.officer, appeal.id, now=kyiv(2025, 5, 1)
    )
    assert card["registration_number"] == appeal.registration_number
    assert card["kind_name"] == "звернення"
    assert card["applicant"] == desk.resident.full_name
    assert desk.resident.email in card["applicant_contact"]
    assert card["assignee"] == "Олена Прийомна"
    assert card["original_due_at"] == end_of_day(date(2025, 4, 3))
    assert card["due_at"] == end_of_day(date(2025, 4, 17))
    assert card["extension_reason"] == "Потрібна перевірка"
    assert card["overdue"] is True
    with pytest.raises(NotAllowed):
        reception.registration_control_card(desk.session, desk.me, appeal.id)


def test_assignee_is_told(desk, people):
    colleague = people.staff(Role.RECEPTION)
    appeal = desk.at("registered")
    reception.assign(desk.session, desk.officer, appeal.id, colleague.id, now=NOW)
    assert appeal.assignee_id == colleague.id
    assert "Вам доручено" in notifications_of(desk.session, colleague.id)[-1]


# ---------------------------------------------------------------------------------------------
# Bad input: every entry point names every bad field
# ---------------------------------------------------------------------------------------------


def test_submit_names_every_bad_field(desk):
    with pytest.raises(InvalidInput) as caught:
        reception.submit(
            desk.session,
            desk.me,
            kind="complaint",
            subject="",
            text=42,
            category="к" * 101,
            hide_identity="maybe",
            attachments=[("virus.exe", b"MZ..."), ("fake.pdf", b"not a pdf"), "junk"],
        )
    assert set(caught.value.fields) == {
        "kind",
        "subject",
        "text",
        "category",
        "hide_identity",
        "attachments[0]",
        "attachments[1]",
        "attachments[2]",
    }
    assert desk.session.scalars(select(Appeal)).all() == []


def test_submit_refuses_too_long_subject_and_bad_attachment_list(desk):
    with pytest.raises(InvalidInput) as caught:
        reception.submit(
            desk.session, desk.me, kind="appeal", subject="т" * 301, text="т", attachments="x"
        )
    assert set(caught.value.fields) == {"subject", "attachments"}


def test_only_info_requests_are_urgent_and_need_a_reason(desk):
    with pytest.raises(InvalidInput) as caught:
        desk.submit("appeal", urgent=True, urgent_reason="Пожежа")
    assert set(caught.value.fields) == {"urgent"}
    with pytest.raises(InvalidInput) as caught:
        desk.submit("info_request", urgent=True)
    assert set(caught.value.fields) == {"urgent_reason"}
    appeal = desk.submit("info_request", urgent=False, urgent_reason="ignored")
    assert (appeal.urgent, appeal.urgent_reason) == (False, None)


def test_paper_appeal_needs_name_and_contact(desk):
    with pytest.raises(InvalidInput) as caught:
        reception.submit(
            desk.session, desk.officer, kind="appeal", subject="Т", text="Т", applicant_name=" "
        )
    assert set(caught.value.fields) == {"applicant_name", "applicant_contact"}


def test_register_names_bad_fields(desk):
    appeal = desk.at("received")
    with pytest.raises(InvalidInput) as caught:
        reception.register(desk.session, desk.officer, appeal.id, needs_study="maybe")
    assert set(caught.value.fields) == {"needs_study"}
    with pytest.raises(InvalidInput) as caught:
        reception.register(desk.session, desk.officer, appeal.id, expected_version="abc")
    assert set(caught.value.fields) == {"version"}
    assert appeal.status == "received"


@pytest.mark.parametrize("bad", ["abc", None, -1, True, "not reception", "blocked", 999999])
def test_assignee_must_be_an_active_reception_officer(desk, people, bad):
    if bad == "not reception":
        bad = people.staff(Role.CLERK, Role.MANAGER).id
    elif bad == "blocked":
        bad = people.staff(Role.RECEPTION, blocked=True).id
    appeal = desk.at("registered")
    with pytest.raises(InvalidInput) as caught:
        reception.assign(desk.session, desk.officer, appeal.id, bad, now=NOW)
    assert set(caught.value.fields) == {"assignee_id"}
    assert appeal.status == "registered"


def test_extend_names_bad_fields(desk):
    appeal = desk.at("assigned")
    with pytest.raises(InvalidInput) as caught:
        reception.extend(desk.session, desk.officer, appeal.id, "31.03", "  ", now=NOW)
    assert set(caught.value.fields) == {"new_due_date", "reason"}
    with pytest.raises(InvalidInput) as caught:
        reception.extend(desk.session, desk.officer, appeal.id, None, 7, now=NOW)
    assert set(caught.value.fields) == {"new_due_date", "reason"}


def test_forward_names_bad_fields(desk):
    appeal = desk.at("received")
    with pytest.raises(InvalidInput) as caught:
        reception.forward(desk.session, desk.officer, appeal.id, "", "п" * 2001, now=NOW)
    assert set(caught.value.fields) == {"to_body", "reason"}
    with pytest.raises(InvalidInput) as caught:
        reception.forward(desk.session, desk.officer, appeal.id, "Орган\nдругий", None, now=NOW)
    assert set(caught.value.fields) == {"to_body", "reason"}


def test_answer_names_bad_fields(desk):
    appeal = desk.at("assigned")
    with pytest.raises(InvalidInput) as caught:
        reception.answer(
            desk.session, desk.officer, appeal.id, None, [PDF, ("a.exe", b"MZ")], now=NOW
        )
    assert set(caught.value.fields) == {"text", "files[1]"}
    assert appeal.status == "assigned" and appeal.files == []


def test_mark_not_considered_needs_a_reason(desk):
    appeal = desk.at("received")
    for bad in ("", "   ", None, 12, "п" * 2001):
        with pytest.raises(InvalidInput) as caught:
            reception.mark_not_considered(desk.session, desk.officer, appeal.id, bad, now=NOW)
        assert set(caught.value.fields) == {"reason"}
    assert audit_actions(desk.session, appeal.id) == ["appeal.submit"]


def test_refused_change_leaves_no_trace(desk):
    appeal = desk.at("assigned")
    events = len(appeal.events)
    told = len(notifications_of(desk.session, desk.resident.id))
    with pytest.raises(InvalidInput):
        reception.extend(desk.session, desk.officer, appeal.id, date(2030, 1, 1), "Ні", now=NOW)
    stored = desk.session.scalars(select(AppealEvent).where(AppealEvent.appeal_id == appeal.id))
    assert len(stored.all()) == events
    assert len(notifications_of(desk.session, desk.resident.id)) == told
    assert audit_actions(desk.session, appeal.id)[-1] == "appeal.assign"


# ---------------------------------------------------------------------------------------------
# Reassignment
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("status", ["assigned", "extended"])
def test_reassign_changes_the_assignee_and_keeps_status_and_term(desk, status):
    appeal = desk.at(status)
    due_at, told_resident = appeal.due_at, len(notifications_of(desk.session, desk.resident.id))
    assert "reassign" in reception.available_actions(desk.session, desk.officer, appeal, now=NOW)
    assert "assign" not in reception.available_actions(desk.session, desk.officer, appeal, now=NOW)

    reception.assign(desk.session, desk.officer, appeal.id, desk.colleague_user.id, now=NOW)

    assert (appeal.status, appeal.assignee_id, appeal.due_at) == (
        status,
        desk.colleague_user.id,
        due_at,
    )
    assert appeal.events[-1].action == "reassign"
    assert appeal.events[-1].status == status
    assert "Петро Колега" in appeal.events[-1].comment
    entry = desk.session.scalars(
        select(ActivityEntry).where(ActivityEntry.action == "appeal.reassign")
    ).one()
    assert entry.changes["assignee_id"] == [desk.officer_user.id, desk.colleague_user.id]
    assert "status" not in entry.changes
    assert "Вам доручено" in notifications_of(desk.session, desk.colleague_user.id)[-1]
    assert "передано іншому виконавцю" in notifications_of(desk.session, desk.officer_user.id)[-1]
    # Who works on it inside the office is not the applicant's news.
    assert len(notifications_of(desk.session, desk.resident.id)) == told_resident


def test_reassign_to_the_same_officer_is_refused_without_trace(desk):
    appeal = desk.at("assigned")
    events, version = len(appeal.events), appeal.version
    with pytest.raises(InvalidInput) as caught:
        reception.assign(desk.session, desk.officer, appeal.id, desk.officer_user.id, now=NOW)
    assert set(caught.value.fields) == {"assignee_id"}
    assert (len(appeal.events), appeal.version) == (events, version)
    assert "appeal.reassign" not in audit_actions(desk.session, appeal.id)


@pytest.mark.parametrize("who", [k for k in ACTOR_KINDS if k != Role.RECEPTION])
def test_reassign_only_for_reception(desk, who):
    appeal = desk.at("assigned")
    with pytest.raises(NotAllowed):
        reception.assign(
            desk.session, desk.actor_of(who), appeal.id, desk.colleague_user.id, now=NOW
        )
    assert appeal.assignee_id == desk.officer_user.id


def test_reassign_names_a_bad_assignee_and_checks_the_version(desk, people):
    appeal = desk.at("extended")
    clerk = people.staff(Role.CLERK)
    with pytest.raises(InvalidInput) as caught:
        reception.assign(desk.session, desk.officer, appeal.id, clerk.id, now=NOW)
    assert set(caught.value.fields) == {"assignee_id"}
    with pytest.raises(Conflict):
        reception.assign(
            desk.session,
            desk.officer,
            appeal.id,
            desk.colleague_user.id,
            expected_version=appeal.version - 1,
            now=NOW,
        )
    assert appeal.assignee_id == desk.officer_user.id


# ---------------------------------------------------------------------------------------------
# Forwarding terms by kind
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "deadline"),
    [
        # Wednesday 5 March + 5 calendar days = Monday 10 March.
        ("appeal", date(2025, 3, 10)),
        ("message", date(2025, 3, 10)),
        # Wednesday 5 March + 5 working days = Wednesday 12 March.
        ("info_request", date(2025, 3, 12)),
    ],
)
def test_forward_deadline_is_counted_by_the_kind_s_law(desk, kind, deadline):
    appeal = desk.submit(kind, kyiv(2025, 3, 5, 10))
    assert reception.forward_deadline(appeal) == end_of_day(deadline)


def test_info_request_forward_term_comes_from_legal_terms(desk):
    appeal = desk.submit("info_request", kyiv(2025, 3, 5, 10))
    terms = LegalTerms(info_request_forward_working_days=2)
    assert reception.forward_deadline(appeal, terms) == end_of_day(date(2025, 3, 7))


@pytest.mark.parametrize(
    ("kind", "late", "term_words"),
    [("appeal", True, "5 днів"), ("info_request", False, None)],
)
def test_info_request_forwarded_on_the_fourth_working_day_is_not_late(desk, kind, late, term_words):
    appeal = desk.submit(kind, kyiv(2025, 3, 5, 10))
    reception.forward(
        desk.session,
        desk.officer,
        appeal.id,
        "Держархів",
        "Інформація не в нас",
        now=kyiv(2025, 3, 11, 12),  # Tuesday: 4th working day, 6th calendar day
    )
    comment = appeal.events[-1].comment
    assert ("із запізненням" in comment) is late
    if term_words:
        assert f"строк {term_words} від надходження минув 10.03.2025" in comment


def test_info_request_forwarded_late_names_working_days(desk):
    appeal = desk.submit("info_request", kyiv(2025, 3, 5, 10))
    reception.forward(
        desk.session, desk.officer, appeal.id, "Держархів", "Не в нас", now=kyiv(2025, 3, 13, 9)
    )
    assert "строк 5 робочих днів від надходження минув 12.03.2025" in appeal.events[-1].comment


# ---------------------------------------------------------------------------------------------
# Files to download
# ---------------------------------------------------------------------------------------------


def test_applicant_and_staff_download_an_appeal_s_files(desk, people):
    appeal = desk.submit(attachments=[TXT])
    reception.register(desk.session, desk.officer, appeal.id, now=NOW)
    reception.assign(desk.session, desk.officer, appeal.id, desk.officer_user.id, now=NOW)
    reception.answer(desk.session, desk.officer, appeal.id, "Відповідь", [PDF], now=NOW)
    by_purpose = {f.purpose: f.file_id for f in appeal.files}
    manager = people.actor(people.staff(Role.MANAGER))
    for who in (desk.me, desk.officer, manager):
        for purpose, content in (("attachment", TXT[1]), ("response", PDF[1])):
            stored = reception.appeal_file_for(desk.session, who, appeal.id, by_purpose[purpose])
            assert stored.content == content


@pytest.mark.parametrize("who", ["other_resident", Role.CLERK.value, Role.ADMIN.value])
def test_others_do_not_find_an_appeal_s_files(desk, who):
    appeal = desk.submit(attachments=[PDF])
    file_id = appeal.files[0].file_id
    with pytest.raises(NotFound):
        reception.appeal_file_for(desk.session, desk.actor_of(who), appeal.id, file_id)


def test_a_file_is_found_only_through_its_own_appeal(desk):
    mine = desk.submit(attachments=[TXT])
    other = reception.submit(
        desk.session,
        desk.actor_of("other_resident"),
        kind="appeal",
        subject="Чуже",
        text="Чуже",
        attachments=[PDF],
        now=NOW,
    )
    foreign_file = other.files[0].file_id
    for who in (desk.me, desk.officer):
        with pytest.raises(NotFound):
            reception.appeal_file_for(desk.session, who, mine.id, foreign_file)
    for bad in (987654, "1", None, True):
        with pytest.raises(NotFound):
            reception.appeal_file_for(desk.session, desk.officer, mine.id, bad)
    with pytest.raises(NotFound):
        reception.appeal_file_for(desk.session, desk.officer, 987654, foreign_file)
    with pytest.raises(NotAllowed) as caught:
        reception.appeal_file_for(desk.session, Actor.anonymous(), mine.id, mine.files[0].file_id)
    assert caught.value.code == "sign_in_required"


# ---------------------------------------------------------------------------------------------
# Paper answers sent by post
# ---------------------------------------------------------------------------------------------


def paper_answered(desk) -> Appeal:
    appeal = reception.submit(
        desk.session,
        desk.officer,
        kind="appeal",
        subject="Лист",
        text="Текст листа",
        applicant_name="Іван Петренко",
        applicant_contact="Тернопіль, вул. Руська, 1",
        now=NOW,
    )
    reception.register(desk.session, desk.officer, appeal.id, now=NOW)
    reception.assign(desk.session, desk.officer, appeal.id, desk.officer_user.id, now=NOW)
    return reception.answer(desk.session, desk.officer, appeal.id, "Відповідь поштою", now=NOW)


def test_paper_answer_is_marked_delivered_once(desk):
    appeal = paper_answered(desk)
    assert reception.available_actions(desk.session, desk.officer, appeal, now=NOW) == [
        "mark_delivered"
    ]
    posted = NOW + timedelta(days=1)
    version = appeal.version
    reception.mark_delivered(
        desk.session, desk.officer, appeal.id, expected_version=version, now=posted
    )
    assert (appeal.delivered_at, appeal.status, appeal.closed_at) == (posted, "answered", NOW)
    assert appeal.version == version + 1
    assert appeal.events[-1].action == "mark_delivered"
    assert appeal.events[-1].actor_id == desk.officer_user.id
    entry = desk.session.scalars(
        select(ActivityEntry).where(ActivityEntry.action == "appeal.mark_delivered")
    ).one()
    assert entry.entity_id == appeal.id
    assert entry.changes["delivered_at"][0] is None
    assert reception.available_actions(desk.session, desk.officer, appeal, now=posted) == []

    with pytest.raises(InvalidTransition) as caught:
        reception.mark_delivered(desk.session, desk.officer, appeal.id, now=posted)
    assert caught.value.code == "already_delivered"
    assert "04.03.2025" in caught.value.message


def test_answer_in_the_account_is_already_delivered(desk):
    appeal = desk.at("answered")
    assert "mark_delivered" not in reception.available_actions(
        desk.session, desk.officer, appeal, now=NOW
    )
    with pytest.raises(InvalidTransition) as caught:
        reception.mark_delivered(desk.session, desk.officer, appeal.id, now=NOW)
    assert caught.value.code == "already_delivered"


@pytest.mark.parametrize("status", ["received", "registered", "assigned", "forwarded"])
def test_only_an_answer_can_be_delivered(desk, status):
    appeal = desk.at(status)
    with pytest.raises(InvalidTransition) as caught:
        reception.mark_delivered(desk.session, desk.officer, appeal.id, now=NOW)
    assert caught.value.code == "not_answered"
    assert appeal.delivered_at is None


@pytest.mark.parametrize("who", [k for k in ACTOR_KINDS if k != Role.RECEPTION])
def test_mark_delivered_only_for_reception(desk, who):
    appeal = paper_answered(desk)
    with pytest.raises(NotAllowed):
        reception.mark_delivered(desk.session, desk.actor_of(who), appeal.id, now=NOW)
    assert appeal.delivered_at is None
    assert reception.available_actions(desk.session, desk.actor_of(who), appeal, now=NOW) == []


def test_mark_delivered_checks_the_version(desk):
    appeal = paper_answered(desk)
    with pytest.raises(Conflict) as caught:
        reception.mark_delivered(
            desk.session, desk.officer, appeal.id, expected_version=appeal.version - 1, now=NOW
        )
    assert caught.value.changed_by == "Олена Прийомна"
    with pytest.raises(InvalidInput) as bad:
        reception.mark_delivered(
            desk.session, desk.officer, appeal.id, expected_version="x", now=NOW
        )
    assert set(bad.value.fields) == {"version"}
    assert appeal.delivered_at is None


# ---------------------------------------------------------------------------------------------
# Counts for the desktop's filters
# ---------------------------------------------------------------------------------------------


def test_count_by_status_has_every_status(desk, people):
    for status in ("received", "received", "registered", "assigned", "answered", "forwarded"):
        desk.at(status)
    manager = people.actor(people.staff(Role.MANAGER))
    expected = dict.fromkeys(STATUSES, 0) | {
        "received": 2,
        "registered": 1,
        "assigned": 1,
        "answered": 1,
        "forwarded": 1,
    }
    assert reception.count_by_status(desk.session, manager) == expected
    assert reception.count_by_status(desk.session, desk.officer) == expected


@pytest.mark.parametrize("who", ["owner", Role.CLERK.value, Role.ADMIN.value, "anonymous"])
def test_count_by_status_needs_appeal_view(desk, who):
    with pytest.raises(NotAllowed):
        reception.count_by_status(desk.session, desk.actor_of(who))
