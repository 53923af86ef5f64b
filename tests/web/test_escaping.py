"""Whatever a person types into a text field comes back as text, never as markup."""

from __future__ import annotations

import re

from sqlalchemy import select

from backoffice.core import notifications
from backoffice.models import User
from tests.web.conftest import PASSWORD

SCRIPT = '<script>alert("x")</script>'
BREAKOUT = '"><img src=x onerror=alert(1)>'


def _assert_inert(page: str) -> None:
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "onerror=alert(1)>" not in page


def test_register_form_echoes_every_field_escaped(portal):
    for payload in (SCRIPT, BREAKOUT):
        data = {"full_name": payload, "email": payload, "phone": payload, "password": payload}
        response = portal.submit("/register", data)  # no consent: the form comes back
        assert response.status_code == 422
        page = response.get_data(as_text=True)
        _assert_inert(page)
        assert "&lt;script&gt;" in page or "&#34;&gt;&lt;img" in page


def test_sign_in_and_forgot_password_echo_the_address_escaped(portal):
    for url in ("/sign-in", "/forgot-password"):
        for payload in (SCRIPT, BREAKOUT):
            page = portal.submit(url, {"email": payload, "password": "x"}).get_data(as_text=True)
            _assert_inert(page)


def test_a_name_and_address_with_markup_are_shown_as_text(portal, db):
    registration = {
        "full_name": SCRIPT,
        "email": "html@example.com",
        "password": PASSWORD,
        "consent": "1",
    }
    assert portal.submit("/register", registration).status_code == 303
    portal.sign_in("html@example.com")
    page = portal.page("/cabinet/")  # the header and the greeting carry the name
    _assert_inert(page)
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page

    with db() as session:
        user = session.scalar(select(User).where(User.email == "html@example.com"))
    profile = portal.page("/profile")
    data = {"full_name": BREAKOUT, "phone": "", "address": SCRIPT, "version": str(user.version)}
    assert portal.submit("/profile", data).status_code == 303
    for url in ("/profile", "/cabinet/", "/"):
        _assert_inert(portal.page(url))
    bad = portal.submit("/profile", {**data, "phone": BREAKOUT}).get_data(as_text=True)
    _assert_inert(bad)
    assert profile  # shown before the change as well


def test_notification_text_and_links_are_inert(portal, resident, db):
    with db() as session:
        notifications.notify(session, resident.id, SCRIPT, link="javascript:alert(1)")
        notifications.notify(session, resident.id, BREAKOUT, link="//evil.example/")
        notifications.notify(session, resident.id, "Відповідь готова", link="/pages/answer")
    portal.sign_in(resident.email)
    page = portal.page("/cabinet/")
    _assert_inert(page)
    assert "javascript:" not in page and "//evil.example" not in page
    assert re.search(r'<a href="/cabinet/notifications/\d+">Відповідь готова</a>', page)
