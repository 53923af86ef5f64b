"""The Appeals & requests tab: list, filters, colours, the card, every action and its conflicts."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.core import reception
from backoffice.core.actor import Actor, Channel
from backoffice.core.calendar import local_date
from backoffice.models import Appeal, AppealEvent, AppealFile, Role, User
from backoffice.ui.tabs import appeals as tab
from backoffice.ui.tabs.appeals import DUE_SOON_COLOUR, OVERDUE_COLOUR, Panel
from backoffice.ui.widgets import kyiv_today
from tests.ui.helpers import wait_until_loaded

NOW = datetime.now(UTC)
PDF = b"%PDF-1.4 the answer"


class Desk:
    """Sets up residents and appeals in committed transactions, as another desk would."""

    def __init__(self, engine, make_staff) -> None:
        self.engine = engine
        self.colleague_user = make_staff(Role.RECEPTION, name="Петро Колега")
        self.colleague = Actor.for_user(self.colleague_user, Channel.DESKTOP)
        self._n = 0

    def resident(self, name: str) -> Actor:
        self._n += 1
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            user = User(
                email=f"resident{self._n}@example.com", full_name=name, phone="+380671112233"
            )
            session.add(user)
            session.flush()
            _ = user.roles
        return Actor.for_user(user, Channel.WEB)

    def submit(self, author: Actor, subject: str, *, kind="appeal", at=NOW, **fields) -> int:
        fields.setdefault("text", "Прошу розглянути.")
        with Session(self.engine) as session, session.begin():
            appeal = reception.submit(session, author, kind=kind, subject=subject, now=at, **fields)
            return appeal.id

    def act(self, function, *args, actor: Actor | None = None, **kw):
        with Session(self.engine) as session, session.begin():
            return function(session, actor or self.colleague, *args, **kw).id

    def appeal(self, appeal_id: int) -> Appeal:
        with Session(self.engine, expire_on_commit=False) as session:
            appeal = session.get(Appeal, appeal_id)
            _ = appeal.events, appeal.files
            return appeal


@pytest.fixture
def desk(committed_engine, make_staff) -> Desk:
    return Desk(committed_engine, make_staff)


def open_panel(qtbot, backend) -> Panel:
    panel = Panel(backend)
    qtbot.addWidget(panel)
    panel.start()
    wait_until_loaded(qtbot, panel)
    return panel


def ids(panel: Panel) -> set[int]:
    return {row["id"] for row in panel.model.rows}


def wait_rows(qtbot, panel: Panel, expected: set[int]) -> None:
    qtbot.waitUntil(lambda: not panel.model.loading and ids(panel) == expected, timeout=20_000)


def select_row(qtbot, panel: Panel, appeal_id: int) -> None:
    qtbot.waitUntil(lambda: panel.model.position_of(appeal_id) is not None)
    panel.table.selectRow(panel.model.position_of(appeal_id))
    qtbot.waitUntil(lambda: panel.card is not None and panel.card["id"] == appeal_id)


def wait_status(qtbot, panel: Panel, status: str) -> None:
    qtbot.waitUntil(
        lambda: panel.card is not None and panel.card["status"] == status, timeout=20_000
    )


def visible_actions(panel: Panel) -> set[str]:
    return {name for name, b in panel.action_buttons.items() if b.isVisibleTo(panel)}


def message_boxes(panel: Panel) -> list[QMessageBox]:
    return panel.findChildren(QMessageBox)


def choose(combo, value) -> None:
    combo.setCurrentIndex(combo.findData(value))


# --- the list ---------------------------------------------------------------------------------
@pytest.fixture
def three(desk, signed_in):
    """A: overdue appeal assigned to me; B: urgent info request, unassigned; C: a message."""
    backend = signed_in(Role.RECEPTION)
    me = backend.actor
    oksana = desk.resident("Оксана Коваль")
    ivan = desk.resident("Іван Мельник")
    marta = desk.resident("Марта Ліщук")
    old = NOW - timedelta(days=40)
    a = desk.submit(oksana, "Ремонт дороги на Руській", at=old)
    desk.act(reception.register, a, needs_study=False, now=old)
    desk.act(reception.assign, a, backend.user_id, now=old, actor=me)
    b = desk.submit(
        ivan, "Аварія водогону", kind="info_request", urgent=True, urgent_reason="Без води"
    )
    desk.act(reception.register, b)
    c = desk.submit(marta, "Подяка комунальникам", kind="message", at=NOW - timedelta(days=10))
    return backend, a, b, c


def test_tab_loads_and_the_model_is_sound(qtbot, qtmodeltester, three, desk):
    backend, a, b, c = three
    panel = open_panel(qtbot, backend)
    wait_rows(qtbot, panel, {a, b, c})
    qtmodeltester.check(panel.model, force_py=True)
    assert [row["id"] for row in panel.model.rows] == [b, c, a]  # newest first
    titles = [panel.model.headerData(i, Qt.Orientation.Horizontal) for i in range(9)]
    assert titles[0] == "Номер" and "Заявник" in titles and "Строк" in titles
    row_b = panel.model.position_of(b)
    texts = [panel.model.index(row_b, col).data() for col in range(9)]
    assert "запит" in texts and "зареєстровано" in texts
    assert tab.URGENT_MARK in texts and "Іван Мельник" in texts
    number = desk.appeal(b).registration_number
    assert texts[0] == number
    qtbot.waitUntil(lambda: panel.model.total == 3)
    assert "3 з 3" in panel.status.text()


def test_each_filter_and_the_search_narrow_the_list(qtbot, three, desk):
    backend, a, b, c = three
    panel = open_panel(qtbot, backend)
    wait_rows(qtbot, panel, {a, b, c})

    choose(panel.kind, "info_request")
    wait_rows(qtbot, panel, {b})
    choose(panel.kind, None)
    wait_rows(qtbot, panel, {a, b, c})

    choose(panel.status_filter, "received")
    wait_rows(qtbot, panel, {c})
    choose(panel.status_filter, tab.OPEN_STATUSES)
    wait_rows(qtbot, panel, {a, b, c})
    choose(panel.status_filter, None)

    choose(panel.assignee, "me")
    wait_rows(qtbot, panel, {a})
    choose(panel.assignee, "none")
    wait_rows(qtbot, panel, {b, c})
    choose(panel.assignee, None)
    wait_rows(qtbot, panel, {a, b, c})

    panel.overdue.setChecked(True)
    wait_rows(qtbot, panel, {a})
    panel.overdue.setChecked(False)
    panel.urgent.setChecked(True)
    wait_rows(qtbot, panel, {b})
    panel.urgent.setChecked(False)
    panel.due_soon.setChecked(True)
    wait_rows(qtbot, panel, {b})  # 48 hours from now
    panel.due_soon.setChecked(False)
    wait_rows(qtbot, panel, {a, b, c})

    panel.date_from.setDate(kyiv_today().addDays(-5))
    assert ids(panel) == {a, b, c}  # the range counts only when ticked
    panel.dated.setChecked(True)
    wait_rows(qtbot, panel, {b})
    panel.date_from.setDate(kyiv_today().addDays(-20))
    wait_rows(qtbot, panel, {b, c})
    panel.dated.setChecked(False)
    wait_rows(qtbot, panel, {a, b, c})

    panel.search.setText(desk.appeal(a).registration_number)
    wait_rows(qtbot, panel, {a})
    panel.search.setText("водогону")
    wait_rows(qtbot, panel, {b})
    panel.search.setText("ліщук")
    wait_rows(qtbot, panel, {c})
    panel.search.clear()
    wait_rows(qtbot, panel, {a, b, c})


def test_a_reversed_date_range_is_cores_message_under_the_list(qtbot, three):
    backend, *_ = three
    panel = open_panel(qtbot, backend)
    today = panel.date_to.date()
    panel.date_from.setDate(today.addDays(3))
    panel.dated.setChecked(True)
    qtbot.waitUntil(lambda: "Кінцева дата" in panel.status.text())
    assert panel.model.rowCount() == 0


def test_overdue_rows_are_red_and_due_soon_amber(qtbot, three, desk):
    backend, a, b, c = three
    old = NOW - timedelta(days=40)
    closed = desk.submit(desk.resident("Закрита Справа"), "Давнє звернення", at=old)
    desk.act(reception.register, closed, needs_study=False, now=old)
    desk.act(reception.assign, closed, desk.colleague_user.id, now=old)
    desk.act(reception.answer, closed, "Відповідь.")
    panel = open_panel(qtbot, backend)
    wait_rows(qtbot, panel, {a, b, c, closed})

    def colour(appeal_id):
        brush = panel.model.index(panel.model.position_of(appeal_id), 3).data(
            Qt.ItemDataRole.BackgroundRole
        )
        return None if brush is None else brush.color().name()

    assert colour(a) == OVERDUE_COLOUR
    assert colour(b) == DUE_SOON_COLOUR
    assert colour(c) is None  # not registered: no control date yet
    assert colour(closed) is None  # answered late, but closed
    select_row(qtbot, panel, a)
    assert "прострочено" in panel.fields.labels["due_at"].text()


# --- actions ----------------------------------------------------------------------------------
def test_register_assign_extend_answer_end_to_end(qtbot, desk, signed_in, monkeypatch, tmp_path):
    backend = signed_in(Role.RECEPTION)
    author = desk.resident("Ганна Заявниця")
    appeal_id = desk.submit(author, "Освітлення у дворі", text="Не світить ліхтар.")
    panel = open_panel(qtbot, backend)
    select_row(qtbot, panel, appeal_id)
    assert visible_actions(panel) == {"register", "forward", "mark_not_considered"}
    assert panel.text_view.toPlainText() == "Не світить ліхтар."

    # Register: a new number and a control date.
    monkeypatch.setattr(tab.dialogs, "ask_register", lambda *a, **k: {"needs_study": True})
    panel.perform("register")
    wait_status(qtbot, panel, "registered")
    assert panel.card["registration_number"]
    assert visible_actions(panel) == {"assign", "forward", "mark_not_considered"}

    # Assign: the officers offered are the reception's.
    offered = []

    def pick(parent, officers, **kw):
        offered.extend(o["full_name"] for o in officers)
        return {"assignee_id": desk.colleague_user.id}

    monkeypatch.setattr(tab.dialogs, "ask_assignee", pick)
    panel.perform("assign")
    wait_status(qtbot, panel, "assigned")
    assert "Петро Колега" in offered
    assert panel.card["assignee"] == "Петро Колега"
    assert "reassign" in visible_actions(panel) and "assign" not in visible_actions(panel)

    # Extend: a date in the past is refused by core and the dialog comes back with the message.
    asked = []
    today = local_date(NOW)

    def extension(parent, **kw):
        asked.append(kw)
        if len(asked) == 1:
            return {"new_due_date": today - timedelta(days=1), "reason": "Потрібен запит"}
        return {"new_due_date": today + timedelta(days=40), "reason": "Потрібен запит"}

    monkeypatch.setattr(tab.dialogs, "ask_extension", extension)
    panel.perform("extend")
    wait_status(qtbot, panel, "extended")
    assert len(asked) == 2
    assert "new_due_date" in asked[1]["errors"]
    assert asked[1]["initial"]["reason"] == "Потрібен запит"
    assert asked[0]["latest"] is not None

    # Answer with a file read from disk in the background.
    answer_file = tmp_path / "відповідь.pdf"
    answer_file.write_bytes(PDF)
    monkeypatch.setattr(
        tab.dialogs,
        "ask_answer",
        lambda *a, **k: {"text": "Ліхтар замінено.", "files": [str(answer_file)]},
    )
    panel.perform("answer")
    wait_status(qtbot, panel, "answered")
    assert panel.response_view.toPlainText() == "Ліхтар замінено."
    assert visible_actions(panel) == set()  # answered into the account: delivered already

    saved = desk.appeal(appeal_id)
    assert saved.status == "answered" and saved.response_text == "Ліхтар замінено."
    assert saved.assignee_id == desk.colleague_user.id
    assert local_date(saved.due_at) == today + timedelta(days=40)
    assert saved.extension_reason == "Потрібен запит"
    assert [e.action for e in saved.events] == ["submit", "register", "assign", "extend", "answer"]
    assert [f.purpose for f in saved.files] == ["response"]
    assert panel.timeline.count() == 5

    # Open: the file's bytes come from the database into a temporary file.
    opened: list[Path] = []
    monkeypatch.setattr(tab, "open_local_file", lambda path: opened.append(path) or True)
    assert panel.files_list.count() == 1
    panel.open_button.click()
    qtbot.waitUntil(lambda: bool(opened))
    assert opened[0].name == "відповідь.pdf" and opened[0].read_bytes() == PDF


def test_reassign_forward_not_considered_and_delivery(qtbot, desk, signed_in, monkeypatch):
    backend = signed_in(Role.RECEPTION)
    author = desk.resident("Тарас Різний")
    in_work = desk.submit(author, "Передати колезі")
    desk.act(reception.register, in_work)
    desk.act(reception.assign, in_work, desk.colleague_user.id)
    elsewhere = desk.submit(author, "Не наша справа")
    repeated = desk.submit(author, "Повторне")
    with Session(desk.engine) as session, session.begin():
        paper = reception.submit(
            session,
            desk.colleague,
            kind="appeal",
            subject="Лист поштою",
            text="Текст листа",
            applicant_name="Марія Паперова",
            applicant_contact="вул. Руська, 1",
        ).id
    desk.act(reception.register, paper)
    desk.act(reception.assign, paper, desk.colleague_user.id)
    desk.act(reception.answer, paper, "Відповідь поштою.")
    panel = open_panel(qtbot, backend)

    select_row(qtbot, panel, in_work)
    monkeypatch.setattr(
        tab.dialogs, "ask_assignee", lambda *a, **k: {"assignee_id": backend.user_id}
    )
    panel.perform("reassign")
    qtbot.waitUntil(lambda: panel.card["assignee"] == backend.actor.name, timeout=20_000)
    assert panel.card["status"] == "assigned"

    select_row(qtbot, panel, elsewhere)
    monkeypatch.setattr(
        tab.dialogs, "ask_forward", lambda *a, **k: {"to_body": "Держгеокадастр", "reason": "Земля"}
    )
    panel.perform("forward")
    wait_status(qtbot, panel, "forwarded")
    assert panel.fields.labels["forwarded_to"].text() == "Держгеокадастр"

    select_row(qtbot, panel, repeated)
    monkeypatch.setattr(tab.dialogs, "ask_not_considered", lambda *a, **k: {"reason": "Повторне"})
    panel.perform("mark_not_considered")
    wait_status(qtbot, panel, "not_considered")

    select_row(qtbot, panel, paper)
    assert visible_actions(panel) == {"mark_delivered"}
    assert panel.fields.labels["applicant_contact"].text() == "вул. Руська, 1"
    monkeypatch.setattr(tab.dialogs, "ask_delivered", lambda *a, **k: {})
    panel.perform("mark_delivered")
    qtbot.waitUntil(lambda: panel.card["delivered_at"] is not None, timeout=20_000)
    assert visible_actions(panel) == set()

    assert desk.appeal(in_work).assignee_id == backend.user_id
    assert desk.appeal(elsewhere).forwarded_to == "Держгеокадастр"
    assert desk.appeal(repeated).not_considered_reason == "Повторне"
    assert desk.appeal(paper).delivered_at is not None


def test_a_stale_version_shows_who_changed_it_and_reloads(qtbot, desk, signed_in, monkeypatch):
    backend = signed_in(Role.RECEPTION)
    appeal_id = desk.submit(desk.resident("Сергій Чекаючий"), "Сміття у дворі")
    panel = open_panel(qtbot, backend)
    select_row(qtbot, panel, appeal_id)
    seen = panel.card["version"]

    desk.act(reception.register, appeal_id)  # a colleague is quicker

    monkeypatch.setattr(tab.dialogs, "ask_register", lambda *a, **k: {"needs_study": True})
    panel.perform("register")
    qtbot.waitUntil(lambda: bool(message_boxes(panel)), timeout=20_000)
    text = message_boxes(panel)[0].text()
    assert "Петро Колега" in text and "оновлено" in text
    wait_status(qtbot, panel, "registered")
    assert panel.card["version"] != seen
    assert visible_actions(panel) == {"assign", "forward", "mark_not_considered"}
    with Session(desk.engine) as session:
        registrations = session.scalars(
            select(AppealEvent).where(
                AppealEvent.appeal_id == appeal_id, AppealEvent.action == "register"
            )
        ).all()
        assert len(registrations) == 1
    for box in message_boxes(panel):
        box.close()


def test_paper_appeal_from_the_reception(qtbot, desk, signed_in, monkeypatch, tmp_path):
    backend = signed_in(Role.RECEPTION)
    panel = open_panel(qtbot, backend)
    assert panel.new_button.isVisibleTo(panel)
    scan = tmp_path / "лист.pdf"
    scan.write_bytes(b"%PDF-1.4 scanned letter")
    letter = {
        "kind": "appeal",
        "subject": "Лист про ремонт даху",
        "text": "Тече дах.",
        "category": "ЖКГ",
        "applicant_name": "Степан Листовний",
        "applicant_contact": "вул. Шевченка, 5, кв. 2",
        "urgent": True,
        "urgent_reason": "Тече",
        "attachments": [str(scan)],
    }
    calls = []

    def ask(parent, **kw):
        calls.append(kw)
        if len(calls) == 1:
            return letter
        return dict(kw["initial"], urgent=False, urgent_reason=None)

    monkeypatch.setattr(tab.dialogs, "ask_paper_appeal", ask)
    panel.new_button.click()
    qtbot.waitUntil(lambda: panel.card is not None, timeout=20_000)
    assert "urgent" in calls[1]["errors"]  # only an information request may be urgent
    assert panel.card["channel"] == "paper"
    assert panel.card["applicant"] == "Степан Листовний"
    assert panel.files_list.count() == 1
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    with Session(desk.engine) as session:
        saved = session.scalar(select(Appeal).where(Appeal.subject == "Лист про ремонт даху"))
        assert saved.applicant_id is None and saved.applicant_name == "Степан Листовний"
        assert saved.status == "received" and not saved.urgent
        assert session.scalar(select(AppealFile).where(AppealFile.appeal_id == saved.id))


# --- who sees what ----------------------------------------------------------------------------
def test_manager_sees_no_actions_and_hidden_identity_masked(qtbot, desk, signed_in):
    backend = signed_in(Role.MANAGER)
    author = desk.resident("Таємна Заявниця")
    appeal_id = desk.submit(author, "Про корупцію", hide_identity=True)
    desk.act(reception.register, appeal_id)
    panel = open_panel(qtbot, backend)
    wait_rows(qtbot, panel, {appeal_id})
    assert panel.model.rows[0]["applicant"] == reception.HIDDEN_IDENTITY
    assert not panel.new_button.isVisibleTo(panel)
    select_row(qtbot, panel, appeal_id)
    assert panel.fields.labels["applicant"].text() == reception.HIDDEN_IDENTITY
    assert panel.fields.labels["applicant_contact"].text() == "—"
    assert visible_actions(panel) == set()
    timeline = [panel.timeline.item(i).text() for i in range(panel.timeline.count())]
    assert timeline and not any("Таємна" in line for line in timeline)


def test_residents_text_is_shown_as_plain_text(qtbot, desk, signed_in):
    backend = signed_in(Role.RECEPTION)
    markup = "<b>bold</b><script>x</script>"
    appeal_id = desk.submit(desk.resident("Хакер Тестовий"), "<i>тема</i>", text=markup)
    panel = open_panel(qtbot, backend)
    select_row(qtbot, panel, appeal_id)
    assert panel.text_view.toPlainText() == markup
    assert panel.text_view.isReadOnly()
    subject = panel.fields.labels["subject"]
    assert subject.textFormat() == Qt.TextFormat.PlainText and subject.text() == "<i>тема</i>"
    assert panel.title.textFormat() == Qt.TextFormat.PlainText


# --- a day's worth, to look at ----------------------------------------------------------------
def test_thirty_appeals_render(qtbot, desk, signed_in, tmp_path):
    backend = signed_in(Role.RECEPTION)
    subjects = [
        "Ремонт дороги на вул. Руській",
        "Не вивозять сміття",
        "Освітлення у дворі",
        "Шум від кафе вночі",
        "Запит про бюджет школи № 5",
        "Пропозиція щодо велодоріжки",
    ]
    names = ["Оксана Коваль", "Іван Мельник", "Марта Ліщук", "Богдан Гнатюк", "Ірина Шевчук"]
    authors = [desk.resident(name) for name in names]
    made = []
    for n in range(30):
        at = NOW - timedelta(days=(n * 37) % 45, hours=n)
        kind = ("appeal", "info_request", "message")[n % 3]
        urgent = kind == "info_request" and n % 2 == 1
        appeal_id = desk.submit(
            authors[n % len(authors)],
            subjects[n % len(subjects)],
            kind=kind,
            at=at,
            urgent=urgent,
            urgent_reason="Аварія" if urgent else None,
            hide_identity=n % 7 == 0,
        )
        made.append(appeal_id)
        if n % 5 == 4:
            continue  # still waiting for registration
        desk.act(reception.register, appeal_id, needs_study=n % 2 == 0, now=at)
        if n % 3 == 0:
            desk.act(reception.assign, appeal_id, desk.colleague_user.id, now=at)
        if n % 9 == 0 and n:
            desk.act(reception.answer, appeal_id, "Відповідь.", now=at)
    panel = Panel(backend)
    qtbot.addWidget(panel)
    panel.resize(1400, 800)
    panel.show()
    panel.start()
    wait_rows(qtbot, panel, set(made))
    select_row(qtbot, panel, made[3])
    reds = [
        r
        for r in range(panel.model.rowCount())
        if panel.model.index(r, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    ]
    assert reds  # some are late
    target = Path(os.environ.get("APPEALS_SCREENSHOT", tmp_path / "appeals_tab.png"))
    assert panel.grab().save(str(target))
