"""The Content tab: pages and news listed, edited with a live preview, published; conflicts."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.core import content
from backoffice.core.actor import Actor
from backoffice.models import NewsItem, Page, Role
from backoffice.ui.tabs.content import Panel
from tests.ui.helpers import wait_until_loaded


def _make(engine, actor: Actor, kind: str, slug: str, title: str, body: str, publish=False):
    create = content.create_page if kind == "page" else content.create_news_item
    publish_ = content.publish_page if kind == "page" else content.publish_news_item
    with Session(engine, expire_on_commit=False) as session, session.begin():
        item = create(session, actor, slug, title, body)
        if publish:
            publish_(session, actor, item.id)
    return item


def _panel(qtbot, backend) -> Panel:
    panel = Panel(backend)
    qtbot.addWidget(panel)
    panel.start()
    wait_until_loaded(qtbot, panel)
    return panel


def _select(qtbot, panel: Panel, item_id: int) -> None:
    qtbot.waitUntil(lambda: panel.model.position_of(item_id) is not None)
    panel.table.selectRow(panel.model.position_of(item_id))
    qtbot.waitUntil(lambda: panel.editing is not None and panel.editing.id == item_id)


def _message_boxes(panel: Panel) -> list[QMessageBox]:
    return [box for box in panel.findChildren(QMessageBox) if box.isVisible()]


def test_content_tab_lists_filters_and_searches(qtbot, qtmodeltester, signed_in, committed_engine):
    backend = signed_in(Role.ADMIN)
    admin = backend.actor
    _make(committed_engine, admin, "page", "pro-misto", "Про місто", "Текст", publish=True)
    _make(committed_engine, admin, "page", "kontakty", "Контакти міськради", "Текст")
    _make(committed_engine, admin, "page", "vakansii", "Вакансії", "")
    _make(committed_engine, admin, "news", "den-mista", "День міста", "Свято", publish=True)
    panel = _panel(qtbot, backend)
    assert panel.model.rowCount() == 3  # pages first
    qtmodeltester.check(panel.model, force_py=True)
    assert [r["slug"] for r in panel.model.rows] == ["vakansii", "kontakty", "pro-misto"]

    panel.kind.setCurrentIndex(panel.kind.findData("news"))
    wait_until_loaded(qtbot, panel)
    assert [r["title"] for r in panel.model.rows] == ["День міста"]

    panel.kind.setCurrentIndex(panel.kind.findData("page"))
    panel.published.setCurrentIndex(panel.published.findData(False))
    wait_until_loaded(qtbot, panel)
    assert {r["slug"] for r in panel.model.rows} == {"kontakty", "vakansii"}

    panel.search.setText("КОНТАКТИ")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1 and not panel.model.loading)
    assert panel.model.rows[0]["slug"] == "kontakty"
    qtbot.waitUntil(lambda: panel.model.total == 1)
    assert "1 з 1" in panel.status.text()


def test_create_edit_and_publish_through_the_editor(qtbot, signed_in, committed_engine):
    backend = signed_in(Role.ADMIN)
    panel = _panel(qtbot, backend)
    assert panel.model.rowCount() == 0
    assert not panel.slug.isEnabled()

    panel.new_news_button.click()
    assert panel.editing is not None and panel.editing.kind == "news"
    assert not panel.publish_button.isVisibleTo(panel)
    panel.slug.setText("remont-mostu")
    panel.title_edit.setText("Ремонт мосту")
    panel.body.setPlainText("Міст на вулиці Текстильній закрито.")
    assert panel.save_button.isEnabled()
    panel.save_button.click()
    qtbot.waitUntil(lambda: panel.editing.id is not None, timeout=20_000)
    assert panel.kind.currentData() == "news"  # the list follows to where the item is
    qtbot.waitUntil(lambda: panel.model.position_of(panel.editing.id) is not None)
    assert panel.editing.version == 1 and not panel.save_button.isEnabled()
    assert panel.publish_button.isVisibleTo(panel)

    panel.title_edit.setText("Ремонт мосту на Текстильній")
    assert not panel.publish_button.isEnabled()  # save first
    panel.save_button.click()
    qtbot.waitUntil(lambda: panel.editing.version == 2, timeout=20_000)
    assert panel.publish_button.isEnabled()
    panel.publish_button.click()
    qtbot.waitUntil(lambda: panel.editing.published, timeout=20_000)
    assert panel.unpublish_button.isVisibleTo(panel)
    assert not panel.publish_button.isVisibleTo(panel)
    qtbot.waitUntil(lambda: bool(panel.model.rows) and panel.model.rows[0]["published"])

    with Session(committed_engine) as session:
        item = session.scalar(select(NewsItem).where(NewsItem.slug == "remont-mostu"))
        assert item.title == "Ремонт мосту на Текстильній"
        assert item.published and item.published_at is not None and item.version == 3
        assert session.scalar(select(Page.id)) is None


def test_bad_input_is_shown_by_the_fields(qtbot, signed_in, committed_engine):
    backend = signed_in(Role.ADMIN)
    _make(committed_engine, backend.actor, "page", "zaniato", "Зайнято", "")
    panel = _panel(qtbot, backend)
    panel.new_page_button.click()
    panel.slug.setText("Погана Адреса")
    panel.title_edit.setText("")
    panel.save()
    qtbot.waitUntil(lambda: panel.errors["slug"].isVisibleTo(panel), timeout=20_000)
    assert "латинські" in panel.errors["slug"].text()
    assert panel.errors["title"].isVisibleTo(panel)
    assert panel.editing.id is None

    panel.slug.setText("zaniato")
    panel.title_edit.setText("Друга")
    panel.save()
    qtbot.waitUntil(lambda: "вже є" in panel.errors["slug"].text(), timeout=20_000)
    assert not panel.errors["title"].isVisibleTo(panel)
    assert panel.editing.id is None and panel.dirty


def test_a_new_item_then_the_same_row_again(qtbot, signed_in, committed_engine):
    backend = signed_in(Role.ADMIN)
    page = _make(committed_engine, backend.actor, "page", "arkhiv", "Архів", "Текст")
    panel = _panel(qtbot, backend)
    _select(qtbot, panel, page.id)
    panel.new_page_button.click()
    assert panel.editing.id is None and panel.slug.text() == ""
    panel.revert()  # nothing typed yet: nothing to discard
    _select(qtbot, panel, page.id)  # the row that was current opens again
    assert panel.title_edit.text() == "Архів"


def test_a_stale_version_names_who_changed_it_and_reloads(
    qtbot, signed_in, make_staff, committed_engine
):
    backend = signed_in(Role.ADMIN)
    page = _make(committed_engine, backend.actor, "page", "rozklad", "Розклад", "Текст")
    panel = _panel(qtbot, backend)
    _select(qtbot, panel, page.id)
    assert panel.title_edit.text() == "Розклад"

    other = Actor.for_user(make_staff(Role.ADMIN, name="Тарас Редактор"), "desktop")
    with Session(committed_engine) as session, session.begin():
        content.update_page(
            session, other, page.id, "rozklad", "Розклад руху", "Новий текст", expected_version=1
        )

    panel.title_edit.setText("Мій розклад")
    panel.save()
    qtbot.waitUntil(lambda: bool(_message_boxes(panel)), timeout=20_000)
    assert "Тарас Редактор" in _message_boxes(panel)[0].text()
    qtbot.waitUntil(lambda: panel.editing.version == 2, timeout=20_000)
    assert panel.title_edit.text() == "Розклад руху"
    assert panel.body.toPlainText() == "Новий текст"
    assert not panel.dirty


def test_markdown_preview_renders_and_never_runs_html(qtbot, signed_in):
    backend = signed_in(Role.ADMIN)
    panel = _panel(qtbot, backend)
    panel.new_page_button.click()
    panel.title_edit.setText("Про місто")
    panel.body.setPlainText("## Історія\n\nТернопіль заснований у **1540** році.\n\n- один\n")
    qtbot.waitUntil(lambda: "Історія" in panel.preview.toPlainText(), timeout=3000)
    shown = panel.preview.toPlainText()
    assert "#" not in shown and "**" not in shown
    assert shown.startswith("Про місто\nІсторія")
    assert "Тернопіль заснований у 1540 році." in shown

    script = "<script>alert('зламано')</script>\n\n<b>жирний?</b>"
    panel.body.setPlainText(script)
    qtbot.waitUntil(lambda: "<script>" in panel.preview.toPlainText(), timeout=3000)
    shown = panel.preview.toPlainText()
    assert "<script>alert('зламано')</script>" in shown  # kept as text, not run or dropped
    assert "<b>жирний?</b>" in shown
    assert "<script>" not in panel.preview.toHtml()  # escaped in the rendering
    assert not panel.preview.openLinks() and not panel.preview.openExternalLinks()


def test_screenshot(qtbot, signed_in, committed_engine):
    backend = signed_in(Role.ADMIN)
    admin = backend.actor
    _make(committed_engine, admin, "page", "pro-misto", "Про місто", "Текст", publish=True)
    _make(committed_engine, admin, "page", "kontakty", "Контакти міськради", "Адреса")
    body = (
        "# Контакти\n\nТернопільська міська рада, **вул. Листопадова, 5**.\n\n"
        "## Прийом громадян\n\n- понеділок — 9:00–13:00\n- четвер — 14:00–18:00\n\n"
        "[Написати звернення](https://ternopilcity.gov.ua)\n\n<script>alert(1)</script>"
    )
    page = _make(committed_engine, admin, "page", "tsnap", "ЦНАП: графік роботи", body)
    panel = _panel(qtbot, backend)
    panel.resize(1400, 800)
    panel.show()
    _select(qtbot, panel, page.id)
    panel.update_preview()
    qtbot.wait(50)
    assert panel.grab().save("/tmp/content_tab.png")
