"""Notifications in a person's account: written with the change that caused them."""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from backoffice.core.actor import Actor
from backoffice.core.errors import NotAllowed, NotFound
from backoffice.models import Notification, utcnow


def notify(session: Session, user_id: int | None, text: str, link: str | None = None) -> None:
    """Queue a notification for ``user_id`` in the caller's transaction (none for no one)."""
    if user_id is None:
        return
    session.add(Notification(user_id=user_id, text=text[:1000], link=link))


def list_mine(session: Session, actor: Actor, *, limit: int = 50) -> list[Notification]:
    if not actor.signed_in:
        raise NotAllowed(code="sign_in_required")
    return list(
        session.scalars(
            select(Notification)
            .where(Notification.user_id == actor.user_id)
            .order_by(Notification.created_at.desc(), Notification.id.desc())
            .limit(limit)
        )
    )


def unread_count(session: Session, actor: Actor) -> int:
    if not actor.signed_in:
        return 0
    return session.scalar(
        select(func.count())
        .select_from(Notification)
        .where(Notification.user_id == actor.user_id, Notification.read_at.is_(None))
    )


def mark_read(session: Session, actor: Actor, notification_id: int | None = None) -> int:
    """Mark one (or, with None, all) of the actor's notifications read. Returns how many."""
    if not actor.signed_in:
        raise NotAllowed(code="sign_in_required")
    stmt = update(Notification).where(
        Notification.user_id == actor.user_id, Notification.read_at.is_(None)
    )
    if notification_id is not None:
        # Someone else's notification is simply not found: ids of others are not revealed.
        owned = session.scalar(
            select(Notification.id).where(
                Notification.id == notification_id, Notification.user_id == actor.user_id
            )
        )
        if owned is None:
            raise NotFound()
        stmt = stmt.where(Notification.id == notification_id)
    return session.execute(stmt.values(read_at=utcnow())).rowcount


def is_local_link(link: str | None) -> bool:
    """A link of this site's own (``/orders/12``): never another site (``//x``, ``https:``)."""
    return bool(link) and link.startswith("/") and not link.startswith(("//", "/\\"))


def open_link(session: Session, actor: Actor, notification_id: int) -> str | None:
    """The resident follows a notification: it is marked read, and its link (this site's own
    only) is where to go; None when it has none. Another person's notification is NotFound."""
    if not actor.signed_in:
        raise NotAllowed(code="sign_in_required")
    link = session.scalar(
        select(Notification.link).where(
            Notification.id == notification_id, Notification.user_id == actor.user_id
        )
    )
    mark_read(session, actor, notification_id)
    return link if is_local_link(link) else None
