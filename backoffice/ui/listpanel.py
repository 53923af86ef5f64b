"""The shape every list tab shares: search, filters, a keyset-paged table and a detail panel.

A tab subclasses ``ListPanel`` and supplies the columns, the core list and count queries, its
filters and its detail widget. Column layout and the splitter are remembered per tab.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from backoffice.core.listing import ListRequest
from backoffice.reports import export
from backoffice.ui.listmodel import Column, KeysetTableModel, Row
from backoffice.ui.messages import describe, show_error
from backoffice.ui.tasks import run_in_background
from backoffice.ui.widgets import kyiv_today

SEARCH_DELAY_MS = 300


def settings() -> QSettings:
    return QSettings("e-Ternopil", "backoffice")


class ListPanel(QWidget):
    """Subclasses set ``name`` and ``search_hint`` and override the hooks below."""

    name = "list"
    search_hint = ""
    default_sort = "id"
    default_descending = False
    page_size = 100
    changed = Signal()  # something was changed here: counts elsewhere may move

    def __init__(self, backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.selected: Row | None = None
        self._reselect_id: int | None = None
        self.model = KeysetTableModel(
            backend,
            self.columns(),
            self.fetch,
            self.count,
            request=ListRequest(
                sort=self.default_sort, descending=self.default_descending, limit=self.page_size
            ),
            row_colour=self.row_colour,
            parent=self,
        )
        self._build()
        self.model.totalChanged.connect(self._show_total)
        self.model.windowLoaded.connect(self._after_window)
        self.model.failed.connect(self._show_failure)
        self.model.modelReset.connect(self._show_total)

    # --- hooks for subclasses -----------------------------------------------------------------
    def columns(self) -> list[Column]:
        raise NotImplementedError

    def fetch(self, session, actor, request: ListRequest) -> list[Row]:
        raise NotImplementedError

    def count(self, session, actor, request: ListRequest) -> int:
        raise NotImplementedError

    def build_filters(self, bar: QHBoxLayout) -> None:
        """Add filter widgets to ``bar``; call ``self.apply()`` when one changes."""

    def current_filters(self) -> dict[str, Any]:
        return {}

    def build_detail(self) -> QWidget:
        return QLabel(self.tr("Виберіть рядок, щоб побачити подробиці."))

    def show_row(self, row: Row | None) -> None:
        """The selection moved to ``row`` (None: nothing selected)."""

    def row_colour(self, row: Row):
        return None

    # --- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.search_hint or self.tr("Пошук"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(100)
        self.search.setObjectName(f"{self.name}-search")
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        bar.addWidget(self.search, 2)
        self.build_filters(bar)
        self.refresh_button = QPushButton(self.tr("Оновити"))
        self.refresh_button.setToolTip(self.tr("Оновити список (F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        bar.addWidget(self.refresh_button)
        self.export_button = QPushButton(self.tr("Експорт…"))
        self.export_button.setObjectName(f"{self.name}-export")
        self.export_button.setToolTip(
            self.tr("Зберегти список з поточними фільтрами: CSV або XLSX")
        )
        self.export_button.clicked.connect(self.choose_export)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)

        self.table = QTableView()
        self.table.setObjectName(f"{self.name}-table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # The header shows the list's own order before sorting is switched on (switching it on
        # sorts by the indicator at once, and Qt's default indicator is descending).
        keys = [column.key for column in self.model.columns]
        self.table.horizontalHeader().setSortIndicator(
            keys.index(self.default_sort) if self.default_sort in keys else -1,
            Qt.SortOrder.DescendingOrder
            if self.default_descending
            else Qt.SortOrder.AscendingOrder,
        )
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # never ResizeToContents
        header.setStretchLastSection(True)
        for position, column in enumerate(self.model.columns):
            header.resizeSection(position, column.width)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

        self.detail_area = QScrollArea()
        self.detail_area.setWidgetResizable(True)
        self.detail_area.setWidget(self.build_detail())
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail_area)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout.addWidget(self.splitter, 1)

        self.status = QLabel()
        self.status.setObjectName(f"{self.name}-status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.status)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search.setFocus)
        QShortcut(QKeySequence.StandardKey.Refresh, self, activated=self.refresh)
        self._restore_layout()

    # --- behaviour ----------------------------------------------------------------------------
    def request(self) -> ListRequest:
        return ListRequest(
            sort=self.model.request.sort,
            descending=self.model.request.descending,
            limit=self.page_size,
            search=self.search.text(),
            filters=self.current_filters(),
        )

    def apply(self) -> None:
        """Filters or search changed: start the list again."""
        self.model.reload(self.request())

    def refresh(self, keep_id: int | None = None) -> None:
        """Reload with the same filters, keeping the selected item selected if it still fits."""
        if keep_id is None and self.selected is not None:
            keep_id = self.selected.get("id")
        self._reselect_id = keep_id
        self.model.reload(self.request())

    def start(self) -> None:
        """First load, when the tab is shown."""
        if not self.model.rows and not self.model.loading:
            self.apply()

    def _after_window(self) -> None:
        if self._reselect_id is not None:
            position = self.model.position_of(self._reselect_id)
            if position is not None:
                self.table.selectRow(position)
                self._reselect_id = None
        self._show_total()

    def load_detail_of(self, item_id: int, load, show) -> None:
        """Load the detail of item ``item_id`` in the background (``load(session, actor)``) and
        hand it to ``show`` on the GUI thread — unless the selection has moved on meanwhile,
        when the late answer is dropped. Errors go to a message box."""
        actor = self.backend.actor

        def arrived(detail) -> None:
            if self.selected is not None and self.selected.get("id") == item_id:
                show(detail)

        run_in_background(
            self.backend,
            lambda session: load(session, actor),
            arrived,
            lambda error: show_error(self, error),
            owner=self,
        )

    def _current_changed(self, current, _previous) -> None:
        self.selected = self.model.row_at(current.row()) if current.isValid() else None
        self.show_row(self.selected)

    def _show_total(self, *_args) -> None:
        shown = self.model.rowCount()
        if self.model.total is None:
            text = self.tr("Показано: {shown}").format(shown=shown)
        else:
            text = self.tr("Показано {shown} з {total}").format(shown=shown, total=self.model.total)
        if self.model.loading:
            text += " · " + self.tr("завантаження…")
        self.status.setText(text)

    def _show_failure(self, error: Exception) -> None:
        self.status.setText(describe(error))

    # --- export -------------------------------------------------------------------------------
    def choose_export(self) -> None:
        default = f"{self.name}-{kyiv_today().toString('yyyyMMdd')}.xlsx"
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Експорт списку"),
            default,
            self.tr("Книга Excel (*.xlsx);;CSV, розділювач «;» (*.csv)"),
        )
        if path:
            self.export_to(Path(path), "csv" if "csv" in chosen.lower() else "xlsx")

    def export_to(self, path: Path, fmt: str) -> None:
        """Every row of the list as it is filtered now, into ``path`` (written in the
        background; the status line says when it is there)."""
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(path.name + f".{fmt}")
        actor = self.backend.actor
        request = self.request()
        columns = [(c.key, c.title) for c in self.model.columns]
        present = self.exported_row

        def build(session) -> None:
            data = export.export_list(
                session, actor, self.fetch, request, columns, fmt,
                present=present, list_name=self.name,
            )  # fmt: skip
            path.write_bytes(data)

        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Експорт…"))
        run_in_background(
            self.backend, build, lambda _n: self._exported(path), self._export_failed, owner=self
        )

    def exported_row(self, row: Row) -> Row:
        """A row as the file shows it: the table's own text, but dates and numbers kept as
        such (spreadsheets sort and sum them)."""
        shown = dict(row)
        for column in self.model.columns:
            value = row.get(column.key)
            if column.format is not None and not isinstance(
                value, date | datetime | int | float | Decimal
            ):
                shown[column.key] = column.text(row)
        return shown

    def _exported(self, path: Path) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(self.tr("Збережено у файл {path}").format(path=str(path)))

    def _export_failed(self, error: Exception) -> None:
        self.export_button.setEnabled(True)
        self._show_total()
        show_error(self, error, self.tr("Експорт не вдався"))

    # --- remembered layout --------------------------------------------------------------------
    def _restore_layout(self) -> None:
        store = settings()
        header = store.value(f"lists/{self.name}/header")
        if header is not None:
            self.table.horizontalHeader().restoreState(header)
        splitter = store.value(f"lists/{self.name}/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def save_layout(self) -> None:
        store = settings()
        store.setValue(f"lists/{self.name}/header", self.table.horizontalHeader().saveState())
        store.setValue(f"lists/{self.name}/splitter", self.splitter.saveState())
