"""People: one table for residents and staff; staff roles in their own table."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.models.base import Base, IdMixin, TimestampMixin, VersionedMixin, ukrainian_text


class Role(StrEnum):
    CLERK = "clerk"
    RECEPTION = "reception"
    MODERATOR = "moderator"
    MANAGER = "manager"
    ADMIN = "admin"


class User(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "users"
    __table_args__ = (
        UniqueConstraint("email"),
        CheckConstraint("failed_sign_ins >= 0", name="failed_sign_ins_not_negative"),
        Index("ix_users_full_name_id", "full_name", "id"),
        Index("ix_users_created_at_id", "created_at", "id"),
    )

    email: Mapped[str] = mapped_column(String(254), nullable=False)
    phone: Mapped[str | None] = mapped_column(String(20), index=True)
    full_name: Mapped[str] = mapped_column(ukrainian_text(200), nullable=False)
    # РНОКПП: the 10-digit taxpayer number; optional, validated by its checksum.
    tax_number: Mapped[str | None] = mapped_column(String(10), index=True)
    address: Mapped[str | None] = mapped_column(String(300))
    # argon2id; NULL means the person cannot sign in until a password is set.
    password_hash: Mapped[str | None] = mapped_column(String(200))
    blocked: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False, index=True)
    blocked_reason: Mapped[str | None] = mapped_column(String(500))
    consent_at: Mapped[datetime | None] = mapped_column()
    failed_sign_ins: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    locked_until: Mapped[datetime | None] = mapped_column()
    last_sign_in_at: Mapped[datetime | None] = mapped_column()

    roles: Mapped[list[StaffRole]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin"
    )

    @property
    def role_names(self) -> frozenset[Role]:
        return frozenset(Role(r.role) for r in self.roles)

    @property
    def is_staff(self) -> bool:
        return bool(self.roles)

    def __repr__(self) -> str:
        return f"<User {self.id} {self.email}>"


class StaffRole(IdMixin, Base):
    __tablename__ = "staff_roles"
    __table_args__ = (
        UniqueConstraint("user_id", "role"),
        CheckConstraint(
            "role IN ('clerk', 'reception', 'moderator', 'manager', 'admin')", name="known_role"
        ),
        Index("ix_staff_roles_role", "role"),
    )

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    role: Mapped[str] = mapped_column(String(20), nullable=False)

    user: Mapped[User] = relationship(back_populates="roles")
