"""The service catalog and the order lifecycle: rules, permissions, deadlines, log, notices."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from backoffice.core import services
from backoffice.core.actor import Actor, Channel
from backoffice.core.calendar import end_of_day
from backoffice.core.errors import (
    Conflict,
    InvalidInput,
    InvalidTransition,
    NotAllowed,
    NotFound,
)
from backoffice.core.services import ALL_ORDER_ACTIONS, ORDER_ACTIONS, ORDER_LIFECYCLE
from backoffice.db import session_factory
from backoffice.models import (
    ActivityEntry,
    Notification,
    Order,
    OrderStatus,
    Role,
    StaffRole,
    StoredFile,
    User,
)

TAX_NUMBER = "1234567899"
# Friday 10 January 2025, 10:00 in Kyiv. No public holidays under martial law (holidays.UA).
FRIDAY = datetime(2025, 1, 10, 8, 0, tzinfo=UTC)
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
SCHEMA = [
    {"name": "full_name", "label": "ПІБ", "type": "text", "required": True, "max_length": 100},
    {"name": "tax_number", "label": "РНОКПП", "type": "tax_number", "required": True},
    {"name": "copies", "label": "Примірників", "type": "number", "min": 1, "max": 5},
    {"name": "scan", "label": "Скан паспорта", "type": "file"},
]
ANSWERS = {"full_name": "Іваненко Іван", "tax_number": TAX_NUMBER}


@dataclass
class World:
    session: object
    people: object
    service: object
    admin: Actor
    clerk_user: User
    clerk: Actor
    clerk2_user: User
    clerk2: Actor
    applicant_user: User
    applicant: Actor
    other: Actor

    def submit(self, now: datetime = FRIDAY, service=None) -> Order:
        service = service or self.service
        return services.submit_order(self.session, self.applicant, service.id, ANSWERS, now=now)

    def order_in(self, status: str, now: datetime = FRIDAY) -> Order:
        """An order brought to ``status`` through the lifecycle itself."""
        order = self.submit(now)
        steps = {
            OrderStatus.SUBMITTED: [],
            OrderStatus.ACCEPTED: ["accept"],
            OrderStatus.IN_PROGRESS: ["accept", "start"],
            OrderStatus.NEEDS_INFO: ["accept", "start", "request_info"],
            OrderStatus.READY: ["accept", "start", "mark_ready"],
            OrderStatus.COMPLETED: ["accept", "start", "mark_ready", "complete"],
            OrderStatus.REJECTED: ["reject"],
            OrderStatus.CANCELLED: ["cancel"],
        }[OrderStatus(status)]
        for action in steps:
            actor = self.applicant if action == "cancel" else self.clerk
            perform(self, actor, order, action, now=now)
        assert order.status == status
        return order


def perform(world: World, actor: Actor, order: Order, action: str, now: datetime = FRIDAY):
    """Do ``action`` with valid input."""
    session = world.session
    if action == "request_info":
        return services.request_info(session, actor, order.id, "Додайте довідку.", now=now)
    if action == "provide_info":
        return services.provide_info(session, actor, order.id, "Довідку додано.", now=now)
    if action == "mark_ready":
        return services.mark_ready(session, actor, order.id, "result.pdf", PDF, now=now)
    if action == "reject":
        return services.reject(session, actor, order.id, "Неповний пакет документів.", now=now)
    if action == "assign":
        return services.assign(session, actor, order.id, world.clerk2_user.id, now=now)
    return getattr(services, action)(session, actor, order.id, now=now)


def make_world(session, people) -> World:
    admin = people.actor(people.staff(Role.ADMIN, full_name="Адміністратор Каталогу"))
    category = services.create_category(session, admin, code="passports", title="Паспорти")
    service = services.create_service(
        session,
        admin,
        code="00010",
        category_id=category.id,
        title="Оформлення паспорта громадянина України",
        term_days=10,
        term_counts="calendar",
        form_schema=SCHEMA,
    )
    clerk_user = people.staff(Role.CLERK, full_name="Оксана Клерк")
    clerk2_user = people.staff(Role.CLERK, full_name="Петро Клерк")
    applicant_user = people.resident(full_name="Іван Заявник")
    return World(
        session=session,
        people=people,
        service=service,
        admin=admin,
        clerk_user=clerk_user,
        clerk=people.actor(clerk_user),
        clerk2_user=clerk2_user,
        clerk2=people.actor(clerk2_user),
        applicant_user=applicant_user,
        applicant=people.actor(applicant_user, Channel.WEB),
        other=people.actor(people.resident(), Channel.WEB),
    )


@pytest.fixture
def world(session, people) -> World:
    return make_world(session, people)


# Who tries: the applicant, another resident, a visitor, and a member of each staff role.
ACTOR_KINDS = ["applicant", "other_resident", "anonymous", *[r.value for r in Role]]


def actor_of(world: World, kind: str) -> Actor:
    if kind == "applicant":
        return world.applicant
    if kind == "other_resident":
        return world.other
    if kind == "anonymous":
        return Actor.anonymous("127.0.0.1")
    return world.people.actor(world.people.staff(Role(kind)))


def expected_outcome(kind: str, action: str):
    """None when ``kind`` may do ``action`` on an order it can reach, else the error."""
    if kind == "anonymous":
        return NotAllowed
    if action in ("cancel", "provide_info"):
        if kind == "applicant":
            return None
        # Staff who see every order are told they may not; the rest do not learn it exists.
        return NotAllowed if kind in (Role.CLERK, Role.MANAGER) else NotFound
    return None if kind == Role.CLERK else NotAllowed


# --- the lifecycle as data ---------------------------------------------------------------


def test_every_lifecycle_move_has_exactly_one_action():
    edges = {(s, t) for s, targets in ORDER_LIFECYCLE.transitions.items() for t in targets}
    named = [(s, target) for sources, target in ORDER_ACTIONS.values() for s in sources]
    assert sorted(named) == sorted(edges)


def test_lifecycle_follows_the_design():
    t = ORDER_LIFECYCLE.transitions
    S = OrderStatus
    assert set(t[S.SUBMITTED]) == {S.ACCEPTED, S.REJECTED, S.CANCELLED}
    assert set(t[S.ACCEPTED]) == {S.IN_PROGRESS, S.REJECTED}
    assert set(t[S.IN_PROGRESS]) == {S.NEEDS_INFO, S.READY, S.REJECTED}
    assert set(t[S.NEEDS_INFO]) == {S.IN_PROGRESS}
    assert set(t[S.READY]) == {S.COMPLETED}
    assert not any(s in t for s in (S.COMPLETED, S.REJECTED, S.CANCELLED))


# --- permissions, cell by cell -----------------------------------------------------------


@pytest.mark.parametrize("kind", ACTOR_KINDS)
@pytest.mark.parametrize("action", ALL_ORDER_ACTIONS)
def test_each_action_allowed_or_refused_per_role(world, kind, action):
    source = OrderStatus.IN_PROGRESS if action == "assign" else sorted(ORDER_ACTIONS[action][0])[0]
    order = world.order_in(source)
    actor = actor_of(world, kind)
    error = expected_outcome(kind, action)
    if error is None:
        changed = perform(world, actor, order, action)
        expected_status = order.status if action == "assign" else ORDER_ACTIONS[action][1]
        assert changed.status == expected_status
    else:
        with pytest.raises(error):
            perform(world, actor, order, action)
        world.session.refresh(order)
        assert order.status == source


@pytest.mark.parametrize("kind", ACTOR_KINDS)
@pytest.mark.parametrize("status", list(OrderStatus))
def test_available_actions_are_exactly_the_ones_that_succeed(world, kind, status):
    order = world.order_in(status)
    actor = actor_of(world, kind)
    listed = services.available_actions(world.session, actor, order)
    for action in ALL_ORDER_ACTIONS:
        savepoint = world.session.begin_nested()
        try:
            perform(world, actor, order, action)
            succeeded = True
        except (NotAllowed, NotFound, InvalidTransition):
            succeeded = False
        finally:
            savepoint.rollback()
        assert succeeded == (action in listed), (status, kind, action)


def test_available_actions_for_a_fresh_order(world):
    order = world.submit()
    assert services.available_actions(world.session, world.clerk, order) == [
        "accept",
        "reject",
        "assign",
    ]
    assert services.available_actions(world.session, world.applicant, order) == ["cancel"]
    assert services.available_actions(world.session, world.other, order) == []


def test_staff_cannot_answer_for_the_applicant(world):
    order = world.order_in(OrderStatus.NEEDS_INFO)
    with pytest.raises(InvalidTransition):
        services.start(world.session, world.clerk, order.id)
    with pytest.raises(NotAllowed):
        services.provide_info(world.session, world.clerk, order.id, "Відповідаю за нього.")


def test_wrong_state_is_an_invalid_transition(world):
    order = world.order_in(OrderStatus.COMPLETED)
    for action in ("accept", "reject", "start", "assign"):
        with pytest.raises(InvalidTransition):
            perform(world, world.clerk, order, action)
    with pytest.raises(InvalidTransition):
        services.cancel(world.session, world.applicant, world.order_in("accepted").id)


def test_missing_order_is_not_found(world):
    with pytest.raises(NotFound):
        services.accept(world.session, world.clerk, 10**9)
    with pytest.raises(NotFound):
        services.get_order_for(world.session, world.clerk, 10**9)


# --- residents see only their own orders -------------------------------------------------


def test_resident_cannot_see_or_cancel_someone_elses_order(world):
    order = world.submit()
    with pytest.raises(NotFound):
        services.get_order_for(world.session, world.other, order.id)
    with pytest.raises(NotFound):
        services.cancel(world.session, world.other, order.id)
    with pytest.raises(NotFound):
        services.order_timeline(world.session, world.other, order.id)
    assert services.get_order_for(world.session, world.applicant, order.id) is order


def test_visitor_must_sign_in(world):
    order = world.submit()
    visitor = Actor.anonymous()
    with pytest.raises(NotAllowed) as caught:
        services.get_order_for(world.session, visitor, order.id)
    assert caught.value.code == "sign_in_required"
    with pytest.raises(NotAllowed):
        services.my_orders(world.session, visitor)
    with pytest.raises(NotAllowed):
        services.submit_order(world.session, visitor, world.service.id, ANSWERS)


def test_staff_who_view_orders_see_any(world, people):
    order = world.submit()
    manager = people.actor(people.staff(Role.MANAGER))
    assert services.get_order_for(world.session, manager, order.id) is order
    assert services.get_order_for(world.session, world.clerk, order.id) is order


def test_my_orders_lists_only_mine_newest_first(world):
    first = world.submit(FRIDAY)
    second = world.submit(FRIDAY + timedelta(hours=1))
    services.submit_order(world.session, world.other, world.service.id, ANSWERS, now=FRIDAY)
    assert services.my_orders(world.session, world.applicant) == [second, first]


# --- submitting ----------------------------------------------------------------------------


def test_submit_registers_numbers_stores_answers_and_attachments(world):
    order = services.submit_order(
        world.session,
        world.applicant,
        world.service.id,
        {**ANSWERS, "copies": "2", "full_name": "<i>Іван</i>"},
        [("scan", "passport.pdf", PDF), ("", "extra.txt", "довідка".encode())],
        now=FRIDAY,
    )
    assert order.registration_number.startswith("ЦНАП-2025/")
    assert order.answers == {"full_name": "<i>Іван</i>", "tax_number": TAX_NUMBER, "copies": 2}
    assert order.channel == "web"
    assert order.status == OrderStatus.SUBMITTED
    assert order.version == 1
    assert sorted(a.field for a in order.attachments) == ["", "scan"]
    assert [e.action for e in services.order_timeline(world.session, world.clerk, order.id)] == [
        "submit"
    ]
    second = world.submit()
    number = int(order.registration_number.rsplit("/", 1)[1])
    assert second.registration_number == f"ЦНАП-2025/{number + 1:06d}"


def test_submit_refuses_an_inactive_service(world):
    services.set_service_active(world.session, world.admin, world.service.id, False)
    with pytest.raises(InvalidInput) as caught:
        world.submit()
    assert set(caught.value.fields) == {"service_id"}


def test_submit_names_every_bad_field(world):
    with pytest.raises(InvalidInput) as caught:
        services.submit_order(
            world.session,
            world.applicant,
            world.service.id,
            {"full_name": "x" * 101, "tax_number": "1234567890", "copies": "many", "ghost": 1},
            [("scan", "passport.exe", b"MZ\x90\x00")],
        )
    assert set(caught.value.fields) == {"full_name", "tax_number", "copies", "ghost", "scan"}


@pytest.mark.parametrize(
    ("service_id", "answers", "attachments", "bad"),
    [
        ("abc", ANSWERS, [], {"service_id"}),
        (None, ANSWERS, [], {"service_id"}),
        (10**9, ANSWERS, [], {"service_id"}),
        ("SERVICE", {}, [], {"full_name", "tax_number"}),
        ("SERVICE", {**ANSWERS, "full_name": ""}, [], {"full_name"}),
        ("SERVICE", {**ANSWERS, "full_name": 42}, [], {"full_name"}),
        ("SERVICE", "not a dict", [], {"answers"}),
        ("SERVICE", ANSWERS, [("scan", "a.pdf", b"")], {"scan"}),
        ("SERVICE", ANSWERS, [("scan", "a.pdf", b"not a pdf")], {"scan"}),
        ("SERVICE", ANSWERS, [("full_name", "a.pdf", PDF)], {"full_name"}),
        ("SERVICE", ANSWERS, [("bad",)], {"attachments"}),
        ("SERVICE", ANSWERS, "a.pdf", {"attachments"}),
    ],
)
def test_submit_bad_input(world, service_id, answers, attachments, bad):
    service_id = world.service.id if service_id == "SERVICE" else service_id
    with pytest.raises(InvalidInput) as caught:
        services.submit_order(world.session, world.applicant, service_id, answers, attachments)
    assert set(caught.value.fields) == bad


def test_register_at_desk_for_a_walk_in_resident(world, people):
    walk_in = people.resident(full_name="Марія Відвідувачка")
    order = services.register_order_at_desk(
        world.session, world.clerk, world.service.id, walk_in.id, ANSWERS, now=FRIDAY
    )
    assert order.applicant_id == walk_in.id
    assert order.channel == "desktop"
    assert services.get_order_for(world.session, people.actor(walk_in), order.id) is order
    assert notifications_of(world.session, walk_in.id)[0].text.startswith("Заяву №")


@pytest.mark.parametrize("applicant_id", [None, "abc", 10**9])
def test_register_at_desk_needs_a_real_applicant(world, applicant_id):
    with pytest.raises(InvalidInput) as caught:
        services.register_order_at_desk(
            world.session, world.clerk, world.service.id, applicant_id, ANSWERS
        )
    assert set(caught.value.fields) == {"applicant_id"}


@pytest.mark.parametrize("kind", ACTOR_KINDS)
def test_register_at_desk_only_for_clerks(world, kind):
    actor = actor_of(world, kind)
    call = lambda: services.register_order_at_desk(  # noqa: E731
        world.session, actor, world.service.id, world.applicant_user.id, ANSWERS
    )
    if kind == Role.CLERK:
        assert call().status == OrderStatus.SUBMITTED
    else:
        with pytest.raises(NotAllowed):
            call()


# --- each step -----------------------------------------------------------------------------


def test_accept_takes_an_unassigned_order(world):
    order = world.submit()
    services.accept(world.session, world.clerk, order.id)
    assert order.assignee_id == world.clerk_user.id


def test_accept_keeps_an_existing_assignee(world):
    order = world.submit()
    services.assign(world.session, world.clerk, order.id, world.clerk2_user.id)
    services.accept(world.session, world.clerk, order.id)
    assert order.assignee_id == world.clerk2_user.id


def test_assign_only_to_a_clerk(world, people):
    order = world.submit()
    manager = people.staff(Role.MANAGER)
    for bad in (manager.id, world.applicant_user.id, 10**9, "abc", None):
        with pytest.raises(InvalidInput) as caught:
            services.assign(world.session, world.clerk, order.id, bad)
        assert set(caught.value.fields) == {"assignee_id"}
    services.assign(world.session, world.clerk, order.id, world.clerk2_user.id)
    assert order.assignee_id == world.clerk2_user.id
    texts = [n.text for n in notifications_of(world.session, world.clerk2_user.id)]
    assert texts == [f"Вам доручено заяву № {order.registration_number}."]


def test_request_info_records_question_and_tells_applicant(world):
    order = world.order_in(OrderStatus.IN_PROGRESS)
    services.request_info(world.session, world.clerk, order.id, "<b>Додайте</b> довідку")
    assert order.status == OrderStatus.NEEDS_INFO
    assert order.info_question == "<b>Додайте</b> довідку"
    assert order.info_requested_at is not None
    last = notifications_of(world.session, world.applicant_user.id)[0]
    assert "<b>Додайте</b> довідку" in last.text
    assert last.link == f"/orders/{order.id}"


@pytest.mark.parametrize(
    ("action", "value", "field"),
    [
        ("request_info", "", "question"),
        ("request_info", "   ", "question"),
        ("request_info", None, "question"),
        ("request_info", 42, "question"),
        ("request_info", "x" * 4001, "question"),
        ("provide_info", "", "answer"),
        ("provide_info", ["a"], "answer"),
        ("provide_info", "x" * 4001, "answer"),
        ("reject", "", "reason"),
        ("reject", None, "reason"),
        ("reject", "x" * 4001, "reason"),
    ],
)
def test_text_steps_name_bad_input(world, action, value, field):
    source = {"request_info": "in_progress", "provide_info": "needs_info", "reject": "submitted"}
    order = world.order_in(source[action])
    actor = world.applicant if action == "provide_info" else world.clerk
    with pytest.raises(InvalidInput) as caught:
        getattr(services, action)(world.session, actor, order.id, value)
    assert set(caught.value.fields) == {field}
    assert order.status == source[action]


def test_reject_keeps_reason_closes_and_tells_applicant(world):
    order = world.submit()
    services.reject(world.session, world.clerk, order.id, "Неповний пакет.", now=FRIDAY)
    assert order.status == OrderStatus.REJECTED
    assert order.rejection_reason == "Неповний пакет."
    assert order.closed_at == FRIDAY
    assert "Причина: Неповний пакет." in notifications_of(world.session, order.applicant_id)[0].text


def test_mark_ready_stores_the_result_file(world):
    order = world.order_in(OrderStatus.IN_PROGRESS)
    services.mark_ready(
        world.session, world.clerk, order.id, "рішення.pdf", PDF, note="Заберіть у вікні 3."
    )
    stored = world.session.get(StoredFile, order.result_file_id)
    assert stored.content == PDF
    assert stored.media_type == "application/pdf"
    assert stored.name == "рішення.pdf"
    assert order.result_note == "Заберіть у вікні 3."
    assert "готовий" in notifications_of(world.session, order.applicant_id)[0].text


@pytest.mark.parametrize(
    ("name", "data", "note", "bad"),
    [
        ("result.pdf", b"", None, {"result_file"}),
        ("result.pdf", None, None, {"result_file"}),
        ("result.exe", b"MZ\x90\x00", None, {"result_file"}),
        ("result.pdf", b"plain text", None, {"result_file"}),
        (None, PDF, None, {"result_file"}),
        ("result.pdf", PDF, "x" * 4001, {"note"}),
        ("result.pdf", PDF, 5, {"note"}),
        ("result.pdf", b"", 5, {"result_file", "note"}),
    ],
)
def test_mark_ready_bad_input(world, name, data, note, bad):
    order = world.order_in(OrderStatus.IN_PROGRESS)
    with pytest.raises(InvalidInput) as caught:
        services.mark_ready(world.session, world.clerk, order.id, name, data, note=note)
    assert set(caught.value.fields) == bad
    assert order.status == OrderStatus.IN_PROGRESS


def test_complete_closes_the_order(world):
    order = world.order_in(OrderStatus.READY)
    later = FRIDAY + timedelta(days=3)
    services.complete(world.session, world.clerk, order.id, now=later)
    assert order.status == OrderStatus.COMPLETED
    assert order.closed_at == later
    assert order.is_closed


def test_applicant_cancels_while_submitted_and_the_assignee_is_told(world):
    order = world.submit()
    services.assign(world.session, world.clerk, order.id, world.clerk2_user.id)
    services.cancel(world.session, world.applicant, order.id)
    assert order.status == OrderStatus.CANCELLED
    assert "скасував" in notifications_of(world.session, world.clerk2_user.id)[0].text


def test_timeline_tells_the_story(world):
    order = world.order_in(OrderStatus.COMPLETED)
    events = services.order_timeline(world.session, world.applicant, order.id)
    assert [(e.action, e.status) for e in events] == [
        ("submit", "submitted"),
        ("accept", "accepted"),
        ("start", "in_progress"),
        ("mark_ready", "ready"),
        ("complete", "completed"),
    ]
    assert events[1].actor_id == world.clerk_user.id


# --- the log and notifications, in the same transaction ----------------------------------


def test_every_step_writes_the_log_and_a_notification(world):
    order = world.order_in(OrderStatus.NEEDS_INFO)
    perform(world, world.applicant, order, "provide_info")
    entries = world.session.scalars(
        select(ActivityEntry)
        .where(ActivityEntry.entity == "order", ActivityEntry.entity_id == order.id)
        .order_by(ActivityEntry.id)
    ).all()
    assert [e.action for e in entries] == [
        "order.submit",
        "order.accept",
        "order.start",
        "order.request_info",
        "order.provide_info",
    ]
    assert entries[1].changes["status"] == ["submitted", "accepted"]
    assert entries[1].changes["assignee_id"] == [None, world.clerk_user.id]
    assert entries[1].actor_id == world.clerk_user.id
    assert entries[4].channel == "web"
    assert "answers" not in entries[0].changes  # personal data stays out of the log
    texts = [n.text for n in notifications_of(world.session, world.applicant_user.id)]
    assert len(texts) == 4  # submitted, accepted, started, question
    assert any(
        "Заявник відповів" in n.text for n in notifications_of(world.session, world.clerk_user.id)
    )


def test_catalog_changes_are_logged(world):
    entries = world.session.scalars(
        select(ActivityEntry.action).where(ActivityEntry.entity.in_(["service", "category"]))
    ).all()
    assert {"category.create", "service.create"} <= set(entries)


def test_log_and_notifications_roll_back_with_the_change(committed_engine):
    factory = session_factory(committed_engine)
    with factory() as session:
        world = make_world(session, _People(session))
        session.commit()
        order = world.submit()
        order_id, applicant_id = order.id, world.applicant_user.id
        assert notifications_of(session, applicant_id)
        session.rollback()
    with factory() as session:
        assert session.get(Order, order_id) is None
        assert notifications_of(session, applicant_id) == []
        assert (
            session.scalars(select(ActivityEntry).where(ActivityEntry.entity == "order")).all()
            == []
        )


# --- stale versions --------------------------------------------------------------------------


def test_stale_expected_version_names_who_changed_it(world):
    order = world.submit()
    seen = order.version
    services.accept(world.session, world.clerk, order.id, expected_version=seen)
    with pytest.raises(Conflict) as caught:
        services.reject(world.session, world.clerk2, order.id, "Відмова.", expected_version=seen)
    assert caught.value.changed_by == "Оксана Клерк"
    assert order.status == OrderStatus.ACCEPTED
    services.start(world.session, world.clerk2, order.id, expected_version=order.version)
    assert order.status == OrderStatus.IN_PROGRESS


def test_applicant_with_a_stale_page_gets_a_conflict(world):
    order = world.submit()
    seen = order.version
    services.accept(world.session, world.clerk, order.id)
    with pytest.raises(Conflict) as caught:
        services.cancel(world.session, world.applicant, order.id, expected_version=seen)
    assert caught.value.changed_by == "Оксана Клерк"


def test_concurrent_change_is_a_conflict(committed_engine):
    """Two clerks load the same order in their own sessions; the second to write loses."""
    factory = session_factory(committed_engine)
    with factory() as setup:
        world = make_world(setup, _People(setup))
        order_id = world.submit().id
        setup.commit()
    first, second = factory(), factory()
    try:
        # Each window holds the order it loaded (short read transactions: SQLite has one
        # writer at a time, so the interleaving is load, load, write, write).
        seen_first = services.get_order_for(first, world.clerk, order_id)
        first.commit()
        seen_second = services.get_order_for(second, world.clerk2, order_id)
        second.commit()
        assert seen_first.version == seen_second.version == 1
        services.accept(first, world.clerk, order_id)
        first.commit()
        # No expected_version given: the version column itself catches the stale write.
        with pytest.raises(Conflict):
            services.reject(second, world.clerk2, order_id, "Відмова.")
        second.rollback()
    finally:
        first.close()
        second.close()
    with factory() as check:
        order = check.get(Order, order_id)
        assert order.status == OrderStatus.ACCEPTED
        assert order.version == 2


# --- deadlines ---------------------------------------------------------------------------------


def _service(world: World, term_days: int | None, counts: str = "calendar"):
    return services.create_service(
        world.session,
        world.admin,
        code=f"T{term_days}{counts[0]}",
        category_id=world.service.category_id,
        title=f"Термін {term_days} {counts}",
        term_days=term_days,
        term_counts=counts,
        form_schema=SCHEMA,
    )


def test_calendar_term_from_friday(world):
    order = world.submit(FRIDAY)  # + 10 calendar days = Monday 20 January
    assert order.due_at == end_of_day(date(2025, 1, 20))


def test_calendar_term_across_month_end_ending_on_a_weekend_moves_to_monday(world):
    service = _service(world, 10)
    friday = datetime(2025, 2, 21, 9, 0, tzinfo=UTC)
    # 21 Feb + 10 days = 3 March (February has 28 days), a Monday.
    assert world.submit(friday, service).due_at == end_of_day(date(2025, 3, 3))
    wednesday = datetime(2025, 1, 22, 9, 0, tzinfo=UTC)
    # 22 Jan + 10 days = Saturday 1 February: the term ends on the next working day.
    assert world.submit(wednesday, service).due_at == end_of_day(date(2025, 2, 3))


def test_working_day_term_skips_the_weekend(world):
    service = _service(world, 5, "working")
    # Friday + 5 working days: Mon 13 .. Fri 17 January.
    assert world.submit(FRIDAY, service).due_at == end_of_day(date(2025, 1, 17))


def test_default_term_is_thirty_calendar_days(world):
    service = _service(world, None)
    # 10 January + 30 days = Sunday 9 February, moved to Monday 10 February.
    assert world.submit(FRIDAY, service).due_at == end_of_day(date(2025, 2, 10))


def test_late_evening_in_kyiv_counts_as_that_day(world):
    # 23:30 on Friday in Kyiv is still Friday there, though Saturday is near in UTC terms.
    late = datetime(2025, 1, 10, 21, 30, tzinfo=UTC)
    assert world.submit(late).due_at == end_of_day(date(2025, 1, 20))


def _wait_for_answer(world: World, order: Order, asked: datetime, answered: datetime) -> None:
    services.accept(world.session, world.clerk, order.id, now=asked)
    services.start(world.session, world.clerk, order.id, now=asked)
    services.request_info(world.session, world.clerk, order.id, "Довідка?", now=asked)
    services.provide_info(world.session, world.applicant, order.id, "Ось.", now=answered)


def test_clock_stop_moves_a_calendar_due_date(world):
    order = world.submit(FRIDAY)
    asked = datetime(2025, 1, 13, 9, 0, tzinfo=UTC)  # Monday
    answered = datetime(2025, 1, 16, 9, 0, tzinfo=UTC)  # Thursday: 3 days later
    _wait_for_answer(world, order, asked, answered)
    assert order.status == OrderStatus.IN_PROGRESS
    assert order.info_answer == "Ось."
    assert order.due_at == end_of_day(date(2025, 1, 23))


def test_clock_stop_moves_a_working_day_due_date(world):
    service = _service(world, 5, "working")
    order = world.submit(FRIDAY, service)  # due Friday 17 January
    asked = datetime(2025, 1, 17, 9, 0, tzinfo=UTC)  # Friday
    answered = datetime(2025, 1, 21, 9, 0, tzinfo=UTC)  # Tuesday: Mon and Tue passed
    _wait_for_answer(world, order, asked, answered)
    # Two working days after Friday 17: Monday 20, Tuesday 21.
    assert order.due_at == end_of_day(date(2025, 1, 21))


def test_same_day_answer_does_not_move_the_due_date(world):
    order = world.submit(FRIDAY)
    due = order.due_at
    _wait_for_answer(world, order, FRIDAY, FRIDAY + timedelta(hours=2))
    assert order.due_at == due


def test_overdue_and_due_soon_are_computed(world, people):
    on_time = world.submit(FRIDAY)  # due 20 January
    waiting = world.order_in(OrderStatus.NEEDS_INFO, FRIDAY)
    done = world.order_in(OrderStatus.COMPLETED, FRIDAY)
    later = world.submit(FRIDAY + timedelta(days=7))  # due 27 January
    manager = people.actor(people.staff(Role.MANAGER))

    def ids(orders):
        return {o.id for o in orders} & {on_time.id, waiting.id, done.id, later.id}

    jan_18 = datetime(2025, 1, 18, 9, 0, tzinfo=UTC)
    assert ids(services.overdue_orders(world.session, manager, now=jan_18)) == set()
    assert ids(services.due_soon_orders(world.session, manager, now=jan_18)) == {on_time.id}
    jan_21 = datetime(2025, 1, 21, 9, 0, tzinfo=UTC)
    # Closed orders are never overdue; one waiting for the applicant has its clock stopped.
    assert ids(services.overdue_orders(world.session, manager, now=jan_21)) == {on_time.id}
    assert services.is_overdue(on_time, now=jan_21)
    assert not services.is_overdue(done, now=jan_21)
    assert ids(services.due_soon_orders(world.session, manager, now=jan_21)) == set()
    with pytest.raises(NotAllowed):
        services.overdue_orders(world.session, world.applicant, now=jan_21)


# --- the catalog -------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ACTOR_KINDS)
def test_only_admins_manage_the_catalog(world, kind):
    actor = actor_of(world, kind)
    calls = [
        lambda: services.create_category(world.session, actor, code="x", title="Х"),
        lambda: services.create_service(
            world.session, actor, code="x", category_id=world.service.category_id, title="Х"
        ),
        lambda: services.update_service(world.session, actor, world.service.id, {"title": "Х"}),
        lambda: services.set_service_active(world.session, actor, world.service.id, False),
    ]
    for call in calls:
        if kind == Role.ADMIN:
            call()
        else:
            with pytest.raises(NotAllowed):
                call()


def test_public_catalog_search(world):
    admin = world.admin
    category = services.create_category(world.session, admin, code="land", title="Земля")
    land = services.create_service(
        world.session,
        admin,
        code="L1",
        category_id=category.id,
        title="Виділення земельної ділянки",
    )
    closed = services.create_service(
        world.session, admin, code="L2", category_id=category.id, title="Земельна довідка (архів)"
    )
    services.set_service_active(world.session, admin, closed.id, False)
    visitor = Actor.anonymous()
    assert services.list_active_services(world.session, visitor, category_id=category.id) == [land]
    # Case folds for Cyrillic on both databases.
    for query in ("паспорт", "оФОРМЛЕННЯ ПАСПОРТА"):
        assert world.service in services.list_active_services(world.session, visitor, query=query)
    assert services.list_active_services(world.session, visitor, query="ЗЕМЕЛЬН") == [land]
    assert services.list_active_services(world.session, visitor, query="%") == []
    staff = services.search_services(world.session, world.clerk, category_id=category.id)
    assert staff == [land, closed]
    with pytest.raises(NotAllowed):
        services.search_services(world.session, visitor)
    with pytest.raises(InvalidInput) as caught:
        services.list_active_services(world.session, visitor, query="x" * 101, category_id="a")
    assert set(caught.value.fields) == {"query", "category_id"}


def test_create_service_names_every_bad_field(world):
    with pytest.raises(InvalidInput) as caught:
        services.create_service(
            world.session,
            world.admin,
            code="bad code",
            category_id=10**9,
            title="",
            term_days=0,
            term_counts="weekly",
            fee="-1",
            department="x" * 201,
            required_documents=["Паспорт", ""],
            form_schema=[{"name": "a", "type": "text"}],
            active="yes",
        )
    assert set(caught.value.fields) == {
        "code",
        "category_id",
        "title",
        "term_days",
        "term_counts",
        "fee",
        "department",
        "required_documents",
        "form_schema",
        "active",
    }


def test_create_category_bad_input_and_duplicate(world):
    with pytest.raises(InvalidInput) as caught:
        services.create_category(world.session, world.admin, code="", title="x" * 201, position=-1)
    assert set(caught.value.fields) == {"code", "title", "position"}
    with pytest.raises(Conflict):
        services.create_category(world.session, world.admin, code="passports", title="Двійник")


def test_update_service_changes_fields_and_schema(world):
    service = world.service
    services.update_service(
        world.session,
        world.admin,
        service.id,
        {
            "title": "Паспорт (ID-картка)",
            "fee": "345,50",
            "term_days": 20,
            "form_schema": [{"name": "reason", "label": "Причина", "type": "textarea"}],
        },
        expected_version=service.version,
    )
    assert service.title == "Паспорт (ID-картка)"
    assert service.fee == Decimal("345.50")
    assert service.form_schema == [
        {"name": "reason", "label": "Причина", "type": "textarea", "required": False}
    ]
    entry = world.session.scalars(
        select(ActivityEntry).where(ActivityEntry.action == "service.update")
    ).one()
    assert entry.changes["term_days"] == [10, 20]


def test_update_service_bad_input(world):
    with pytest.raises(InvalidInput) as caught:
        services.update_service(
            world.session,
            world.admin,
            world.service.id,
            {"colour": "red", "title": "x" * 301, "form_schema": "text", "fee": 1.5},
        )
    assert set(caught.value.fields) == {"colour", "title", "form_schema", "fee"}
    with pytest.raises(InvalidInput) as caught:
        services.set_service_active(world.session, world.admin, world.service.id, "no")
    assert set(caught.value.fields) == {"active"}


def test_update_service_with_a_stale_version_names_who_changed_it(world, people):
    other_admin = people.actor(people.staff(Role.ADMIN, full_name="Друга Адміністраторка"))
    seen = world.service.version
    services.update_service(world.session, other_admin, world.service.id, {"fee": 10})
    with pytest.raises(Conflict) as caught:
        services.update_service(
            world.session, world.admin, world.service.id, {"fee": 20}, expected_version=seen
        )
    assert caught.value.changed_by == "Друга Адміністраторка"


# --- the desktop's detail panel and files ------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


def _detailed_order(world: World) -> Order:
    """An order with answers, two attachments, a request for information and a result."""
    world.applicant_user.tax_number = TAX_NUMBER
    world.applicant_user.phone = "+380671234567"
    order = services.submit_order(
        world.session,
        world.applicant,
        world.service.id,
        {"copies": "2", **ANSWERS},
        [("scan", "passport.png", PNG), ("", "extra.txt", "довідка".encode())],
        now=FRIDAY,
    )
    for action in ("accept", "start", "request_info", "provide_info", "mark_ready"):
        actor = world.applicant if action == "provide_info" else world.clerk
        perform(world, actor, order, action)
    return order


def test_order_detail_for_a_clerk_shows_everything(world):
    order = _detailed_order(world)
    detail = services.order_detail(world.session, world.clerk, order.id, now=FRIDAY)
    assert detail["id"] == order.id
    assert detail["registration_number"] == order.registration_number
    assert detail["service"] == "Оформлення паспорта громадянина України"
    assert detail["form_schema"] == world.service.form_schema
    # Answers in the order of the form, with its labels; the file field is answered by a file.
    assert [(a["name"], a["label"], a["value"]) for a in detail["answers"]] == [
        ("full_name", "ПІБ", "Іваненко Іван"),
        ("tax_number", "РНОКПП", TAX_NUMBER),
        ("copies", "Примірників", 2),
    ]
    assert detail["applicant"] == "Іван Заявник"
    assert detail["applicant_id"] == world.applicant_user.id
    assert detail["applicant_phone"] == "+380671234567"
    assert detail["applicant_email"] == world.applicant_user.email
    assert detail["applicant_tax_number"] == TAX_NUMBER
    assert detail["assignee"] == "Оксана Клерк"
    attachments = sorted(detail["attachments"], key=lambda a: a["field"])
    assert [(a["name"], a["field"], a["field_label"]) for a in attachments] == [
        ("extra.txt", "", None),
        ("passport.png", "scan", "Скан паспорта"),
    ]
    assert attachments[1]["media_type"] == "image/png"
    assert attachments[1]["size"] == len(PNG)
    assert detail["result_file"]["id"] == order.result_file_id
    assert detail["result_file"]["name"] == "result.pdf"
    assert [(e["action"], e["status"], e["actor"]) for e in detail["timeline"]] == [
        ("submit", "submitted", "Іван Заявник"),
        ("accept", "accepted", "Оксана Клерк"),
        ("start", "in_progress", "Оксана Клерк"),
        ("request_info", "needs_info", "Оксана Клерк"),
        ("provide_info", "in_progress", "Іван Заявник"),
        ("mark_ready", "ready", "Оксана Клерк"),
    ]
    assert detail["timeline"][3]["comment"] == "Додайте довідку."
    assert detail["timeline"][0]["at"] == FRIDAY
    assert detail["info_answer"] == "Довідку додано."
    assert detail["available_actions"] == ["complete", "assign"]
    assert detail["status"] == "ready"
    assert detail["version"] == order.version


def test_order_detail_hides_personal_data_from_a_manager(world, people):
    order = _detailed_order(world)
    manager = people.actor(people.staff(Role.MANAGER))
    detail = services.order_detail(world.session, manager, order.id, now=FRIDAY)
    assert detail["applicant"] == "Іван Заявник"
    assert detail["applicant_phone"] is None
    assert detail["applicant_email"] is None
    assert detail["applicant_tax_number"] is None
    answers = {a["name"]: a["value"] for a in detail["answers"]}
    assert answers == {"full_name": "Іваненко Іван", "tax_number": "••••••••••", "copies": 2}
    assert TAX_NUMBER not in repr(detail)
    assert detail["available_actions"] == []


def test_order_detail_masks_phone_answers_too(world, people):
    schema = [{"name": "contact", "label": "Телефон для зв'язку", "type": "phone"}]
    services.update_service(world.session, world.admin, world.service.id, {"form_schema": schema})
    order = services.submit_order(
        world.session, world.applicant, world.service.id, {"contact": "067 123 45 67"}
    )
    manager = people.actor(people.staff(Role.MANAGER))
    (shown,) = services.order_detail(world.session, manager, order.id)["answers"]
    assert shown["value"] == "••••••••••"
    (shown,) = services.order_detail(world.session, world.clerk, order.id)["answers"]
    assert shown["value"] == "+380671234567"


def test_order_detail_masks_answers_to_fields_no_longer_in_the_form(world, people):
    order = world.submit()
    order.answers = {**order.answers, "old_field": "0987654321"}
    world.session.flush()
    manager = people.actor(people.staff(Role.MANAGER))
    shown = services.order_detail(world.session, manager, order.id)["answers"]
    assert shown[-1] == {
        "name": "old_field",
        "label": "old_field",
        "type": None,
        "value": "••••••••••",
    }
    shown = services.order_detail(world.session, world.clerk, order.id)["answers"]
    assert shown[-1]["value"] == "0987654321"


def test_order_detail_overdue_and_due_soon(world):
    order = world.submit(FRIDAY)  # due 20 January
    jan_18 = datetime(2025, 1, 18, 9, 0, tzinfo=UTC)
    jan_21 = datetime(2025, 1, 21, 9, 0, tzinfo=UTC)
    detail = services.order_detail(world.session, world.clerk, order.id, now=jan_18)
    assert (detail["is_overdue"], detail["is_due_soon"]) == (False, True)
    detail = services.order_detail(world.session, world.clerk, order.id, now=jan_21)
    assert (detail["is_overdue"], detail["is_due_soon"]) == (True, False)
    detail = services.order_detail(world.session, world.clerk, order.id, now=FRIDAY)
    assert (detail["is_overdue"], detail["is_due_soon"]) == (False, False)


def test_order_detail_only_for_those_who_may_see_the_order(world, people):
    order = world.submit()
    mine = services.order_detail(world.session, world.applicant, order.id)
    assert mine["available_actions"] == ["cancel"]
    with pytest.raises(NotFound):
        services.order_detail(world.session, world.other, order.id)
    with pytest.raises(NotFound):
        services.order_detail(world.session, people.actor(people.staff(Role.MODERATOR)), order.id)
    with pytest.raises(NotFound):
        services.order_detail(world.session, world.clerk, 10**9)
    with pytest.raises(NotAllowed):
        services.order_detail(world.session, Actor.anonymous("127.0.0.1"), order.id)


def test_order_file_for_the_applicant_and_staff(world, people):
    order = _detailed_order(world)
    scan = next(a for a in order.attachments if a.field == "scan")
    manager = people.actor(people.staff(Role.MANAGER))
    for actor in (world.applicant, world.clerk, manager):
        stored = services.order_file_for(world.session, actor, order.id, scan.file_id)
        assert stored.content == PNG
        result = services.order_file_for(world.session, actor, order.id, order.result_file_id)
        assert result.content == PDF


@pytest.mark.parametrize("kind", ["other_resident", Role.MODERATOR.value, Role.ADMIN.value])
def test_order_file_for_others_is_not_found(world, kind):
    order = _detailed_order(world)
    scan = next(a for a in order.attachments if a.field == "scan")
    with pytest.raises(NotFound):
        services.order_file_for(world.session, actor_of(world, kind), order.id, scan.file_id)


def test_order_file_for_a_visitor_asks_to_sign_in(world):
    order = _detailed_order(world)
    with pytest.raises(NotAllowed):
        services.order_file_for(
            world.session, Actor.anonymous("127.0.0.1"), order.id, order.result_file_id
        )


def test_order_file_must_belong_to_that_order(world):
    first = _detailed_order(world)
    second = services.submit_order(
        world.session,
        world.applicant,
        world.service.id,
        ANSWERS,
        [("scan", "other.txt", "інший скан".encode())],
    )
    other_scan = second.attachments[0].file_id
    # The applicant's own file, and the clerk sees every order, but not through the wrong one.
    for actor in (world.applicant, world.clerk):
        with pytest.raises(NotFound):
            services.order_file_for(world.session, actor, first.id, other_scan)
        with pytest.raises(NotFound):
            services.order_file_for(world.session, actor, second.id, first.result_file_id)
        for bad in (10**9, "1", None, True):
            with pytest.raises(NotFound):
                services.order_file_for(world.session, actor, first.id, bad)
    assert services.order_file_for(world.session, world.clerk, second.id, other_scan).id == (
        other_scan
    )


# --- helpers ---------------------------------------------------------------------------------


def notifications_of(session, user_id: int) -> list[Notification]:
    return list(
        session.scalars(
            select(Notification)
            .where(Notification.user_id == user_id)
            .order_by(Notification.id.desc())
        )
    )


class _People:
    """The conftest factory, for sessions of a committed engine."""

    def __init__(self, session):
        self.session = session
        self.n = 0

    def resident(self, **fields) -> User:
        self.n += 1
        user = User(
            email=f"c{self.n}@example.com", full_name=fields.get("full_name", f"Особа {self.n}")
        )
        self.session.add(user)
        self.session.flush()
        return user

    def staff(self, *roles, full_name: str = "Працівник") -> User:
        user = self.resident(full_name=full_name)
        user.roles = [StaffRole(role=Role(r).value) for r in roles]
        self.session.flush()
        return user

    @staticmethod
    def actor(user: User, channel=Channel.DESKTOP) -> Actor:
        return Actor.for_user(user, channel)


def test_the_catalog_version_moves_with_every_change_of_the_catalog(world):
    session, admin = world.session, world.admin
    seen = [services.catalog_version(session)]

    def changed() -> bool:
        session.flush()
        now = services.catalog_version(session)
        moved = now not in seen
        seen.append(now)
        return moved

    services.update_service(session, admin, world.service.id, {"fee": "12.50"})
    assert changed()
    services.set_service_active(session, admin, world.service.id, False)
    assert changed()
    services.create_category(session, admin, code="land", title="Земля")
    assert changed()
    world.people.resident()
    assert not changed()  # a new resident changes nothing in the catalog
