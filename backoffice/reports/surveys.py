"""Survey results: every survey open during the period (or one), question by question."""

from __future__ import annotations

from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Spacer
from sqlalchemy.orm import Session

from backoffice.core import analytics
from backoffice.core.actor import Actor
from backoffice.core.analytics import Period
from backoffice.core.errors import NotFound
from backoffice.core.permissions import Perm, require
from backoffice.models import utcnow
from backoffice.reports import charts
from backoffice.reports.labels import SURVEY_STATUSES, label
from backoffice.reports.layout import (
    build_pdf,
    content_width,
    data_table,
    fmt_date,
    fmt_int,
    fmt_share,
    para,
    section,
    styles,
)

TITLE = "Результати опитувань e-Демократії"
OPTION_HEADER = ["Варіант відповіді", "Голосів", "Частка"]


def build(
    session: Session,
    actor: Actor,
    period: Period,
    *,
    survey_id: int | None = None,
    now: datetime | None = None,
) -> bytes:
    require(actor, Perm.ANALYTICS_VIEW)
    now = now or utcnow()
    s = styles()
    width = content_width()
    # Asked for by id: that survey, even when its voting lies outside the period.
    surveys = analytics.surveys_in_period(session, actor, period, survey_id=survey_id)
    if survey_id is not None and not surveys:
        raise NotFound()
    story = [para(TITLE, s.title), para(f"Період: {period.label()}.", s.body)]
    if not surveys:
        story.append(para("За період опитувань не було.", s.body))
    for survey in surveys:
        results = analytics.survey_results(session, actor, survey.survey_id, now=now)
        story.append(Spacer(1, 3 * mm))
        story += section(
            survey.title,
            para(
                f"Голосування: {fmt_date(survey.opens_at)} — {fmt_date(survey.closes_at)}; "
                f"стан: {label(SURVEY_STATUSES, survey.status)}; "
                f"бюлетенів: {fmt_int(results.ballots)}.",
                s.body,
            ),
        )
        for number, question in enumerate(results.questions, start=1):
            heading = f"{number}. {question.text} (відповіли: {fmt_int(question.answered)})"
            if question.kind == "text":
                story.append(para(heading, s.label))
                story.append(
                    para(f"Текстових відповідей: {fmt_int(question.text_answers)}.", s.body)
                )
                continue
            options = question.options
            story += section(
                heading,
                *data_table(
                    OPTION_HEADER,
                    [[o.text, fmt_int(o.count), fmt_share(o.share)] for o in options],
                    [width - 50 * mm, 25 * mm, 25 * mm],
                    numeric=[1, 2],
                ),
            )
            story.append(Spacer(1, 2 * mm))
            story.append(
                charts.horizontal_bars(
                    [o.text for o in options],
                    [o.share * 100 for o in options],
                    title="Частка голосів, %",
                    width=width,
                    value_format="{:.1f} %",
                    value_max=100,
                )
            )
    return build_pdf(TITLE, f"Період: {period.label()}", story, generated_at=now)
