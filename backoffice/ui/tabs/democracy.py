"""Surveys and discussions: the surveys list with its lifecycle, results and paper ballots, and
the comment moderation queue (A approves, R rejects the selected comment).

Two lists, each a ``ListPanel``, inside one tab; ``Panel`` keeps the main window's contract
(``changed``, ``start()``, ``refresh()``, ``save_layout()``) and forwards to them.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from backoffice.core import democracy
from backoffice.core.permissions import Perm, can
from backoffice.models import CommentStatus, QuestionKind, SurveyStatus
from backoffice.ui.dialogs.democracy import (
    PaperBallotDialog,
    ResultsDialog,
    SurveyEditor,
)
from backoffice.ui.labels import (
    COMMENT_STATUSES,
    QUESTION_KINDS,
    RESULTS_VISIBILITY,
    SURVEY_STATUSES,
    label,
)
from backoffice.ui.listmodel import Column, Row
from backoffice.ui.listpanel import ListPanel
from backoffice.ui.messages import show_error
from backoffice.ui.tasks import run_in_background
from backoffice.ui.widgets import ActionBar, FieldsView, ask_text, local_time, plain_label

NOTICE_STYLE = "color: #1b7f3b"


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Asks before a step that cannot be undone."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def tooltip_html(text: str) -> str:
    """A tooltip that shows ``text`` as typed (Qt would read tags in a plain tooltip)."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"


