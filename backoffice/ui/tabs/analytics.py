"""The Analytics tab: the dashboard of ``core.analytics`` for a period and a service category —
headline figures and charts with values on hover, each chart exportable to PNG — and the
printable reports (``dialogs.reports``). Everything is loaded in the background; a newer
request makes the answer of an older one irrelevant (it is dropped when it arrives)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from backoffice.core import analytics, services
from backoffice.core.analytics import Dashboard, Period
from backoffice.core.calendar import add_months
from backoffice.ui.charts import Bars, Chart, DayLine, Point, day_position
from backoffice.ui.labels import APPEAL_KINDS, ORDER_STATUSES, TRANSPORT_MODES, label
from backoffice.ui.messages import describe
from backoffice.ui.tasks import run_in_background
from backoffice.ui.widgets import kyiv_today, local_time

TOP_SERVICES = 10
TOP_ROUTES = 12
PRESETS = ("month", "last_month", "quarter", "year", "custom")


def to_date(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def preset_period(preset: str, today: date) -> Period | None:
    """The days a preset stands for, ending today at the latest (None: the dates as chosen)."""
    if preset == "month":
        return Period(today.replace(day=1), today)
    if preset == "last_month":
        return Period.month_of(add_months(today.replace(day=1), -1))
    if preset == "quarter":
        return Period(today - timedelta(days=89), today)
    if preset == "year":
        return Period(add_months(today.replace(day=1), -11), today)
    return None


def number(value: float | int | None, decimals: int = 0) -> str:
    if value is None:
        return "—"
    return QLocale().toString(float(value), "f", decimals)


def share(value: float | None) -> str:
    return "—" if value is None else f"{number(value * 100, 1)} %"


class Figure(QFrame):
    """One headline figure: a big number over its name."""

    def __init__(self, key: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"figure-{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("—")
        self.value.setObjectName(f"figure-{key}-value")
        self.value.setTextFormat(Qt.TextFormat.PlainText)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(title)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set_value(self, value: str, caption: str | None = None) -> None:
        self.value.setText(value)
        if caption is not None:
            self.caption.setText(caption)


class ChartBox(QWidget):
    """A chart with its "Save as PNG" button."""

    def __init__(self, key: str, chart: Chart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.chart = chart
        self.setObjectName(f"chart-{key}")
        self.save_button = QToolButton()
        self.save_button.setText(self.tr("Зберегти PNG…"))
        self.save_button.setObjectName(f"chart-{key}-save")
        self.save_button.clicked.connect(self.save)
        chart.footer.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(chart, 1)

    def save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Зберегти графік"), f"{self.key}.png", self.tr("Зображення PNG (*.png)")
        )
        if path:
            if not path.lower().endswith(".png"):
                path += ".png"
            self.chart.export_png(path)


class Panel(QWidget):
    changed = Signal()  # the main window listens to every tab; this one changes nothing

    def __init__(self, backend, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self.dashboard: Dashboard | None = None
        self.loading = False
        self._token = 0
        self._categories_loaded = False
        self._build()

    # --- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.addLayout(self._build_bar())
        figures = QHBoxLayout()
        self.figures = {
            "orders": Figure("orders", self.tr("заяв на послуги за період")),
            "on_time": Figure("on_time", self.tr("виконано вчасно")),
            "overdue_appeals": Figure("overdue_appeals", self.tr("прострочених звернень")),
            "residents": Figure("residents", self.tr("мешканців зареєструвалося")),
            "rides": Figure("rides", self.tr("середня оцінка поїздок")),
        }
        for figure in self.figures.values():
            figures.addWidget(figure)
        outer.addLayout(figures)

        self.charts = {
            "orders_per_day": DayLine(self.tr("Заяви на послуги за днями")),
            "orders_by_status": Bars(self.tr("Заяви за період за станом"), horizontal=True),
            "top_services": Bars(self.tr("Найчастіші послуги"), horizontal=True),
            "appeals_by_kind": Bars(self.tr("Звернення і запити за видами")),
            "residents": Bars(self.tr("Реєстрації мешканців за місяцями")),
            "routes": Bars(self.tr("Середня оцінка поїздок за маршрутами"), horizontal=True),
        }
        grid = QGridLayout()
        self.boxes = {}
        for i, (key, chart) in enumerate(self.charts.items()):
            box = ChartBox(key, chart)
            self.boxes[key] = box
            grid.addWidget(box, i // 2, i % 2)
        holder = QWidget()
        holder.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        outer.addWidget(scroll, 1)

        self.status = QLabel()
        self.status.setObjectName("analytics-status")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self.status)

    def _build_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.preset = QComboBox()
        self.preset.setObjectName("analytics-preset")
        names = {
            "month": self.tr("Цей місяць"),
            "last_month": self.tr("Минулий місяць"),
            "quarter": self.tr("Останні 90 днів"),
            "year": self.tr("Останні 12 місяців"),
            "custom": self.tr("Свій період"),
        }
        for key in PRESETS:
            self.preset.addItem(names[key], key)
        today = kyiv_today()
        self.date_from = QDateEdit(QDate(today.year(), today.month(), 1))
        self.date_to = QDateEdit(today)
        for edit, name in ((self.date_from, "analytics-from"), (self.date_to, "analytics-to")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy")
            edit.setObjectName(name)
            edit.dateChanged.connect(self._dates_changed)
        self.category = QComboBox()
        self.category.setObjectName("analytics-category")
        self.category.addItem(self.tr("Усі категорії послуг"), None)
        self.category.currentIndexChanged.connect(lambda _i: self.refresh())
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.refresh_button = QPushButton(self.tr("Оновити"))
        self.refresh_button.clicked.connect(self.refresh)
        self.report_button = QPushButton(self.tr("Звіти…"))
        self.report_button.setObjectName("analytics-reports")
        self.report_button.clicked.connect(self.open_reports)
        bar.addWidget(QLabel(self.tr("Період:")))
        bar.addWidget(self.preset)
        bar.addWidget(self.date_from)
        bar.addWidget(QLabel("—"))
        bar.addWidget(self.date_to)
        bar.addWidget(self.category, 1)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.report_button)
        return bar

    # --- period and filters -------------------------------------------------------------------
    def _preset_changed(self) -> None:
        period = preset_period(self.preset.currentData(), to_date(kyiv_today()))
        if period is None:
            return
        for edit, day in ((self.date_from, period.first), (self.date_to, period.last)):
            edit.blockSignals(True)
            edit.setDate(to_qdate(day))
            edit.blockSignals(False)
        self.refresh()

    def _dates_changed(self) -> None:
        custom = self.preset.findData("custom")
        if self.preset.currentIndex() != custom:
            self.preset.blockSignals(True)
            self.preset.setCurrentIndex(custom)
            self.preset.blockSignals(False)
        self.refresh()

    def period(self) -> Period:
        """The chosen days; raises InvalidInput (shown in the status line) when they make none."""
        return Period(to_date(self.date_from.date()), to_date(self.date_to.date()))

    # --- loading ------------------------------------------------------------------------------
    def start(self) -> None:
        """First load, when the tab is shown."""
        if not self._categories_loaded:
            self._categories_loaded = True
            actor = self.backend.actor
            run_in_background(
                self.backend,
                lambda s: [(c.id, c.title) for c in services.list_categories(s, actor)],
                self._show_categories,
                self._show_failure,
                owner=self,
            )
        if self.dashboard is None and not self.loading:
            self.refresh()

    def _show_categories(self, categories: list[tuple[int, str]]) -> None:
        self.category.blockSignals(True)
        for category_id, title in categories:
            self.category.addItem(title, category_id)
        self.category.blockSignals(False)

    def refresh(self) -> None:
        try:
            period = self.period()
        except Exception as error:  # an impossible period: say why, keep what is shown
            self._show_failure(error)
            return
        self._token += 1
        token = self._token
        actor = self.backend.actor
        category_id = self.category.currentData()
        self.loading = True
        self.status.setText(self.tr("Завантаження…"))
        run_in_background(
            self.backend,
            lambda s: analytics.dashboard(
                s, actor, period, top=TOP_SERVICES, category_id=category_id
            ),
            lambda result: self._arrived(token, result),
            lambda error: self._failed(token, error),
            owner=self,
        )

    def _arrived(self, token: int, dashboard: Dashboard) -> None:
        if token != self._token:
            return  # a newer request is on its way
        self.loading = False
        self.dashboard = dashboard
        self.show_dashboard(dashboard)
        self.status.setText(
            self.tr("Період {period}. Оновлено {moment}.").format(
                period=dashboard.period.label(), moment=local_time(dashboard.now)
            )
        )

    def _failed(self, token: int, error: Exception) -> None:
        if token == self._token:
            self.loading = False
            self._show_failure(error)

    def _show_failure(self, error: Exception) -> None:
        self.status.setText(describe(error))

    # --- showing ------------------------------------------------------------------------------
    def show_dashboard(self, d: Dashboard) -> None:
        h = d.headline
        self.figures["orders"].set_value(number(h.orders_received))
        self.figures["on_time"].set_value(share(h.on_time_share))
        self.figures["overdue_appeals"].set_value(number(h.overdue_appeals))
        self.figures["residents"].set_value(number(h.residents_registered))
        self.figures["rides"].set_value(
            number(h.ride_rating, 2),
            self.tr("середня оцінка поїздок ({n} відгуків)").format(n=h.ride_reviews),
        )
        self.charts["orders_per_day"].set_points(
            [
                Point(day_position(p.start), p.start.strftime("%d.%m.%Y"), p.count, str(p.count))
                for p in d.orders_per_day
            ]
        )
        statuses = d.orders_by_status
        self.charts["orders_by_status"].set_points(
            [
                # in the lifecycle's order from the top
                Point(len(statuses) - i, label(ORDER_STATUSES, c.key), c.count, str(c.count))
                for i, c in enumerate(statuses)
            ]
        )
        top = d.top_services[:TOP_SERVICES]
        self.charts["top_services"].set_points(
            [
                # the most ordered at the top: y grows upwards
                Point(len(top) - i, s.title, s.received, str(s.received))
                for i, s in enumerate(top)
            ]
        )
        self.charts["appeals_by_kind"].set_points(
            [
                Point(i, label(APPEAL_KINDS, a.key), a.received, str(a.received))
                for i, a in enumerate(d.appeals_by_kind)
            ]
        )
        self.charts["residents"].set_points(
            [
                Point(i, p.start.strftime("%m.%Y"), p.count, str(p.count))
                for i, p in enumerate(d.residents_per_month)
            ]
        )
        rated = [r for r in d.ride_routes if r.stats.rating is not None]
        rated.sort(key=lambda r: -r.stats.count)
        self.charts["routes"].set_points(
            [
                Point(
                    len(rated[:TOP_ROUTES]) - i,  # the most reviewed at the top
                    f"{label(TRANSPORT_MODES, r.mode)} {r.number}",
                    r.stats.rating,
                    self.tr("{rating} ({n} відгуків)").format(
                        rating=number(r.stats.rating, 2), n=r.stats.count
                    ),
                )
                for i, r in enumerate(rated[:TOP_ROUTES])
            ]
        )

    # --- reports ------------------------------------------------------------------------------
    def open_reports(self) -> None:
        from backoffice.ui.dialogs.reports import ReportDialog

        try:
            period = self.period()
        except Exception:
            period = None
        dialog = ReportDialog(self.backend, self, period=period)
        dialog.open()
