"""Windows of rows for long lists: keyset pagination, sorting and filtering in SQL.

A list query selects labelled columns including ``id`` and every sortable column under its sort
name; ``fetch_page`` adds the keyset condition ``(sort_key, id) > (:k, :id)`` (``<`` when
descending), the order and the limit, and returns plain dicts. The next window starts after the
last row shown: ``request.next(rows[-1])``. Totals come from ``count_rows`` separately.
Nothing here loads a whole table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Select, func, select, tuple_
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from backoffice.core.errors import InvalidInput

MAX_PAGE = 500


@dataclass(frozen=True)
class ListRequest:
    sort: str = "id"
    descending: bool = False
    after: tuple[Any, int] | None = None
    limit: int = 100
    search: str = ""
    filters: Mapping[str, Any] = field(default_factory=dict)

    def next(self, last_row: Mapping[str, Any]) -> ListRequest:
        """The request for the window after ``last_row``."""
        return replace(self, after=(last_row[self.sort], last_row["id"]))

    def first(self) -> ListRequest:
        return replace(self, after=None)


def _sort_column(stmt: Select, name: str) -> ColumnElement:
    for column in stmt.selected_columns:
        if column.key == name:
            return column
    raise InvalidInput({"sort": f"Не можна впорядкувати за «{name[:40]}»."})


def _base_expression(column: ColumnElement) -> ColumnElement:
    """The expression behind a label (a WHERE cannot refer to a SELECT label)."""
    return getattr(column, "element", column)


def fetch_page(
    session: Session, stmt: Select, request: ListRequest, sortable: frozenset[str] | set[str]
) -> list[dict[str, Any]]:
    """One window of ``stmt`` ordered by ``request.sort`` then id, after ``request.after``."""
    if request.sort not in sortable:
        raise InvalidInput({"sort": f"Не можна впорядкувати за «{str(request.sort)[:40]}»."})
    key = _base_expression(_sort_column(stmt, request.sort))
    ident = _base_expression(_sort_column(stmt, "id"))
    if request.after is not None:
        after_key, after_id = request.after
        if request.descending:
            stmt = stmt.where(tuple_(key, ident) < tuple_(after_key, after_id))
        else:
            stmt = stmt.where(tuple_(key, ident) > tuple_(after_key, after_id))
    if request.descending:
        stmt = stmt.order_by(key.desc(), ident.desc())
    else:
        stmt = stmt.order_by(key.asc(), ident.asc())
    limit = max(1, min(int(request.limit), MAX_PAGE))
    return [dict(row._mapping) for row in session.execute(stmt.limit(limit))]


def count_rows(session: Session, stmt: Select) -> int:
    """How many rows ``stmt`` (with its filters, without a window) has."""
    return session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))


def search_pattern(text: str) -> str | None:
    """A LIKE pattern for a case-insensitive search (compare with ``func.lower(column)``)."""
    text = (text or "").strip()[:100].lower()
    if not text:
        return None
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def matches(column: ColumnElement, pattern: str) -> ColumnElement[bool]:
    """Case-insensitive containment of a ``search_pattern`` (Unicode-aware on both databases)."""
    return func.lower(column).like(pattern, escape="\\")
