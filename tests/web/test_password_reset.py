"""Forgotten password: a link by e-mail, good for one hour and one use."""

from __future__ import annotations

import re
import time

from itsdangerous import TimestampSigner, URLSafeTimedSerializer

from backoffice.web import auth
from tests.web.conftest import PASSWORD, csrf_token

NEW = "Нове-гасло-2026"


def _link(message) -> str:
    found = re.search(r"http://localhost(/reset-password/\S+)", message.get_content())
    assert found, message.get_content()
    return found.group(1)


def test_the_whole_reset_journey(portal, resident, outbox):
    response = portal.submit("/forgot-password", {"email": resident.email})
    assert response.status_code == 200
    assert "Перевірте пошту" in response.get_data(as_text=True)
    (message,) = outbox
    assert message["To"] == resident.email
    assert "Відновлення пароля" in message["Subject"]
    link = _link(message)

    assert 'name="new_password"' in portal.page(link)
    weak = portal.submit(link, {"new_password": "short"})
    assert weak.status_code == 422
    assert 'id="f-new_password-error"' in weak.get_data(as_text=True)

    response = portal.submit(link, {"new_password": NEW})
    assert response.status_code == 303 and response.headers["Location"] == "/sign-in"
    assert portal.sign_in(resident.email, PASSWORD).status_code == 422
    assert portal.sign_in(resident.email, NEW).status_code == 303

    # The link worked once; now it is refused, even for a signed-out visitor.
    portal.submit("/cabinet/", {}, action="/sign-out")
    reused = portal.get(link)
    assert reused.status_code == 410
    assert "вже використане" in reused.get_data(as_text=True)


def test_an_unknown_address_gets_the_same_answer_and_no_mail(portal, outbox):
    response = portal.submit("/forgot-password", {"email": "nobody@example.com"})
    assert response.status_code == 200
    assert "Якщо адреса nobody@example.com зареєстрована" in response.get_data(as_text=True)
    assert len(outbox) == 0


def test_a_malformed_address_is_shown_beside_the_field(portal, outbox):
    response = portal.submit("/forgot-password", {"email": "no"})
    assert response.status_code == 422
    assert 'id="f-email-error"' in response.get_data(as_text=True)
    assert len(outbox) == 0


def test_an_expired_link_is_refused(app, portal, resident, outbox):
    portal.submit("/forgot-password", {"email": resident.email})
    with app.app_context():
        payload = auth._reset_links().loads(_link(outbox[0]).rsplit("/", 1)[1])

    class TwoHoursAgo(TimestampSigner):
        def get_timestamp(self) -> int:
            return int(time.time()) - 2 * 3600

    old = URLSafeTimedSerializer(
        app.secret_key, salt="e-ternopil password reset", signer=TwoHoursAgo
    ).dumps(payload)
    response = portal.get(f"/reset-password/{old}")
    assert response.status_code == 410
    assert "застаріло" in response.get_data(as_text=True)
    # Posting the form anyway changes nothing.
    token = csrf_token(portal.page("/forgot-password"))
    response = portal.post(
        f"/reset-password/{old}", data={"new_password": NEW, "csrf_token": token}
    )
    assert response.status_code == 410
    assert portal.sign_in(resident.email, NEW).status_code == 422


def test_a_forged_link_is_refused(portal, resident):
    forged = URLSafeTimedSerializer("not-our-secret", salt="e-ternopil password reset").dumps(
        [resident.id, "0" * 32]
    )
    for token in (forged, "garbage"):
        response = portal.get(f"/reset-password/{token}")
        assert response.status_code == 410
        assert "недійсне" in response.get_data(as_text=True)


def test_the_link_is_built_on_the_public_address_not_the_host_header(app, portal, resident, outbox):
    app.config["PUBLIC_URL"] = "https://e.ternopil.example/"
    evil = {"Host": "evil.example"}
    token = csrf_token(portal.get("/forgot-password", headers=evil).get_data(as_text=True))
    data = {"email": resident.email, "csrf_token": token}
    assert portal.post("/forgot-password", data=data, headers=evil).status_code == 200
    body = outbox[0].get_content()
    assert "https://e.ternopil.example/reset-password/" in body
    assert "evil.example" not in body
