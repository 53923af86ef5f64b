"""One database session per request: ``db.session()`` (also ``g.session``).

The session opens on first use, commits when the request ends normally and rolls back when a
view raised (every error handler calls ``failed()``) or a form caught a core error. Views never
commit themselves; a redirect after a POST is sent only after the commit succeeded.
``read_row()`` is for a page whose only database work may be one small read (a cache's version).
"""

from __future__ import annotations

import logging

from flask import Flask, current_app, g
from sqlalchemy import Engine, Executable, Row
from sqlalchemy.orm import Session

from backoffice.db import make_engine, session_factory

log = logging.getLogger(__name__)


def init_app(app: Flask, engine: Engine | None) -> None:
    engine = engine if engine is not None else make_engine()
    app.extensions["db_engine"] = engine
    app.extensions["db_sessions"] = session_factory(engine)
    app.after_request(_finish)
    app.teardown_request(_close)


def session() -> Session:
    """The request's session, opened on first use."""
    if "_db_session" not in g:
        g._db_session = current_app.extensions["db_sessions"]()
    return g._db_session


def has_session() -> bool:
    """Whether this request has opened its session (which may hold locks: SQLite's BEGIN
    IMMEDIATE takes the write lock), so it must not wait for another request's read."""
    return "_db_session" in g


def read_row(statement: Executable) -> Row:
    """The one row of a read-only ``statement``.

    In the request's session when it has one already (a signed-in visitor's). Otherwise, on
    PostgreSQL, outside any transaction: one statement sees a consistent snapshot on its own,
    and without BEGIN and COMMIT it costs two round trips to the server instead of four (a page
    served from cache has little else to do). SQLite keeps the session: switching a
    connection's isolation level would undo the transaction control ``backoffice.db`` sets up
    on it, and its round trips are function calls anyway.
    """
    engine: Engine = current_app.extensions["db_engine"]
    if has_session() or engine.dialect.name != "postgresql":
        return session().execute(statement).one()
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        return connection.execute(statement).one()


def failed() -> None:
    """Throw away this request's changes (a core error was shown instead of a result)."""
    g._db_failed = True
    db = g.get("_db_session")
    if db is not None:
        try:
            db.rollback()
        except Exception:  # the connection itself may be gone; closing will clean up
            log.warning("rollback failed", exc_info=True)


def _finish(response):
    db = g.get("_db_session")
    if db is None:
        return response
    if g.get("_db_failed") or response.status_code >= 500:
        db.rollback()
    else:
        db.commit()  # a failing commit becomes the 503/500 page (see errors.py)
    return response


def _close(_exc: BaseException | None) -> None:
    db = g.pop("_db_session", None)
    if db is not None:
        try:
            db.close()
        except Exception:
            log.warning("closing the session failed", exc_info=True)
