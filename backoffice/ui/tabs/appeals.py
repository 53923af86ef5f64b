"""Appeals & requests: the reception's register of appeals, information requests and messages.

The list filters and searches in SQL (``reception.appeal_rows``); the detail panel is the
registration-control card with the text, the files and the timeline; the buttons are the
actions core says are available. Every action sends the version shown, and a stale one comes
back as a conflict that names who changed the item and reloads it.
"""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backoffice.core import people, reception, records
from backoffice.core.errors import Conflict, InvalidInput, InvalidTransition, NotFound
from backoffice.core.files import MAX_FILE_BYTES, clean_file_name
from backoffice.core.files import get as get_stored_file
from backoffice.core.listing import ListRequest
from backoffice.core.permissions import Perm, can
from backoffice.models import AppealKind, AppealStatus
from backoffice.models.reception import CLOSED_APPEAL_STATUSES
from backoffice.reports import build_report
from backoffice.ui.dialogs import appeals as dialogs
from backoffice.ui.dialogs.reports import DocumentDialog
from backoffice.ui.labels import (
    APPEAL_ACTIONS,
    APPEAL_EVENTS,
    APPEAL_KINDS,
    APPEAL_KINDS_SHORT,
    APPEAL_STATUSES,
    CHANNELS,
    label,
)
from backoffice.ui.listmodel import Column
from backoffice.ui.listpanel import ListPanel, settings
from backoffice.ui.messages import describe, show_error
from backoffice.ui.tasks import run_in_background
from backoffice.ui.widgets import ActionBar, FieldsView, kyiv_today, local_time, plain_label

OVERDUE_COLOUR = "#f8d7da"
DUE_SOON_COLOUR = "#fff1c2"
URGENT_MARK = "⚠"
OPEN_STATUSES = [s.value for s in AppealStatus if s not in CLOSED_APPEAL_STATUSES]
# Card rows shown only when they say something.
OPTIONAL_FIELDS = (
    "extension",
    "forwarded_to",
    "not_considered_reason",
    "answered",
    "delivered_at",
    "closed_at",
)
# Buttons in two rows: moving the item on, then the exceptions (which show is core's answer).
MAIN_ACTIONS = ("register", "assign", "answer", "reassign", "mark_delivered")
OTHER_ACTIONS = ("extend", "forward", "mark_not_considered")

_temp_folder: tempfile.TemporaryDirectory | None = None


