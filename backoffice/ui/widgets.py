"""Small pieces the tabs share: plain-text fields, action buttons from core, reason prompts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backoffice.core.calendar import KYIV, local_date
from backoffice.models import utcnow


def plain_label(text: str = "", *, wrap: bool = True) -> QLabel:
    """A label that never interprets markup: residents' text is shown as typed."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setText(text)
    return label


def kyiv_today() -> QDate:
    """Today in Kyiv — the day core's date filters mean — whatever the computer's time zone."""
    today = local_date(utcnow())
    return QDate(today.year, today.month, today.day)


def local_time(moment: datetime | None, *, with_time: bool = True) -> str:
    """A UTC moment as Kyiv wall-clock time."""
    if moment is None:
        return ""
    local = moment.astimezone(KYIV)
    return local.strftime("%d.%m.%Y %H:%M" if with_time else "%d.%m.%Y")


class FieldsView(QWidget):
    """A form of read-only plain-text fields, refilled for each selected item."""

    def __init__(self, titles: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout(self)
        for key, title in titles:
            label = plain_label()
            label.setObjectName(f"field-{key}")
            self.labels[key] = label
            form.addRow(title, label)

    def show_values(self, values: dict[str, str]) -> None:
        for key, label in self.labels.items():
            label.setText(values.get(key, "") or "—")


class ActionBar(QWidget):
    """Buttons for the actions core says are available; the rest are hidden, never guessed."""

    def __init__(
        self, actions: list[tuple[str, str]], on_action: Callable[[str], None], parent=None
    ) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.buttons: dict[str, QPushButton] = {}
        for name, title in actions:
            button = QPushButton(title)
            button.setObjectName(f"action-{name}")
            button.clicked.connect(lambda _checked=False, n=name: on_action(n))
            button.setVisible(False)
            layout.addWidget(button)
            self.buttons[name] = button
        layout.addStretch(1)

    def show_available(self, available: list[str] | set[str]) -> None:
        for name, button in self.buttons.items():
            button.setVisible(name in available)
            button.setEnabled(True)

    def set_busy(self, busy: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(not busy)


class TextPrompt(QDialog):
    """Asks for a required text (a reason, a question, an answer)."""

    def __init__(self, title: str, prompt: str, parent=None, *, max_length: int = 2000) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.max_length = max_length
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(prompt))
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("prompt-text")
        layout.addWidget(self.editor)
        self.error = plain_label()
        self.error.setStyleSheet("color: #b00020")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def text(self) -> str:
        return self.editor.toPlainText().strip()

    def _accept(self) -> None:
        if not self.text():
            self.error.setText(self.tr("Поле не може бути порожнім."))
            return
        if len(self.text()) > self.max_length:
            self.error.setText(self.tr("Не довше {n} символів.").format(n=self.max_length))
            return
        self.accept()


def ask_text(parent, title: str, prompt: str, *, max_length: int = 2000) -> str | None:
    dialog = TextPrompt(title, prompt, parent, max_length=max_length)
    return dialog.text() if dialog.exec() == QDialog.DialogCode.Accepted else None
