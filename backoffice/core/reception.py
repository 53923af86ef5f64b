"""E-Reception: citizens' appeals, public-information requests and electronic messages.

The lifecycle is data (``LIFECYCLE``); every change checks permission, loads the item, refuses a
stale copy, validates, changes state, appends an ``AppealEvent``, tells the applicant what the
law says they must be told, and records the activity-log entry last, in the caller's
transaction. Terms come from ``LegalTerms`` and are counted by ``core.calendar`` only. Overdue is
computed from ``due_at``, never stored. The desktop's list (``appeal_rows``, ``appeal_count``)
filters, searches and pages in SQL through ``core.listing``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session, aliased

from backoffice.config import LegalTerms, get_settings
from backoffice.core import audit, listing, numbering, records
from backoffice.core import files as stored_files
from backoffice.core.actor import Actor
from backoffice.core.calendar import (
    KYIV,
    add_working_days,
    due_after_days,
    due_after_months,
    end_of_day,
    is_due_soon,
    is_overdue,
    local_date,
)
from backoffice.core.errors import InvalidInput, InvalidTransition, NotFound
from backoffice.core.lifecycle import Lifecycle
from backoffice.core.listing import ListRequest
from backoffice.core.notifications import notify
from backoffice.core.permissions import Perm, can, require
from backoffice.core.validation import WRONG_TYPE, Checker
from backoffice.models import (
    Appeal,
    AppealEvent,
    AppealFile,
    AppealKind,
    AppealStatus,
    DayCount,
    Role,
    StaffRole,
    StoredFile,
    User,
    utcnow,
)
from backoffice.models.reception import CLOSED_APPEAL_STATUSES

S = AppealStatus
_P = Perm.APPEAL_PROCESS

# received → registered → assigned → answered, assigned → extended → answered; forwarded and
# not_considered close an item that is still open. Every staff move needs APPEAL_PROCESS.
LIFECYCLE = Lifecycle(
    "appeal",
    {
        S.RECEIVED: {S.REGISTERED: _P, S.FORWARDED: _P, S.NOT_CONSIDERED: _P},
        S.REGISTERED: {S.ASSIGNED: _P, S.FORWARDED: _P, S.NOT_CONSIDERED: _P},
        S.ASSIGNED: {S.ANSWERED: _P, S.EXTENDED: _P, S.FORWARDED: _P, S.NOT_CONSIDERED: _P},
        S.EXTENDED: {S.ANSWERED: _P, S.NOT_CONSIDERED: _P},
    },
)

# Handing an item in work to another officer: the assignee changes, the status stays. Kept apart
# from LIFECYCLE so that a self-loop there never lets ``extend`` run twice.
REASSIGNMENT = Lifecycle(
    "appeal.reassign",
    {S.ASSIGNED: {S.ASSIGNED: _P}, S.EXTENDED: {S.EXTENDED: _P}},
)

# The action (and core function) that moves an item into each status.
ACTION_BY_STATUS: dict[str, str] = {
    S.REGISTERED: "register",
    S.ASSIGNED: "assign",
    S.EXTENDED: "extend",
    S.FORWARDED: "forward",
    S.ANSWERED: "answer",
    S.NOT_CONSIDERED: "mark_not_considered",
}

HIDDEN_IDENTITY = "Особу приховано"

# "Ваше звернення ..." — the possessive agrees with the kind's gender.
KIND_LABELS: dict[str, str] = {
    AppealKind.APPEAL: "Ваше звернення",
    AppealKind.INFO_REQUEST: "Ваш запит на інформацію",
    AppealKind.MESSAGE: "Ваше електронне повідомлення",
}
KIND_NAMES: dict[str, str] = {
    AppealKind.APPEAL: "звернення",
    AppealKind.INFO_REQUEST: "запит на інформацію",
    AppealKind.MESSAGE: "електронне повідомлення",
}

SUBJECT_MAX = 300
TEXT_MAX = 20_000
CATEGORY_MAX = 100
NAME_MAX = 200
CONTACT_MAX = 300
REASON_MAX = 2_000
BODY_MAX = 300
MAX_FILES = 10
PAPER_CHANNEL = "paper"

# What the activity log keeps of an appeal. The texts themselves stay out of the append-only log:
# they are personal and could never be erased from it.
_AUDIT_FIELDS = (
    "status",
    "registration_number",
    "registered_at",
    "needs_study",
    "due_at",
    "original_due_at",
    "extension_reason",
    "assignee_id",
    "forwarded_to",
    "not_considered_reason",
    "answered_at",
    "answered_by_id",
    "delivered_at",
    "closed_at",
    "version",
)
_SUBMIT_AUDIT_FIELDS = (
    "kind",
    "subject",
    "category",
    "applicant_id",
    "hide_identity",
    "urgent",
    "channel",
    "status",
    "received_at",
    "version",
)

Attachment = tuple[str, bytes]


# ---------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------


def _terms() -> LegalTerms:
    return get_settings().terms


def link_of(appeal: Appeal) -> str:
    return f"/appeals/{appeal.id}"


def _day(moment: datetime | None) -> str:
    return local_date(moment).strftime("%d.%m.%Y") if moment else "—"


def _due_text(appeal: Appeal) -> str:
    """The due date as told to people: with the hour when the term is counted in hours."""
    if appeal.due_at is None:
        return "—"
    if appeal.urgent:
        return appeal.due_at.astimezone(KYIV).strftime("%d.%m.%Y %H:%M")
    return _day(appeal.due_at)


def _reference(appeal: Appeal) -> str:
    if appeal.registration_number:
        return f"№ {appeal.registration_number}"
    return f"«{appeal.subject}»"


def _last_changed_by(session: Session, appeal: Appeal) -> str | None:
    actor_id = session.scalar(
        select(AppealEvent.actor_id)
        .where(AppealEvent.appeal_id == appeal.id)
        .order_by(AppealEvent.id.desc())
        .limit(1)
    )
    return records.user_name(session, actor_id)


def _add_event(
    appeal: Appeal, actor: Actor, action: str, now: datetime, comment: str | None
) -> None:
    appeal.events.append(
        AppealEvent(
            action=action, status=appeal.status, comment=comment, actor_id=actor.user_id, at=now
        )
    )


def _finish(
    session: Session,
    actor: Actor,
    appeal: Appeal,
    action: str,
    before: dict[str, Any],
    extra: dict[str, list[Any]] | None = None,
) -> Appeal:
    """Flush the change (a concurrent edit becomes Conflict), then log it last."""
    records.flush(session)
    changes = audit.changes_between(before, audit.snapshot(appeal, _AUDIT_FIELDS))
    if extra:
        changes.update(extra)
    audit.record(session, actor, f"appeal.{action}", "appeal", appeal.id, changes)
    records.flush(session)
    return appeal


def _load_current(session: Session, actor: Actor, appeal_id: int, expected_version: Any) -> Appeal:
    """Permission, the item (row-locked) and its version."""
    # Permission before loading: a refusal that is the same for every id reveals nothing.
    require(actor, _P)
    checker = Checker()
    version = checker.expected_version(expected_version)
    checker.done()
    appeal = records.get_or_404(session, Appeal, appeal_id, for_update=True)
    if version is not None and appeal.version != version:
        records.check_version(appeal, version, changed_by=_last_changed_by(session, appeal))
    return appeal


def _load_for_change(
    session: Session,
    actor: Actor,
    appeal_id: int,
    target: str,
    expected_version: Any,
) -> Appeal:
    """Permission, the item (row-locked), its version, then whether the move exists."""
    appeal = _load_current(session, actor, appeal_id, expected_version)
    LIFECYCLE.check(actor, appeal.status, target)
    return appeal


def _check_uploads(checker: Checker, field: str, uploads: Any) -> list[Attachment]:
    """Every bad file named at once (``field[i]``) before anything is stored."""
    if uploads is None:
        return []
    if not isinstance(uploads, list | tuple):
        checker.fail(field, "Неправильний тип значення.")
        return []
    if len(uploads) > MAX_FILES:
        checker.fail(field, f"Не більше {MAX_FILES} файлів.")
        return []
    good: list[Attachment] = []
    for index, item in enumerate(uploads):
        name_field = f"{field}[{index}]"
        if not (isinstance(item, tuple | list) and len(item) == 2 and isinstance(item[0], str)):
            checker.fail(name_field, "Очікується пара (назва файлу, вміст).")
            continue
        try:
            stored_files.check_upload(name_field, item[0], item[1])
        except InvalidInput as error:
            for key, message in error.fields.items():
                checker.fail(key, message)
            continue
        good.append((item[0], bytes(item[1])))
    return good


def _attach(
    session: Session, actor: Actor, appeal: Appeal, uploads: list[Attachment], purpose: str
) -> int:
    seen: set[bytes] = set()
    for index, (name, data) in enumerate(uploads):
        digest = hashlib.sha256(data).digest() if isinstance(data, bytes | bytearray) else b""
        if digest and digest in seen:  # the same bytes twice in one sending are one file
            continue
        seen.add(digest)
        stored = stored_files.store(session, actor, name, data, field=f"files[{index}]")
        appeal.files.append(AppealFile(file_id=stored.id, purpose=purpose))
    return len(seen)


# ---------------------------------------------------------------------------------------------
# Terms
# ---------------------------------------------------------------------------------------------


def initial_due(appeal: Appeal, terms: LegalTerms | None = None) -> datetime:
    """The control date set at registration.

    Appeals: one month from registration, or the short term when no extra study is needed.
    Messages: their own months. Information requests count from receipt (the law's words):
    5 working days, or 48 hours from receipt when urgent.
    """
    terms = terms or _terms()
    if appeal.kind == AppealKind.INFO_REQUEST:
        if appeal.urgent:
            # A term in hours is counted in hours, not in days: calendar has no day to round to.
            return appeal.received_at + timedelta(hours=terms.info_request_urgent_hours)
        return due_after_days(
            appeal.received_at, terms.info_request_working_days, DayCount.WORKING, terms
        )
    assert appeal.registered_at is not None
    if appeal.kind == AppealKind.MESSAGE:
        return due_after_months(appeal.registered_at, terms.message_months, terms)
    if appeal.needs_study:
        return due_after_months(appeal.registered_at, terms.appeal_months, terms)
    return due_after_days(appeal.registered_at, terms.appeal_short_days, DayCount.CALENDAR, terms)


def extension_limit(appeal: Appeal, terms: LegalTerms | None = None) -> date:
    """The latest date an extension may set: the whole term counted from receipt."""
    terms = terms or _terms()
    if appeal.kind == AppealKind.INFO_REQUEST:
        return add_working_days(
            local_date(appeal.received_at), terms.info_request_max_total_working_days
        )
    return local_date(
        due_after_days(appeal.received_at, terms.appeal_max_total_days, DayCount.CALENDAR, terms)
    )


def extension_notice_deadline(appeal: Appeal, terms: LegalTerms | None = None) -> date | None:
    """Info requests: the last day the requester may be told of an extension (None: no limit)."""
    if appeal.kind != AppealKind.INFO_REQUEST:
        return None
    terms = terms or _terms()
    return add_working_days(
        local_date(appeal.received_at), terms.info_request_extension_notice_working_days
    )


def _extension_window_open(appeal: Appeal, now: datetime) -> bool:
    deadline = extension_notice_deadline(appeal)
    return deadline is None or local_date(now) <= deadline


def forward_deadline(appeal: Appeal, terms: LegalTerms | None = None) -> datetime:
    """The last moment to forward an item to the competent body, counted from receipt:
    calendar days for appeals and messages, working days for information requests."""
    terms = terms or _terms()
    if appeal.kind == AppealKind.INFO_REQUEST:
        return due_after_days(
            appeal.received_at, terms.info_request_forward_working_days, DayCount.WORKING, terms
        )
    return due_after_days(appeal.received_at, terms.appeal_forward_days, DayCount.CALENDAR, terms)


def _forward_term_text(appeal: Appeal, terms: LegalTerms | None = None) -> str:
    terms = terms or _terms()
    if appeal.kind == AppealKind.INFO_REQUEST:
        return f"{terms.info_request_forward_working_days} робочих днів"
    return f"{terms.appeal_forward_days} днів"


def appeal_is_overdue(appeal: Appeal, now: datetime | None = None) -> bool:
    return is_overdue(appeal.due_at, now or utcnow(), appeal.is_closed)


# ---------------------------------------------------------------------------------------------
# Submitting
# ---------------------------------------------------------------------------------------------


def submit(
    session: Session,
    actor: Actor,
    *,
    kind: str,
    subject: Any,
    text: Any,
    category: Any = "",
    hide_identity: Any = False,
    urgent: Any = False,
    urgent_reason: Any = None,
    attachments: Sequence[Attachment] | None = None,
    applicant_name: Any = None,
    applicant_contact: Any = None,
    now: datetime | None = None,
) -> Appeal:
    """A resident's appeal from their account, or (with ``applicant_name``) a paper one that
    a reception officer enters for someone who wrote or came in."""
    now = now or utcnow()
    paper = applicant_name is not None or applicant_contact is not None
    require(actor, _P if paper else Perm.APPEAL_SUBMIT)

    c = Checker()
    kind_value = c.choice("kind", kind, AppealKind)
    subject_value = c.text("subject", subject, max_length=SUBJECT_MAX)
    text_value = c.text("text", text, max_length=TEXT_MAX, multiline=True)
    category_value = c.text("category", category, required=False, max_length=CATEGORY_MAX)
    hide = c.boolean("hide_identity", hide_identity)
    is_urgent = c.boolean("urgent", urgent)
    reason_value = c.text(
        "urgent_reason", urgent_reason, required=is_urgent, max_length=REASON_MAX, multiline=True
    )
    if is_urgent and kind_value and kind_value != AppealKind.INFO_REQUEST:
        c.fail("urgent", "Терміновим може бути лише запит на інформацію.")
    name_value = contact_value = None
    if paper:
        name_value = c.text("applicant_name", applicant_name, max_length=NAME_MAX)
        contact_value = c.text(
            "applicant_contact", applicant_contact, max_length=CONTACT_MAX, multiline=True
        )
    uploads = _check_uploads(c, "attachments", attachments)
    c.done()

    appeal = Appeal(
        kind=kind_value,
        subject=subject_value,
        text=text_value,
        category=category_value or "",
        applicant_id=None if paper else actor.user_id,
        applicant_name=name_value,
        applicant_contact=contact_value,
        hide_identity=hide,
        urgent=is_urgent,
        urgent_reason=reason_value if is_urgent else None,
        status=AppealStatus.RECEIVED,
        channel=PAPER_CHANNEL if paper else actor.channel.value,
        received_at=now,
    )
    session.add(appeal)
    _attach(session, actor, appeal, uploads, "attachment")
    # When identity is hidden the timeline does not name the applicant as the event's actor.
    event_actor = None if hide and not paper else actor.user_id
    appeal.events.append(
        AppealEvent(
            action="submit",
            status=appeal.status,
            comment="Паперове звернення внесено на прийомі." if paper else None,
            actor_id=event_actor,
            at=now,
        )
    )
    records.flush(session)
    notify(
        session,
        appeal.applicant_id,
        f"{KIND_LABELS[appeal.kind]} «{appeal.subject}» отримано {_day(now)}. "
        "Після реєстрації ви отримаєте його номер і строк розгляду.",
        link_of(appeal),
    )
    audit.record(
        session,
        actor,
        "appeal.submit",
        "appeal",
        appeal.id,
        audit.changes_between({}, audit.snapshot(appeal, _SUBMIT_AUDIT_FIELDS))
        | {"attachments": [None, len(uploads)]},
    )
    records.flush(session)
    return appeal


# ---------------------------------------------------------------------------------------------
# Staff transitions
# ---------------------------------------------------------------------------------------------


def register(
    session: Session,
    actor: Actor,
    appeal_id: int,
    *,
    needs_study: Any = True,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Appeal:
    """Give the next registration number of the kind and year and set the control date."""
    now = now or utcnow()
    appeal = _load_for_change(session, actor, appeal_id, S.REGISTERED, expected_version)
    c = Checker()
    study = c.boolean("needs_study", needs_study)
    c.done()

    before = audit.snapshot(appeal, _AUDIT_FIELDS)
    # The year of the number is the Kyiv year of registration (31 Dec 23:30 UTC is already 1 Jan).
    appeal.registration_number = numbering.registration_number(
        session, appeal.kind, local_date(now).year
    )
    appeal.registered_at = now
    appeal.needs_study = study if appeal.kind == AppealKind.APPEAL else True
    appeal.due_at = initial_due(appeal)
    appeal.status = S.REGISTERED
    _add_event(appeal, actor, "register", now, f"Строк розгляду — до {_due_text(appeal)}.")
    notify(
        session,
        appeal.applicant_id,
        f"{KIND_LABELS[appeal.kind]} «{appeal.subject}» зареєстровано за "
        f"№ {appeal.registration_number}. Строк розгляду — до {_due_text(appeal)}.",
        link_of(appeal),
    )
    return _finish(session, actor, appeal, "register", before)


def _reception_officer(session: Session, checker: Checker, assignee_id: Any) -> User | None:
    user_id = checker.integer("assignee_id", assignee_id, minimum=1)
    if user_id is None:
        return None
    user = session.get(User, user_id)
    holds_role = user is not None and session.scalar(
        select(StaffRole.id).where(
            StaffRole.user_id == user_id, StaffRole.role == Role.RECEPTION.value
        )
    )
    if not holds_role or user.blocked:
        checker.fail("assignee_id", "Виконавцем може бути лише активний працівник прийомної.")
        return None
    return user


def assign(
    session: Session,
    actor: Actor,
    appeal_id: int,
    assignee_id: int,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Appeal:
    """Hand a registered item to an officer of the reception, who is told about it.

    An item already in work (assigned or extended) may be handed to another officer: the
    status and the term stay, the action is ``reassign``, and both officers are told.
    """
    now = now or utcnow()
    appeal = _load_current(session, actor, appeal_id, expected_version)
    reassigning = appeal.status in REASSIGNMENT.transitions
    if reassigning:
        REASSIGNMENT.check(actor, appeal.status, appeal.status)
    else:
        LIFECYCLE.check(actor, appeal.status, S.ASSIGNED)
    c = Checker()
    assignee = _reception_officer(session, c, assignee_id)
    if assignee is not None and reassigning and assignee.id == appeal.assignee_id:
        c.fail("assignee_id", "Розгляд уже доручено цьому працівникові.")
    c.done()
    assert assignee is not None

    action = "reassign" if reassigning else "assign"
    previous_id = appeal.assignee_id
    before = audit.snapshot(appeal, _AUDIT_FIELDS)
    appeal.assignee_id = assignee.id
    if not reassigning:
        appeal.status = S.ASSIGNED
    _add_event(appeal, actor, action, now, f"Виконавець: {assignee.full_name}.")
    notify(
        session,
        assignee.id,
        f"Вам доручено розгляд: {KIND_NAMES[appeal.kind]} {_reference(appeal)} "
        f"«{appeal.subject}», строк — до {_due_text(appeal)}.",
        link_of(appeal),
    )
    if reassigning and previous_id is not None:
        notify(
            session,
            previous_id,
            f"Розгляд передано іншому виконавцю ({assignee.full_name}): "
            f"{KIND_NAMES[appeal.kind]} {_reference(appeal)} «{appeal.subject}».",
            link_of(appeal),
        )
    return _finish(session, actor, appeal, action, before)


def _check_new_due_date(
    checker: Checker, appeal: Appeal, new_due_date: date | None, now: datetime
) -> None:
    if new_due_date is None:
        return
    current = local_date(appeal.due_at) if appeal.due_at else local_date(now)
    limit = extension_limit(appeal)
    if new_due_date < local_date(now):
        checker.fail("new_due_date", "Дата не може бути в минулому.")
    elif new_due_date <= current:
        checker.fail(
            "new_due_date",
            f"Нова дата має бути пізнішою за чинний строк ({current:%d.%m.%Y}).",
        )
    elif new_due_date > limit:
        if appeal.kind == AppealKind.INFO_REQUEST:
            total = _terms().info_request_max_total_working_days
            why = f"{total} робочих днів від отримання запиту"
        else:
            why = f"{_terms().appeal_max_total_days} днів від надходження"
        checker.fail(
            "new_due_date",
            f"Загальний строк не може перевищувати {why}: не пізніше {limit:%d.%m.%Y}.",
        )


def extend(
    session: Session,
    actor: Actor,
    appeal_id: int,
    new_due_date: date | str,
    reason: str,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Appeal:
    """Move the control date (the first one is kept) and tell the applicant why."""
    now = now or utcnow()
    appeal = _load_for_change(session, actor, appeal_id, S.EXTENDED, expected_version)
    if not _extension_window_open(appeal, now):
        days = _terms().info_request_extension_notice_working_days
        raise InvalidTransition(
            f"Продовжити строк розгляду запиту можна лише протягом {days} робочих днів "
            "від його отримання.",
            code="extension_notice_passed",
        )
    c = Checker()
    new_date = c.date("new_due_date", new_due_date)
    reason_value = c.text("reason", reason, max_length=REASON_MAX, multiline=True)
    _check_new_due_date(c, appeal, new_date, now)
    c.done()
    assert new_date is not None

    before = audit.snapshot(appeal, _AUDIT_FIELDS)
    if appeal.original_due_at is None:
        appeal.original_due_at = appeal.due_at
    appeal.due_at = end_of_day(new_date)
    appeal.extension_reason = reason_value
    appeal.status = S.EXTENDED
    _add_event(appeal, actor, "extend", now, f"Строк продовжено до {_day(appeal.due_at)}.")
    notify(
        session,
        appeal.applicant_id,
        f"{KIND_LABELS[appeal.kind]} {_reference(appeal)}: строк розгляду продовжено до "
        f"{_day(appeal.due_at)}. Причина: {reason_value}",
        link_of(appeal),
    )
    return _finish(session, actor, appeal, "extend", before)


def forward(
    session: Session,
    actor: Actor,
    appeal_id: int,
    to_body: str,
    reason: str,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Appeal:
    """Send an item outside our competence to the competent body and tell the applicant.

    The law gives ``appeal_forward_days`` from receipt (``info_request_forward_working_days``
    working days for information requests); a later forwarding is still made (the applicant is
    better served late than never) but the timeline says it was late.
    """
    now = now or utcnow()
    appeal = _load_for_change(session, actor, appeal_id, S.FORWARDED, expected_version)
    c = Checker()
    body = c.text("to_body", to_body, max_length=BODY_MAX)
    reason_value = c.text("reason", reason, max_length=REASON_MAX, multiline=True)
    c.done()

    before = audit.snapshot(appeal, _AUDIT_FIELDS)
    deadline = forward_deadline(appeal)
    late = now > deadline
    appeal.forwarded_to = body
    appeal.closed_at = now
    appeal.status = S.FORWARDED
    comment = f"Переслано до: {body}. Причина: {reason_value}"
    if late:
        comment += (
            f" Пересилання із запізненням: строк {_forward_term_text(appeal)} "
            f"від надходження минув {_day(deadline)}."
        )
    _add_event(appeal, actor, "forward", now, comment)
    notify(
        session,
        appeal.applicant_id,
        f"{KIND_LABELS[appeal.kind]} {_reference(appeal)} переслано за належністю до: {body}. "
        f"Причина: {reason_value}",
        link_of(appeal),
    )
    extra = {"forwarded_late": [None, True]} if late else None
    return _finish(session, actor, appeal, "forward", before, extra)


def answer(
    session: Session,
    actor: Actor,
    appeal_id: int,
    text: str,
    files: Sequence[Attachment] | None = None,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Appeal:
    """Give the answer (text and response files) and close the item.

    The answer is delivered into the resident's account with the notification, so it is
    delivered now; a paper appeal's answer goes by post and stays undelivered here.
    """
    now = now or utcnow()
    appeal = _load_for_change(session, actor, appeal_id, S.ANSWERED, expected_version)
    c = Checker()
    text_value = c.text("text", text, max_length=TEXT_MAX, multiline=True)
    uploads = _check_uploads(c, "files", files)
    c.done()

    before = audit.snapshot(appeal, _AUDIT_FIELDS)
    stored = _attach(session, actor, appeal, uploads, "response")
    appeal.response_text = text_value
    appeal.answered_at = now
    appeal.answered_by_id = actor.user_id
    appeal.delivered_at = now if appeal.applicant_id is not None else None
    appeal.closed_at = now
    appeal.status = S.ANSWERED
    _add_event(appeal, actor, "answer", now, None)
    notify(
        session,
        appeal.applicant_id,
        f"{KIND_LABELS[appeal.kind]} {_reference(appeal)}: надано відповідь. "
        "Перегляньте її в кабінеті.",
        link_of(appeal),
    )
    return _finish(session, actor, appeal, "answer", before, {"response_files": [None, stored]})


def mark_not_considered(
    session: Session,
    actor: Actor,
    appeal_id: int,
    reason: str,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Appeal:
    """Leave an item without consideration (anonymous, repeated, ...): the reason is told."""
    now = now or utcnow()
    appeal = _load_for_change(session, actor, appeal_id, S.NOT_CONSIDERED, expected_version)
    c = Checker()
    reason_value = c.text("reason", reason, max_length=REASON_MAX, multiline=True)
    c.done()

    before = audit.snapshot(appeal, _AUDIT_FIELDS)
    appeal.not_considered_reason = reason_value
    appeal.closed_at = now
    appeal.status = S.NOT_CONSIDERED
    _add_event(appeal, actor, "mark_not_considered", now, reason_value)
    notify(
        session,
        appeal.applicant_id,
        f"{KIND_LABELS[appeal.kind]} {_reference(appeal)} залишено без розгляду. "
        f"Причина: {reason_value}",
        link_of(appeal),
    )
    return _finish(session, actor, appeal, "mark_not_considered", before)


def mark_delivered(
    session: Session,
    actor: Actor,
    appeal_id: int,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Appeal:
    """Record that a paper answer was sent by post. An answer given into the resident's account
    is delivered when it is given, so only an answered, undelivered item can be marked."""
    now = now or utcnow()
    appeal = _load_current(session, actor, appeal_id, expected_version)
    if appeal.status != S.ANSWERED:
        raise InvalidTransition(
            "Позначити доставку можна лише для звернення, на яке надано відповідь.",
            code="not_answered",
        )
    if appeal.delivered_at is not None:
        raise InvalidTransition(
            f"Відповідь уже доставлено {_day(appeal.delivered_at)}.", code="already_delivered"
        )

    before = audit.snapshot(appeal, _AUDIT_FIELDS)
    appeal.delivered_at = now
    _add_event(appeal, actor, "mark_delivered", now, "Відповідь надіслано поштою.")
    # A paper applicant has no account; one who has gets a note in it all the same.
    notify(
        session,
        appeal.applicant_id,
        f"{KIND_LABELS[appeal.kind]} {_reference(appeal)}: відповідь надіслано поштою {_day(now)}.",
        link_of(appeal),
    )
    return _finish(session, actor, appeal, "mark_delivered", before)


# ---------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------


def available_actions(
    session: Session, actor: Actor, appeal: Appeal, *, now: datetime | None = None
) -> list[str]:
    """What ``actor`` may do with ``appeal`` now: the lifecycle's moves, less the ones a term
    already forbids (so a button is never offered that the rule would refuse)."""
    now = now or utcnow()
    actions = []
    for target in LIFECYCLE.targets(actor, appeal.status):
        if target == S.EXTENDED and not _extension_possible(appeal, now):
            continue
        actions.append(ACTION_BY_STATUS[target])
    if REASSIGNMENT.targets(actor, appeal.status):
        actions.append("reassign")  # ``assign`` to another officer; the status stays
    if appeal.status == S.ANSWERED and appeal.delivered_at is None and can(actor, _P):
        actions.append("mark_delivered")
    return actions


def _extension_possible(appeal: Appeal, now: datetime) -> bool:
    if not _extension_window_open(appeal, now):
        return False
    current = local_date(appeal.due_at) if appeal.due_at else local_date(now)
    return current < extension_limit(appeal)


def get_appeal_for(session: Session, actor: Actor, appeal_id: int) -> Appeal:
    """Staff who view appeals see any; a resident only their own (others' are not found)."""
    if can(actor, Perm.APPEAL_VIEW):
        return records.get_or_404(session, Appeal, appeal_id)
    require(actor, Perm.APPEAL_SUBMIT)
    appeal = records.get_or_404(session, Appeal, appeal_id)
    if appeal.applicant_id is None or appeal.applicant_id != actor.user_id:
        raise NotFound()
    return appeal


def appeal_file_for(session: Session, actor: Actor, appeal_id: int, file_id: int) -> StoredFile:
    """A file of an appeal (an attachment or a response file) to download: staff who view
    appeals get any appeal's files, the applicant their own appeal's; anything else, a file of
    another appeal included, is not found."""
    appeal = get_appeal_for(session, actor, appeal_id)
    if not isinstance(file_id, int) or isinstance(file_id, bool):
        raise NotFound()
    linked = session.scalar(
        select(AppealFile.id)
        .where(AppealFile.appeal_id == appeal.id, AppealFile.file_id == file_id)
        .limit(1)
    )
    if linked is None:
        raise NotFound()
    return stored_files.get(session, file_id)


def appeal_files(session: Session, actor: Actor, appeal_id: int) -> list[dict[str, Any]]:
    """The files of an appeal as whoever may see it gets them (see ``get_appeal_for``): each
    with ``file_id``, ``name``, ``size``, ``media_type`` and ``purpose`` ("attachment" or
    "response"), in the order they were added."""
    appeal = get_appeal_for(session, actor, appeal_id)
    rows = session.execute(
        select(
            StoredFile.id,
            StoredFile.name,
            StoredFile.size,
            StoredFile.media_type,
            AppealFile.purpose,
        )
        .join(AppealFile, AppealFile.file_id == StoredFile.id)
        .where(AppealFile.appeal_id == appeal.id)
        .order_by(AppealFile.id)
    ).all()
    return [
        {"file_id": file_id, "name": name, "size": size, "media_type": media, "purpose": purpose}
        for file_id, name, size, media, purpose in rows
    ]


def my_appeals(session: Session, actor: Actor, *, limit: int = 100) -> list[Appeal]:
    """The actor's own appeals, newest first."""
    require(actor, Perm.APPEAL_SUBMIT)
    return list(
        session.scalars(
            select(Appeal)
            .where(Appeal.applicant_id == actor.user_id)
            .order_by(Appeal.received_at.desc(), Appeal.id.desc())
            .limit(limit)
        )
    )


def _open_with_due(session: Session, condition: ColumnElement[bool], limit: int) -> list[Appeal]:
    return list(
        session.scalars(
            select(Appeal)
            .where(Appeal.status.not_in([s.value for s in CLOSED_APPEAL_STATUSES]), condition)
            .order_by(Appeal.due_at, Appeal.id)
            .limit(limit)
        )
    )


def overdue(
    session: Session, actor: Actor, *, now: datetime | None = None, limit: int = 500
) -> list[Appeal]:
    """Open items whose control date has passed, most overdue first."""
    require(actor, Perm.APPEAL_VIEW)
    now = now or utcnow()
    return _open_with_due(session, Appeal.due_at < now, limit)


def due_soon(
    session: Session, actor: Actor, *, now: datetime | None = None, limit: int = 500
) -> list[Appeal]:
    """Open items due within ``due_soon_days`` (the same window as ``calendar.is_due_soon``)."""
    require(actor, Perm.APPEAL_VIEW)
    now = now or utcnow()
    horizon = now + timedelta(days=_terms().due_soon_days)
    return _open_with_due(session, Appeal.due_at.between(now, horizon), limit)


def count_by_status(session: Session, actor: Actor) -> dict[str, int]:
    """How many items are in each status (every status present, zero included)."""
    require(actor, Perm.APPEAL_VIEW)
    counts = {status.value: 0 for status in AppealStatus}
    rows = session.execute(select(Appeal.status, func.count()).group_by(Appeal.status))
    for status, number in rows:
        counts[status] = number
    return counts


def _may_see_identity(appeal: Appeal, actor: Actor) -> bool:
    own = appeal.applicant_id is not None and appeal.applicant_id == actor.user_id
    return own or not appeal.hide_identity or can(actor, _P)


def applicant_display(appeal: Appeal, actor: Actor) -> str:
    """Who wrote it, as ``actor`` may see it: hidden identity is for the reception only."""
    if not _may_see_identity(appeal, actor):
        return HIDDEN_IDENTITY
    if appeal.applicant is not None:
        return appeal.applicant.full_name
    return appeal.applicant_name or ""


def _contact_display(appeal: Appeal, actor: Actor) -> str | None:
    if not _may_see_identity(appeal, actor) or not can(actor, Perm.USER_VIEW_PERSONAL):
        return None
    if appeal.applicant is not None:
        return ", ".join(v for v in (appeal.applicant.email, appeal.applicant.phone) if v)
    return appeal.applicant_contact


def registration_control_card(
    session: Session, actor: Actor, appeal_id: int, *, now: datetime | None = None
) -> dict[str, Any]:
    """The fields of a registration-control card (реєстраційно-контрольна картка)."""
    require(actor, Perm.APPEAL_VIEW)
    now = now or utcnow()
    appeal = records.get_or_404(session, Appeal, appeal_id)
    purposes = [f.purpose for f in appeal.files]
    return {
        "id": appeal.id,
        "registration_number": appeal.registration_number,
        "kind": appeal.kind,
        "kind_name": KIND_NAMES[appeal.kind],
        "channel": appeal.channel,
        "received_at": appeal.received_at,
        "registered_at": appeal.registered_at,
        "applicant": applicant_display(appeal, actor),
        "applicant_contact": _contact_display(appeal, actor),
        "subject": appeal.subject,
        "category": appeal.category,
        "urgent": appeal.urgent,
        "urgent_reason": appeal.urgent_reason,
        "needs_study": appeal.needs_study,
        "status": appeal.status,
        "assignee": appeal.assignee.full_name if appeal.assignee else None,
        "due_at": appeal.due_at,
        "original_due_at": appeal.original_due_at,
        "extension_reason": appeal.extension_reason,
        "forwarded_to": appeal.forwarded_to,
        "not_considered_reason": appeal.not_considered_reason,
        "answered_at": appeal.answered_at,
        "answered_by": records.user_name(session, appeal.answered_by_id),
        "delivered_at": appeal.delivered_at,
        "closed_at": appeal.closed_at,
        "overdue": appeal_is_overdue(appeal, now),
        "attachments": purposes.count("attachment"),
        "response_files": purposes.count("response"),
        "version": appeal.version,
    }


# ---------------------------------------------------------------------------------------------
# The desktop's list: windows of rows over every item, filtered and sorted in SQL
# ---------------------------------------------------------------------------------------------

LIST_SORTS = frozenset({"id", "received_at", "due_at", "registration_number", "status"})
LIST_FILTERS = (
    "kind",
    "status",
    "category",
    "assignee_id",
    "overdue",
    "due_soon",
    "received_from",
    "received_to",
    "urgent",
)
# A keyset comparison needs a value on every row, and an item not yet registered has neither a
# control date nor a number: in the sort key they stand in for the missing values (no date
# sorts last, no number first). Rows show None again, and an ``after`` of None means them.
NO_DUE_AT = datetime(9999, 1, 1, tzinfo=UTC)
NO_NUMBER = ""
_SORT_PLACEHOLDERS: dict[str, Any] = {"due_at": NO_DUE_AT, "registration_number": NO_NUMBER}
SEARCH_WORDS = 5


def _choices(checker: Checker, field: str, value: Any, allowed: type) -> list[str]:
    """One value or a list of them, each one of ``allowed`` (an empty list filters nothing)."""
    values = list(value) if isinstance(value, list | tuple | set | frozenset) else [value]
    chosen = []
    for item in values:
        if not isinstance(item, str):
            checker.fail(field, WRONG_TYPE)
            return []
        choice = checker.choice(field, item, allowed)
        if choice is None:
            return []
        chosen.append(choice)
    return chosen


def _open_condition() -> ColumnElement[bool]:
    return Appeal.status.not_in([s.value for s in CLOSED_APPEAL_STATUSES])


def _filter_conditions(actor: Actor, filters: Any, now: datetime) -> list[ColumnElement[bool]]:
    """The conditions of ``filters``; every unknown key and bad value named at once.

    A value of None is no filter; so is False for the yes/no filters (``overdue``, ``due_soon``,
    ``urgent``), as an unticked box shows everything.
    """
    c = Checker()
    if filters is None:
        return []
    if not isinstance(filters, Mapping):
        c.fail("filters", WRONG_TYPE)
        c.done()
    conditions: list[ColumnElement[bool]] = []
    received_from = received_to = None
    for key, value in filters.items():
        field = f"filters.{str(key)[:40]}"
        if key not in LIST_FILTERS:
            c.fail(field, "Невідомий фільтр.")
            continue
        if value is None:
            continue
        if key in ("kind", "status"):
            allowed = AppealKind if key == "kind" else AppealStatus
            chosen = _choices(c, field, value, allowed)
            if chosen:
                conditions.append(getattr(Appeal, key).in_(chosen))
        elif key == "category":
            category = c.text(field, value, required=False, max_length=CATEGORY_MAX)
            if category:
                conditions.append(Appeal.category == category)
        elif key == "assignee_id":
            if value == "none":
                conditions.append(Appeal.assignee_id.is_(None))
            elif value == "me":
                if actor.user_id is None:
                    c.fail(field, "Фільтр «мої» лише для працівника, що увійшов.")
                else:
                    conditions.append(Appeal.assignee_id == actor.user_id)
            else:
                user_id = c.integer(field, value, minimum=1)
                if user_id is not None:
                    conditions.append(Appeal.assignee_id == user_id)
        elif key in ("overdue", "due_soon", "urgent"):
            if not c.boolean(field, value):
                continue
            if key == "urgent":
                conditions.append(Appeal.urgent.is_(True))
            elif key == "overdue":
                conditions.append(and_(Appeal.due_at < now, _open_condition()))
            else:
                horizon = now + timedelta(days=_terms().due_soon_days)
                conditions.append(and_(Appeal.due_at.between(now, horizon), _open_condition()))
        elif key == "received_from":
            received_from = c.date(field, value)
            if received_from is not None:
                # From the start of that Kyiv day: after the end of the day before.
                day_before = end_of_day(received_from - timedelta(days=1))
                conditions.append(Appeal.received_at > day_before)
        else:
            received_to = c.date(field, value)
            if received_to is not None:
                conditions.append(Appeal.received_at <= end_of_day(received_to))
    if received_from and received_to and received_to < received_from:
        c.fail("filters.received_to", "Кінцева дата не може бути раніше початкової.")
    c.done()
    return conditions


def _applicant_expression(actor: Actor, applicant: Any) -> ColumnElement[str]:
    """Who wrote it, in SQL, as ``applicant_display`` shows it to ``actor``."""
    name = func.coalesce(applicant.full_name, Appeal.applicant_name, literal(""))
    if can(actor, _P):
        return name
    not_own = Appeal.applicant_id.is_(None)
    if actor.user_id is not None:
        not_own = or_(not_own, Appeal.applicant_id != actor.user_id)
    hidden = and_(Appeal.hide_identity.is_(True), not_own)
    return case((hidden, literal(HIDDEN_IDENTITY)), else_=name)


def _search_condition(text: Any, fields: list[ColumnElement]) -> ColumnElement[bool] | None:
    """Every word (up to ``SEARCH_WORDS``) somewhere in the number, subject or applicant."""
    if text is None:
        return None
    if not isinstance(text, str):
        raise InvalidInput({"search": WRONG_TYPE})
    words = []
    for word in text[:100].split()[:SEARCH_WORDS]:
        pattern = listing.search_pattern(word)
        if pattern:
            words.append(or_(*(listing.matches(column, pattern) for column in fields)))
    return and_(*words) if words else None


def _list_statement(actor: Actor, request: ListRequest, now: datetime) -> Select:
    conditions = _filter_conditions(actor, request.filters, now)
    applicant = aliased(User)
    assignee = aliased(User)
    shown_applicant = _applicant_expression(actor, applicant)
    search = _search_condition(
        request.search, [Appeal.registration_number, Appeal.subject, shown_applicant]
    )
    if search is not None:
        conditions.append(search)
    due_type = Appeal.__table__.c.due_at.type
    stmt = (
        select(
            Appeal.id.label("id"),
            func.coalesce(Appeal.registration_number, literal(NO_NUMBER)).label(
                "registration_number"
            ),
            Appeal.kind.label("kind"),
            Appeal.subject.label("subject"),
            Appeal.category.label("category"),
            Appeal.status.label("status"),
            shown_applicant.label("applicant"),
            assignee.full_name.label("assignee"),
            Appeal.received_at.label("received_at"),
            func.coalesce(Appeal.due_at, literal(NO_DUE_AT, due_type)).label("due_at"),
            Appeal.urgent.label("urgent"),
            Appeal.version.label("version"),
        )
        .select_from(Appeal)
        .outerjoin(applicant, applicant.id == Appeal.applicant_id)
        .outerjoin(assignee, assignee.id == Appeal.assignee_id)
    )
    if conditions:
        stmt = stmt.where(*conditions)
    return stmt


def _keyset_request(request: ListRequest) -> ListRequest:
    """``request`` with a shown None in ``after`` turned back into its sort placeholder."""
    after = request.after
    if after is None:
        return request
    if not isinstance(after, list | tuple) or len(after) != 2:
        raise InvalidInput({"after": WRONG_TYPE})
    key, ident = after
    if key is None and request.sort in _SORT_PLACEHOLDERS:
        key = _SORT_PLACEHOLDERS[request.sort]
    return replace(request, after=(key, ident))


def appeal_rows(
    session: Session, actor: Actor, request: ListRequest, *, now: datetime | None = None
) -> list[dict[str, Any]]:
    """One window of the appeals list for the desktop's table.

    Each row: id, registration_number, kind, subject, category, status, applicant (hidden
    identity masked for roles that do not process appeals), assignee, received_at, due_at,
    urgent, version, and ``overdue`` (computed). The next window is
    ``appeal_rows(..., request.next(rows[-1]))``; unregistered items have None for the number
    and the control date and page like every other row.
    """
    require(actor, Perm.APPEAL_VIEW)
    now = now or utcnow()
    stmt = _list_statement(actor, request, now)
    rows = listing.fetch_page(session, stmt, _keyset_request(request), LIST_SORTS)
    for row in rows:
        if row["due_at"] == NO_DUE_AT:
            row["due_at"] = None
        if row["registration_number"] == NO_NUMBER:
            row["registration_number"] = None
        closed = row["status"] in CLOSED_APPEAL_STATUSES
        row["overdue"] = is_overdue(row["due_at"], now, closed)
        row["due_soon"] = is_due_soon(row["due_at"], now, closed)
    return rows


def appeal_count(
    session: Session, actor: Actor, request: ListRequest, *, now: datetime | None = None
) -> int:
    """How many rows ``appeal_rows`` has with the same search and filters (window aside)."""
    require(actor, Perm.APPEAL_VIEW)
    now = now or utcnow()
    return listing.count_rows(session, _list_statement(actor, request, now))
