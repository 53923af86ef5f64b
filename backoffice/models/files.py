"""Files live in the database: the desktop talks only to the database."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, deferred, mapped_column

from backoffice.models.base import Base, IdMixin, TimestampMixin


class StoredFile(IdMixin, TimestampMixin, Base):
    __tablename__ = "stored_files"
    __table_args__ = (UniqueConstraint("sha256"),)

    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    name: Mapped[str] = mapped_column(String(255), nullable=False)
    media_type: Mapped[str] = mapped_column(String(100), nullable=False)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    # Deferred: lists of files never pull the bytes.
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))
    uploaded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
