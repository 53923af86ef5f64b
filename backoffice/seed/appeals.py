"""Demo appeals, public-information requests and electronic messages in every state.

Control dates, extensions and forwarding deadlines come from core.reception's own functions,
so the demo data keeps the legal terms exactly as the application computes them; the
timelines use its action names and wording.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime
from types import SimpleNamespace

from backoffice.core import reception
from backoffice.core.calendar import KYIV, end_of_day, local_date
from backoffice.models import Role
from backoffice.seed import texts
from backoffice.seed.world import APPEALS, DAY, HOUR, MINUTE, Ledger, World, at

STATUSES = (
    "received",
    "registered",
    "assigned",
    "extended",
    "answered",
    "forwarded",
    "not_considered",
)
STATUS_WEIGHTS = {
    "appeal": (4, 5, 9, 5, 64, 8, 5),
    "info_request": (3, 4, 8, 5, 72, 5, 3),
    "message": (4, 6, 8, 3, 70, 6, 3),
}
# Open items are recent: how many days back each open state reaches.
OPEN_WINDOW_DAYS = {
    "appeal": {"received": 1.5, "registered": 6, "assigned": 25, "extended": 40},
    "message": {"received": 1.5, "registered": 6, "assigned": 25, "extended": 40},
    "info_request": {"received": 1.0, "registered": 3, "assigned": 5, "extended": 15},
}
CLOSED = ("answered", "forwarded", "not_considered")
PAPER = reception.PAPER_CHANNEL
ANONYMOUS_NAME = "Без підпису (анонімне звернення)"
ANONYMOUS_CONTACT = "Зворотну адресу не зазначено"

APPEAL_COLUMNS = (
    "id",
    "kind",
    "registration_number",
    "subject",
    "text",
    "category",
    "applicant_id",
    "applicant_name",
    "applicant_contact",
    "hide_identity",
    "urgent",
    "urgent_reason",
    "needs_study",
    "status",
    "channel",
    "assignee_id",
    "received_at",
    "registered_at",
    "due_at",
    "original_due_at",
    "extension_reason",
    "forwarded_to",
    "not_considered_reason",
    "response_text",
    "answered_at",
    "answered_by_id",
    "delivered_at",
    "closed_at",
    "created_at",
    "updated_at",
    "version",
)
APPEAL_EVENT_COLUMNS = ("id", "appeal_id", "action", "status", "comment", "actor_id", "at")


@dataclass
class AppealPlan:
    kind: str
    status: str
    received_ts: float
    applicant_id: int | None  # None: a paper appeal from someone without an account
    anonymous: bool
    urgent: bool
    needs_study: bool
    path: list[str]
    moments: list[float]
    item: SimpleNamespace  # what core.reception's term functions read
    first_due: datetime | None  # the control date set at registration
    due: datetime | None  # the control date now (moved by an extension)


def plan(world: World) -> list[AppealPlan]:
    """What arrives when and how far it got, with the moment of every move."""
    rng = world.rng("appeals")
    demo = world.demo_resident_ids
    plans = []
    for kind, per_scale in APPEALS.items():
        statuses = list(STATUSES)  # every state of every kind at least once
        statuses += rng.choices(STATUSES, STATUS_WEIGHTS[kind], k=per_scale * world.scale - 7)
        windows = OPEN_WINDOW_DAYS[kind]
        for index, status in enumerate(statuses):
            if status in windows:
                age = rng.uniform(0.01, windows[status]) * DAY
            else:
                age = rng.uniform(2.0, 365.0) * DAY
            urgent = kind == "info_request" and rng.random() < 0.1
            study = kind != "appeal" or rng.random() < 0.7
            path = _path(rng, status)
            received_ts = world.now_ts - age
            draws = rng.getrandbits(64)  # the same draws on every attempt below
            for attempt in range(12):
                item = SimpleNamespace(
                    kind=kind, urgent=urgent, needs_study=study, received_at=at(received_ts)
                )
                moments, first_due, due = _timeline(
                    world, random.Random(draws), item, path, received_ts
                )
                overrun = moments[-1] - (world.now_ts - MINUTE)
                if overrun <= 0:
                    break
                # The moves take longer than the time left: it arrived earlier than drawn.
                # Due dates jump over weekends and months differ: hence the growing margin.
                received_ts -= overrun + HOUR * 2**attempt
            else:  # pragma: no cover
                raise AssertionError("no timeline of an appeal fits before now")
            anonymous = status == "not_considered" and rng.random() < 0.4
            if anonymous or rng.random() < 0.1:
                applicant = None
            elif index < len(demo) and kind != "message":
                applicant = demo[index]
            else:
                applicant = world.resident_before(rng, received_ts)
            plans.append(
                AppealPlan(
                    kind,
                    status,
                    received_ts,
                    applicant,
                    anonymous,
                    urgent,
                    study,
                    path,
                    moments,
                    item,
                    first_due,
                    due,
                )
            )
    plans.sort(key=lambda p: p.received_ts)
    return plans


def _timeline(
    world: World, rng: random.Random, item: SimpleNamespace, path: list[str], received_ts: float
) -> tuple[list[float], datetime | None, datetime | None]:
    """The moments of the moves along ``path``, one after another, with the control dates as
    core.reception sets them (first at registration, then moved by an extension)."""
    terms = world.terms
    ts = received_ts
    moments = [ts]
    item.registered_at = None
    first_due = due = None
    for step in path[1:]:
        if step == "registered":
            ts += rng.uniform(5 * MINUTE, 2 * HOUR if item.urgent else 20 * HOUR)
            item.registered_at = at(ts)
            first_due = due = reception.initial_due(item, terms)
        elif step == "assigned":
            ts += rng.uniform(10 * MINUTE, 2 * HOUR if item.urgent else DAY)
        elif step == "extended":
            if item.kind == "info_request":
                # Only within the notice term, counted in working days from receipt.
                notice = end_of_day(reception.extension_notice_deadline(item, terms))
                ts += max(MINUTE, (notice.timestamp() - ts) * rng.uniform(0.2, 0.9))
            else:
                ts = max(ts + HOUR, due.timestamp() - rng.uniform(1, 6) * DAY)
            due = end_of_day(reception.extension_limit(item, terms))
        elif step == "answered":
            start = item.registered_at.timestamp()
            late = rng.random() < 0.06
            share = rng.uniform(1.02, 1.2) if late else rng.uniform(0.2, 0.95)
            ts = max(ts + HOUR, start + (due.timestamp() - start) * share)
        elif step == "forwarded":
            deadline = reception.forward_deadline(item, terms).timestamp()
            share = rng.uniform(1.05, 1.5) if rng.random() < 0.05 else rng.uniform(0.2, 0.9)
            ts = max(ts + 10 * MINUTE, received_ts + (deadline - received_ts) * share)
        elif step == "not_considered":
            ts += rng.uniform(HOUR, 8 * DAY)
        moments.append(ts)
    return moments, first_due, due


def _path(rng: random.Random, status: str) -> list[str]:
    steps = ["received", "registered", "assigned", "extended"]
    if status in steps:
        return steps[: steps.index(status) + 1]
    if status == "answered":
        return [*steps[:3], *(["extended"] if rng.random() < 0.1 else []), "answered"]
    return ["received", "registered", status]


def _content(world: World, rng: random.Random, kind: str) -> tuple[str, str, str, str]:
    """Subject, text, category and the answer's text."""
    streets, routes = world.street_names, world.route_numbers
    if kind == "info_request":
        subject = texts.fill(rng.choice(texts.INFO_REQUEST_SUBJECTS), rng, streets, routes)
        text = texts.INFO_REQUEST_TEXT.format(subject=subject[0].lower() + subject[1:])
        return subject, text, "Публічна інформація", rng.choice(texts.INFO_RESPONSES)
    if kind == "message":
        subject, category = rng.choice(texts.MESSAGE_TOPICS)
        subject = texts.fill(subject, rng, streets, routes)
        response = rng.choice(texts.MESSAGE_RESPONSES)
        return subject, rng.choice(texts.MESSAGE_TEXTS), category, response
    category = rng.choice(list(texts.APPEAL_TOPICS))
    subjects, problems, answers = texts.APPEAL_TOPICS[category]
    subject = texts.fill(rng.choice(subjects), rng, streets, routes)
    body = (
        rng.choice(texts.APPEAL_OPENINGS)
        + texts.fill(rng.choice(problems), rng, streets, routes)
        + rng.choice(texts.APPEAL_REQUESTS)
    )
    answer = texts.fill(rng.choice(answers), rng, streets, routes)
    return subject, body, category, f"За результатами розгляду повідомляємо, що {answer}."


