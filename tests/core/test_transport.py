"""Rate Your Ride: routes per role, review validation, aggregates against hand-computed numbers."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from backoffice.core import transport
from backoffice.core.actor import Actor, Channel
from backoffice.core.calendar import KYIV
from backoffice.core.errors import Conflict, InvalidInput, NotAllowed, NotFound
from backoffice.models import RIDE_ASPECTS, ActivityEntry, RideReview, Role, utcnow

NOW = utcnow()
ACTOR_KINDS = [*(r.value for r in Role), "resident", "anonymous"]


def actor_of(people, kind: str) -> Actor:
    if kind == "anonymous":
        return Actor.anonymous("198.51.100.7")
    if kind == "resident":
        return people.actor(people.resident(), Channel.WEB)
    return people.actor(people.staff(Role(kind)))


def audit_actions(session, entity: str, entity_id: int) -> list[str]:
    return list(
        session.scalars(
            select(ActivityEntry.action)
            .where(ActivityEntry.entity == entity, ActivityEntry.entity_id == entity_id)
            .order_by(ActivityEntry.id)
        )
    )


@pytest.fixture
def admin(people) -> Actor:
    return people.actor(people.staff(Role.ADMIN))


@pytest.fixture
def route(session, admin):
    carrier = transport.create_carrier(session, admin, "КП «Тернопільелектротранс»")
    return transport.create_route(session, admin, "9", "trolleybus", carrier.id, "Східний — Центр")


def review(session, actor, route_id, **fields):
    values = {"board_number": "101", "ride_at": NOW - timedelta(hours=1), "rating": 4}
    values.update(fields)
    return transport.submit_review(session, actor, route_id, **values)


# --- carriers and routes --------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ACTOR_KINDS)
def test_carriers_and_routes_are_managed_by_administrators(session, people, route, kind):
    actor = actor_of(people, kind)
    if kind == Role.ADMIN:
        carrier = transport.create_carrier(session, actor, "ТОВ «Автолайн»")
        made = transport.create_route(session, actor, "27", "minibus", carrier.id)
        stopped = transport.set_route_active(
            session, actor, made.id, False, expected_version=made.version
        )
        assert not stopped.active
        assert audit_actions(session, "carrier", carrier.id) == ["carrier.created"]
        assert audit_actions(session, "route", made.id) == ["route.created", "route.deactivated"]
    else:
        code = "sign_in_required" if kind == "anonymous" else "not_allowed"
        for attempt in (
            lambda: transport.create_carrier(session, actor, "Інший"),
            lambda: transport.create_route(session, actor, "1", "bus", route.carrier_id),
            lambda: transport.set_route_active(session, actor, route.id, False),
        ):
            with pytest.raises(NotAllowed) as error:
                attempt()
            assert error.value.code == code
        assert route.active


def test_route_input_and_duplicates(session, admin, route):
    with pytest.raises(InvalidInput) as error:
        transport.create_route(session, admin, "", "ship", "x", "y" * 301)
    assert set(error.value.fields) == {"number", "mode", "carrier_id", "name"}
    with pytest.raises(InvalidInput) as error:
        transport.create_route(session, admin, "10", "bus", 10**9)
    assert set(error.value.fields) == {"carrier_id"}
    with pytest.raises(Conflict) as error:
        transport.create_route(session, admin, "9", "trolleybus", route.carrier_id)
    assert error.value.code == "duplicate"
    # The same number in another mode is another route.
    assert transport.create_route(session, admin, "9", "bus", route.carrier_id).id != route.id


def test_carrier_input_and_duplicates(session, admin, route):
    with pytest.raises(InvalidInput) as error:
        transport.create_carrier(session, admin, "   ")
    assert set(error.value.fields) == {"name"}
    with pytest.raises(Conflict) as error:
        transport.create_carrier(session, admin, "КП «Тернопільелектротранс»")
    assert error.value.code == "duplicate"


def test_route_activation_checks_version_and_input(session, admin, route):
    version = route.version
    transport.set_route_active(session, admin, route.id, False, expected_version=version)
    with pytest.raises(Conflict):
        transport.set_route_active(session, admin, route.id, True, expected_version=version)
    with pytest.raises(InvalidInput) as error:
        transport.set_route_active(session, admin, route.id, "maybe", expected_version="v")
    assert set(error.value.fields) == {"active", "version"}
    with pytest.raises(NotFound):
        transport.set_route_active(session, admin, 10**9, True)
    assert route not in transport.list_routes(session)
    assert route in transport.list_routes(session, active_only=False)


# --- reviews --------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ACTOR_KINDS)
def test_everyone_may_rate_a_ride(session, people, route, kind):
    actor = actor_of(people, kind)
    made = review(session, actor, route.id, rating=5)
    assert made.author_id == actor.user_id
    assert audit_actions(session, "ride_review", made.id) == ["ride_review.submitted"]


def test_a_full_review_is_kept_as_typed(session, people, route):
    resident = people.actor(people.resident(), Channel.WEB)
    comment = "<script>alert('x')</script> & <b>брудно</b>\nале вчасно"
    made = review(
        session,
        resident,
        route.id,
        board_number="вт 1234-ак",
        rating="3",
        punctuality=5,
        cleanliness=1,
        driver=4,
        crowding=2,
        comment=comment,
    )
    stored = session.get(RideReview, made.id)
    assert stored.comment == comment
    assert stored.board_number == "ВТ1234АК"
    assert (stored.rating, stored.punctuality, stored.cleanliness) == (3, 5, 1)
    assert (stored.driver, stored.crowding) == (4, 2)


@pytest.mark.parametrize(
    ("fields", "bad"),
    [
        ({"rating": 0}, {"rating"}),
        ({"rating": 6}, {"rating"}),
        ({"rating": None}, {"rating"}),
        ({"rating": 4.5}, {"rating"}),
        ({"rating": "п'ять"}, {"rating"}),
        ({"rating": True}, {"rating"}),
        ({"punctuality": 0, "cleanliness": 6, "driver": "x", "crowding": 2.0}, set(RIDE_ASPECTS)),
        ({"ride_at": NOW + timedelta(days=1)}, {"ride_at"}),
        ({"ride_at": NOW - timedelta(days=31)}, {"ride_at"}),
        ({"ride_at": "вчора"}, {"ride_at"}),
        ({"ride_at": None}, {"ride_at"}),
        ({"board_number": ""}, {"board_number"}),
        ({"board_number": "1234567890123"}, {"board_number"}),
        ({"board_number": "<b>1</b>"}, {"board_number"}),
        ({"board_number": 101}, {"board_number"}),
        ({"comment": "x" * 2001}, {"comment"}),
        ({"comment": ["not", "text"]}, {"comment"}),
    ],
)
def test_bad_reviews_name_the_fields(session, route, fields, bad):
    with pytest.raises(InvalidInput) as error:
        review(session, Actor.anonymous(), route.id, **fields)
    assert set(error.value.fields) == bad


def test_every_bad_field_at_once(session):
    with pytest.raises(InvalidInput) as error:
        transport.submit_review(session, Actor.anonymous(), "nine", "", "later", 0, crowding=9)
    assert set(error.value.fields) == {"route_id", "board_number", "ride_at", "rating", "crowding"}


def test_reviews_only_for_an_existing_active_route(session, admin, route):
    with pytest.raises(InvalidInput) as error:
        review(session, Actor.anonymous(), 10**9)
    assert set(error.value.fields) == {"route_id"}
    transport.set_route_active(session, admin, route.id, False)
    with pytest.raises(InvalidInput) as error:
        review(session, Actor.anonymous(), route.id)
    assert set(error.value.fields) == {"route_id"}


def test_ride_time_limits(session, route):
    anonymous = Actor.anonymous()
    assert review(session, anonymous, route.id, ride_at=NOW + timedelta(minutes=4), now=NOW)
    assert review(session, anonymous, route.id, ride_at=NOW - timedelta(days=30), now=NOW)
    # A time without a zone is Kyiv time, as people type it.
    naive = (NOW - timedelta(hours=2)).astimezone(KYIV).replace(tzinfo=None)
    made = review(session, anonymous, route.id, ride_at=naive.isoformat(), now=NOW)
    assert made.ride_at == (NOW - timedelta(hours=2))


# --- aggregates -----------------------------------------------------------------------------------


def kyiv(year, month, day, hour=12, minute=0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=KYIV)


@pytest.fixture
def rated(session, admin):
    """Six reviews on three routes of two carriers (a fourth route has none).

    trolleybus 9 (carrier A): r1 5 [p4 c5 -  x3] 10 Jan; r2 4 [p2 -  d5 -] 20 Jan;
                              r3 2 [-  -  -  -]  1 Feb 00:30 Kyiv (31 Jan in UTC)
    bus 16 (carrier A):       r4 3 [p3 c3 d3 x3] 10 Feb; r5 1 [p1 -  -  x1] 15 Feb
    minibus 27 (carrier B):   r6 5 [-  -  -  -]  20 Feb
    tram 4 (carrier A):       none
    """
    a = transport.create_carrier(session, admin, "А-Транс")
    b = transport.create_carrier(session, admin, "Б-Лайн")
    t9 = transport.create_route(session, admin, "9", "trolleybus", a.id)
    b16 = transport.create_route(session, admin, "16", "bus", a.id)
    m27 = transport.create_route(session, admin, "27", "minibus", b.id)
    tram4 = transport.create_route(session, admin, "4", "tram", a.id)
    plan = [
        (t9, kyiv(2025, 1, 10), 5, (4, 5, None, 3)),
        (t9, kyiv(2025, 1, 20), 4, (2, None, 5, None)),
        (t9, kyiv(2025, 2, 1, 0, 30), 2, (None, None, None, None)),
        (b16, kyiv(2025, 2, 10), 3, (3, 3, 3, 3)),
        (b16, kyiv(2025, 2, 15), 1, (1, None, None, 1)),
        (m27, kyiv(2025, 2, 20), 5, (None, None, None, None)),
    ]
    anonymous = Actor.anonymous()
    for route, ride_at, rating, (p, c, d, x) in plan:
        transport.submit_review(
            session,
            anonymous,
            route.id,
            "101",
            ride_at,
            rating,
            p,
            c,
            d,
            x,
            now=ride_at + timedelta(hours=1),
        )
    return {"a": a, "b": b, "t9": t9, "b16": b16, "m27": m27, "tram4": tram4}


def figures(stats) -> tuple:
    return (
        stats.count,
        stats.rating,
        stats.punctuality,
        stats.cleanliness,
        stats.driver,
        stats.crowding,
    )


def test_route_stats_by_hand(session, rated):
    by_route = {s.route_id: s for s in transport.route_stats(session)}
    assert figures(by_route[rated["t9"].id].stats) == (3, 3.67, 3.0, 5.0, 5.0, 3.0)
    assert figures(by_route[rated["b16"].id].stats) == (2, 2.0, 2.0, 3.0, 3.0, 2.0)
    assert figures(by_route[rated["m27"].id].stats) == (1, 5.0, None, None, None, None)
    assert figures(by_route[rated["tram4"].id].stats) == (0, None, None, None, None, None)
    ours = [s.route_id for s in transport.route_stats(session) if s.route_id in by_route]
    # Ordered by mode, then number: bus, minibus, tram, trolleybus.
    expected = [rated[k].id for k in ("b16", "m27", "tram4", "t9")]
    assert [r for r in ours if r in expected] == expected


def test_route_stats_of_one_route_and_a_period(session, rated):
    [only] = transport.route_stats(session, route_id=rated["t9"].id, since=kyiv(2025, 2, 1, 0, 0))
    assert (only.number, only.mode, only.carrier_id) == ("9", "trolleybus", rated["a"].id)
    assert figures(only.stats) == (1, 2.0, None, None, None, None)
    [january] = transport.route_stats(
        session, rated["t9"].id, since=kyiv(2025, 1, 1, 0, 0), until=kyiv(2025, 2, 1, 0, 0)
    )
    assert figures(january.stats) == (2, 4.5, 3.0, 5.0, 5.0, 3.0)


def test_carrier_stats_by_hand(session, rated):
    by_carrier = {s.carrier_id: s for s in transport.carrier_stats(session)}
    assert figures(by_carrier[rated["a"].id].stats) == (5, 3.0, 2.5, 4.0, 4.0, 2.33)
    assert figures(by_carrier[rated["b"].id].stats) == (1, 5.0, None, None, None, None)
    [b_only] = transport.carrier_stats(session, carrier_id=rated["b"].id)
    assert b_only.name == "Б-Лайн"


def test_monthly_stats_use_kyiv_months(session, rated):
    months = transport.monthly_stats(
        session, since=kyiv(2025, 1, 1, 0, 0), until=kyiv(2025, 3, 1, 0, 0)
    )
    assert [m.month for m in months] == [date(2025, 1, 1), date(2025, 2, 1)]
    assert figures(months[0].stats) == (2, 4.5, 3.0, 5.0, 5.0, 3.0)
    assert figures(months[1].stats) == (4, 2.75, 2.0, 3.0, 3.0, 2.0)
    carrier_a = transport.monthly_stats(
        session,
        carrier_id=rated["a"].id,
        since=kyiv(2024, 12, 1, 0, 0),
        until=kyiv(2025, 3, 1, 0, 0),
    )
    assert [figures(m.stats)[:2] for m in carrier_a] == [(0, None), (2, 4.5), (3, 2.0)]
    one_route = transport.monthly_stats(
        session,
        route_id=rated["m27"].id,
        since=kyiv(2025, 2, 1, 0, 0),
        until=kyiv(2025, 3, 1, 0, 0),
    )
    assert [figures(m.stats)[:2] for m in one_route] == [(1, 5.0)]


def test_monthly_stats_default_to_the_last_twelve_months(session, rated):
    months = transport.monthly_stats(session, now=datetime(2025, 3, 15, tzinfo=UTC))
    assert len(months) == 12
    assert months[0].month == date(2024, 4, 1) and months[-1].month == date(2025, 3, 1)
    assert sum(m.stats.count for m in months) == 6


def test_aggregate_input_is_checked(session):
    with pytest.raises(InvalidInput) as error:
        transport.route_stats(session, route_id="x", since="not a date")
    assert set(error.value.fields) == {"route_id", "since"}
    with pytest.raises(InvalidInput) as error:
        transport.carrier_stats(session, since=NOW, until=NOW - timedelta(days=1))
    assert set(error.value.fields) == {"until"}
    with pytest.raises(InvalidInput) as error:
        transport.monthly_stats(session, since=kyiv(2000, 1, 1), until=kyiv(2025, 1, 1))
    assert set(error.value.fields) == {"since"}
