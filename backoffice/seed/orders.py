"""Demo service orders: a year of applications in every state, with timelines that follow the
order lifecycle of core.services (same action names, same clock rules, a result file for every
ready or completed order)."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from backoffice.core import forms
from backoffice.core.calendar import (
    counted_days_between,
    due_after_days,
    local_date,
    shift_due,
)
from backoffice.models import Role
from backoffice.seed import texts
from backoffice.seed.answers import AnswerMaker
from backoffice.seed.catalog import ServiceSpec
from backoffice.seed.world import DAY, HOUR, MINUTE, ORDERS, Ledger, World, at

STATUS_WEIGHTS = {
    "submitted": 5,
    "accepted": 4,
    "in_progress": 9,
    "needs_info": 4,
    "ready": 5,
    "completed": 62,
    "rejected": 7,
    "cancelled": 4,
}
# Open orders are recent: how many days back each open state reaches.
OPEN_WINDOW_DAYS = {"submitted": 3, "accepted": 6, "in_progress": 20, "needs_info": 25, "ready": 12}
CLOSED = ("completed", "rejected", "cancelled")
# The action (as core.services names it) that leads into each state.
ACTION_INTO = {
    "submitted": "submit",
    "accepted": "accept",
    "in_progress": "start",
    "needs_info": "request_info",
    "ready": "mark_ready",
    "completed": "complete",
    "rejected": "reject",
    "cancelled": "cancel",
}

ORDER_COLUMNS = (
    "id",
    "registration_number",
    "service_id",
    "applicant_id",
    "answers",
    "status",
    "channel",
    "assignee_id",
    "submitted_at",
    "due_at",
    "closed_at",
    "info_question",
    "info_requested_at",
    "info_answer",
    "result_file_id",
    "result_note",
    "rejection_reason",
    "application_file_id",
    "created_at",
    "updated_at",
    "version",
)
ORDER_EVENT_COLUMNS = ("id", "order_id", "action", "status", "comment", "actor_id", "at")
STORED_FILE_COLUMNS = (
    "id",
    "sha256",
    "name",
    "media_type",
    "size",
    "content",
    "uploaded_by_id",
    "created_at",
    "updated_at",
)


@dataclass(frozen=True)
class CatalogService:
    id: int
    spec: ServiceSpec
    schema: list[dict[str, Any]]
    term_days: int
    term_counts: str


@dataclass
class OrderPlan:
    service: CatalogService
    status: str
    submitted_ts: float
    end_ts: float  # the moment of the last move
    applicant_id: int
    channel: str


def plan(world: World, catalog: list[CatalogService]) -> list[OrderPlan]:
    """Who orders what, when, and how far it got; the applicants become ``world.wanted``."""
    rng = world.rng("orders")
    total = ORDERS * world.scale
    statuses = list(STATUS_WEIGHTS)  # every state at least once
    statuses += rng.choices(
        list(STATUS_WEIGHTS), list(STATUS_WEIGHTS.values()), k=total - len(statuses)
    )
    # The demo residents' own orders, so that their cabinets show every state.
    d = world.demo_resident_ids
    demo_applicants = [d[0], d[0], d[0], d[1], d[1], d[2], d[2], d[0]]
    weights = [s.spec.weight for s in catalog]
    plans = []
    for index, status in enumerate(statuses):
        service = rng.choices(catalog, weights)[0]
        if status in OPEN_WINDOW_DAYS:
            age = rng.uniform(0.02, OPEN_WINDOW_DAYS[status]) * DAY
        else:
            age = rng.uniform(1.0, 365.0) * DAY
        submitted_ts, end_ts = _span(world, rng, service, status, world.now_ts - age)
        if index < len(demo_applicants):
            applicant = demo_applicants[index]
        else:
            applicant = world.resident_before(rng, submitted_ts)
        world.wanted.add(applicant)
        channel = "desktop" if rng.random() < 0.22 else "web"
        plans.append(OrderPlan(service, status, submitted_ts, end_ts, applicant, channel))
    plans.sort(key=lambda p: p.submitted_ts)
    return plans


def _span(
    world: World, rng: random.Random, service: CatalogService, status: str, submitted_ts: float
) -> tuple[float, float]:
    """(submitted, last move): open orders moved lately, closed ones around their term."""
    now_ts = world.now_ts
    if status in OPEN_WINDOW_DAYS:
        latest = min(6 * HOUR, (now_ts - submitted_ts) / 2)
        return submitted_ts, now_ts - rng.uniform(min(5 * MINUTE, latest / 2), latest)
    if status == "cancelled":
        share, late = rng.uniform(10 * MINUTE, 2 * DAY), None
    elif status == "rejected":
        share, late = rng.uniform(0.05, 0.6), False
    else:
        late = rng.random() < 0.07
        share = rng.uniform(1.02, 1.3) if late else rng.uniform(0.25, 0.95)
    for attempt in range(12):
        if late is None:
            end = submitted_ts + share
        else:
            due = due_after_days(at(submitted_ts), service.term_days, service.term_counts)
            end = submitted_ts + (due.timestamp() - submitted_ts) * share
        overrun = end - (now_ts - 5 * MINUTE)
        if overrun <= 0:
            return submitted_ts, end
        # The order took longer than the time left: it was submitted earlier than drawn.
        submitted_ts -= overrun + HOUR * 2**attempt
    raise AssertionError("no timeline of an order fits before now")  # pragma: no cover


def _path(rng: random.Random, status: str) -> list[str]:
    """The states an order passed through to reach ``status``."""
    if status == "submitted":
        return ["submitted"]
    if status == "cancelled":
        return ["submitted", "cancelled"]
    if status == "rejected":
        return ["submitted", *["accepted", "in_progress"][: rng.randint(0, 2)], "rejected"]
    path = ["submitted", "accepted"]
    if status == "accepted":
        return path
    path.append("in_progress")
    if status == "needs_info":
        return [*path, "needs_info"]
    if rng.random() < 0.14:
        path += ["needs_info", "in_progress"]  # asked, answered, back in work
    if status == "in_progress":
        return path
    path.append("ready")
    if status == "completed":
        path.append("completed")
    return path


def _moments(rng: random.Random, start: float, end: float, count: int) -> list[float]:
    """``count`` increasing moments from ``start`` to ``end``."""
    if count == 1:
        return [start]
    inner = sorted(rng.uniform(start, end) for _ in range(count - 2))
    return [start, *inner, end]


def demo_pdf(title: str) -> bytes:
    """A one-page PDF with one line of (ASCII) text: the demo stand-in for a result document."""
    text = title.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = f"BT /F1 14 Tf 56 780 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _day(moment: datetime) -> str:
    return local_date(moment).strftime("%d.%m.%Y")


def _notification(status: str, number: str, title: str, due: datetime, order: dict) -> str:
    """What core.services tells the applicant on the move into ``status`` (same wording)."""
    if status == "submitted":
        return (
            f"Заяву № {number} на послугу «{title}» зареєстровано. Строк розгляду — до {_day(due)}."
        )
    if status == "accepted":
        return f"Заяву № {number} прийнято до розгляду."
    if status == "in_progress":
        return f"Заяву № {number} взято в роботу."
    if status == "needs_info":
        return (
            f"Для розгляду заяви № {number} потрібна додаткова інформація: {order['info_question']}"
        )
    if status == "ready":
        text = f"Результат послуги за заявою № {number} готовий."
        return f"{text} {order['result_note']}" if order["result_note"] else text
    if status == "completed":
        return f"Послугу за заявою № {number} надано. Заяву закрито."
    return (
        f"У наданні послуги за заявою № {number} відмовлено. Причина: {order['rejection_reason']}"
    )


def generate(world: World, plans: list[OrderPlan], ledger: Ledger) -> None:
    rng = world.rng("orders/details")
    answers = AnswerMaker(world.rng("orders/answers"), world.maker)
    event_id = len(ledger.order_events)
    for order_id, p in enumerate(plans, start=1):
        service = p.service
        submitted = at(p.submitted_ts)
        number = ledger.number("order", submitted)
        due = due_after_days(submitted, service.term_days, service.term_counts)
        path = _path(rng, p.status)
        end = p.end_ts
        moments = _moments(rng, p.submitted_ts, end, len(path))

        clerk = world.staff_member(rng, Role.CLERK)
        order: dict[str, Any] = {
            "info_question": None,
            "info_requested_at": None,
            "info_answer": None,
            "result_file_id": None,
            "result_note": None,
            "rejection_reason": None,
        }
        pick = 0
        for step, (status, ts) in enumerate(zip(path, moments, strict=True)):
            action, actor, comment = ACTION_INTO[status], clerk, None
            if status == "submitted" and p.channel == "web":
                actor = p.applicant_id
            elif status == "in_progress" and step and path[step - 1] == "needs_info":
                action, actor = "provide_info", p.applicant_id
                comment = order["info_answer"] = texts.INFO_ANSWERS[pick]
                waited = counted_days_between(
                    order["info_requested_at"], at(ts), service.term_counts
                )
                due = shift_due(due, waited, service.term_counts)
            elif status == "needs_info":
                pick = rng.randrange(len(texts.INFO_QUESTIONS))
                comment = order["info_question"] = texts.INFO_QUESTIONS[pick]
                order["info_requested_at"] = at(ts)
            elif status == "ready":
                if rng.random() < 0.7:
                    note = rng.choice(texts.READY_NOTES).format(n=rng.randint(1, 24))
                    comment = order["result_note"] = note
                order["result_file_id"] = _result_file(ledger, number, service, clerk, at(ts))
            elif status == "rejected":
                comment = order["rejection_reason"] = rng.choice(texts.ORDER_REJECTIONS)
            elif status == "cancelled":
                actor = p.applicant_id
            event_id += 1
            ledger.order_events.append((event_id, order_id, action, status, comment, actor, at(ts)))

        last = at(moments[-1])
        person = world.people[p.applicant_id]
        raw = answers.answers(service.schema, person, local_date(submitted))
        ledger.orders.append(
            (
                order_id,
                number,
                service.id,
                p.applicant_id,
                # What core would have stored: the answers as its form check cleans them.
                forms.validate_answers(service.schema, raw),
                p.status,
                p.channel,
                None if len(path) == 1 or p.status == "cancelled" else clerk,
                submitted,
                due,
                last if p.status in CLOSED else None,
                order["info_question"],
                order["info_requested_at"],
                order["info_answer"],
                order["result_file_id"],
                order["result_note"],
                order["rejection_reason"],
                None,
                submitted,
                last,
                len(path),  # one version per change, the submission being the first
            )
        )
        if p.status != "cancelled" and (
            p.applicant_id in world.demo_resident_ids or rng.random() < 0.3
        ):
            text = _notification(p.status, number, service.spec.title, due, order)
            ledger.notifications.append((p.applicant_id, text, f"/orders/{order_id}", end))


def _result_file(
    ledger: Ledger, number: str, service: CatalogService, clerk: int, moment: datetime
) -> int:
    latin = number.replace("ЦНАП", "TsNAP")
    content = demo_pdf(f"e-Ternopil demo: result of order {latin}, service {service.spec.code}")
    file_id = len(ledger.stored_files) + 1
    name = f"Результат {number.replace('/', '-')}.pdf"
    ledger.stored_files.append(
        (
            file_id,
            hashlib.sha256(content).hexdigest(),
            name,
            "application/pdf",
            len(content),
            content,
            clerk,
            moment,
            moment,
        )
    )
    return file_id