def _day(moment: datetime) -> str:
    return local_date(moment).strftime("%d.%m.%Y")


def _due_text(due: datetime, urgent: bool) -> str:
    if urgent:
        return due.astimezone(KYIV).strftime("%d.%m.%Y %H:%M")
    return _day(due)


def generate(world: World, plans: list[AppealPlan], ledger: Ledger) -> None:
    rng = world.rng("appeals/details")
    now_ts = world.now_ts
    officers = world.staff[Role.RECEPTION.value]
    names = {user_id: world.staff_names[user_id] for user_id in officers}
    rows: list[list] = []
    # (moment, appeal id, its registration event's id, the control date set then)
    registrations: list[tuple[float, int, int, datetime]] = []
    for appeal_id, p in enumerate(plans, start=1):
        kind, status = p.kind, p.status
        subject, text, category, response = _content(world, rng, kind)
        urgent, study, path, moments = p.urgent, p.needs_study, p.path, p.moments
        item, first_due, due = p.item, p.first_due, p.due
        original_due = first_due if "extended" in path else None
        forwarded_to = None
        paper = p.applicant_id is None
        hidden = not paper and kind != "info_request" and rng.random() < 0.06
        registrar = world.staff_member(rng, Role.RECEPTION)
        officer = rng.choice(officers)

        events: list[tuple[str, str, str | None, int | None, float]] = []
        number_event = None
        for step, ts in zip(path, moments, strict=True):
            if step == "received":
                actor = registrar if paper else (None if hidden else p.applicant_id)
                comment = "Паперове звернення внесено на прийомі." if paper else None
                events.append(("submit", step, comment, actor, ts))
            elif step == "registered":
                number_event = len(events)
                events.append(("register", step, None, registrar, ts))
            elif step == "assigned":
                events.append(("assign", step, f"Виконавець: {names[officer]}.", registrar, ts))
            elif step == "extended":
                comment = f"Строк продовжено до {_day(due)}."
                events.append(("extend", step, comment, officer, ts))
            elif step == "answered":
                events.append(("answer", step, None, officer, ts))
            elif step == "forwarded":
                forwarded_to = rng.choice(texts.FORWARDED_TO)
                comment = (
                    f"Переслано до: {forwarded_to}. Причина: питання не належить до "
                    "повноважень міської ради."
                )
                events.append(("forward", step, comment, registrar, ts))
            else:
                reason = texts.NOT_CONSIDERED_REASONS[0 if p.anonymous else rng.randint(1, 2)]
                events.append(("mark_not_considered", step, reason, registrar, ts))
        last_ts = moments[-1]
        delivered = None
        if status == "answered":
            if not paper:
                delivered = at(last_ts)
            elif rng.random() < 0.8 and last_ts + DAY < now_ts:
                delivered_ts = last_ts + rng.uniform(HOUR, DAY)
                events.append(
                    ("mark_delivered", status, "Відповідь надіслано поштою.", officer, delivered_ts)
                )
                delivered = at(delivered_ts)

        first_event_id = len(ledger.appeal_events) + 1
        for offset, (action, st, comment, actor, ts) in enumerate(events):
            ledger.appeal_events.append(
                (first_event_id + offset, appeal_id, action, st, comment, actor, at(ts))
            )
        if number_event is not None:
            registrations.append((moments[1], appeal_id, first_event_id + number_event, first_due))

        if paper:
            name = ANONYMOUS_NAME if p.anonymous else world.maker.name()
            contact = ANONYMOUS_CONTACT if p.anonymous else world.maker.address()
        else:
            name = contact = None
        closed = status in CLOSED
        updated = at(events[-1][4])
        rows.append(
            [
                appeal_id,
                kind,
                None,  # the number: given below, in the order of registration
                subject,
                text,
                category,
                p.applicant_id,
                name,
                contact,
                hidden,
                urgent,
                rng.choice(texts.URGENT_REASONS) if urgent else None,
                study if kind == "appeal" else True,
                status,
                PAPER if paper else "web",
                officer if len(path) > 2 and path[2] == "assigned" else None,
                at(p.received_ts),
                item.registered_at,
                due,
                original_due,
                rng.choice(texts.EXTENSION_REASONS) if original_due else None,
                forwarded_to if status == "forwarded" else None,
                events[-1][2] if status == "not_considered" else None,
                response if status == "answered" else None,
                at(last_ts) if status == "answered" else None,
                officer if status == "answered" else None,
                delivered,
                at(last_ts) if closed else None,
                at(p.received_ts),
                updated,
                len(events),  # one version per change, the submission being the first
            ]
        )

    # Gapless numbers per kind and Kyiv year, in the order of registration.
    for ts, appeal_id, event_id, first_due in sorted(registrations):
        row = rows[appeal_id - 1]
        row[2] = ledger.number(row[1], at(ts))
        event = ledger.appeal_events[event_id - 1]
        comment = f"Строк розгляду — до {_due_text(first_due, row[10])}."
        ledger.appeal_events[event_id - 1] = (*event[:4], comment, *event[5:])

    for row in rows:
        ledger.appeals.append(tuple(row))
        _notify(world, rng, ledger, row)


