"""The desktop's Orders list: keyset windows in every sort, filters and search in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import event, insert, text

from backoffice.core import calendar, services
from backoffice.core.actor import Actor
from backoffice.core.errors import InvalidInput, NotAllowed
from backoffice.core.listing import ListRequest
from backoffice.models import Order, OrderStatus, Role, User

S = OrderStatus
# Monday 6 January 2025, 00:00 UTC (02:00 in Kyiv).
START = datetime(2025, 1, 6, 0, 0, tzinfo=UTC)
NOW = datetime(2025, 1, 20, 12, 0, tzinfo=UTC)
VOLUME = 250
WINDOW = 100
STATUSES = list(OrderStatus)
CHANNELS = ["web", "desktop", "cli"]
APPLICANTS = [
    "Ярослав Ґудзь",
    "Євгенія Їжакевич",
    "Іванна Коваленко",
    "Олег Шевченко",
    "Андрій Бондар",
]
SORTS = sorted(services.ORDER_SORTS)


@dataclass
class Orders:
    session: object
    clerk: Actor
    clerk_user: User
    clerk2_user: User
    admin: Actor
    services: list
    categories: list
    applicants: list[User]
    # What was inserted, by id: the expected answer of every filter is computed from these.
    rows: dict[int, dict]
    submitted: list[Order]

    def all(self, request: ListRequest, actor: Actor | None = None) -> list[dict]:
        """Every row of ``request``, window by window."""
        actor = actor or self.clerk
        seen: list[dict] = []
        rows = services.order_rows(self.session, actor, request, now=NOW)
        while rows:
            seen += rows
            rows = services.order_rows(self.session, actor, request.next(rows[-1]), now=NOW)
        return seen

    def ids(self, **filters) -> set[int]:
        request = ListRequest(limit=WINDOW, filters=filters)
        found = [r["id"] for r in self.all(request)]
        assert len(found) == len(set(found))
        assert services.order_count(self.session, self.clerk, request, now=NOW) == len(found)
        return set(found)

    def searched(self, search: str) -> set[int]:
        request = ListRequest(search=search)
        found = {r["id"] for r in self.all(request)}
        assert services.order_count(self.session, self.clerk, request, now=NOW) == len(found)
        return found

    def where(self, test) -> set[int]:
        return {order_id for order_id, row in self.rows.items() if test(row)}


def _volume(session, people) -> Orders:
    admin_user = people.staff(Role.ADMIN, full_name="Адміністратор Каталогу")
    admin = people.actor(admin_user)
    categories = [
        services.create_category(session, admin, code="passports", title="Паспорти"),
        services.create_category(session, admin, code="land", title="Земля"),
    ]
    catalog = [
        services.create_service(
            session,
            admin,
            code=code,
            category_id=category.id,
            title=title,
            term_days=10,
            form_schema=[{"name": "note", "label": "Примітка", "type": "text"}],
        )
        for code, category, title in [
            ("00010", categories[0], "Оформлення паспорта"),
            ("00011", categories[0], "Обмін паспорта"),
            ("00200", categories[1], "Витяг з кадастру"),
        ]
    ]
    applicants = [people.resident(full_name=name) for name in APPLICANTS]
    clerk_user = people.staff(Role.CLERK, full_name="Оксана Клерк")
    clerk2_user = people.staff(Role.CLERK, full_name="Петро Клерк")
    assignees = [None, clerk_user.id, clerk2_user.id]
    values = []
    for i in range(VOLUME):
        status = STATUSES[i % len(STATUSES)]
        # Repeated moments and due dates, so that the id decides between equal sort keys.
        submitted_at = START + timedelta(hours=(i % 50) * 7)
        values.append(
            {
                "registration_number": f"ЦНАП-2024/{i + 1:06d}",
                "service_id": catalog[i % 3].id,
                "applicant_id": applicants[(i // 2) % len(applicants)].id,
                "answers": {"note": f"Примітка {i}"},
                "status": status,
                "channel": CHANNELS[(i // 5) % 3],
                "assignee_id": assignees[(i // 3) % 3],
                "submitted_at": submitted_at,
                "due_at": START + timedelta(days=(i * 7) % 20, hours=21, minutes=59),
                "closed_at": submitted_at if status in services.CLOSED_ORDER_STATUSES else None,
                "rejection_reason": "Неповний пакет." if status == S.REJECTED else None,
            }
        )
    session.execute(insert(Order), values)
    session.flush()
    by_number = {v["registration_number"]: v for v in values}
    rows = {}
    for order_id, number in session.execute(
        text("SELECT id, registration_number FROM orders")
    ).all():
        rows[order_id] = {**by_number[number], "id": order_id}
    # A few through the service itself: real registration numbers of 2025.
    resident = people.actor(applicants[1])
    submitted = [
        services.submit_order(session, resident, catalog[0].id, {}, now=START + timedelta(days=n))
        for n in range(3)
    ]
    for order in submitted:
        rows[order.id] = {
            "id": order.id,
            "registration_number": order.registration_number,
            "service_id": order.service_id,
            "applicant_id": order.applicant_id,
            "status": order.status,
            "channel": order.channel,
            "assignee_id": None,
            "submitted_at": order.submitted_at,
            "due_at": order.due_at,
        }
    for row in rows.values():
        row["category_id"] = (
            categories[0].id if row["service_id"] != catalog[2].id else (categories[1].id)
        )
    return Orders(
        session=session,
        clerk=people.actor(clerk_user),
        clerk_user=clerk_user,
        clerk2_user=clerk2_user,
        admin=admin,
        services=catalog,
        categories=categories,
        applicants=applicants,
        rows=rows,
        submitted=submitted,
    )


@pytest.fixture
def orders(session, people) -> Orders:
    return _volume(session, people)


# --- windows -----------------------------------------------------------------------------------


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", SORTS)
def test_windows_of_100_give_every_row_once_in_order(orders, sort, descending):
    request = ListRequest(sort=sort, descending=descending, limit=WINDOW)
    windows = []
    rows = services.order_rows(orders.session, orders.clerk, request, now=NOW)
    while rows:
        windows.append(rows)
        rows = services.order_rows(orders.session, orders.clerk, request.next(rows[-1]), now=NOW)
    total = VOLUME + len(orders.submitted)
    assert [len(w) for w in windows] == [100, 100, total - 200]
    seen = [row for window in windows for row in window]
    assert sorted(r["id"] for r in seen) == sorted(orders.rows)
    # The windows together are exactly the one query, in its order (text sorts follow the
    # database's collation, so the one query is the reference).
    whole = services.order_rows(
        orders.session, orders.clerk, ListRequest(sort=sort, descending=descending, limit=500)
    )
    assert [r["id"] for r in seen] == [r["id"] for r in whole]
    keys = [(r[sort], r["id"]) for r in seen]
    if sort in ("id", "submitted_at", "due_at"):
        assert keys == sorted(keys, reverse=descending)
    assert len(set(keys)) == len(keys)


def test_rows_carry_the_columns_of_the_table(orders):
    order = orders.submitted[0]
    services.accept(orders.session, orders.clerk, order.id, now=START + timedelta(days=1))
    (row,) = [
        r
        for r in services.order_rows(orders.session, orders.clerk, ListRequest(limit=500), now=NOW)
        if r["id"] == order.id
    ]
    assert row == {
        "id": order.id,
        "registration_number": order.registration_number,
        "service": "Оформлення паспорта",
        "service_id": orders.services[0].id,
        "applicant": "Євгенія Їжакевич",
        "applicant_id": orders.applicants[1].id,
        "status": "accepted",
        "assignee": "Оксана Клерк",
        "assignee_id": orders.clerk_user.id,
        "submitted_at": order.submitted_at,
        "due_at": order.due_at,
        "closed_at": None,
        "channel": "desktop",
        "version": order.version,
        "is_overdue": True,  # due 16 January
        "is_due_soon": False,
    }


def test_sort_by_applicant_keeps_names_together(orders):
    seen = orders.all(ListRequest(sort="applicant", limit=WINDOW))
    names = [r["applicant"] for r in seen]
    # Each applicant's orders form one run, in order of id.
    runs = [name for n, name in enumerate(names) if n == 0 or names[n - 1] != name]
    assert sorted(runs) == sorted(APPLICANTS)
    for name in APPLICANTS:
        ids = [r["id"] for r in seen if r["applicant"] == name]
        assert ids == sorted(ids)


def test_unknown_sort_is_refused(orders):
    for sort in ("answers", "service", "assignee"):
        with pytest.raises(InvalidInput) as caught:
            services.order_rows(orders.session, orders.clerk, ListRequest(sort=sort))
        assert set(caught.value.fields) == {"sort"}


# --- filters -----------------------------------------------------------------------------------


def test_filter_by_one_status_or_several(orders):
    assert orders.ids(status="needs_info") == orders.where(lambda r: r["status"] == S.NEEDS_INFO)
    several = ["ready", S.COMPLETED]
    assert orders.ids(status=several) == orders.where(lambda r: r["status"] in several)
    assert orders.ids(status=[]) == set(orders.rows)


def test_filter_by_service_and_category(orders):
    land = orders.services[2]
    assert orders.ids(service_id=land.id) == orders.where(lambda r: r["service_id"] == land.id)
    assert orders.ids(service_id=str(land.id)) == orders.ids(service_id=land.id)
    passports = orders.categories[0].id
    assert orders.ids(category_id=passports) == orders.where(
        lambda r: r["category_id"] == passports
    )
    assert orders.ids(service_id=land.id, category_id=passports) == set()


def test_filter_by_assignee(orders):
    clerk_id = orders.clerk_user.id
    mine = orders.where(lambda r: r["assignee_id"] == clerk_id)
    assert mine
    assert orders.ids(assignee_id=clerk_id) == mine
    assert orders.ids(assignee_id="me") == mine
    other = orders.clerk2_user.id
    assert orders.ids(assignee_id=other) == orders.where(lambda r: r["assignee_id"] == other)
    assert orders.ids(assignee_id="none") == orders.where(lambda r: r["assignee_id"] is None)


def test_overdue_filter_and_flag_follow_overdue_orders(orders):
    expected = {o.id for o in services.overdue_orders(orders.session, orders.clerk, now=NOW)}
    assert expected
    assert orders.ids(overdue=True) == expected
    # The clock does not run for closed orders nor for those waiting for the applicant.
    assert not expected & orders.where(lambda r: r["status"] in ("needs_info", "completed"))
    assert orders.ids(overdue=False) == set(orders.rows)
    rows = orders.all(ListRequest(limit=WINDOW))
    assert {r["id"] for r in rows if r["is_overdue"]} == expected
    assert all(
        services.is_overdue(orders.session.get(Order, r["id"]), now=NOW)
        for r in rows
        if r["is_overdue"]
    )


def test_due_soon_filter_and_flag_follow_due_soon_orders(orders):
    expected = {o.id for o in services.due_soon_orders(orders.session, orders.clerk, now=NOW)}
    assert expected
    assert orders.ids(due_soon=True) == expected
    assert orders.ids(due_soon="1", overdue="1") == set()
    rows = orders.all(ListRequest(limit=WINDOW))
    assert {r["id"] for r in rows if r["is_due_soon"]} == expected


def test_filter_by_kyiv_days_of_submission(orders):
    def kyiv_day(row):
        return calendar.local_date(row["submitted_at"])

    first, last = date(2025, 1, 7), date(2025, 1, 9)
    expected = orders.where(lambda r: first <= kyiv_day(r) <= last)
    # Some were submitted late in the evening by UTC, already the next day in Kyiv: Kyiv's day
    # is what counts.
    assert any(r["submitted_at"].date() != kyiv_day(r) for r in map(orders.rows.get, expected))
    assert orders.ids(submitted_from=first, submitted_to=last) == expected
    assert orders.ids(submitted_from="2025-01-07", submitted_to="2025-01-09") == expected
    assert orders.ids(submitted_from=first) == orders.where(lambda r: kyiv_day(r) >= first)
    assert orders.ids(submitted_to=last) == orders.where(lambda r: kyiv_day(r) <= last)
    assert orders.ids(submitted_from=last, submitted_to=last) == orders.where(
        lambda r: kyiv_day(r) == last
    )


def test_filter_by_channel_and_combined(orders):
    assert orders.ids(channel="cli") == orders.where(lambda r: r["channel"] == "cli")
    assert orders.ids(channel="web", status="submitted", assignee_id="none") == orders.where(
        lambda r: r["channel"] == "web" and r["status"] == "submitted" and r["assignee_id"] is None
    )


@pytest.mark.parametrize(
    ("filters", "bad"),
    [
        ({"colour": "red"}, "filters.colour"),
        ({"status": "lost"}, "filters.status"),
        ({"status": ["submitted", "lost"]}, "filters.status"),
        ({"status": 3}, "filters.status"),
        ({"service_id": "abc"}, "filters.service_id"),
        ({"service_id": 0}, "filters.service_id"),
        ({"category_id": True}, "filters.category_id"),
        ({"assignee_id": "someone"}, "filters.assignee_id"),
        ({"assignee_id": -1}, "filters.assignee_id"),
        ({"overdue": "maybe"}, "filters.overdue"),
        ({"due_soon": 2}, "filters.due_soon"),
        ({"submitted_from": "2025-13-01"}, "filters.submitted_from"),
        ({"submitted_to": "yesterday"}, "filters.submitted_to"),
        ({"submitted_from": "2025-01-09", "submitted_to": "2025-01-07"}, "filters.submitted_to"),
        ({"channel": "fax"}, "filters.channel"),
    ],
)
def test_bad_filters_are_named(orders, filters, bad):
    for call in (services.order_rows, services.order_count):
        with pytest.raises(InvalidInput) as caught:
            call(orders.session, orders.clerk, ListRequest(filters=filters), now=NOW)
        assert set(caught.value.fields) == {bad}


def test_every_bad_filter_at_once(orders):
    filters = {"colour": "red", "status": "lost", "channel": "fax", "overdue": "maybe"}
    with pytest.raises(InvalidInput) as caught:
        services.order_rows(orders.session, orders.clerk, ListRequest(filters=filters))
    assert set(caught.value.fields) == {f"filters.{key}" for key in filters}


# --- search ------------------------------------------------------------------------------------


class _Statements:
    """The SQL sent while it listens."""

    def __init__(self, session):
        self.engine = session.get_bind().engine
        self.sent: list[tuple[str, object]] = []

    def __enter__(self):
        event.listen(self.engine, "before_cursor_execute", self._record)
        return self.sent

    def __exit__(self, *exc):
        event.remove(self.engine, "before_cursor_execute", self._record)

    def _record(self, conn, cursor, statement, parameters, context, executemany):
        self.sent.append((statement, parameters))


def test_search_by_whole_registration_number_uses_equality(orders):
    target = orders.submitted[1]
    with _Statements(orders.session) as sent:
        assert orders.searched(target.registration_number) == {target.id}
    assert sent and not any("LIKE" in statement.upper() for statement, _ in sent)
    assert orders.searched(f"  {target.registration_number.lower()} ") == {target.id}
    bulk = orders.where(lambda r: r["registration_number"] == "ЦНАП-2024/000123")
    assert orders.searched("ЦНАП-2024/000123") == bulk
    assert orders.searched("ЦНАП-2024/999999") == set()


def test_search_by_part_of_a_registration_number(orders):
    expected = orders.where(lambda r: "2024/00012" in r["registration_number"])
    assert len(expected) == 10
    assert orders.searched("2024/00012") == expected
    assert orders.searched("цнап-2025") == {o.id for o in orders.submitted}


def test_search_by_applicant_name_in_ukrainian_ignores_case(orders):
    gudz = orders.applicants[0].id
    expected = orders.where(lambda r: r["applicant_id"] == gudz)
    assert orders.searched("ҐУДЗЬ") == expected
    assert orders.searched("ярослав ґудзь") == expected
    yizh = orders.applicants[1].id
    assert orders.searched("євгенія ЇЖАК") == orders.where(lambda r: r["applicant_id"] == yizh)
    assert orders.searched("Клерк") == set()  # the assignee's name is not searched


def test_search_treats_wildcards_as_text(orders):
    assert orders.searched("%") == set()
    assert orders.searched("_") == set()
    assert orders.searched("   ") == set(orders.rows)


def test_search_with_filters_and_sort(orders):
    gudz = orders.applicants[0].id
    request = ListRequest(
        sort="due_at", descending=True, limit=7, search="ґудзь", filters={"status": "submitted"}
    )
    seen = orders.all(request)
    expected = orders.where(lambda r: r["applicant_id"] == gudz and r["status"] == "submitted")
    assert {r["id"] for r in seen} == expected
    assert [(r["due_at"], r["id"]) for r in seen] == sorted(
        [(r["due_at"], r["id"]) for r in seen], reverse=True
    )
    assert services.order_count(orders.session, orders.clerk, request, now=NOW) == len(expected)


# --- the count, permissions, indexes -----------------------------------------------------------


def test_count_has_no_display_joins(orders):
    request = ListRequest(search="ґудзь", filters={"category_id": orders.categories[0].id})
    with _Statements(orders.session) as sent:
        services.order_count(orders.session, orders.clerk, request, now=NOW)
    assert len(sent) == 1
    assert " JOIN " not in sent[0][0].upper()
    assert services.order_count(orders.session, orders.clerk, ListRequest()) == len(orders.rows)


@pytest.mark.parametrize("role", [None, Role.MODERATOR, Role.ADMIN, Role.RECEPTION])
def test_only_those_who_view_orders_list_them(orders, people, role):
    user = people.staff(role) if role else orders.applicants[1]
    actor = people.actor(user)
    for call in (services.order_rows, services.order_count):
        with pytest.raises(NotAllowed):
            call(orders.session, actor, ListRequest())
    with pytest.raises(NotAllowed):
        services.order_rows(orders.session, Actor.anonymous("127.0.0.1"), ListRequest())


def test_a_manager_lists_orders(orders, people):
    manager = people.actor(people.staff(Role.MANAGER))
    rows = orders.all(ListRequest(limit=WINDOW), actor=manager)
    assert len(rows) == len(orders.rows)


def test_assigned_to_me_needs_a_person(orders):
    with pytest.raises(InvalidInput) as caught:
        services.order_rows(
            orders.session, Actor.system(), ListRequest(filters={"assignee_id": "me"})
        )
    assert set(caught.value.fields) == {"filters.assignee_id"}


def test_now_must_be_aware(orders):
    with pytest.raises(ValueError, match="aware"):
        services.order_rows(orders.session, orders.clerk, ListRequest(), now=datetime(2025, 1, 1))


def _plan(session, statement: str, parameters, *, sort: bool = False) -> str:
    """EXPLAIN of a statement as it was sent; whole-table scans (and sorting unless ``sort``)
    discouraged, as a table of a million rows would."""
    connection = session.connection()
    connection.exec_driver_sql("ANALYZE orders")
    connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
    if not sort:
        connection.exec_driver_sql("SET LOCAL enable_sort = off")
    plan = connection.exec_driver_sql(f"EXPLAIN {statement}", parameters).scalars().all()
    return "\n".join(plan)


@pytest.mark.postgresql_only
@pytest.mark.parametrize(
    ("sort", "index"),
    [
        ("submitted_at", "ix_orders_submitted_at_id"),
        ("due_at", "ix_orders_due_at_id"),
        ("id", "pk_orders"),
    ],
)
@pytest.mark.parametrize("descending", [False, True])
def test_a_window_reads_an_index_in_order(orders, sort, index, descending):
    request = ListRequest(sort=sort, descending=descending, limit=WINDOW)
    last = services.order_rows(orders.session, orders.clerk, request, now=NOW)[-1]
    with _Statements(orders.session) as sent:
        services.order_rows(orders.session, orders.clerk, request.next(last), now=NOW)
    plan = _plan(orders.session, *sent[0])
    assert index in plan
    assert "Sort" not in plan


@pytest.mark.postgresql_only
def test_a_whole_registration_number_reads_the_unique_index(orders):
    request = ListRequest(search=orders.submitted[0].registration_number)
    with _Statements(orders.session) as sent:
        services.order_rows(orders.session, orders.clerk, request, now=NOW)
    plan = _plan(orders.session, *sent[0], sort=True)
    assert "Index Scan" in plan
    assert "uq_orders_registration_number" in plan
