"""The one way the desktop talks to the database: a unit of work on the thread pool.

``run_in_background(backend, op, on_done, on_error)`` runs ``op(session)`` in a worker with its own
session (committed when ``op`` returns, rolled back when it raises) and delivers the result or the
error back on the GUI thread through a queued signal. No widget ever opens a session itself.
"""

from __future__ import annotations

import contextlib
import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from backoffice.db import unit_of_work

log = logging.getLogger(__name__)

_pending: set[_Relay] = set()  # relays alive until their result is delivered


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, backend, op: Callable, relay: _Relay) -> None:
        super().__init__()
        self.backend = backend
        self.op = op
        self.relay = relay

    def run(self) -> None:
        try:
            with unit_of_work(self.backend.sessions) as session:
                result = self.op(session)
        except Exception as error:  # delivered to the screen, which maps it to a message
            if not getattr(error, "code", None):
                log.warning("background operation failed:\n%s", traceback.format_exc())
            self._emit(self.relay.failed, error)
        else:
            self._emit(self.relay.done, result)

    @staticmethod
    def _emit(signal, value) -> None:
        # RuntimeError: the screen that asked was closed meanwhile; nobody waits for this.
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


def pool() -> QThreadPool:
    return QThreadPool.globalInstance()


def run_in_background(
    backend,
    op: Callable[[Any], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[Exception], None] | None = None,
    *,
    owner: QObject | None = None,
) -> None:
    """Run ``op(session)`` off the GUI thread; call ``on_done(result)`` or ``on_error(error)``
    back on the GUI thread — unless ``owner`` (the widget or model that asked) is gone by then.
    Nothing starts once the backend is closed (the application is shutting down)."""
    if getattr(backend, "closed", False):
        return
    relay = _Relay(owner)
    if owner is None:
        _pending.add(relay)

    def finish() -> None:
        _pending.discard(relay)
        relay.deleteLater()

    def deliver(result) -> None:
        try:
            if on_done is not None:
                on_done(result)
        finally:
            finish()

    def fail(error) -> None:
        try:
            if on_error is not None:
                on_error(error)
            else:
                log.error("unhandled background error: %r", error)
        finally:
            finish()

    relay.done.connect(deliver)
    relay.failed.connect(fail)
    pool().start(_Job(backend, op, relay))


def wait_for_background(timeout_ms: int = 10_000) -> bool:
    """Wait for every worker to end (shutdown and tests)."""
    return pool().waitForDone(timeout_ms)
