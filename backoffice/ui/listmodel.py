"""A Qt table model over a long list in the database.

Rows arrive in windows (keyset pagination in core) fetched on the thread pool; ``fetchMore``
starts a worker and returns at once, and results are inserted on the GUI thread. A generation
counter drops windows that belong to an older filter or sort, and a flag prevents two fetches
at once. ``rowCount`` is what has been fetched; the total comes from a separate count.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from backoffice.core.listing import ListRequest
from backoffice.ui.tasks import run_in_background

Row = dict[str, Any]
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    format: Callable[[Row], str] | None = None
    sortable: bool = False
    align_right: bool = False
    width: int = 140

    def text(self, row: Row) -> str:
        if self.format is not None:
            return self.format(row)
        value = row.get(self.key)
        return "" if value is None else str(value)


class KeysetTableModel(QAbstractTableModel):
    totalChanged = Signal(int)
    loadingChanged = Signal(bool)
    failed = Signal(object)
    windowLoaded = Signal()

    def __init__(
        self,
        backend,
        columns: list[Column],
        fetch: Callable[[Any, Any, ListRequest], list[Row]],
        count: Callable[[Any, Any, ListRequest], int] | None = None,
        *,
        request: ListRequest | None = None,
        row_colour: Callable[[Row], QColor | None] | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.backend = backend
        self.columns = columns
        self._fetch = fetch
        self._count = count
        self.request = request or ListRequest()
        self.row_colour = row_colour
        self.rows: list[Row] = []
        self.total: int | None = None
        self._generation = 0
        self._fetching = False
        self._exhausted = False
        self._started = False  # nothing is fetched before the screen asks (a tab not shown)

    # --- what Qt asks -------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            # Qt renders a tooltip that looks like markup as rich text: escape what people wrote.
            text = column.text(row)
            return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>" if text else None
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and self.row_colour is not None:
            colour = self.row_colour(row)
            return QBrush(colour) if colour is not None else None
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].title
        return None

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: B008
        return self._started and not parent.isValid() and not self._exhausted and not self._fetching

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._fetch_window()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or not self.columns[column].sortable:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        key = self.columns[column].key
        if key == self.request.sort and descending == self.request.descending and self.rows:
            return
        if not self._started:
            # The view sorts once when sorting is switched on: remember the order, fetch later.
            self.request = replace(self.request, sort=key, descending=descending)
            return
        self.reload(replace(self.request, sort=key, descending=descending))

    # --- what screens use ---------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        return self._fetching

    def row_at(self, position: int) -> Row | None:
        return self.rows[position] if 0 <= position < len(self.rows) else None

    def position_of(self, item_id: int) -> int | None:
        for position, row in enumerate(self.rows):
            if row.get("id") == item_id:
                return position
        return None

    def reload(self, request: ListRequest | None = None) -> None:
        """Start again from the first window (new filter, sort or data)."""
        if request is not None:
            self.request = request
        self.request = self.request.first()
        self._started = True
        self._generation += 1
        self.beginResetModel()
        self.rows = []
        self._exhausted = False
        self._fetching = False
        self.endResetModel()
        self._fetch_window()
        self._count_total()

    # --- background work ----------------------------------------------------------------------
    def _fetch_window(self) -> None:
        if self.backend.actor is None or self._fetching:
            return  # one window at a time: the view may ask again while one is on its way
        generation = self._generation
        request = self.request if not self.rows else self.request.next(self.rows[-1])
        actor = self.backend.actor
        self._set_fetching(True)
        run_in_background(
            self.backend,
            lambda session: self._fetch(session, actor, request),
            lambda rows: self._window_arrived(generation, request, rows),
            lambda error: self._window_failed(generation, error),
            owner=self,
        )

    def _window_arrived(self, generation: int, request: ListRequest, rows: list[Row]) -> None:
        if generation != self._generation:
            return  # an older filter's window: the list has moved on
        self._set_fetching(False)
        self._exhausted = len(rows) < request.limit
        if rows:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()
        self.windowLoaded.emit()

    def _window_failed(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self._set_fetching(False)
        self._exhausted = True  # no retry loop: the screen offers "refresh"
        self.failed.emit(error)

    def _count_total(self) -> None:
        if self._count is None or self.backend.actor is None:
            return
        generation = self._generation
        request = self.request
        actor = self.backend.actor

        def arrived(total: int) -> None:
            if generation == self._generation:
                self.total = total
                self.totalChanged.emit(total)

        run_in_background(
            self.backend,
            lambda session: self._count(session, actor, request),
            arrived,
            lambda error: None,
            owner=self,
        )

    def _set_fetching(self, value: bool) -> None:
        if self._fetching != value:
            self._fetching = value
            self.loadingChanged.emit(value)
