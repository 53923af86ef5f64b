"""Services (ЦНАП) on the portal: the catalog, the application form built from a service's
schema, and My orders (timeline, answering a request for information, cancelling, the result).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from backoffice.core import files, services
from backoffice.core.actor import Actor
from backoffice.models import Order, OrderAttachment, Role, StoredFile, User
from tests.conftest import People
from tests.web.conftest import csrf_token
from tests.web.test_escaping import BREAKOUT, SCRIPT, _assert_inert

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
RESULT = PDF.replace(b"<<>>", b"<< /Title (Result) >>")
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64
TAX_NUMBER = "1234567899"

SCHEMA = [
    {"name": "full_name", "label": "Прізвище та ім'я", "type": "text", "required": True},
    {"name": "copies", "label": "Кількість примірників", "type": "number", "min": 1, "max": 5},
    {"name": "birthday", "label": "Дата народження", "type": "date", "required": True},
    {"name": "tax_number", "label": "РНОКПП", "type": "tax_number"},
    {"name": "purpose", "label": "Мета", "type": "select", "required": True,
     "options": ["Робота", "Навчання", "Виїзд за кордон"]},
    {"name": "region", "label": "Область", "type": "select",
     "options": ["Тернопільська", "Львівська", "Волинська", "Рівненська", "Хмельницька",
                 "Івано-Франківська"]},
    {"name": "comment", "label": "Коментар", "type": "textarea"},
    {"name": "consent", "label": "Погоджуюся на обробку даних", "type": "checkbox",
     "required": True},
    {"name": "passport", "label": "Скан паспорта", "type": "file", "required": True},
]  # fmt: skip
VALID = {
    "full_name": "Іваненко Іван",
    "copies": "2",
    "birthday": "1990-05-17",
    "tax_number": TAX_NUMBER,
    "purpose": "Навчання",
    "region": "Львівська",
    "comment": "Прошу видати швидше.",
    "consent": "1",
}


@dataclass
class Catalog:
    passports: int
    land: int
    service: int  # the one with the whole schema above
    plot: int
    closed: int
    clerk: Actor


@pytest.fixture
def catalog(db) -> Catalog:
    admin = Actor.system()
    with db() as session:
        passports = services.create_category(session, admin, code="pass", title="Паспорти")
        land = services.create_category(session, admin, code="land", title="Земля")
        service = services.create_service(
            session,
            admin,
            code="cert",
            category_id=passports.id,
            title="Довідка про несудимість для паспорта",
            description="Довідка з бази МВС.\nВидається один раз.",
            required_documents=["Паспорт громадянина України", "РНОКПП"],
            term_days=10,
            term_counts="calendar",
            fee="85",
            department="Відділ паспортних послуг",
            form_schema=SCHEMA,
        )
        plot = services.create_service(
            session,
            admin,
            code="plot",
            category_id=land.id,
            title="Витяг про земельну ділянку",
            term_days=3,
            term_counts="working",
            form_schema=[{"name": "number", "label": "Кадастровий номер", "type": "text"}],
        )
        closed = services.create_service(
            session,
            admin,
            code="old",
            category_id=land.id,
            title="Закрита послуга про паспорт",
            active=False,
        )
        clerk = People(session).staff(Role.CLERK, full_name="Оксана Клерк")
        return Catalog(
            passports.id,
            land.id,
            service.id,
            plot.id,
            closed.id,
            Actor.for_user(clerk, "desktop"),
        )


def _resident_actor(session, user) -> Actor:
    return Actor.for_user(session.get(User, user.id), "web")


def _pdf(name: str = "passport.pdf", data: bytes = PDF):
    return (io.BytesIO(data), name)


def _order(portal, catalog, answers=None, **file_fields):
    data = {**VALID, **(answers or {})}
    data.update(file_fields or {"passport": _pdf()})
    return portal.submit(f"/services/{catalog.service}/order", data)


def _orders_of(db, user_id):
    with db() as session:
        return session.scalars(select(Order).where(Order.applicant_id == user_id)).all()


def _field_error(page: str, name: str) -> str:
    found = re.search(rf'<p class="field-error" id="f-{name}-error">(.*?)</p>', page, re.S)
    assert found, f"no error beside {name}"
    return re.sub(r"<[^>]+>", "", found.group(1)).strip()


# --- the catalog ---------------------------------------------------------------------------


def test_the_catalog_lists_active_services_by_category_for_anyone(portal, catalog):
    page = portal.page("/services")
    assert "Довідка про несудимість для паспорта" in page
    assert "Витяг про земельну ділянку" in page
    assert "Закрита послуга" not in page
    assert page.index(">Паспорти<") < page.index("Довідка про несудимість")
    assert "10 календарних днів" in page and "3 робочі дні" in page
    assert "85,00 грн" in page and "Безоплатно" in page


def test_the_catalog_searches_and_filters_by_category(portal, catalog):
    page = portal.page("/services?query=паспорт")
    assert "Довідка про несудимість для паспорта" in page
    assert "Витяг про земельну" not in page and "Закрита послуга" not in page
    assert 'value="паспорт"' in page

    page = portal.page(f"/services?category_id={catalog.land}")
    assert "Витяг про земельну ділянку" in page and "Довідка про несудимість" not in page
    assert f'<option value="{catalog.land}" selected>' in page

    page = portal.page(f"/services?category_id={catalog.land}&query=паспорт")
    assert "Нічого не знайдено" in page

    page = portal.page("/services?category_id=abc", expected=400)
    assert _field_error(page, "category_id") == "Має бути цілим числом."


def test_a_service_page_shows_what_to_know_before_ordering(portal, catalog, resident):
    page = portal.page(f"/services/{catalog.service}")
    for text in (
        "<h1>Довідка про несудимість для паспорта</h1>",
        "Довідка з бази МВС.\nВидається один раз.",
        "<li>Паспорт громадянина України</li>",
        "10 календарних днів",
        "85,00 грн",
        "Відділ паспортних послуг",
    ):
        assert text in page
    order_url = f"/services/{catalog.service}/order"
    assert f'href="/sign-in?next={order_url}"' in page
    portal.sign_in(resident.email)
    assert f'href="{order_url}"' in portal.page(f"/services/{catalog.service}")
    portal.page(f"/services/{catalog.closed}", expected=404)
    portal.page("/services/999999", expected=404)
    portal.page(f"/services/{catalog.closed}/order", expected=404)


# --- the application form ------------------------------------------------------------------


def test_ordering_needs_a_signed_in_resident(portal, catalog):
    url = f"/services/{catalog.service}/order"
    response = portal.get(url)
    assert response.status_code == 303
    assert response.headers["Location"] == f"/sign-in?next={url}"


def test_the_form_is_built_from_the_schema_accessibly(portal, catalog, resident):
    portal.sign_in(resident.email)
    page = portal.page(f"/services/{catalog.service}/order")
    assert 'enctype="multipart/form-data"' in page
    assert '<label for="f-full_name">Прізвище та ім&#39;я</label>' in page
    assert 'id="f-birthday" name="birthday" type="date"' in page
    # A short choice is a group of radios in a fieldset; a long one a list.
    assert re.search(r"<fieldset[^>]*>\s*<legend>Мета</legend>", page)
    assert 'type="radio" id="f-purpose" name="purpose" value="Робота"' in page
    assert '<select id="f-region" name="region"' in page
    assert 'type="file" id="f-passport" name="passport" multiple' in page
    assert 'id="f-consent" name="consent" type="checkbox"' in page
    assert "Один файл — до 10 МБ" in page


def test_a_form_with_errors_comes_back_with_messages_beside_the_fields(
    portal, catalog, resident, db
):
    portal.sign_in(resident.email)
    answers = {
        "full_name": "Іваненко Іван",
        "copies": "9",
        "birthday": "17.05.1990",
        "tax_number": "1234567890",
        "purpose": "",
        "consent": "",
        "region": "Львівська",
        "comment": "Мій коментар",
    }
    response = portal.submit(f"/services/{catalog.service}/order", answers)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert _field_error(page, "copies") == "Помилка: Не більше 5."
    assert _field_error(page, "birthday") == "Помилка: Дата у форматі РРРР-ММ-ДД."
    assert "10 цифр з правильною контрольною цифрою" in _field_error(page, "tax_number")
    assert _field_error(page, "purpose") == "Помилка: Обов&#39;язкове поле."
    assert _field_error(page, "consent") == "Помилка: Потрібно позначити."
    assert _field_error(page, "passport") == "Помилка: Додайте файл."
    assert 'aria-describedby="f-copies-error" aria-invalid="true"' in page
    assert '<a href="#f-copies">Кількість примірників: Не більше 5.</a>' in page
    # What was typed stays.
    assert 'value="Іваненко Іван"' in page and 'value="17.05.1990"' in page
    assert '<option value="Львівська" selected>' in page
    assert ">Мій коментар</textarea>" in page
    assert _orders_of(db, resident.id) == []


def test_a_valid_form_registers_the_order_with_a_number_and_due_date(portal, catalog, resident, db):
    portal.sign_in(resident.email)
    response = _order(portal, catalog)
    assert response.status_code == 303
    (order,) = _orders_of(db, resident.id)
    assert response.headers["Location"] == f"/orders/{order.id}"
    assert order.answers == {
        "full_name": "Іваненко Іван",
        "copies": 2,
        "birthday": "1990-05-17",
        "tax_number": TAX_NUMBER,
        "purpose": "Навчання",
        "region": "Львівська",
        "comment": "Прошу видати швидше.",
        "consent": True,
    }
    assert order.status == "submitted" and order.channel == "web"
    with db() as session:
        stored = session.scalars(
            select(StoredFile)
            .join(OrderAttachment, OrderAttachment.file_id == StoredFile.id)
            .where(OrderAttachment.order_id == order.id, OrderAttachment.field == "passport")
        ).one()
        assert (stored.name, stored.media_type, stored.content) == (
            "passport.pdf",
            "application/pdf",
            PDF,
        )

    page = portal.page(f"/orders/{order.id}")
    assert f"Заяву зареєстровано за № {order.registration_number}." in page
    assert "Строк розгляду — до " in page
    assert f"Заява № {order.registration_number}" in page
    assert "Подано" in page and "Заяву подано" in page  # status and the timeline
    assert "Іваненко Іван" in page and "passport.pdf" in page
    # Answers read as residents wrote them: a date as 17.05.1990, a tick as "так".
    assert '<dd class="plain-text">17.05.1990</dd>' in page and "1990-05-17" not in page
    assert '<dd class="plain-text">так</dd>' in page


def _multipart(fields: dict[str, str], name: str, filename: str, data: bytes):
    boundary = "portal-test-boundary"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
        for key, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
        f'filename="{filename}"\r\nContent-Type: application/pdf\r\n\r\n'.encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def test_an_oversized_file_is_refused_beside_its_field(portal, catalog, resident, db):
    portal.sign_in(resident.email)
    url = f"/services/{catalog.service}/order"
    token = csrf_token(portal.page(url))
    big = PDF + b"0" * files.MAX_FILE_BYTES
    body, content_type = _multipart({**VALID, "csrf_token": token}, "passport", "big.pdf", big)
    response = portal.post(url, data=body, content_type=content_type)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert _field_error(page, "passport") == "Помилка: Файл більший за 10 МБ."
    assert "виберіть їх ще раз" in page
    assert _orders_of(db, resident.id) == []


def test_a_request_over_the_whole_limit_gets_a_friendly_page(app, portal, catalog, resident, db):
    portal.sign_in(resident.email)
    url = f"/services/{catalog.service}/order"
    token = csrf_token(portal.page(url))
    too_much = PDF + b"0" * app.config["MAX_CONTENT_LENGTH"]
    body, content_type = _multipart({**VALID, "csrf_token": token}, "passport", "a.pdf", too_much)
    response = portal.post(url, data=body, content_type=content_type)
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert "<h1>Файли завеликі</h1>" in page and "до 16 МБ" in page
    assert f'href="{url}"' in page
    assert _orders_of(db, resident.id) == []


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("passport.pdf", EXE, "Вміст файлу не відповідає його типу."),
        ("passport.exe", EXE, "Недозволений тип файлу."),
        ("passport.pdf", b"", "Файл порожній."),
    ],
)
def test_a_disguised_or_empty_file_is_refused(portal, catalog, resident, db, name, data, message):
    portal.sign_in(resident.email)
    response = _order(portal, catalog, passport=_pdf(name, data))
    assert response.status_code == 422
    assert message in _field_error(response.get_data(as_text=True), "passport")
    assert _orders_of(db, resident.id) == []


def test_a_service_closed_meanwhile_is_said_at_the_top(portal, catalog, resident, db):
    portal.sign_in(resident.email)
    token_page = portal.page(f"/services/{catalog.plot}/order")
    with db() as session:
        services.set_service_active(session, Actor.system(), catalog.plot, False)
    response = portal.post(
        f"/services/{catalog.plot}/order",
        data={"number": "1", "csrf_token": csrf_token(token_page)},
    )
    assert response.status_code == 404  # no longer in the public catalog


# --- my orders -----------------------------------------------------------------------------


def _submitted(portal, catalog, resident, db) -> Order:
    portal.sign_in(resident.email)
    assert _order(portal, catalog).status_code == 303
    (order,) = _orders_of(db, resident.id)
    return order


def test_my_orders_and_the_cabinet_list_only_my_own(portal, catalog, resident, make_resident, db):
    other = make_resident()
    with db() as session:
        services.submit_order(
            session, _resident_actor(session, other), catalog.plot, {"number": "чужий"}
        )
    order = _submitted(portal, catalog, resident, db)
    page = portal.page("/orders")
    assert order.registration_number in page and "Довідка про несудимість" in page
    assert "Витяг про земельну" not in page
    cabinet = portal.page("/cabinet/")
    assert "Мої заяви на послуги" in cabinet and order.registration_number in cabinet
    assert f'href="/orders/{order.id}"' in cabinet


def test_the_order_pages_need_sign_in(app, portal, catalog, resident, db):
    order = _submitted(portal, catalog, resident, db)
    portal = app.test_client()  # another browser, signed out
    for url in (
        "/orders",
        f"/orders/{order.id}",
        f"/orders/{order.id}/cancel",
        f"/orders/{order.id}/files/1",
    ):
        response = portal.get(url)
        assert response.status_code == 303, url
        assert response.headers["Location"] == f"/sign-in?next={url}"


def test_another_residents_order_and_its_files_are_not_found(
    app, portal, catalog, resident, make_resident, db
):
    order = _submitted(portal, catalog, resident, db)
    with db() as session:
        (file_id,) = session.scalars(
            select(OrderAttachment.file_id).where(OrderAttachment.order_id == order.id)
        ).all()
    assert portal.get(f"/orders/{order.id}/files/{file_id}").status_code == 200

    stranger = make_resident()
    portal = app.test_client()
    portal.sign_in(stranger.email)
    for url in (
        f"/orders/{order.id}",
        f"/orders/{order.id}/cancel",
        f"/orders/{order.id}/files/{file_id}",
        "/orders/999999",
    ):
        assert portal.get(url).status_code == 404, url
    for action in ("cancel", "info"):
        response = portal.submit("/orders", {"answer": "x"}, action=f"/orders/{order.id}/{action}")
        assert response.status_code == 404
    assert _orders_of(db, resident.id)[0].status == "submitted"

    # The owner cannot reach a file through an order it does not belong to.
    with db() as session:
        mine = services.submit_order(
            session, _resident_actor(session, stranger), catalog.plot, {"number": "1"}
        )
    assert portal.get(f"/orders/{mine.id}/files/{file_id}").status_code == 404


def test_answering_a_request_for_information(portal, catalog, resident, db):
    order = _submitted(portal, catalog, resident, db)
    with db() as session:
        services.accept(session, catalog.clerk, order.id)
        services.start(session, catalog.clerk, order.id)
        services.request_info(session, catalog.clerk, order.id, "Додайте копію\nсвідоцтва.")
    page = portal.page(f"/orders/{order.id}")
    assert "Потрібна додаткова інформація" in page
    assert "Додайте копію\nсвідоцтва." in page
    assert f'action="/orders/{order.id}/info"' in page

    url = f"/orders/{order.id}"
    response = portal.submit(url, {"answer": "  "}, action=f"{url}/info")
    assert response.status_code == 422
    assert _field_error(response.get_data(as_text=True), "answer") == (
        "Помилка: Обов&#39;язкове поле."
    )

    response = portal.submit(url, {"answer": "Копію додам у ЦНАП."}, action=f"{url}/info")
    assert response.status_code == 303 and response.headers["Location"] == url
    (order,) = _orders_of(db, resident.id)
    assert order.status == "in_progress" and order.info_answer == "Копію додам у ЦНАП."
    page = portal.page(url)
    assert "Відповідь надіслано" in page and "Ви надали відповідь" in page
    assert f'action="{url}/info"' not in page

    # A second answer (the page was open twice) is refused, not applied.
    response = portal.submit("/orders", {"answer": "Ще раз"}, action=f"{url}/info")
    assert response.status_code == 409
    assert "Відповідь не надіслано: стан заяви вже змінився" in response.get_data(as_text=True)
    assert _orders_of(db, resident.id)[0].info_answer == "Копію додам у ЦНАП."


def test_cancelling_while_submitted(portal, catalog, resident, db):
    order = _submitted(portal, catalog, resident, db)
    url = f"/orders/{order.id}"
    assert f'href="{url}/cancel"' in portal.page(url)
    confirm = portal.page(f"{url}/cancel")
    assert "Так, скасувати заяву" in confirm and f'action="{url}/cancel"' in confirm
    response = portal.submit(f"{url}/cancel", {})
    assert response.status_code == 303 and response.headers["Location"] == url
    assert _orders_of(db, resident.id)[0].status == "cancelled"
    page = portal.page(url)
    assert "Заяву скасовано." in page and "Ви скасували заяву" in page
    assert f'href="{url}/cancel"' not in page


def test_cancelling_is_refused_once_accepted(portal, catalog, resident, db):
    order = _submitted(portal, catalog, resident, db)
    url = f"/orders/{order.id}"
    token_page = portal.page(url)
    with db() as session:
        services.accept(session, catalog.clerk, order.id)
    page = portal.page(url)
    assert f'href="{url}/cancel"' not in page and "Прийнято до розгляду" in page

    response = portal.get(f"{url}/cancel")
    assert response.status_code == 303
    assert "вже не можна скасувати" in portal.page(url)

    response = portal.post(f"{url}/cancel", data={"csrf_token": csrf_token(token_page)})
    assert response.status_code == 409
    assert "Заяву не скасовано: стан заяви вже змінився" in response.get_data(as_text=True)
    assert _orders_of(db, resident.id)[0].status == "accepted"


def test_the_result_downloads_for_the_applicant_only(
    app, portal, catalog, resident, make_resident, db
):
    order = _submitted(portal, catalog, resident, db)
    with db() as session:
        services.accept(session, catalog.clerk, order.id)
        services.start(session, catalog.clerk, order.id)
        services.mark_ready(
            session, catalog.clerk, order.id, "Довідка №5.pdf", RESULT, note="Заберіть у ЦНАП."
        )
        result_id = session.get(Order, order.id).result_file_id
    page = portal.page(f"/orders/{order.id}")
    link = f"/orders/{order.id}/files/{result_id}"
    assert f'href="{link}"' in page and "Заберіть у ЦНАП." in page
    response = portal.get(link)
    assert response.status_code == 200 and response.data == RESULT
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "filename*=UTF-8''%D0%94%D0%BE%D0%B2%D1%96%D0%B4%D0%BA%D0%B0" in disposition
    assert "no-store" in response.headers["Cache-Control"]

    portal = app.test_client()
    assert portal.get(link).status_code == 303  # signed out: to the sign-in page
    portal.sign_in(make_resident().email)
    assert portal.get(link).status_code == 404


def test_script_in_every_field_comes_back_as_text(portal, catalog, resident, db):
    portal.sign_in(resident.email)
    for payload in (SCRIPT, BREAKOUT):
        answers = {"full_name": payload, "comment": payload, "birthday": payload}
        response = _order(portal, catalog, answers, passport=_pdf(f"{payload}.pdf"))
        assert response.status_code == 422
        _assert_inert(response.get_data(as_text=True))
        response = portal.page(f"/services?query={payload}", expected=200)
        _assert_inert(response)

    answers = {"full_name": SCRIPT, "comment": BREAKOUT}
    named = "<img src=x onerror=alert(1)>.pdf"  # a browser sends "<>" in a file name as is
    response = _order(portal, catalog, answers, passport=_pdf(named))
    assert response.status_code == 303
    (order,) = _orders_of(db, resident.id)
    with db() as session:
        services.accept(session, catalog.clerk, order.id)
        services.start(session, catalog.clerk, order.id)
        services.request_info(session, catalog.clerk, order.id, SCRIPT)
    url = f"/orders/{order.id}"
    portal.submit(url, {"answer": BREAKOUT}, action=f"{url}/info")
    for page_url in (url, "/orders", "/cabinet/"):
        page = portal.page(page_url)
        _assert_inert(page)
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in portal.page(url)


def test_the_pages_speak_english_on_request(portal, catalog, resident):
    portal.submit("/", {"lang": "en", "next": "/services"}, action="/language")
    page = portal.page(f"/services/{catalog.service}")
    assert "10 calendar days" in page and "Required documents" in page
    assert "3 working days" in portal.page("/services")
