"""Sign-in: staff e-mail and password checked by core; "remember me" keeps the password in the
system keyring; the database address (never with a password in it) is a setting."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)
from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, ProgrammingError

from backoffice.config import get_settings
from backoffice.core import people
from backoffice.core.actor import Channel
from backoffice.core.errors import CoreError
from backoffice.models import User
from backoffice.ui import credentials
from backoffice.ui.backend import Backend
from backoffice.ui.listpanel import settings
from backoffice.ui.messages import describe, is_connection_lost
from backoffice.ui.tasks import run_in_background


def check_database_url(url: str) -> str | None:
    """A message when the address is unusable or carries a password, else None."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return QCoreApplication.translate("SignInDialog", "Неправильна адреса бази даних.")
    if parsed.get_backend_name() not in {"sqlite", "postgresql"}:
        return QCoreApplication.translate("SignInDialog", "Підтримуються лише PostgreSQL і SQLite.")
    if parsed.password:
        return QCoreApplication.translate(
            "SignInDialog",
            "Не вказуйте пароль в адресі бази даних: використовуйте PGPASSWORD або файл .pgpass.",
        )
    return None


class SignInDialog(QDialog):
    signedIn = Signal(object)  # the Backend, with the actor set

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("e-Тернопіль — вхід до робочого місця"))
        self.backend: Backend | None = None
        store = settings()
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Увійдіть своїм службовим обліковим записом"))
        title.setObjectName("signin-title")
        layout.addWidget(title)
        form = QFormLayout()
        self.login = QLineEdit(str(store.value("signin/login", "")))
        self.login.setObjectName("signin-login")
        self.login.setMaxLength(254)
        self.password = QLineEdit()
        self.password.setObjectName("signin-password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(200)
        self.remember = QCheckBox(self.tr("Запам'ятати пароль у сховищі ключів системи"))
        self.remember.setObjectName("signin-remember")
        if not credentials.available():
            self.remember.setEnabled(False)
            self.remember.setToolTip(self.tr("Сховище ключів системи недоступне"))
        form.addRow(self.tr("Електронна пошта:"), self.login)
        form.addRow(self.tr("Пароль:"), self.password)
        form.addRow("", self.remember)
        layout.addLayout(form)

        connection = QGroupBox(self.tr("З'єднання"))
        connection_form = QFormLayout(connection)
        default_url = store.value("signin/database_url", "") or (
            get_settings().effective_database_url
        )
        self.database = QLineEdit(str(default_url))
        self.database.setObjectName("signin-database")
        connection_form.addRow(self.tr("База даних:"), self.database)
        layout.addWidget(connection)

        self.message = QLabel()
        self.message.setObjectName("signin-message")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #b00020")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Увійти"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Скасувати"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._recall_password()
        self.login.editingFinished.connect(self._recall_password)
        (self.password if self.login.text() else self.login).setFocus()

    def _recall_password(self) -> None:
        remembered = credentials.recall(self.login.text(), self.database.text().strip())
        if remembered and not self.password.text():
            self.password.setText(remembered)
            self.remember.setChecked(True)

    def set_busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        self.message.setStyleSheet("color: #444" if busy else "color: #b00020")
        if busy:
            self.message.setText(self.tr("Перевірка…"))

    def submit(self) -> None:
        login, password = self.login.text().strip(), self.password.text()
        url = self.database.text().strip()
        if not login or not password:
            self.message.setText(self.tr("Введіть електронну пошту й пароль."))
            return
        problem = check_database_url(url)
        if problem:
            self.message.setText(problem)
            return
        if self.backend is None or str(self.backend.engine.url) != str(make_url(url)):
            if self.backend is not None:
                self.backend.close()
            self.backend = Backend.connect(url)
        self.set_busy(True)
        run_in_background(
            self.backend,
            lambda session: _authenticate(session, login, password),
            lambda result: self._signed_in(result, login, password, url),
            self._failed,
        )

    def _signed_in(self, result, login: str, password: str, url: str) -> None:
        self.set_busy(False)
        if not result.ok:
            self.message.setText(result.message)
            self.password.selectAll()
            self.password.setFocus()
            return
        if self.remember.isChecked():
            credentials.remember(login, url, password)
        else:
            credentials.forget(login, url)
        store = settings()
        store.setValue("signin/login", login)
        store.setValue("signin/database_url", url)
        self.backend.sign_in_as(result.user)
        self.message.clear()
        self.signedIn.emit(self.backend)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.set_busy(False)
        if is_connection_lost(error):
            self.message.setText(
                self.tr(
                    "База даних недоступна ({url}). Перевірте адресу й мережу та повторіть."
                ).format(url=self.backend.display_url if self.backend else "")
            )
        else:
            self.message.setText(describe(error))


def _authenticate(session, login: str, password: str):
    # An empty, un-migrated database would fail with a confusing SQL error: say so plainly.
    try:
        with session.begin_nested():
            session.execute(select(func.count()).select_from(User))
    except (ProgrammingError, OperationalError) as error:
        if "users" in str(error.orig):
            raise CoreError(
                QCoreApplication.translate(
                    "SignInDialog",
                    "База даних ще не підготовлена: виконайте «backoffice-admin init».",
                ),
                code="not_initialised",
            ) from error
        raise
    return people.authenticate(session, login, password, channel=Channel.DESKTOP, staff_only=True)
