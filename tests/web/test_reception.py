"""E-Reception on the portal: the three forms, My requests with registration, answers and files."""

from __future__ import annotations

import io
import re

import pytest
from sqlalchemy import select

from backoffice.core import reception
from backoffice.core.actor import Actor
from backoffice.models import Appeal, AppealFile, Role, User
from tests.conftest import People
from tests.web.conftest import csrf_token
from tests.web.test_escaping import BREAKOUT, SCRIPT, _assert_inert

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
ANSWER_PDF = PDF.replace(b"<<>>", b"<< /Title (Answer) >>")
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64

FORMS = {
    "appeal": "/reception/appeal",
    "info_request": "/reception/info-request",
    "message": "/reception/message",
}


@pytest.fixture
def officer(db) -> Actor:
    with db() as session:
        return Actor.for_user(People(session).staff(Role.RECEPTION), "desktop")


def _appeals_of(db, user_id) -> list[Appeal]:
    with db() as session:
        return session.scalars(
            select(Appeal).where(Appeal.applicant_id == user_id).order_by(Appeal.id)
        ).all()


def _field_error(page: str, name: str) -> str:
    found = re.search(rf'<p class="field-error" id="f-{name}-error">(.*?)</p>', page, re.S)
    assert found, f"no error beside {name}"
    return re.sub(r"<[^>]+>", "", found.group(1)).replace("Помилка:", "").strip()


def _send(portal, kind: str, **fields):
    data = {"subject": "Ремонт дороги", "text": "Прошу відремонтувати дорогу.", **fields}
    return portal.submit(FORMS[kind], data)


def test_the_reception_explains_the_kinds_to_anyone(portal):
    page = portal.page("/reception")
    for url in FORMS.values():
        assert f'href="{url}"' in page
    assert "5 робочих днів" in page and "48 годин" in page and "1 місяць" in page


@pytest.mark.parametrize("url", [*FORMS.values(), "/appeals", "/appeals/1", "/appeals/1/files/1"])
def test_the_forms_and_lists_need_a_signed_in_resident(portal, url):
    response = portal.get(url)
    assert response.status_code == 303
    assert response.headers["Location"] == f"/sign-in?next={url}"


def test_the_forms_are_accessible(portal, resident):
    portal.sign_in(resident.email)
    page = portal.page("/reception/info-request")
    assert 'enctype="multipart/form-data"' in page
    assert '<label for="f-subject">Тема</label>' in page
    assert re.search(r'<fieldset class="group">\s*<legend>Терміновість</legend>', page)
    assert 'id="f-urgent" name="urgent" type="checkbox"' in page
    assert 'type="file" id="f-attachments" name="attachments" multiple' in page
    assert 'aria-describedby="f-hide_identity-hint"' in page
    assert 'name="urgent"' not in portal.page("/reception/appeal")  # only requests are urgent


def test_an_appeal_is_received_and_will_be_registered(portal, resident, db):
    portal.sign_in(resident.email)
    files = [(io.BytesIO(PDF), "план.pdf"), (io.BytesIO(PNG), "фото.png")]
    response = _send(portal, "appeal", category="Дороги", hide_identity="1", attachments=files)
    assert response.status_code == 303
    (appeal,) = _appeals_of(db, resident.id)
    assert response.headers["Location"] == f"/appeals/{appeal.id}"
    assert (appeal.kind, appeal.status, appeal.category) == ("appeal", "received", "Дороги")
    assert appeal.hide_identity is True and appeal.urgent is False
    assert appeal.registration_number is None and appeal.channel == "web"
    with db() as session:
        assert (
            len(session.scalars(select(AppealFile).where(AppealFile.appeal_id == appeal.id)).all())
            == 2
        )

    page = portal.page(f"/appeals/{appeal.id}")
    assert "Звернення «Ремонт дороги» отримано." in page
    assert "Отримано, очікує реєстрації" in page
    assert "Після реєстрації тут з'являться реєстраційний номер і строк розгляду" in page
    assert "план.pdf" in page and "фото.png" in page
    assert re.search(r"Ім'я приховано від виконавців</dt><dd>так</dd>", page)


