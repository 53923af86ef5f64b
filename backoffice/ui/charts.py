"""Charts of the Analytics tab (pyqtgraph): a line over days and bars over named categories,
each showing the value under the mouse and exportable to PNG.

Dates on the x axis are the Kyiv calendar days core counted by. pyqtgraph's ``DateAxisItem``
labels epoch seconds in a time zone; the chart puts each day at its UTC midnight and tells the
axis the offset is zero, so the label is that day whatever the computer's time zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

pg.setConfigOptions(antialias=True, background="w", foreground="#202124")

BAR_COLOUR = "#1f6feb"
LINE_COLOUR = "#1f6feb"
HIGHLIGHT = "#d97706"
LABEL_CHARS = 28  # category names longer than this are shortened on the axis (full on hover)


@dataclass(frozen=True)
class Point:
    """One value of a chart: where it is, what it is called on hover, how much."""

    position: float
    name: str
    value: float
    shown: str  # the value as people read it ("12", "87,5 %", "4,21")


def day_position(day: date) -> float:
    return datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()


def shorten(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class Chart(QWidget):
    """A titled plot with a hover read-out under it. Subclasses draw in ``show_points``."""

    horizontal = False  # bars along x (categories on the y axis)

    def __init__(self, title: str, parent: QWidget | None = None, *, axis_items=None) -> None:
        super().__init__(parent)
        self.points: list[Point] = []
        self.plot = pg.PlotWidget(axisItems=axis_items or {})
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.showGrid(x=not self.horizontal, y=True, alpha=0.15)
        self.plot.setTitle(title, size="11pt")
        self.plot.setMinimumHeight(220)
        self.readout = QLabel(" ")
        self.readout.setTextFormat(Qt.TextFormat.PlainText)
        self.readout.setObjectName("chart-readout")
        self.marker = pg.ScatterPlotItem(size=10, brush=pg.mkBrush(HIGHLIGHT), pen=None)
        self.marker.setZValue(10)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot, 1)
        self.footer = QHBoxLayout()  # the read-out, and room for buttons beside it
        self.footer.addWidget(self.readout, 1)
        layout.addLayout(self.footer)
        self.plot.scene().sigMouseMoved.connect(self._mouse_moved)

    # --- data -------------------------------------------------------------------------------------
    def set_points(self, points: list[Point]) -> None:
        self.points = points
        item = self.plot.getPlotItem()
        item.clear()
        self.readout.setText(" ")
        self.show_points(points)
        self.marker.setData([], [])
        item.addItem(self.marker)
        item.enableAutoRange()

    def show_points(self, points: list[Point]) -> None:
        raise NotImplementedError

    # --- hover --------------------------------------------------------------------------------
    def _mouse_moved(self, scene_position: QPointF) -> None:
        view = self.plot.getPlotItem().vb
        if not view.sceneBoundingRect().contains(scene_position):
            return
        at = view.mapSceneToView(scene_position)
        self.hover_at(at.y() if self.horizontal else at.x())

    def nearest(self, position: float) -> Point | None:
        if not self.points:
            return None
        return min(self.points, key=lambda p: abs(p.position - position))

    def hover_at(self, position: float) -> str:
        """Show the value nearest ``position`` (in the categories' axis units); returns the text."""
        point = self.nearest(position)
        if point is None:
            return ""
        text = f"{point.name}: {point.shown}"
        self.readout.setText(text)
        self.plot.setToolTip(text)
        if self.horizontal:
            self.marker.setData([point.value], [point.position])
        else:
            self.marker.setData([point.position], [point.value])
        return text

    # --- export -------------------------------------------------------------------------------
    def export_png(self, path: str | Path) -> None:
        """The chart as a PNG file at twice the screen size (sharp when printed)."""
        exporter = ImageExporter(self.plot.getPlotItem())
        width = max(800, int(self.plot.width()) * 2)
        exporter.parameters()["width"] = width
        exporter.export(str(path))


def day_ticks(days: list[date]) -> list[tuple[float, str]]:
    """Where the date axis is labelled: every day for a week or two, Mondays for up to two
    months, the first of each month beyond — as Ukrainian offices write dates (05.12, 12.2026)."""
    if len(days) <= 14:
        chosen = [(d, d.strftime("%d.%m")) for d in days]
    elif len(days) <= 62:
        chosen = [(d, d.strftime("%d.%m")) for d in days if d.weekday() == 0]
    else:
        months = [d for d in days if d.day == 1]
        step = max(1, -(-len(months) // 12))  # at most about twelve labels
        chosen = [(d, d.strftime("%m.%Y")) for d in months[::step]]
    return [(day_position(d), text) for d, text in chosen]


class DayLine(Chart):
    """Counts per Kyiv day as a line with dots; ``Point.name`` is the day as dd.mm.yyyy."""

    def show_points(self, points: list[Point]) -> None:
        xs = [p.position for p in points]
        ys = [p.value for p in points]
        self.plot.plot(
            xs,
            ys,
            pen=pg.mkPen(LINE_COLOUR, width=2),
            symbol="o" if len(points) <= 62 else None,
            symbolSize=5,
            symbolBrush=LINE_COLOUR,
        )
        days = [datetime.fromtimestamp(x, UTC).date() for x in xs]
        self.plot.getPlotItem().getAxis("bottom").setTicks([day_ticks(days), []])


class Bars(Chart):
    """One bar per named category; names on the axis (shortened), in full on hover."""

    def __init__(self, title: str, parent: QWidget | None = None, *, horizontal=False) -> None:
        self.horizontal = horizontal
        super().__init__(title, parent)

    def show_points(self, points: list[Point]) -> None:
        positions = [p.position for p in points]
        values = [p.value for p in points]
        if self.horizontal:
            bars = pg.BarGraphItem(
                x0=0, y=positions, height=0.6, width=values, brush=BAR_COLOUR, pen=None
            )
            axis = self.plot.getPlotItem().getAxis("left")
        else:
            bars = pg.BarGraphItem(
                x=positions, height=values, width=0.6, brush=BAR_COLOUR, pen=None
            )
            axis = self.plot.getPlotItem().getAxis("bottom")
        self.plot.addItem(bars)
        axis.setTicks([[(p.position, shorten(p.name)) for p in points]])