def open_local_file(path: Path) -> bool:
    """Open a file with the system's viewer (replaced in tests)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def temp_folder() -> Path:
    """A private folder for opened files, removed when the application ends."""
    global _temp_folder
    if _temp_folder is None:
        _temp_folder = tempfile.TemporaryDirectory(prefix="e-ternopil-", ignore_cleanup_errors=True)
    return Path(_temp_folder.name)


class Panel(ListPanel):
    name = "appeals"
    default_sort = "received_at"
    default_descending = True

    def __init__(self, backend, parent=None) -> None:
        self.search_hint = self.tr("Пошук: номер, тема або заявник")
        self.card: dict[str, Any] | None = None
        self._wanted_id: int | None = None
        super().__init__(backend, parent)
        self.layout().insertLayout(1, self._second_bar)
        if settings().value(f"lists/{self.name}/splitter") is None:
            self.splitter.setSizes([990, 410])  # the list first; a remembered layout wins
        may_process = can(backend.actor, Perm.APPEAL_PROCESS)
        self.new_button.setVisible(may_process)
        self.assignee.setVisible(may_process)

    # --- list ---------------------------------------------------------------------------------
    def columns(self) -> list[Column]:
        return [
            Column(
                "registration_number",
                self.tr("Номер"),
                format=lambda r: r["registration_number"] or "—",
                sortable=True,
                width=122,
            ),
            Column("urgent", "!", format=lambda r: URGENT_MARK if r["urgent"] else "", width=22),
            Column(
                "kind",
                self.tr("Вид"),
                format=lambda r: label(APPEAL_KINDS_SHORT, r["kind"]),
                width=112,
            ),
            Column("subject", self.tr("Тема"), width=160),
            Column("applicant", self.tr("Заявник"), width=120),
            Column(
                "status",
                self.tr("Стан"),
                format=lambda r: label(APPEAL_STATUSES, r["status"]),
                sortable=True,
                width=145,
            ),
            Column(
                "due_at",
                self.tr("Строк"),
                format=lambda r: _due_of(r, r["due_at"]),
                sortable=True,
                width=128,
            ),
            Column(
                "received_at",
                self.tr("Надійшло"),
                format=lambda r: local_time(r["received_at"], with_time=False),
                sortable=True,
                width=82,
            ),
            Column("assignee", self.tr("Виконавець"), width=120),
        ]

    def fetch(self, session, actor, request):
        return reception.appeal_rows(session, actor, request)

    def count(self, session, actor, request):
        return reception.appeal_count(session, actor, request)

    def row_colour(self, row):
        # The flags are core's (reception.appeal_rows), as the orders tab's are.
        if row.get("overdue"):
            return QColor(OVERDUE_COLOUR)
        if row.get("due_soon"):
            return QColor(DUE_SOON_COLOUR)
        return None

    # --- filters ------------------------------------------------------------------------------
    def build_filters(self, bar: QHBoxLayout) -> None:
        self.kind = QComboBox()
        self.kind.setObjectName("appeals-kind")
        self.kind.addItem(self.tr("Усі види"), None)
        for kind in AppealKind:
            self.kind.addItem(label(APPEAL_KINDS, kind.value), kind.value)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("appeals-status")
        self.status_filter.addItem(self.tr("Усі стани"), None)
        self.status_filter.addItem(self.tr("Незакриті"), OPEN_STATUSES)
        for status in AppealStatus:
            self.status_filter.addItem(label(APPEAL_STATUSES, status.value), status.value)
        self.assignee = QComboBox()
        self.assignee.setObjectName("appeals-assignee")
        for text, value in (
            (self.tr("Будь-який виконавець"), None),
            (self.tr("Доручені мені"), "me"),
            (self.tr("Не доручені"), "none"),
        ):
            self.assignee.addItem(text, value)
        for combo in (self.kind, self.status_filter, self.assignee):
            combo.currentIndexChanged.connect(self.apply)
            bar.addWidget(combo)

        # The second row: the reception's own button, yes/no filters, the date range, a legend.
        self._second_bar = second = QHBoxLayout()
        self.new_button = QPushButton(self.tr("Нове паперове звернення…"))
        self.new_button.setObjectName("appeals-new")
        self.new_button.clicked.connect(lambda: self.new_paper_appeal())
        second.addWidget(self.new_button)
        second.addSpacing(12)
        self.overdue = QCheckBox(self.tr("Прострочені"))
        self.overdue.setObjectName("appeals-overdue")
        self.due_soon = QCheckBox(self.tr("Строк спливає"))
        self.due_soon.setObjectName("appeals-due-soon")
        self.urgent = QCheckBox(self.tr("Термінові"))
        self.urgent.setObjectName("appeals-urgent")
        for box in (self.overdue, self.due_soon, self.urgent):
            box.toggled.connect(self.apply)
            second.addWidget(box)
        second.addSpacing(12)
        self.dated = QCheckBox(self.tr("Надійшли з"))
        self.dated.setObjectName("appeals-dated")
        today = kyiv_today()
        self.date_from = _date_edit("appeals-from", today.addDays(-30))
        self.date_to = _date_edit("appeals-to", today)
        self.dated.toggled.connect(self._dated_toggled)
        self.date_from.dateChanged.connect(self._dates_changed)
        self.date_to.dateChanged.connect(self._dates_changed)
        self._dated_toggled(False)
        second.addWidget(self.dated)
        second.addWidget(self.date_from)
        second.addWidget(QLabel(self.tr("по")))
        second.addWidget(self.date_to)
        second.addStretch(1)
        second.addWidget(_legend(self.tr("прострочено"), OVERDUE_COLOUR))
        second.addWidget(_legend(self.tr("строк спливає"), DUE_SOON_COLOUR))

    def _dated_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        if hasattr(self, "table"):  # not while building
            self.apply()

    def _dates_changed(self, _day) -> None:
        if self.dated.isChecked():
            self.apply()

    def current_filters(self) -> dict:
        filters: dict[str, Any] = {}
        for key, combo in (
            ("kind", self.kind),
            ("status", self.status_filter),
            ("assignee_id", self.assignee),
        ):
            if combo.currentData() is not None:
                filters[key] = combo.currentData()
        for key, box in (
            ("overdue", self.overdue),
            ("due_soon", self.due_soon),
            ("urgent", self.urgent),
        ):
            if box.isChecked():
                filters[key] = True
        if self.dated.isChecked():
            filters["received_from"] = self.date_from.date().toPython()
            filters["received_to"] = self.date_to.date().toPython()
        return filters

    # --- detail -------------------------------------------------------------------------------
    def build_detail(self) -> QWidget:
        box = QWidget()
        box.setObjectName("appeal-detail")
        layout = QVBoxLayout(box)
        self.title = plain_label(self.tr("Виберіть звернення в списку."))
        self.title.setObjectName("appeal-title")
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.detail_error = plain_label()
        self.detail_error.setObjectName("appeal-error")
        self.detail_error.setStyleSheet("color: #b00020")
        self.detail_error.setVisible(False)
        layout.addWidget(self.detail_error)
        self.actions = ActionBar(
            [(name, self._button_title(name)) for name in MAIN_ACTIONS], self.perform
        )
        self.more_actions = ActionBar(
            [(name, self._button_title(name)) for name in OTHER_ACTIONS], self.perform
        )
        for bar in (self.actions, self.more_actions):
            for name, button in bar.buttons.items():
                button.setToolTip(label(APPEAL_ACTIONS, name))
            layout.addWidget(bar)
        self.card_button = QPushButton(self.tr("Друкувати картку…"))
        self.card_button.setObjectName("appeal-print-card")
        self.card_button.setToolTip(self.tr("Реєстраційно-контрольна картка: перегляд і друк"))
        self.card_button.clicked.connect(self.print_card)
        self.card_button.setVisible(False)
        layout.addWidget(self.card_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        self.fields = FieldsView(
            [
                ("registration_number", self.tr("Реєстраційний номер:")),
                ("kind", self.tr("Вид:")),
                ("status", self.tr("Стан:")),
                ("channel", self.tr("Канал:")),
                ("received_at", self.tr("Надійшло:")),
                ("registered_at", self.tr("Зареєстровано:")),
                ("due_at", self.tr("Контрольна дата:")),
                ("extension", self.tr("Продовження:")),
                ("needs_study", self.tr("Додаткове вивчення:")),
                ("urgent", self.tr("Терміновість:")),
                ("applicant", self.tr("Заявник:")),
                ("applicant_contact", self.tr("Контакт:")),
                ("subject", self.tr("Тема:")),
                ("category", self.tr("Категорія:")),
                ("assignee", self.tr("Виконавець:")),
                ("forwarded_to", self.tr("Переслано до:")),
                ("not_considered_reason", self.tr("Без розгляду:")),
                ("answered", self.tr("Відповідь надано:")),
                ("delivered_at", self.tr("Доставлено:")),
                ("closed_at", self.tr("Закрито:")),
            ]
        )
        body.addWidget(self.fields)

        body.addWidget(_section(self.tr("Текст звернення")))
        self.text_view = _reader("appeal-text", 160)
        body.addWidget(self.text_view)
        self.response_title = _section(self.tr("Відповідь"))
        body.addWidget(self.response_title)
        self.response_view = _reader("appeal-response", 100)
        body.addWidget(self.response_view)

        body.addWidget(_section(self.tr("Файли")))
        files_row = QHBoxLayout()
        self.files_list = QListWidget()
        self.files_list.setObjectName("appeal-files")
        self.files_list.setMaximumHeight(90)
        self.files_list.itemDoubleClicked.connect(lambda _item: self.open_selected_file())
        files_row.addWidget(self.files_list, 1)
        self.open_button = QPushButton(self.tr("Відкрити"))
        self.open_button.setObjectName("appeal-open-file")
        self.open_button.clicked.connect(self.open_selected_file)
        files_row.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        body.addLayout(files_row)

        body.addWidget(_section(self.tr("Хід розгляду")))
        self.timeline = QListWidget()
        self.timeline.setObjectName("appeal-timeline")
        self.timeline.setWordWrap(True)
        self.timeline.setMinimumHeight(120)
        body.addWidget(self.timeline)
        layout.addWidget(self.body)
        layout.addStretch(1)
        self._clear_detail()
        return box

    def _button_title(self, action: str) -> str:
        return {
            "register": self.tr("Зареєструвати…"),
            "assign": self.tr("Доручити…"),
            "answer": self.tr("Відповісти…"),
            "mark_delivered": self.tr("Відповідь доставлено"),
            "reassign": self.tr("Змінити виконавця…"),
            "extend": self.tr("Продовжити строк…"),
            "forward": self.tr("Переслати…"),
            "mark_not_considered": self.tr("Без розгляду…"),
        }[action]

    @property
    def action_buttons(self) -> dict[str, QPushButton]:
        return self.actions.buttons | self.more_actions.buttons

    def _show_actions(self, available: list[str]) -> None:
        self.actions.show_available(available)
        self.more_actions.show_available(available)
        self.more_actions.setVisible(any(name in available for name in OTHER_ACTIONS))

    def _set_busy(self, busy: bool) -> None:
        self.actions.set_busy(busy)
        self.more_actions.set_busy(busy)
        self.more_actions.set_busy(busy)

    def _clear_detail(self, message: str | None = None) -> None:
        self.card = None
        self.card_button.setVisible(False)
        self.title.setText(message or self.tr("Виберіть звернення в списку."))
        self._show_actions([])
        self.body.setVisible(False)

    def show_row(self, row) -> None:
        if row is None:
            self._wanted_id = None
            self._clear_detail()
            return
        fresh = self.card is not None and self.card["id"] == row["id"]
        if fresh and self.card["version"] == row["version"]:
            return  # the card shown is the item as the list has it
        self.load_card(row["id"])

    def print_card(self) -> DocumentDialog | None:
        """The registration-control card as printed for the file, to look at and print."""
        if self.card is None:
            return None
        appeal_id = self.card["id"]
        actor = self.backend.actor
        dialog = DocumentDialog(
            self.backend,
            self.tr("Реєстраційно-контрольна картка"),
            f"control-card-{appeal_id}.pdf",
            lambda s: build_report(s, actor, "control-card", None, None, appeal_id=appeal_id),
            self,
        )
        dialog.open()
        return dialog

    def load_card(self, appeal_id: int) -> None:
        """Load (or reload) the card of ``appeal_id`` in the background."""
        self._wanted_id = appeal_id
        actor = self.backend.actor
        run_in_background(
            self.backend,
            lambda session: _load_card(session, actor, appeal_id),
            self._card_arrived,
            lambda error: self._card_failed(appeal_id, error),
            owner=self,
        )

    def _card_arrived(self, card: dict[str, Any]) -> None:
        if card["id"] != self._wanted_id:
            return  # the selection moved on meanwhile
        self.card = card
        self.card_button.setVisible(True)
        self.detail_error.setVisible(False)
        self.body.setVisible(True)
        number = card["registration_number"]
        kind = label(APPEAL_KINDS, card["kind"])
        kind = kind[:1].upper() + kind[1:]
        self.title.setText(
            f"{kind} № {number}" if number else f"{kind} ({self.tr('не зареєстровано')})"
        )
        self.fields.show_values(self._card_values(card))
        form = self.fields.layout()
        for key in OPTIONAL_FIELDS:
            form.setRowVisible(self.fields.labels[key], bool(self._card_values(card).get(key)))
        self.text_view.setPlainText(card["text"])
        has_response = bool(card["response_text"])
        self.response_title.setVisible(has_response)
        self.response_view.setVisible(has_response)
        self.response_view.setPlainText(card["response_text"] or "")
        self.files_list.clear()
        for stored in card["files"]:
            item = QListWidgetItem(self._file_text(stored))  # plain text
            item.setData(Qt.ItemDataRole.UserRole, stored["id"])
            self.files_list.addItem(item)
        if card["files"]:
            self.files_list.setCurrentRow(0)
        self.open_button.setEnabled(bool(card["files"]))
        self.timeline.clear()
        for event in card["events"]:
            self.timeline.addItem(self._event_text(event))
        self._show_actions(card["actions"])

    def _card_failed(self, appeal_id: int, error: Exception) -> None:
        if appeal_id != self._wanted_id:
            return
        self._clear_detail(self.tr("Не вдалося відкрити картку."))
        self.detail_error.setText(describe(error))
        self.detail_error.setVisible(True)

    def _card_values(self, card: dict[str, Any]) -> dict[str, str]:
        extension = ""
        if card["original_due_at"] is not None:
            extension = self.tr("з {first}; причина: {reason}").format(
                first=_due_of(card, card["original_due_at"]), reason=card["extension_reason"] or ""
            )
        due = _due_of(card, card["due_at"])
        if due and card["overdue"]:
            due += " — " + self.tr("прострочено")
        answered = ""
        if card["answered_at"] is not None:
            answered = local_time(card["answered_at"])
            if card["answered_by"]:
                answered += f", {card['answered_by']}"
        urgent = self.tr("ні")
        if card["urgent"]:
            urgent = self.tr("так")
            if card["urgent_reason"]:
                urgent += f": {card['urgent_reason']}"
        yes_no = self.tr("так") if card["needs_study"] else self.tr("ні")
        return {
            "registration_number": card["registration_number"] or self.tr("не зареєстровано"),
            "kind": label(APPEAL_KINDS, card["kind"]),
            "status": label(APPEAL_STATUSES, card["status"]),
            "channel": label(CHANNELS, card["channel"]),
            "received_at": local_time(card["received_at"]),
            "registered_at": local_time(card["registered_at"]),
            "due_at": due,
            "extension": extension,
            "needs_study": yes_no if card["registered_at"] else "",
            "urgent": urgent,
            "applicant": card["applicant"],
            "applicant_contact": card["applicant_contact"] or "",
            "subject": card["subject"],
            "category": card["category"],
            "assignee": card["assignee"] or "",
            "forwarded_to": card["forwarded_to"] or "",
            "not_considered_reason": card["not_considered_reason"] or "",
            "answered": answered,
            "delivered_at": local_time(card["delivered_at"]),
            "closed_at": local_time(card["closed_at"]),
        }

    def _file_text(self, stored: dict[str, Any]) -> str:
        purpose = self.tr("відповідь") if stored["purpose"] == "response" else self.tr("додаток")
        return f"{stored['name']} · {_size_text(stored['size'])} · {purpose}"

    def _event_text(self, event: dict[str, Any]) -> str:
        parts = [local_time(event["at"]), label(APPEAL_EVENTS, event["action"])]
        if event["actor"]:
            parts.append(event["actor"])
        text = " · ".join(parts)
        if event["comment"]:
            text += "\n" + event["comment"]
        return text

    # --- files --------------------------------------------------------------------------------
    def open_selected_file(self) -> None:
        item = self.files_list.currentItem()
        if self.card is None or item is None:
            return
        appeal_id = self.card["id"]
        file_id = item.data(Qt.ItemDataRole.UserRole)
        actor = self.backend.actor
        folder = temp_folder()
        self.open_button.setEnabled(False)
        run_in_background(
            self.backend,
            lambda session: _save_file(session, actor, appeal_id, file_id, folder),
            self._file_saved,
            self._file_failed,
            owner=self,
        )

    def _file_saved(self, path: Path) -> None:
        self.open_button.setEnabled(True)
        if not open_local_file(path):
            self.detail_error.setText(
                self.tr("Не вдалося відкрити файл. Його збережено тут: {path}").format(path=path)
            )
            self.detail_error.setVisible(True)

    def _file_failed(self, error: Exception) -> None:
        self.open_button.setEnabled(True)
        show_error(self, error)

    # --- actions ------------------------------------------------------------------------------
    def perform(self, action: str, initial=None, errors=None, context=None) -> None:
        """Ask for the action's values, then send them to core with the version shown.

        When core refuses the values (``InvalidInput``) the dialog opens again with what was
        typed and core's messages under the fields.
        """
        card = self.card
        if card is None:
            return
        if action in ("assign", "reassign") and context is None:
            self._with_officers(lambda officers: self.perform(action, context=officers))
            return
        values = self._ask(action, card, initial, errors, context)
        if values is None:
            return
        actor = self.backend.actor
        op = _operation(action, actor, card["id"], card["version"], values)
        self._set_busy(True)
        run_in_background(
            self.backend,
            op,
            self._changed,
            lambda error: self._change_failed(action, card["id"], values, context, error),
            owner=self,
        )

    def _ask(self, action, card, initial, errors, context) -> dict | None:
        if action == "register":
            return dialogs.ask_register(
                self, subject=card["subject"], initial=initial, errors=errors
            )
        if action in ("assign", "reassign"):
            return dialogs.ask_assignee(
                self,
                context,
                reassign=action == "reassign",
                current=card["assignee"],
                initial=initial,
                errors=errors,
            )
        if action == "extend":
            return dialogs.ask_extension(
                self,
                current_due=_due_of(card, card["due_at"]),
                latest=card["extension_limit"],
                initial=initial,
                errors=errors,
            )
        if action == "forward":
            return dialogs.ask_forward(self, initial=initial, errors=errors)
        if action == "answer":
            return dialogs.ask_answer(self, initial=initial, errors=errors)
        if action == "mark_not_considered":
            return dialogs.ask_not_considered(self, initial=initial, errors=errors)
        if action == "mark_delivered":
            reference = card["registration_number"] or card["subject"]
            return dialogs.ask_delivered(self, reference=reference)
        raise ValueError(action)

    def _with_officers(self, then) -> None:
        actor = self.backend.actor
        self._set_busy(True)

        def arrived(officers) -> None:
            self._set_busy(False)
            then(officers)

        def failed(error) -> None:
            self._set_busy(False)
            show_error(self, error)

        run_in_background(
            self.backend, lambda session: _officers(session, actor), arrived, failed, owner=self
        )

    def _changed(self, appeal_id: int) -> None:
        self._set_busy(False)
        self.load_card(appeal_id)
        self.refresh(keep_id=appeal_id)
        self.changed.emit()

    def _change_failed(self, action, appeal_id, values, context, error) -> None:
        self._set_busy(False)
        still_shown = self.card is not None and self.card["id"] == appeal_id
        if isinstance(error, InvalidInput) and still_shown:
            self.perform(action, initial=values, errors=error.fields, context=context)
            return
        show_error(self, error)
        if isinstance(error, Conflict | InvalidTransition | NotFound):
            # Show the item as it is now: a colleague moved it meanwhile.
            self.load_card(appeal_id)
            self.refresh(keep_id=appeal_id)

    # --- a paper appeal -----------------------------------------------------------------------
    def new_paper_appeal(self, initial=None, errors=None) -> None:
        values = dialogs.ask_paper_appeal(self, initial=initial, errors=errors)
        if values is None:
            return
        actor = self.backend.actor
        self.new_button.setEnabled(False)
        run_in_background(
            self.backend,
            lambda session: _submit_paper(session, actor, values),
            self._paper_submitted,
            lambda error: self._paper_failed(values, error),
            owner=self,
        )

    def _paper_submitted(self, appeal_id: int) -> None:
        self.new_button.setEnabled(True)
        self.load_card(appeal_id)
        self.refresh(keep_id=appeal_id)
        self.changed.emit()

    def _paper_failed(self, values, error) -> None:
        self.new_button.setEnabled(True)
        if isinstance(error, InvalidInput):
            self.new_paper_appeal(initial=values, errors=error.fields)
        else:
            show_error(self, error)


# --- work done in the background --------------------------------------------------------------
def _load_card(session, actor, appeal_id: int) -> dict[str, Any]:
    """The registration-control card with what the panel shows beside it, read in one go."""
    card = reception.registration_control_card(session, actor, appeal_id)
    appeal = reception.get_appeal_for(session, actor, appeal_id)
    actions = reception.available_actions(session, actor, appeal)
    files = []
    for link in appeal.files:
        stored = get_stored_file(session, link.file_id)  # the bytes stay deferred
        files.append(
            {"id": stored.id, "name": stored.name, "size": stored.size, "purpose": link.purpose}
        )
    names: dict[int, str | None] = {}
    events = []
    for event in appeal.events:
        if event.actor_id is not None and event.actor_id == appeal.applicant_id:
            who = card["applicant"]  # the applicant as this role may see them
        else:
            if event.actor_id not in names:
                names[event.actor_id] = records.user_name(session, event.actor_id)
            who = names[event.actor_id]
        events.append(
            {"at": event.at, "action": event.action, "actor": who, "comment": event.comment}
        )
    card.update(
        text=appeal.text,
        response_text=appeal.response_text,
        files=files,
        events=events,
        actions=actions,
        extension_limit=reception.extension_limit(appeal) if "extend" in actions else None,
    )
    return card


def _save_file(session, actor, appeal_id: int, file_id: int, folder: Path) -> Path:
    stored = reception.appeal_file_for(session, actor, appeal_id, file_id)
    target = folder / str(stored.id) / clean_file_name(stored.name)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(stored.content)
    return target


def _officers(session, actor) -> list[dict]:
    request = ListRequest(
        sort="full_name",
        limit=500,
        filters={"kind": "staff", "role": "reception", "blocked": False},
    )
    return people.user_rows(session, actor, request)


def _read_files(field: str, paths: list[str]) -> list[tuple[str, bytes]]:
    """The chosen files' names and bytes (a file over the limit is cut just past it, so core
    names it as too big without the whole of it being read)."""
    files = []
    for index, name in enumerate(paths):
        path = Path(name)
        try:
            with path.open("rb") as stream:
                files.append((path.name, stream.read(MAX_FILE_BYTES + 1)))
        except OSError as error:
            message = QCoreApplication.translate(
                "AppealsPanel", "Не вдалося прочитати файл «{name}»: {why}"
            ).format(name=path.name, why=error.strerror or type(error).__name__)
            raise InvalidInput({f"{field}[{index}]": message}) from error
    return files


def _operation(action: str, actor, appeal_id: int, version: int, values: dict):
    """The core call of ``action`` with the version the person saw; returns the item's id."""

    def run(session) -> int:
        kw = {"expected_version": version}
        if action == "register":
            appeal = reception.register(
                session, actor, appeal_id, needs_study=values["needs_study"], **kw
            )
        elif action in ("assign", "reassign"):
            appeal = reception.assign(session, actor, appeal_id, values["assignee_id"], **kw)
        elif action == "extend":
            appeal = reception.extend(
                session, actor, appeal_id, values["new_due_date"], values["reason"], **kw
            )
        elif action == "forward":
            appeal = reception.forward(
                session, actor, appeal_id, values["to_body"], values["reason"], **kw
            )
        elif action == "answer":
            files = _read_files("files", values.get("files") or [])
            appeal = reception.answer(session, actor, appeal_id, values["text"], files, **kw)
        elif action == "mark_not_considered":
            appeal = reception.mark_not_considered(
                session, actor, appeal_id, values["reason"], **kw
            )
        elif action == "mark_delivered":
            appeal = reception.mark_delivered(session, actor, appeal_id, **kw)
        else:
            raise ValueError(action)
        return appeal.id

    return run


