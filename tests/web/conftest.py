"""The portal on a database of its own (``committed_engine``): requests really commit.

``portal`` is a test client with the small things a browser does: it keeps cookies, reads the
CSRF token from the page it was shown, and sends it back with the form (CSRF stays on).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from html import unescape

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session

from backoffice.core.passwords import hash_password
from backoffice.db import session_factory, unit_of_work
from backoffice.models import User
from backoffice.web import create_app
from tests.conftest import People

PASSWORD = "Тернопіль-2026!"
_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')

# argon2 at full strength is slow on purpose; one hash is enough for every test resident.
_HASH = hash_password(PASSWORD)


def csrf_token(html: str) -> str:
    found = _TOKEN.search(html)
    assert found, "the page has no form with a CSRF token"
    return unescape(found.group(1))


class Portal(FlaskClient):
    def page(self, url: str, expected: int = 200) -> str:
        response = self.get(url)
        assert response.status_code == expected, (url, response.status_code)
        return response.get_data(as_text=True)

    def submit(self, form_url: str, data: dict, action: str | None = None, **kwargs):
        """Open the form at ``form_url``, then post ``data`` with the page's CSRF token."""
        token = csrf_token(self.page(form_url))
        return self.post(action or form_url, data={**data, "csrf_token": token}, **kwargs)

    def sign_in(self, email: str, password: str = PASSWORD, **kwargs):
        return self.submit("/sign-in", {"email": email, "password": password}, **kwargs)


@pytest.fixture
def app(committed_engine) -> Iterator[Flask]:
    app = create_app(
        # CATALOG_MAX_AGE 0: a change shows on the very next request (test_catalog_cache.py
        # tests the age on its own clock).
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "SESSION_COOKIE_SECURE": False,
            "CATALOG_MAX_AGE": 0,
        },
        engine=committed_engine,
    )
    app.test_client_class = Portal
    yield app


@pytest.fixture
def portal(app) -> Portal:
    return app.test_client()


@pytest.fixture
def db(committed_engine):
    """``with db() as session:`` — set up data the way a desktop user would, committed."""

    @contextmanager
    def open_session() -> Iterator[Session]:
        with unit_of_work(session_factory(committed_engine)) as session:
            yield session

    return open_session


@pytest.fixture
def resident(db) -> User:
    with db() as session:
        return People(session).resident(password_hash=_HASH)


@pytest.fixture
def make_resident(db):
    def make(**fields) -> User:
        with db() as session:
            return People(session).resident(**{"password_hash": _HASH, **fields})

    return make


@pytest.fixture
def outbox(app):
    return app.extensions["outbox"].sent
