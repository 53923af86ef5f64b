"""The Activity log tab: newest first, filters, one entry's before/after, the chain check."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from backoffice.core import content
from backoffice.core.actor import Actor, Channel
from backoffice.models import ActivityEntry, Role
from backoffice.ui.listmodel import ROW_ROLE
from backoffice.ui.tabs.activity import BROKEN_COLOUR, Panel, PersonDialog
from backoffice.ui.widgets import kyiv_today
from tests.ui.helpers import wait_until_loaded


def _tamper(engine, dialect: str, statement: str) -> None:
    """Change an entry behind the application's back: the protection must be lifted first."""
    with engine.begin() as connection:
        if dialect == "postgresql":
            connection.execute(text("ALTER TABLE activity_entries DISABLE TRIGGER USER"))
            connection.execute(text(statement))
            connection.execute(text("ALTER TABLE activity_entries ENABLE TRIGGER USER"))
        else:
            connection.execute(text("DROP TRIGGER activity_entries_no_update"))
            connection.execute(text("DROP TRIGGER activity_entries_no_delete"))
            connection.execute(text(statement))


class History:
    """Content made and changed by two administrators, through core, committed."""

    def __init__(self, engine, make_staff) -> None:
        self.olena_user = make_staff(Role.ADMIN, name="Олена Адміністраторка")
        self.taras_user = make_staff(Role.ADMIN, name="Тарас Редактор")
        olena = Actor.for_user(self.olena_user, Channel.DESKTOP, client_address="10.1.1.1")
        taras = Actor.for_user(self.taras_user, Channel.DESKTOP)
        with Session(engine, expire_on_commit=False) as s, s.begin():
            self.page = content.create_page(s, olena, "pro-misto", "Про місто", "Старий текст")
            content.update_page(
                s, olena, self.page.id, "pro-misto", "Про наше місто", "Новий текст"
            )
            self.news = content.create_news_item(s, taras, "svyato", "Свято", "Запрошуємо")
            content.publish_news_item(s, taras, self.news.id)
            content.publish_page(s, olena, self.page.id)
        with Session(engine) as s:
            self.entries = list(s.scalars(select(ActivityEntry).order_by(ActivityEntry.id)))

    def ids(self, keep=lambda e: True) -> list[int]:
        return sorted((e.id for e in self.entries if keep(e)), reverse=True)


def _panel(qtbot, backend) -> Panel:
    panel = Panel(backend)
    qtbot.addWidget(panel)
    panel.start()
    wait_until_loaded(qtbot, panel)
    return panel


def _ids(panel: Panel) -> list[int]:
    return [row["id"] for row in panel.model.rows]


def _reloaded(qtbot, panel: Panel, expected: list[int]) -> None:
    qtbot.waitUntil(lambda: not panel.model.loading and _ids(panel) == expected, timeout=20_000)


def test_activity_tab_lists_newest_first_and_filters(
    qtbot, qtmodeltester, signed_in, make_staff, committed_engine
):
    backend = signed_in(Role.MANAGER)
    history = History(committed_engine, make_staff)
    panel = _panel(qtbot, backend)
    qtmodeltester.check(panel.model, force_py=True)
    assert _ids(panel) == history.ids() and len(history.entries) == 5
    first = panel.model.rows[-1]
    assert (first["actor"], first["action"], first["client_address"]) == (
        "Олена Адміністраторка",
        "page.created",
        "10.1.1.1",
    )
    index = panel.model.index(len(panel.model.rows) - 1, 5)
    assert panel.model.data(index) == f"сторінка №{history.page.id}"
    qtbot.waitUntil(lambda: panel.model.total == 5)

    panel.set_person(history.taras_user.id, "Тарас Редактор")
    _reloaded(qtbot, panel, history.ids(lambda e: e.actor_id == history.taras_user.id))
    assert "Тарас Редактор" in panel.person_button.text()
    panel.set_person(None, "")
    _reloaded(qtbot, panel, history.ids())

    panel.action.setEditText("page.updated")  # one action exactly
    _reloaded(qtbot, panel, history.ids(lambda e: e.action == "page.updated"))
    panel.action.setCurrentIndex(panel.action.findData("news_item."))  # a group: a prefix
    _reloaded(qtbot, panel, history.ids(lambda e: e.entity == "news_item"))
    panel.action.setCurrentIndex(0)
    _reloaded(qtbot, panel, history.ids())

    panel.entity.setCurrentIndex(panel.entity.findData("page"))
    panel.entity_id.setText(str(history.page.id))
    _reloaded(qtbot, panel, history.ids(lambda e: e.entity == "page"))
    panel.entity_id.setText(str(history.page.id + 1000))
    _reloaded(qtbot, panel, [])
    panel.entity_id.clear()
    panel.entity.setCurrentIndex(0)
    _reloaded(qtbot, panel, history.ids())

    panel.search.setText("NEWS_ITEM")
    _reloaded(qtbot, panel, history.ids(lambda e: e.entity == "news_item"))
    panel.search.clear()
    _reloaded(qtbot, panel, history.ids())


