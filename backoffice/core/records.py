"""Loading items for a change: not found, stale version, and flushing with conflicts mapped."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from backoffice.core.errors import Conflict, NotFound
from backoffice.models import User

T = TypeVar("T")


def get_or_404(session: Session, model: type[T], item_id: int, *, for_update: bool = False) -> T:
    """The item, or NotFound. ``for_update`` takes a row lock on PostgreSQL."""
    if not isinstance(item_id, int) or isinstance(item_id, bool):
        raise NotFound()
    if for_update:
        item = session.scalar(select(model).where(model.id == item_id).with_for_update())
    else:
        item = session.get(model, item_id)
    if item is None:
        raise NotFound()
    return item


def user_name(session: Session, user_id: int | None) -> str | None:
    if user_id is None:
        return None
    return session.scalar(select(User.full_name).where(User.id == user_id))


def check_version(item, expected_version: int | None, *, changed_by: str | None = None) -> None:
    """Refuse a change made on a stale copy: the person saw ``expected_version``."""
    if expected_version is not None and item.version != expected_version:
        raise Conflict(changed_by=changed_by, current_version=item.version)


def flush(session: Session, *, duplicate_message: str | None = None) -> None:
    """Flush, turning a concurrent change (stale version) or a duplicate into ``Conflict``."""
    try:
        session.flush()
    except StaleDataError as error:
        raise Conflict() from error
    except IntegrityError as error:
        if duplicate_message and _is_unique_violation(error):
            raise Conflict(duplicate_message, code="duplicate") from error
        raise


def _is_unique_violation(error: IntegrityError) -> bool:
    text = str(error.orig).lower()
    return "unique" in text or "duplicate key" in text
