"""Accounts on the portal: register, sign in and out, profile, password change, throttling."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from backoffice.core import people as accounts
from backoffice.core.actor import Actor
from backoffice.models import ActivityEntry, User
from tests.web.conftest import PASSWORD, csrf_token

NEW_PERSON = {
    "full_name": "Олена Коваль",
    "email": "olena@example.com",
    "phone": "067 123 45 67",
    "password": PASSWORD,
    "consent": "1",
}


def _users(db, email):
    with db() as session:
        return session.scalar(select(func.count()).select_from(User).where(User.email == email))


def test_register_sign_in_profile_sign_out(portal, db):
    response = portal.submit("/register", NEW_PERSON)
    assert response.status_code == 303
    assert response.headers["Location"].startswith("/sign-in?email=olena")
    page = portal.page(response.headers["Location"])
    assert "Обліковий запис створено" in page
    assert 'value="olena@example.com"' in page

    response = portal.sign_in("olena@example.com")
    assert response.status_code == 303 and response.headers["Location"] == "/cabinet/"
    cabinet = portal.page("/cabinet/")
    assert "Ви увійшли як Олена Коваль" in cabinet
    assert "Сповіщень немає" in cabinet

    profile = portal.page("/profile")
    assert "olena@example.com" in profile and 'value="+380671234567"' in profile

    response = portal.submit("/profile", {"sign": "out"}, action="/sign-out")
    assert response.status_code == 303 and response.headers["Location"] == "/"
    assert "Ви вийшли з кабінету" in portal.page("/")
    assert "Увійдіть до кабінету, щоб продовжити" in portal.page(portal.get("/profile").location)
    assert portal.get("/profile").headers["Location"] == "/sign-in?next=/profile"
    with db() as session:
        actions = set(session.scalars(select(ActivityEntry.action)))
    assert {"user.registered", "auth.signed_in"} <= actions


def test_registration_errors_stand_beside_their_fields(portal, db):
    response = portal.submit("/register", {**NEW_PERSON, "consent": "", "phone": "12345"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "<title>Помилка: Реєстрація" in page
    assert 'role="alert"' in page and 'href="#f-consent"' in page
    assert 'id="f-consent-error"' in page and "Потрібна згода" in page
    assert re.search(r'id="f-phone"[^>]*aria-describedby="f-phone-hint f-phone-error"', page)
    assert 'aria-invalid="true"' in page
    assert 'value="Олена Коваль"' in page  # what was typed comes back…
    assert PASSWORD not in page  # …except the password
    assert _users(db, NEW_PERSON["email"]) == 0


def test_an_address_registered_twice_is_refused(portal, resident):
    response = portal.submit("/register", {**NEW_PERSON, "email": resident.email})
    assert response.status_code == 422
    assert "Ця адреса вже зареєстрована" in response.get_data(as_text=True)


def test_signed_in_people_skip_the_account_forms(portal, resident):
    portal.sign_in(resident.email)
    assert portal.get("/register").headers["Location"] == "/cabinet/"
    assert portal.get("/sign-in").headers["Location"] == "/cabinet/"


def test_a_wrong_password_says_so_without_naming_which_part(portal, resident):
    for login in (resident.email, "nobody@example.com"):
        response = portal.sign_in(login, "Неправильний-1")
        assert response.status_code == 422
        page = response.get_data(as_text=True)
        assert "Неправильна адреса електронної пошти або пароль." in page
        assert f'value="{login}"' in page
    assert portal.get("/cabinet/").status_code == 303


def test_sign_in_returns_to_the_page_asked_for_and_only_on_this_site(portal, resident):
    response = portal.get("/cabinet/")
    assert response.headers["Location"] == "/sign-in?next=/cabinet/"
    page = portal.page(response.headers["Location"])
    assert 'name="next" value="/cabinet/"' in page
    token = csrf_token(page)
    data = {"email": resident.email, "password": PASSWORD, "csrf_token": token}
    response = portal.post("/sign-in", data={**data, "next": "/profile"})
    assert response.headers["Location"] == "/profile"
    portal.submit("/profile", {}, action="/sign-out")
    response = portal.submit("/sign-in", {**data, "next": "https://evil.example/"})
    assert response.headers["Location"] == "/cabinet/"


def test_core_locks_an_account_after_repeated_failures(portal, resident, db):
    for _ in range(5):  # SignInPolicy.free_failures: the fifth failure locks the account…
        assert portal.sign_in(resident.email, "Неправильний-1").status_code == 422
    response = portal.sign_in(resident.email)  # …so even the right password has to wait
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) > 0
    assert "Забагато невдалих спроб входу" in response.get_data(as_text=True)
    with db() as session:
        assert session.get(User, resident.id).failed_sign_ins == 5


def test_one_address_trying_many_accounts_is_slowed_down(app, portal, make_resident):
    app.extensions["sign_in_throttle"].limit = 3
    victim = make_resident()
    for n in range(3):
        assert portal.sign_in(f"guess{n}@example.com", "Неправильний-1").status_code == 422
    response = portal.sign_in(victim.email)
    assert response.status_code == 429
    assert "Забагато невдалих спроб входу" in response.get_data(as_text=True)
    # Another address is not affected.
    other = app.test_client()
    response = other.sign_in(victim.email, environ_base={"REMOTE_ADDR": "10.9.9.9"})
    assert response.status_code == 303


def test_a_blocked_person_is_signed_out_on_the_next_request(portal, resident, db):
    portal.sign_in(resident.email)
    assert portal.get("/cabinet/").status_code == 200
    with db() as session:
        admin = Actor.system()
        accounts.block(session, admin, resident.id, "Порушення правил")
    response = portal.get("/cabinet/")
    assert response.status_code == 303
    assert "заблоковано" in portal.page("/")
    response = portal.sign_in(resident.email)
    assert response.status_code == 422
    assert "заблоковано" in response.get_data(as_text=True)


def test_the_profile_is_edited_through_core(portal, resident, db):
    portal.sign_in(resident.email)
    page = portal.page("/profile")
    version = re.search(r'name="version" value="(\d+)"', page).group(1)
    data = {"full_name": "Марія Нова", "phone": "", "address": "вул. Руська, 1", "version": version}
    response = portal.submit("/profile", data)
    assert response.status_code == 303
    page = portal.page("/profile")
    assert "Профіль збережено" in page and "Марія Нова" in page
    with db() as session:
        user = session.get(User, resident.id)
        assert (user.full_name, user.phone, user.address) == ("Марія Нова", None, "вул. Руська, 1")

    stale = portal.submit("/profile", {**data, "full_name": "Хтось Інший"})  # old version
    assert stale.status_code == 422
    assert "змінив інший користувач" in stale.get_data(as_text=True)

    bad = portal.submit("/profile", {**data, "version": str(int(version) + 1), "full_name": ""})
    assert bad.status_code == 422
    assert 'id="f-full_name-error"' in bad.get_data(as_text=True)


def test_a_password_change_signs_out_other_browsers(app, portal, resident):
    portal.sign_in(resident.email)
    laptop = app.test_client()
    laptop.sign_in(resident.email)

    wrong = portal.submit(
        "/profile/password",
        {"current_password": "Не-той-пароль", "new_password": "Нове-гасло-2026"},
    )
    assert wrong.status_code == 422
    assert "Поточний пароль неправильний" in wrong.get_data(as_text=True)

    response = portal.submit(
        "/profile/password", {"current_password": PASSWORD, "new_password": "Нове-гасло-2026"}
    )
    assert response.status_code == 303
    assert portal.get("/cabinet/").status_code == 200  # this browser stays signed in
    assert laptop.get("/cabinet/").status_code == 303  # the other one is signed out
    assert laptop.sign_in(resident.email, "Нове-гасло-2026").status_code == 303


def test_cookies_are_http_only_lax_and_secure_when_configured(committed_engine, resident):
    from backoffice.web import create_app
    from tests.web.conftest import Portal

    app = create_app({"SECRET_KEY": "k", "SESSION_COOKIE_SECURE": True}, engine=committed_engine)
    app.test_client_class = Portal
    client = app.test_client()
    response = client.get("/sign-in")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" in cookie
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
