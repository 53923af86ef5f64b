"""Administrative services (ЦНАП): the catalog, orders and their timeline."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.models.base import (
    Base,
    IdMixin,
    JSONDocument,
    TimestampMixin,
    VersionedMixin,
    ukrainian_text,
    utcnow,
)

if TYPE_CHECKING:
    from backoffice.models.people import User


class OrderStatus(StrEnum):
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    IN_PROGRESS = "in_progress"
    NEEDS_INFO = "needs_info"
    READY = "ready"
    COMPLETED = "completed"
    REJECTED = "rejected"
    CANCELLED = "cancelled"


ORDER_STATUSES_SQL = ", ".join(f"'{s.value}'" for s in OrderStatus)
CLOSED_ORDER_STATUSES = frozenset(
    {OrderStatus.COMPLETED, OrderStatus.REJECTED, OrderStatus.CANCELLED}
)


class DayCount(StrEnum):
    CALENDAR = "calendar"
    WORKING = "working"


class ServiceCategory(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "service_categories"
    __table_args__ = (UniqueConstraint("code"),)

    code: Mapped[str] = mapped_column(String(40), nullable=False)
    title: Mapped[str] = mapped_column(ukrainian_text(200), nullable=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    services: Mapped[list[Service]] = relationship(back_populates="category")


class Service(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "services"
    __table_args__ = (
        UniqueConstraint("code"),
        CheckConstraint("term_days IS NULL OR term_days > 0", name="term_positive"),
        CheckConstraint("fee >= 0", name="fee_not_negative"),
        CheckConstraint("term_counts IN ('calendar', 'working')", name="known_term_counts"),
        Index("ix_services_title_id", "title", "id"),
    )

    code: Mapped[str] = mapped_column(String(40), nullable=False)
    category_id: Mapped[int] = mapped_column(
        ForeignKey("service_categories.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    title: Mapped[str] = mapped_column(ukrainian_text(300), nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    # A list of strings: the documents a resident brings or attaches.
    required_documents: Mapped[list[str]] = mapped_column(
        JSONDocument, nullable=False, default=list
    )
    # NULL: the default term from configuration (30 calendar days).
    term_days: Mapped[int | None] = mapped_column(Integer)
    term_counts: Mapped[str] = mapped_column(String(10), nullable=False, default=DayCount.CALENDAR)
    fee: Mapped[Decimal] = mapped_column(Numeric(10, 2), nullable=False, default=Decimal("0"))
    department: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True, index=True)
    # The fields a resident fills: see core.forms for the format.
    form_schema: Mapped[list[dict[str, Any]]] = mapped_column(
        JSONDocument, nullable=False, default=list
    )

    category: Mapped[ServiceCategory] = relationship(back_populates="services")


class Order(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "orders"
    __table_args__ = (
        UniqueConstraint("registration_number"),
        CheckConstraint(f"status IN ({ORDER_STATUSES_SQL})", name="known_status"),
        CheckConstraint(
            "status <> 'rejected' OR rejection_reason IS NOT NULL", name="rejection_has_reason"
        ),
        CheckConstraint("channel IN ('web', 'desktop', 'cli')", name="known_channel"),
        Index("ix_orders_status_submitted_at_id", "status", "submitted_at", "id"),
        Index("ix_orders_submitted_at_id", "submitted_at", "id"),
        Index("ix_orders_due_at_id", "due_at", "id"),
        Index("ix_orders_status_id", "status", "id"),
        # Analytics (core.analytics): what is counted of the orders received and closed in a
        # period is read from the index alone (migration 0004); the closed ones only in the
        # second: an order enters it when it is closed, whatever its changes while open.
        Index("ix_orders_submitted_at_service_id_status", "submitted_at", "service_id", "status"),
        Index(
            "ix_orders_status_closed_at_service_id_due_at_submitted_at",
            "status",
            "closed_at",
            "service_id",
            "due_at",
            "submitted_at",
            postgresql_where=text("closed_at IS NOT NULL"),
            sqlite_where=text("closed_at IS NOT NULL"),
        ),
    )

    registration_number: Mapped[str] = mapped_column(String(30), nullable=False)
    service_id: Mapped[int] = mapped_column(
        ForeignKey("services.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    applicant_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    answers: Mapped[dict[str, Any]] = mapped_column(JSONDocument, nullable=False, default=dict)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default=OrderStatus.SUBMITTED)
    channel: Mapped[str] = mapped_column(String(10), nullable=False, default="web")
    assignee_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    submitted_at: Mapped[datetime] = mapped_column(nullable=False, default=utcnow)
    due_at: Mapped[datetime] = mapped_column(nullable=False)
    closed_at: Mapped[datetime | None] = mapped_column()
    # needs_info stops the clock: the question, when it was asked, and the resident's answer.
    info_question: Mapped[str | None] = mapped_column(Text)
    info_requested_at: Mapped[datetime | None] = mapped_column()
    info_answer: Mapped[str | None] = mapped_column(Text)
    result_file_id: Mapped[int | None] = mapped_column(
        ForeignKey("stored_files.id", ondelete="RESTRICT"), index=True
    )
    result_note: Mapped[str | None] = mapped_column(Text)
    rejection_reason: Mapped[str | None] = mapped_column(Text)
    # The application as a document (what a resident signs): see the signatures issue.
    application_file_id: Mapped[int | None] = mapped_column(
        ForeignKey("stored_files.id", ondelete="RESTRICT"), index=True
    )

    service: Mapped[Service] = relationship()
    applicant: Mapped[User] = relationship(foreign_keys=[applicant_id])
    assignee: Mapped[User | None] = relationship(foreign_keys=[assignee_id])
    events: Mapped[list[OrderEvent]] = relationship(
        back_populates="order", order_by="OrderEvent.id", cascade="all, delete-orphan"
    )
    attachments: Mapped[list[OrderAttachment]] = relationship(
        back_populates="order", cascade="all, delete-orphan"
    )

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_ORDER_STATUSES


class OrderEvent(IdMixin, Base):
    """One line of an order's timeline."""

    __tablename__ = "order_events"
    __table_args__ = (Index("ix_order_events_order_id_id", "order_id", "id"),)

    order_id: Mapped[int] = mapped_column(
        ForeignKey("orders.id", ondelete="CASCADE"), nullable=False
    )
    action: Mapped[str] = mapped_column(String(40), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    comment: Mapped[str | None] = mapped_column(Text)
    actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    at: Mapped[datetime] = mapped_column(nullable=False, default=utcnow)

    order: Mapped[Order] = relationship(back_populates="events")


class OrderAttachment(IdMixin, Base):
    __tablename__ = "order_attachments"
    __table_args__ = (UniqueConstraint("order_id", "file_id", "field"),)

    order_id: Mapped[int] = mapped_column(
        ForeignKey("orders.id", ondelete="CASCADE"), nullable=False, index=True
    )
    file_id: Mapped[int] = mapped_column(
        ForeignKey("stored_files.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    # The form field the file answers, or "" for a document attached without a field.
    field: Mapped[str] = mapped_column(String(60), nullable=False, default="")

    order: Mapped[Order] = relationship(back_populates="attachments")
