"""The Analytics tab and the report dialog: what the manager sees is what core counted (the
small world of tests/reports/world.py, March 2025), charts read out values on hover and save
PNG files, reports build in the background, preview, print and save; lists export."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QDate, QLocale
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.core import analytics
from backoffice.core.actor import Actor, Channel
from backoffice.models import ActivityEntry, Role, ServiceCategory
from backoffice.ui.backend import Backend
from backoffice.ui.dialogs.reports import DocumentDialog, ReportDialog
from backoffice.ui.main_window import MainWindow
from backoffice.ui.tabs import analytics as tab
from backoffice.ui.tabs.orders import Panel as OrdersPanel
from backoffice.ui.tasks import wait_for_background
from tests.conftest import People
from tests.reports.world import MARCH, SERVICE_A, SERVICE_B, build_world
from tests.ui.helpers import wait_until_loaded

pytestmark = pytest.mark.usefixtures("ukrainian_numbers")


@pytest.fixture
def ukrainian_numbers():
    QLocale.setDefault(QLocale(QLocale.Language.Ukrainian))
    yield
    QLocale.setDefault(QLocale.c())


@pytest.fixture
def world(committed_engine, backend):
    """The world committed, and the backend signed in as its manager."""
    with Session(committed_engine, expire_on_commit=False) as session, session.begin():
        built = build_world(session, People(session))
    backend.actor = built.manager
    return built


def _panel(qtbot, backend, first=MARCH.first, last=MARCH.last) -> tab.Panel:
    panel = tab.Panel(backend)
    qtbot.addWidget(panel)
    panel.date_from.setDate(QDate(first.year, first.month, first.day))
    panel.date_to.setDate(QDate(last.year, last.month, last.day))
    panel.start()
    _wait(qtbot, panel)
    return panel


def _wait(qtbot, panel) -> None:
    qtbot.waitUntil(lambda: not panel.loading and panel.dashboard is not None, timeout=20_000)


def _expected(engine, actor, **options):
    with Session(engine) as session:
        return analytics.dashboard(session, actor, MARCH, **options)


def test_the_dashboard_shows_what_core_counted(qtbot, backend, world, committed_engine):
    panel = _panel(qtbot, backend)
    expected = _expected(committed_engine, world.manager)

    assert panel.preset.currentData() == "custom"  # dates chosen by hand
    assert panel.dashboard.period == MARCH
    assert panel.figures["orders"].value.text() == "10"
    assert panel.figures["on_time"].value.text() == "60,0 %"
    assert panel.figures["residents"].value.text() == "2"
    assert panel.figures["rides"].value.text() == "4,00"
    assert "3 відгуків" in panel.figures["rides"].caption.text()
    assert panel.figures["overdue_appeals"].value.text() == str(expected.headline.overdue_appeals)
    days = panel.charts["orders_per_day"].points
    assert len(days) == 31
    assert [p.value for p in days] == [p.count for p in expected.orders_per_day]
    statuses = {p.name: p.value for p in panel.charts["orders_by_status"].points}
    assert statuses["виконано"] == 4  # received in March and completed: 1, 2, 3, 11
    assert statuses["подано"] == 1
    top = sorted(panel.charts["top_services"].points, key=lambda p: -p.position)
    # Five orders each in March: equal counts go alphabetically, from the top down.
    assert [(p.name, p.value) for p in top] == [(SERVICE_B, 5), (SERVICE_A, 5)]
    assert "01.03.2025" in panel.status.text() and "31.03.2025" in panel.status.text()


def test_hover_reads_out_the_value_under_the_mouse(qtbot, backend, world):
    panel = _panel(qtbot, backend)
    chart = panel.charts["orders_per_day"]
    fifth = datetime(2025, 3, 5, tzinfo=UTC).timestamp()
    # Orders 8 and 9 came on 5 March.
    assert chart.hover_at(fifth + 3600) == "05.03.2025: 2"
    assert chart.readout.text() == "05.03.2025: 2"
    assert chart.plot.toolTip() == "05.03.2025: 2"
    bars = panel.charts["top_services"]
    lowest = min(bars.points, key=lambda p: p.position)
    assert bars.hover_at(lowest.position + 0.2) == f"{SERVICE_A}: 5"


def test_choosing_a_category_reloads_with_its_figures(qtbot, backend, world, committed_engine):
    with Session(committed_engine) as session, session.begin():
        session.add(ServiceCategory(code="empty", title="Порожня категорія", position=5))
    panel = _panel(qtbot, backend)
    qtbot.waitUntil(lambda: panel.category.count() == 3, timeout=10_000)

    panel.category.setCurrentIndex(panel.category.findText("Порожня категорія"))
    qtbot.waitUntil(lambda: panel.dashboard.category_id is not None, timeout=20_000)
    assert panel.figures["orders"].value.text() == "0"
    assert panel.figures["on_time"].value.text() == "—"

    panel.category.setCurrentIndex(panel.category.findData(world.category_id))
    qtbot.waitUntil(lambda: panel.dashboard.category_id == world.category_id, timeout=20_000)
    assert panel.figures["orders"].value.text() == "10"


def test_an_impossible_period_says_why_and_keeps_the_figures(qtbot, backend, world):
    panel = _panel(qtbot, backend)
    panel.date_from.setDate(QDate(2025, 4, 10))  # after the end
    assert "раніше" in panel.status.text()
    assert panel.figures["orders"].value.text() == "10"


def test_presets_pick_their_days(qtbot, backend, world):
    today = date(2026, 12, 4)
    assert tab.preset_period("month", today) == analytics.Period(date(2026, 12, 1), today)
    assert tab.preset_period("last_month", today) == analytics.Period(
        date(2026, 11, 1), date(2026, 11, 30)
    )
    assert tab.preset_period("year", today).first == date(2026, 1, 1)
    assert tab.preset_period("custom", today) is None
    panel = _panel(qtbot, backend)
    panel.preset.setCurrentIndex(panel.preset.findData("last_month"))
    _wait(qtbot, panel)
    qtbot.waitUntil(lambda: panel.dashboard.period != MARCH, timeout=20_000)
    assert panel.dashboard.period.first.day == 1
    assert panel.date_from.date().day() == 1


def test_a_chart_saves_as_png(qtbot, backend, world, tmp_path, monkeypatch):
    panel = _panel(qtbot, backend)
    panel.resize(1200, 900)
    target = tmp_path / "orders"  # the extension is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    panel.boxes["orders_per_day"].save_button.click()
    saved = tmp_path / "orders.png"
    assert saved.read_bytes().startswith(b"\x89PNG")
    image = QImage(str(saved))
    assert image.width() >= 800
    # Not a blank picture: the line is drawn in its colour.
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 7) for y in
               range(0, image.height(), 7)}  # fmt: skip
    assert len(colours) > 3


def test_the_tab_is_there_for_managers_only(qtbot, backend, make_staff, world):
    manager = MainWindow(backend)
    qtbot.addWidget(manager)
    assert "analytics" in manager.panels
    clerk = make_staff(Role.CLERK)
    clerk_backend = Backend(backend.engine)
    clerk_backend.actor = Actor.for_user(clerk, Channel.DESKTOP)
    window = MainWindow(clerk_backend)
    qtbot.addWidget(window)
    assert "analytics" not in window.panels


# --- reports ---------------------------------------------------------------------------------


def _built(qtbot, view) -> None:
    qtbot.waitUntil(lambda: view.document is not None and not view.busy, timeout=60_000)


def test_a_report_builds_previews_prints_and_saves(qtbot, backend, world, tmp_path, monkeypatch):
    dialog = ReportDialog(backend, period=MARCH)
    qtbot.addWidget(dialog)
    assert dialog.report.currentData() == "services"
    qtbot.waitUntil(lambda: dialog.option.count() == 2, timeout=10_000)  # all + the category
    dialog.option.setCurrentIndex(dialog.option.findData(world.category_id))
    dialog.build_button.click()
    assert dialog.view.busy
    _built(qtbot, dialog.view)

    document = dialog.view.document
    assert document.name == "services-20250301-20250331.pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(document.pdf)).pages)
    assert "Звіт про надання адміністративних послуг" in text
    assert SERVICE_A in text
    assert dialog.view.pages.count() == len(document.pages) >= 1
    # Pages are fitted to the preview's width (the services report is landscape).
    dialog.resize(700, 700)
    width = dialog.view.scroll.viewport().width()
    shown = [dialog.view.pages.itemAt(i).widget().pixmap() for i in range(len(document.pages))]
    assert all(0 < p.width() <= width for p in shown)
    assert "Сторінок: " in dialog.view.status.text()
    assert dialog.view.print_button.isEnabled()

    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    assert dialog.view.print_document(printer=printer) == len(document.pages)
    assert len(PdfReader(str(printed)).pages) == len(document.pages)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "r"), ""))
    dialog.view.save_button.click()
    assert (tmp_path / "r.pdf").read_bytes() == document.pdf


def test_a_report_that_cannot_be_built_says_why(qtbot, backend, world):
    dialog = ReportDialog(backend, period=MARCH)
    qtbot.addWidget(dialog)
    dialog.date_to.setDate(QDate(2025, 2, 1))  # before the start
    dialog.build_button.click()
    qtbot.waitUntil(lambda: not dialog.view.busy, timeout=20_000)
    assert "раніше" in dialog.view.status.text()
    assert dialog.view.document is None
    assert not dialog.view.save_button.isEnabled()


def test_the_appeals_report_offers_kinds(qtbot, backend, world):
    dialog = ReportDialog(backend, period=MARCH)
    qtbot.addWidget(dialog)
    dialog.report.setCurrentIndex(dialog.report.findData("appeals"))
    assert dialog.option.count() == 4
    dialog.option.setCurrentIndex(dialog.option.findData("info_request"))
    assert dialog.options() == {"kind": "info_request"}
    dialog.report.setCurrentIndex(dialog.report.findData("surveys"))
    assert not dialog.option.isVisibleTo(dialog)
    assert dialog.options() == {}


def test_the_receipt_of_an_order_previews(qtbot, backend, world):
    from backoffice.reports import build_report

    order_id = world.order_ids[1]
    actor = world.manager
    dialog = DocumentDialog(
        backend,
        "Квитанція",
        "receipt.pdf",
        lambda s: build_report(s, actor, "receipt", None, None, order_id=order_id),
    )
    qtbot.addWidget(dialog)
    _built(qtbot, dialog.view)
    text = PdfReader(io.BytesIO(dialog.view.document.pdf)).pages[0].extract_text()
    assert "ЦНАП-2025/000001" in text


# --- list export ------------------------------------------------------------------------------


def _orders(qtbot, backend) -> OrdersPanel:
    panel = OrdersPanel(backend)
    qtbot.addWidget(panel)
    panel.start()
    wait_until_loaded(qtbot, panel)
    return panel


def _exported(qtbot, panel, path) -> None:
    qtbot.waitUntil(lambda: panel.export_button.isEnabled() and path.exists(), timeout=20_000)
    wait_for_background()


def test_a_list_exports_its_filtered_rows_to_csv(qtbot, backend, world, tmp_path):
    backend.actor = world.clerk  # clerks see orders
    panel = _orders(qtbot, backend)
    panel.search.setText("000001")  # ЦНАП-2025/000001 and nothing else
    panel.apply()
    wait_until_loaded(qtbot, panel)
    assert panel.model.rowCount() == 1

    target = tmp_path / "orders.csv"
    panel.export_to(target, "csv")
    _exported(qtbot, panel, target)
    rows = list(csv.reader(io.StringIO(target.read_bytes().decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [c.title for c in panel.model.columns]
    assert len(rows) == 2
    assert "ЦНАП-2025/000001" in rows[1]
    assert "виконано" in rows[1]  # the status as people read it, not its code
    assert "Збережено у файл" in panel.status.text()


def test_a_list_exports_to_xlsx_with_real_dates_and_is_logged(
    qtbot, backend, world, tmp_path, committed_engine
):
    backend.actor = world.clerk
    panel = _orders(qtbot, backend)
    target = tmp_path / "all"  # the extension is added
    panel.export_to(target, "xlsx")
    target = tmp_path / "all.xlsx"
    _exported(qtbot, panel, target)
    sheet = load_workbook(target).active
    values = list(sheet.values)
    assert len(values) == 1 + 12  # the header and every order of the world
    assert any(isinstance(cell, datetime) for cell in values[1])
    with Session(committed_engine) as session:
        entry = session.scalars(select(ActivityEntry).where(ActivityEntry.action == "export")).one()
    assert entry.entity == "orders"
    assert entry.changes["rows"] == 12 and entry.changes["format"] == "xlsx"


def test_an_export_that_fails_says_so_and_can_be_retried(
    qtbot, backend, world, tmp_path, monkeypatch
):
    from backoffice.ui import listpanel

    backend.actor = world.clerk
    panel = _orders(qtbot, backend)
    shown = []
    monkeypatch.setattr(listpanel, "show_error", lambda parent, error, title: shown.append(error))
    missing = tmp_path / "no-such-folder" / "orders.csv"
    panel.export_to(missing, "csv")
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert isinstance(shown[0], OSError)
    assert panel.export_button.isEnabled()


def test_the_orders_tab_prints_the_selected_orders_receipt(qtbot, backend, world):
    backend.actor = world.clerk
    panel = _orders(qtbot, backend)
    assert not panel.receipt_button.isEnabled()
    panel.table.selectRow(0)
    number = panel.selected["registration_number"]
    assert panel.receipt_button.isEnabled()
    dialog = panel.print_receipt()
    _built(qtbot, dialog.view)
    text = PdfReader(io.BytesIO(dialog.view.document.pdf)).pages[0].extract_text()
    assert number in text
    dialog.close()


def test_the_appeals_tab_prints_the_control_card(qtbot, backend, world):
    from backoffice.ui.tabs.appeals import Panel as AppealsPanel

    backend.actor = world.reception
    panel = AppealsPanel(backend)
    qtbot.addWidget(panel)
    panel.start()
    wait_until_loaded(qtbot, panel)
    panel.table.selectRow(0)
    qtbot.waitUntil(lambda: panel.card is not None, timeout=20_000)
    assert panel.card_button.isVisibleTo(panel)
    dialog = panel.print_card()
    _built(qtbot, dialog.view)
    text = PdfReader(io.BytesIO(dialog.view.document.pdf)).pages[0].extract_text()
    assert "Реєстраційно-контрольна картка" in text
    dialog.close()
