"""The desktop's appeals list: keyset windows in every order, filters, search, masking, counts."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from backoffice.core import reception
from backoffice.core.actor import Actor
from backoffice.core.calendar import KYIV, end_of_day
from backoffice.core.errors import InvalidInput, NotAllowed
from backoffice.core.listing import ListRequest
from backoffice.models import Appeal, Role

BASE = datetime(2025, 3, 3, 7, 0, tzinfo=UTC)
ROWS = 250
ROW_KEYS = {
    "id",
    "registration_number",
    "kind",
    "subject",
    "category",
    "status",
    "applicant",
    "assignee",
    "received_at",
    "due_at",
    "urgent",
    "version",
    "overdue",
    "due_soon",
}


def kyiv(y: int, m: int, d: int, h: int = 12, minute: int = 0) -> datetime:
    return datetime(y, m, d, h, minute, tzinfo=KYIV).astimezone(UTC)


def page_all(session, actor: Actor, request: ListRequest, now: datetime) -> list[dict]:
    """Every row, window by window, as the desktop's table fetches them."""
    rows: list[dict] = []
    while True:
        window = reception.appeal_rows(session, actor, request, now=now)
        assert len(window) <= request.limit
        rows.extend(window)
        if len(window) < request.limit:
            return rows
        request = request.next(window[-1])


def ids(rows: list[dict]) -> list[int]:
    return [row["id"] for row in rows]


# ---------------------------------------------------------------------------------------------
# Paging: 250 rows with ties and NULLs, every sort, both directions
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def many(session, people) -> list[Appeal]:
    """250 items: a third not registered (no number, no control date), many equal keys."""
    resident = people.resident(full_name="Оксана Багатоскаржна")
    statuses = ["registered", "assigned", "extended", "answered"]
    appeals = []
    for i in range(ROWS):
        registered = i % 3 != 0
        appeals.append(
            Appeal(
                kind="appeal",
                subject=f"Звернення {i}",
                text="Текст",
                category="",
                applicant_id=resident.id,
                status=statuses[i % 4] if registered else "received",
                channel="web",
                received_at=BASE + timedelta(hours=i % 37),
                registered_at=BASE + timedelta(hours=i % 37) if registered else None,
                # 7919 is prime to 1000: numbers unique, in an order unlike the ids'.
                registration_number=f"ЗГ-2025/{(i * 7919) % 1000:06d}" if registered else None,
                due_at=end_of_day(date(2025, 4, 1) + timedelta(days=i % 11))
                if registered
                else None,
            )
        )
    session.add_all(appeals)
    session.flush()
    return appeals


def expected_order(appeals: list[Appeal], sort: str, descending: bool) -> list[int]:
    def key(appeal: Appeal):
        value = getattr(appeal, sort)
        if value is None:  # as the list sorts them: no date last, no number first
            value = reception.NO_DUE_AT if sort == "due_at" else ""
        return (value, appeal.id)

    return [a.id for a in sorted(appeals, key=key, reverse=descending)]


@pytest.mark.parametrize("limit", [100, 30])
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", sorted(reception.LIST_SORTS))
def test_paging_gives_every_row_once_in_order(session, people, many, sort, descending, limit):
    manager = people.actor(people.staff(Role.MANAGER))
    request = ListRequest(sort=sort, descending=descending, limit=limit)
    rows = page_all(session, manager, request, BASE)
    assert ids(rows) == expected_order(many, sort, descending)
    assert len(set(ids(rows))) == ROWS
    assert reception.appeal_count(session, manager, request, now=BASE) == ROWS


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", ["due_at", "registration_number"])
def test_a_window_may_start_after_a_row_without_a_value(session, people, many, sort, descending):
    officer = people.actor(people.staff(Role.RECEPTION))
    unregistered = sorted(a.id for a in many if a.registration_number is None)
    # A window boundary inside the unregistered rows: the last row shown has None there.
    request = ListRequest(sort=sort, descending=descending, limit=10)
    order = expected_order(many, sort, descending)
    start = order.index(unregistered[-1] if descending else unregistered[0])
    previous = reception.appeal_rows(
        session, officer, ListRequest(sort=sort, descending=descending, limit=start + 5), now=BASE
    )
    last = previous[-1]
    assert last[sort] is None
    window = reception.appeal_rows(session, officer, request.next(last), now=BASE)
    assert ids(window) == order[start + 5 : start + 15]


