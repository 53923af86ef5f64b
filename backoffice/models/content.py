"""City pages and news: Markdown bodies, published or not."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.models.base import Base, IdMixin, TimestampMixin, VersionedMixin, ukrainian_text


class _Publishable(IdMixin, TimestampMixin, VersionedMixin):
    slug: Mapped[str] = mapped_column(String(120), nullable=False)
    title: Mapped[str] = mapped_column(ukrainian_text(300), nullable=False)
    body: Mapped[str] = mapped_column(Text, nullable=False, default="")
    published: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    published_at: Mapped[datetime | None] = mapped_column()
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )


class Page(_Publishable, Base):
    __tablename__ = "pages"
    __table_args__ = (UniqueConstraint("slug"), Index("ix_pages_published", "published"))


class NewsItem(_Publishable, Base):
    __tablename__ = "news_items"
    __table_args__ = (
        UniqueConstraint("slug"),
        Index("ix_news_items_published_published_at", "published", "published_at"),
    )
