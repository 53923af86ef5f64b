"""Rate Your Ride's reads for the portal."""

from __future__ import annotations

import pytest

from backoffice.core import transport
from backoffice.core.errors import NotFound
from backoffice.models import Role


def test_get_route_with_its_carrier_active_or_not(session, people):
    admin = people.actor(people.staff(Role.ADMIN))
    carrier = transport.create_carrier(session, admin, "Перевізник")
    route = transport.create_route(session, admin, "3", "bus", carrier.id, "Центр — Дружба")
    transport.set_route_active(session, admin, route.id, False)
    session.expunge_all()
    found = transport.get_route(session, route.id)
    assert (found.number, found.carrier.name, found.active) == ("3", "Перевізник", False)
    for missing in (10**9, "1", None, True):
        with pytest.raises(NotFound):
            transport.get_route(session, missing)
