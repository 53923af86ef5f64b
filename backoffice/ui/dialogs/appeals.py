"""Dialogs of the Appeals tab: each asks for the values of one action and nothing more.

Every ``ask_*`` function opens its dialog and returns the values typed (a dict of the core
function's own argument names) or None when the person cancels. The values are not judged
here: the tab sends them to core, and when core answers ``InvalidInput`` the tab asks again
with ``initial`` (what was typed) and ``errors`` (core's messages, shown under the fields).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from backoffice.core.files import ALLOWED_TYPES
from backoffice.models import AppealKind
from backoffice.ui.labels import APPEAL_KINDS, label
from backoffice.ui.widgets import kyiv_today, plain_label

Values = dict[str, Any]
Errors = dict[str, str]
ERROR_STYLE = "color: #b00020"


def field_of(key: str) -> str:
    """The dialog field a core error key belongs to: ``files[2]`` → ``files``."""
    return key.split("[", 1)[0]


def to_qdate(day: date | None) -> QDate:
    return QDate(day.year, day.month, day.day) if day is not None else kyiv_today()


class FormDialog(QDialog):
    """A form whose fields each have a place for core's message under them."""

    def __init__(self, title: str, parent=None, *, intro: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        if intro:
            layout.addWidget(plain_label(intro))
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        layout.addLayout(self.form)
        self.errors: dict[str, QLabel] = {}
        self.general_error = plain_label()
        self.general_error.setObjectName("error-general")
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setVisible(False)
        layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def add_field(self, key: str, title: str, widget: QWidget) -> QWidget:
        box = QWidget()
        box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        stretches = widget.sizePolicy().horizontalPolicy() in (
            QSizePolicy.Policy.Expanding,
            QSizePolicy.Policy.MinimumExpanding,
        )
        if stretches:
            column.addWidget(widget)
        else:  # a date or a list of choices keeps its own width
            column.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
        error = plain_label()
        error.setObjectName(f"error-{key}")
        error.setStyleSheet(ERROR_STYLE)
        error.setVisible(False)
        column.addWidget(error)
        self.errors[key] = error
        widget.setObjectName(f"field-{key}")
        self.form.addRow(title, box)
        return widget

    def show_errors(self, errors: Errors | None) -> None:
        general = []
        for key, text in (errors or {}).items():
            target = self.errors.get(field_of(key))
            if target is None:
                general.append(text)
                continue
            shown = target.text()
            target.setText(f"{shown}\n{text}" if shown else text)
            target.setVisible(True)
        if general:
            self.general_error.setText("\n".join(general))
            self.general_error.setVisible(True)

    def ask(self) -> Values | None:
        return self.values() if self.exec() == QDialog.DialogCode.Accepted else None

    def values(self) -> Values:
        raise NotImplementedError


def text_editor(text: str = "", *, height: int = 100) -> QPlainTextEdit:
    editor = QPlainTextEdit()
    editor.setPlainText(text)
    editor.setMinimumHeight(height)
    editor.setTabChangesFocus(True)
    return editor


class FilesPicker(QWidget):
    """A list of chosen files (paths); the tab reads them in the background."""

    def __init__(self, paths: list[str] | None = None, parent=None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setMaximumHeight(90)
        layout.addWidget(self.list, 1)
        buttons = QVBoxLayout()
        add = QPushButton(self.tr("Додати…"))
        add.setObjectName("files-add")
        add.clicked.connect(self.choose)
        remove = QPushButton(self.tr("Прибрати"))
        remove.setObjectName("files-remove")
        remove.clicked.connect(self.remove_current)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        for path in paths or []:
            self.add_path(path)

    def add_path(self, path: str) -> None:
        item = QListWidgetItem(Path(path).name)  # list items are plain text
        item.setToolTip(path)
        item.setData(Qt.ItemDataRole.UserRole, path)
        self.list.addItem(item)

    def choose(self) -> None:
        patterns = " ".join(f"*{extension}" for extension in sorted(ALLOWED_TYPES))
        paths, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Виберіть файли"),
            "",
            self.tr("Документи ({patterns});;Усі файли (*)").format(patterns=patterns),
        )
        for path in paths:
            self.add_path(path)

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)

    def paths(self) -> list[str]:
        return [
            self.list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.list.count())
        ]


# --- register ---------------------------------------------------------------------------------
class RegisterDialog(FormDialog):
    def __init__(self, subject: str, parent=None, *, initial: Values | None = None) -> None:
        super().__init__(
            self.tr("Зареєструвати"),
            parent,
            intro=self.tr("Зареєструвати «{subject}»: буде надано номер і контрольну дату.").format(
                subject=subject
            ),
        )
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.study = QRadioButton(self.tr("потрібне додаткове вивчення"))
        self.study.setObjectName("needs-study-yes")
        self.no_study = QRadioButton(self.tr("додаткове вивчення не потрібне (скорочений строк)"))
        self.no_study.setObjectName("needs-study-no")
        group = QButtonGroup(box)
        group.addButton(self.study)
        group.addButton(self.no_study)
        column.addWidget(self.study)
        column.addWidget(self.no_study)
        needs_study = (initial or {}).get("needs_study", True)
        (self.study if needs_study else self.no_study).setChecked(True)
        self.add_field("needs_study", self.tr("Розгляд:"), box)

    def values(self) -> Values:
        return {"needs_study": self.study.isChecked()}


