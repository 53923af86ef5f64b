"""The main window: tabs by role, counts on the tab titles, status bar, lost connection."""

import pytest
from sqlalchemy.orm import Session

from backoffice.core.actor import Actor, Channel
from backoffice.db import make_engine
from backoffice.models import Comment, Discussion, Role, User
from backoffice.ui.backend import Backend
from backoffice.ui.main_window import MainWindow


def _titles(window):
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


@pytest.mark.parametrize(
    ("role", "must_have", "must_not_have"),
    [
        (Role.ADMIN, "Користувачі", "Замовлення послуг"),
        (Role.MODERATOR, "Користувачі", "Журнал дій"),
        (Role.MANAGER, "Журнал дій", "Каталог послуг"),
    ],
)
def test_tabs_follow_the_roles(qtbot, signed_in, role, must_have, must_not_have):
    window = MainWindow(signed_in(role))
    qtbot.addWidget(window)
    titles = " | ".join(_titles(window))
    assert must_have in titles
    assert must_not_have not in titles


def test_status_bar_names_the_person_and_the_database(qtbot, signed_in):
    backend = signed_in(Role.MANAGER)
    window = MainWindow(backend)
    qtbot.addWidget(window)
    window.start()
    assert backend.actor.name in window.who.text()
    assert "керівник" in window.who.text()
    assert "password" not in window.database.text()
    qtbot.waitUntil(lambda: "з'єднано" in window.connection.text(), timeout=20_000)


def test_tab_titles_count_what_needs_action(qtbot, signed_in, committed_engine):
    backend = signed_in(Role.MODERATOR)
    with Session(committed_engine) as session, session.begin():
        author = User(email="author@example.com", full_name="Автор")
        discussion = Discussion(title="Сквер на Руській", body="")
        session.add_all([author, discussion])
        session.flush()
        for n in range(3):
            session.add(Comment(discussion_id=discussion.id, author_id=author.id, text=f"#{n}"))
    window = MainWindow(backend)
    qtbot.addWidget(window)
    window.refresh_counts()
    qtbot.waitUntil(lambda: any("(3)" in t for t in _titles(window)), timeout=20_000)


def test_a_lost_database_is_shown_and_nothing_crashes(qtbot, make_staff):
    user = make_staff(Role.ADMIN)
    backend = Backend(make_engine("postgresql+psycopg://nobody@127.0.0.1:1/gone"))
    backend.actor = Actor.for_user(user, Channel.DESKTOP)
    window = MainWindow(backend)
    qtbot.addWidget(window)
    window.start()
    qtbot.waitUntil(lambda: "немає з'єднання" in window.connection.text(), timeout=15_000)
    users = window.panels["users"]
    qtbot.waitUntil(lambda: "недоступна" in users.status.text(), timeout=15_000)
    backend.close()
