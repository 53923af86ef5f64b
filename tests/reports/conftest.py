from __future__ import annotations

import pytest

from tests.reports.world import build_world


@pytest.fixture
def world(session, people):
    return build_world(session, people)
