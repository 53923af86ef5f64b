"""Charts for the PDF reports (``reportlab.graphics``), every label in the Cyrillic font."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors

from backoffice.reports.fonts import FONT, FONT_BOLD, register_fonts

PALETTE = [
    colors.HexColor("#1f4e79"),
    colors.HexColor("#c55a11"),
    colors.HexColor("#548235"),
    colors.HexColor("#7030a0"),
    colors.HexColor("#bf9000"),
]
MAX_LABELS = 16  # category labels shown under a time axis; the others stay blank
LABEL_CHARS = 48


def _short(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _thinned(labels: Sequence[str]) -> list[str]:
    step = max(1, -(-len(labels) // MAX_LABELS))
    return [label if i % step == 0 else "" for i, label in enumerate(labels)]


def _nice_step(value: float) -> float:
    """A round step giving at most about six whole-number ticks up to ``value``."""
    step = 1
    while value / step > 6:
        for factor in (2, 2.5, 2):
            step *= factor
            if value / step <= 6:
                break
    return step


def _nice_top(value: float) -> float:
    """A round upper bound for the value axis (at least 1), a whole number of steps."""
    if value <= 0:
        return 1
    step = _nice_step(value)
    return step * (int(value // step) + 1)


def _title(drawing: Drawing, text: str, width: float, height: float) -> None:
    drawing.add(String(0, height - 11, text, fontName=FONT_BOLD, fontSize=9))


def bar_chart(
    labels: Sequence[str],
    values: Sequence[float],
    *,
    title: str,
    width: float,
    height: float = 160,
) -> Drawing:
    """Vertical bars over categories (a time axis: the labels are thinned out)."""
    register_fonts()
    drawing = Drawing(width, height)
    _title(drawing, title, width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 36, 34
    chart.width, chart.height = width - 46, height - 56
    chart.data = [list(values) or [0]]
    chart.categoryAxis.categoryNames = _thinned(list(labels)) or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.angle = 45 if len(labels) > 8 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(labels) > 8 else "n"
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _nice_top(max(values, default=0))
    chart.valueAxis.valueStep = _nice_step(chart.valueAxis.valueMax)
    chart.valueAxis.labelTextFormat = lambda v: f"{v:,.0f}".replace(",", " ")
    chart.bars[0].fillColor = PALETTE[0]
    chart.bars[0].strokeColor = None
    chart.barSpacing = 0.5
    drawing.add(chart)
    return drawing


def horizontal_bars(
    labels: Sequence[str],
    values: Sequence[float],
    *,
    title: str,
    width: float,
    value_format: str = "{:,.0f}",
    value_max: float | None = None,
) -> Drawing:
    """Horizontal bars with the category names at the left (services, options, statuses)."""
    register_fonts()
    rows = max(1, len(labels))
    height = 30 + rows * 16
    drawing = Drawing(width, height)
    _title(drawing, title, width, height)
    label_room = min(width * 0.45, 240)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_room, 14
    chart.width, chart.height = width - label_room - 40, rows * 16
    # The first category is drawn at the bottom: reverse, so the list reads top-down.
    chart.data = [list(reversed(values)) or [0]]
    chart.categoryAxis.categoryNames = [_short(x, 60) for x in reversed(labels)] or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = value_max or _nice_top(max(values, default=0))
    chart.valueAxis.visible = False
    chart.bars[0].fillColor = PALETTE[0]
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = lambda v: value_format.format(v).replace(",", " ").replace(".", ",")
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def line_chart(
    labels: Sequence[str],
    series: Sequence[Sequence[float | None]],
    names: Sequence[str],
    *,
    title: str,
    width: float,
    height: float = 170,
    value_min: float = 0,
    value_max: float | None = None,
) -> Drawing:
    """Lines over categories (a time axis), with a legend; None leaves a gap."""
    register_fonts()
    drawing = Drawing(width, height)
    _title(drawing, title, width, height)
    chart = HorizontalLineChart()
    chart.x, chart.y = 30, 34
    chart.width, chart.height = width - 150, height - 56
    chart.data = [list(s) for s in series] or [[0]]
    chart.categoryAxis.categoryNames = _thinned(list(labels)) or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.angle = 45 if len(labels) > 8 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(labels) > 8 else "n"
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = value_min
    top = max((v for s in series for v in s if v is not None), default=0)
    chart.valueAxis.valueMax = value_max or _nice_top(top)
    for i, values in enumerate(series):
        color = PALETTE[i % len(PALETTE)]
        # A dot on every value, so a lone value (a gap on each side) still shows; a line needs
        # two values (reportlab cannot stroke a one-point line).
        chart.lines[i].symbol = makeMarker("FilledCircle", size=3, fillColor=color)
        known = sum(v is not None for v in values)
        chart.lines[i].strokeColor = color if known >= 2 else None
        chart.lines[i].strokeWidth = 1.5
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 110, height - 24
    legend.fontName = FONT
    legend.fontSize = 7
    legend.alignment = "right"
    legend.columnMaximum = 8
    legend.colorNamePairs = [(PALETTE[i % len(PALETTE)], n) for i, n in enumerate(names)]
    drawing.add(legend)
    return drawing
