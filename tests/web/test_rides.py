"""Rate Your Ride on the portal: the review form (anyone) and the public statistics."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from babel.numbers import format_decimal
from sqlalchemy import select

from backoffice.core import transport
from backoffice.core.actor import Actor
from backoffice.core.calendar import KYIV
from backoffice.models import RideReview, Role, utcnow
from tests.conftest import People

SCRIPT = '<script>alert("x")</script>'


@pytest.fixture
def routes(db) -> dict[str, int]:
    with db() as session:
        people = People(session)
        admin = people.actor(people.staff(Role.ADMIN))
        electro = transport.create_carrier(session, admin, "КП «Тернопільелектротранс»")
        private = transport.create_carrier(session, admin, "ТОВ «Маршрут»")
        made = {
            "t9": transport.create_route(session, admin, "9", "trolleybus", electro.id, "Схід"),
            "t10": transport.create_route(session, admin, "10", "trolleybus", electro.id),
            "t2": transport.create_route(session, admin, "2", "trolleybus", electro.id),
            "m27": transport.create_route(session, admin, "27", "minibus", private.id, "Дружба"),
            "old": transport.create_route(session, admin, "99", "bus", private.id, "Скасований"),
        }
        transport.set_route_active(session, admin, made["old"].id, False)
        return {name: route.id for name, route in made.items()}


def _local(moment: datetime) -> str:
    """What a datetime-local input sends: Kyiv wall time, no offset."""
    return moment.astimezone(KYIV).strftime("%Y-%m-%dT%H:%M")


def _form(route_id: int, **fields) -> dict:
    return {
        "route_id": str(route_id),
        "board_number": "215",
        "ride_at": _local(utcnow() - timedelta(hours=1)),
        "rating": "4",
        "punctuality": "",
        "cleanliness": "",
        "driver": "",
        "crowding": "",
        "comment": "",
        **fields,
    }


def _reviews(db) -> list[RideReview]:
    with db() as session:
        return list(session.scalars(select(RideReview).order_by(RideReview.id)))


def test_every_rides_page_answers_signed_out_and_signed_in(portal, resident, routes):
    for signed_in in (False, True):
        if signed_in:
            portal.sign_in(resident.email)
        portal.page("/rides")
        portal.page("/rides/stats")
        for route_id in routes.values():
            portal.page(f"/rides/routes/{route_id}")
        portal.page("/rides/routes/999999", 404)


def test_the_route_finder_groups_by_mode_in_natural_order(portal, routes):
    page = portal.page("/rides")
    assert '<optgroup label="Тролейбуси">' in page and '<optgroup label="Маршрутні таксі">' in page
    trolleybuses = re.search(r'<optgroup label="Тролейбуси">(.*?)</optgroup>', page, re.S).group(1)
    numbers = re.findall(r"Тролейбус № (\d+)", trolleybuses)
    assert numbers == ["2", "9", "10"]
    assert "Скасований" not in page  # an inactive route takes no reviews
    chosen = portal.page(f"/rides?route={routes['m27']}")
    assert f'<option value="{routes["m27"]}" selected>' in chosen
    # Accessible: the select, the time and the rating groups are labelled.
    assert '<label for="f-route_id">' in page and '<label for="f-ride_at">' in page
    assert 'type="datetime-local"' in page
    assert page.count("<fieldset") == 5 and page.count("<legend>") == 5
    for input_id in re.findall(r'<input id="([^"]+)"', page):
        assert f'<label for="{input_id}">' in page
    assert "5 — чудово" in page and "1 — дуже погано" in page and "Не оцінюю" in page


def test_a_visitor_rates_a_ride_without_signing_in(portal, db, routes):
    ride = (utcnow() - timedelta(hours=2)).astimezone(KYIV).replace(second=0, microsecond=0)
    form = _form(
        routes["t9"],
        board_number="bo 1234-aa",
        ride_at=_local(ride),
        rating="5",
        punctuality="4",
        crowding="2",
        comment="Чисто й вчасно",
    )
    response = portal.submit("/rides", form)
    assert response.status_code == 303
    assert response.headers["Location"] == f"/rides/routes/{routes['t9']}"
    (review,) = _reviews(db)
    assert review.author_id is None and review.route_id == routes["t9"]
    assert review.board_number == "BO1234AA"
    assert review.ride_at == ride  # the wall time was read as Kyiv time
    assert (review.rating, review.punctuality, review.cleanliness, review.crowding) == (
        5,
        4,
        None,
        2,
    )
    assert review.comment == "Чисто й вчасно"
    assert "Дякуємо! Вашу оцінку збережено." in portal.page(response.headers["Location"])


def test_a_signed_in_resident_rates_a_ride(portal, resident, db, routes):
    portal.sign_in(resident.email)
    assert portal.submit("/rides", _form(routes["m27"])).status_code == 303
    (review,) = _reviews(db)
    assert review.author_id == resident.id


@pytest.mark.parametrize(
    ("rating", "message"),
    [("0", "Не менше 1."), ("6", "Не більше 5."), ("abc", "Має бути цілим числом."), ("", None)],
)
def test_a_wrong_rating_is_refused_beside_the_field(portal, db, routes, rating, message):
    response = portal.submit("/rides", _form(routes["t9"], rating=rating, driver="7"))
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    rating_error = re.search(r'<p class="field-error" id="f-rating-error">(.*?)</p>', page, re.S)
    assert rating_error and (message or "Обов&#39;язкове поле.") in rating_error.group(1)
    assert 'aria-describedby="f-rating-error"' in page
    assert 'id="f-driver-error"' in page and "Не більше 5." in page
    assert _reviews(db) == []


def test_the_ride_time_is_checked_by_core(portal, db, routes):
    future = _local(utcnow() + timedelta(hours=3))
    page = portal.submit("/rides", _form(routes["t9"], ride_at=future)).get_data(as_text=True)
    assert "Час поїздки ще не настав." in page and 'id="f-ride_at-error"' in page
    old = _local(utcnow() - timedelta(days=40))
    page = portal.submit("/rides", _form(routes["t9"], ride_at=old)).get_data(as_text=True)
    assert "Оцінити можна поїздку за останні 30 днів." in page
    page = portal.submit("/rides", _form(routes["t9"], ride_at="вчора")).get_data(as_text=True)
    assert "Дата й час у форматі" in page and 'value="вчора"' in page
    response = portal.submit("/rides", _form(routes["old"]))
    assert response.status_code == 422
    assert "Цей маршрут зараз не курсує." in response.get_data(as_text=True)
    assert _reviews(db) == []


def test_markup_in_the_text_fields_comes_back_as_text(portal, db, routes):
    form = _form(routes["t9"], board_number=SCRIPT, comment=SCRIPT, ride_at=SCRIPT, rating=SCRIPT)
    page = portal.submit("/rides", form).get_data(as_text=True)
    assert "<script>alert" not in page
    assert ">&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</textarea>" in page
    assert 'value="&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;"' in page
    assert _reviews(db) == []
    ok = _form(routes["t9"], comment=SCRIPT)
    assert portal.submit("/rides", ok).status_code == 303
    for url in ("/rides/stats", f"/rides/routes/{routes['t9']}"):
        assert "<script>alert" not in portal.page(url)


def _uk(value: float | None) -> str:
    return "—" if value is None else format_decimal(value, "0.00", locale="uk")


def test_the_statistics_show_cores_figures(portal, db, routes):
    plan = [
        ("t9", 5, (4, 5, None, 3)),
        ("t9", 4, (2, None, 5, None)),
        ("t9", 2, (None, None, None, None)),
        ("m27", 3, (3, 3, 3, 3)),
    ]
    with db() as session:
        for name, rating, (p, c, d, x) in plan:
            transport.submit_review(
                session, Actor.anonymous(), routes[name], "101", utcnow() - timedelta(hours=1),
                rating, p, c, d, x,
            )  # fmt: skip
        expected = {row.route_id: row.stats for row in transport.route_stats(session)}
        months = transport.monthly_stats(session, route_id=routes["t9"])
    stats_page = portal.page("/rides/stats")
    for route_id, stats in expected.items():
        row = re.search(rf'<a href="/rides/routes/{route_id}">.*?</tr>', stats_page, re.S).group(0)
        cells = [
            re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        ]
        averages = (
            stats.rating,
            stats.punctuality,
            stats.cleanliness,
            stats.driver,
            stats.crowding,
        )
        figures = [str(stats.count), *map(_uk, averages)]
        assert cells[:6] == figures, (route_id, cells)
    assert expected[routes["t9"]].rating == 3.67  # (5 + 4 + 2) / 3

    page = portal.page(f"/rides/routes/{routes['t9']}")
    assert "Тролейбус № 9" in page and "КП «Тернопільелектротранс»" in page
    assert "<dd>3</dd>" in page and "3,67" in page and "3,00" in page  # count, rating, punctuality
    body = re.search(r"<tbody>(.*?)</tbody>", page, re.S).group(1)
    assert body.count("<tr>") == len(months) == 12
    rated = [r for r in re.findall(r"<tr>(.*?)</tr>", body, re.S) if "3,67" in r]
    assert len(rated) == 1 and '<td class="num">3</td>' in rated[0]
    inactive = portal.page(f"/rides/routes/{routes['old']}")
    assert "Цей маршрут ще ніхто не оцінив." in inactive and "Зараз не курсує" in inactive
    assert "/rides?route=" not in inactive
