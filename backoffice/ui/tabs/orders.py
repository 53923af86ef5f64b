"""Service orders: the ЦНАП clerk's worklist, the order card with its timeline, and every move of
the order's lifecycle that core allows; walk-in residents are registered at the desk."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backoffice.core import forms, services, signing
from backoffice.core.files import MAX_FILE_BYTES
from backoffice.models.services import CLOSED_ORDER_STATUSES, OrderStatus
from backoffice.reports import build_report
from backoffice.ui.dialogs.reports import DocumentDialog
from backoffice.ui.files import open_bytes, read_file
from backoffice.ui.labels import (
    CHANNELS,
    ORDER_STATUSES,
    SIGNATURE_KINDS,
    SIGNATURE_STATUSES,
    label,
)
from backoffice.ui.listmodel import Column
from backoffice.ui.listpanel import ListPanel
from backoffice.ui.messages import show_error
from backoffice.ui.tasks import run_in_background
from backoffice.ui.widgets import (
    ActionBar,
    FieldsView,
    ask_text,
    kyiv_today,
    local_time,
    plain_label,
)

OVERDUE = QColor("#fde2e1")
DUE_SOON = QColor("#fff4d6")
FILE_ROLE = 0x0100 + 7


def _kyiv_day(row, key) -> str:
    return local_time(row.get(key), with_time=False)


class Panel(ListPanel):
    name = "orders"
    default_sort = "submitted_at"
    default_descending = True

    def __init__(self, backend, parent=None) -> None:
        self.search_hint = self.tr("Пошук: номер заяви або ім'я заявника")
        super().__init__(backend, parent)
        self.detail: dict | None = None

    # --- list ---------------------------------------------------------------------------------
    def columns(self) -> list[Column]:
        return [
            Column("registration_number", self.tr("Номер"), sortable=True, width=150),
            Column("service", self.tr("Послуга"), width=260),
            Column("applicant", self.tr("Заявник"), sortable=True, width=200),
            Column(
                "status",
                self.tr("Стан"),
                format=lambda r: label(ORDER_STATUSES, r["status"]),
                sortable=True,
                width=140,
            ),
            Column("assignee", self.tr("Виконавець"), width=160),
            Column(
                "submitted_at",
                self.tr("Подано"),
                format=lambda r: local_time(r["submitted_at"]),
                sortable=True,
                width=120,
            ),
            Column(
                "due_at",
                self.tr("Строк"),
                format=lambda r: _kyiv_day(r, "due_at"),
                sortable=True,
                width=95,
            ),
            Column("channel", self.tr("Канал"), format=lambda r: label(CHANNELS, r["channel"])),
            Column("signatures", self.tr("Підписи"), format=self._signatures_text, width=170),
        ]

    def fetch(self, session, actor, request):
        rows = services.order_rows(session, actor, request)
        statuses = signing.signature_status_of(session, actor, [r["id"] for r in rows])
        for row in rows:
            row["signatures"] = statuses.get(row["id"])
        return rows

    def _signatures_text(self, row) -> str:
        """E.g. "заява ✓ · результат ✓"; a signature that is not valid shows its status."""
        found = row.get("signatures") or {}
        parts = []
        for kind, title in (("application", self.tr("заява")), ("result", self.tr("результат"))):
            status = found.get(kind)
            if status is not None:
                mark = "✓" if status == "valid" else label(SIGNATURE_STATUSES, status)
                parts.append(f"{title} {mark}")
        return " · ".join(parts)

    def count(self, session, actor, request):
        return services.order_count(session, actor, request)

    def row_colour(self, row):
        # Core decides what is overdue (closed orders and a stopped clock never are).
        if row.get("is_overdue"):
            return OVERDUE
        if row.get("is_due_soon"):
            return DUE_SOON
        return None

    # --- filters ------------------------------------------------------------------------------
    def build_filters(self, bar: QHBoxLayout) -> None:
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("orders-status")
        self.status_filter.addItem(self.tr("Усі стани"), None)
        self.status_filter.addItem(self.tr("Відкриті"), "open")
        for status in OrderStatus:
            self.status_filter.addItem(label(ORDER_STATUSES, status.value), status.value)
        self.service_filter = QComboBox()
        self.service_filter.setObjectName("orders-service")
        self.service_filter.addItem(self.tr("Усі послуги"), None)
        self.service_filter.setMaximumWidth(260)
        self.assignee_filter = QComboBox()
        self.assignee_filter.setObjectName("orders-assignee")
        for text, value in (
            (self.tr("Будь-який виконавець"), None),
            (self.tr("Мої"), "me"),
            (self.tr("Без виконавця"), "none"),
        ):
            self.assignee_filter.addItem(text, value)
        self.overdue_filter = QCheckBox(self.tr("Прострочені"))
        self.overdue_filter.setObjectName("orders-overdue")
        self.due_soon_filter = QCheckBox(self.tr("Строк спливає"))
        self.due_soon_filter.setObjectName("orders-due-soon")
        self.period = QCheckBox(self.tr("Подано з"))
        self.period.setObjectName("orders-period")
        self.date_from = QDateEdit(kyiv_today().addMonths(-1))
        self.date_to = QDateEdit(kyiv_today())
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
            edit.dateChanged.connect(self._period_changed)
        for combo in (self.status_filter, self.service_filter, self.assignee_filter):
            combo.currentIndexChanged.connect(self.apply)
            bar.addWidget(combo)
        for box in (self.overdue_filter, self.due_soon_filter):
            box.toggled.connect(self.apply)
            bar.addWidget(box)
        self.period.toggled.connect(self.apply)
        bar.addWidget(self.period)
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel(self.tr("по")))
        bar.addWidget(self.date_to)
        self.new_order = QPushButton(self.tr("Нова заява…"))
        self.new_order.setObjectName("orders-new")
        self.new_order.setToolTip(self.tr("Зареєструвати заяву мешканця на особистому прийомі"))
        self.new_order.clicked.connect(self.register_walk_in)
        bar.addWidget(self.new_order)

    def _period_changed(self) -> None:
        if self.period.isChecked():
            self.apply()

    def current_filters(self) -> dict:
        filters: dict = {}
        status = self.status_filter.currentData()
        if status == "open":
            filters["status"] = [s.value for s in OrderStatus if s not in CLOSED_ORDER_STATUSES]
        elif status:
            filters["status"] = status
        if self.service_filter.currentData() is not None:
            filters["service_id"] = self.service_filter.currentData()
        if self.assignee_filter.currentData() is not None:
            filters["assignee_id"] = self.assignee_filter.currentData()
        if self.overdue_filter.isChecked():
            filters["overdue"] = True
        if self.due_soon_filter.isChecked():
            filters["due_soon"] = True
        if self.period.isChecked():
            filters["submitted_from"] = self.date_from.date().toPython()
            filters["submitted_to"] = self.date_to.date().toPython()
        return filters

    def start(self) -> None:
        super().start()
        if self.service_filter.count() == 1:
            actor = self.backend.actor
            run_in_background(
                self.backend,
                lambda session: [
                    (s.id, s.title) for s in services.search_services(session, actor, limit=500)
                ],
                self._fill_services,
                lambda error: None,
                owner=self,
            )

    def _fill_services(self, items) -> None:
        for service_id, title in items:
            self.service_filter.addItem(title, service_id)

    # --- detail -------------------------------------------------------------------------------
    def build_detail(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        self.fields = FieldsView(
            [
                ("registration_number", self.tr("Номер:")),
                ("service", self.tr("Послуга:")),
                ("status", self.tr("Стан:")),
                ("applicant", self.tr("Заявник:")),
                ("contacts", self.tr("Контакти:")),
                ("assignee", self.tr("Виконавець:")),
                ("submitted_at", self.tr("Подано:")),
                ("due_at", self.tr("Строк розгляду:")),
                ("info", self.tr("Запит відомостей:")),
                ("result", self.tr("Результат:")),
            ]
        )
        layout.addWidget(self.fields)
        self.warning = plain_label()
        self.warning.setObjectName("orders-warning")
        self.warning.setStyleSheet("color: #b00020; font-weight: bold")
        layout.addWidget(self.warning)
        self.actions = ActionBar(
            [
                ("accept", self.tr("Прийняти")),
                ("start", self.tr("Розпочати")),
                ("request_info", self.tr("Запитати відомості…")),
                ("mark_ready", self.tr("Результат готовий…")),
                ("complete", self.tr("Видано")),
                ("reject", self.tr("Відмовити…")),
                ("assign", self.tr("Доручити…")),
            ],
            self.perform,
        )
        layout.addWidget(self.actions)
        self.receipt_button = QPushButton(self.tr("Квитанція…"))
        self.receipt_button.setObjectName("orders-receipt")
        self.receipt_button.setToolTip(self.tr("Квитанція про прийняття заяви: перегляд і друк"))
        self.receipt_button.setEnabled(False)
        self.receipt_button.clicked.connect(self.print_receipt)
        buttons = QHBoxLayout()
        buttons.addWidget(self.receipt_button)
        self.sign_button = QPushButton(self.tr("Підписати результат…"))
        self.sign_button.setObjectName("orders-sign-result")
        self.sign_button.setToolTip(self.tr("Підписати PDF результату своїм ключем (PAdES)"))
        self.sign_button.setVisible(False)
        self.sign_button.clicked.connect(self.sign_result)
        buttons.addWidget(self.sign_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addWidget(plain_label(self.tr("Електронні підписи:")))
        self.signatures = QListWidget()
        self.signatures.setObjectName("orders-signatures")
        self.signatures.setMaximumHeight(70)
        layout.addWidget(self.signatures)
        layout.addWidget(plain_label(self.tr("Відповіді заявника:")))
        self.answers = QListWidget()
        self.answers.setObjectName("orders-answers")
        self.answers.setMaximumHeight(130)
        layout.addWidget(self.answers)
        layout.addWidget(plain_label(self.tr("Документи (подвійне клацання відкриває):")))
        self.documents = QListWidget()
        self.documents.setObjectName("orders-documents")
        self.documents.setMaximumHeight(90)
        self.documents.itemActivated.connect(self._open_document)
        layout.addWidget(self.documents)
        layout.addWidget(plain_label(self.tr("Хід розгляду:")))
        self.timeline = QListWidget()
        self.timeline.setObjectName("orders-timeline")
        layout.addWidget(self.timeline)
        return box

    def show_row(self, row) -> None:
        self.detail = None
        self.receipt_button.setEnabled(row is not None)
        if row is None:
            self._show_detail(None)
            return
        self.load_detail(row["id"])

    def load_detail(self, order_id: int) -> None:
        self.load_detail_of(
            order_id,
            lambda session, actor: _load_detail(session, actor, order_id),
            self._show_detail,
        )

    def _show_detail(self, detail: dict | None) -> None:
        self.detail = detail
        self.answers.clear()
        self.documents.clear()
        self.timeline.clear()
        self.signatures.clear()
        self.sign_button.setVisible(
            detail is not None and signing.SIGN_RESULT in detail["signing"]["actions"]
        )
        if detail is None:
            self.fields.show_values({})
            self.warning.clear()
            self.actions.show_available([])
            return
        self._show_signatures(detail["signing"]["signatures"])
        contacts = ", ".join(v for v in (detail["applicant_phone"], detail["applicant_email"]) if v)
        info = ""
        if detail["info_question"]:
            info = detail["info_question"]
            if detail["info_answer"]:
                info += "\n" + self.tr("Відповідь: {answer}").format(answer=detail["info_answer"])
        result = detail["result_note"] or ""
        if detail["rejection_reason"]:
            result = self.tr("Відмова: {reason}").format(reason=detail["rejection_reason"])
        self.fields.show_values(
            {
                "registration_number": detail["registration_number"],
                "service": detail["service"],
                "status": label(ORDER_STATUSES, detail["status"]),
                "applicant": detail["applicant"],
                "contacts": contacts,
                "assignee": detail["assignee"] or "",
                "submitted_at": local_time(detail["submitted_at"]),
                "due_at": local_time(detail["due_at"], with_time=False),
                "info": info,
                "result": result,
            }
        )
        if detail["is_overdue"]:
            self.warning.setText(self.tr("Строк розгляду минув!"))
        elif detail["is_due_soon"]:
            self.warning.setText(self.tr("Строк розгляду спливає найближчими днями."))
        else:
            self.warning.clear()
        for answer in detail["answers"]:
            value = answer["value"]
            if isinstance(value, bool):
                text = self.tr("так") if value else self.tr("ні")
            else:
                text = forms.answer_text(answer["type"], value)  # a date as 17.05.1990
            self.answers.addItem(f"{answer['label']}: {text}")
        for attachment in detail["attachments"]:
            title = attachment["field_label"] or self.tr("Додаток")
            item = QListWidgetItem(f"{title}: {attachment['name']}")
            item.setData(FILE_ROLE, attachment["file_id"])
            self.documents.addItem(item)
        if detail["result_file"]:
            item = QListWidgetItem(
                self.tr("Результат: {name}").format(name=detail["result_file"]["name"])
            )
            item.setData(FILE_ROLE, detail["result_file"]["id"])
            self.documents.addItem(item)
        for event in detail["timeline"]:
            line = f"{local_time(event['at'])} · {label(ORDER_STATUSES, event['status'])}"
            if event["actor"]:
                line += f" · {event['actor']}"
            if event["comment"]:
                line += f" — {event['comment']}"
            self.timeline.addItem(line)
        self.actions.show_available(detail["available_actions"])

    def _show_signatures(self, signatures: list[dict]) -> None:
        """Every signature of the order with its status; the reason when it is not valid."""
        if not signatures:
            self.signatures.addItem(self.tr("Ні заяву, ні результат ще не підписано."))
        for signature in signatures:
            kind = label(SIGNATURE_KINDS, signature["kind"])
            line = (
                f"{kind}: {signature['summary']} — {label(SIGNATURE_STATUSES, signature['status'])}"
            )
            if signature["status"] != "valid" and signature["reason"]:
                line += f" ({signature['reason']})"
            if not signature["is_current"]:
                line += " · " + self.tr("попередній")
            item = QListWidgetItem(line)
            details = [
                self.tr("Видавець: {issuer}").format(issuer=signature["issuer"] or "—"),
                self.tr("РНОКПП: {rnokpp}").format(rnokpp=signature["rnokpp"] or "—"),
                self.tr("Сертифікат №: {serial}").format(serial=signature["certificate_serial"]),
                self.tr("Алгоритм: {algorithm}").format(algorithm=signature["algorithm"] or "—"),
            ]
            item.setToolTip(html.escape("\n".join(details)))
            self.signatures.addItem(item)

    def sign_result(self):
        """Sign the result PDF with the clerk's own key (the dialog keeps its passphrase)."""
        from backoffice.ui.dialogs.signing import SignResultDialog

        if self.detail is None:
            return None
        dialog = SignResultDialog(
            self.backend,
            self.detail["id"],
            self.detail["version"],
            self.detail["registration_number"],
            self,
        )
        dialog.signed.connect(lambda _signature: self._signed(dialog.order_id))
        dialog.open()
        return dialog

    def _signed(self, order_id: int) -> None:
        self.refresh(keep_id=order_id)
        self.load_detail(order_id)
        self.changed.emit()

    def _open_document(self, item: QListWidgetItem) -> None:
        if self.detail is None:
            return
        actor = self.backend.actor
        order_id, file_id = self.detail["id"], item.data(FILE_ROLE)

        def load(session):
            stored = services.order_file_for(session, actor, order_id, file_id)
            return stored.name, stored.content

        run_in_background(
            self.backend,
            load,
            lambda result: open_bytes(*result),
            lambda error: show_error(self, error),
            owner=self,
        )

    # --- actions ------------------------------------------------------------------------------
    def perform(self, action: str) -> None:
        detail = self.detail
        if detail is None:
            return
        actor = self.backend.actor
        order_id, version = detail["id"], detail["version"]
        simple = {"accept": services.accept, "start": services.start, "complete": services.complete}
        if action in simple:
            move = simple[action]
            self._change(lambda s: move(s, actor, order_id, expected_version=version))
        elif action == "request_info":
            question = ask_text(
                self,
                self.tr("Запит відомостей"),
                self.tr("Що має уточнити заявник? Строк розгляду зупиняється до відповіді."),
            )
            if question is not None:
                self._change(
                    lambda s: services.request_info(
                        s, actor, order_id, question, expected_version=version
                    )
                )
        elif action == "reject":
            reason = ask_text(self, self.tr("Відмова"), self.tr("Підстава для відмови:"))
            if reason is not None:
                self._change(
                    lambda s: services.reject(s, actor, order_id, reason, expected_version=version)
                )
        elif action == "mark_ready":
            self._mark_ready(order_id, version)
        elif action == "assign":
            self._assign(order_id, version)

    def _mark_ready(self, order_id: int, version: int) -> None:
        path = choose_result_file(self)
        if path is None:
            return
        note = ask_text(self, self.tr("Результат готовий"), self.tr("Примітка для заявника:"))
        if note is None:
            return
        actor = self.backend.actor

        def op(session):
            name, data = read_file(path, MAX_FILE_BYTES)
            return services.mark_ready(
                session, actor, order_id, name, data, note=note, expected_version=version
            )

        self._change(op)

    def _assign(self, order_id: int, version: int) -> None:
        from backoffice.ui.dialogs.orders import choose_clerk

        actor = self.backend.actor
        choose_clerk(
            self,
            self.backend,
            lambda clerk_id: self._change(
                lambda s: services.assign(s, actor, order_id, clerk_id, expected_version=version)
            ),
        )

    def _change(self, op) -> None:
        self.actions.set_busy(True)
        run_in_background(self.backend, op, self._changed, self._change_failed, owner=self)

    def _changed(self, order) -> None:
        self.actions.set_busy(False)
        self.refresh(keep_id=order.id)
        self.load_detail(order.id)
        self.changed.emit()

    def _change_failed(self, error) -> None:
        self.actions.set_busy(False)
        show_error(self, error)
        if self.detail is not None:
            self.load_detail(self.detail["id"])  # show the order as it is now
        self.refresh()

    def print_receipt(self) -> DocumentDialog | None:
        """The order's receipt, built in the background, to look at and print."""
        if self.selected is None:
            return None
        order_id = self.selected["id"]
        actor = self.backend.actor
        dialog = DocumentDialog(
            self.backend,
            self.tr("Квитанція до заяви № {number}").format(
                number=self.selected["registration_number"]
            ),
            f"receipt-{order_id}.pdf",
            lambda s: build_report(s, actor, "receipt", None, None, order_id=order_id),
            self,
        )
        dialog.open()
        return dialog

    def register_walk_in(self) -> None:
        from backoffice.ui.dialogs.orders import WalkInDialog

        dialog = WalkInDialog(self.backend, self)
        dialog.registered.connect(self._walk_in_registered)
        dialog.open()

    def _walk_in_registered(self, order_id: int) -> None:
        self.refresh(keep_id=order_id)
        self.changed.emit()


def _load_detail(session, actor, order_id: int) -> dict:
    """The order as the detail panel shows it, with its signatures and signing actions."""
    detail = services.order_detail(session, actor, order_id)
    detail["signing"] = signing.order_signing(session, actor, order_id)
    return detail


def choose_result_file(parent):
    from pathlib import Path

    path, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("Panel", "Файл результату"),
        "",
        QCoreApplication.translate("Panel", "Документи (*.pdf *.png *.jpg)"),
    )
    return Path(path) if path else None