def ask_register(
    parent, *, subject: str = "", initial: Values | None = None, errors: Errors | None = None
) -> Values | None:
    dialog = RegisterDialog(subject, parent, initial=initial)
    dialog.show_errors(errors)
    return dialog.ask()


# --- assign / reassign ------------------------------------------------------------------------
class AssignDialog(FormDialog):
    def __init__(
        self,
        officers: list[dict],
        parent=None,
        *,
        reassign: bool = False,
        current: str | None = None,
        initial: Values | None = None,
    ) -> None:
        super().__init__(
            self.tr("Передати іншому виконавцю") if reassign else self.tr("Доручити виконавцю"),
            parent,
            intro=self.tr("Зараз доручено: {name}").format(name=current) if current else "",
        )
        self.officer = QComboBox()
        for officer in officers:
            self.officer.addItem(officer["full_name"], officer["id"])
        wanted = (initial or {}).get("assignee_id")
        if wanted is not None:
            position = self.officer.findData(wanted)
            if position >= 0:
                self.officer.setCurrentIndex(position)
        self.add_field("assignee_id", self.tr("Виконавець:"), self.officer)
        if not officers:
            self.show_errors({"assignee_id": self.tr("Немає активних працівників прийомної.")})

    def values(self) -> Values:
        return {"assignee_id": self.officer.currentData()}


def ask_assignee(
    parent,
    officers: list[dict],
    *,
    reassign: bool = False,
    current: str | None = None,
    initial: Values | None = None,
    errors: Errors | None = None,
) -> Values | None:
    dialog = AssignDialog(officers, parent, reassign=reassign, current=current, initial=initial)
    dialog.show_errors(errors)
    return dialog.ask()


# --- extend -----------------------------------------------------------------------------------
class ExtendDialog(FormDialog):
    def __init__(
        self,
        parent=None,
        *,
        current_due: str = "",
        latest: date | None = None,
        initial: Values | None = None,
    ) -> None:
        intro = self.tr("Чинний строк: {due}.").format(due=current_due or "—")
        if latest is not None:
            intro += " " + self.tr("Найпізніша можлива дата: {day}.").format(
                day=latest.strftime("%d.%m.%Y")
            )
        intro += "\n" + self.tr("Новий строк і причину буде повідомлено заявникові.")
        super().__init__(self.tr("Продовжити строк розгляду"), parent, intro=intro)
        initial = initial or {}
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd.MM.yyyy")
        self.day.setDate(to_qdate(initial.get("new_due_date") or latest))
        self.add_field("new_due_date", self.tr("Новий строк:"), self.day)
        self.reason = self.add_field(
            "reason",
            self.tr("Причина:"),
            text_editor(initial.get("reason", "")),
        )

    def values(self) -> Values:
        return {
            "new_due_date": self.day.date().toPython(),
            "reason": self.reason.toPlainText().strip(),
        }


def ask_extension(
    parent,
    *,
    current_due: str = "",
    latest: date | None = None,
    initial: Values | None = None,
    errors: Errors | None = None,
) -> Values | None:
    dialog = ExtendDialog(parent, current_due=current_due, latest=latest, initial=initial)
    dialog.show_errors(errors)
    return dialog.ask()


# --- forward ----------------------------------------------------------------------------------
class ForwardDialog(FormDialog):
    def __init__(self, parent=None, *, initial: Values | None = None) -> None:
        super().__init__(
            self.tr("Переслати за належністю"),
            parent,
            intro=self.tr("Заявникові буде повідомлено, куди й чому переслано."),
        )
        initial = initial or {}
        self.body = QLineEdit(initial.get("to_body", ""))
        self.add_field("to_body", self.tr("Кому (орган):"), self.body)
        self.reason = self.add_field(
            "reason", self.tr("Причина:"), text_editor(initial.get("reason", ""))
        )

    def values(self) -> Values:
        return {"to_body": self.body.text().strip(), "reason": self.reason.toPlainText().strip()}


def ask_forward(
    parent, *, initial: Values | None = None, errors: Errors | None = None
) -> Values | None:
    dialog = ForwardDialog(parent, initial=initial)
    dialog.show_errors(errors)
    return dialog.ask()


# --- answer -----------------------------------------------------------------------------------
class AnswerDialog(FormDialog):
    def __init__(self, parent=None, *, initial: Values | None = None) -> None:
        super().__init__(self.tr("Надати відповідь"), parent)
        initial = initial or {}
        self.resize(640, 460)
        self.text = self.add_field(
            "text", self.tr("Текст відповіді:"), text_editor(initial.get("text", ""), height=200)
        )
        self.files = self.add_field(
            "files", self.tr("Файли відповіді:"), FilesPicker(initial.get("files"))
        )

    def values(self) -> Values:
        return {"text": self.text.toPlainText().strip(), "files": self.files.paths()}


