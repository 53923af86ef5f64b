"""A service's application form built from its form schema (see core.forms for the format).

The widget only collects what was typed; core checks it (``validate_answers``) and this widget
shows core's messages beside the fields.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from backoffice.ui.widgets import plain_label

NO_DATE = QDate(1900, 1, 1)


class FileChooser(QWidget):
    """Picks a file; its bytes are read when the form is submitted (in the background)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.name = plain_label(self.tr("файл не вибрано"))
        button = QPushButton(self.tr("Вибрати…"))
        button.clicked.connect(self.choose)
        layout.addWidget(self.name, 1)
        layout.addWidget(button)

    def choose(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Виберіть файл"), "", self.tr("Документи (*.pdf *.png *.jpg *.jpeg)")
        )
        if path:
            self.set_path(Path(path))

    def set_path(self, path: Path | None) -> None:
        self.path = path
        self.name.setText(path.name if path else self.tr("файл не вибрано"))


class ServiceForm(QWidget):
    def __init__(self, schema: list[dict[str, Any]], parent=None) -> None:
        super().__init__(parent)
        self.schema = schema
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        for field in schema:
            widget = self._input_for(field)
            widget.setObjectName(f"form-{field['name']}")
            self.inputs[field["name"]] = widget
            title = field["label"] + (" *" if field.get("required") else "")
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.addWidget(widget)
            if field.get("help"):
                hint = plain_label(field["help"])
                hint.setStyleSheet("color: #555")
                box_layout.addWidget(hint)
            error = plain_label()
            error.setStyleSheet("color: #b00020")
            error.setVisible(False)
            box_layout.addWidget(error)
            self.errors[field["name"]] = error
            form.addRow(plain_label(title), box)

    @staticmethod
    def _input_for(field: dict[str, Any]) -> QWidget:
        kind = field["type"]
        if kind == "textarea":
            return QPlainTextEdit()
        if kind == "select":
            combo = QComboBox()
            combo.addItem("", None)
            for option in field.get("options", []):
                combo.addItem(option, option)
            return combo
        if kind == "checkbox":
            return QCheckBox()
        if kind == "date":
            edit = QDateEdit()
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
            edit.setMinimumDate(NO_DATE)
            edit.setSpecialValueText(" ")  # shown for the minimum: "no date chosen"
            edit.setDate(NO_DATE)
            return edit
        if kind == "file":
            return FileChooser()
        line = QLineEdit()
        if field.get("max_length"):
            line.setMaxLength(int(field["max_length"]))
        return line

    def answers(self) -> dict[str, Any]:
        """What was typed, as text (core converts and checks it). File fields are left out."""
        values: dict[str, Any] = {}
        for field in self.schema:
            widget = self.inputs[field["name"]]
            if isinstance(widget, QPlainTextEdit):
                value = widget.toPlainText()
            elif isinstance(widget, QComboBox):
                value = widget.currentData()
            elif isinstance(widget, QCheckBox):
                value = widget.isChecked()
            elif isinstance(widget, QDateEdit):
                value = (
                    None
                    if widget.date() == NO_DATE
                    else widget.date().toString(Qt.DateFormat.ISODate)
                )
            elif isinstance(widget, FileChooser):
                continue
            else:
                value = widget.text()
            if value not in (None, "", False) or field["type"] == "checkbox":
                values[field["name"]] = value
        return values

    def files(self) -> list[tuple[str, Path]]:
        """(field name, path) of every chosen file."""
        return [
            (name, widget.path)
            for name, widget in self.inputs.items()
            if isinstance(widget, FileChooser) and widget.path is not None
        ]

    def show_errors(self, fields: dict[str, str]) -> None:
        for name, label in self.errors.items():
            message = fields.get(name) or fields.get(f"answers.{name}")
            label.setText(message or "")
            label.setVisible(bool(message))
