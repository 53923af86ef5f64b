"""Dialogs of the surveys tab: the survey editor, the results, and a paper ballot at the desk.

The editor and the paper ballot save through core themselves (in the background) and stay open
with core's messages under the form when it refuses, so nothing typed is lost; they close and
emit ``saved`` / ``recorded`` when core accepts. Times are typed and shown in Kyiv time.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QDateTime,
    Qt,
    QTime,
    QTimer,
    QTimeZone,
    Signal,
)
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
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
    QRadioButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from backoffice.core import democracy, people
from backoffice.core.calendar import KYIV
from backoffice.core.errors import InvalidInput
from backoffice.core.listing import ListRequest
from backoffice.models import QuestionKind, ResultsVisibility, Survey, utcnow
from backoffice.ui.labels import QUESTION_KINDS, RESULTS_VISIBILITY, label
from backoffice.ui.messages import describe
from backoffice.ui.tasks import run_in_background
from backoffice.ui.widgets import plain_label

ERROR_STYLE = "color: #b00020"
DATETIME_FORMAT = "dd.MM.yyyy HH:mm"
SEARCH_DELAY_MS = 300
PEOPLE_SHOWN = 20
BAR_WIDTH = 24
OPTION_WIDTH = 40


def tr(text: str) -> str:
    return QCoreApplication.translate("DemocracyDialogs", text)


# --- Kyiv wall-clock time in a QDateTimeEdit ------------------------------------------------------
# The editor keeps UTC as its own zone so Qt never shifts a value over this machine's clock
# changes; the figures typed are read as Kyiv time by zoneinfo (tzdata on Windows too).


def to_qdatetime(moment: datetime) -> QDateTime:
    local = moment.astimezone(KYIV)
    return QDateTime(
        QDate(local.year, local.month, local.day),
        QTime(local.hour, local.minute),
        QTimeZone.utc(),
    )


def from_qdatetime(value: QDateTime) -> datetime:
    day, time = value.date(), value.time()
    return datetime(day.year(), day.month(), day.day(), time.hour(), time.minute(), tzinfo=KYIV)


def datetime_edit(moment: datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit()
    edit.setTimeZone(QTimeZone.utc())
    edit.setDisplayFormat(DATETIME_FORMAT)
    edit.setCalendarPopup(True)
    edit.setDateTimeRange(
        QDateTime(QDate(2000, 1, 1), QTime(0, 0), QTimeZone.utc()),
        QDateTime(QDate(2100, 12, 31), QTime(23, 59), QTimeZone.utc()),
    )
    edit.setDateTime(to_qdatetime(moment))
    return edit


def _next_hour(now: datetime) -> datetime:
    local = now.astimezone(KYIV).replace(minute=0, second=0, microsecond=0)
    return local + timedelta(hours=1)


# --- how core's field names read to a person ------------------------------------------------------

_FIELD_TITLES = {
    "title": QT_TRANSLATE_NOOP("DemocracyDialogs", "Назва"),
    "description": QT_TRANSLATE_NOOP("DemocracyDialogs", "Опис"),
    "opens_at": QT_TRANSLATE_NOOP("DemocracyDialogs", "Початок"),
    "closes_at": QT_TRANSLATE_NOOP("DemocracyDialogs", "Завершення"),
    "results_visibility": QT_TRANSLATE_NOOP("DemocracyDialogs", "Результати"),
    "questions": QT_TRANSLATE_NOOP("DemocracyDialogs", "Питання"),
    "voter_id": QT_TRANSLATE_NOOP("DemocracyDialogs", "Мешканець"),
    "answers": QT_TRANSLATE_NOOP("DemocracyDialogs", "Відповіді"),
}


def field_title(key: str) -> str:
    """``questions.1.options.0`` → "Питання 2, варіант 1"; plain fields by their titles."""
    match = re.fullmatch(r"questions\.(\d+)(?:\.(\w+)(?:\.(\d+))?)?", key)
    if match:
        number = int(match.group(1)) + 1
        part, option = match.group(2), match.group(3)
        if part == "options" and option is not None:
            return QCoreApplication.translate(
                "DemocracyDialogs", "Питання {n}, варіант {m}"
            ).format(n=number, m=int(option) + 1)
        if part == "options":
            return QCoreApplication.translate("DemocracyDialogs", "Питання {n}, варіанти").format(
                n=number
            )
        return QCoreApplication.translate("DemocracyDialogs", "Питання {n}").format(n=number)
    return tr(_FIELD_TITLES[key]) if key in _FIELD_TITLES else key


def errors_text(error: Exception, name_of=field_title) -> str:
    if isinstance(error, InvalidInput):
        lines = [f"• {name_of(key)}: {text}" for key, text in error.fields.items()]
        return "\n".join(
            [QCoreApplication.translate("DemocracyDialogs", "Перевірте введені дані:"), *lines]
        )
    return describe(error)


def error_label() -> QLabel:
    label_ = plain_label()
    label_.setObjectName("dialog-error")
    label_.setStyleSheet(ERROR_STYLE)
    return label_


# --- the survey editor ----------------------------------------------------------------------------


class SurveyEditor(QDialog):
    """A new survey, or a draft's fields and questions; saved through core on OK."""

    saved = Signal(object)  # the saved Survey

    def __init__(self, backend, survey: Survey | None = None, parent=None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.survey_id = survey.id if survey is not None else None
        self.version = survey.version if survey is not None else None
        self.setObjectName("survey-editor")
        self.setWindowTitle(
            self.tr("Нове опитування")
            if survey is None
            else self.tr("Чернетка опитування №{id}").format(id=survey.id)
        )
        self.resize(980, 680)
        self.questions: list[dict[str, Any]] = (
            [
                {
                    "text": q.text,
                    "kind": q.kind,
                    "required": q.required,
                    "options": [o.text for o in q.options],
                }
                for q in survey.questions
            ]
            if survey is not None
            else []
        )
        self._options_row: int | None = None
        self._build(survey)
        self._render_questions(0 if self.questions else None)

    # --- building -----------------------------------------------------------------------------
    def _build(self, survey: Survey | None) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.title = QLineEdit(survey.title if survey else "")
        self.title.setObjectName("survey-title")
        self.title.setMaxLength(democracy.TITLE_MAX)
        form.addRow(self.tr("Назва:"), self.title)
        self.description = QPlainTextEdit(survey.description if survey else "")
        self.description.setObjectName("survey-description")
        self.description.setFixedHeight(80)
        form.addRow(self.tr("Опис:"), self.description)
        opens = survey.opens_at if survey else _next_hour(utcnow())
        closes = survey.closes_at if survey else opens + timedelta(days=14)
        self.opens_at = datetime_edit(opens)
        self.opens_at.setObjectName("survey-opens")
        self.closes_at = datetime_edit(closes)
        self.closes_at.setObjectName("survey-closes")
        window = QHBoxLayout()
        window.addWidget(self.opens_at)
        window.addWidget(QLabel("—"))
        window.addWidget(self.closes_at)
        window.addWidget(QLabel(self.tr("(київський час)")))
        window.addStretch(1)
        form.addRow(self.tr("Голосування:"), window)
        self.visibility = QComboBox()
        self.visibility.setObjectName("survey-visibility")
        for value in ResultsVisibility:
            self.visibility.addItem(label(RESULTS_VISIBILITY, value.value), value.value)
        current = survey.results_visibility if survey else ResultsVisibility.AFTER_CLOSE.value
        self.visibility.setCurrentIndex(self.visibility.findData(current))
        form.addRow(self.tr("Результати для мешканців:"), self.visibility)
        layout.addLayout(form)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_questions())
        splitter.addWidget(self._build_options())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

        self.error = error_label()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Зберегти"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Скасувати"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _build_questions(self) -> QWidget:
        box = QGroupBox(self.tr("Питання"))
        layout = QVBoxLayout(box)
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("survey-questions")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Текст питання"), self.tr("Тип"), self.tr("Обов'язкове")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(30)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 150)
        header.resizeSection(2, 100)
        self.table.itemChanged.connect(self._question_edited)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_options(row))
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_question_button = self._button(
            buttons, self.tr("Додати питання"), "question-add", self.add_question
        )
        self._button(buttons, self.tr("Видалити"), "question-remove", self.remove_question)
        self._button(buttons, self.tr("Вгору"), "question-up", lambda: self.move_question(-1))
        self._button(buttons, self.tr("Вниз"), "question-down", lambda: self.move_question(1))
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return box

    def _build_options(self) -> QWidget:
        self.options_box = QGroupBox(self.tr("Варіанти відповіді"))
        layout = QVBoxLayout(self.options_box)
        self.options_hint = plain_label()
        layout.addWidget(self.options_hint)
        self.options = QListWidget()
        self.options.setObjectName("survey-options")
        self.options.itemChanged.connect(lambda _item: self._store_options())
        layout.addWidget(self.options)
        buttons = QHBoxLayout()
        self._button(buttons, self.tr("Додати варіант"), "option-add", self.add_option)
        self._button(buttons, self.tr("Видалити"), "option-remove", self.remove_option)
        self._button(buttons, self.tr("Вгору"), "option-up", lambda: self.move_option(-1))
        self._button(buttons, self.tr("Вниз"), "option-down", lambda: self.move_option(1))
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return self.options_box

    @staticmethod
    def _button(layout: QHBoxLayout, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: slot())
        layout.addWidget(button)
        return button

    # --- the questions table ------------------------------------------------------------------
    def _render_questions(self, select: int | None) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.questions))
        for row, question in enumerate(self.questions):
            text = QTableWidgetItem(question["text"])
            self.table.setItem(row, 0, text)
            kind = QComboBox()
            kind.setObjectName(f"question-kind-{row}")
            for value in QuestionKind:
                kind.addItem(label(QUESTION_KINDS, value.value), value.value)
            kind.setCurrentIndex(kind.findData(question["kind"]))
            kind.currentIndexChanged.connect(
                lambda _index, r=row, combo=kind: self._kind_changed(r, combo.currentData())
            )
            self.table.setCellWidget(row, 1, kind)
            required = QTableWidgetItem()
            required.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            required.setCheckState(
                Qt.CheckState.Checked if question["required"] else Qt.CheckState.Unchecked
            )
            self.table.setItem(row, 2, required)
        self.table.blockSignals(False)
        self._options_row = None
        if select is not None and 0 <= select < len(self.questions):
            self.table.setCurrentCell(select, 0)
            self._show_options(select)
        else:
            self._show_options(-1)

    def _question_edited(self, item: QTableWidgetItem) -> None:
        row = item.row()
        if not 0 <= row < len(self.questions):
            return
        if item.column() == 0:
            self.questions[row]["text"] = item.text()
        elif item.column() == 2:
            self.questions[row]["required"] = item.checkState() == Qt.CheckState.Checked

    def _kind_changed(self, row: int, kind: str) -> None:
        if 0 <= row < len(self.questions):
            self.questions[row]["kind"] = kind
            if row == self._options_row:
                self._show_options(row)

    def current_question(self) -> int | None:
        row = self.table.currentRow()
        return row if 0 <= row < len(self.questions) else None

    def add_question(self) -> None:
        self.questions.append(
            {"text": "", "kind": QuestionKind.SINGLE.value, "required": True, "options": []}
        )
        self._render_questions(len(self.questions) - 1)
        self.table.editItem(self.table.item(len(self.questions) - 1, 0))

    def remove_question(self) -> None:
        row = self.current_question()
        if row is None:
            return
        del self.questions[row]
        self._render_questions(min(row, len(self.questions) - 1))

    def move_question(self, step: int) -> None:
        row = self.current_question()
        if row is None or not 0 <= row + step < len(self.questions):
            return
        self.questions[row], self.questions[row + step] = (
            self.questions[row + step],
            self.questions[row],
        )
        self._render_questions(row + step)

    # --- the options of the selected question ---------------------------------------------------
    def _show_options(self, row: int) -> None:
        self.options.blockSignals(True)
        self.options.clear()
        self._options_row = row if 0 <= row < len(self.questions) else None
        question = self.questions[row] if self._options_row is not None else None
        if question is None:
            self.options_hint.setText(self.tr("Виберіть питання ліворуч."))
            self.options_box.setEnabled(False)
        elif question["kind"] == QuestionKind.TEXT:
            self.options_hint.setText(self.tr("Питання з відповіддю текстом не має варіантів."))
            self.options_box.setEnabled(False)
        else:
            self.options_hint.setText(
                self.tr(
                    "Питання {n}: щонайменше два варіанти; двічі клацніть, щоб змінити."
                ).format(n=row + 1)
            )
            self.options_box.setEnabled(True)
            for text in question["options"]:
                self.options.addItem(self._option_item(text))
        self.options.blockSignals(False)

    @staticmethod
    def _option_item(text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        return item

    def _store_options(self) -> None:
        if self._options_row is None:
            return
        self.questions[self._options_row]["options"] = [
            self.options.item(i).text() for i in range(self.options.count())
        ]

    def add_option(self) -> None:
        if self._options_row is None:
            return
        item = self._option_item(self.tr("Варіант {n}").format(n=self.options.count() + 1))
        self.options.addItem(item)
        self.options.setCurrentItem(item)
        self._store_options()
        self.options.editItem(item)

    def remove_option(self) -> None:
        row = self.options.currentRow()
        if self._options_row is None or row < 0:
            return
        self.options.takeItem(row)
        self._store_options()

    def move_option(self, step: int) -> None:
        row = self.options.currentRow()
        if self._options_row is None or not 0 <= row + step < self.options.count() or row < 0:
            return
        item = self.options.takeItem(row)
        self.options.insertItem(row + step, item)
        self.options.setCurrentRow(row + step)
        self._store_options()

    # --- saving -------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """The survey as core's ``create_survey`` / ``update_survey`` take it."""
        return {
            "title": self.title.text(),
            "description": self.description.toPlainText(),
            "opens_at": from_qdatetime(self.opens_at.dateTime()),
            "closes_at": from_qdatetime(self.closes_at.dateTime()),
            "results_visibility": self.visibility.currentData(),
            "questions": [
                {
                    "text": q["text"],
                    "kind": q["kind"],
                    "required": q["required"],
                    "options": [] if q["kind"] == QuestionKind.TEXT else list(q["options"]),
                }
                for q in self.questions
            ],
        }

    def save(self) -> None:
        values = self.values()
        actor = self.backend.actor
        survey_id, version = self.survey_id, self.version
        if survey_id is None:

            def op(session):
                return democracy.create_survey(session, actor, **values)
        else:

            def op(session):
                return democracy.update_survey(
                    session, actor, survey_id, **values, expected_version=version
                )

        self.buttons.setEnabled(False)
        self.error.setText("")
        run_in_background(self.backend, op, self._saved, self._failed, owner=self)

    def _saved(self, survey: Survey) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit(survey)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(errors_text(error))


# --- results --------------------------------------------------------------------------------------


def text_bar(share: float, width: int = BAR_WIDTH) -> str:
    filled = round(max(0.0, min(1.0, share)) * width)
    return "█" * filled + "░" * (width - filled)


def _fit(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def results_text(title: str, results: democracy.SurveyResults) -> str:
    """The results as plain text: per question, per option a count, a share and a bar."""
    lines = [
        title,
        QCoreApplication.translate("DemocracyDialogs", "Бюлетенів: {n}").format(n=results.ballots),
        "",
    ]
    for number, question in enumerate(results.questions, start=1):
        lines.append(f"{number}. {question.text}")
        lines.append(
            "   "
            + QCoreApplication.translate("DemocracyDialogs", "Тип: {kind}; відповіли: {n}").format(
                kind=label(QUESTION_KINDS, question.kind), n=question.answered
            )
        )
        if question.kind == QuestionKind.TEXT:
            lines.append(
                "   "
                + QCoreApplication.translate("DemocracyDialogs", "Відповідей текстом: {n}").format(
                    n=question.text_answers
                )
            )
        width = min(OPTION_WIDTH, max((len(o.text) for o in question.options), default=0))
        for option in question.options:
            lines.append(
                f"   {_fit(option.text, width):<{width}}  {text_bar(option.share)}"
                f" {option.share * 100:5.1f}%  {option.count}"
            )
        lines.append("")
    if any(q.kind == QuestionKind.MULTIPLE for q in results.questions):
        lines.append(
            QCoreApplication.translate(
                "DemocracyDialogs", "Частки — від тих, хто відповів на питання."
            )
        )
        lines.append(
            QCoreApplication.translate(
                "DemocracyDialogs", "Для кількох варіантів сума часток може перевищувати 100%."
            )
        )
    return "\n".join(lines)


class ResultsDialog(QDialog):
    def __init__(self, title: str, results: democracy.SurveyResults, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("survey-results")
        self.setWindowTitle(self.tr("Результати опитування"))
        self.resize(860, 560)
        layout = QVBoxLayout(self)
        self.text = QPlainTextEdit()
        self.text.setObjectName("results-text")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setPlainText(results_text(title, results))
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Закрити"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


# --- a paper ballot at the ЦНАП desk --------------------------------------------------------------


class PaperBallotDialog(QDialog):
    """The clerk finds the resident, marks their answers from the paper, and records it."""

    recorded = Signal(object)  # the Ballot
    voterChecked = Signal(bool)  # whether the chosen person has voted already

    def __init__(self, backend, survey: Survey, parent=None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.survey = survey
        self.voter: dict[str, Any] | None = None
        self.already_voted = False
        self._search_generation = 0
        self.setObjectName("paper-ballot")
        self.setWindowTitle(self.tr("Паперовий бюлетень"))
        self.resize(760, 720)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(survey.title))

        person = QGroupBox(self.tr("Мешканець"))
        person_layout = QVBoxLayout(person)
        self.search = QLineEdit()
        self.search.setObjectName("ballot-person-search")
        self.search.setPlaceholderText(self.tr("Пошук: ім'я, e-mail, телефон або РНОКПП"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(100)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.find_people)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        person_layout.addWidget(self.search)
        self.found = QListWidget()
        self.found.setObjectName("ballot-people")
        self.found.setMaximumHeight(130)
        self.found.currentItemChanged.connect(lambda item, _prev: self._choose(item))
        person_layout.addWidget(self.found)
        self.chosen = plain_label(self.tr("Мешканця не вибрано."))
        self.chosen.setObjectName("ballot-chosen")
        person_layout.addWidget(self.chosen)
        layout.addWidget(person)

        self.answers: dict[int, Any] = {}  # question id -> QButtonGroup / checkboxes / editor
        body = QWidget()
        body_layout = QVBoxLayout(body)
        for number, question in enumerate(survey.questions, start=1):
            body_layout.addWidget(self._question_box(number, question))
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)

        self.error = error_label()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Зарахувати бюлетень"))
        self.ok.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Скасувати"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _question_box(self, number: int, question) -> QGroupBox:
        mark = " *" if question.required else ""
        box = QGroupBox(f"{number}. {question.text}{mark}")
        box.setObjectName(f"ballot-question-{question.id}")
        layout = QVBoxLayout(box)
        if question.kind == QuestionKind.TEXT:
            editor = QPlainTextEdit()
            editor.setFixedHeight(70)
            self.answers[question.id] = editor
            layout.addWidget(editor)
        elif question.kind == QuestionKind.SINGLE:
            group = QButtonGroup(box)
            group.setExclusive(True)
            for option in question.options:
                button = QRadioButton(option.text)
                group.addButton(button, option.id)
                layout.addWidget(button)
            self.answers[question.id] = group
        else:
            boxes = []
            for option in question.options:
                check = QCheckBox(option.text)
                check.setProperty("option_id", option.id)
                boxes.append(check)
                layout.addWidget(check)
            self.answers[question.id] = boxes
        return box

    # --- the person -----------------------------------------------------------------------------
    def find_people(self) -> None:
        text = self.search.text().strip()
        self._search_generation += 1
        generation = self._search_generation
        if not text:
            self.found.clear()
            return
        actor = self.backend.actor
        request = ListRequest(
            sort="full_name", limit=PEOPLE_SHOWN, search=text, filters={"kind": "resident"}
        )

        def shown(rows) -> None:
            if generation != self._search_generation:
                return  # an older search
            self.found.clear()
            for row in rows:
                parts = [row["full_name"], row["email"], row.get("phone")]
                item = QListWidgetItem(" · ".join(p for p in parts if p))
                item.setData(Qt.ItemDataRole.UserRole, row)
                self.found.addItem(item)
            if not rows:
                self.found.addItem(self.tr("Нікого не знайдено."))

        run_in_background(
            self.backend,
            lambda session: people.user_rows(session, actor, request),
            shown,
            lambda error: self.error.setText(describe(error)),
            owner=self,
        )

    def _choose(self, item: QListWidgetItem | None) -> None:
        row = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if row is None:
            return
        self.voter = row
        self.already_voted = False
        self.chosen.setText(self.tr("Вибрано: {name}").format(name=row["full_name"]))
        self.chosen.setStyleSheet("")
        self.ok.setEnabled(False)
        self.error.setText("")
        actor, survey_id, voter_id = self.backend.actor, self.survey.id, row["id"]

        def checked(voted: bool) -> None:
            if self.voter is None or self.voter["id"] != voter_id:
                return  # the clerk chose someone else meanwhile
            self.already_voted = voted
            if voted:
                self.chosen.setText(
                    self.tr("{name} вже проголосував(ла) в цьому опитуванні.").format(
                        name=row["full_name"]
                    )
                )
                self.chosen.setStyleSheet(ERROR_STYLE)
            self.ok.setEnabled(not voted)
            self.voterChecked.emit(voted)

        run_in_background(
            self.backend,
            lambda session: democracy.person_has_voted(session, actor, survey_id, voter_id),
            checked,
            lambda error: self.error.setText(describe(error)),
            owner=self,
        )

    # --- the answers ----------------------------------------------------------------------------
    def answer_values(self) -> dict[int, Any]:
        values: dict[int, Any] = {}
        for question_id, widget in self.answers.items():
            if isinstance(widget, QPlainTextEdit):
                text = widget.toPlainText().strip()
                if text:
                    values[question_id] = text
            elif isinstance(widget, QButtonGroup):
                if widget.checkedId() != -1:
                    values[question_id] = widget.checkedId()
            else:
                chosen = [int(b.property("option_id")) for b in widget if b.isChecked()]
                if chosen:
                    values[question_id] = chosen
        return values

    def _field_title(self, key: str) -> str:
        match = re.fullmatch(r"answers\.(\d+)", key)
        if match:
            for number, question in enumerate(self.survey.questions, start=1):
                if question.id == int(match.group(1)):
                    return self.tr("Питання {n}").format(n=number)
        return field_title(key)

    def submit(self) -> None:
        if self.voter is None:
            self.error.setText(self.tr("Спочатку знайдіть і виберіть мешканця."))
            return
        actor, survey_id, voter_id = self.backend.actor, self.survey.id, self.voter["id"]
        answers = self.answer_values()
        self.ok.setEnabled(False)
        self.error.setText("")
        run_in_background(
            self.backend,
            lambda session: democracy.record_paper_ballot(
                session, actor, survey_id, voter_id, answers
            ),
            self._recorded,
            self._failed,
            owner=self,
        )

    def _recorded(self, ballot) -> None:
        self.recorded.emit(ballot)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.error.setText(errors_text(error, self._field_title))
        if getattr(error, "code", None) == "already_voted":
            self.already_voted = True
            return  # this person cannot vote again: OK stays off until another is chosen
        self.ok.setEnabled(True)