def ask_answer(
    parent, *, initial: Values | None = None, errors: Errors | None = None
) -> Values | None:
    dialog = AnswerDialog(parent, initial=initial)
    dialog.show_errors(errors)
    return dialog.ask()


# --- not considered ---------------------------------------------------------------------------
class ReasonDialog(FormDialog):
    def __init__(self, title: str, intro: str, parent=None, *, initial: Values | None = None):
        super().__init__(title, parent, intro=intro)
        self.reason = self.add_field(
            "reason", self.tr("Причина:"), text_editor((initial or {}).get("reason", ""))
        )

    def values(self) -> Values:
        return {"reason": self.reason.toPlainText().strip()}


def ask_not_considered(
    parent, *, initial: Values | None = None, errors: Errors | None = None
) -> Values | None:
    dialog = ReasonDialog(
        QCoreApplication.translate("AppealDialogs", "Залишити без розгляду"),
        QCoreApplication.translate("AppealDialogs", "Причину буде повідомлено заявникові."),
        parent,
        initial=initial,
    )
    dialog.show_errors(errors)
    return dialog.ask()


# --- mark delivered ---------------------------------------------------------------------------
def ask_delivered(parent, *, reference: str = "", **_ignored) -> Values | None:
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("AppealDialogs", "Відповідь доставлено"),
        QCoreApplication.translate(
            "AppealDialogs", "Позначити, що відповідь на {reference} надіслано поштою?"
        ).format(reference=reference),
    )
    return {} if answer == QMessageBox.StandardButton.Yes else None


# --- a paper appeal ---------------------------------------------------------------------------
class PaperAppealDialog(FormDialog):
    """A letter or a visitor's appeal entered at the reception."""

    def __init__(self, parent=None, *, initial: Values | None = None) -> None:
        super().__init__(
            self.tr("Нове паперове звернення"),
            parent,
            intro=self.tr("Внесіть лист або усне звернення, прийняте на прийомі."),
        )
        initial = initial or {}
        self.resize(680, 640)
        self.kind = QComboBox()
        for kind in AppealKind:
            self.kind.addItem(label(APPEAL_KINDS, kind.value), kind.value)
        position = self.kind.findData(initial.get("kind", AppealKind.APPEAL.value))
        self.kind.setCurrentIndex(max(position, 0))
        self.add_field("kind", self.tr("Вид:"), self.kind)
        self.name = self.add_field(
            "applicant_name",
            self.tr("Заявник (ПІБ):"),
            QLineEdit(initial.get("applicant_name", "")),
        )
        self.contact = self.add_field(
            "applicant_contact",
            self.tr("Адреса / контакт для відповіді:"),
            text_editor(initial.get("applicant_contact", ""), height=50),
        )
        self.subject = self.add_field(
            "subject", self.tr("Тема:"), QLineEdit(initial.get("subject", ""))
        )
        self.category = self.add_field(
            "category", self.tr("Категорія:"), QLineEdit(initial.get("category", ""))
        )
        self.text = self.add_field(
            "text", self.tr("Текст:"), text_editor(initial.get("text", ""), height=150)
        )
        self.urgent = QCheckBox(
            self.tr("терміновий запит (життя, свобода, довкілля, надзвичайна подія)")
        )
        self.urgent.setChecked(bool(initial.get("urgent")))
        self.add_field("urgent", self.tr("Терміновість:"), self.urgent)
        self.urgent_reason = self.add_field(
            "urgent_reason",
            self.tr("Чому терміново:"),
            text_editor(initial.get("urgent_reason") or "", height=50),
        )
        self.urgent_reason.setEnabled(self.urgent.isChecked())
        self.urgent.toggled.connect(self.urgent_reason.setEnabled)
        self.attachments = self.add_field(
            "attachments", self.tr("Скан листа, додатки:"), FilesPicker(initial.get("attachments"))
        )

    def values(self) -> Values:
        urgent = self.urgent.isChecked()
        return {
            "kind": self.kind.currentData(),
            "subject": self.subject.text().strip(),
            "text": self.text.toPlainText().strip(),
            "category": self.category.text().strip(),
            "applicant_name": self.name.text().strip(),
            "applicant_contact": self.contact.toPlainText().strip(),
            "urgent": urgent,
            "urgent_reason": self.urgent_reason.toPlainText().strip() if urgent else None,
            "attachments": self.attachments.paths(),
        }


def ask_paper_appeal(
    parent, *, initial: Values | None = None, errors: Errors | None = None
) -> Values | None:
    dialog = PaperAppealDialog(parent, initial=initial)
    dialog.show_errors(errors)
    return dialog.ask()