def test_rows_show_missing_values_as_none(session, people, many):
    officer = people.actor(people.staff(Role.RECEPTION))
    rows = reception.appeal_rows(session, officer, ListRequest(limit=3), now=BASE)
    assert set(rows[0]) == ROW_KEYS
    first, second = rows[0], rows[1]
    assert (first["registration_number"], first["due_at"], first["status"]) == (
        None,
        None,
        "received",
    )
    assert second["registration_number"] == "ЗГ-2025/000919"
    assert second["due_at"] == end_of_day(date(2025, 4, 2))
    assert second["applicant"] == "Оксана Багатоскаржна"
    assert second["received_at"] == BASE + timedelta(hours=1)
    assert first["overdue"] is False


def test_bad_sort_and_bad_window_are_named(session, people, many):
    officer = people.actor(people.staff(Role.RECEPTION))
    with pytest.raises(InvalidInput) as caught:
        reception.appeal_rows(session, officer, ListRequest(sort="subject"), now=BASE)
    assert set(caught.value.fields) == {"sort"}
    with pytest.raises(InvalidInput) as caught:
        reception.appeal_rows(session, officer, ListRequest(after=(1, 2, 3)), now=BASE)
    assert set(caught.value.fields) == {"after"}


# ---------------------------------------------------------------------------------------------
# A small office for filters and search
# ---------------------------------------------------------------------------------------------

# Saturday 5 April 2025, noon in Kyiv.
NOW = kyiv(2025, 4, 5, 12)


class Office:
    """Items made through the real workflow, named by what the filters should find."""

    def __init__(self, session, people) -> None:
        s = self.session = session
        self.people = people
        self.officer_user = people.staff(Role.RECEPTION, full_name="Олена Прийомна")
        self.colleague_user = people.staff(Role.RECEPTION, full_name="Петро Колега")
        self.officer = people.actor(self.officer_user)
        self.colleague = people.actor(self.colleague_user)
        self.manager = people.actor(people.staff(Role.MANAGER))
        self.resident = people.resident(full_name="Марія Коваленко")
        me = people.actor(self.resident, "web")
        o = self.officer

        def submit(kind: str, at: datetime, subject: str, **kw) -> Appeal:
            return reception.submit(s, me, kind=kind, subject=subject, text="Текст", now=at, **kw)

        # Due 3 April: overdue on the 5th.
        self.road = submit("appeal", kyiv(2025, 3, 3), "Ремонт дороги на вулиці Руській")
        self.road.category = "Дороги"
        reception.register(s, o, self.road.id, now=kyiv(2025, 3, 3))
        reception.assign(s, o, self.road.id, self.officer_user.id, now=kyiv(2025, 3, 3))
        # Urgent, 48 hours: overdue since 7 March.
        self.school = submit(
            "info_request",
            kyiv(2025, 3, 5),
            "Кошторис ШКОЛИ №5",
            category="Освіта",
            urgent=True,
            urgent_reason="Засідання батьківського комітету",
        )
        reception.register(s, o, self.school.id, now=kyiv(2025, 3, 5))
        reception.assign(s, o, self.school.id, self.colleague_user.id, now=kyiv(2025, 3, 5))
        # Not registered yet.
        self.park = submit("message", kyiv(2025, 3, 10), "Освітлення парку")
        # Hidden identity, due Monday 7 April: due soon on the 5th.
        self.noise = submit("appeal", kyiv(2025, 3, 7), "Скарга на шум", hide_identity=True)
        reception.register(s, o, self.noise.id, now=kyiv(2025, 3, 7))
        # A paper letter received 00:30 on 4 March in Kyiv (still 3 March in UTC), answered.
        self.letter = reception.submit(
            s,
            o,
            kind="appeal",
            subject="Лист про тротуар",
            text="Текст листа",
            applicant_name="Степан Бандурко",
            applicant_contact="Тернопіль, вул. Шевченка, 5",
            now=kyiv(2025, 3, 4, 0, 30),
        )
        reception.register(s, o, self.letter.id, now=kyiv(2025, 3, 4, 9))
        reception.assign(s, o, self.letter.id, self.officer_user.id, now=kyiv(2025, 3, 4, 9))
        reception.answer(s, o, self.letter.id, "Відповідь", now=kyiv(2025, 3, 20))
        # Closed without an answer: its date passed but it is not overdue.
        self.repeated = submit("appeal", kyiv(2025, 3, 3, 15), "Повторне про дорогу")
        reception.register(s, o, self.repeated.id, now=kyiv(2025, 3, 3, 15))
        reception.mark_not_considered(s, o, self.repeated.id, "Повторне", now=kyiv(2025, 3, 4))
        s.flush()
        self.all = [self.road, self.school, self.park, self.noise, self.letter, self.repeated]

    def found(self, actor: Actor | None = None, **request) -> set[int]:
        actor = actor or self.officer
        rows = page_all(self.session, actor, ListRequest(limit=2, **request), NOW)
        count = reception.appeal_count(self.session, actor, ListRequest(**request), now=NOW)
        assert count == len(rows)
        assert len(set(ids(rows))) == len(rows)
        return set(ids(rows))


