"""The activity log: who did what and when, newest first; one entry's before/after; and a check
that the hash chain is whole (naming, and selecting, the first broken entry)."""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer
from PySide6.QtGui import QColor, QIntValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from backoffice.core import audit, people
from backoffice.core.listing import ListRequest
from backoffice.core.permissions import Perm, can
from backoffice.ui.labels import ACTION_GROUPS, CHAIN_REASONS, ENTITIES, LOG_CHANNELS, label
from backoffice.ui.listmodel import Column
from backoffice.ui.listpanel import SEARCH_DELAY_MS, ListPanel
from backoffice.ui.messages import describe, show_error
from backoffice.ui.tasks import run_in_background
from backoffice.ui.widgets import FieldsView, kyiv_today, local_time, plain_label

CELL_MAX = 300  # characters of a value shown in the before/after table (all of it below)
BROKEN_COLOUR = "#fde7e9"
_MISSING = re.compile(r"entry \d+ is missing")
_ISO_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def value_text(value: Any) -> str:
    """A value from an entry's changes as plain text for people."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("activity", "так")
            if value
            else QCoreApplication.translate("activity", "ні")
        )
    if isinstance(value, str):
        if _ISO_MOMENT.match(value):
            try:
                moment = datetime.fromisoformat(value)
            except ValueError:
                return value
            if moment.tzinfo is not None:
                return local_time(moment)
        return value
    if isinstance(value, list):
        return ", ".join(value_text(v) for v in value) if value else "—"
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def reason_text(reason: str) -> str:
    key = "missing" if _MISSING.fullmatch(reason) else reason
    return label(CHAIN_REASONS, key)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class Panel(ListPanel):
    name = "activity"
    default_sort = "id"
    default_descending = True  # newest first: ids are the chain order, the order in time

    def __init__(self, backend, parent=None) -> None:
        self.search_hint = self.tr("Пошук у діях і об'єктах")
        self.person_id: int | None = None
        self.broken_id: int | None = None
        self.detail = None
        self._detail_token = 0
        super().__init__(backend, parent)
        self._build_chain_row()

    # --- list ---------------------------------------------------------------------------------
    def columns(self) -> list[Column]:
        return [
            Column("id", self.tr("№"), sortable=True, align_right=True, width=50),
            Column("at", self.tr("Час"), format=lambda r: local_time(r["at"]), width=115),
            Column("actor", self.tr("Хто"), width=160),
            Column(
                "channel",
                self.tr("Канал"),
                format=lambda r: label(LOG_CHANNELS, r["channel"]),
                width=110,
            ),
            Column("action", self.tr("Дія"), width=150),
            Column("entity", self.tr("Об'єкт"), format=self._item_text, width=120),
            Column("client_address", self.tr("Адреса"), width=110),
        ]

    def fetch(self, session, actor, request):
        return audit.activity_rows(session, actor, request)

    def count(self, session, actor, request):
        return audit.activity_count(session, actor, request)

    def _item_text(self, row) -> str:
        name = label(ENTITIES, row["entity"])
        return name if row["entity_id"] is None else f"{name} №{row['entity_id']}"

    def row_colour(self, row):
        return QColor(BROKEN_COLOUR) if row["id"] == self.broken_id else None

    # --- filters ------------------------------------------------------------------------------
    def build_filters(self, bar: QHBoxLayout) -> None:
        self._filter_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply)

        self.person_button = QPushButton()
        self.person_button.setObjectName("activity-person")
        self.person_button.setToolTip(self.tr("Дії лише однієї особи"))
        self.person_button.clicked.connect(self.choose_person)
        self.person_clear = QToolButton()
        self.person_clear.setObjectName("activity-person-clear")
        self.person_clear.setText("×")
        self.person_clear.setToolTip(self.tr("Будь-хто"))
        self.person_clear.clicked.connect(lambda: self.set_person(None, ""))
        self._show_person("")
        bar.addWidget(self.person_button)
        bar.addWidget(self.person_clear)

        self.action = QComboBox()
        self.action.setObjectName("activity-action")
        self.action.setEditable(True)
        self.action.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.action.setMinimumWidth(190)
        self.action.setToolTip(
            self.tr("Група дій зі списку, або дія точно (order.accepted), або початок (order.)")
        )
        self.action.addItem(self.tr("Усі дії"), "")
        for prefix in ACTION_GROUPS:
            self.action.addItem(_capitalised(label(ACTION_GROUPS, prefix)), prefix)
        self.action.lineEdit().setPlaceholderText(self.tr("Дія"))
        self.action.currentTextChanged.connect(lambda _text: self._filter_timer.start())
        bar.addWidget(self.action)

        self.entity = QComboBox()
        self.entity.setObjectName("activity-entity")
        self.entity.addItem(self.tr("Будь-який об'єкт"), None)
        for key in ENTITIES:
            self.entity.addItem(_capitalised(label(ENTITIES, key)), key)
        self.entity.currentIndexChanged.connect(self.apply)
        bar.addWidget(self.entity)
        self.entity_id = QLineEdit()
        self.entity_id.setObjectName("activity-entity-id")
        self.entity_id.setPlaceholderText(self.tr("№"))
        self.entity_id.setToolTip(self.tr("Номер об'єкта"))
        self.entity_id.setValidator(QIntValidator(1, 2_147_483_647, self.entity_id))
        self.entity_id.setMaximumWidth(80)
        self.entity_id.textChanged.connect(lambda _text: self._filter_timer.start())
        bar.addWidget(self.entity_id)

        today = kyiv_today()
        self.from_check = QCheckBox(self.tr("з"))
        self.from_check.setObjectName("activity-from-check")
        self.date_from = QDateEdit(today.addDays(-7))
        self.date_from.setObjectName("activity-from")
        self.to_check = QCheckBox(self.tr("по"))
        self.to_check.setObjectName("activity-to-check")
        self.date_to = QDateEdit(today)
        self.date_to.setObjectName("activity-to")
        for check, edit in ((self.from_check, self.date_from), (self.to_check, self.date_to)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(lambda _on: self.apply())
            edit.dateChanged.connect(lambda _date, c=check: c.isChecked() and self.apply())
            bar.addWidget(check)
            bar.addWidget(edit)

    def _action_value(self) -> str:
        text = self.action.currentText().strip()
        index = self.action.findText(text, Qt.MatchFlag.MatchFixedString)
        return self.action.itemData(index) if index >= 0 else text

    def current_filters(self) -> dict:
        filters: dict[str, Any] = {}
        if self.person_id is not None:
            filters["actor_id"] = self.person_id
        if action := self._action_value():
            filters["action"] = action
        if self.entity.currentData() is not None:
            filters["entity"] = self.entity.currentData()
        if self.entity_id.text().strip():
            filters["entity_id"] = int(self.entity_id.text())
        if self.from_check.isChecked():
            filters["at_from"] = self.date_from.date().toPython()
        if self.to_check.isChecked():
            filters["at_to"] = self.date_to.date().toPython()
        return filters

    def _show_person(self, name: str) -> None:
        text = self.tr("Особа: {name}").format(name=name) if name else self.tr("Особа: будь-хто")
        self.person_button.setText(text)
        self.person_clear.setVisible(bool(name))

    def set_person(self, user_id: int | None, name: str) -> None:
        self.person_id = user_id
        self._show_person(name if user_id is not None else "")
        self.apply()

    def choose_person(self) -> None:
        dialog = PersonDialog(self.backend, self)

        def chosen() -> None:
            picked = dialog.chosen()
            if picked is not None:
                self.set_person(*picked)

        dialog.accepted.connect(chosen)
        dialog.open()

    # --- detail -------------------------------------------------------------------------------
    def build_detail(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        self.fields = FieldsView(
            [
                ("id", self.tr("Запис №:")),
                ("at", self.tr("Час:")),
                ("actor", self.tr("Хто:")),
                ("channel", self.tr("Канал:")),
                ("client_address", self.tr("Адреса:")),
                ("action", self.tr("Дія:")),
                ("item", self.tr("Об'єкт:")),
                ("hash", self.tr("Хеш:")),
            ]
        )
        layout.addWidget(self.fields)
        layout.addWidget(QLabel(self.tr("Зміни:")))
        self.changes = QTableWidget(0, 3)
        self.changes.setObjectName("activity-changes")
        self.changes.setHorizontalHeaderLabels([self.tr("Поле"), self.tr("Було"), self.tr("Стало")])
        self.changes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.changes.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.changes.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.changes.verticalHeader().setVisible(False)
        self.changes.setWordWrap(False)
        header = self.changes.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 130)
        header.resizeSection(1, 180)
        header.setStretchLastSection(True)
        self.changes.setMinimumHeight(150)
        self.changes.currentCellChanged.connect(lambda row, *_: self._show_change(row))
        layout.addWidget(self.changes, 2)
        self.no_changes = plain_label(self.tr("Запис без змінених полів."))
        self.no_changes.setVisible(False)
        layout.addWidget(self.no_changes)
        self.change_text = QPlainTextEdit()
        self.change_text.setObjectName("activity-change-text")
        self.change_text.setReadOnly(True)
        self.change_text.setPlaceholderText(self.tr("Виберіть зміну, щоб побачити її повністю."))
        layout.addWidget(self.change_text, 1)
        return box

    def show_row(self, row) -> None:
        if row is None:
            return
        self.show_entry(row["id"])

    def show_entry(self, entry_id: int) -> None:
        """Load one entry (and its changes) into the detail panel."""
        self._detail_token += 1
        token = self._detail_token
        actor = self.backend.actor

        def done(detail: audit.ActivityDetail) -> None:
            if token == self._detail_token:
                self._show_detail(detail)

        def failed(error: Exception) -> None:
            if token == self._detail_token:
                self._clear_detail()
                self.fields.show_values({"id": str(entry_id), "action": describe(error)})

        run_in_background(
            self.backend,
            lambda session: audit.activity_entry(session, actor, entry_id),
            done,
            failed,
            owner=self,
        )

    def _clear_detail(self) -> None:
        self.detail = None
        self.fields.show_values({})
        self.changes.setRowCount(0)
        self.change_text.clear()
        self.no_changes.setVisible(False)

    def _show_detail(self, detail: audit.ActivityDetail) -> None:
        self.detail = detail
        entry = detail.entry
        item = label(ENTITIES, entry.entity)
        self.fields.show_values(
            {
                "id": str(entry.id),
                "at": local_time(entry.at),
                "actor": detail.actor_name,
                "channel": label(LOG_CHANNELS, entry.channel),
                "client_address": entry.client_address or "",
                "action": entry.action,
                "item": item if entry.entity_id is None else f"{item} №{entry.entity_id}",
                "hash": f"{entry.hash[:16]}…",
            }
        )
        self.fields.labels["hash"].setToolTip(entry.hash)
        self.changes.setRowCount(0)
        self.change_text.clear()
        self.changes.setRowCount(len(detail.changes))
        for position, change in enumerate(detail.changes):
            before = value_text(change.before) if change.is_change else ""
            after = value_text(change.after)
            for column, text in enumerate((change.field, before, after)):
                shown = text if len(text) <= CELL_MAX else text[:CELL_MAX] + "…"
                cell = QTableWidgetItem(shown)  # table items are plain text
                cell.setToolTip(text[:2000])
                self.changes.setItem(position, column, cell)
        self.no_changes.setVisible(not detail.changes)

    def _show_change(self, position: int) -> None:
        if self.detail is None or not 0 <= position < len(self.detail.changes):
            self.change_text.clear()
            return
        change = self.detail.changes[position]
        if change.is_change:
            text = self.tr("{field}\n\nБуло:\n{before}\n\nСтало:\n{after}").format(
                field=change.field,
                before=value_text(change.before),
                after=value_text(change.after),
            )
        else:
            text = f"{change.field}\n\n{value_text(change.after)}"
        self.change_text.setPlainText(text)

    # --- the chain check ----------------------------------------------------------------------
    def _build_chain_row(self) -> None:
        row = QHBoxLayout()
        self.verify_button = QPushButton(self.tr("Перевірити ланцюжок"))
        self.verify_button.setObjectName("activity-verify")
        self.verify_button.setToolTip(
            self.tr("Переперевірити хеші всіх записів: чи ніхто не змінив і не видалив жодного")
        )
        self.verify_button.clicked.connect(self.verify_chain)
        self.verify_button.setVisible(
            self.backend.actor is not None and can(self.backend.actor, Perm.AUDIT_VERIFY)
        )
        self.verify_progress = QProgressBar()
        self.verify_progress.setObjectName("activity-verify-progress")
        self.verify_progress.setRange(0, 0)  # busy: the check cannot tell how far it is
        self.verify_progress.setMaximumWidth(160)
        self.verify_progress.setTextVisible(False)
        self.verify_progress.setVisible(False)
        self.verify_result = plain_label()
        self.verify_result.setObjectName("activity-verify-result")
        row.addWidget(self.verify_button)
        row.addWidget(self.verify_progress)
        row.addWidget(self.verify_result, 1)
        layout = self.layout()
        layout.insertLayout(layout.indexOf(self.status), row)

    @property
    def verifying(self) -> bool:
        return not self.verify_button.isEnabled()

    def verify_chain(self) -> None:
        if not self.verify_button.isEnabled():
            return
        actor = self.backend.actor
        self.verify_button.setEnabled(False)
        self.verify_progress.setVisible(True)
        self.verify_result.setStyleSheet("")
        self.verify_result.setText(self.tr("Перевіряю ланцюжок записів…"))
        run_in_background(
            self.backend,
            lambda session: audit.verify_chain(session, actor),
            self._verified,
            self._verify_failed,
            owner=self,
        )

    def _verify_done(self) -> None:
        self.verify_button.setEnabled(True)
        self.verify_progress.setVisible(False)

    def _verified(self, check: audit.ChainCheck) -> None:
        self._verify_done()
        previous, self.broken_id = self.broken_id, None if check.ok else check.broken_entry_id
        if check.ok:
            self.verify_result.setStyleSheet("color: #1b5e20")
            self.verify_result.setText(
                self.tr("Ланцюжок цілий: перевірено записів — {n}.").format(n=check.checked)
            )
        else:
            self.verify_result.setStyleSheet("color: #b00020; font-weight: bold")
            self.verify_result.setText(
                self.tr(
                    "ЛАНЦЮЖОК ПОРУШЕНО на записі №{id}: {reason}. Цілих записів перед ним: {n}."
                ).format(
                    id=check.broken_entry_id, reason=reason_text(check.reason), n=check.checked
                )
            )
        if self.broken_id is not None:
            self.show_broken(self.broken_id)
        elif previous is not None:
            self.table.viewport().update()  # the red row is red no more

    def _verify_failed(self, error: Exception) -> None:
        self._verify_done()
        self.verify_result.setStyleSheet("color: #b00020")
        self.verify_result.setText(describe(error))

    def show_broken(self, entry_id: int) -> None:
        """Show the broken entry as it is now: in the detail at once, and selected (and red) in
        the list, which is reloaded, when the list's filters let it in."""
        self.table.setCurrentIndex(QModelIndex())
        self.show_entry(entry_id)
        self.refresh(keep_id=entry_id)


