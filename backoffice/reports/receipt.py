"""The order receipt a ЦНАП clerk prints for the resident (квитанція про прийняття заяви)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table, TableStyle
from sqlalchemy.orm import Session

from backoffice.config import get_settings
from backoffice.core import services
from backoffice.core.actor import Actor
from backoffice.models import Service, utcnow
from backoffice.reports.fonts import FONT
from backoffice.reports.labels import CHANNELS, DAY_COUNTS, ORDER_STATUSES, label
from backoffice.reports.layout import (
    build_pdf,
    content_width,
    field_table,
    fmt_date,
    fmt_decimal,
    fmt_moment,
    para,
    styles,
)

TITLE = "Квитанція про прийняття заяви"


def fee_text(fee: Decimal) -> str:
    return "безоплатно" if not fee else f"{fmt_decimal(float(fee))} грн"


def build(
    session: Session,
    actor: Actor,
    period=None,
    *,
    order_id: int,
    now: datetime | None = None,
) -> bytes:
    """Whoever may see the order (``core.services.order_detail``: staff with ORDER_VIEW, the
    applicant their own) may print its receipt; personal data is shown as the detail shows it."""
    now = now or utcnow()
    detail = services.order_detail(session, actor, order_id, now=now)
    service = session.get(Service, detail["service_id"])
    days = service.term_days or get_settings().terms.service_default_days
    counts = service.term_counts if service.term_days else "calendar"
    s = styles()
    width = content_width()
    number = detail["registration_number"]
    pairs = [
        ("Реєстраційний номер заяви", f"№ {number}"),
        ("Адміністративна послуга", f"{detail['service']} (код {service.code})"),
        ("Суб'єкт звернення", detail["applicant"]),
        ("Дата і час подання", fmt_moment(detail["submitted_at"])),
        ("Спосіб подання", label(CHANNELS, detail["channel"])),
        ("Строк надання послуги", f"{days} {label(DAY_COUNTS, counts)}"),
        ("Гранична дата надання", fmt_date(detail["due_at"])),
        ("Плата", fee_text(service.fee)),
        ("Суб'єкт надання (підрозділ)", service.department or "—"),
        ("Поточний стан", label(ORDER_STATUSES, detail["status"])),
    ]
    if detail["applicant_phone"]:
        pairs.insert(3, ("Телефон заявника", detail["applicant_phone"]))
    documents = list(service.required_documents or [])
    attached = [a["name"] for a in detail["attachments"]]
    story = [
        para(f"{TITLE} № {number}", s.title),
        para(
            "Центр надання адміністративних послуг Тернопільської міської ради прийняв вашу "
            "заяву. Зберігайте квитанцію: за її номером можна дізнатися стан розгляду на "
            "порталі e-Тернопіль або в ЦНАП.",
            s.body,
        ),
        Spacer(1, 4 * mm),
        field_table(pairs, [62 * mm, width - 62 * mm]),
        Spacer(1, 4 * mm),
        para("Документи, необхідні для надання послуги:", s.label),
    ]
    for i, doc in enumerate(documents or ["—"], start=1):
        story.append(para(f"{i}. {doc}" if documents else doc, s.body))
    if attached:
        story.append(Spacer(1, 2 * mm))
        story.append(para("Додані до заяви файли:", s.label))
        for i, name in enumerate(attached, start=1):
            story.append(para(f"{i}. {name}", s.body))
    story.append(Spacer(1, 14 * mm))
    signatures = Table(
        [
            [para("Адміністратор ЦНАП", s.body), para("Заявник", s.body)],
            [
                para(
                    f"__________________ {actor.name if actor.signed_in else ''}".rstrip(), s.body
                ),
                para(f"__________________ {detail['applicant']}", s.body),
            ],
            [para("(підпис)", s.small), para("(підпис)", s.small)],
        ],
        colWidths=[width / 2, width / 2],
    )
    signatures.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT)]))
    story.append(signatures)
    return build_pdf(
        TITLE, f"Заява № {number} · надруковано {fmt_moment(now)}", story, generated_at=now
    )
