"""``make screenshots``: every tab of the desktop with the demo data, as PNG files.

Loads the demo data into a temporary SQLite database, signs in a staff member holding every
role, shows each tab with its first item selected, and saves ``resources/screenshots/*.png``.
Usage: QT_QPA_PLATFORM=offscreen .venv/bin/python -m backoffice.ui.screenshots [OUT_DIR]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QTableView

from backoffice.core import people
from backoffice.core.actor import Actor, Channel
from backoffice.db import make_engine, session_factory, unit_of_work
from backoffice.migrations import upgrade
from backoffice.models import Role
from backoffice.ui.backend import Backend
from backoffice.ui.tasks import wait_for_background

OUT = Path(__file__).resolve().parents[2] / "resources" / "screenshots"
SIZE = (1440, 860)


def _settle(app: QApplication, seconds: float) -> None:
    """Let background windows arrive and the event loop paint them."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        wait_for_background(200)
        app.processEvents()
        time.sleep(0.02)


def _a_morning_of_work(session, actor: Actor) -> None:
    """A few real actions through core, so that the activity log has something to show."""
    from sqlalchemy import select

    from backoffice.core import democracy, reception, services
    from backoffice.models import Appeal, Comment, Order

    for order_id in session.scalars(
        select(Order.id).where(Order.status == "submitted").order_by(Order.id).limit(2)
    ):
        services.accept(session, actor, order_id)
    for appeal_id in session.scalars(
        select(Appeal.id).where(Appeal.status == "received").order_by(Appeal.id).limit(2)
    ):
        reception.register(session, actor, appeal_id)
    comment = session.scalar(select(Comment).where(Comment.status == "pending").limit(1))
    if comment is not None:
        democracy.approve_comment(session, actor, comment.id, expected_version=comment.version)
    people.resident_file(session, actor, session.scalar(select(Order.applicant_id).limit(1)))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0]) if argv else OUT
    out.mkdir(parents=True, exist_ok=True)
    from backoffice.ui import qtfixes

    qtfixes.apply()
    app = QApplication.instance() or QApplication([])
    app.setOrganizationName("e-Ternopil-screenshots")
    from backoffice.ui.collector import GuiThreadCollector

    GuiThreadCollector(app).start()
    from backoffice.seed import load_demo_data
    from backoffice.ui.main_window import MainWindow
    from backoffice.ui.signin import SignInDialog

    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{folder}/demo.sqlite3")
        upgrade(engine)
        load_demo_data(engine)
        with unit_of_work(session_factory(engine)) as session:
            user = people.create_staff(
                session,
                Actor.system(),
                email="screenshots@ternopil.example",
                full_name="Оксана Демченко",
                roles=[r.value for r in Role],
                password="Screenshots-2026!",
            )
            _ = user.role_names
        backend = Backend(engine)
        backend.actor = Actor.for_user(user, Channel.DESKTOP)
        with unit_of_work(session_factory(engine)) as session:
            _a_morning_of_work(session, backend.actor)

        dialog = SignInDialog()
        dialog.login.setText("oksana.demchenko@ternopil.example")
        dialog.database.setText("postgresql+psycopg://backoffice@db.ternopil.local/backoffice")
        dialog.show()
        _settle(app, 0.3)
        dialog.grab().save(str(out / "signin.png"))
        dialog.close()

        window = MainWindow(backend)
        window.resize(*SIZE)
        window.show()
        window.start()
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            panel = window.tabs.widget(index)
            _settle(app, 1.0)
            tables = [t for t in panel.findChildren(QTableView) if t.isVisible()]
            table = getattr(panel, "table", None) or (tables[0] if tables else None)
            if table is not None and table.model().rowCount():
                table.selectRow(0)
                _settle(app, 1.0)
            key = panel.objectName().removeprefix("tab-")
            window.grab().save(str(out / f"{key}.png"))
            print(f"saved {out / key}.png")
        window.close()
        wait_for_background()
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