def test_a_message_and_a_plain_request(portal, resident, db):
    portal.sign_in(resident.email)
    assert _send(portal, "message").status_code == 303
    assert _send(portal, "info_request", subject="Бюджет школи").status_code == 303
    message, request = _appeals_of(db, resident.id)
    assert message.kind == "message" and message.hide_identity is False
    assert request.kind == "info_request" and request.urgent is False
    assert "Ім'я приховано від виконавців</dt><dd>ні</dd>" in portal.page(f"/appeals/{message.id}")


def test_an_urgent_request_needs_its_reason(portal, resident, db):
    portal.sign_in(resident.email)
    response = _send(portal, "info_request", subject="Якість води", urgent="1", urgent_reason="")
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert _field_error(page, "urgent_reason") == "Обов&#39;язкове поле."
    assert (
        'value="Якість води"' in page and 'name="urgent" type="checkbox" value="1" checked' in page
    )
    assert _appeals_of(db, resident.id) == []

    reason = "Після аварії на водогоні вода має запах."
    response = _send(
        portal, "info_request", subject="Якість води", urgent="1", urgent_reason=reason
    )
    assert response.status_code == 303
    (request,) = _appeals_of(db, resident.id)
    assert request.urgent is True and request.urgent_reason == reason
    page = portal.page(f"/appeals/{request.id}")
    assert "Терміновий" in page and reason in page


def test_an_urgent_flag_sent_with_an_appeal_is_ignored(portal, resident, db):
    portal.sign_in(resident.email)
    assert _send(portal, "appeal", urgent="1", urgent_reason="Дуже").status_code == 303
    (appeal,) = _appeals_of(db, resident.id)
    assert appeal.urgent is False and appeal.urgent_reason is None


