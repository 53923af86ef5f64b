"""Printed reports (reportlab PDF) and list export (CSV/XLSX), built from ``core`` queries.

``REPORTS`` names every document: period reports need ``Perm.ANALYTICS_VIEW``; the two
per-item documents (the order receipt and the appeal's registration-control card) need the
item's own view permission, checked by the core function that loads the item.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from backoffice.core.actor import Actor
from backoffice.core.analytics import Period
from backoffice.core.errors import InvalidInput
from backoffice.reports import appeals, control_card, receipt, services, surveys, transport

Builder = Callable[..., bytes]

REPORTS: dict[str, tuple[str, Builder]] = {
    "services": (services.TITLE, services.build),
    "appeals": (appeals.TITLE, appeals.build),
    "surveys": (surveys.TITLE, surveys.build),
    "transport": (transport.TITLE, transport.build),
    "receipt": (receipt.TITLE, receipt.build),
    "control-card": (control_card.TITLE, control_card.build),
}
# Documents about one item: they take its id instead of a period.
PER_ITEM: dict[str, str] = {"receipt": "order_id", "control-card": "appeal_id"}


def build_report(
    session: Session,
    actor: Actor,
    name: str,
    date_from: date | str | None,
    date_to: date | str | None,
    **options: Any,
) -> bytes:
    """The PDF of report ``name`` for the Kyiv days ``date_from``..``date_to`` (both included).

    Options: ``category_id`` (services), ``kind`` (appeals), ``survey_id`` (surveys),
    ``carrier_id`` (transport), ``order_id`` (receipt), ``appeal_id`` (control-card), ``now``.
    """
    if name not in REPORTS:
        raise InvalidInput({"name": f"Невідомий звіт: {str(name)[:40]}."})
    _, builder = REPORTS[name]
    options = {k: v for k, v in options.items() if v is not None}
    if name in PER_ITEM:
        key = PER_ITEM[name]
        if key not in options:
            raise InvalidInput({key: "Вкажіть, для якого документа."})
        return builder(session, actor, None, **options)
    if date_from is None or date_to is None:
        raise InvalidInput({"period": "Вкажіть початок і кінець періоду."})
    return builder(session, actor, Period.of(date_from, date_to), **options)


__all__ = ["PER_ITEM", "REPORTS", "build_report"]
