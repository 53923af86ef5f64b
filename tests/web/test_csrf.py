"""Every form carries a CSRF token; a POST without it is refused and changes nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from backoffice.core import notifications
from backoffice.models import Notification, User
from tests.web.conftest import PASSWORD


def test_every_form_on_every_page_has_a_token(portal, resident):
    for url in ("/", "/register", "/sign-in", "/forgot-password", "/news"):
        page = portal.page(url)
        assert page.count("<form") == page.count('name="csrf_token"'), url
    portal.sign_in(resident.email)
    for url in ("/cabinet/", "/profile", "/profile/password"):
        page = portal.page(url)
        assert page.count("<form") == page.count('name="csrf_token"'), url


@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("/register", {"full_name": "Олена Коваль", "email": "x@example.com",
                       "password": PASSWORD, "consent": "1"}),
        ("/sign-in", {"email": "x@example.com", "password": PASSWORD}),
        ("/forgot-password", {"email": "x@example.com"}),
        ("/language", {"lang": "en"}),
    ],
)  # fmt: skip
def test_anonymous_forms_without_a_token_are_refused(portal, db, outbox, url, data):
    response = portal.post(url, data=data)
    assert response.status_code == 400
    assert "Форма застаріла" in response.get_data(as_text=True)
    with db() as session:
        assert session.scalar(select(func.count()).select_from(User)) == 0
    assert len(outbox) == 0
    assert 'lang="uk"' in portal.page("/")


def test_signed_in_forms_without_a_token_change_nothing(portal, resident, db):
    with db() as session:
        notifications.notify(session, resident.id, "Заяву прийнято")
    portal.sign_in(resident.email)
    with db() as session:
        note_id = session.scalar(select(Notification.id))
    for url, data in [
        (f"/cabinet/notifications/{note_id}/read", {}),
        ("/cabinet/notifications/read-all", {}),
        ("/profile", {"full_name": "Хтось Інший"}),
        ("/profile/password", {"current_password": PASSWORD, "new_password": "Нове-гасло-2026"}),
        ("/sign-out", {}),
    ]:
        assert portal.post(url, data=data).status_code == 400, url
        assert portal.post(url, data={**data, "csrf_token": "forged"}).status_code == 400, url
    with db() as session:
        assert session.scalar(select(Notification.read_at)) is None
        assert session.get(User, resident.id).full_name == resident.full_name
    assert portal.get("/cabinet/").status_code == 200  # still signed in