def test_missing_fields_are_named_beside_them_and_values_kept(portal, resident, db):
    portal.sign_in(resident.email)
    response = portal.submit("/reception/appeal", {"subject": "", "text": "", "category": "ЖКГ"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert _field_error(page, "subject") == "Обов&#39;язкове поле."
    assert _field_error(page, "text") == "Обов&#39;язкове поле."
    assert '<a href="#f-subject">Тема: Обов&#39;язкове поле.</a>' in page
    assert 'value="ЖКГ"' in page
    long_subject = {"subject": "т" * 301, "text": "Текст"}
    page = portal.submit("/reception/appeal", long_subject).get_data(as_text=True)
    assert "Не довше 300 символів" in _field_error(page, "subject")
    assert _appeals_of(db, resident.id) == []


def test_a_disguised_file_is_refused_beside_the_files_field(portal, resident, db):
    portal.sign_in(resident.email)
    response = _send(portal, "appeal", attachments=[(io.BytesIO(EXE), "скарга.pdf")])
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert _field_error(page, "attachments") == "Вміст файлу не відповідає його типу."
    assert "виберіть їх ще раз" in page

    two = [(io.BytesIO(PDF), "добрий.pdf"), (io.BytesIO(EXE), "програма.exe")]
    page = _send(portal, "appeal", attachments=two).get_data(as_text=True)
    assert _field_error(page, "attachments").startswith("програма.exe: Недозволений тип файлу.")
    assert _appeals_of(db, resident.id) == []


def test_registration_shows_the_number_and_due_date(portal, resident, db, officer):
    portal.sign_in(resident.email)
    _send(portal, "appeal")
    (appeal,) = _appeals_of(db, resident.id)
    with db() as session:
        registered = reception.register(session, officer, appeal.id)
        number = registered.registration_number
    page = portal.page(f"/appeals/{appeal.id}")
    assert f"Звернення № {number}" in page and "Строк розгляду" in page
    assert "очікує реєстрації" not in page
    listing = portal.page("/appeals")
    assert number in listing and "Ремонт дороги" in listing
    cabinet = portal.page("/cabinet/")
    assert "Мої звернення та запити" in cabinet and f"№ {number}" in cabinet


def test_my_requests_show_the_answer_and_its_files(
    app, portal, resident, make_resident, db, officer
):
    portal.sign_in(resident.email)
    _send(portal, "info_request", attachments=[(io.BytesIO(PDF), "запит.pdf")])
    (request,) = _appeals_of(db, resident.id)
    with db() as session:
        reception.register(session, officer, request.id)
        reception.assign(session, officer, request.id, officer.user_id)
        reception.answer(
            session,
            officer,
            request.id,
            "Надаємо кошторис школи.\nДодаток — у файлі.",
            [("кошторис.pdf", ANSWER_PDF)],
        )
        files = {
            f["name"]: f["file_id"] for f in reception.appeal_files(session, officer, request.id)
        }
    url = f"/appeals/{request.id}"
    page = portal.page(url)
    assert "Надано відповідь" in page
    assert "Надаємо кошторис школи.\nДодаток — у файлі." in page
    answer_link = f"{url}/files/{files['кошторис.pdf']}"
    assert f'href="{answer_link}"' in page
    response = portal.get(answer_link)
    assert response.status_code == 200 and response.data == ANSWER_PDF
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert portal.get(f"{url}/files/{files['запит.pdf']}").data == PDF

    stranger = app.test_client()
    stranger.sign_in(make_resident().email)
    for other_url in (url, answer_link, "/appeals/999999", f"{url}/files/999999"):
        assert stranger.get(other_url).status_code == 404, other_url
    assert "Бюджет" not in stranger.page("/appeals")


def test_a_file_of_another_appeal_is_not_found_through_mine(portal, resident, make_resident, db):
    other = make_resident()
    with db() as session:
        theirs = reception.submit(
            session,
            Actor.for_user(session.get(User, other.id), "web"),
            kind="appeal",
            subject="Чуже",
            text="Чужий текст",
            attachments=[("чуже.pdf", ANSWER_PDF)],
        )
        (their_file,) = [
            f["file_id"] for f in reception.appeal_files(session, Actor.system(), theirs.id)
        ]
    portal.sign_in(resident.email)
    _send(portal, "appeal")
    (mine,) = _appeals_of(db, resident.id)
    assert portal.get(f"/appeals/{mine.id}/files/{their_file}").status_code == 404
    assert portal.get(f"/appeals/{theirs.id}").status_code == 404


def test_a_request_over_the_whole_limit_gets_a_friendly_page(app, portal, resident, db):
    portal.sign_in(resident.email)
    token = csrf_token(portal.page("/reception/appeal"))
    boundary = "reception-test"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n{token}\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="attachments"; '
            f'filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n'
        ).encode()
        + PDF
        + b"0" * app.config["MAX_CONTENT_LENGTH"]
        + f"\r\n--{boundary}--\r\n".encode()
    )
    response = portal.post(
        "/reception/appeal", data=body, content_type=f"multipart/form-data; boundary={boundary}"
    )
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert "<h1>Файли завеликі</h1>" in page and 'href="/reception/appeal"' in page
    assert _appeals_of(db, resident.id) == []


def test_script_in_every_text_field_comes_back_as_text(portal, resident, db, officer):
    portal.sign_in(resident.email)
    for payload in (SCRIPT, BREAKOUT):
        fields = {"subject": payload, "text": "", "category": payload, "urgent": "1"}
        response = portal.submit("/reception/info-request", {**fields, "urgent_reason": payload})
        assert response.status_code == 422
        _assert_inert(response.get_data(as_text=True))
    fields = {"subject": SCRIPT, "text": BREAKOUT, "category": SCRIPT, "urgent": "1"}
    response = portal.submit("/reception/info-request", {**fields, "urgent_reason": BREAKOUT})
    assert response.status_code == 303
    (request,) = _appeals_of(db, resident.id)
    with db() as session:
        reception.register(session, officer, request.id)
        reception.assign(session, officer, request.id, officer.user_id)
        reception.answer(session, officer, request.id, SCRIPT)
    for url in (f"/appeals/{request.id}", "/appeals", "/cabinet/"):
        _assert_inert(portal.page(url))
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in portal.page(
        f"/appeals/{request.id}"
    )


def test_the_pages_speak_english_on_request(portal, resident):
    portal.submit("/", {"lang": "en", "next": "/reception"}, action="/language")
    page = portal.page("/reception")
    assert "E-Reception" in page and "5 working days" in page and "48 hours" in page
