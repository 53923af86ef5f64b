"""Export of any list to CSV or XLSX: the rows a list shows with its current filters.

CSV is UTF-8 with a byte-order mark and ``;`` between fields, which is what Excel in a
Ukrainian locale opens correctly (Cyrillic intact, columns split). XLSX has a bold header row,
column widths and real dates (Kyiv time: Excel has no time zones).

``export_list`` pages through a core list function (``services.order_rows``,
``reception.appeal_rows``, ...) with its keyset, window after window — never with OFFSET — up
to ``max_rows``; above that it refuses with a clear message instead of building a huge file.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from sqlalchemy.orm import Session

from backoffice.core import audit
from backoffice.core.actor import Actor
from backoffice.core.calendar import KYIV
from backoffice.core.errors import InvalidInput
from backoffice.core.listing import MAX_PAGE, ListRequest

Format = Literal["csv", "xlsx"]
FORMATS = ("csv", "xlsx")
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
EXPORT_MAX_ROWS = 100_000
Column = tuple[str, str]  # (key in the row, title in the header)
Fetch = Callable[[Session, Actor, ListRequest], list[dict[str, Any]]]


class TooManyRows(InvalidInput):
    """The list holds more rows than one export may."""

    code = "too_many_rows"

    def __init__(self, limit: int):
        self.limit = limit
        text = f"Забагато рядків для експорту (понад {limit:,}). Звузьте фільтри.".replace(",", " ")
        super().__init__({"export": text}, text)


def _text(value: Any) -> str:
    """How a value reads in a CSV cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "так" if value else "ні"
    if isinstance(value, datetime):
        return value.astimezone(KYIV).strftime("%d.%m.%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float | Decimal):
        return str(value).replace(".", ",")
    return str(value)


def _cell(value: Any) -> Any:
    """How a value goes into an XLSX cell (Excel knows no time zones: Kyiv wall time)."""
    if isinstance(value, bool):
        return "так" if value else "ні"
    if isinstance(value, datetime):
        return value.astimezone(KYIV).replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, int | float | Decimal | date) or value is None:
        return value
    return str(value)


def _csv(rows: Sequence[Mapping[str, Any]], columns: Sequence[Column]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([title for _, title in columns])
    for row in rows:
        writer.writerow([_text(row.get(key)) for key, _ in columns])
    return out.getvalue().encode("utf-8-sig")


def _xlsx(rows: Sequence[Mapping[str, Any]], columns: Sequence[Column]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Список")
    widths = [len(title) for _, title in columns]
    for row in rows[:200]:  # widths from the header and the first rows is enough
        for i, (key, _) in enumerate(columns):
            widths[i] = max(widths[i], len(_text(row.get(key))))
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = min(60, max(8, width + 2))
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for _, title in columns:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    date_cells: dict[type, str] = {datetime: "DD.MM.YYYY HH:MM", date: "DD.MM.YYYY"}
    for row in rows:
        line = []
        for key, _ in columns:
            value = _cell(row.get(key))
            number_format = date_cells.get(type(value))
            if number_format:
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = number_format
                line.append(cell)
            else:
                line.append(value)
        sheet.append(line)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def export_rows(rows: Sequence[Mapping[str, Any]], columns: Sequence[Column], fmt: Format) -> bytes:
    """``rows`` (dicts) as a CSV or XLSX file with ``columns`` (key, title) in that order."""
    if fmt not in FORMATS:
        raise InvalidInput({"format": "Формат: csv або xlsx."})
    if not columns:
        raise InvalidInput({"columns": "Оберіть хоча б одну колонку."})
    return _csv(rows, columns) if fmt == "csv" else _xlsx(rows, columns)


def fetch_all(
    session: Session,
    actor: Actor,
    fetch: Fetch,
    request: ListRequest,
    *,
    max_rows: int = EXPORT_MAX_ROWS,
) -> list[dict[str, Any]]:
    """Every row of ``request`` (its filters, search and sort), window after window by keyset.

    Raises ``TooManyRows`` as soon as there are more than ``max_rows``.
    """
    window = replace(request, after=None, limit=MAX_PAGE)
    collected: list[dict[str, Any]] = []
    while True:
        rows = fetch(session, actor, window)
        collected += rows
        if len(collected) > max_rows:
            raise TooManyRows(max_rows)
        if len(rows) < window.limit:
            return collected
        window = window.next(rows[-1])


def export_list(
    session: Session,
    actor: Actor,
    fetch: Fetch,
    request: ListRequest,
    columns: Sequence[Column],
    fmt: Format,
    *,
    max_rows: int = EXPORT_MAX_ROWS,
    present: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
    list_name: str | None = None,
) -> bytes:
    """The list ``fetch`` returns for ``request`` (the filters on screen), as a file.

    ``fetch`` is a core list function taking ``(session, actor, request)``, which checks the
    permission itself; e.g. ``export_list(s, actor, services.order_rows, request, columns,
    "xlsx")``. ``present`` turns each row into what people read (labels for codes).
    With ``list_name`` the export is written to the activity log (what was exported, with
    which filters, how many rows): lists hold residents' personal data.
    """
    if fmt not in FORMATS:
        raise InvalidInput({"format": "Формат: csv або xlsx."})
    rows = fetch_all(session, actor, fetch, request, max_rows=max_rows)
    if present is not None:
        rows = [present(row) for row in rows]
    data = export_rows(rows, columns, fmt)
    if list_name is not None:
        details = {
            "format": fmt,
            "rows": len(rows),
            "search": request.search or None,
            "filters": dict(request.filters or {}),
        }
        audit.record(session, actor, "export", str(list_name)[:40], None, details)
    return data