def test_date_range_filter(qtbot, signed_in, make_staff, committed_engine):
    backend = signed_in(Role.ADMIN)
    history = History(committed_engine, make_staff)
    panel = _panel(qtbot, backend)
    today = kyiv_today()
    panel.date_from.setDate(today.addDays(1))
    panel.from_check.setChecked(True)
    _reloaded(qtbot, panel, [])
    panel.date_from.setDate(today.addDays(-1))
    _reloaded(qtbot, panel, history.ids())
    panel.date_to.setDate(today.addDays(-1))
    panel.to_check.setChecked(True)
    _reloaded(qtbot, panel, [])
    assert panel.current_filters()["at_to"] == today.addDays(-1).toPython()
    panel.from_check.setChecked(False)
    panel.to_check.setChecked(False)
    _reloaded(qtbot, panel, history.ids())
    assert panel.date_from.date().toPython() - panel.date_to.date().toPython() == timedelta(0)


def test_person_is_found_by_name_and_picked(qtbot, signed_in, make_staff, committed_engine):
    backend = signed_in(Role.MANAGER)
    history = History(committed_engine, make_staff)
    panel = _panel(qtbot, backend)
    panel.choose_person()
    dialog = panel.findChild(PersonDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.loading)
    dialog.search.setText("редактор")
    qtbot.waitUntil(lambda: not dialog.loading and dialog.results.count() == 1, timeout=20_000)
    assert dialog.results.item(0).text().startswith("Тарас Редактор · ")
    dialog.accept()
    assert panel.person_id == history.taras_user.id
    _reloaded(qtbot, panel, history.ids(lambda e: e.actor_id == history.taras_user.id))


def test_before_and_after_of_an_entry(qtbot, signed_in, make_staff, committed_engine):
    backend = signed_in(Role.ADMIN)
    history = History(committed_engine, make_staff)
    panel = _panel(qtbot, backend)
    updated = next(e for e in history.entries if e.action == "page.updated")
    panel.table.selectRow(panel.model.position_of(updated.id))
    qtbot.waitUntil(lambda: panel.detail is not None and panel.detail.entry.id == updated.id)
    assert panel.fields.labels["actor"].text() == "Олена Адміністраторка"
    assert panel.fields.labels["action"].text() == "page.updated"
    assert panel.fields.labels["item"].text() == f"сторінка №{history.page.id}"
    table = [
        [panel.changes.item(r, c).text() for c in range(3)] for r in range(panel.changes.rowCount())
    ]
    assert table == [
        ["body", "Старий текст", "Новий текст"],
        ["title", "Про місто", "Про наше місто"],
    ]
    panel.changes.setCurrentCell(0, 0)
    assert "Було:\nСтарий текст" in panel.change_text.toPlainText()

    published = history.entries[-1]
    panel.table.selectRow(panel.model.position_of(published.id))
    qtbot.waitUntil(lambda: panel.detail.entry.id == published.id)
    rows = {panel.changes.item(r, 0).text(): r for r in range(panel.changes.rowCount())}
    assert set(rows) == {"published", "published_at"}
    assert panel.changes.item(rows["published"], 1).text() == "ні"
    assert panel.changes.item(rows["published"], 2).text() == "так"
    assert panel.changes.item(rows["published_at"], 1).text() == "—"


