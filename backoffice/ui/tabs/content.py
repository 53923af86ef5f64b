"""Portal content: the city's pages and news — a list, and an editor with a live preview."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from backoffice.core import content
from backoffice.core.errors import Conflict, InvalidInput, InvalidTransition, NotFound
from backoffice.ui.dialogs.content import MarkdownPreview, PreviewDialog
from backoffice.ui.labels import CONTENT_KINDS, label
from backoffice.ui.listmodel import Column
from backoffice.ui.listpanel import ListPanel, settings
from backoffice.ui.messages import describe, show_error
from backoffice.ui.tasks import run_in_background
from backoffice.ui.widgets import local_time, plain_label

PREVIEW_DELAY_MS = 250
ERROR_STYLE = "color: #b00020"

_CREATE = {"page": content.create_page, "news": content.create_news_item}
_UPDATE = {"page": content.update_page, "news": content.update_news_item}
_PUBLISH = {"page": content.publish_page, "news": content.publish_news_item}
_UNPUBLISH = {"page": content.unpublish_page, "news": content.unpublish_news_item}


@dataclass(frozen=True)
class ItemView:
    """What the editor holds of one item: a plain copy made in the worker's session."""

    kind: str
    id: int | None = None
    version: int | None = None
    slug: str = ""
    title: str = ""
    body: str = ""
    published: bool = False
    published_at: datetime | None = None
    updated_at: datetime | None = None
    actions: list[str] = field(default_factory=lambda: ["save"])


def _view(actor, kind: str, item) -> ItemView:
    return ItemView(
        kind=kind,
        id=item.id,
        version=item.version,
        slug=item.slug,
        title=item.title,
        body=item.body,
        published=item.published,
        published_at=item.published_at,
        updated_at=item.updated_at,
        actions=content.available_actions(actor, item),
    )


