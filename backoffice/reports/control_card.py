"""The registration-control card of an appeal (реєстраційно-контрольна картка, РКК)."""

from __future__ import annotations

from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table, TableStyle
from sqlalchemy.orm import Session

from backoffice.core import reception
from backoffice.core.actor import Actor
from backoffice.models import utcnow
from backoffice.reports.fonts import FONT
from backoffice.reports.labels import APPEAL_STATUSES, CHANNELS, label
from backoffice.reports.layout import (
    build_pdf,
    content_width,
    field_table,
    fmt_date,
    fmt_int,
    fmt_moment,
    para,
    styles,
)

TITLE = "Реєстраційно-контрольна картка"


def _yes_no(value: bool) -> str:
    return "так" if value else "ні"


def build(
    session: Session,
    actor: Actor,
    period=None,
    *,
    appeal_id: int,
    now: datetime | None = None,
) -> bytes:
    """Needs APPEAL_VIEW (``core.reception.registration_control_card``); a hidden identity is
    shown only to the reception."""
    now = now or utcnow()
    card = reception.registration_control_card(session, actor, appeal_id, now=now)
    s = styles()
    width = content_width()
    number = card["registration_number"] or "не зареєстровано"
    urgent = _yes_no(card["urgent"])
    if card["urgent"] and card["urgent_reason"]:
        urgent += f" ({card['urgent_reason']})"
    # A term counted in hours (an urgent request) is shown with the hour.
    due = fmt_moment(card["due_at"]) if card["urgent"] else fmt_date(card["due_at"])
    pairs = [
        ("Реєстраційний №", number),
        ("Вид документа", card["kind_name"]),
        ("Дата надходження", fmt_moment(card["received_at"])),
        ("Дата реєстрації", fmt_moment(card["registered_at"])),
        ("Спосіб надходження", label(CHANNELS, card["channel"])),
        ("Автор (заявник)", card["applicant"]),
        ("Контакти", card["applicant_contact"]),
        ("Короткий зміст", card["subject"]),
        ("Питання (категорія)", card["category"]),
        ("Терміново", urgent),
        ("Виконавець", card["assignee"]),
        ("Контрольний строк", due),
        ("Первинний строк", fmt_date(card["original_due_at"])),
        ("Підстава продовження строку", card["extension_reason"]),
        ("Переслано за належністю до", card["forwarded_to"]),
        ("Підстава залишення без розгляду", card["not_considered_reason"]),
        ("Дата відповіді", fmt_moment(card["answered_at"])),
        ("Відповідь підготував", card["answered_by"]),
        ("Відповідь доставлено", fmt_moment(card["delivered_at"])),
        ("Стан розгляду", label(APPEAL_STATUSES, card["status"])),
        ("Прострочено", _yes_no(card["overdue"])),
        (
            "Додатки / файли відповіді",
            f"{fmt_int(card['attachments'])} / {fmt_int(card['response_files'])}",
        ),
    ]
    story = [
        para(f"{TITLE} № {number}", s.title),
        Spacer(1, 3 * mm),
        field_table(pairs, [62 * mm, width - 62 * mm]),
        Spacer(1, 14 * mm),
    ]
    control = Table(
        [
            [para("Зняти з контролю:", s.body), para("Відповідальний за контроль:", s.body)],
            [para("«___» ____________ 20___ р.", s.body), para("__________________", s.body)],
        ],
        colWidths=[width / 2, width / 2],
    )
    control.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT)]))
    story.append(control)
    return build_pdf(TITLE, f"№ {number} · надруковано {fmt_moment(now)}", story, generated_at=now)
