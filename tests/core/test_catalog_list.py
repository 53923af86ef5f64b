"""The desktop's catalog tab: services keyset-paged, filtered and searched in SQL; one service."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from backoffice.core import services
from backoffice.core.actor import Actor
from backoffice.core.errors import InvalidInput, NotAllowed, NotFound
from backoffice.core.listing import ListRequest
from backoffice.models import Role, Service

TITLES = [
    "Оформлення паспорта громадянина України",
    "Обмін паспорта",
    "Видача ID-картки",
    "Реєстрація місця проживання",
    "Зняття з реєстрації місця проживання",
    "Витяг з Державного земельного кадастру",
    "Довідка про склад сім'ї",
    "Ґрунтова довідка",
    "Єдиний квиток",
    "Їздова картка",
    "Іменна довідка",
    "Державна реєстрація шлюбу",
]


@dataclass
class Catalog:
    session: object
    admin: Actor
    clerk: Actor
    categories: list
    services: list[Service]

    def all(self, request: ListRequest, actor: Actor | None = None) -> list[dict]:
        actor = actor or self.clerk
        seen: list[dict] = []
        rows = services.service_rows(self.session, actor, request)
        while rows:
            seen += rows
            rows = services.service_rows(self.session, actor, request.next(rows[-1]))
        return seen

    def ids(self, search: str = "", **filters) -> set[int]:
        request = ListRequest(limit=5, search=search, filters=filters)
        found = [r["id"] for r in self.all(request)]
        assert len(found) == len(set(found))
        assert services.service_count(self.session, self.clerk, request) == len(found)
        return set(found)


@pytest.fixture
def catalog(session, people) -> Catalog:
    admin = people.actor(people.staff(Role.ADMIN))
    categories = [
        services.create_category(session, admin, code="people", title="Паспорти й реєстрація"),
        services.create_category(session, admin, code="land", title="Земля"),
    ]
    made = []
    for n, title in enumerate(TITLES):
        made.append(
            services.create_service(
                session,
                admin,
                code=f"S-{(n * 5) % 12:03d}",
                category_id=categories[n % 2].id,
                title=title,
                term_days=n + 1 if n % 3 else None,
                term_counts="working" if n % 4 == 0 else "calendar",
                fee="0" if n % 2 else f"{n * 10},5",
                department="Відділ ЦНАП",
                active=n % 5 != 4,
            )
        )
    return Catalog(
        session=session,
        admin=admin,
        clerk=people.actor(people.staff(Role.CLERK)),
        categories=categories,
        services=made,
    )


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", sorted(services.SERVICE_SORTS))
def test_windows_give_every_service_once_in_order(catalog, sort, descending):
    request = ListRequest(sort=sort, descending=descending, limit=5)
    windows = []
    rows = services.service_rows(catalog.session, catalog.clerk, request)
    while rows:
        windows.append(rows)
        rows = services.service_rows(catalog.session, catalog.clerk, request.next(rows[-1]))
    assert [len(w) for w in windows] == [5, 5, 2]
    seen = [r for w in windows for r in w]
    assert sorted(r["id"] for r in seen) == sorted(s.id for s in catalog.services)
    whole = services.service_rows(
        catalog.session, catalog.clerk, ListRequest(sort=sort, descending=descending, limit=500)
    )
    assert [r["id"] for r in seen] == [r["id"] for r in whole]
    if sort == "id":
        assert [r["id"] for r in seen] == sorted((r["id"] for r in seen), reverse=descending)


def test_rows_carry_the_columns_of_the_tab(catalog):
    first = catalog.services[0]
    (row,) = [
        r
        for r in services.service_rows(catalog.session, catalog.clerk, ListRequest())
        if r["id"] == first.id
    ]
    assert row == {
        "id": first.id,
        "code": "S-000",
        "title": "Оформлення паспорта громадянина України",
        "category": "Паспорти й реєстрація",
        "term_days": None,
        "term_counts": "working",
        "fee": "0.50",
        "department": "Відділ ЦНАП",
        "active": True,
        "version": first.version,
    }
    fees = {r["code"]: r["fee"] for r in catalog.all(ListRequest())}
    assert fees["S-010"] == "20.50"  # n=2
    assert fees["S-005"] == "0.00"  # n=1


def test_filters(catalog):
    land = catalog.categories[1].id
    assert catalog.ids(category_id=land) == {
        s.id for s in catalog.services if s.category_id == land
    }
    assert catalog.ids(category_id=str(land)) == catalog.ids(category_id=land)
    active = {s.id for s in catalog.services if s.active}
    assert catalog.ids(active=True) == active
    assert catalog.ids(active=False) == {s.id for s in catalog.services} - active
    assert catalog.ids(active="") == {s.id for s in catalog.services}
    assert catalog.ids(active=False, category_id=land) == {
        s.id for s in catalog.services if not s.active and s.category_id == land
    }


def test_search_by_title_in_ukrainian_and_by_code(catalog):
    def titled(*words):
        return {s.id for s in catalog.services if any(w in s.title.lower() for w in words)}

    assert catalog.ids("ПАСПОРТА") == titled("паспорта")
    assert catalog.ids("ґрунтова") == titled("ґрунтова")
    assert catalog.ids("їздова") == titled("їздова")
    assert catalog.ids("єдиний") == titled("єдиний")
    assert catalog.ids("s-01") == {s.id for s in catalog.services if s.code.startswith("S-01")}
    assert catalog.ids("сім'ї") == titled("сім'ї")
    assert catalog.ids("%") == set()
    assert catalog.ids("реєстрац", active=True) == {
        s.id for s in catalog.services if "реєстрац" in s.title.lower() and s.active
    }


@pytest.mark.parametrize(
    ("filters", "bad"),
    [
        ({"colour": "red"}, "filters.colour"),
        ({"category_id": "land"}, "filters.category_id"),
        ({"category_id": 0}, "filters.category_id"),
        ({"active": "maybe"}, "filters.active"),
        ({"active": 3}, "filters.active"),
    ],
)
def test_bad_filters_are_named(catalog, filters, bad):
    for call in (services.service_rows, services.service_count):
        with pytest.raises(InvalidInput) as caught:
            call(catalog.session, catalog.clerk, ListRequest(filters=filters))
        assert set(caught.value.fields) == {bad}


def test_unknown_sort_is_refused(catalog):
    with pytest.raises(InvalidInput) as caught:
        services.service_rows(catalog.session, catalog.clerk, ListRequest(sort="fee"))
    assert set(caught.value.fields) == {"sort"}


@pytest.mark.parametrize("role", list(Role))
def test_every_staff_role_sees_the_catalog(catalog, people, role):
    actor = people.actor(people.staff(role))
    assert services.service_count(catalog.session, actor, ListRequest()) == len(TITLES)
    closed = next(s for s in catalog.services if not s.active)
    assert services.service_detail(catalog.session, actor, closed.id) is closed


def test_residents_and_visitors_do_not_get_the_staff_catalog(catalog, people):
    for actor in (people.actor(people.resident()), Actor.anonymous("127.0.0.1")):
        for call in (services.service_rows, services.service_count):
            with pytest.raises(NotAllowed):
                call(catalog.session, actor, ListRequest())
        with pytest.raises(NotAllowed):
            services.service_detail(catalog.session, actor, catalog.services[0].id)


def test_service_detail(catalog):
    service = services.service_detail(catalog.session, catalog.clerk, catalog.services[5].id)
    assert service.title == TITLES[5]
    assert service.category.title == "Земля"
    for missing in (10**9, "1", None):
        with pytest.raises(NotFound):
            services.service_detail(catalog.session, catalog.clerk, missing)
