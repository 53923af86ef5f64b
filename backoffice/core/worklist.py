"""What needs action now, per area: the counts on the desktop's tab titles."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backoffice.core.actor import Actor
from backoffice.core.permissions import Perm, can
from backoffice.models import (
    Appeal,
    AppealStatus,
    Comment,
    CommentStatus,
    Order,
    OrderStatus,
    utcnow,
)
from backoffice.models.reception import CLOSED_APPEAL_STATUSES


def _count(session: Session, stmt) -> int:
    return session.scalar(stmt) or 0


def action_counts(session: Session, actor: Actor, *, now: datetime | None = None) -> dict[str, int]:
    """``{"orders": new orders, "appeals": overdue + unregistered, "comments": pending}``,
    only for the areas the actor works in."""
    now = now or utcnow()
    counts: dict[str, int] = {}
    if can(actor, Perm.ORDER_VIEW):
        counts["orders"] = _count(
            session,
            select(func.count()).select_from(Order).where(Order.status == OrderStatus.SUBMITTED),
        )
    if can(actor, Perm.APPEAL_VIEW):
        open_statuses = [s.value for s in AppealStatus if s not in CLOSED_APPEAL_STATUSES]
        counts["appeals"] = _count(
            session,
            select(func.count())
            .select_from(Appeal)
            .where(
                Appeal.status.in_(open_statuses),
                (Appeal.due_at < now) | (Appeal.status == AppealStatus.RECEIVED),
            ),
        )
    if can(actor, Perm.COMMENT_MODERATE):
        counts["comments"] = _count(
            session,
            select(func.count())
            .select_from(Comment)
            .where(Comment.status == CommentStatus.PENDING),
        )
    return counts