@pytest.fixture
def office(session, people) -> Office:
    return Office(session, people)


def ids_of(*appeals: Appeal) -> set[int]:
    return {a.id for a in appeals}


def test_no_filters_list_everything(office):
    assert office.found() == ids_of(*office.all)
    assert office.found(filters={}) == ids_of(*office.all)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"kind": "info_request"}, ["school"]),
        ({"kind": ["message", "info_request"]}, ["park", "school"]),
        ({"status": "received"}, ["park"]),
        ({"status": ["answered", "not_considered"]}, ["letter", "repeated"]),
        ({"status": []}, ["road", "school", "park", "noise", "letter", "repeated"]),
        ({"category": "Дороги"}, ["road"]),
        ({"category": "Освіта"}, ["school"]),
        ({"assignee_id": "none"}, ["park", "noise", "repeated"]),
        ({"overdue": True}, ["road", "school"]),
        ({"overdue": "true"}, ["road", "school"]),
        ({"due_soon": True}, ["noise"]),
        ({"urgent": True}, ["school"]),
        ({"received_from": "2025-03-04"}, ["school", "park", "noise", "letter"]),
        ({"received_to": date(2025, 3, 3)}, ["road", "repeated"]),
        ({"received_from": "2025-03-04", "received_to": "2025-03-05"}, ["school", "letter"]),
        ({"kind": "appeal", "overdue": True}, ["road"]),
        ({"kind": "appeal", "status": "registered", "due_soon": True}, ["noise"]),
    ],
)
def test_each_filter(office, filters, expected):
    assert office.found(filters=filters) == ids_of(*(getattr(office, name) for name in expected))


@pytest.mark.parametrize("flag", ["overdue", "due_soon", "urgent"])
def test_an_unticked_flag_filters_nothing(office, flag):
    assert office.found(filters={flag: False}) == ids_of(*office.all)
    assert office.found(filters={flag: None}) == ids_of(*office.all)


def test_assignee_filter_by_id_and_me(office):
    mine = ids_of(office.road, office.letter)
    assert office.found(filters={"assignee_id": office.officer_user.id}) == mine
    assert office.found(filters={"assignee_id": str(office.officer_user.id)}) == mine
    assert office.found(filters={"assignee_id": "me"}) == mine
    assert office.found(office.colleague, filters={"assignee_id": "me"}) == ids_of(office.school)


