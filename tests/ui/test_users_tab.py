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
        lambda: panel.current_user is not None and panel.current_user.blocked, timeout=5000
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
