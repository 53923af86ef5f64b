"""New orders, appeals and comments appear in open windows without a restart.

PostgreSQL: a dedicated autocommit connection LISTENs in a QThread and emits ``changed(area)``
per notification. After a lost connection it reconnects and asks every list to reload, because
notifications sent meanwhile are lost. SQLite: a timer polls the newest ids instead.
"""

from __future__ import annotations

import logging

import psycopg
from PySide6.QtCore import QObject, QThread, QTimer, Signal
from sqlalchemy import func, select

from backoffice.core.live import AREAS, CHANNEL
from backoffice.ui.tasks import run_in_background

log = logging.getLogger(__name__)
POLL_INTERVAL_MS = 5_000
RECONNECT_SECONDS = 5.0
EVERYTHING = "*"


class _Listener(QThread):
    notified = Signal(str)

    def __init__(self, dsn: str, parent=None) -> None:
        super().__init__(parent)
        self.dsn = dsn
        self._stopping = False

    def stop(self) -> None:
        self._stopping = True

    def run(self) -> None:
        first = True
        while not self._stopping:
            try:
                with psycopg.connect(self.dsn, autocommit=True, connect_timeout=5) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    if not first:
                        self.notified.emit(EVERYTHING)  # what was sent while away is lost
                    first = False
                    while not self._stopping:
                        for note in conn.notifies(timeout=1.0, stop_after=50):
                            self.notified.emit(note.payload.split(":", 1)[0])
            except psycopg.Error as error:
                log.info("live updates: connection lost (%s); retrying", error)
                first = False
                self.msleep(int(RECONNECT_SECONDS * 1000))


class LiveUpdates(QObject):
    changed = Signal(str)  # an area key ("orders", "appeals", "democracy") or "*"

    def __init__(self, backend, parent=None) -> None:
        super().__init__(parent)
        self.backend = backend
        self._listener: _Listener | None = None
        self._timer: QTimer | None = None
        self._newest: dict[str, int] | None = None

    def start(self) -> None:
        if self.backend.is_postgresql:
            url = self.backend.engine.url.set(drivername="postgresql")
            self._listener = _Listener(url.render_as_string(hide_password=False), self)
            self._listener.notified.connect(self.changed)
            self._listener.start()
        else:
            self._timer = QTimer(self, interval=POLL_INTERVAL_MS, timeout=self.poll)
            self._timer.start()
            self.poll()

    def stop(self) -> None:
        if self._listener is not None:
            self._listener.stop()
            self._listener.wait()  # at most a second: the loop looks at the flag that often
        if self._timer is not None:
            self._timer.stop()

    def poll(self) -> None:
        run_in_background(self.backend, _newest_ids, self._compare, lambda _error: None)

    def _compare(self, newest: dict[str, int]) -> None:
        previous, self._newest = self._newest, newest
        if previous is None:
            return
        for area, newest_id in newest.items():
            if newest_id != previous.get(area):
                self.changed.emit(area)


def _newest_ids(session) -> dict[str, int]:
    return {area: session.scalar(select(func.max(model.id))) or 0 for model, area in AREAS.items()}
