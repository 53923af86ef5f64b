"""Gapless registration numbers per scope and year."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.orm import Session

from backoffice.db import insert_ignoring_duplicates
from backoffice.models import RegistrationCounter

# Prefixes as printed on documents: orders of ЦНАП, citizens' appeals (звернення громадян),
# public-information requests (запити на інформацію), electronic messages (повідомлення).
PREFIXES = {"order": "ЦНАП", "appeal": "ЗГ", "info_request": "ЗІ", "message": "ЕП"}


def next_number(session: Session, scope: str, year: int) -> int:
    """The next number of ``scope`` in ``year``, held by this transaction until it ends."""
    insert_ignoring_duplicates(
        session, RegistrationCounter.__table__, {"scope": scope, "year": year, "last_number": 0}
    )
    return session.execute(
        update(RegistrationCounter)
        .where(RegistrationCounter.scope == scope, RegistrationCounter.year == year)
        .values(last_number=RegistrationCounter.last_number + 1)
        .returning(RegistrationCounter.last_number)
    ).scalar_one()


def registration_number(session: Session, scope: str, year: int) -> str:
    number = next_number(session, scope, year)
    return f"{PREFIXES[scope]}-{year}/{number:06d}"