def test_verify_chain_reports_intact_then_the_broken_entry(
    qtbot, signed_in, make_staff, committed_engine, dialect
):
    backend = signed_in(Role.MANAGER)
    history = History(committed_engine, make_staff)
    panel = _panel(qtbot, backend)
    assert panel.verify_button.isVisibleTo(panel)
    panel.verify_button.click()
    assert panel.verifying and panel.verify_progress.isVisibleTo(panel)
    qtbot.waitUntil(lambda: not panel.verifying, timeout=10_000)
    assert not panel.verify_progress.isVisibleTo(panel)
    assert panel.verify_result.text() == "Ланцюжок цілий: перевірено записів — 5."

    target = history.entries[2].id
    _tamper(
        committed_engine,
        dialect,
        f"UPDATE activity_entries SET action = 'news_item.forged' WHERE id = {target}",
    )
    panel.verify_chain()
    qtbot.waitUntil(lambda: not panel.verifying, timeout=10_000)
    result = panel.verify_result.text()
    assert f"ПОРУШЕНО на записі №{target}" in result
    assert "не відповідає його хешу" in result and "перед ним: 2" in result
    qtbot.waitUntil(lambda: panel.selected is not None and panel.selected["id"] == target)
    assert panel.selected["action"] == "news_item.forged"  # the list was read again
    position = panel.model.position_of(target)
    colour = panel.model.data(panel.model.index(position, 0), Qt.ItemDataRole.BackgroundRole)
    assert colour.color() == QColor(BROKEN_COLOUR)
    assert panel.model.data(panel.model.index(position, 0), ROW_ROLE)["id"] == target
    qtbot.waitUntil(lambda: panel.detail is not None and panel.detail.entry.id == target)
    assert panel.fields.labels["action"].text() == "news_item.forged"
    panel.resize(1400, 800)
    panel.show()
    qtbot.wait(50)
    assert panel.grab().save("/tmp/activity_tab_broken.png")


def test_a_broken_entry_outside_the_list_is_shown_in_the_detail(
    qtbot, signed_in, make_staff, committed_engine, dialect
):
    backend = signed_in(Role.ADMIN)
    history = History(committed_engine, make_staff)
    panel = _panel(qtbot, backend)
    panel.action.setEditText("news_item.")
    _reloaded(qtbot, panel, history.ids(lambda e: e.entity == "news_item"))
    target = history.entries[1].id  # a page entry: filtered out of the list
    _tamper(committed_engine, dialect, f"DELETE FROM activity_entries WHERE id = {target}")
    panel.verify_chain()
    qtbot.waitUntil(lambda: not panel.verifying, timeout=10_000)
    assert f"№{target}: запис відсутній" in panel.verify_result.text()
    assert panel.selected is None
    qtbot.waitUntil(lambda: panel.fields.labels["id"].text() == str(target))
    assert panel.fields.labels["action"].text() == "Не знайдено."


def test_a_clerk_is_not_allowed(qtbot, signed_in):
    backend = signed_in(Role.CLERK)
    panel = _panel(qtbot, backend)
    assert panel.model.rowCount() == 0
    assert "немає права" in panel.status.text()
    assert not panel.verify_button.isVisibleTo(panel)


def test_screenshot(qtbot, signed_in, make_staff, committed_engine):
    backend = signed_in(Role.MANAGER)
    history = History(committed_engine, make_staff)
    panel = _panel(qtbot, backend)
    panel.resize(1400, 800)
    panel.show()
    updated = next(e for e in history.entries if e.action == "page.updated")
    panel.table.selectRow(panel.model.position_of(updated.id))
    qtbot.waitUntil(lambda: panel.detail is not None and panel.detail.entry.id == updated.id)
    panel.changes.setCurrentCell(0, 0)
    panel.verify_chain()
    qtbot.waitUntil(lambda: not panel.verifying, timeout=10_000)
    qtbot.wait(50)
    assert panel.grab().save("/tmp/activity_tab.png")
