from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.models import ActivityEntry, Role, User
from backoffice.ui.tabs.users import Panel
from tests.ui.helpers import wait_until_loaded


def _residents(engine, names):
    with Session(engine) as session, session.begin():
        for n, name in enumerate(names):
            session.add(User(email=f"r{n}@example.com", full_name=name, phone=f"+38067000000{n}"))


def test_users_tab_lists_filters_and_searches(qtbot, qtmodeltester, signed_in, committed_engine):
    backend = signed_in(Role.ADMIN)
    _residents(committed_engine, ["Андрій Шевчук", "Богдана Шевчук", "Віктор Гнатюк"])
    panel = Panel(backend)
    qtbot.addWidget(panel)
    panel.start()
    wait_until_loaded(qtbot, panel)
    assert panel.model.rowCount() == 4  # three residents and the admin
    qtmodeltester.check(panel.model, force_py=True)

    panel.kind.setCurrentIndex(1)  # residents only
    wait_until_loaded(qtbot, panel)
    assert panel.model.rowCount() == 3

    panel.search.setText("шевчук")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2 and not panel.model.loading)
    assert [r["full_name"] for r in panel.model.rows] == ["Андрій Шевчук", "Богдана Шевчук"]
    qtbot.waitUntil(lambda: panel.model.total == 2)
    assert "2 з 2" in panel.status.text()


def test_block_from_the_detail_panel(qtbot, signed_in, committed_engine, monkeypatch):
    backend = signed_in(Role.ADMIN)
    _residents(committed_engine, ["Галина Порушниця"])
    panel = Panel(backend)
    qtbot.addWidget(panel)
    panel.search.setText("порушниця")
    panel.apply()
    wait_until_loaded(qtbot, panel)
    panel.table.selectRow(0)
    qtbot.waitUntil(lambda: panel.current_user is not None)
    assert panel.actions.buttons["block"].isVisibleTo(panel)
    assert not panel.actions.buttons["unblock"].isVisibleTo(panel)
    monkeypatch.setattr("backoffice.ui.tabs.users.ask_text", lambda *a, **k: "Спам")
    panel.perform("block")
    qtbot.waitUntil(
        lambda: panel.current_user is not None and panel.current_user.blocked, timeout=20_000
    )
    with Session(committed_engine) as session:
        user = session.scalar(select(User).where(User.full_name == "Галина Порушниця"))
        assert user.blocked and user.blocked_reason == "Спам"
        assert (
            session.scalar(select(ActivityEntry).where(ActivityEntry.action == "user.blocked"))
            is not None
        )


def test_moderator_sees_no_phone_and_no_block_button(qtbot, signed_in, committed_engine):
    backend = signed_in(Role.MODERATOR)
    _residents(committed_engine, ["Дмитро Телефонний"])
    panel = Panel(backend)
    qtbot.addWidget(panel)
    panel.search.setText("телефонний")
    panel.apply()
    wait_until_loaded(qtbot, panel)
    assert panel.model.rows[0]["phone"] is None
    panel.table.selectRow(0)
    qtbot.waitUntil(lambda: panel.current_user is not None)
    assert not panel.actions.buttons["block"].isVisibleTo(panel)
    assert panel.actions.buttons["open_file"].isVisibleTo(panel)


def test_tooltips_show_markup_as_typed(qtbot, signed_in, committed_engine):
    from PySide6.QtCore import Qt

    backend = signed_in(Role.ADMIN)
    _residents(committed_engine, ["<b>Жирний</b> <img src=x onerror=alert(1)>"])
    panel = Panel(backend)
    qtbot.addWidget(panel)
    panel.search.setText("жирний")
    panel.apply()
    wait_until_loaded(qtbot, panel)
    index = panel.model.index(0, 0)
    assert panel.model.data(index) == "<b>Жирний</b> <img src=x onerror=alert(1)>"
    tooltip = panel.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;Жирний&lt;/b&gt;" in tooltip and "<img" not in tooltip


def test_nothing_is_fetched_before_the_tab_is_started(qtbot, signed_in):
    panel = Panel(signed_in(Role.ADMIN))
    qtbot.addWidget(panel)
    qtbot.wait(100)
    assert panel.model.rowCount() == 0 and not panel.model.loading
    panel.start()
    wait_until_loaded(qtbot, panel)
    assert panel.model.rowCount() == 1
