"""The period report on administrative services (ЦНАП): per service received, completed,
rejected, share on time, average and median days, overdue; with charts."""

from __future__ import annotations

from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Spacer
from sqlalchemy.orm import Session

from backoffice.core import analytics
from backoffice.core.actor import Actor
from backoffice.core.analytics import Period
from backoffice.core.permissions import Perm, require
from backoffice.models import utcnow
from backoffice.reports import charts
from backoffice.reports.labels import ORDER_STATUSES, label
from backoffice.reports.layout import (
    bucket_label,
    build_pdf,
    content_width,
    data_table,
    fmt_date,
    fmt_decimal,
    fmt_int,
    fmt_share,
    key_figures,
    para,
    section,
    side_by_side,
    styles,
)

TITLE = "Звіт про надання адміністративних послуг"
TABLE_HEADER = [
    "№ з/п",
    "Послуга",
    "Отримано",
    "Виконано",
    "Відмовлено",
    "Виконано вчасно",
    "Середній строк, днів",
    "Медіана, днів",
    "На розгляді",
    "Прострочено",
]
BUCKET_NAMES = {"day": "днями", "week": "тижнями", "month": "місяцями"}


def service_row(number: int | str, s: analytics.ServiceSummary) -> list[str]:
    """One line of the services table (the tests read the figures back in this format)."""
    return [
        str(number),
        s.title,
        fmt_int(s.received),
        fmt_int(s.completed),
        fmt_int(s.rejected),
        fmt_share(s.on_time_share),
        fmt_decimal(s.average_days),
        fmt_decimal(s.median_days),
        fmt_int(s.open),
        fmt_int(s.overdue),
    ]


def build(
    session: Session,
    actor: Actor,
    period: Period,
    *,
    category_id: int | None = None,
    now: datetime | None = None,
) -> bytes:
    require(actor, Perm.ANALYTICS_VIEW)
    now = now or utcnow()
    s = styles()
    wide = True
    width = content_width(wide)
    overview = analytics.services_overview(session, actor, period, category_id=category_id, now=now)
    rows, totals, statuses = overview.services, overview.total, overview.received_by_status
    bucket = period.natural_bucket()
    points = analytics.orders_over_time(session, actor, period, bucket, category_id=category_id)

    story = [
        para(TITLE, s.title),
        para(
            f"Період: {period.label()}. Отримано — заяви, подані в періоді; виконано, відмовлено "
            "— закриті в періоді; «виконано вчасно» — частка виконаних не пізніше граничної "
            "дати; строк — календарні дні від подання до видачі результату; на розгляді та "
            f"прострочені — станом на {fmt_date(now)}.",
            s.body,
        ),
        Spacer(1, 3 * mm),
        key_figures(
            [
                ("Отримано", fmt_int(totals.received)),
                ("Виконано", fmt_int(totals.completed)),
                ("Відмовлено", fmt_int(totals.rejected)),
                ("Виконано вчасно", fmt_share(totals.on_time_share)),
                ("Середній строк, днів", fmt_decimal(totals.average_days)),
                ("Медіана, днів", fmt_decimal(totals.median_days)),
                ("Прострочено", fmt_int(totals.overdue)),
            ],
            width,
        ),
        Spacer(1, 4 * mm),
        side_by_side(
            charts.bar_chart(
                [bucket_label(p.start, bucket) for p in points],
                [p.count for p in points],
                title=f"Отримані заяви за {BUCKET_NAMES[bucket]}",
                width=width * 0.55 - 6 * mm,
            ),
            charts.horizontal_bars(
                [label(ORDER_STATUSES, c.key) for c in statuses],
                [c.count for c in statuses],
                title="Заяви періоду за поточним станом",
                width=width * 0.45,
            ),
            width,
            0.55,
        ),
    ]
    top = rows[:10]
    if top:
        story.append(
            charts.horizontal_bars(
                [r.title for r in top],
                [r.received for r in top],
                title="Найзатребуваніші послуги (отримано заяв)",
                width=width,
            )
        )
    widths = [12 * mm, None, 20 * mm, 20 * mm, 22 * mm, 24 * mm, 26 * mm, 22 * mm, 22 * mm, 25 * mm]
    widths[1] = width - sum(w for w in widths if w)
    story += section(
        "Показники за послугами",
        *data_table(
            TABLE_HEADER,
            [service_row(i, r) for i, r in enumerate(rows, start=1)],
            widths,
            numeric=range(2, 10),
            total=service_row("", totals),
        ),
    )
    return build_pdf(TITLE, f"Період: {period.label()}", story, wide=wide, generated_at=now)
