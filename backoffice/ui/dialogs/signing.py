"""A clerk signs an order's result PDF with their own key (a PKCS#12 file).

The key file stays where the clerk keeps it (its path is remembered in the settings); its
passphrase may be kept in the system keyring — per person and per key file, never in a file.
A passphrase the key refuses is forgotten at once, so a stale one never keeps failing.
The signing itself (core's ``signing.sign_result``) runs in the background.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backoffice.core import signing
from backoffice.core.errors import InvalidInput
from backoffice.ui import credentials
from backoffice.ui.listpanel import settings
from backoffice.ui.messages import describe
from backoffice.ui.tasks import run_in_background

MAX_KEY_BYTES = 64 * 1024  # a PKCS#12 with its chain is a few kilobytes
KEY_PATH_SETTING = "signing/key_path"


def key_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class SignResultDialog(QDialog):
    """Choose the key, give its passphrase (or let the keyring give it), sign."""

    signed = Signal(object)  # the OrderSignature core recorded

    def __init__(
        self, backend, order_id: int, version: int, number: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.backend = backend
        self.order_id = order_id
        self.version = version
        self.busy = False
        self.setWindowTitle(self.tr("Підписати результат заяви № {number}").format(number=number))
        self.setObjectName("sign-result-dialog")

        self.key_path = QLineEdit()
        self.key_path.setObjectName("sign-key-path")
        self.key_path.setPlaceholderText(self.tr("Файл ключа .p12 / .pfx"))
        browse = QPushButton(self.tr("Вибрати…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.key_path, 1)
        path_row.addWidget(browse)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("sign-passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setMaxLength(200)
        self.remember = QCheckBox(self.tr("Зберегти пароль ключа в системному сховищі паролів"))
        self.remember.setObjectName("sign-remember")
        if not credentials.available():
            self.remember.setEnabled(False)
            self.remember.setToolTip(self.tr("Системне сховище паролів недоступне."))
        self.message = QLabel()
        self.message.setObjectName("sign-message")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")

        form = QFormLayout()
        form.addRow(self.tr("Ключ:"), path_row)
        form.addRow(self.tr("Пароль ключа:"), self.passphrase)
        form.addRow("", self.remember)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.sign_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_button.setText(self.tr("Підписати"))
        self.buttons.accepted.connect(self.sign)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "Результат буде підписано вашим електронним підписом (PAdES). "
                "Заявник завантажить уже підписаний PDF."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.key_path.editingFinished.connect(self._recall)
        remembered = settings().value(KEY_PATH_SETTING)
        if remembered:
            self.key_path.setText(str(remembered))
            self._recall()

    # --- the key ------------------------------------------------------------------------------
    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Файл ключа"),
            self.key_path.text(),
            self.tr("Ключ PKCS#12 (*.p12 *.pfx);;Усі файли (*)"),
        )
        if path:
            self.key_path.setText(path)
            self._recall()

    def _read_key(self) -> bytes:
        """The key file's bytes; InvalidInput naming ``key_file`` when it cannot be used."""
        text = self.key_path.text().strip()
        if not text:
            raise InvalidInput({"key_file": self.tr("Виберіть файл ключа.")})
        path = Path(text)
        try:
            if path.stat().st_size > MAX_KEY_BYTES:
                raise InvalidInput({"key_file": self.tr("Це не файл ключа: він завеликий.")})
            return path.read_bytes()
        except OSError as error:
            raise InvalidInput(
                {"key_file": self.tr("Файл ключа не вдалося прочитати: {error}").format(
                    error=error.strerror or type(error).__name__
                )}
            ) from error  # fmt: skip

    def _recall(self) -> None:
        """A passphrase kept for this person and this key fills the field."""
        try:
            data = self._read_key()
        except InvalidInput:
            return
        kept = credentials.recall_key_passphrase(self.backend.user_id or 0, key_digest(data))
        if kept is not None:
            self.passphrase.setText(kept)
            self.remember.setChecked(True)

    # --- signing ------------------------------------------------------------------------------
    def sign(self) -> None:
        if self.busy:
            return
        self.message.clear()
        try:
            data = self._read_key()
        except InvalidInput as error:
            self.message.setText(describe(error))
            return
        passphrase = self.passphrase.text()
        actor, order_id, version = self.backend.actor, self.order_id, self.version
        self.busy = True
        self.sign_button.setEnabled(False)
        self.message.setStyleSheet("color: palette(text)")
        self.message.setText(self.tr("Підписування…"))
        run_in_background(
            self.backend,
            lambda s: signing.sign_result(
                s, actor, order_id, data, passphrase, expected_version=version
            ),
            lambda signature: self._signed(data, passphrase, signature),
            lambda error: self._failed(data, error),
            owner=self,
        )

    def _signed(self, data: bytes, passphrase: str, signature) -> None:
        self.busy = False
        digest = key_digest(data)
        user_id = self.backend.user_id or 0
        if self.remember.isChecked():
            credentials.remember_key_passphrase(user_id, digest, passphrase)
        else:
            credentials.forget_key_passphrase(user_id, digest)
        settings().setValue(KEY_PATH_SETTING, self.key_path.text().strip())
        self.signed.emit(signature)
        self.accept()

    def _failed(self, data: bytes, error: Exception) -> None:
        self.busy = False
        self.sign_button.setEnabled(True)
        self.message.setStyleSheet("color: #b00020")
        if isinstance(error, InvalidInput) and "passphrase" in error.fields:
            # Never keep offering a passphrase the key refuses.
            credentials.forget_key_passphrase(self.backend.user_id or 0, key_digest(data))
            self.passphrase.clear()
            self.remember.setChecked(False)
            self.passphrase.setFocus()
        self.message.setText(describe(error))
