"""Registration counters shared by orders and every kind of appeal."""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.models.base import Base


class RegistrationCounter(Base):
    """The last number given per scope (order, appeal kind) and year: gapless numbering.

    Incremented with UPDATE ... RETURNING inside the registering transaction: the row lock
    (PostgreSQL) or the write lock (SQLite) queues concurrent registrations, and a rolled-back
    registration gives its number back.
    """

    __tablename__ = "registration_counters"

    scope: Mapped[str] = mapped_column(String(20), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
