"""The report on appeals, public-information requests and electronic messages."""

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
from backoffice.reports.labels import APPEAL_KINDS, APPEAL_STATUSES, label
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

TITLE = "Звіт про звернення громадян і запити на публічну інформацію"
SUMMARY_HEADER = [
    "Вид / питання",
    "Надійшло",
    "Надано відповідь",
    "Відповідь у строк",
    "Середній строк відповіді, днів",
    "Переслано за належністю",
    "Без розгляду",
    "На розгляді",
    "Прострочено",
]
NO_CATEGORY = "без категорії"
TOTAL = "Усього"


def summary_row(name: str, s: analytics.AppealSummary) -> list[str]:
    return [
        name,
        fmt_int(s.received),
        fmt_int(s.answered),
        fmt_share(s.on_time_share),
        fmt_decimal(s.average_answer_days),
        fmt_int(s.forwarded),
        fmt_int(s.not_considered),
        fmt_int(s.open),
        fmt_int(s.overdue),
    ]


def build(
    session: Session,
    actor: Actor,
    period: Period,
    *,
    kind: str | None = None,
    now: datetime | None = None,
) -> bytes:
    require(actor, Perm.ANALYTICS_VIEW)
    now = now or utcnow()
    s = styles()
    wide = True
    width = content_width(wide)
    kinds = analytics.appeal_summary(session, actor, period, "kind", kind=kind, now=now)
    categories = analytics.appeal_summary(session, actor, period, "category", kind=kind, now=now)
    totals = analytics.appeal_totals(session, actor, period, kind=kind, now=now)
    statuses = analytics.appeals_by_status(session, actor, period, kind=kind)
    bucket = period.natural_bucket()
    points = analytics.appeals_over_time(session, actor, period, bucket, kind=kind)

    widths = [None, 20 * mm, 24 * mm, 24 * mm, 30 * mm, 28 * mm, 22 * mm, 22 * mm, 25 * mm]
    widths[0] = width - sum(w for w in widths if w)
    story = [
        para(TITLE, s.title),
        para(
            f"Період: {period.label()}. Надійшло — отримані в періоді; відповіді, пересилання "
            "та залишення без розгляду — здійснені в періоді; «у строк» — не пізніше "
            "контрольної дати; на розгляді та прострочені — станом на "
            f"{fmt_date(now)}.",
            s.body,
        ),
        Spacer(1, 3 * mm),
        key_figures(
            [
                ("Надійшло", fmt_int(totals.received)),
                ("Надано відповідь", fmt_int(totals.answered)),
                ("Відповідь у строк", fmt_share(totals.on_time_share)),
                ("Середній строк відповіді, днів", fmt_decimal(totals.average_answer_days)),
                ("На розгляді", fmt_int(totals.open)),
                ("Прострочено", fmt_int(totals.overdue)),
            ],
            width,
        ),
        Spacer(1, 2 * mm),
    ]
    story += section(
        "За видами",
        *data_table(
            SUMMARY_HEADER,
            [summary_row(label(APPEAL_KINDS, k.key), k) for k in kinds],
            widths,
            numeric=range(1, 9),
            total=summary_row(TOTAL, totals),
        ),
    )
    story.append(Spacer(1, 3 * mm))
    story.append(
        side_by_side(
            charts.bar_chart(
                [bucket_label(p.start, bucket) for p in points],
                [p.count for p in points],
                title="Надходження за період",
                width=width * 0.55 - 6 * mm,
            ),
            charts.horizontal_bars(
                [label(APPEAL_STATUSES, c.key) for c in statuses],
                [c.count for c in statuses],
                title="Звернення періоду за поточним станом",
                width=width * 0.45,
            ),
            width,
            0.55,
        )
    )
    story += section(
        "За питаннями (категоріями)",
        *data_table(
            SUMMARY_HEADER,
            [summary_row(c.key or NO_CATEGORY, c) for c in categories],
            widths,
            numeric=range(1, 9),
        ),
    )
    story += section(
        "За станом розгляду",
        *data_table(
            ["Стан", "Кількість"],
            [[label(APPEAL_STATUSES, c.key), fmt_int(c.count)] for c in statuses],
            [80 * mm, 30 * mm],
            numeric=[1],
        ),
    )
    return build_pdf(TITLE, f"Період: {period.label()}", story, wide=wide, generated_at=now)