class PlainToolTips(QObject):
    """Shows a table's tooltips as plain text: residents' words are never markup."""

    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            index = self.view.indexAt(event.pos())
            text = index.data(Qt.ItemDataRole.ToolTipRole) if index.isValid() else None
            if text:
                QToolTip.showText(event.globalPos(), tooltip_html(str(text)), self.view.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().eventFilter(watched, event)


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


# --- surveys --------------------------------------------------------------------------------------


class SurveyList(ListPanel):
    name = "democracy-surveys"
    default_sort = "id"
    default_descending = True

    def __init__(self, backend, parent=None) -> None:
        self.search_hint = self.tr("Пошук за назвою опитування")
        super().__init__(backend, parent)
        self.detail: democracy.SurveyDetail | None = None
        self.dialog: QWidget | None = None  # the last dialog opened (tests look at it)
        PlainToolTips(self.table)

    def columns(self) -> list[Column]:
        return [
            Column("id", self.tr("№"), sortable=True, align_right=True, width=50),
            Column("title", self.tr("Назва"), sortable=True, width=250),
            Column(
                "status",
                self.tr("Стан"),
                format=lambda r: label(SURVEY_STATUSES, r["status"]),
                width=90,
            ),
            Column(
                "opens_at",
                self.tr("Початок"),
                format=lambda r: local_time(r["opens_at"]),
                sortable=True,
                width=120,
            ),
            Column(
                "closes_at",
                self.tr("Завершення"),
                format=lambda r: local_time(r["closes_at"]),
                width=120,
            ),
            Column("ballots", self.tr("Бюлетенів"), align_right=True, width=80),
            Column(
                "results_visibility",
                self.tr("Результати"),
                format=lambda r: label(RESULTS_VISIBILITY, r["results_visibility"]),
                width=130,
            ),
        ]

    def fetch(self, session, actor, request):
        return democracy.survey_rows(session, actor, request)

    def count(self, session, actor, request):
        return democracy.survey_count(session, actor, request)

    def row_colour(self, row):
        if row["status"] == SurveyStatus.DRAFT:
            return QColor("#fff8e1")
        if row["status"] == SurveyStatus.ARCHIVED:
            return QColor("#eeeeee")
        return None

    # --- filters ------------------------------------------------------------------------------
    def build_filters(self, bar: QHBoxLayout) -> None:
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("surveys-status")
        self.status_filter.addItem(self.tr("Усі стани"), None)
        for status in SurveyStatus:
            self.status_filter.addItem(label(SURVEY_STATUSES, status.value), status.value)
        self.status_filter.currentIndexChanged.connect(self.apply)
        bar.addWidget(self.status_filter)
        self.new_button = QPushButton(self.tr("Нове опитування…"))
        self.new_button.setObjectName("survey-new")
        self.new_button.clicked.connect(lambda _checked=False: self.new_survey())
        # A button not on an item: shown to whoever may create surveys at all.
        self.new_button.setVisible(can(self.backend.actor, Perm.SURVEY_MANAGE))
        bar.addWidget(self.new_button)

    def current_filters(self) -> dict:
        status = self.status_filter.currentData()
        return {"status": status} if status else {}

    # --- detail -------------------------------------------------------------------------------
    def build_detail(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        self.fields = FieldsView(
            [
                ("title", self.tr("Назва:")),
                ("status", self.tr("Стан:")),
                ("window", self.tr("Голосування:")),
                ("ballots", self.tr("Бюлетенів:")),
                ("visibility", self.tr("Результати для мешканців:")),
                ("description", self.tr("Опис:")),
            ]
        )
        layout.addWidget(self.fields)
        self.questions_view = plain_label()
        self.questions_view.setObjectName("survey-questions-view")
        layout.addWidget(self.questions_view)
        self.actions = ActionBar(
            [
                ("edit", self.tr("Редагувати…")),
                ("publish", self.tr("Опублікувати")),
                ("close", self.tr("Завершити")),
                ("archive", self.tr("В архів")),
                ("view_results", self.tr("Результати…")),
                ("record_paper_ballot", self.tr("Паперовий бюлетень…")),
            ],
            self.perform,
        )
        layout.addWidget(self.actions)
        self.notice = plain_label()
        self.notice.setObjectName("survey-notice")
        self.notice.setStyleSheet(NOTICE_STYLE)
        layout.addWidget(self.notice)
        layout.addStretch(1)
        return box

    def show_row(self, row: Row | None) -> None:
        self.detail = None
        if row is None:
            self.fields.show_values({})
            self.questions_view.setText("")
            self.actions.show_available([])
            return
        survey_id = row["id"]
        self.load_detail_of(
            survey_id,
            lambda session, actor: democracy.survey_detail(session, actor, survey_id),
            self._show_detail,
        )

    def _show_detail(self, detail: democracy.SurveyDetail) -> None:
        survey = detail.survey
        self.detail = detail
        self.fields.show_values(
            {
                "title": survey.title,
                "status": label(SURVEY_STATUSES, survey.status),
                "window": self.tr("{opens} — {closes} (київський час)").format(
                    opens=local_time(survey.opens_at), closes=local_time(survey.closes_at)
                ),
                "ballots": str(detail.ballots),
                "visibility": label(RESULTS_VISIBILITY, survey.results_visibility),
                "description": survey.description,
            }
        )
        self.questions_view.setText(self._questions_text(survey))
        self.actions.show_available(detail.actions)

    def _questions_text(self, survey) -> str:
        if not survey.questions:
            return self.tr("Питань ще немає.")
        lines = [self.tr("Питання:")]
        for number, question in enumerate(survey.questions, start=1):
            kind = label(QUESTION_KINDS, question.kind)
            required = self.tr("обов'язкове") if question.required else self.tr("необов'язкове")
            lines.append(f"{number}. {question.text} ({kind}, {required})")
            if question.kind != QuestionKind.TEXT:
                lines += [f"    • {option.text}" for option in question.options]
        return "\n".join(lines)

    # --- actions ------------------------------------------------------------------------------
    def new_survey(self) -> SurveyEditor:
        editor = SurveyEditor(self.backend, None, self)
        editor.saved.connect(self._survey_saved)
        self._open(editor)
        return editor

    def perform(self, action: str) -> None:
        detail = self.detail
        if detail is None:
            return
        survey = detail.survey
        actor = self.backend.actor
        self.notice.setText("")
        if action == "edit":
            editor = SurveyEditor(self.backend, survey, self)
            editor.saved.connect(self._survey_saved)
            self._open(editor)
        elif action in ("publish", "close", "archive"):
            moves = {
                "publish": (
                    democracy.publish_survey,
                    self.tr(
                        "Опублікувати опитування «{title}»? Після цього його не можна буде змінити."
                    ),
                ),
                "close": (
                    democracy.close_survey,
                    self.tr("Завершити голосування в опитуванні «{title}»?"),
                ),
                "archive": (
                    democracy.archive_survey,
                    self.tr("Перенести опитування «{title}» в архів?"),
                ),
            }
            move, question = moves[action]
            if not confirm(self, self.tr("Опитування"), question.format(title=survey.title)):
                return
            self._change(lambda s: move(s, actor, survey.id, expected_version=survey.version))
        elif action == "view_results":
            title = survey.title
            run_in_background(
                self.backend,
                lambda session: democracy.results(session, actor, survey.id),
                lambda results: self._open(ResultsDialog(title, results, self)),
                lambda error: show_error(self, error),
                owner=self,
            )
        elif action == "record_paper_ballot":
            dialog = PaperBallotDialog(self.backend, survey, self)
            dialog.recorded.connect(self._ballot_recorded)
            self._open(dialog)

    def _open(self, dialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _change(self, op) -> None:
        self.actions.set_busy(True)
        run_in_background(self.backend, op, self._changed, self._change_failed, owner=self)

    def _changed(self, survey) -> None:
        self.actions.set_busy(False)
        self.refresh(keep_id=survey.id)
        self.changed.emit()

    def _change_failed(self, error) -> None:
        self.actions.set_busy(False)
        show_error(self, error)
        self.refresh()  # a conflict: show the survey as it is now

    def _survey_saved(self, survey) -> None:
        self.notice.setText(self.tr("Опитування збережено."))
        self.refresh(keep_id=survey.id)
        self.changed.emit()

    def _ballot_recorded(self, ballot) -> None:
        self.refresh(keep_id=ballot.survey_id)
        self.notice.setText(self.tr("Паперовий бюлетень зараховано."))
        self.changed.emit()


# --- comment moderation ---------------------------------------------------------------------------


class CommentQueue(ListPanel):
    name = "democracy-comments"
    default_sort = "created_at"

    def __init__(self, backend, parent=None) -> None:
        self.search_hint = self.tr("Пошук у тексті коментаря або за автором")
        super().__init__(backend, parent)
        self._choices_loaded = False
        self._applied = False
        PlainToolTips(self.table)
        # Fast moderation from the list: A approves, R rejects the selected comment.
        self.approve_shortcut = QShortcut(
            QKeySequence(Qt.Key.Key_A),
            self.table,
            context=Qt.ShortcutContext.WidgetShortcut,
            activated=lambda: self.perform("approve"),
        )
        self.reject_shortcut = QShortcut(
            QKeySequence(Qt.Key.Key_R),
            self.table,
            context=Qt.ShortcutContext.WidgetShortcut,
            activated=lambda: self.perform("reject"),
        )

    def columns(self) -> list[Column]:
        return [
            Column(
                "created_at",
                self.tr("Надійшов"),
                format=lambda r: local_time(r["created_at"]),
                sortable=True,
                width=120,
            ),
            Column("discussion", self.tr("Обговорення"), width=170),
            Column("author", self.tr("Автор"), width=170),
            Column(
                "status",
                self.tr("Стан"),
                format=lambda r: label(COMMENT_STATUSES, r["status"]),
                width=100,
            ),
            Column("text", self.tr("Коментар"), format=lambda r: _one_line(r["text"]), width=360),
        ]

    def fetch(self, session, actor, request):
        return democracy.comment_rows(session, actor, request)

    def count(self, session, actor, request):
        return democracy.comment_count(session, actor, request)

    def row_colour(self, row):
        if row["status"] == CommentStatus.REJECTED:
            return QColor("#fde7e9")
        return None

    # --- filters ------------------------------------------------------------------------------
    def build_filters(self, bar: QHBoxLayout) -> None:
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("comments-status")
        for status in CommentStatus:
            self.status_filter.addItem(label(COMMENT_STATUSES, status.value), status.value)
        self.status_filter.addItem(self.tr("Усі коментарі"), None)
        self.status_filter.setCurrentIndex(0)  # the queue: pending first
        self.discussion_filter = QComboBox()
        self.discussion_filter.setObjectName("comments-discussion")
        self.discussion_filter.addItem(self.tr("Усі обговорення"), None)
        self.discussion_filter.setMinimumContentsLength(24)
        self.discussion_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        for combo in (self.status_filter, self.discussion_filter):
            combo.currentIndexChanged.connect(self.apply)
            bar.addWidget(combo)

    def current_filters(self) -> dict:
        filters = {}
        if self.status_filter.currentData() is not None:
            filters["status"] = self.status_filter.currentData()
        if self.discussion_filter.currentData() is not None:
            filters["discussion_id"] = self.discussion_filter.currentData()
        return filters

    def start(self) -> None:
        if not self._applied:
            # Switching sorting on while the table was built already fetched a window without
            # the queue's filters: the first start always asks again, for pending comments.
            self._applied = True
            self.apply()
        else:
            super().start()
        if not self._choices_loaded:
            self._load_discussions()

    def _load_discussions(self) -> None:
        actor = self.backend.actor
        run_in_background(
            self.backend,
            lambda session: democracy.discussion_choices(session, actor),
            self._show_discussions,
            lambda error: None,  # the filter stays at "all"; the list says what went wrong
            owner=self,
        )

    def _show_discussions(self, choices: list[tuple[int, str]]) -> None:
        self._choices_loaded = True
        chosen = self.discussion_filter.currentData()
        self.discussion_filter.blockSignals(True)
        while self.discussion_filter.count() > 1:
            self.discussion_filter.removeItem(1)
        for discussion_id, title in choices:
            self.discussion_filter.addItem(_one_line(title), discussion_id)
        position = self.discussion_filter.findData(chosen)
        self.discussion_filter.setCurrentIndex(max(position, 0))
        self.discussion_filter.blockSignals(False)

    # --- detail -------------------------------------------------------------------------------
    def build_detail(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        self.fields = FieldsView(
            [
                ("discussion", self.tr("Обговорення:")),
                ("author", self.tr("Автор:")),
                ("created_at", self.tr("Надійшов:")),
                ("status", self.tr("Стан:")),
                ("moderator", self.tr("Модератор:")),
                ("reason", self.tr("Причина відхилення:")),
            ]
        )
        layout.addWidget(self.fields)
        self.text_view = plain_label()  # what the resident wrote, never markup
        self.text_view.setObjectName("comment-text")
        self.text_view.setFrameShape(QFrame.Shape.StyledPanel)
        self.text_view.setMargin(8)
        self.text_view.setMinimumHeight(60)
        self.text_view.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.text_view)
        self.actions = ActionBar(
            [
                ("approve", self.tr("Схвалити (A)")),
                ("reject", self.tr("Відхилити… (R)")),
            ],
            self.perform,
        )
        layout.addWidget(self.actions)
        layout.addWidget(
            plain_label(self.tr("У списку: A — схвалити, R — відхилити вибраний коментар."))
        )
        layout.addStretch(1)
        return box

    def show_row(self, row: Row | None) -> None:
        if row is None:
            self.fields.show_values({})
            self.text_view.setText("")
            self.actions.show_available([])
            return
        self.fields.show_values(
            {
                "discussion": row["discussion"],
                "author": row["author"],
                "created_at": local_time(row["created_at"]),
                "status": label(COMMENT_STATUSES, row["status"]),
                "moderator": row["moderator"],
                "reason": row["rejection_reason"],
            }
        )
        self.text_view.setText(row["text"])
        self.actions.show_available(row["actions"])

    # --- moderation ---------------------------------------------------------------------------
    def perform(self, action: str) -> None:
        row = self.selected
        if row is None or action not in row["actions"] or self.model.loading:
            return
        actor = self.backend.actor
        comment_id, version = row["id"], row["version"]
        if action == "approve":

            def op(session):
                return democracy.approve_comment(
                    session, actor, comment_id, expected_version=version
                )
        else:
            reason = ask_text(
                self,
                self.tr("Відхилити коментар"),
                self.tr("Причина відхилення (її отримає автор):"),
                max_length=democracy.REASON_MAX,
            )
            if reason is None:
                return

            def op(session):
                return democracy.reject_comment(
                    session, actor, comment_id, reason, expected_version=version
                )

        next_id = self._neighbour_id(comment_id)
        self.actions.set_busy(True)
        run_in_background(
            self.backend,
            op,
            lambda comment: self._moderated(comment, next_id),
            self._moderation_failed,
            owner=self,
        )

    def _neighbour_id(self, comment_id: int) -> int | None:
        """The comment to select once this one leaves the queue: the next, else the one before."""
        position = self.model.position_of(comment_id)
        if position is None:
            return None
        for neighbour in (position + 1, position - 1):
            row = self.model.row_at(neighbour)
            if row is not None:
                return row["id"]
        return None

    def _moderated(self, comment, next_id: int | None) -> None:
        self.actions.set_busy(False)
        still_listed = self.status_filter.currentData() in (None, comment.status)
        self.refresh(keep_id=comment.id if still_listed else next_id)
        self.table.setFocus()
        self.changed.emit()

    def _moderation_failed(self, error) -> None:
        self.actions.set_busy(False)
        show_error(self, error)
        self.refresh()  # a conflict: show the queue as it is now


# --- the tab --------------------------------------------------------------------------------------


class Panel(QWidget):
    """The "Опитування й обговорення" tab: surveys, and the comment queue for moderators."""

    name = "democracy"
    changed = Signal()

    def __init__(self, backend, parent=None) -> None:
        super().__init__(parent)
        self.backend = backend
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("democracy-tabs")
        self.tabs.setDocumentMode(True)
        self.surveys = SurveyList(backend, self)
        self.tabs.addTab(self.surveys, self.tr("Опитування"))
        self.comments: CommentQueue | None = None
        if can(backend.actor, Perm.COMMENT_MODERATE):
            self.comments = CommentQueue(backend, self)
            self.tabs.addTab(self.comments, self.tr("Модерація коментарів"))
        self.lists: list[ListPanel] = [p for p in (self.surveys, self.comments) if p is not None]
        self._started: set[str] = set()
        for panel in self.lists:
            panel.changed.connect(self.changed)
        self.tabs.currentChanged.connect(lambda _index: self.start())
        layout.addWidget(self.tabs)

    def current(self) -> ListPanel:
        return self.tabs.currentWidget()

    def start(self) -> None:
        panel = self.current()
        self._started.add(panel.name)
        panel.start()

    def refresh(self) -> None:
        """New work arrived (another desktop, the portal): reload what has been shown."""
        for panel in self.lists:
            if panel.name in self._started:
                panel.refresh()

    def save_layout(self) -> None:
        for panel in self.lists:
            panel.save_layout()
