"""E-Reception: appeals, public-information requests and electronic messages."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.models.base import Base, IdMixin, TimestampMixin, VersionedMixin, utcnow

if TYPE_CHECKING:
    from backoffice.models.people import User


class AppealKind(StrEnum):
    APPEAL = "appeal"
    INFO_REQUEST = "info_request"
    MESSAGE = "message"


class AppealStatus(StrEnum):
    RECEIVED = "received"
    REGISTERED = "registered"
    ASSIGNED = "assigned"
    EXTENDED = "extended"
    ANSWERED = "answered"
    FORWARDED = "forwarded"
    NOT_CONSIDERED = "not_considered"


CLOSED_APPEAL_STATUSES = frozenset(
    {AppealStatus.ANSWERED, AppealStatus.FORWARDED, AppealStatus.NOT_CONSIDERED}
)
_KINDS_SQL = ", ".join(f"'{k.value}'" for k in AppealKind)
_STATUSES_SQL = ", ".join(f"'{s.value}'" for s in AppealStatus)


class Appeal(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "appeals"
    __table_args__ = (
        UniqueConstraint("registration_number"),
        CheckConstraint(f"kind IN ({_KINDS_SQL})", name="known_kind"),
        CheckConstraint(f"status IN ({_STATUSES_SQL})", name="known_status"),
        CheckConstraint("NOT urgent OR kind = 'info_request'", name="only_requests_urgent"),
        Index("ix_appeals_kind_status_received_at_id", "kind", "status", "received_at", "id"),
        Index("ix_appeals_received_at_id", "received_at", "id"),
        Index("ix_appeals_due_at_id", "due_at", "id"),
        Index("ix_appeals_category", "category"),
    )

    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    # Given at registration: gapless per kind and year.
    registration_number: Mapped[str | None] = mapped_column(String(30))
    subject: Mapped[str] = mapped_column(String(300), nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    category: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    applicant_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="RESTRICT"), index=True
    )
    # A paper appeal from someone without an account: who wrote it and how to answer.
    applicant_name: Mapped[str | None] = mapped_column(String(200))
    applicant_contact: Mapped[str | None] = mapped_column(String(300))
    hide_identity: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    urgent: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    urgent_reason: Mapped[str | None] = mapped_column(Text)
    needs_study: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default=AppealStatus.RECEIVED)
    channel: Mapped[str] = mapped_column(String(10), nullable=False, default="web")
    assignee_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    received_at: Mapped[datetime] = mapped_column(nullable=False, default=utcnow)
    registered_at: Mapped[datetime | None] = mapped_column()
    # The control date; an extension moves it and keeps the first one.
    due_at: Mapped[datetime | None] = mapped_column()
    original_due_at: Mapped[datetime | None] = mapped_column()
    extension_reason: Mapped[str | None] = mapped_column(Text)
    forwarded_to: Mapped[str | None] = mapped_column(String(300))
    not_considered_reason: Mapped[str | None] = mapped_column(Text)
    response_text: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[datetime | None] = mapped_column()
    answered_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    delivered_at: Mapped[datetime | None] = mapped_column()
    closed_at: Mapped[datetime | None] = mapped_column()

    applicant: Mapped[User | None] = relationship(foreign_keys=[applicant_id])
    assignee: Mapped[User | None] = relationship(foreign_keys=[assignee_id])
    events: Mapped[list[AppealEvent]] = relationship(
        back_populates="appeal", order_by="AppealEvent.id", cascade="all, delete-orphan"
    )
    files: Mapped[list[AppealFile]] = relationship(
        back_populates="appeal", cascade="all, delete-orphan"
    )

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_APPEAL_STATUSES


class AppealEvent(IdMixin, Base):
    __tablename__ = "appeal_events"
    __table_args__ = (Index("ix_appeal_events_appeal_id_id", "appeal_id", "id"),)

    appeal_id: Mapped[int] = mapped_column(
        ForeignKey("appeals.id", ondelete="CASCADE"), nullable=False
    )
    action: Mapped[str] = mapped_column(String(40), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    comment: Mapped[str | None] = mapped_column(Text)
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    at: Mapped[datetime] = mapped_column(nullable=False, default=utcnow)

    appeal: Mapped[Appeal] = relationship(back_populates="events")


class AppealFile(IdMixin, Base):
    """A file attached to an appeal: by the resident with it, or by the officer with the answer."""

    __tablename__ = "appeal_files"
    __table_args__ = (
        UniqueConstraint("appeal_id", "file_id", "purpose"),
        CheckConstraint("purpose IN ('attachment', 'response')", name="known_purpose"),
    )

    appeal_id: Mapped[int] = mapped_column(
        ForeignKey("appeals.id", ondelete="CASCADE"), nullable=False, index=True
    )
    file_id: Mapped[int] = mapped_column(
        ForeignKey("stored_files.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    purpose: Mapped[str] = mapped_column(String(20), nullable=False, default="attachment")

    appeal: Mapped[Appeal] = relationship(back_populates="files")