def _notify(world: World, rng: random.Random, ledger: Ledger, row: list) -> None:
    """The last notification the applicant got, in core.reception's words."""
    applicant, kind, status, number, subject = row[6], row[1], row[13], row[2], row[3]
    if applicant is None:
        return
    if applicant not in world.demo_resident_ids and rng.random() >= 0.25:
        return
    label = reception.KIND_LABELS[kind]
    reference = f"№ {number}" if number else f"«{subject}»"
    due, urgent = row[18], row[10]
    if status == "received":
        text = (
            f"{label} «{subject}» отримано {_day(row[16])}. "
            "Після реєстрації ви отримаєте його номер і строк розгляду."
        )
    elif status in ("registered", "assigned"):
        text = (
            f"{label} «{subject}» зареєстровано за № {number}. "
            f"Строк розгляду — до {_due_text(due, urgent)}."
        )
    elif status == "extended":
        text = f"{label} {reference}: строк розгляду продовжено до {_day(due)}. Причина: {row[20]}"
    elif status == "answered":
        text = f"{label} {reference}: надано відповідь. Перегляньте її в кабінеті."
    elif status == "forwarded":
        text = f"{label} {reference} переслано за належністю до: {row[21]}."
    else:
        text = f"{label} {reference} залишено без розгляду. Причина: {row[22]}"
    ledger.notifications.append((applicant, text, f"/appeals/{row[0]}", row[29].timestamp()))