class PersonDialog(QDialog):
    """Find a resident or a member of staff by name or e-mail, and pick them."""

    def __init__(self, backend, parent=None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.setObjectName("activity-person-dialog")
        self.setWindowTitle(self.tr("Чиї дії показати"))
        self.resize(460, 420)
        layout = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setObjectName("person-search")
        self.search.setPlaceholderText(self.tr("Ім'я або e-mail"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(100)
        layout.addWidget(self.search)
        self.results = QListWidget()
        self.results.setObjectName("person-results")
        self.results.itemDoubleClicked.connect(lambda _item: self.accept())
        layout.addWidget(self.results, 1)
        self.note = plain_label()
        layout.addWidget(self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._token = 0
        self.loading = False
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.find)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.find()

    def find(self) -> None:
        self._token += 1
        token = self._token
        actor = self.backend.actor
        request = ListRequest(sort="full_name", limit=50, search=self.search.text())
        self.loading = True

        def done(rows) -> None:
            if token != self._token:
                return
            self.loading = False
            self.results.clear()
            for row in rows:
                item = QListWidgetItem(f"{row['full_name']} · {row['email']}")
                item.setData(Qt.ItemDataRole.UserRole, (row["id"], row["full_name"]))
                self.results.addItem(item)  # list items are plain text
            if rows:
                self.results.setCurrentRow(0)
            self.note.setText(self.tr("Нікого не знайдено.") if not rows else "")

        def failed(error: Exception) -> None:
            if token == self._token:
                self.loading = False
                show_error(self, error)

        run_in_background(
            self.backend,
            lambda session: people.user_rows(session, actor, request),
            done,
            failed,
            owner=self,
        )

    def chosen(self) -> tuple[int, str] | None:
        item = self.results.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)
