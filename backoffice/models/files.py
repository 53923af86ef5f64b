"""Files live in the database: the desktop talks only to the database."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, deferred, mapped_column

from backoffice.models.base import Base, IdMixin, TimestampMixin


class StoredFile(IdMixin, TimestampMixin, Base):
    """One upload: its own name and uploader. The sha256 identifies the content (integrity,
    finding copies); it is not unique, because two people's uploads of the same bytes are two
    documents — sharing one record would show one person the other's file name."""

    __tablename__ = "stored_files"
    __table_args__ = (Index("ix_stored_files_sha256", "sha256"),)

    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    name: Mapped[str] = mapped_column(String(255), nullable=False)
    media_type: Mapped[str] = mapped_column(String(100), nullable=False)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    # Deferred: lists of files never pull the bytes.
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))
    uploaded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
