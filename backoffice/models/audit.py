"""The activity log: append-only, hash-chained. See core.audit for how entries are written."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.models.base import Base, JSONDocument


class ActivityEntry(Base):
    __tablename__ = "activity_entries"
    __table_args__ = (
        Index("ix_activity_entries_at_id", "at", "id"),
        Index("ix_activity_entries_entity_entity_id", "entity", "entity_id"),
        Index("ix_activity_entries_actor_id_at", "actor_id", "at"),
        Index("ix_activity_entries_action", "action"),
    )

    # Assigned by core.audit from the chain head, not by the database: it is the chain order.
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(nullable=False)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="RESTRICT"))
    channel: Mapped[str] = mapped_column(String(10), nullable=False)
    client_address: Mapped[str | None] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(60), nullable=False)
    entity: Mapped[str] = mapped_column(String(40), nullable=False)
    entity_id: Mapped[int | None] = mapped_column(Integer)
    # {"field": [before, after], ...}; or {"note": ...} for events without a change.
    changes: Mapped[dict[str, Any]] = mapped_column(JSONDocument, nullable=False, default=dict)
    previous_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    hash: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)


class ActivityChainHead(Base):
    """One row: the last entry's id and hash. Locking it orders concurrent appends."""

    __tablename__ = "activity_chain_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_entry_id: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    last_hash: Mapped[str] = mapped_column(String(64), nullable=False)
