"""Dialogs of the Orders tab: a walk-in resident's application at the desk, choosing a clerk."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
)

from backoffice.core import people, services
from backoffice.core.errors import InvalidInput
from backoffice.core.files import MAX_FILE_BYTES
from backoffice.core.listing import ListRequest
from backoffice.ui.files import read_file
from backoffice.ui.formwidget import ServiceForm
from backoffice.ui.messages import describe, show_error
from backoffice.ui.tasks import run_in_background
from backoffice.ui.widgets import local_time, plain_label

ID_ROLE = Qt.ItemDataRole.UserRole


class WalkInDialog(QDialog):
    """A resident came to the ЦНАП in person: find or register them, choose the service, fill
    its form, attach the documents — core registers the order and gives the number."""

    registered = Signal(int)

    def __init__(self, backend, parent=None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.setObjectName("walk-in")
        self.setWindowTitle(self.tr("Заява на особистому прийомі"))
        self.resize(760, 720)
        self.form: ServiceForm | None = None
        layout = QVBoxLayout(self)

        who = QGroupBox(self.tr("1. Заявник"))
        who_layout = QVBoxLayout(who)
        search_row = QHBoxLayout()
        self.resident_search = QLineEdit()
        self.resident_search.setObjectName("walk-in-search")
        self.resident_search.setPlaceholderText(self.tr("Прізвище, e-mail, телефон або РНОКПП"))
        self._search_timer = QTimer(self, singleShot=True, interval=300)
        self._search_timer.timeout.connect(self._search_residents)
        self.resident_search.textChanged.connect(lambda _t: self._search_timer.start())
        search_row.addWidget(self.resident_search, 1)
        new_resident = QPushButton(self.tr("Новий мешканець…"))
        new_resident.clicked.connect(self._new_resident)
        search_row.addWidget(new_resident)
        who_layout.addLayout(search_row)
        self.residents = QListWidget()
        self.residents.setObjectName("walk-in-residents")
        self.residents.setMaximumHeight(120)
        who_layout.addWidget(self.residents)
        layout.addWidget(who)

        what = QGroupBox(self.tr("2. Послуга"))
        what_layout = QVBoxLayout(what)
        self.service = QComboBox()
        self.service.setObjectName("walk-in-service")
        self.service.addItem(self.tr("— виберіть послугу —"), None)
        self.service.currentIndexChanged.connect(self._service_chosen)
        what_layout.addWidget(self.service)
        layout.addWidget(what)

        self.form_area = QScrollArea()
        self.form_area.setWidgetResizable(True)
        layout.addWidget(self.form_area, 1)
        self.message = plain_label()
        self.message.setObjectName("walk-in-message")
        self.message.setStyleSheet("color: #b00020")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Зареєструвати заяву")
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._services: dict[int, dict] = {}
        actor = backend.actor
        run_in_background(
            backend,
            lambda session: [
                {"id": s.id, "title": s.title, "schema": s.form_schema}
                for s in services.list_active_services(session, actor, limit=500)
            ],
            self._fill_services,
            lambda error: self.message.setText(describe(error)),
            owner=self,
        )

    def _fill_services(self, items: list[dict]) -> None:
        for item in items:
            self._services[item["id"]] = item
            self.service.addItem(item["title"], item["id"])

    def _search_residents(self) -> None:
        text = self.resident_search.text().strip()
        if len(text) < 2:
            self.residents.clear()
            return
        actor = self.backend.actor
        request = ListRequest(sort="full_name", limit=20, search=text, filters={"kind": "resident"})
        run_in_background(
            self.backend,
            lambda session: people.user_rows(session, actor, request),
            self._show_residents,
            lambda error: self.message.setText(describe(error)),
            owner=self,
        )

    def _show_residents(self, rows: list[dict]) -> None:
        self.residents.clear()
        for row in rows:
            item = QListWidgetItem(f"{row['full_name']} · {row['email']} · {row['phone'] or ''}")
            item.setData(ID_ROLE, row["id"])
            self.residents.addItem(item)
        if len(rows) == 1:
            self.residents.setCurrentRow(0)

    def _new_resident(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Новий мешканець"), self.tr("ПІБ:"))
        if not ok:
            return
        email, ok = QInputDialog.getText(self, self.tr("Новий мешканець"), self.tr("Ел. пошта:"))
        if not ok:
            return
        consent = QMessageBox.question(
            self,
            self.tr("Згода"),
            self.tr("Мешканець підписав згоду на обробку персональних даних?"),
        )
        actor = self.backend.actor
        run_in_background(
            self.backend,
            lambda session: _register_resident(
                session, actor, name, email, consent == QMessageBox.StandardButton.Yes
            ),
            self._resident_registered,
            lambda error: self.message.setText(describe(error)),
            owner=self,
        )

    def _resident_registered(self, row: dict) -> None:
        self._show_residents([row])

    def _service_chosen(self) -> None:
        service_id = self.service.currentData()
        if service_id is None:
            self.form = None
            self.form_area.takeWidget()
            return
        self.form = ServiceForm(self._services[service_id]["schema"])
        self.form_area.setWidget(self.form)

    def selected_resident(self) -> int | None:
        item = self.residents.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def submit(self) -> None:
        applicant_id = self.selected_resident()
        service_id = self.service.currentData()
        if applicant_id is None or service_id is None or self.form is None:
            self.message.setText(self.tr("Виберіть заявника й послугу."))
            return
        answers, files = self.form.answers(), self.form.files()
        actor = self.backend.actor

        def op(session):
            attachments = [(field, *read_file(path, MAX_FILE_BYTES)) for field, path in files]
            order = services.register_order_at_desk(
                session, actor, service_id, applicant_id, answers, attachments
            )
            return order.id, order.registration_number, order.due_at

        self.buttons.setEnabled(False)
        self.message.clear()
        run_in_background(self.backend, op, self._done, self._failed, owner=self)

    def _done(self, result) -> None:
        order_id, number, due_at = result
        self.buttons.setEnabled(True)
        QMessageBox.information(
            self,
            self.tr("Заяву зареєстровано"),
            self.tr("Номер заяви: {number}\nСтрок розгляду: до {due}").format(
                number=number, due=local_time(due_at, with_time=False)
            ),
        )
        self.registered.emit(order_id)
        self.accept()

    def _failed(self, error) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, InvalidInput) and self.form is not None:
            self.form.show_errors(error.fields)
        self.message.setText(describe(error))


def _register_resident(session, actor, name: str, email: str, consent: bool) -> dict:
    user = people.register_resident(session, actor, email=email, full_name=name, consent=consent)
    return {"id": user.id, "full_name": user.full_name, "email": user.email, "phone": user.phone}


class ClerkChooser(QDialog):
    def __init__(self, rows: list[dict], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Доручити виконавцю"))
        layout = QFormLayout(self)
        self.clerks = QComboBox()
        self.clerks.setObjectName("clerk-choice")
        for row in rows:
            self.clerks.addItem(row["full_name"], row["id"])
        layout.addRow(self.tr("Виконавець:"), self.clerks)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)


def choose_clerk(parent, backend, on_chosen: Callable[[int], None]) -> None:
    """Load the ЦНАП clerks in the background, then ask which one takes the order."""
    actor = backend.actor
    request = ListRequest(sort="full_name", limit=500, filters={"kind": "staff", "role": "clerk"})

    def chosen(rows: list[dict]) -> None:
        dialog = ClerkChooser(rows, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.clerks.currentData():
            on_chosen(dialog.clerks.currentData())

    run_in_background(
        backend,
        lambda session: people.user_rows(session, actor, request),
        chosen,
        lambda error: show_error(parent, error),
        owner=parent,
    )
