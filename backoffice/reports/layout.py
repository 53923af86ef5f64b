"""The page every report shares, its styles, tables and number formats.

- Header on every page: «Тернопільська міська рада · e-Тернопіль», the report's title and its
  period (or the date it was printed, for a per-item document); footer «сторінка N з M» (the
  total is known only at the end: the canvas keeps every page and numbers them when saved).
- Every paragraph style sets ``fontName`` (reportlab's sample styles default to Helvetica, which
  has no Cyrillic); tables set ``FONTNAME`` too, hold ``Paragraph`` cells so long text wraps,
  have explicit column widths and repeat their header row on every page; very long tables are
  cut into chunks so that splitting across pages stays linear.
- Numbers are printed the Ukrainian way: decimal comma, no-break space between thousands.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from backoffice.core.calendar import KYIV
from backoffice.reports.fonts import FONT, FONT_BOLD, register_fonts

CITY = "Тернопільська міська рада · e-Тернопіль"
MARGIN = 15 * mm
HEADER_SPACE = 22 * mm
FOOTER_SPACE = 12 * mm
TABLE_CHUNK = 300  # rows per Table object; each repeats the header
NBSP = "\u00a0"

HEADER_BACKGROUND = colors.HexColor("#dde6f0")
TOTAL_BACKGROUND = colors.HexColor("#f1f1f1")
GRID = colors.HexColor("#8a9bb0")
ACCENT = colors.HexColor("#1f4e79")


# --- number and date formats ---------------------------------------------------------------------


def fmt_int(value: int | None) -> str:
    if value is None:
        return "—"
    return f"{value:,}".replace(",", NBSP)


def fmt_decimal(value: float | None, places: int = 2) -> str:
    if value is None:
        return "—"
    text = f"{value:,.{places}f}"
    return text.replace(",", NBSP).replace(".", ",")


def fmt_share(value: float | None) -> str:
    """A share (0.8333) as a percentage with one decimal: «83,3 %»."""
    if value is None:
        return "—"
    return f"{fmt_decimal(value * 100, 1)}{NBSP}%"


def fmt_date(value: date | datetime | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, datetime):
        value = value.astimezone(KYIV).date()
    return value.strftime("%d.%m.%Y")


def bucket_label(start: date, bucket: str) -> str:
    """A chart's category: «05.03» for a day or a week, «03.2025» for a month."""
    return start.strftime("%m.%Y") if bucket == "month" else start.strftime("%d.%m")


def fmt_moment(value: datetime | None) -> str:
    if value is None:
        return "—"
    return value.astimezone(KYIV).strftime("%d.%m.%Y %H:%M")


# --- styles --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    title: ParagraphStyle
    heading: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    cell_center: ParagraphStyle
    cell_header: ParagraphStyle
    cell_bold: ParagraphStyle
    label: ParagraphStyle


def styles() -> Styles:
    """The base stylesheet: every style names its font."""
    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5, alignment=TA_LEFT)
    cell = ParagraphStyle("cell", fontName=FONT, fontSize=8, leading=10)
    return Styles(
        body=body,
        small=ParagraphStyle("small", fontName=FONT, fontSize=7.5, leading=9.5),
        title=ParagraphStyle(
            "title", fontName=FONT_BOLD, fontSize=14, leading=18, spaceAfter=4, textColor=ACCENT
        ),
        heading=ParagraphStyle(
            "heading",
            fontName=FONT_BOLD,
            fontSize=11,
            leading=14,
            spaceBefore=8,
            spaceAfter=4,
            textColor=ACCENT,
        ),
        cell=cell,
        cell_right=ParagraphStyle("cell_right", parent=cell, fontName=FONT, alignment=TA_RIGHT),
        cell_center=ParagraphStyle("cell_center", parent=cell, fontName=FONT, alignment=TA_CENTER),
        cell_header=ParagraphStyle(
            "cell_header", parent=cell, fontName=FONT_BOLD, alignment=TA_CENTER
        ),
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=FONT_BOLD),
        label=ParagraphStyle("label", fontName=FONT_BOLD, fontSize=9, leading=11.5),
    )


