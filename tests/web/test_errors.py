"""Core's errors and the database's, as pages."""

from __future__ import annotations

import pytest
from flask import Blueprint

from backoffice.core.errors import Conflict, InvalidInput, InvalidTransition, NotAllowed
from backoffice.db import make_engine
from backoffice.web import create_app
from tests.web.conftest import Portal


@pytest.fixture
def unreachable_app():
    # Nothing listens on port 1: every connection attempt fails at once.
    engine = make_engine("postgresql+psycopg://postgres@127.0.0.1:1/nothing")
    app = create_app({"SECRET_KEY": "k", "SESSION_COOKIE_SECURE": False}, engine=engine)
    app.test_client_class = Portal
    yield app
    engine.dispose()


def test_a_lost_database_shows_the_unavailable_page(unreachable_app):
    client = unreachable_app.test_client()
    for url in ("/", "/news", "/pages/about"):
        response = client.get(url)
        assert response.status_code == 503
        assert response.headers["Retry-After"] == "30"
        page = response.get_data(as_text=True)
        assert "Сервіс тимчасово недоступний" in page and "Нічого не втрачено" in page
    # Forms that need no database still show; sending one gets the same honest page.
    response = client.submit("/sign-in", {"email": "a@example.com", "password": "x" * 12})
    assert response.status_code == 503


def test_a_lost_database_signs_nobody_in_and_drops_nothing(unreachable_app):
    client = unreachable_app.test_client()
    with client.session_transaction() as session:
        session["uid"] = 1
        session["fp"] = "x"
    assert client.get("/cabinet/").status_code == 503


def test_unknown_addresses_and_methods(portal):
    assert "Сторінку не знайдено" in portal.page("/no/such/page", expected=404)
    response = portal.get("/sign-out")
    assert response.status_code == 405
    assert "Ця дія недоступна за цією адресою" in response.get_data(as_text=True)


@pytest.fixture
def raising_app(committed_engine):
    bp = Blueprint("raising", __name__)
    errors = {
        "forbidden": NotAllowed("Лише для модераторів.", code="not_moderator"),
        "signin": NotAllowed(code="sign_in_required"),
        "invalid": InvalidInput({"title": "Обов'язкове поле."}),
        "conflict": Conflict(),
        "transition": InvalidTransition(),
    }

    @bp.route("/raise/<name>", methods=["GET", "POST"])
    def raise_(name):
        raise errors[name]

    app = create_app({"SECRET_KEY": "k", "TESTING": True}, engine=committed_engine)
    app.register_blueprint(bp)
    app.test_client_class = Portal
    return app


@pytest.mark.parametrize(
    ("name", "status", "text"),
    [
        ("forbidden", 403, "Лише для модераторів."),
        ("invalid", 400, "Обов&#39;язкове поле."),
        ("conflict", 409, "змінив інший користувач"),
        ("transition", 409, "недоступна в поточному стані"),
    ],
)
def test_core_errors_become_pages(raising_app, name, status, text):
    response = raising_app.test_client().get(f"/raise/{name}")
    assert response.status_code == status
    assert text in response.get_data(as_text=True)


def test_sign_in_required_sends_to_the_sign_in_page_and_back(raising_app):
    client = raising_app.test_client()
    response = client.get("/raise/signin?x=1")
    assert response.status_code == 303
    assert response.headers["Location"] == "/sign-in?next=/raise/signin?x%3D1"
    response = client.post("/raise/signin", headers={"Referer": "http://localhost/news"})
    assert response.status_code == 400  # no CSRF token: refused before the view
