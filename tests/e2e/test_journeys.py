"""A resident's journeys through the portal in a real browser, the staff side through core.

Fields are found the way assistive technology finds them (by their label, a button by its
name): a field these locators cannot reach is an accessibility bug of the page.
"""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from backoffice.core import reception, services
from backoffice.core.actor import Actor
from backoffice.models import Role
from tests.conftest import People
from tests.e2e.conftest import PASSWORD, PDF, numbered, screenshot, sign_in, unique

RESULT = b"%PDF-1.4\n1 0 obj << /Title (Certificate 42) >> endobj\ntrailer <<>>\n%%EOF\n"


def _id_in(page: Page, pattern: str) -> int:
    found = re.search(pattern, page.url)
    assert found, f"{page.url} is not {pattern}"
    return int(found.group(1))


def _figure(region: Locator, term: str) -> Locator:
    """The <dd> of the <dt> named ``term`` in a list of figures."""
    return (
        region.locator("dl > div")
        .filter(has=region.page.get_by_role("term").filter(has_text=re.compile(f"^{term}$")))
        .get_by_role("definition")
    )


def _staff(db, role: Role) -> Actor:
    with db() as session:
        return People.actor(People(session).staff(role))


def test_register_order_a_service_and_download_the_result(page: Page, db, make_service):
    title = numbered("Довідка про несудимість")
    service_id = make_service(title)
    email = f"{unique('olena')}@example.com"

    # Register through the header's link; the form leads to signing in with the address filled.
    page.goto("/")
    page.get_by_role("link", name="Зареєструватися").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Реєстрація")
    page.get_by_label("Прізвище, ім'я та по батькові").fill("Олена Петрівна Коваль")
    page.get_by_label("Електронна пошта").fill(email)
    page.get_by_label("Телефон").fill("067 123 45 67")
    page.get_by_label("Пароль").fill(PASSWORD)
    page.get_by_label("Я погоджуюся на обробку моїх персональних даних").check()
    page.get_by_role("button", name="Зареєструватися").click()
    expect(page.get_by_role("status")).to_contain_text("Обліковий запис створено")
    expect(page.get_by_label("Електронна пошта")).to_have_value(email)
    page.get_by_label("Пароль").fill(PASSWORD)
    page.get_by_role("button", name="Увійти", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Мій кабінет")

    # The catalog → the service → its generated form, with a PDF attached.
    page.get_by_role("navigation", name="Розділи порталу").get_by_role(
        "link", name="Послуги ЦНАП"
    ).click()
    page.get_by_role("link", name=title, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page).to_have_url(re.compile(rf"/services/{service_id}$"))
    page.get_by_role("link", name="Заповнити заяву").click()
    page.get_by_label("Прізвище та ім'я").fill("Олена Коваль")
    page.get_by_label("Дата народження").fill("1990-05-17")
    page.get_by_role("group", name="Мета отримання").get_by_label("Навчання").check()
    page.get_by_label("Кількість примірників").fill("2")
    page.get_by_label("Коментар").fill("Прошу надіслати в кабінет.")
    page.get_by_label("Погоджуюся на обробку даних").check()
    page.get_by_label("Скан паспорта").set_input_files(
        files=[{"name": "паспорт.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.get_by_role("button", name="Подати заяву").click()
    expect(page.get_by_role("status")).to_contain_text("Заяву зареєстровано за №")
    order_id = _id_in(page, r"/orders/(\d+)$")
    expect(page.get_by_text("Подано", exact=True).first).to_be_visible()
    expect(page.get_by_role("link", name="паспорт.pdf")).to_be_visible()

    # The clerk, at the desktop: accepts, starts, marks ready with the result, completes.
    clerk = _staff(db, Role.CLERK)
    with db() as session:
        services.accept(session, clerk, order_id)
        services.start(session, clerk, order_id)
        services.mark_ready(
            session, clerk, order_id, "Довідка 42.pdf", RESULT, note="Підписано КЕП."
        )
        services.complete(session, clerk, order_id)

    # The resident finds it completed in My orders and downloads the result.
    page.goto("/orders")
    expect(page.get_by_role("heading", level=1)).to_have_text("Мої заяви на послуги")
    page.get_by_role("link", name=title, exact=True).click()
    expect(page.locator(".status").first).to_have_text("Виконано")
    timeline = page.get_by_role("region", name="Хід розгляду")
    for step in ("Заяву прийнято до розгляду", "Заяву взято в роботу", "Послугу надано"):
        expect(timeline).to_contain_text(step)
    with page.expect_download() as info:
        page.get_by_role("link", name="Завантажити результат").click()
    download = info.value
    assert download.suggested_filename == "Довідка 42.pdf"
    assert Path(download.path()).read_bytes() == RESULT
    screenshot(page, "a-order-completed")


def test_an_appeal_is_answered_and_the_resident_reads_the_answer(page: Page, db, make_resident):
    resident = make_resident()
    sign_in(page, resident.email)
    subject = numbered("Ремонт тротуару на вул. Живова,")

    page.get_by_role("navigation", name="Розділи порталу").get_by_role(
        "link", name="Е-приймальня"
    ).click()
    page.get_by_role("link", name="Звернення", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Нове звернення")
    page.get_by_label("Тема").fill(subject)
    page.get_by_label("Текст звернення").fill("Прошу відремонтувати тротуар біля будинку 9.")
    page.get_by_label("Сфера").fill("благоустрій")
    page.get_by_role("button", name="Надіслати").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(subject)
    appeal_id = _id_in(page, r"/appeals/(\d+)$")
    expect(page.get_by_text("Отримано, очікує реєстрації")).to_be_visible()

    officer = _staff(db, Role.RECEPTION)
    answer = "Ремонт тротуару внесено до плану робіт на травень.\nДякуємо за звернення."
    with db() as session:
        number = reception.register(session, officer, appeal_id).registration_number
        reception.assign(session, officer, appeal_id, officer.user_id)
        reception.answer(session, officer, appeal_id, answer)

    # The cabinet shows the unread notifications; the answer's one leads to the appeal.
    page.goto("/")
    cabinet = page.get_by_role("navigation", name="Розділи порталу").get_by_role(
        "link", name="Мій кабінет"
    )
    expect(cabinet).to_contain_text("непрочитаних сповіщень")
    cabinet.click()
    notifications = page.get_by_role("region", name="Сповіщення")
    expect(notifications).to_contain_text(f"№ {number}")
    expect(notifications.get_by_role("link", name=re.compile("надано відповідь"))).to_be_visible()

    # My requests → the appeal → the answer.
    page.get_by_role("link", name="Усі мої звернення та запити").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Мої звернення та запити")
    page.get_by_role("link", name=re.compile(rf"{re.escape(subject)}$")).click()
    expect(page.get_by_text("Надано відповідь").first).to_be_visible()
    expect(page.get_by_role("region", name="Відповідь")).to_contain_text(
        "Ремонт тротуару внесено до плану робіт на травень."
    )
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"№ {number}")

    # The notification itself, read from the cabinet, leads to the same page.
    page.goto("/cabinet/")
    page.get_by_role("region", name="Сповіщення").get_by_role(
        "link", name=re.compile("надано відповідь")
    ).click()
    expect(page).to_have_url(re.compile(rf"/appeals/{appeal_id}$"))
    screenshot(page, "b-appeal-answered")


def test_a_resident_votes_once_and_a_second_ballot_is_refused(
    context, page: Page, make_resident, make_survey
):
    title = numbered("Новий сквер №")
    survey_id = make_survey(title)
    resident = make_resident()
    sign_in(page, resident.email)

    page.get_by_role("navigation", name="Розділи порталу").get_by_role(
        "link", name="Опитування"
    ).click()
    page.get_by_role("link", name=title, exact=True).click()
    expect(page).to_have_url(re.compile(rf"/democracy/surveys/{survey_id}$"))
    # The same ballot, open in a second tab before the first one is sent.
    second_tab = context.new_page()
    second_tab.goto(page.url)

    ballot = page.get_by_role("region", name="Бюлетень")
    where = ballot.get_by_role("group", name="Де облаштувати новий сквер?")
    where.get_by_label("На Дружбі").check()
    what = ballot.get_by_role("group", name="Що додати у сквер?")
    what.get_by_label("Лави").check()
    what.get_by_label("Світло").check()
    ballot.get_by_label("Ваші побажання").fill("Більше дерев.")
    ballot.get_by_role("button", name="Проголосувати").click()
    expect(page.get_by_role("status")).to_have_text("Дякуємо! Ваш голос зараховано.")
    expect(page.get_by_text("Ви вже проголосували в цьому опитуванні.")).to_be_visible()
    expect(page.get_by_role("button", name="Проголосувати")).to_have_count(0)
    results = page.get_by_role("region", name="Результати")
    expect(results).to_contain_text("Бюлетенів: 1")

    other = second_tab.get_by_role("region", name="Бюлетень")
    other.get_by_role("group", name="Де облаштувати новий сквер?").get_by_label("В центрі").check()
    other.get_by_role("button", name="Проголосувати").click()
    expect(second_tab.get_by_role("alert")).to_have_text("Ви вже проголосували в цьому опитуванні.")
    expect(second_tab.get_by_role("region", name="Результати")).to_contain_text("Бюлетенів: 1")
    screenshot(second_tab, "c-second-ballot-refused")
    screenshot(page, "c-voted")


def test_an_anonymous_ride_rating_shows_in_the_route_statistics(page: Page, make_route):
    route_id, number = make_route("Схід — Центр")

    page.goto("/")
    page.get_by_role("navigation", name="Розділи порталу").get_by_role(
        "link", name="Оцініть поїздку"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Оцініть поїздку")
    page.get_by_label("Маршрут").select_option(label=f"Тролейбус № {number} · Схід — Центр")
    page.get_by_label("Бортовий номер транспорту").fill("215")
    expect(page.get_by_label("Дата й час поїздки")).not_to_have_value("")
    page.get_by_role("group", name="Загальна оцінка поїздки").get_by_label("4 — добре").check()
    page.get_by_role("group", name="Пунктуальність").get_by_label("5 — чудово").check()
    page.get_by_role("group", name="Водій").get_by_label("3 — задовільно").check()
    page.get_by_label("Коментар").fill("Чисто, але тісно.")
    page.get_by_role("button", name="Надіслати оцінку").click()

    expect(page.get_by_role("status")).to_have_text("Дякуємо! Вашу оцінку збережено.")
    expect(page).to_have_url(re.compile(rf"/rides/routes/{route_id}$"))
    summary = page.get_by_role("region", name="Оцінки за весь час")
    expect(_figure(summary, "Відгуків")).to_have_text("1")
    expect(_figure(summary, "Загальна оцінка")).to_have_text("4,00 з 5")
    expect(_figure(summary, "Пунктуальність")).to_have_text("5,00 з 5")
    expect(_figure(summary, "Чистота салону")).to_have_text("—")

    page.get_by_role("link", name="Статистика оцінок").click()
    row = page.get_by_role("row", name=re.compile(rf"Тролейбус № {number}\b"))
    expect(row.get_by_role("cell")).to_have_text(["1", "4,00", "5,00", "—", "3,00", "—"])
    screenshot(page, "d-ride-statistics")
