"""Service catalog (administrators): the ЦНАП services with their terms, fees and the form a
resident fills; a service's card with a preview of that form; new and edited services and
categories; opening and closing a service for new orders."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from backoffice.core import services
from backoffice.ui.dialogs.catalog import (
    CategoryDialog,
    ServiceEditor,
    fee_text,
    load_categories,
    load_service,
    term_text,
)
from backoffice.ui.formwidget import ServiceForm
from backoffice.ui.listmodel import ROW_ROLE, Column
from backoffice.ui.listpanel import ListPanel
from backoffice.ui.messages import show_error
from backoffice.ui.tasks import run_in_background
from backoffice.ui.widgets import ActionBar, FieldsView, plain_label

INACTIVE = QColor("#e2e2e2")
INACTIVE_TEXT = QColor("#6b6b6b")


class _GreyWhenInactive(QStyledItemDelegate):
    """Inactive services read greyed out (the model gives the background, this the text)."""

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        row = index.data(ROW_ROLE)
        if row is not None and not row["active"]:
            option.palette.setColor(QPalette.ColorRole.Text, INACTIVE_TEXT)
            option.palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#e8e8e8"))


class Panel(ListPanel):
    name = "catalog"
    default_sort = "title"

    def __init__(self, backend, parent=None) -> None:
        self.search_hint = self.tr("Пошук: назва або код послуги")
        super().__init__(backend, parent)
        self.table.setItemDelegate(_GreyWhenInactive(self.table))
        self.detail: dict | None = None
        self.editor: ServiceEditor | None = None
        self.category_dialog: CategoryDialog | None = None
        self._categories_loaded = False

    # --- list ---------------------------------------------------------------------------------
    def columns(self) -> list[Column]:
        return [
            Column("code", self.tr("Код"), sortable=True, width=110),
            Column("title", self.tr("Послуга"), sortable=True, width=250),
            Column("category", self.tr("Категорія"), width=150),
            Column(
                "term_days",
                self.tr("Строк"),
                format=lambda r: term_text(r["term_days"], r["term_counts"]),
                width=150,
            ),
            Column(
                "fee",
                self.tr("Вартість"),
                format=lambda r: fee_text(r["fee"]),
                align_right=True,
                width=95,
            ),
            Column("department", self.tr("Підрозділ"), width=150),
            Column("active", self.tr("Стан"), format=self._state_text, width=80),
        ]

    def fetch(self, session, actor, request):
        return services.service_rows(session, actor, request)

    def count(self, session, actor, request):
        return services.service_count(session, actor, request)

    def _state_text(self, row) -> str:
        return self.tr("активна") if row["active"] else self.tr("неактивна")

    def row_colour(self, row):
        return None if row["active"] else INACTIVE

    # --- filters and the buttons that make something new --------------------------------------
    def build_filters(self, bar: QHBoxLayout) -> None:
        self.category_filter = QComboBox()
        self.category_filter.setObjectName("catalog-category")
        self.category_filter.addItem(self.tr("Усі категорії"), None)
        self.category_filter.setMinimumWidth(180)
        self.category_filter.setMaximumWidth(280)
        self.active_filter = QComboBox()
        self.active_filter.setObjectName("catalog-active")
        for text, value in (
            (self.tr("Будь-який стан"), None),
            (self.tr("Активні"), True),
            (self.tr("Неактивні"), False),
        ):
            self.active_filter.addItem(text, value)
        for combo in (self.category_filter, self.active_filter):
            combo.currentIndexChanged.connect(self.apply)
            bar.addWidget(combo)
        self.new_service_button = QPushButton(self.tr("Нова послуга…"))
        self.new_service_button.setObjectName("catalog-new-service")
        self.new_service_button.clicked.connect(self.new_service)
        bar.addWidget(self.new_service_button)
        self.new_category_button = QPushButton(self.tr("Нова категорія…"))
        self.new_category_button.setObjectName("catalog-new-category")
        self.new_category_button.clicked.connect(self.new_category)
        bar.addWidget(self.new_category_button)

    def current_filters(self) -> dict:
        filters = {}
        if self.category_filter.currentData() is not None:
            filters["category_id"] = self.category_filter.currentData()
        if self.active_filter.currentData() is not None:
            filters["active"] = self.active_filter.currentData()
        return filters

    def start(self) -> None:
        super().start()
        if not self._categories_loaded:
            self.load_categories()

    def load_categories(self) -> None:
        actor = self.backend.actor
        run_in_background(
            self.backend,
            lambda session: load_categories(session, actor),
            self._fill_categories,
            self._show_failure,
            owner=self,
        )

    def _fill_categories(self, items: list[tuple[int, str]]) -> None:
        chosen = self.category_filter.currentData()
        self.category_filter.blockSignals(True)
        try:
            self.category_filter.clear()
            self.category_filter.addItem(self.tr("Усі категорії"), None)
            for category_id, title in items:
                self.category_filter.addItem(title, category_id)
            position = self.category_filter.findData(chosen)
            self.category_filter.setCurrentIndex(max(0, position))
        finally:
            self.category_filter.blockSignals(False)
        self._categories_loaded = True
        if chosen is not None and position < 0:
            self.apply()  # the chosen category is gone

    # --- detail -------------------------------------------------------------------------------
    def build_detail(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        self.heading = plain_label()
        self.heading.setObjectName("catalog-heading")
        self.heading.setStyleSheet("font-weight: bold; font-size: 12pt")
        layout.addWidget(self.heading)
        self.fields = FieldsView(
            [
                ("code", self.tr("Код:")),
                ("category", self.tr("Категорія:")),
                ("term", self.tr("Строк надання:")),
                ("fee", self.tr("Вартість:")),
                ("department", self.tr("Підрозділ:")),
                ("state", self.tr("Стан:")),
                ("description", self.tr("Опис:")),
                ("documents", self.tr("Документи:")),
            ]
        )
        layout.addWidget(self.fields)
        self.actions = ActionBar(
            [
                ("edit", self.tr("Редагувати…")),
                ("deactivate", self.tr("Деактивувати")),
                ("activate", self.tr("Активувати")),
            ],
            self.perform,
        )
        self.actions.buttons["deactivate"].setToolTip(
            self.tr("Послуга зникне з каталогу на порталі; подані заяви розглядаються далі.")
        )
        self.actions.buttons["activate"].setToolTip(
            self.tr("Послуга знову з'явиться в каталозі на порталі.")
        )
        layout.addWidget(self.actions)
        self.form_box = QGroupBox(self.tr("Форма заяви (так її бачить мешканець)"))
        self.form_box.setObjectName("catalog-form-preview")
        self.form_layout = QVBoxLayout(self.form_box)
        self.preview: QWidget | None = None
        self.form_box.setVisible(False)
        layout.addWidget(self.form_box)
        layout.addStretch(1)
        return box

    def show_row(self, row) -> None:
        self.detail = None
        if row is None:
            self._show_detail(None)
            return
        self.load_detail(row["id"])

    def load_detail(self, service_id: int) -> None:
        self.load_detail_of(
            service_id,
            lambda session, actor: load_service(session, actor, service_id),
            self._show_detail,
        )

    def _show_detail(self, detail: dict | None) -> None:
        self.detail = detail
        if self.preview is not None:
            self.form_layout.removeWidget(self.preview)
            self.preview.hide()
            self.preview.deleteLater()
            self.preview = None
        if detail is None:
            self.heading.clear()
            self.fields.show_values({})
            self.actions.show_available([])
            self.form_box.setVisible(False)
            return
        self.heading.setText(detail["title"])
        documents = "\n".join(f"• {d}" for d in detail["required_documents"])
        self.fields.show_values(
            {
                "code": detail["code"],
                "category": detail["category"],
                "term": term_text(detail["term_days"], detail["term_counts"]),
                "fee": fee_text(detail["fee"]),
                "department": detail["department"],
                "state": self.tr("активна: приймає заяви")
                if detail["active"]
                else self.tr("неактивна: нових заяв не приймає"),
                "description": detail["description"],
                "documents": documents,
            }
        )
        self.actions.show_available(["edit", "deactivate" if detail["active"] else "activate"])
        if detail["form_schema"]:
            self.preview = ServiceForm(detail["form_schema"])
        else:
            self.preview = plain_label(self.tr("Форма без полів: мешканцю досить подати заяву."))
        self.preview.setObjectName("catalog-preview")
        self.form_layout.addWidget(self.preview)
        self.form_box.setVisible(True)

    # --- actions ------------------------------------------------------------------------------
    def perform(self, action: str) -> None:
        detail = self.detail
        if detail is None:
            return
        if action == "edit":
            self.edit_service(detail["id"])
            return
        actor = self.backend.actor
        service_id, version = detail["id"], detail["version"]
        active = action == "activate"
        self.actions.set_busy(True)
        run_in_background(
            self.backend,
            lambda session: (
                services.set_service_active(
                    session, actor, service_id, active, expected_version=version
                ).id
            ),
            self._changed,
            self._change_failed,
            owner=self,
        )

    def _changed(self, service_id: int) -> None:
        self.actions.set_busy(False)
        self.refresh(keep_id=service_id)
        self.load_detail(service_id)
        self.changed.emit()

    def _change_failed(self, error: Exception) -> None:
        self.actions.set_busy(False)
        show_error(self, error)  # a stale version names who changed it
        if self.detail is not None:
            self.load_detail(self.detail["id"])  # show the service as it is now
        self.refresh()

    def new_service(self) -> None:
        self._open_editor(
            ServiceEditor(self.backend, None, self, category_id=self.category_filter.currentData())
        )

    def edit_service(self, service_id: int) -> None:
        self._open_editor(ServiceEditor(self.backend, service_id, self))

    def _open_editor(self, editor: ServiceEditor) -> None:
        self.editor = editor
        editor.saved.connect(self._service_saved)
        editor.stale.connect(self._service_stale)
        editor.finished.connect(lambda _result: self._editor_closed(editor))
        editor.open()

    def _editor_closed(self, editor: ServiceEditor) -> None:
        if self.editor is editor:
            self.editor = None
        editor.deleteLater()

    def _service_saved(self, service_id: int) -> None:
        self.refresh(keep_id=service_id)
        if self.selected is not None and self.selected["id"] == service_id:
            self.load_detail(service_id)
        self.changed.emit()

    def _service_stale(self, service_id: int) -> None:
        self.refresh(keep_id=service_id)
        if self.selected is not None and self.selected["id"] == service_id:
            self.load_detail(service_id)

    def new_category(self) -> None:
        dialog = CategoryDialog(self.backend, self)
        self.category_dialog = dialog
        dialog.created.connect(lambda _category_id: self.load_categories())
        dialog.finished.connect(lambda _result: self._category_dialog_closed(dialog))
        dialog.open()

    def _category_dialog_closed(self, dialog: CategoryDialog) -> None:
        if self.category_dialog is dialog:
            self.category_dialog = None
        dialog.deleteLater()
