"""Rate Your Ride: routes, carriers and residents' reviews of a ride."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.models.base import Base, IdMixin, TimestampMixin, VersionedMixin, utcnow

TRANSPORT_MODES = ("bus", "trolleybus", "minibus", "tram")
# The aspects a resident may rate besides the overall rating.
RIDE_ASPECTS = ("punctuality", "cleanliness", "driver", "crowding")


class Carrier(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "carriers"
    __table_args__ = (UniqueConstraint("name"),)

    name: Mapped[str] = mapped_column(String(200), nullable=False)

    routes: Mapped[list[Route]] = relationship(back_populates="carrier")


class Route(IdMixin, TimestampMixin, VersionedMixin, Base):
    __tablename__ = "routes"
    __table_args__ = (
        UniqueConstraint("mode", "number"),
        CheckConstraint("mode IN ('bus', 'trolleybus', 'minibus', 'tram')", name="known_mode"),
    )

    number: Mapped[str] = mapped_column(String(10), nullable=False)
    mode: Mapped[str] = mapped_column(String(12), nullable=False)
    name: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    carrier_id: Mapped[int] = mapped_column(
        ForeignKey("carriers.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)

    carrier: Mapped[Carrier] = relationship(back_populates="routes")


def _rating_check(column: str, nullable: bool) -> CheckConstraint:
    condition = f"{column} BETWEEN 1 AND 5"
    if nullable:
        condition = f"{column} IS NULL OR {condition}"
    return CheckConstraint(condition, name=f"{column}_1_to_5")


class RideReview(IdMixin, Base):
    __tablename__ = "ride_reviews"
    __table_args__ = (
        _rating_check("rating", nullable=False),
        *(_rating_check(aspect, nullable=True) for aspect in RIDE_ASPECTS),
        Index("ix_ride_reviews_route_id_ride_at", "route_id", "ride_at"),
        Index("ix_ride_reviews_ride_at_id", "ride_at", "id"),
    )

    route_id: Mapped[int] = mapped_column(
        ForeignKey("routes.id", ondelete="RESTRICT"), nullable=False
    )
    board_number: Mapped[str] = mapped_column(String(12), nullable=False)
    ride_at: Mapped[datetime] = mapped_column(nullable=False)
    rating: Mapped[int] = mapped_column(SmallInteger, nullable=False)
    punctuality: Mapped[int | None] = mapped_column(SmallInteger)
    cleanliness: Mapped[int | None] = mapped_column(SmallInteger)
    driver: Mapped[int | None] = mapped_column(SmallInteger)
    crowding: Mapped[int | None] = mapped_column(SmallInteger)
    comment: Mapped[str | None] = mapped_column(Text)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(nullable=False, default=utcnow)

    route: Mapped[Route] = relationship()