def test_overdue_moves_with_now(office):
    rows = reception.appeal_rows(
        office.session, office.officer, ListRequest(filters={"overdue": True}), now=NOW
    )
    assert all(row["overdue"] for row in rows)
    earlier = reception.appeal_rows(
        office.session,
        office.officer,
        ListRequest(filters={"overdue": True}),
        now=kyiv(2025, 3, 6),
    )
    assert ids(earlier) == []


def test_rows_carry_the_due_soon_flag_of_the_due_soon_filter(office):
    """The list colours rows by this flag: it must agree with the filter core applies."""
    every = {r["id"]: r for r in page_all(office.session, office.officer, ListRequest(), NOW)}
    soon = page_all(office.session, office.officer, ListRequest(filters={"due_soon": True}), NOW)
    assert soon, "the office has items due soon"
    assert {r["id"] for r in soon} == {i for i, r in every.items() if r["due_soon"]}
    assert not any(r["due_soon"] and r["overdue"] for r in every.values())


def test_every_bad_filter_is_named(office):
    with pytest.raises(InvalidInput) as caught:
        reception.appeal_rows(
            office.session,
            office.officer,
            ListRequest(
                filters={
                    "kind": "complaint",
                    "status": ["received", "lost"],
                    "category": 5,
                    "assignee_id": "someone",
                    "overdue": "maybe",
                    "due_soon": 7,
                    "urgent": "так",
                    "received_from": "03.03.2025",
                    "received_to": "учора",
                    "colour": "червоний",
                }
            ),
            now=NOW,
        )
    assert set(caught.value.fields) == {
        "filters.kind",
        "filters.status",
        "filters.category",
        "filters.assignee_id",
        "filters.overdue",
        "filters.due_soon",
        "filters.urgent",
        "filters.received_from",
        "filters.received_to",
        "filters.colour",
    }
    assert caught.value.fields["filters.colour"] == "Невідомий фільтр."


@pytest.mark.parametrize(
    ("filters", "field"),
    [
        ({"received_from": "2025-03-10", "received_to": "2025-03-09"}, "filters.received_to"),
        ({"assignee_id": 0}, "filters.assignee_id"),
        ({"assignee_id": True}, "filters.assignee_id"),
        ({"status": [None]}, "filters.status"),
        ({"kind": 3}, "filters.kind"),
        ({"category": "к" * 101}, "filters.category"),
    ],
)
def test_bad_filter_values(office, filters, field):
    for query in (reception.appeal_rows, reception.appeal_count):
        with pytest.raises(InvalidInput) as caught:
            query(office.session, office.officer, ListRequest(filters=filters), now=NOW)
        assert set(caught.value.fields) == {field}


def test_filters_must_be_a_mapping(office):
    with pytest.raises(InvalidInput) as caught:
        reception.appeal_count(
            office.session, office.officer, ListRequest(filters=["kind"]), now=NOW
        )
    assert set(caught.value.fields) == {"filters"}


# ---------------------------------------------------------------------------------------------
# Search
# ---------------------------------------------------------------------------------------------


def test_search_by_registration_number(office):
    number = office.road.registration_number
    assert number == "ЗГ-2025/000001"
    assert office.found(search=number) == ids_of(office.road)
    assert office.found(search="зг-2025/00000") == ids_of(
        office.road, office.noise, office.letter, office.repeated
    )
    assert office.found(search=office.school.registration_number[-6:]) == ids_of(
        office.road, office.school
    )  # ЗІ-2025/000001 and ЗГ-2025/000001
    assert office.found(search="ЗІ-2025") == ids_of(office.school)


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("ремонт", ["road"]),
        ("РЕМОНТ дороги", ["road"]),
        ("руській ремонт", ["road"]),  # words in any order, Ukrainian letters folded
        ("школи", ["school"]),  # the subject says ШКОЛИ
        ("дорог", ["road", "repeated"]),
        ("освітлення", ["park"]),
        ("Тротуар", ["letter"]),
        ("ремонт парку", []),
        ("%", []),
        ("_", []),
        ("   ", ["road", "school", "park", "noise", "letter", "repeated"]),
    ],
)
def test_search_by_subject_words(office, search, expected):
    assert office.found(search=search) == ids_of(*(getattr(office, n) for n in expected))