def para(text: Any, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (escaped: what residents wrote is never markup)."""
    return Paragraph(escape("" if text is None else str(text)), style)


# --- tables --------------------------------------------------------------------------------------


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    numeric: Iterable[int] = (),
    total: Sequence[Any] | None = None,
) -> list[Flowable]:
    """A table with a header repeated on every page; ``numeric`` columns align right; an
    optional ``total`` row in bold at the end. Returned as flowables (one per chunk)."""
    s = styles()
    numeric = set(numeric)
    head = [Paragraph(escape(h), s.cell_header) for h in header]

    def cells(row: Sequence[Any], bold: bool = False) -> list[Paragraph]:
        out = []
        for i, value in enumerate(row):
            style = s.cell_right if i in numeric else s.cell
            if bold:
                style = ParagraphStyle(f"{style.name}_b", parent=style, fontName=FONT_BOLD)
            out.append(para(value, style))
        return out

    body = [cells(r) for r in rows]
    if total is not None:
        body.append(cells(total, bold=True))
    if not body:
        body = [[para("Немає даних за період.", s.cell)] + [""] * (len(header) - 1)]
    chunks = [body[i : i + TABLE_CHUNK] for i in range(0, len(body), TABLE_CHUNK)]
    tables: list[Flowable] = []
    for index, chunk in enumerate(chunks):
        table = Table([head, *chunk], colWidths=list(widths), repeatRows=1)
        commands = [
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD),
            ("FONTSIZE", (0, 0), (-1, -1), 8),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND),
            ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        if not rows and total is None:
            commands.append(("SPAN", (0, 1), (-1, 1)))
        if total is not None and index == len(chunks) - 1:
            commands.append(("BACKGROUND", (0, -1), (-1, -1), TOTAL_BACKGROUND))
        table.setStyle(TableStyle(commands))
        tables.append(table)
    return tables


def field_table(pairs: Sequence[tuple[str, Any]], widths: Sequence[float]) -> Table:
    """Label — value lines of a per-item document (a receipt, a card)."""
    s = styles()
    data = [[para(k, s.label), para(v if v not in (None, "") else "—", s.body)] for k, v in pairs]
    table = Table(data, colWidths=list(widths))
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("GRID", (0, 0), (-1, -1), 0.4, GRID),
                ("BACKGROUND", (0, 0), (0, -1), TOTAL_BACKGROUND),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def key_figures(pairs: Sequence[tuple[str, str]], width: float) -> Table:
    """A row of headline figures: the label above, the figure below in bold."""
    s = styles()
    label_style = ParagraphStyle("kf_label", parent=s.small, fontName=FONT, alignment=TA_CENTER)
    value_style = ParagraphStyle(
        "kf_value", fontName=FONT_BOLD, fontSize=12, leading=15, alignment=TA_CENTER
    )
    column = width / len(pairs)
    table = Table(
        [[para(k, label_style) for k, _ in pairs], [para(v, value_style) for _, v in pairs]],
        colWidths=[column] * len(pairs),
    )
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("BOX", (0, 0), (-1, -1), 0.6, GRID),
                ("INNERGRID", (0, 0), (-1, -1), 0.3, GRID),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def side_by_side(left: Flowable, right: Flowable, width: float, split: float = 0.5) -> Table:
    """Two flowables (charts) next to each other."""
    table = Table([[left, right]], colWidths=[width * split, width * (1 - split)])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def section(title: str, *flowables: Flowable) -> list[Flowable]:
    """A heading kept with what follows it (no orphan heading at the bottom of a page)."""
    s = styles()
    flowables = list(flowables)
    if not flowables:
        return [para(title, s.heading)]
    if isinstance(flowables[0], Table):
        # A long table starts on this page when its heading and a few rows fit, else on the next.
        return [CondPageBreak(40 * mm), para(title, s.heading), *flowables]
    # Anything else (a chart) moves to the next page with its heading when it does not fit.
    return [KeepTogether([para(title, s.heading), flowables[0]]), *flowables[1:]]


# --- the document --------------------------------------------------------------------------------


def _numbered_canvas(footer_left: str) -> type[pdf_canvas.Canvas]:
    class NumberedCanvas(pdf_canvas.Canvas):
        """Keeps every page until the end, then writes «сторінка N з M» on each."""

        def __init__(self, *args, **kwargs):
            # The canvas's own default (Helvetica, no Cyrillic) never enters the document.
            kwargs.setdefault("initialFontName", FONT)
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._footer(number, total)
                super().showPage()
            super().save()

        def _footer(self, number: int, total: int) -> None:
            width, _ = self._pagesize
            self.saveState()
            self.setFont(FONT, 7.5)
            self.setFillColor(colors.HexColor("#555555"))
            self.drawString(MARGIN, 8 * mm, footer_left)
            self.drawRightString(width - MARGIN, 8 * mm, f"сторінка {number} з {total}")
            self.restoreState()

    return NumberedCanvas


def build_pdf(
    title: str,
    subtitle: str,
    story: list[Flowable],
    *,
    wide: bool = False,
    generated_at: datetime,
) -> bytes:
    """Lay ``story`` out on A4 (landscape when ``wide``) with the shared header and footer.

    ``subtitle`` is the period («Період: 01.03.2025 — 31.03.2025») or another line under the
    title."""
    register_fonts()
    pagesize = landscape(A4) if wide else A4
    width, height = pagesize
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + HEADER_SPACE,
        bottomMargin=MARGIN + FOOTER_SPACE / 2,
        title=title,
        author="Тернопільська міська рада",
        subject=subtitle,
        creator="e-Тернопіль back office",
    )

    def header(canvas, _doc) -> None:
        canvas.saveState()
        top = height - MARGIN
        canvas.setFillColor(ACCENT)
        canvas.setFont(FONT_BOLD, 8.5)
        canvas.drawString(MARGIN, top - 2 * mm, CITY)
        canvas.setFillColor(colors.black)
        canvas.setFont(FONT_BOLD, 10.5)
        canvas.drawString(MARGIN, top - 8 * mm, _fit(canvas, title, FONT_BOLD, 10.5, width))
        canvas.setFont(FONT, 8.5)
        canvas.drawString(MARGIN, top - 13 * mm, _fit(canvas, subtitle, FONT, 8.5, width))
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN, top - 16 * mm, width - MARGIN, top - 16 * mm)
        canvas.restoreState()

    frame = Frame(
        MARGIN,
        MARGIN + FOOTER_SPACE / 2,
        width - 2 * MARGIN,
        height - 2 * MARGIN - HEADER_SPACE - FOOTER_SPACE / 2,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=header)])
    footer = f"Сформовано {fmt_moment(generated_at)} · {CITY}"
    doc.build(story or [Spacer(1, 1)], canvasmaker=_numbered_canvas(footer))
    return buffer.getvalue()


def content_width(wide: bool = False) -> float:
    pagesize = landscape(A4) if wide else A4
    return pagesize[0] - 2 * MARGIN


def _fit(canvas, text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis to fit the line."""
    room = width - 2 * MARGIN
    if canvas.stringWidth(text, font, size) <= room:
        return text
    while text and canvas.stringWidth(text + "…", font, size) > room:
        text = text[:-1]
    return text + "…"