class Panel(ListPanel):
    name = "content"
    default_sort = "updated_at"
    default_descending = True

    def __init__(self, backend, parent=None) -> None:
        self.search_hint = self.tr("Пошук: заголовок або адреса")
        self.editing: ItemView | None = None
        self._load_token = 0
        super().__init__(backend, parent)
        if settings().value(f"lists/{self.name}/splitter") is None:
            self.splitter.setSizes([600, 800])  # the editor needs the room more than the list
        self._show_editor(None)

    # --- list ---------------------------------------------------------------------------------
    def columns(self) -> list[Column]:
        return [
            Column("id", self.tr("№"), sortable=True, align_right=True, width=44),
            Column("title", self.tr("Заголовок"), sortable=True, width=200),
            Column("slug", self.tr("Адреса"), width=110),
            Column("published", self.tr("Стан"), format=self._state_text, width=105),
            Column(
                "updated_at",
                self.tr("Змінено"),
                format=lambda r: local_time(r["updated_at"]),
                sortable=True,
                width=120,
            ),
        ]

    def fetch(self, session, actor, request):
        return content.content_rows(session, actor, request)

    def count(self, session, actor, request):
        return content.content_count(session, actor, request)

    def _state_text(self, row) -> str:
        return self.tr("опубліковано") if row["published"] else self.tr("чернетка")

    def build_filters(self, bar: QHBoxLayout) -> None:
        self.kind = QComboBox()
        self.kind.setObjectName("content-kind")
        self.kind.addItem(self.tr("Сторінки"), "page")
        self.kind.addItem(self.tr("Новини"), "news")
        self.published = QComboBox()
        self.published.setObjectName("content-published")
        for text, value in (
            (self.tr("Будь-який стан"), None),
            (self.tr("Опубліковані"), True),
            (self.tr("Чернетки"), False),
        ):
            self.published.addItem(text, value)
        for combo in (self.kind, self.published):
            combo.currentIndexChanged.connect(self.apply)
            bar.addWidget(combo)
        self.new_page_button = QPushButton(self.tr("Нова сторінка"))
        self.new_page_button.setObjectName("content-new-page")
        self.new_page_button.clicked.connect(lambda: self.new_item("page"))
        self.new_news_button = QPushButton(self.tr("Нова новина"))
        self.new_news_button.setObjectName("content-new-news")
        self.new_news_button.clicked.connect(lambda: self.new_item("news"))
        bar.addWidget(self.new_page_button)
        bar.addWidget(self.new_news_button)

    def current_filters(self) -> dict:
        filters = {"kind": self.kind.currentData()}
        if self.published.currentData() is not None:
            filters["published"] = self.published.currentData()
        return filters

    # --- editor -------------------------------------------------------------------------------
    def build_detail(self) -> QWidget:
        box = QWidget()
        box.setObjectName("content-editor")
        layout = QVBoxLayout(box)
        self.heading = plain_label()
        self.heading.setObjectName("content-heading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)

        form = QFormLayout()
        self.slug = QLineEdit()
        self.slug.setObjectName("content-slug")
        self.slug.setMaxLength(120)
        self.slug.setPlaceholderText(self.tr("наприклад: pro-misto"))
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("content-title")
        self.title_edit.setMaxLength(content.TITLE_MAX)
        self.errors: dict[str, QLabel] = {}
        for key in ("slug", "title", "body", "form"):
            error = plain_label()
            error.setObjectName(f"content-error-{key}")
            error.setStyleSheet(ERROR_STYLE)
            error.setVisible(False)
            self.errors[key] = error
        form.addRow(self.tr("Адреса:"), self.slug)
        form.addRow("", self.errors["slug"])
        form.addRow(self.tr("Заголовок:"), self.title_edit)
        form.addRow("", self.errors["title"])
        layout.addLayout(form)

        captions = QHBoxLayout()
        captions.addWidget(QLabel(self.tr("Текст (Markdown):")), 1)
        captions.addWidget(QLabel(self.tr("Попередній перегляд:")), 1)
        layout.addLayout(captions)
        self.body = QPlainTextEdit()
        self.body.setObjectName("content-body")
        self.body.setTabChangesFocus(True)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.TypeWriter)
        self.body.setFont(mono)
        self.preview = MarkdownPreview()
        self.preview.setObjectName("content-preview")
        body_split = QSplitter(Qt.Orientation.Horizontal)
        body_split.addWidget(self.body)
        body_split.addWidget(self.preview)
        body_split.setChildrenCollapsible(False)
        layout.addWidget(body_split, 1)
        layout.addWidget(self.errors["body"])
        layout.addWidget(self.errors["form"])

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Зберегти"))
        self.save_button.setObjectName("content-save")
        self.save_button.setToolTip(self.tr("Зберегти зміни (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.publish_button = QPushButton(self.tr("Опублікувати"))
        self.publish_button.setObjectName("content-publish")
        self.publish_button.clicked.connect(lambda: self.set_published(True))
        self.unpublish_button = QPushButton(self.tr("Зняти з публікації"))
        self.unpublish_button.setObjectName("content-unpublish")
        self.unpublish_button.clicked.connect(lambda: self.set_published(False))
        self.revert_button = QPushButton(self.tr("Скасувати зміни"))
        self.revert_button.setObjectName("content-revert")
        self.revert_button.clicked.connect(self.revert)
        self.preview_button = QPushButton(self.tr("Перегляд у вікні…"))
        self.preview_button.setObjectName("content-preview-window")
        self.preview_button.clicked.connect(self.open_preview)
        for button in (self.save_button, self.publish_button, self.unpublish_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.preview_button)
        layout.addLayout(buttons)

        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.update_preview)
        for editor in (self.slug, self.title_edit):
            editor.textChanged.connect(self._edited)
        self.body.textChanged.connect(self._edited)
        QShortcut(QKeySequence.StandardKey.Save, box, activated=self.save)
        self._busy = False
        return box

    def _fields(self) -> tuple[str, str, str]:
        return self.slug.text(), self.title_edit.text(), self.body.toPlainText()

    @property
    def dirty(self) -> bool:
        if self.editing is None:
            return False
        return self._fields() != (self.editing.slug, self.editing.title, self.editing.body)

    def _show_editor(self, item: ItemView | None) -> None:
        """Fill the editor with ``item`` (None: nothing to edit yet)."""
        self.editing = item
        self._clear_errors()
        for editor in (self.slug, self.title_edit, self.body):
            editor.blockSignals(True)
        self.slug.setText(item.slug if item else "")
        self.title_edit.setText(item.title if item else "")
        self.body.setPlainText(item.body if item else "")
        for editor in (self.slug, self.title_edit, self.body):
            editor.blockSignals(False)
        for editor in (self.slug, self.title_edit, self.body):
            editor.setEnabled(item is not None)
        self.heading.setText(self._heading_text(item))
        self.update_preview()
        self._update_buttons()

    def _heading_text(self, item: ItemView | None) -> str:
        if item is None:
            return self.tr("Виберіть сторінку чи новину в списку або створіть нову.")
        kind = label(CONTENT_KINDS, item.kind)
        if item.id is None:
            return self.tr("Нова {kind} (ще не збережена)").format(kind=kind)
        state = (
            self.tr("опубліковано {when}").format(when=local_time(item.published_at))
            if item.published
            else self.tr("чернетка")
        )
        return self.tr("{kind} №{id} · версія {version} · {state} · змінено {updated}").format(
            kind=kind.capitalize(),
            id=item.id,
            version=item.version,
            state=state,
            updated=local_time(item.updated_at),
        )

    def _update_buttons(self) -> None:
        item = self.editing
        actions = item.actions if item else []
        dirty = self.dirty
        unsaved = dirty or (item is not None and item.id is None)
        self.save_button.setEnabled(not self._busy and "save" in actions and unsaved)
        self.revert_button.setEnabled(not self._busy and item is not None and dirty)
        for button, action in (
            (self.publish_button, "publish"),
            (self.unpublish_button, "unpublish"),
        ):
            button.setVisible(action in actions)
            button.setEnabled(not self._busy and not dirty)
            button.setToolTip(self.tr("Спершу збережіть зміни.") if dirty else "")
        self.preview_button.setEnabled(item is not None)

    def _edited(self) -> None:
        self._preview_timer.start()
        self._update_buttons()

    def update_preview(self) -> None:
        self._preview_timer.stop()
        _slug, title, body = self._fields()
        self.preview.show_markdown(title, body)

    def open_preview(self) -> None:
        _slug, title, body = self._fields()
        PreviewDialog(title, body, self).open()

    def _clear_errors(self) -> None:
        for error in self.errors.values():
            error.clear()
            error.setVisible(False)

    def _show_field_error(self, key: str, text: str) -> None:
        target = self.errors.get(key, self.errors["form"])
        lines = [target.text(), text] if target.text() else [text]
        target.setText("\n".join(lines))
        target.setVisible(True)

    # --- choosing what to edit ----------------------------------------------------------------
    def _may_discard(self) -> bool:
        """Unsaved changes are dropped only when the person says so."""
        if not self.dirty:
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Незбережені зміни"),
            self.tr("У редакторі є незбережені зміни. Відкинути їх?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def show_row(self, row) -> None:
        if row is None:
            return  # a reload cleared the selection: the editor keeps what it edits
        same = (
            self.editing is not None
            and self.editing.id == row["id"]
            and self.editing.kind == row["kind"]
        )
        if same and self.dirty:
            return  # the list came back after a refresh: keep the person's edits
        if not same and not self._may_discard():
            return
        self.load(row["kind"], row["id"])

    def load(self, kind: str, item_id: int) -> None:
        """Read the item afresh into the editor."""
        self._load_token += 1
        token = self._load_token
        actor = self.backend.actor

        def op(session):
            return _view(actor, kind, content.content_item(session, actor, kind, item_id))

        def done(view: ItemView) -> None:
            if token == self._load_token:
                self._show_editor(view)

        run_in_background(self.backend, op, done, lambda e: show_error(self, e), owner=self)

    def new_item(self, kind: str) -> None:
        if not self._may_discard():
            return
        self._load_token += 1  # an item still on its way must not replace the new one
        self.table.setCurrentIndex(QModelIndex())  # clicking the old row opens it again
        self._show_editor(
            ItemView(kind=kind, actions=content.available_actions(self.backend.actor, None))
        )
        self.slug.setFocus()

    def revert(self) -> None:
        item = self.editing
        if item is None:
            return
        if item.id is None:
            self._show_editor(ItemView(kind=item.kind, actions=item.actions))
        else:
            self._show_editor(item)

    # --- changes ------------------------------------------------------------------------------
    def save(self) -> None:
        item = self.editing
        if item is None or self._busy or (item.id is not None and not self.dirty):
            return
        actor = self.backend.actor
        slug, title, body = self._fields()
        kind = item.kind
        if item.id is None:

            def op(session):
                return _view(actor, kind, _CREATE[kind](session, actor, slug, title, body))
        else:
            item_id, version = item.id, item.version

            def op(session):
                changed = _UPDATE[kind](
                    session, actor, item_id, slug, title, body, expected_version=version
                )
                return _view(actor, kind, changed)

        self._run(op)

    def set_published(self, published: bool) -> None:
        item = self.editing
        if item is None or item.id is None or self._busy or self.dirty:
            return
        actor = self.backend.actor
        change = (_PUBLISH if published else _UNPUBLISH)[item.kind]
        kind, item_id, version = item.kind, item.id, item.version

        def op(session):
            return _view(actor, kind, change(session, actor, item_id, expected_version=version))

        self._run(op)

    def _run(self, op) -> None:
        self._set_busy(True)
        self._clear_errors()
        self._load_token += 1
        run_in_background(self.backend, op, self._changed, self._change_failed, owner=self)

    def _set_busy(self, busy: bool) -> None:
        """While a change is on its way the fields are read-only: what comes back replaces them."""
        self._busy = busy
        for editor in (self.slug, self.title_edit, self.body):
            editor.setReadOnly(busy)
        self._update_buttons()

    def _changed(self, view: ItemView) -> None:
        self._set_busy(False)
        self._show_editor(view)
        if self.kind.currentData() != view.kind:
            self.kind.blockSignals(True)
            self.kind.setCurrentIndex(self.kind.findData(view.kind))
            self.kind.blockSignals(False)
        self.refresh(keep_id=view.id)
        self.changed.emit()

    def _change_failed(self, error: Exception) -> None:
        self._set_busy(False)
        item = self.editing
        if isinstance(error, InvalidInput):
            for key, text in error.fields.items():
                self._show_field_error(key if key in self.errors else "form", f"{text}")
            return
        if isinstance(error, Conflict) and error.code == "duplicate":
            self._show_field_error(error.details.get("field", "form"), describe(error))
            return
        show_error(self, error)
        if item is not None and item.id is not None:
            if isinstance(error, Conflict | InvalidTransition):
                # Someone else changed it meanwhile: show the item as it is now.
                self.load(item.kind, item.id)
                self.refresh(keep_id=item.id)
            elif isinstance(error, NotFound):
                self._show_editor(None)
                self.refresh()
