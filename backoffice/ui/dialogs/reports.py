"""Printed documents in the desktop: choose a report and its period, build it in the
background, look at its pages, print them or save the PDF.

Previews and printing draw the PDF's pages as images rendered by PDFium (pypdfium2): QtPdf is
not part of PySide6-Essentials, and the PySide6-Addons wheel that carries it is several hundred
megabytes for this one widget. PDFium is not thread-safe, so every use goes through ``_PDFIUM``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pypdfium2 as pdfium
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QMarginsF, QRect, Qt
from PySide6.QtGui import QImage, QPageLayout, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from backoffice.core import services
from backoffice.core.analytics import Period
from backoffice.reports import build_report
from backoffice.ui.files import open_bytes
from backoffice.ui.labels import APPEAL_KINDS, label
from backoffice.ui.messages import describe, show_error
from backoffice.ui.tasks import run_in_background
from backoffice.ui.widgets import kyiv_today

PREVIEW_DPI = 110
PRINT_DPI = 300
# The period reports offered here, by their names in backoffice.reports.REPORTS.
PERIOD_REPORTS = {
    "services": QT_TRANSLATE_NOOP("reports", "Звіт про надання адміністративних послуг"),
    "appeals": QT_TRANSLATE_NOOP(
        "reports", "Звіт про звернення громадян і запити на публічну інформацію"
    ),
    "surveys": QT_TRANSLATE_NOOP("reports", "Результати опитувань e-Демократії"),
    "transport": QT_TRANSLATE_NOOP("reports", "Оціни поїздку: картка перевізника"),
}
_PDFIUM = threading.Lock()


@dataclass(frozen=True)
class PageImage:
    """One rendered page as raw RGB rows (a QImage is made from it on the GUI thread)."""

    data: bytes
    width: int
    height: int
    stride: int

    def image(self) -> QImage:
        return QImage(self.data, self.width, self.height, self.stride, QImage.Format.Format_RGB888)


@dataclass(frozen=True)
class Document:
    name: str
    pdf: bytes
    pages: list[PageImage]


def render_pages(pdf: bytes, dpi: int = PREVIEW_DPI) -> list[PageImage]:
    with _PDFIUM:
        document = pdfium.PdfDocument(pdf)
        try:
            pages = []
            for page in document:
                bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
                pages.append(
                    PageImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride)
                )
                page.close()
            return pages
        finally:
            document.close()


def print_pdf(pdf: bytes, printer: QPrinter, dpi: int = PRINT_DPI) -> int:
    """Draw every page of ``pdf`` on ``printer``, each fitted to the printable area keeping its
    proportions; returns the number of pages printed."""
    printer.setFullPage(False)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError(QCoreApplication.translate("reports", "Принтер недоступний."))
    try:
        pages = render_pages(pdf, dpi)
        for number, page in enumerate(pages):
            if number:
                printer.newPage()
            image = page.image()
            area = painter.viewport()
            scaled = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(area.x(), area.y(), scaled.width(), scaled.height())
            painter.drawImage(target, image)
        return len(pages)
    finally:
        painter.end()


class DocumentView(QWidget):
    """Builds one PDF in the background and shows it: pages, print, save, open outside."""

    def __init__(self, backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.document: Document | None = None
        self.busy = False
        self._token = 0
        self._images: list[QImage] = []
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: reportlab reports no progress of its own
        self.progress.setVisible(False)
        self.progress.setObjectName("report-progress")
        self.status = QLabel()
        self.status.setObjectName("report-status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.pages = QVBoxLayout()
        self.pages.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        holder = QWidget()
        holder.setLayout(self.pages)
        holder.setStyleSheet("background: #8a8f98")
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # fitted
        self.scroll.setWidget(holder)
        self.scroll.setMinimumSize(640, 480)

        self.print_button = QPushButton(self.tr("Друкувати…"))
        self.save_button = QPushButton(self.tr("Зберегти PDF…"))
        self.open_button = QPushButton(self.tr("Відкрити в переглядачі"))
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_document)
        self.open_button.clicked.connect(self.open_document)
        buttons = QHBoxLayout()
        for button in (self.print_button, self.save_button, self.open_button):
            button.setEnabled(False)
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(buttons)

    def build(self, name: str, op: Callable) -> None:
        """Run ``op(session) -> pdf bytes`` in the background and show the result as ``name``."""
        self._token += 1
        token = self._token
        self.busy = True
        self.progress.setVisible(True)
        self.status.setText(self.tr("Формування документа…"))
        for button in (self.print_button, self.save_button, self.open_button):
            button.setEnabled(False)

        def make(session) -> Document:
            pdf = op(session)
            return Document(name, pdf, render_pages(pdf))

        run_in_background(
            self.backend,
            make,
            lambda document: self._arrived(token, document),
            lambda error: self._failed(token, error),
            owner=self,
        )

    def _arrived(self, token: int, document: Document) -> None:
        if token != self._token:
            return
        self.busy = False
        self.progress.setVisible(False)
        self.document = document
        while self.pages.count():
            widget = self.pages.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self._images = [page.image() for page in document.pages]
        for _image in self._images:
            self.pages.addWidget(QLabel())
        self._fit_pages()
        self.status.setText(
            self.tr("Сторінок: {n}. Розмір: {kb} КБ.").format(
                n=len(document.pages), kb=max(1, len(document.pdf) // 1024)
            )
        )
        for button in (self.print_button, self.save_button, self.open_button):
            button.setEnabled(True)

    def _fit_pages(self) -> None:
        """Each page as wide as the preview (never wider than rendered): no sideways scrolling,
        whether the report is portrait or landscape."""
        width = max(200, self.scroll.viewport().width() - 24)
        for index, image in enumerate(self._images):
            picture = self.pages.itemAt(index).widget()
            if image.width() > width:
                image = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            picture.setPixmap(QPixmap.fromImage(image))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._images:
            self._fit_pages()

    def _failed(self, token: int, error: Exception) -> None:
        if token == self._token:
            self.busy = False
            self.progress.setVisible(False)
            self.status.setText(describe(error))

    # --- what to do with it -------------------------------------------------------------------
    def print_document(self, *, printer: QPrinter | None = None) -> int:
        if self.document is None:
            return 0
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setPageLayout(
                QPageLayout(
                    printer.pageLayout().pageSize(),
                    QPageLayout.Orientation.Portrait,
                    QMarginsF(0, 0, 0, 0),
                )
            )
            printer.setDocName(self.document.name)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return 0
        try:
            return print_pdf(self.document.pdf, printer)
        except OSError as error:
            show_error(self, error)
            return 0

    def save_document(self) -> None:
        if self.document is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Зберегти PDF"), self.document.name, self.tr("Документ PDF (*.pdf)")
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            with open(path, "wb") as file:
                file.write(self.document.pdf)
        except OSError as error:
            show_error(self, error)
            return
        self.status.setText(self.tr("Збережено: {path}").format(path=path))

    def open_document(self) -> None:
        if self.document is not None:
            open_bytes(self.document.name, self.document.pdf)


def to_date(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class ReportDialog(QDialog):
    """Choose a period report, build it, look at it, print or save it."""

    def __init__(self, backend, parent: QWidget | None = None, *, period: Period | None = None):
        super().__init__(parent)
        self.backend = backend
        self.setWindowTitle(self.tr("Звіти"))
        self.setObjectName("report-dialog")
        self.resize(900, 800)
        self.report = QComboBox()
        self.report.setObjectName("report-name")
        for name, title in PERIOD_REPORTS.items():
            self.report.addItem(QCoreApplication.translate("reports", title), name)
        today = kyiv_today()
        first = period.first if period else date(today.year(), today.month(), 1)
        last = period.last if period else to_date(today)
        self.date_from = QDateEdit(QDate(first.year, first.month, first.day))
        self.date_to = QDateEdit(QDate(last.year, last.month, last.day))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
        self.option = QComboBox()
        self.option.setObjectName("report-option")
        self.option_label = QLabel()
        self.build_button = QPushButton(self.tr("Сформувати"))
        self.build_button.setObjectName("report-build")
        self.build_button.setDefault(True)
        self.build_button.clicked.connect(self.build)
        self.view = DocumentView(backend, self)
        self._categories: list[tuple[int, str]] | None = None

        form = QFormLayout()
        form.addRow(self.tr("Звіт:"), self.report)
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("—"))
        dates.addWidget(self.date_to)
        dates.addStretch(1)
        form.addRow(self.tr("Період:"), dates)
        form.addRow(self.option_label, self.option)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.build_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        close = QPushButton(self.tr("Закрити"))
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout.addLayout(bottom)

        self.report.currentIndexChanged.connect(self._report_changed)
        self._report_changed()
        actor = backend.actor
        run_in_background(
            backend,
            lambda s: [(c.id, c.title) for c in services.list_categories(s, actor)],
            self._categories_arrived,
            lambda error: self.view.status.setText(describe(error)),
            owner=self,
        )

    def _categories_arrived(self, categories: list[tuple[int, str]]) -> None:
        self._categories = categories
        self._report_changed()

    def _report_changed(self) -> None:
        name = self.report.currentData()
        self.option.clear()
        if name == "services":
            self.option_label.setText(self.tr("Категорія:"))
            self.option.addItem(self.tr("усі категорії"), None)
            for category_id, title in self._categories or []:
                self.option.addItem(title, category_id)
        elif name == "appeals":
            self.option_label.setText(self.tr("Вид:"))
            self.option.addItem(self.tr("усі види"), None)
            for kind in APPEAL_KINDS:
                self.option.addItem(label(APPEAL_KINDS, kind), kind)
        self.option.setVisible(name in ("services", "appeals"))
        self.option_label.setVisible(name in ("services", "appeals"))

    def options(self) -> dict:
        name = self.report.currentData()
        value = self.option.currentData() if name in ("services", "appeals") else None
        if name == "services":
            return {"category_id": value}
        if name == "appeals":
            return {"kind": value}
        return {}

    def build(self) -> None:
        name = self.report.currentData()
        first, last = to_date(self.date_from.date()), to_date(self.date_to.date())
        options = self.options()
        actor = self.backend.actor
        file_name = f"{name}-{first:%Y%m%d}-{last:%Y%m%d}.pdf"
        self.view.build(file_name, lambda s: build_report(s, actor, name, first, last, **options))


class DocumentDialog(QDialog):
    """One document about one item (an order's receipt, an appeal's control card)."""

    def __init__(self, backend, title: str, name: str, op: Callable, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("document-dialog")
        self.resize(860, 800)
        self.view = DocumentView(backend, self)
        close = QPushButton(self.tr("Закрити"))
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.view.build(name, op)
