"""Rate Your Ride: the carrier scorecard — per carrier its reviews, average rating and aspects,
its routes, and the trend over the period."""

from __future__ import annotations

from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer
from sqlalchemy.orm import Session

from backoffice.core import analytics
from backoffice.core.actor import Actor
from backoffice.core.analytics import Period
from backoffice.core.errors import NotFound
from backoffice.core.permissions import Perm, require
from backoffice.core.transport import RideStats
from backoffice.models import utcnow
from backoffice.reports import charts
from backoffice.reports.labels import RIDE_MEASURES, TRANSPORT_MODES, label
from backoffice.reports.layout import (
    build_pdf,
    content_width,
    data_table,
    fmt_date,
    fmt_decimal,
    fmt_int,
    key_figures,
    para,
    section,
    styles,
)

TITLE = "Оціни поїздку: картка перевізника"
MEASURES = ("rating", "punctuality", "cleanliness", "driver", "crowding")
ROUTE_HEADER = [
    "Маршрут",
    "Відгуків",
    *(label(RIDE_MEASURES, m).capitalize() for m in MEASURES),
]


def measure_name(measure: str) -> str:
    return label(RIDE_MEASURES, measure).capitalize()


def stats_cells(stats: RideStats) -> list[str]:
    return [fmt_int(stats.count), *(fmt_decimal(getattr(stats, m)) for m in MEASURES)]


def build(
    session: Session,
    actor: Actor,
    period: Period,
    *,
    carrier_id: int | None = None,
    now: datetime | None = None,
) -> bytes:
    require(actor, Perm.ANALYTICS_VIEW)
    now = now or utcnow()
    s = styles()
    wide = True
    width = content_width(wide)
    carriers = analytics.ride_ratings_by_carrier(session, actor, period, carrier_id=carrier_id)
    if carrier_id is not None and not carriers:
        raise NotFound()
    routes = analytics.ride_ratings_by_route(session, actor, period)
    bucket = "month" if period.days > 62 else "week"
    story = [
        para(TITLE, s.title),
        para(
            f"Період: {period.label()}. Оцінки від 1 до 5 за поїздки в періоді; середні — "
            "з тих, хто оцінив цей аспект.",
            s.body,
        ),
    ]
    for index, carrier in enumerate(carriers):
        if index:
            story.append(PageBreak())
        story.append(Spacer(1, 3 * mm))
        story += section(
            f"Перевізник: {carrier.name}",
            key_figures(
                [
                    ("Відгуків", fmt_int(carrier.stats.count)),
                    *(
                        (
                            label(RIDE_MEASURES, m).capitalize(),
                            fmt_decimal(getattr(carrier.stats, m)),
                        )
                        for m in MEASURES
                    ),
                ],
                width,
            ),
        )
        own = [r for r in routes if r.carrier_id == carrier.carrier_id]
        story.append(Spacer(1, 3 * mm))
        widths = [None] + [22 * mm] + [30 * mm] * len(MEASURES)
        widths[0] = width - sum(w for w in widths if w)
        story += section(
            "Маршрути",
            *data_table(
                ROUTE_HEADER,
                [
                    [f"№ {r.number} ({label(TRANSPORT_MODES, r.mode)})", *stats_cells(r.stats)]
                    for r in own
                ],
                widths,
                numeric=range(1, 2 + len(MEASURES)),
            ),
        )
        trend = analytics.ride_ratings_over_time(
            session, actor, period, bucket, carrier_id=carrier.carrier_id
        )
        story.append(Spacer(1, 3 * mm))
        story.append(
            charts.line_chart(
                [
                    fmt_date(p.start)[:5] if bucket == "week" else fmt_date(p.start)[3:]
                    for p in trend
                ],
                [[getattr(p.stats, m) for p in trend] for m in MEASURES],
                [label(RIDE_MEASURES, m) for m in MEASURES],
                title="Середні оцінки " + ("за тижнями" if bucket == "week" else "за місяцями"),
                width=width,
                value_min=0,
                value_max=5,
            )
        )
    if not carriers:
        story.append(para("Немає перевізників.", s.body))
    return build_pdf(TITLE, f"Період: {period.label()}", story, wide=wide, generated_at=now)
