"""Dialogs of the Service catalog tab: the service editor (with the editor of the form a resident
fills and a live preview of it) and a new category.

Nothing here checks a rule: core validates the service and its form schema, and the editor shows
core's messages beside the widgets they are about (the schema's problems under the field table,
with the rows they name marked).
"""

from __future__ import annotations

import copy
import re
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from backoffice.config import get_settings
from backoffice.core import services
from backoffice.core.errors import Conflict, InvalidInput
from backoffice.core.forms import FIELD_TYPES, MAX_TEXT_LENGTH, SCHEMA_FIELD
from backoffice.models import DayCount
from backoffice.ui.formwidget import ServiceForm
from backoffice.ui.labels import DAY_COUNTS, FORM_FIELD_TYPES, label
from backoffice.ui.messages import describe
from backoffice.ui.tasks import run_in_background
from backoffice.ui.widgets import plain_label

ERROR_STYLE = "color: #b00020"
PROBLEM_ROW = QColor("#fde2e1")
PREVIEW_DELAY_MS = 200
_NUMBER = re.compile(r"-?\d{1,12}(?:[.,]\d{1,6})?")
_POSITION = re.compile(r"поле (\d+)")  # how core's schema problems name a field

# "1 день / 2 дні / 5 днів": the three Ukrainian plural forms, calendar and working; then
# exactly one day, which other languages (English: "1 day", "21 days") set apart from 21, 31, …
_CALENDAR_DAYS = (
    QT_TRANSLATE_NOOP("catalog", "{n} кал. день"),
    QT_TRANSLATE_NOOP("catalog", "{n} кал. дні"),
    QT_TRANSLATE_NOOP("catalog", "{n} кал. днів"),
    QT_TRANSLATE_NOOP("catalog", "1 кал. день"),
)
_WORKING_DAYS = (
    QT_TRANSLATE_NOOP("catalog", "{n} роб. день"),
    QT_TRANSLATE_NOOP("catalog", "{n} роб. дні"),
    QT_TRANSLATE_NOOP("catalog", "{n} роб. днів"),
    QT_TRANSLATE_NOOP("catalog", "1 роб. день"),
)
# What the person reads for each field core may name in its errors.
FIELD_TITLES = {
    "code": QT_TRANSLATE_NOOP("catalog", "Код"),
    "title": QT_TRANSLATE_NOOP("catalog", "Назва"),
    "category_id": QT_TRANSLATE_NOOP("catalog", "Категорія"),
    "description": QT_TRANSLATE_NOOP("catalog", "Опис"),
    "required_documents": QT_TRANSLATE_NOOP("catalog", "Документи"),
    "term_days": QT_TRANSLATE_NOOP("catalog", "Строк"),
    "term_counts": QT_TRANSLATE_NOOP("catalog", "Строк"),
    "fee": QT_TRANSLATE_NOOP("catalog", "Вартість"),
    "department": QT_TRANSLATE_NOOP("catalog", "Підрозділ"),
    "form_schema": QT_TRANSLATE_NOOP("catalog", "Форма заяви"),
    "position": QT_TRANSLATE_NOOP("catalog", "Порядок"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("catalog", text)


# --- how the catalog reads ---------------------------------------------------------------------


def days_text(days: int, *, working: bool) -> str:
    """``10 роб. днів``, ``1 кал. день``, ``3 кал. дні``."""
    if days == 1:
        form = 3
    elif days % 10 == 1 and days % 100 != 11:
        form = 0
    elif 2 <= days % 10 <= 4 and not 12 <= days % 100 <= 14:
        form = 1
    else:
        form = 2
    return tr((_WORKING_DAYS if working else _CALENDAR_DAYS)[form]).format(n=days)


def default_term_text() -> str:
    days = get_settings().terms.service_default_days
    return QCoreApplication.translate("catalog", "типовий ({days})").format(
        days=days_text(days, working=False)
    )


def term_text(term_days: int | None, term_counts: str | None) -> str:
    if not term_days:
        return default_term_text()
    return days_text(term_days, working=term_counts == DayCount.WORKING)


def fee_text(fee: str | None) -> str:
    """A fee as core gives it (``"150.00"``) the way the catalog prints it."""
    if fee is None or Decimal(fee) == 0:
        return QCoreApplication.translate("catalog", "безоплатно")
    return QCoreApplication.translate("catalog", "{fee} грн").format(fee=fee.replace(".", ","))


def field_title(key: str) -> str:
    text = FIELD_TITLES.get(key)
    return tr(text) if text else key


def invalid_message(fields: dict[str, str]) -> str:
    """Core's field errors, one a line, each under the name the person sees on the screen."""
    lines = [QCoreApplication.translate("catalog", "Перевірте введені дані:")]
    for key, text in fields.items():
        if key == SCHEMA_FIELD:
            text = QCoreApplication.translate(
                "catalog", "помилки в полях — їх перелічено під таблицею полів."
            )
        lines.append(f"• {field_title(key)}: {text}")
    return "\n".join(lines)


# --- reading in the background ----------------------------------------------------------------


def service_snapshot(service) -> dict[str, Any]:
    """Everything the tab shows of a service, read while its session is open."""
    return {
        "id": service.id,
        "code": service.code,
        "title": service.title,
        "category_id": service.category_id,
        "category": service.category.title,
        "description": service.description or "",
        "required_documents": list(service.required_documents or []),
        "term_days": service.term_days,
        "term_counts": str(service.term_counts),
        "fee": f"{service.fee:.2f}",
        "department": service.department or "",
        "active": service.active,
        "form_schema": copy.deepcopy(list(service.form_schema or [])),
        "version": service.version,
    }


def load_service(session, actor, service_id: int) -> dict[str, Any]:
    return service_snapshot(services.service_detail(session, actor, service_id))


def load_categories(session, actor) -> list[tuple[int, str]]:
    return [(c.id, c.title) for c in services.list_categories(session, actor)]


# --- small pieces ------------------------------------------------------------------------------


def _error_label(key: str) -> QLabel:
    error = plain_label()
    error.setObjectName(f"error-{key}")
    error.setStyleSheet(ERROR_STYLE)
    error.setVisible(False)
    return error


def _with_error(widget: QWidget, error: QLabel) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(widget)
    layout.addWidget(error)
    return box


def _show_error(error: QLabel, text: str | None) -> None:
    error.setText(text or "")
    error.setVisible(bool(text))


def split_options(text: str) -> list[str]:
    """Options typed one per line, or on one line separated by commas."""
    parts = text.splitlines() if "\n" in text.strip() else text.split(",")
    return [part.strip() for part in parts if part.strip()]


def _number(text: str) -> Any:
    """A bound typed as text: a number when it reads as one, else the text (core names it)."""
    text = text.strip()
    if not _NUMBER.fullmatch(text):
        return text
    text = text.replace(",", ".")
    return float(text) if "." in text else int(text)


def _number_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def _draft(field: dict[str, Any]) -> dict[str, Any]:
    """A schema field as the editor holds it (bounds and options as the text being typed)."""
    options = field.get("options") or []
    return {
        "name": str(field.get("name", "")),
        "label": str(field.get("label", "")),
        "type": field.get("type") if field.get("type") in FIELD_TYPES else "text",
        "required": bool(field.get("required", False)),
        "max_length": field.get("max_length") if isinstance(field.get("max_length"), int) else 0,
        "min": _number_text(field.get("min")),
        "max": _number_text(field.get("max")),
        "options": "\n".join(str(o) for o in options) if isinstance(options, list) else "",
        "help": str(field.get("help", "")),
    }


def _schema_field(draft: dict[str, Any]) -> dict[str, Any]:
    """The editor's field in the schema format (only the keys its type takes)."""
    kind = draft["type"]
    field: dict[str, Any] = {
        "name": draft["name"].strip(),
        "label": draft["label"].strip(),
        "type": kind,
        "required": draft["required"],
    }
    if kind in ("text", "textarea") and draft["max_length"]:
        field["max_length"] = draft["max_length"]
    if kind == "number":
        for key in ("min", "max"):
            if draft[key].strip():
                field[key] = _number(draft[key])
    if kind == "select":
        field["options"] = split_options(draft["options"])
    if draft["help"].strip():
        field["help"] = draft["help"].strip()
    return field


def _limits_text(field: dict[str, Any]) -> str:
    kind = field["type"]
    if kind in ("text", "textarea") and field.get("max_length"):
        return QCoreApplication.translate("catalog", "до {n} симв.").format(n=field["max_length"])
    if kind == "number":
        low, high = field.get("min"), field.get("max")
        if low is not None and high is not None:
            return QCoreApplication.translate("catalog", "від {min} до {max}").format(
                min=low, max=high
            )
        if low is not None:
            return QCoreApplication.translate("catalog", "від {min}").format(min=low)
        if high is not None:
            return QCoreApplication.translate("catalog", "до {max}").format(max=high)
    if kind == "select":
        return "; ".join(field.get("options") or [])
    return ""


# --- the form-schema editor --------------------------------------------------------------------


class FormFieldsEditor(QWidget):
    """The fields of a service's form: a table to choose, order, add and remove them, and the
    properties of the chosen one below it. ``schema()`` is what goes to core."""

    changed = Signal()

    COLUMNS = (
        QT_TRANSLATE_NOOP("catalog", "Ім'я"),
        QT_TRANSLATE_NOOP("catalog", "Підпис"),
        QT_TRANSLATE_NOOP("catalog", "Тип"),
        QT_TRANSLATE_NOOP("catalog", "Обов."),
        QT_TRANSLATE_NOOP("catalog", "Обмеження"),
        QT_TRANSLATE_NOOP("catalog", "Підказка"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: list[dict[str, Any]] = []
        self._loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        top = QHBoxLayout()
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("form-fields")
        self.table.setHorizontalHeaderLabels([tr(c) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(24)  # row numbers = core's "поле N"
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((100, 160, 115, 45, 120)):
            header.resizeSection(column, width)
        self.table.currentCellChanged.connect(lambda *_args: self._current_changed())
        self.table.cellDoubleClicked.connect(self._focus_property)
        top.addWidget(self.table, 1)
        buttons = QVBoxLayout()
        self.add_button = QPushButton(self.tr("Додати поле"))
        self.add_button.setObjectName("field-add")
        self.add_button.clicked.connect(self.add_field)
        self.remove_button = QPushButton(self.tr("Вилучити"))
        self.remove_button.setObjectName("field-remove")
        self.remove_button.clicked.connect(self.remove_field)
        self.up_button = QPushButton(self.tr("Вгору"))
        self.up_button.setObjectName("field-up")
        self.up_button.clicked.connect(lambda: self.move_field(-1))
        self.down_button = QPushButton(self.tr("Вниз"))
        self.down_button.setObjectName("field-down")
        self.down_button.clicked.connect(lambda: self.move_field(1))
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        top.addLayout(buttons)
        layout.addLayout(top, 3)

        self.problems = plain_label()
        self.problems.setObjectName("form-schema-problems")
        self.problems.setStyleSheet(ERROR_STYLE)
        self.problems.setVisible(False)
        layout.addWidget(self.problems)

        self.properties = QGroupBox(self.tr("Властивості вибраного поля"))
        form = QFormLayout(self.properties)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("field-name")
        self.name_edit.setPlaceholderText(self.tr("латиницею, напр. land_area"))
        self.label_edit = QLineEdit()
        self.label_edit.setObjectName("field-label")
        self.label_edit.setPlaceholderText(self.tr("що прочитає мешканець"))
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("field-type")
        for kind in FIELD_TYPES:
            self.type_combo.addItem(label(FORM_FIELD_TYPES, kind), kind)
        self.required_box = QCheckBox(self.tr("обов'язкове для заповнення"))
        self.required_box.setObjectName("field-required")
        self.max_length_spin = QSpinBox()
        self.max_length_spin.setObjectName("field-max-length")
        self.max_length_spin.setRange(0, MAX_TEXT_LENGTH)
        self.max_length_spin.setSpecialValueText(self.tr("типова"))
        self.min_edit = QLineEdit()
        self.min_edit.setObjectName("field-min")
        self.max_edit = QLineEdit()
        self.max_edit.setObjectName("field-max")
        for edit in (self.min_edit, self.max_edit):
            edit.setPlaceholderText(self.tr("без обмеження"))
        bounds = QWidget()
        bounds_layout = QHBoxLayout(bounds)
        bounds_layout.setContentsMargins(0, 0, 0, 0)
        bounds_layout.addWidget(QLabel(self.tr("від")))
        bounds_layout.addWidget(self.min_edit)
        bounds_layout.addWidget(QLabel(self.tr("до")))
        bounds_layout.addWidget(self.max_edit)
        self.bounds = bounds
        self.options_edit = QPlainTextEdit()
        self.options_edit.setObjectName("field-options")
        self.options_edit.setPlaceholderText(
            self.tr("Кожен варіант з нового рядка (або в одному рядку через кому)")
        )
        self.options_edit.setFixedHeight(84)
        self.help_edit = QLineEdit()
        self.help_edit.setObjectName("field-help")
        self.help_edit.setPlaceholderText(self.tr("підказка під полем (необов'язково)"))
        form.addRow(self.tr("Ім'я:"), self.name_edit)
        form.addRow(self.tr("Підпис:"), self.label_edit)
        form.addRow(self.tr("Тип:"), self.type_combo)
        form.addRow("", self.required_box)
        form.addRow(self.tr("Найбільша довжина:"), self.max_length_spin)
        form.addRow(self.tr("Значення:"), self.bounds)
        form.addRow(self.tr("Варіанти:"), self.options_edit)
        form.addRow(self.tr("Підказка:"), self.help_edit)
        self.property_form = form
        layout.addWidget(self.properties, 2)

        for edit in (self.name_edit, self.label_edit, self.min_edit, self.max_edit, self.help_edit):
            edit.textChanged.connect(self._edited)
        self.type_combo.currentIndexChanged.connect(self._edited)
        self.required_box.toggled.connect(self._edited)
        self.max_length_spin.valueChanged.connect(self._edited)
        self.options_edit.textChanged.connect(self._edited)
        self._current_changed()

    # --- the whole schema ---------------------------------------------------------------------
    def set_schema(self, schema: list[dict[str, Any]]) -> None:
        self.fields = [_draft(field) for field in schema]
        self.table.setRowCount(len(self.fields))
        for row in range(len(self.fields)):
            self._show_row(row)
        self.show_problems(None)
        self.table.setCurrentCell(0 if self.fields else -1, 0)
        self._current_changed()
        self.changed.emit()

    def schema(self) -> list[dict[str, Any]]:
        return [_schema_field(draft) for draft in self.fields]

    def preview_schema(self) -> list[dict[str, Any]]:
        """The schema as far as it can be shown while it is being typed."""
        shown = []
        for position, field in enumerate(self.schema(), start=1):
            field = dict(field)
            if not field["label"]:
                field["label"] = field["name"] or self.tr("Поле {n}").format(n=position)
            shown.append(field)
        return shown

    def show_problems(self, message: str | None) -> None:
        """Core's ``form_schema`` message, one problem a line; the rows it names are marked."""
        problems = [p.strip().rstrip(".") for p in (message or "").split("; ") if p.strip()]
        self.problems.setText("\n".join(f"• {p}" for p in problems))
        self.problems.setVisible(bool(problems))
        rows = set()
        for problem in problems:
            match = _POSITION.match(problem)
            if match:
                rows.add(int(match.group(1)) - 1)
        self._mark_rows(rows)

    # --- editing the list ---------------------------------------------------------------------
    def add_field(self) -> None:
        names = {field["name"] for field in self.fields}
        n = len(self.fields) + 1
        while f"field_{n}" in names:
            n += 1
        draft = _draft({"name": f"field_{n}", "label": self.tr("Нове поле"), "type": "text"})
        self.fields.append(draft)
        row = len(self.fields) - 1
        self.table.setRowCount(len(self.fields))
        self._show_row(row)
        self.table.setCurrentCell(row, 0)
        self.label_edit.setFocus()
        self.label_edit.selectAll()
        self.changed.emit()

    def remove_field(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.fields):
            return
        del self.fields[row]
        self.table.removeRow(row)
        self._mark_rows(set())  # core's row numbers no longer match
        if self.fields:
            self.table.setCurrentCell(min(row, len(self.fields) - 1), 0)
        self._current_changed()
        self.changed.emit()

    def move_field(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if not (0 <= row < len(self.fields) and 0 <= target < len(self.fields)):
            return
        self.fields[row], self.fields[target] = self.fields[target], self.fields[row]
        self._show_row(row)
        self._show_row(target)
        self._mark_rows(set())
        self.table.setCurrentCell(target, self.table.currentColumn())
        self.changed.emit()

    # --- the chosen field ---------------------------------------------------------------------
    def _current_changed(self) -> None:
        row = self.table.currentRow()
        has = 0 <= row < len(self.fields)
        self.properties.setEnabled(has)
        self.remove_button.setEnabled(has)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < len(self.fields) - 1)
        draft = self.fields[row] if has else _draft({})
        self._loading = True
        try:
            self.name_edit.setText(draft["name"])
            self.label_edit.setText(draft["label"])
            self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(draft["type"])))
            self.required_box.setChecked(draft["required"])
            self.max_length_spin.setValue(draft["max_length"] or 0)
            self.min_edit.setText(draft["min"])
            self.max_edit.setText(draft["max"])
            self.options_edit.setPlainText(draft["options"])
            self.help_edit.setText(draft["help"])
        finally:
            self._loading = False
        self._show_type_rows(draft["type"])

    def _edited(self, *_args) -> None:
        if self._loading:
            return
        row = self.table.currentRow()
        if not 0 <= row < len(self.fields):
            return
        draft = self.fields[row]
        draft.update(
            name=self.name_edit.text(),
            label=self.label_edit.text(),
            type=self.type_combo.currentData(),
            required=self.required_box.isChecked(),
            max_length=self.max_length_spin.value(),
            min=self.min_edit.text(),
            max=self.max_edit.text(),
            options=self.options_edit.toPlainText(),
            help=self.help_edit.text(),
        )
        self._show_row(row)
        self._show_type_rows(draft["type"])
        self.changed.emit()

    def _show_type_rows(self, kind: str) -> None:
        form = self.property_form
        form.setRowVisible(self.max_length_spin, kind in ("text", "textarea"))
        form.setRowVisible(self.bounds, kind == "number")
        form.setRowVisible(self.options_edit, kind == "select")

    def _focus_property(self, row: int, column: int) -> None:
        """A double-click on a cell goes to the property that edits it."""
        kind = self.fields[row]["type"] if 0 <= row < len(self.fields) else "text"
        limits = {"select": self.options_edit, "number": self.min_edit}.get(
            kind, self.max_length_spin
        )
        editors = (
            self.name_edit,
            self.label_edit,
            self.type_combo,
            self.required_box,
            limits,
            self.help_edit,
        )
        editors[column].setFocus()

    def _show_row(self, row: int) -> None:
        field = _schema_field(self.fields[row])
        texts = (
            field["name"],
            field["label"],
            label(FORM_FIELD_TYPES, field["type"]),
            self.tr("так") if field["required"] else "",
            _limits_text(field),
            field.get("help", ""),
        )
        for column, text in enumerate(texts):
            item = self.table.item(row, column)
            if item is None:
                item = QTableWidgetItem()
                self.table.setItem(row, column, item)
            item.setText(str(text))  # a table item is plain text
            item.setToolTip(str(text))

    def _mark_rows(self, rows: set[int]) -> None:
        for row in range(self.table.rowCount()):
            for column in range(self.table.columnCount()):
                item = self.table.item(row, column)
                if item is None:
                    continue
                if row in rows:
                    item.setBackground(QBrush(PROBLEM_ROW))
                else:
                    item.setData(Qt.ItemDataRole.BackgroundRole, None)


# --- the service editor ------------------------------------------------------------------------


class ServiceEditor(QDialog):
    """A new service (``service_id`` None) or an existing one, with its form and a preview."""

    saved = Signal(int)  # the service's id
    stale = Signal(int)  # someone else changed it meanwhile: it was reloaded here

    def __init__(
        self,
        backend,
        service_id: int | None = None,
        parent: QWidget | None = None,
        *,
        category_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.backend = backend
        self.service_id = service_id
        self.original: dict[str, Any] | None = None
        self.ready = False
        self._default_category = category_id
        self.errors: dict[str, QLabel] = {}
        self.setObjectName("service-editor")
        self.setWindowTitle(self.tr("Нова послуга") if service_id is None else self.tr("Послуга"))
        self.resize(1280, 820)
        layout = QVBoxLayout(self)

        self.pages = QTabWidget()
        self.pages.addTab(self._build_general(), self.tr("Опис послуги"))
        self.fields_editor = FormFieldsEditor()
        self.pages.addTab(self.fields_editor, self.tr("Форма заяви"))
        preview_box = QGroupBox(self.tr("Попередній перегляд: так форму побачить мешканець"))
        preview_layout = QVBoxLayout(preview_box)
        self.preview_area = QScrollArea()
        self.preview_area.setObjectName("service-preview-area")
        self.preview_area.setWidgetResizable(True)
        preview_layout.addWidget(self.preview_area)
        self.preview: ServiceForm | None = None
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.pages)
        splitter.addWidget(preview_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 480])
        layout.addWidget(splitter, 1)

        self.message = plain_label()
        self.message.setObjectName("service-editor-message")
        self.message.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Зберегти"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Скасувати"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.update_preview)
        self.fields_editor.changed.connect(self._preview_timer.start)
        self.title_edit.textChanged.connect(lambda _text: self._preview_timer.start())
        self.load()

    def _build_general(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.code = QLineEdit()
        self.code.setObjectName("service-code")
        self.code.setMaxLength(40)
        self.code.setPlaceholderText(self.tr("латиницею, напр. LAND-012"))
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("service-title")
        self.title_edit.setMaxLength(300)
        self.category = QComboBox()
        self.category.setObjectName("service-category")
        self.department = QLineEdit()
        self.department.setObjectName("service-department")
        self.department.setMaxLength(200)
        self.fee = QDoubleSpinBox()
        self.fee.setObjectName("service-fee")
        self.fee.setDecimals(2)
        self.fee.setRange(0, float(services.MAX_FEE))
        self.fee.setSuffix(self.tr(" грн"))
        self.fee.setToolTip(self.tr("0 — послуга безоплатна"))

        term = QWidget()
        term_layout = QHBoxLayout(term)
        term_layout.setContentsMargins(0, 0, 0, 0)
        self.default_term = QCheckBox(default_term_text())
        self.default_term.setObjectName("service-default-term")
        self.term_days = QSpinBox()
        self.term_days.setObjectName("service-term-days")
        self.term_days.setRange(1, services.MAX_TERM_DAYS)
        self.term_days.setValue(10)
        self.term_counts = QComboBox()
        self.term_counts.setObjectName("service-term-counts")
        for count in DayCount:
            self.term_counts.addItem(label(DAY_COUNTS, count.value), count.value)
        self.default_term.toggled.connect(self._term_toggled)
        term_layout.addWidget(self.term_days)
        term_layout.addWidget(self.term_counts)
        term_layout.addWidget(self.default_term)
        term_layout.addStretch(1)

        self.description = QPlainTextEdit()
        self.description.setObjectName("service-description")
        self.description.setPlaceholderText(self.tr("Що отримає мешканець, хто може звернутися…"))
        self.description.setMinimumHeight(120)

        documents = QWidget()
        documents_layout = QHBoxLayout(documents)
        documents_layout.setContentsMargins(0, 0, 0, 0)
        self.documents = QListWidget()
        self.documents.setObjectName("service-documents")
        self.documents.setToolTip(self.tr("Подвійне клацання — змінити рядок"))
        documents_layout.addWidget(self.documents, 1)
        document_buttons = QVBoxLayout()
        add = QPushButton(self.tr("Додати"))
        add.setObjectName("document-add")
        add.clicked.connect(lambda: self.add_document(""))
        edit = QPushButton(self.tr("Змінити"))
        edit.clicked.connect(self._edit_document)
        remove = QPushButton(self.tr("Вилучити"))
        remove.setObjectName("document-remove")
        remove.clicked.connect(self.remove_document)
        for button in (add, edit, remove):
            document_buttons.addWidget(button)
        document_buttons.addStretch(1)
        documents_layout.addLayout(document_buttons)

        for key, title, widget in (
            ("code", self.tr("Код:"), self.code),
            ("title", self.tr("Назва:"), self.title_edit),
            ("category_id", self.tr("Категорія:"), self.category),
            ("department", self.tr("Підрозділ:"), self.department),
            ("fee", self.tr("Вартість:"), self.fee),
            ("term_days", self.tr("Строк надання:"), term),
            ("description", self.tr("Опис:"), self.description),
            ("required_documents", self.tr("Потрібні документи:"), documents),
        ):
            error = _error_label(key)
            self.errors[key] = error
            form.addRow(title, _with_error(widget, error))
        self.errors["term_counts"] = self.errors["term_days"]
        return page

    # --- loading ------------------------------------------------------------------------------
    def load(self) -> None:
        """Read the categories (and the service, when editing) as they are now."""
        self._set_busy(True)
        self.ready = False
        actor = self.backend.actor
        service_id = self.service_id

        def op(session):
            categories = load_categories(session, actor)
            detail = load_service(session, actor, service_id) if service_id is not None else None
            return categories, detail

        run_in_background(self.backend, op, self._loaded, self._load_failed, owner=self)

    def _loaded(self, result) -> None:
        categories, detail = result
        self.category.clear()
        self.category.addItem(self.tr("— виберіть категорію —"), None)
        for category_id, title in categories:
            self.category.addItem(title, category_id)
        if detail is None:
            self._choose_category(self._default_category)
            self.default_term.setChecked(True)
            self.fields_editor.set_schema([])
        else:
            self.original = detail
            self.setWindowTitle(self.tr("Послуга {code}").format(code=detail["code"]))
            self.code.setText(detail["code"])
            self.title_edit.setText(detail["title"])
            self._choose_category(detail["category_id"])
            self.department.setText(detail["department"])
            self.fee.setValue(float(detail["fee"]))
            self.default_term.setChecked(detail["term_days"] is None)
            self._term_toggled(detail["term_days"] is None)
            if detail["term_days"] is not None:
                self.term_days.setValue(detail["term_days"])
            self.term_counts.setCurrentIndex(
                max(0, self.term_counts.findData(detail["term_counts"]))
            )
            self.description.setPlainText(detail["description"])
            self.documents.clear()
            for document in detail["required_documents"]:
                self.add_document(document, edit=False)
            self.fields_editor.set_schema(detail["form_schema"])
        self._set_busy(False)
        self.update_preview()
        self.ready = True

    def _load_failed(self, error: Exception) -> None:
        self.message.setText(describe(error))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(True)

    def _choose_category(self, category_id: int | None) -> None:
        self.category.setCurrentIndex(max(0, self.category.findData(category_id)))

    def _term_toggled(self, default: bool) -> None:
        self.term_days.setEnabled(not default)
        self.term_counts.setEnabled(not default)

    # --- required documents -------------------------------------------------------------------
    def add_document(self, text: str = "", *, edit: bool = True) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.documents.addItem(item)
        if edit:
            self.documents.setCurrentItem(item)
            self.documents.editItem(item)
        return item

    def _edit_document(self) -> None:
        item = self.documents.currentItem()
        if item is not None:
            self.documents.editItem(item)

    def remove_document(self) -> None:
        row = self.documents.currentRow()
        if row >= 0:
            self.documents.takeItem(row)

    def document_texts(self) -> list[str]:
        texts = (self.documents.item(i).text().strip() for i in range(self.documents.count()))
        return [text for text in texts if text]

    # --- the preview --------------------------------------------------------------------------
    def update_preview(self) -> None:
        self._preview_timer.stop()
        box = QWidget()
        layout = QVBoxLayout(box)
        heading = plain_label(self.title_edit.text().strip() or self.tr("(назва послуги)"))
        heading.setStyleSheet("font-weight: bold; font-size: 12pt")
        layout.addWidget(heading)
        schema = self.fields_editor.preview_schema()
        self.preview = ServiceForm(schema)
        self.preview.setObjectName("service-preview")
        layout.addWidget(self.preview)
        if not schema:
            empty = plain_label(self.tr("Форма без полів: мешканцю досить подати заяву."))
            empty.setStyleSheet("color: #555")
            layout.addWidget(empty)
        layout.addStretch(1)
        self.preview_area.setWidget(box)  # the previous preview is deleted

    # --- saving -------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        default_term = self.default_term.isChecked()
        return {
            "code": self.code.text().strip(),
            "title": self.title_edit.text().strip(),
            "category_id": self.category.currentData(),
            "description": self.description.toPlainText().strip(),
            "required_documents": self.document_texts(),
            "term_days": None if default_term else self.term_days.value(),
            "term_counts": DayCount.CALENDAR.value
            if default_term
            else self.term_counts.currentData(),
            "fee": f"{self.fee.value():.2f}",
            "department": self.department.text().strip(),
            "form_schema": self.fields_editor.schema(),
        }

    def save(self) -> None:
        if not self.ready:
            return
        self._clear_errors()
        values = self.values()
        actor = self.backend.actor
        if self.service_id is None:

            def op(session):
                return services.create_service(session, actor, **values).id
        else:
            original = self.original or {}
            changes = {k: v for k, v in values.items() if original.get(k) != v}
            if not changes:
                self.accept()  # nothing to save
                return
            service_id, version = self.service_id, original.get("version")

            def op(session):
                return services.update_service(
                    session, actor, service_id, changes, expected_version=version
                ).id

        self._set_busy(True)
        run_in_background(self.backend, op, self._saved, self._failed, owner=self)

    def _saved(self, service_id: int) -> None:
        self._set_busy(False)
        self.saved.emit(service_id)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, InvalidInput):
            self._show_invalid(error.fields)
        elif isinstance(error, Conflict) and error.code == "duplicate":
            _show_error(self.errors["code"], error.message)
            self.pages.setCurrentIndex(0)
            self.message.setText(describe(error))
        elif isinstance(error, Conflict):
            # Someone saved this service meanwhile: show it as it is now, say who.
            self.message.setText(describe(error))
            if self.service_id is not None:
                self.stale.emit(self.service_id)
            self.load()
        else:
            self.message.setText(describe(error))

    def _show_invalid(self, fields: dict[str, str]) -> None:
        pages = []
        for key, text in fields.items():
            if key == SCHEMA_FIELD:
                self.fields_editor.show_problems(text)
                pages.append(1)
            elif key in self.errors:
                _show_error(self.errors[key], text)
                pages.append(0)
        self.message.setText(invalid_message(fields))
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for page in set(pages):
            self.pages.setTabIcon(page, warning)  # the other page's errors are seen at once
        if pages and self.pages.currentIndex() not in pages:
            self.pages.setCurrentIndex(min(pages))

    def _clear_errors(self) -> None:
        self.message.clear()
        for page in range(self.pages.count()):
            self.pages.setTabIcon(page, QIcon())
        for error in self.errors.values():
            _show_error(error, None)
        self.fields_editor.show_problems(None)

    def _set_busy(self, busy: bool) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not busy)


# --- a new category ----------------------------------------------------------------------------


class CategoryDialog(QDialog):
    created = Signal(int)

    def __init__(self, backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.setObjectName("category-editor")
        self.setWindowTitle(self.tr("Нова категорія послуг"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.code = QLineEdit()
        self.code.setObjectName("category-code")
        self.code.setMaxLength(40)
        self.code.setPlaceholderText(self.tr("латиницею, напр. land"))
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("category-title")
        self.title_edit.setMaxLength(200)
        self.position = QSpinBox()
        self.position.setObjectName("category-position")
        self.position.setRange(0, 100_000)
        self.position.setToolTip(self.tr("Категорії впорядковано за цим числом, далі за назвою"))
        self.errors: dict[str, QLabel] = {}
        for key, title, widget in (
            ("code", self.tr("Код:"), self.code),
            ("title", self.tr("Назва:"), self.title_edit),
            ("position", self.tr("Порядок:"), self.position),
        ):
            self.errors[key] = _error_label(key)
            form.addRow(title, _with_error(widget, self.errors[key]))
        layout.addLayout(form)
        self.message = plain_label()
        self.message.setObjectName("category-message")
        self.message.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Створити"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Скасувати"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        self.message.clear()
        for error in self.errors.values():
            _show_error(error, None)
        actor = self.backend.actor
        code, title, position = (
            self.code.text().strip(),
            self.title_edit.text(),
            self.position.value(),
        )
        self.buttons.setEnabled(False)
        run_in_background(
            self.backend,
            lambda session: (
                services.create_category(
                    session, actor, code=code, title=title, position=position
                ).id
            ),
            self._created,
            self._failed,
            owner=self,
        )

    def _created(self, category_id: int) -> None:
        self.buttons.setEnabled(True)
        self.created.emit(category_id)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, InvalidInput):
            for key, text in error.fields.items():
                if key in self.errors:
                    _show_error(self.errors[key], text)
            self.message.setText(invalid_message(error.fields))
            return
        if isinstance(error, Conflict) and error.code == "duplicate":
            _show_error(self.errors["code"], error.message)
        self.message.setText(describe(error))
