"""One database session per request: ``db.session()`` (also ``g.session``).

The session opens on first use, commits when the request ends normally and rolls back when a
view raised (every error handler calls ``failed()``) or a form caught a core error. Views never
commit themselves; a redirect after a POST is sent only after the commit succeeded.
"""

from __future__ import annotations

import logging

from flask import Flask, current_app, g
from sqlalchemy import Engine
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
