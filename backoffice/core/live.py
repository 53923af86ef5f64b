"""Telling open desktops about new work: on PostgreSQL a NOTIFY is sent with the transaction that
created an order, an appeal or a comment (delivered at commit, never after a rollback). The
payload is ``area:id`` only. SQLite has no NOTIFY: the desktop polls there instead."""

from __future__ import annotations

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from backoffice.models import Appeal, Comment, Order

CHANNEL = "backoffice_changes"
AREAS: dict[type, str] = {Order: "orders", Appeal: "appeals", Comment: "democracy"}


@event.listens_for(Session, "after_flush")
def _announce_new_work(session: Session, _context) -> None:
    bind = session.get_bind()
    if bind.dialect.name != "postgresql":
        return
    payloads = {f"{AREAS[type(item)]}:{item.id}" for item in session.new if type(item) in AREAS}
    for payload in sorted(payloads):
        session.execute(select(func.pg_notify(CHANNEL, payload)))