def test_search_by_applicant_name(office):
    hers = ids_of(office.road, office.school, office.park, office.noise, office.repeated)
    assert office.found(search="коваленко") == hers
    assert office.found(search="МАРІЯ Коваленко") == hers
    assert office.found(search="бандурко") == ids_of(office.letter)
    assert office.found(search="коваленко шум") == ids_of(office.noise)


def test_search_and_filters_together(office):
    assert office.found(search="коваленко", filters={"kind": "appeal", "overdue": True}) == ids_of(
        office.road
    )


# ---------------------------------------------------------------------------------------------
# What each role sees
# ---------------------------------------------------------------------------------------------


def test_hidden_identity_is_masked_for_a_manager(office):
    def row_of(actor: Actor, appeal: Appeal) -> dict:
        rows = page_all(office.session, actor, ListRequest(), NOW)
        return next(row for row in rows if row["id"] == appeal.id)

    assert row_of(office.manager, office.noise)["applicant"] == reception.HIDDEN_IDENTITY
    assert row_of(office.officer, office.noise)["applicant"] == "Марія Коваленко"
    assert row_of(office.manager, office.road)["applicant"] == "Марія Коваленко"
    assert row_of(office.manager, office.letter)["applicant"] == "Степан Бандурко"
    # Search does not reveal whom a hidden name belongs to.
    assert office.noise.id not in office.found(office.manager, search="коваленко")
    assert office.noise.id in office.found(office.officer, search="коваленко")
    assert office.noise.id in office.found(office.manager, search="шум")


def test_hidden_paper_appeal_is_masked_too(office, people):
    paper = reception.submit(
        office.session,
        office.officer,
        kind="appeal",
        subject="Анонімний лист",
        text="Текст",
        hide_identity=True,
        applicant_name="Тарас Прихований",
        applicant_contact="Тернопіль",
        now=NOW,
    )
    rows = reception.appeal_rows(
        office.session, office.manager, ListRequest(search="анонімний"), now=NOW
    )
    assert [(r["id"], r["applicant"]) for r in rows] == [(paper.id, reception.HIDDEN_IDENTITY)]
    assert office.found(office.manager, search="прихований") == set()
    assert office.found(office.officer, search="прихований") == {paper.id}


def test_row_values(office):
    rows = {r["id"]: r for r in page_all(office.session, office.officer, ListRequest(), NOW)}
    road = rows[office.road.id]
    assert road["registration_number"] == "ЗГ-2025/000001"
    assert (road["kind"], road["status"], road["category"]) == ("appeal", "assigned", "Дороги")
    assert road["assignee"] == "Олена Прийомна"
    assert road["due_at"] == end_of_day(date(2025, 4, 3))
    assert road["received_at"] == kyiv(2025, 3, 3)
    assert road["version"] == office.road.version
    assert road["overdue"] is True
    assert rows[office.school.id]["urgent"] is True
    assert rows[office.park.id]["assignee"] is None
    assert rows[office.repeated.id]["overdue"] is False  # closed


@pytest.mark.parametrize("who", ["resident", Role.CLERK.value, Role.ADMIN.value, "anonymous"])
def test_only_who_views_appeals_lists_them(office, who):
    if who == "resident":
        actor = office.people.actor(office.resident, "web")
    elif who == "anonymous":
        actor = Actor.anonymous()
    else:
        actor = office.people.actor(office.people.staff(Role(who)))
    with pytest.raises(NotAllowed):
        reception.appeal_rows(office.session, actor, ListRequest(), now=NOW)
    with pytest.raises(NotAllowed):
        reception.appeal_count(office.session, actor, ListRequest(), now=NOW)
    # Permission comes before input: a bad filter does not tell a stranger anything either.
    with pytest.raises(NotAllowed):
        reception.appeal_rows(office.session, actor, ListRequest(filters={"x": 1}), now=NOW)