def _submit_paper(session, actor, values: dict) -> int:
    fields = dict(values)
    attachments = _read_files("attachments", fields.pop("attachments", None) or [])
    return reception.submit(session, actor, attachments=attachments, **fields).id


# --- small pieces -----------------------------------------------------------------------------
def _due_of(row: dict[str, Any], due: datetime | None) -> str:
    """A control date in Kyiv: with the hour for an urgent request (its term is in hours)."""
    return local_time(due, with_time=bool(row.get("urgent")))


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return QCoreApplication.translate("AppealsPanel", "{n} МБ").format(
            n=f"{size / (1024 * 1024):.1f}"
        )
    if size >= 1024:
        return QCoreApplication.translate("AppealsPanel", "{n} КБ").format(n=round(size / 1024))
    return QCoreApplication.translate("AppealsPanel", "{n} Б").format(n=size)


def _date_edit(name: str, day: QDate) -> QDateEdit:
    edit = QDateEdit(day)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd.MM.yyyy")
    return edit


def _legend(text: str, colour: str) -> QLabel:
    legend = QLabel(text)
    legend.setTextFormat(Qt.TextFormat.PlainText)
    legend.setStyleSheet(f"background: {colour}; padding: 2px 6px; border-radius: 3px")
    return legend


def _section(text: str) -> QLabel:
    title = plain_label(text)
    font = QFont(title.font())
    font.setBold(True)
    title.setFont(font)
    return title


def _reader(name: str, height: int) -> QPlainTextEdit:
    """Residents' text: plain, read-only, selectable."""
    view = QPlainTextEdit()
    view.setObjectName(name)
    view.setReadOnly(True)
    view.setMinimumHeight(height)
    return view
