"""The dashboard's headline figures and its service-category filter, against the figures
computed by hand from the small world (tests/reports/world.py), on both databases."""

from __future__ import annotations

import pytest

from backoffice.core import analytics
from backoffice.core.errors import InvalidInput, NotAllowed
from backoffice.models import ServiceCategory
from tests.reports.world import MARCH, NOW


def test_headline_figures_are_those_counted_by_hand(world):
    headline = analytics.dashboard(world.session, world.manager, MARCH, now=NOW).headline
    # Received in Kyiv's March: orders 1–5 and 8–12 (6 came on 1 April in Kyiv, 7 in February).
    assert headline.orders_received == 10
    # Completed in March: 1, 2, 3, 7, 11; within their term: 1, 3, 11.
    assert headline.on_time_share == pytest.approx(0.6)
    # Open on 2 April with the control date passed: appeal 3 (31 March) and 5 (1 April).
    assert headline.overdue_appeals == 2
    # Residents registered in Kyiv's March: 28 Feb 22:30 UTC (1 March in Kyiv) and 15 March;
    # 31 March 22:00 UTC is 1 April in Kyiv; the clerk made in March is not a resident.
    assert headline.residents_registered == 2
    # Rides in Kyiv's March: 5, 4 (route 9) and 3 (route 27); 31 March 21:30 UTC is April.
    assert headline.ride_reviews == 3
    assert headline.ride_rating == pytest.approx(4.0)


def test_category_filter_counts_only_its_services(world):
    session = world.session
    other = ServiceCategory(code="other", title="Інша категорія", position=9)
    session.add(other)
    session.flush()

    same = analytics.dashboard(
        session, world.manager, MARCH, category_id=world.category_id, now=NOW
    )
    empty = analytics.dashboard(session, world.manager, MARCH, category_id=other.id, now=NOW)

    assert same.category_id == world.category_id
    assert same.headline.orders_received == 10
    assert sum(p.count for p in same.orders_per_day) == 10
    assert empty.headline.orders_received == 0
    assert empty.headline.on_time_share is None
    assert sum(p.count for p in empty.orders_per_day) == 0
    assert empty.top_services == []
    # The city's other figures do not depend on the category.
    assert empty.headline.overdue_appeals == 2
    assert empty.headline.ride_reviews == 3


@pytest.mark.parametrize("category_id", ["two", -1, 0, 1.5])
def test_a_wrong_category_is_refused_with_a_message(world, category_id):
    with pytest.raises(InvalidInput) as raised:
        analytics.dashboard(world.session, world.manager, MARCH, category_id=category_id)
    assert "category_id" in raised.value.fields


def test_the_dashboard_is_for_those_who_may_see_analytics(world):
    with pytest.raises(NotAllowed):
        analytics.dashboard(world.session, world.clerk, MARCH)
