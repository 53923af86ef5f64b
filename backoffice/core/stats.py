"""Row counts per table and per status: the database summary (``backoffice-admin stats``)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backoffice.core.actor import Actor
from backoffice.core.permissions import Perm, require
from backoffice.models import Base, StaffRole, User


def database_summary(session: Session, actor: Actor) -> dict:
    """``{"tables": {name: rows}, "statuses": {table: {status: rows}}, "residents": n,
    "staff": n}`` — counted in SQL, one query per table."""
    require(actor, Perm.AUDIT_VIEW)
    tables: dict[str, int] = {}
    statuses: dict[str, dict[str, int]] = {}
    for name, table in sorted(Base.metadata.tables.items()):
        tables[name] = session.scalar(select(func.count()).select_from(table))
        if "status" in table.c:
            rows = session.execute(
                select(table.c.status, func.count())
                .group_by(table.c.status)
                .order_by(table.c.status)
            )
            statuses[name] = {status: count for status, count in rows}
    staff = session.scalar(select(func.count(func.distinct(StaffRole.user_id))))
    users = session.scalar(select(func.count()).select_from(User))
    return {"tables": tables, "statuses": statuses, "residents": users - staff, "staff": staff}
