"""Administrative services (ЦНАП): the catalog and the whole life of an order.

The order lifecycle is data (``ORDER_LIFECYCLE``, after iGov); ``ORDER_ACTIONS`` names each of
its moves, and ``available_actions`` is derived from both plus ownership, so a button on the
desktop, a form on the portal and the rule enforced here can never disagree.

Deadlines: ``due_at`` is set at registration from the service's term; ``needs_info`` stops the
clock and the answer moves ``due_at`` later by the term days spent waiting. Overdue is computed
from ``due_at`` and never stored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import Select, func, or_, select, true
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql import ColumnElement

from backoffice.config import get_settings
from backoffice.core import audit, calendar, files, forms, listing, numbering, records
from backoffice.core.actor import Actor, Channel
from backoffice.core.errors import InvalidInput, InvalidTransition, NotAllowed, NotFound
from backoffice.core.lifecycle import Lifecycle
from backoffice.core.listing import ListRequest
from backoffice.core.notifications import notify
from backoffice.core.permissions import RESIDENT_PERMISSIONS, Perm, can, require
from backoffice.core.validation import REQUIRED, WRONG_TYPE, Checker
from backoffice.models import (
    ActivityEntry,
    DayCount,
    Order,
    OrderAttachment,
    OrderEvent,
    OrderStatus,
    Role,
    Service,
    ServiceCategory,
    StoredFile,
    User,
)
from backoffice.models.services import CLOSED_ORDER_STATUSES

S = OrderStatus
_P = Perm.ORDER_PROCESS
_OWN = Perm.ORDER_SUBMIT  # a resident permission: only on one's own order

ORDER_LIFECYCLE = Lifecycle(
    "order",
    {
        S.SUBMITTED: {S.ACCEPTED: _P, S.REJECTED: _P, S.CANCELLED: _OWN},
        S.ACCEPTED: {S.IN_PROGRESS: _P, S.REJECTED: _P},
        S.IN_PROGRESS: {S.NEEDS_INFO: _P, S.READY: _P, S.REJECTED: _P},
        S.NEEDS_INFO: {S.IN_PROGRESS: _OWN},
        S.READY: {S.COMPLETED: _P},
    },
)

# Each move of the lifecycle by name: (the statuses it starts from, the status it leads to).
# in_progress is reached twice (start, provide_info), so the name is what tells them apart.
ORDER_ACTIONS: dict[str, tuple[frozenset[str], str]] = {
    "accept": (frozenset({S.SUBMITTED}), S.ACCEPTED),
    "start": (frozenset({S.ACCEPTED}), S.IN_PROGRESS),
    "request_info": (frozenset({S.IN_PROGRESS}), S.NEEDS_INFO),
    "provide_info": (frozenset({S.NEEDS_INFO}), S.IN_PROGRESS),
    "mark_ready": (frozenset({S.IN_PROGRESS}), S.READY),
    "complete": (frozenset({S.READY}), S.COMPLETED),
    "reject": (frozenset({S.SUBMITTED, S.ACCEPTED, S.IN_PROGRESS}), S.REJECTED),
    "cancel": (frozenset({S.SUBMITTED}), S.CANCELLED),
}
# Not a move of the lifecycle: who works on an open order.
ASSIGN = "assign"
ALL_ORDER_ACTIONS = (*ORDER_ACTIONS, ASSIGN)

# The order fields whose change the activity log records.
_AUDITED = (
    "status",
    "assignee_id",
    "due_at",
    "closed_at",
    "info_question",
    "info_requested_at",
    "info_answer",
    "result_file_id",
    "result_note",
    "rejection_reason",
)
# Answers are personal data and stay out of the append-only log; the order keeps them.
_AUDITED_ON_REGISTRATION = (
    "registration_number",
    "service_id",
    "applicant_id",
    "channel",
    "status",
    "due_at",
)
_SERVICE_FIELDS = (
    "code",
    "category_id",
    "title",
    "description",
    "required_documents",
    "term_days",
    "term_counts",
    "fee",
    "department",
    "form_schema",
    "active",
)
_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")
_LONG_TEXT = 4000
MAX_FEE = Decimal("99999999.99")
MAX_TERM_DAYS = 3650

Attachment = tuple[str, str, bytes]  # (form field or "", file name, bytes)


# --- catalog -------------------------------------------------------------------------------


def _code(checker: Checker, value: Any) -> str | None:
    code = checker.text("code", value, max_length=40)
    if code is not None and not _CODE.fullmatch(code):
        checker.fail("code", "Латинські літери, цифри, «.», «_» і «-».")
        return None
    return code


def create_category(
    session: Session, actor: Actor, *, code: str, title: str, position: int = 0
) -> ServiceCategory:
    require(actor, Perm.CATALOG_MANAGE)
    checker = Checker()
    category = ServiceCategory(
        code=_code(checker, code),
        title=checker.text("title", title, max_length=200),
        position=checker.integer("position", position, minimum=0, maximum=100_000),
    )
    checker.done()
    session.add(category)
    records.flush(session, duplicate_message="Категорія з таким кодом уже є.")
    after = audit.snapshot(category, ("code", "title", "position"))
    audit.record(
        session, actor, "category.create", "category", category.id, audit.changes_between({}, after)
    )
    records.flush(session)
    return category


def _fee(checker: Checker, value: Any) -> Decimal | None:
    if value is None or value == "":
        return Decimal("0")
    if isinstance(value, bool) or not isinstance(value, int | str | Decimal):
        checker.fail("fee", WRONG_TYPE)
        return None
    try:
        fee = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        fee = None
    if fee is None or not fee.is_finite() or fee < 0 or fee > MAX_FEE or fee != round(fee, 2):
        checker.fail("fee", "Сума в гривнях від 0, не більше двох знаків після коми.")
        return None
    return fee


def _documents(checker: Checker, value: Any) -> list[str] | None:
    if value is None:
        return []
    if not isinstance(value, list | tuple) or len(value) > 50:
        checker.fail("required_documents", "Список до 50 документів.")
        return None
    inner = Checker()
    cleaned = [inner.text("required_documents", item, max_length=300) for item in value]
    if inner.errors:
        checker.fail("required_documents", inner.errors["required_documents"])
        return None
    return [c for c in cleaned if c]


def _schema(checker: Checker, value: Any) -> list[dict[str, Any]] | None:
    try:
        return forms.validate_schema([] if value is None else value)
    except InvalidInput as error:
        for name, text in error.fields.items():
            checker.fail(name, text)
        return None


def _category_exists(session: Session, checker: Checker, category_id: Any) -> int | None:
    category_id = checker.integer("category_id", category_id, minimum=1)
    if category_id is not None and session.get(ServiceCategory, category_id) is None:
        checker.fail("category_id", "Такої категорії немає.")
        return None
    return category_id


def _clean_service_field(session: Session, checker: Checker, name: str, value: Any) -> Any:
    """One service field as stored, or None with its problem in ``checker``."""
    if name == "code":
        return _code(checker, value)
    if name == "category_id":
        return _category_exists(session, checker, value)
    if name == "title":
        return checker.text("title", value, max_length=300)
    if name == "description":
        text = checker.text(name, value, required=False, max_length=_LONG_TEXT, multiline=True)
        return text or ""
    if name == "department":
        return checker.text(name, value, required=False, max_length=200) or ""
    if name == "required_documents":
        return _documents(checker, value)
    if name == "term_days":
        return checker.integer(name, value, required=False, minimum=1, maximum=MAX_TERM_DAYS)
    if name == "term_counts":
        return checker.choice(name, value, DayCount)
    if name == "fee":
        return _fee(checker, value)
    if name == "form_schema":
        return _schema(checker, value)
    # active
    if not isinstance(value, bool):
        checker.fail(name, WRONG_TYPE)
    return value


def create_service(
    session: Session,
    actor: Actor,
    *,
    code: str,
    category_id: int,
    title: str,
    description: str = "",
    required_documents: Iterable[str] = (),
    term_days: int | None = None,
    term_counts: DayCount | str = DayCount.CALENDAR,
    fee: Decimal | int | str = 0,
    department: str = "",
    form_schema: list[dict[str, Any]] | None = None,
    active: bool = True,
) -> Service:
    require(actor, Perm.CATALOG_MANAGE)
    given = {
        "code": code,
        "category_id": category_id,
        "title": title,
        "description": description,
        "required_documents": list(required_documents),
        "term_days": term_days,
        "term_counts": term_counts,
        "fee": fee,
        "department": department,
        "form_schema": form_schema,
        "active": active,
    }
    checker = Checker()
    values = {
        name: _clean_service_field(session, checker, name, given[name]) for name in _SERVICE_FIELDS
    }
    checker.done()
    service = Service(**values)
    session.add(service)
    records.flush(session, duplicate_message="Послуга з таким кодом уже є.")
    after = audit.snapshot(service, _SERVICE_FIELDS)
    audit.record(
        session, actor, "service.create", "service", service.id, audit.changes_between({}, after)
    )
    records.flush(session)
    return service


def _service_changed_by(session: Session, service_id: int) -> str | None:
    """Who made the last change to a service: the catalog has no timeline but the log."""
    actor_id = session.scalar(
        select(ActivityEntry.actor_id)
        .where(ActivityEntry.entity == "service", ActivityEntry.entity_id == service_id)
        .order_by(ActivityEntry.id.desc())
        .limit(1)
    )
    return records.user_name(session, actor_id)


def _load_service_for_change(
    session: Session, service_id: int, expected_version: int | None
) -> Service:
    service = records.get_or_404(session, Service, service_id, for_update=True)
    if expected_version is not None and service.version != expected_version:
        records.check_version(
            service, expected_version, changed_by=_service_changed_by(session, service.id)
        )
    return service


def update_service(
    session: Session,
    actor: Actor,
    service_id: int,
    changes: Mapping[str, Any],
    *,
    expected_version: int | None = None,
) -> Service:
    """Change the given fields of a service (``changes``: field name -> new value)."""
    require(actor, Perm.CATALOG_MANAGE)
    service = _load_service_for_change(session, service_id, expected_version)
    checker = Checker()
    for name in changes:
        if name not in _SERVICE_FIELDS:
            checker.fail(str(name), forms.UNKNOWN_FIELD)
    cleaned = {
        name: _clean_service_field(session, checker, name, value)
        for name, value in changes.items()
        if name in _SERVICE_FIELDS
    }
    checker.done()
    return _apply_service_change(session, actor, service, cleaned, "service.update")


def set_service_active(
    session: Session,
    actor: Actor,
    service_id: int,
    active: bool,
    *,
    expected_version: int | None = None,
) -> Service:
    """Open or close a service for new orders (orders already made go on)."""
    require(actor, Perm.CATALOG_MANAGE)
    service = _load_service_for_change(session, service_id, expected_version)
    checker = Checker()
    active = _clean_service_field(session, checker, "active", active)
    checker.done()
    action = "service.activate" if active else "service.deactivate"
    return _apply_service_change(session, actor, service, {"active": active}, action)


def _apply_service_change(
    session: Session, actor: Actor, service: Service, cleaned: dict[str, Any], action: str
) -> Service:
    before = audit.snapshot(service, _SERVICE_FIELDS)
    for name, value in cleaned.items():
        setattr(service, name, value)
    records.flush(session, duplicate_message="Послуга з таким кодом уже є.")
    after = audit.snapshot(service, _SERVICE_FIELDS)
    audit.record(
        session, actor, action, "service", service.id, audit.changes_between(before, after)
    )
    records.flush(session)
    return service


def _catalog_query(category_id: int | None, query: str | None) -> Select:
    stmt = select(Service).order_by(Service.title, Service.id)
    if category_id is not None:
        stmt = stmt.where(Service.category_id == category_id)
    pattern = listing.search_pattern(query or "")
    if pattern is not None:
        stmt = stmt.where(listing.matches(Service.title, pattern))
    return stmt


def _search_input(category_id: Any, query: Any, limit: Any) -> tuple[int | None, str | None, int]:
    checker = Checker()
    category_id = checker.integer("category_id", category_id, required=False, minimum=1)
    query = checker.text("query", query, required=False, max_length=100)
    limit = checker.integer("limit", limit, minimum=1, maximum=500)
    checker.done()
    return category_id, query, limit


def list_active_services(
    session: Session,
    actor: Actor,
    *,
    category_id: int | None = None,
    query: str | None = None,
    limit: int = 100,
) -> list[Service]:
    """The public catalog: active services, by title; anyone may read it, signed in or not."""
    category_id, query, limit = _search_input(category_id, query, limit)
    stmt = _catalog_query(category_id, query).where(Service.active.is_(True)).limit(limit)
    return list(session.scalars(stmt))


def public_service(session: Session, service_id: int) -> Service:
    """One service of the public catalog (anyone may read it): active, else NotFound."""
    if not isinstance(service_id, int) or isinstance(service_id, bool):
        raise NotFound()
    service = session.get(Service, service_id)
    if service is None or not service.active:
        raise NotFound()
    return service


def service_term(service: Service) -> tuple[int, str]:
    """(days, "calendar" or "working"): the term a service is given in, the default included."""
    return _term_of(service)


def search_services(
    session: Session,
    actor: Actor,
    *,
    category_id: int | None = None,
    query: str | None = None,
    include_inactive: bool = True,
    limit: int = 100,
) -> list[Service]:
    """The staff view of the catalog, closed services included."""
    require(actor, Perm.CATALOG_VIEW)
    category_id, query, limit = _search_input(category_id, query, limit)
    stmt = _catalog_query(category_id, query).limit(limit)
    if not include_inactive:
        stmt = stmt.where(Service.active.is_(True))
    return list(session.scalars(stmt))


def _catalog_aggregates(model) -> Any:
    return select(
        func.count(model.id).label("rows"),
        func.max(model.updated_at).label("changed"),
        func.coalesce(func.sum(model.version), 0).label("edits"),
    ).subquery()


_SERVICES_NOW, _CATEGORIES_NOW = _catalog_aggregates(Service), _catalog_aggregates(ServiceCategory)
# The catalog's version: it changes whenever what the public catalog shows may have — a row
# added or deleted (count), any update (each bumps the row's ``version``; ``updated_at`` too).
# ``version`` matters because ``updated_at`` is set at flush, not commit: a long transaction can
# commit a change older than the newest one already seen. One row, from two small tables; a
# cache of the rendered catalog (the portal's) compares it. Public data: no actor needed.
CATALOG_VERSION = select(_SERVICES_NOW, _CATEGORIES_NOW).select_from(
    _SERVICES_NOW.join(_CATEGORIES_NOW, true())
)


def catalog_version(session: Session) -> tuple:
    """The catalog's version (see ``CATALOG_VERSION``) as a tuple to compare."""
    return tuple(session.execute(CATALOG_VERSION).one())


def list_categories(session: Session, actor: Actor) -> list[ServiceCategory]:
    return list(
        session.scalars(
            select(ServiceCategory).order_by(ServiceCategory.position, ServiceCategory.title)
        )
    )


SERVICE_SORTS = frozenset({"id", "code", "title"})
SERVICE_FILTERS = frozenset({"category_id", "active"})


def _unknown_filters(checker: Checker, filters: Mapping[str, Any], known: frozenset[str]) -> None:
    for key in sorted(str(k) for k in filters if k not in known):
        checker.fail(f"filters.{key}", "Невідомий фільтр.")


def _flag(checker: Checker, name: str, value: Any) -> bool | None:
    """A yes/no filter: None (or "") when not set."""
    if value is None or value == "":
        return None
    return checker.boolean(f"filters.{name}", value)


def _service_list_statement(actor: Actor, request: ListRequest) -> Select:
    require(actor, Perm.CATALOG_VIEW)
    filters = request.filters
    checker = Checker()
    _unknown_filters(checker, filters, SERVICE_FILTERS)
    category_id = checker.integer(
        "filters.category_id", filters.get("category_id"), required=False, minimum=1
    )
    active = _flag(checker, "active", filters.get("active"))
    checker.done()
    stmt = select(
        Service.id.label("id"),
        Service.code.label("code"),
        Service.title.label("title"),
        ServiceCategory.title.label("category"),
        Service.term_days.label("term_days"),
        Service.term_counts.label("term_counts"),
        Service.fee.label("fee"),
        Service.department.label("department"),
        Service.active.label("active"),
        Service.version.label("version"),
    ).join(ServiceCategory, ServiceCategory.id == Service.category_id)
    if category_id is not None:
        stmt = stmt.where(Service.category_id == category_id)
    if active is not None:
        stmt = stmt.where(Service.active.is_(active))
    pattern = listing.search_pattern(request.search)
    if pattern:
        stmt = stmt.where(
            or_(listing.matches(Service.title, pattern), listing.matches(Service.code, pattern))
        )
    return stmt


def service_rows(session: Session, actor: Actor, request: ListRequest) -> list[dict[str, Any]]:
    """A window of the catalog for the desktop (keyset-paged, filtered in SQL); fee as text."""
    rows = listing.fetch_page(
        session, _service_list_statement(actor, request), request, SERVICE_SORTS
    )
    for row in rows:
        row["fee"] = f"{row['fee']:.2f}"
    return rows


def service_count(session: Session, actor: Actor, request: ListRequest) -> int:
    return listing.count_rows(session, _service_list_statement(actor, request))


def service_detail(session: Session, actor: Actor, service_id: int) -> Service:
    """One service with everything in it (closed ones included), for the catalog tab."""
    require(actor, Perm.CATALOG_VIEW)
    return records.get_or_404(session, Service, service_id)


# --- orders: helpers -----------------------------------------------------------------------


def _now(now: datetime | None) -> datetime:
    return calendar.moment_or_now(now)


def _term_of(service: Service) -> tuple[int, str]:
    """(days, how they count): the service's own term, else the default of calendar days."""
    if service.term_days:
        return service.term_days, service.term_counts
    return get_settings().terms.service_default_days, DayCount.CALENDAR


def _day(moment: datetime) -> str:
    return calendar.local_date(moment).strftime("%d.%m.%Y")


def order_link(order: Order) -> str:
    return f"/orders/{order.id}"


def _event(
    session: Session,
    order: Order,
    actor: Actor,
    action: str,
    now: datetime,
    comment: str | None = None,
) -> None:
    event = OrderEvent(
        action=action, status=order.status, comment=comment, actor_id=actor.user_id, at=now
    )
    # Loading the collection must not autoflush the change: a stale write has to surface in
    # records.flush, where it becomes a Conflict.
    with session.no_autoflush:
        order.events.append(event)


def last_changed_by(session: Session, order: Order) -> str | None:
    """Who made the order's latest move (named in a stale-version conflict)."""
    actor_id = session.scalar(
        select(OrderEvent.actor_id)
        .where(OrderEvent.order_id == order.id)
        .order_by(OrderEvent.id.desc())
        .limit(1)
    )
    return records.user_name(session, actor_id)


def _is_applicant(actor: Actor, order: Order) -> bool:
    return actor.user_id is not None and actor.user_id == order.applicant_id


def _visible(actor: Actor, order: Order) -> bool:
    return can(actor, Perm.ORDER_VIEW) or _is_applicant(actor, order)


def _require_signed_in(actor: Actor) -> None:
    if not actor.signed_in and not actor.is_system:
        raise NotAllowed("Увійдіть до кабінету, щоб виконати цю дію.", code="sign_in_required")


def _finish(
    session: Session,
    actor: Actor,
    order: Order,
    action: str,
    changes: dict[str, Any],
) -> Order:
    # Flushed before the log entry: a concurrent change (stale version) becomes a Conflict
    # here, and a failing change never holds the log's chain head.
    records.flush(session)
    audit.record(session, actor, f"order.{action}", "order", order.id, changes)
    records.flush(session)
    return order


# --- orders: registration ------------------------------------------------------------------


def _check_attachments(
    attachments: Iterable[Attachment],
) -> tuple[list[Attachment], set[str], dict[str, str]]:
    """(attachments, the fields they answer, problems by field) before anything is stored."""
    problems: dict[str, str] = {}
    checked: list[Attachment] = []
    if attachments is None:
        return checked, set(), problems
    if isinstance(attachments, str | bytes) or not isinstance(attachments, Iterable):
        return checked, set(), {"attachments": WRONG_TYPE}
    for item in attachments:
        if not isinstance(item, tuple | list) or len(item) != 3:
            problems.setdefault("attachments", WRONG_TYPE)
            continue
        field, name, data = item
        key = field if isinstance(field, str) and field else "attachments"
        if not isinstance(field, str) or not isinstance(name, str):
            problems.setdefault(key, WRONG_TYPE)
            continue
        try:
            files.check_upload(key, name, data)
        except InvalidInput as error:
            for bad, text in error.fields.items():
                problems.setdefault(bad, text)
            continue
        checked.append((field, name, data))
    return checked, {field for field, _, _ in checked if field}, problems


def _register(
    session: Session,
    actor: Actor,
    service_id: Any,
    applicant_id: int,
    answers: Any,
    attachments: Iterable[Attachment],
    now: datetime,
) -> Order:
    checker = Checker()
    service = _orderable_service(session, checker, service_id)
    checked, attached, problems = _check_attachments(attachments)
    for field, text in problems.items():
        checker.fail(field, text)
    cleaned: dict[str, Any] = {}
    if service is not None:
        try:
            cleaned = forms.validate_answers(service.form_schema, answers, attached)
        except InvalidInput as error:
            for field, text in error.fields.items():
                checker.fail(field, text)
    checker.done()
    days, counts = _term_of(service)
    year = calendar.local_date(now).year
    order = Order(
        registration_number=numbering.registration_number(session, "order", year),
        service=service,
        applicant_id=applicant_id,
        answers=cleaned,
        status=S.SUBMITTED,
        channel=actor.channel.value,
        submitted_at=now,
        due_at=calendar.due_after_days(now, days, counts),
    )
    session.add(order)
    _attach(session, actor, order, checked)
    _event(session, order, actor, "submit", now)
    records.flush(session)
    notify(
        session,
        applicant_id,
        f"Заяву № {order.registration_number} на послугу «{service.title}» зареєстровано. "
        f"Строк розгляду — до {_day(order.due_at)}.",
        order_link(order),
    )
    after = audit.snapshot(order, _AUDITED_ON_REGISTRATION)
    return _finish(session, actor, order, "submit", audit.changes_between({}, after))


def _orderable_service(session: Session, checker: Checker, service_id: Any) -> Service | None:
    service_id = checker.integer("service_id", service_id, minimum=1)
    if service_id is None:
        return None
    service = session.get(Service, service_id)
    if service is None or not service.active:
        checker.fail("service_id", "Ця послуга зараз не надається.")
        return None
    return service


def _attach(session: Session, actor: Actor, order: Order, checked: list[Attachment]) -> None:
    seen: set[tuple[int, str]] = set()
    for field, name, data in checked:
        stored = files.store(session, actor, name, data, field=field or "attachments")
        # The same bytes twice for one field are one attachment (files are kept by hash).
        if (stored.id, field) not in seen:
            seen.add((stored.id, field))
            order.attachments.append(OrderAttachment(file_id=stored.id, field=field))


def submit_order(
    session: Session,
    actor: Actor,
    service_id: int,
    answers: Mapping[str, Any],
    attachments: Iterable[Attachment] = (),
    *,
    now: datetime | None = None,
) -> Order:
    """A resident orders a service on the portal: the answers are checked against its form."""
    require(actor, Perm.ORDER_SUBMIT)
    return _register(session, actor, service_id, actor.user_id, answers, attachments, _now(now))


def register_order_at_desk(
    session: Session,
    actor: Actor,
    service_id: int,
    applicant_id: int,
    answers: Mapping[str, Any],
    attachments: Iterable[Attachment] = (),
    *,
    now: datetime | None = None,
) -> Order:
    """A clerk registers the order of a resident who came to the ЦНАП in person."""
    require(actor, Perm.ORDER_REGISTER_AT_DESK)
    checker = Checker()
    applicant_id = checker.integer("applicant_id", applicant_id, minimum=1)
    if applicant_id is not None and session.get(User, applicant_id) is None:
        checker.fail("applicant_id", "Такого заявника немає.")
    checker.done()
    return _register(session, actor, service_id, applicant_id, answers, attachments, _now(now))


# --- orders: moves of the lifecycle --------------------------------------------------------


def _perm_of(action: str) -> Perm:
    """The permission the lifecycle asks for ``action`` (the same from each of its sources)."""
    sources, target = ORDER_ACTIONS[action]
    return ORDER_LIFECYCLE.transitions[next(iter(sources))][target]


def _needs_applicant(action: str) -> bool:
    # Resident permissions are about one's own items only.
    return _perm_of(action) in RESIDENT_PERMISSIONS


def _may(actor: Actor, order: Order, action: str) -> bool:
    if action == ASSIGN:
        return can(actor, Perm.ORDER_PROCESS) and not order.is_closed
    sources, target = ORDER_ACTIONS[action]
    if order.status not in sources or target not in ORDER_LIFECYCLE.targets(actor, order.status):
        return False
    return _is_applicant(actor, order) or not _needs_applicant(action)


def available_actions(session: Session, actor: Actor, order: Order) -> list[str]:
    """What ``actor`` may do with ``order`` now, in ``ALL_ORDER_ACTIONS`` order."""
    if not _visible(actor, order):
        return []
    return [action for action in ALL_ORDER_ACTIONS if _may(actor, order, action)]


def _load_for_change(
    session: Session, actor: Actor, order_id: int, expected_version: int | None
) -> Order:
    order = records.get_or_404(session, Order, order_id, for_update=True)
    if not _visible(actor, order):
        raise NotFound()  # someone else's order: its existence is not revealed
    if expected_version is not None and order.version != expected_version:
        records.check_version(order, expected_version, changed_by=last_changed_by(session, order))
    return order


def _begin(
    session: Session, actor: Actor, order_id: int, action: str, expected_version: int | None
) -> tuple[Order, dict[str, Any]]:
    """Load the order for ``action`` and refuse it unless the lifecycle and ownership allow."""
    sources, target = ORDER_ACTIONS[action]
    # Refused before loading, so that a refusal tells nothing about which orders exist.
    require(actor, _perm_of(action))
    order = _load_for_change(session, actor, order_id, expected_version)
    if order.status not in sources:
        raise InvalidTransition(
            f"Дія «{action}» недоступна для заяви у стані «{order.status}».",
            lifecycle=ORDER_LIFECYCLE.name,
            status=order.status,
            target=target,
        )
    ORDER_LIFECYCLE.check(actor, order.status, target)
    if _needs_applicant(action) and not _is_applicant(actor, order):
        raise NotAllowed("Цю дію може виконати лише заявник.", code="applicant_only")
    return order, audit.snapshot(order, _AUDITED)


def _move(
    session: Session,
    actor: Actor,
    order: Order,
    before: dict[str, Any],
    action: str,
    now: datetime,
    *,
    comment: str | None = None,
    tell: tuple[int | None, str] | None = None,
) -> Order:
    """Set the action's status, write the timeline, the notification and the log."""
    order.status = ORDER_ACTIONS[action][1]
    if order.is_closed:
        order.closed_at = now
    _event(session, order, actor, action, now, comment)
    if tell is not None:
        notify(session, tell[0], tell[1], order_link(order))
    changes = audit.changes_between(before, audit.snapshot(order, _AUDITED))
    return _finish(session, actor, order, action, changes)


def _text(field: str, value: Any, *, required: bool = True) -> str | None:
    checker = Checker()
    text = checker.text(field, value, required=required, max_length=_LONG_TEXT, multiline=True)
    checker.done()
    return text


def accept(
    session: Session,
    actor: Actor,
    order_id: int,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Order:
    """Take the order for consideration; an unassigned order goes to whoever accepts it."""
    order, before = _begin(session, actor, order_id, "accept", expected_version)
    if order.assignee_id is None:
        order.assignee_id = actor.user_id
    text = f"Заяву № {order.registration_number} прийнято до розгляду."
    return _move(
        session, actor, order, before, "accept", _now(now), tell=(order.applicant_id, text)
    )


def start(
    session: Session,
    actor: Actor,
    order_id: int,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Order:
    order, before = _begin(session, actor, order_id, "start", expected_version)
    text = f"Заяву № {order.registration_number} взято в роботу."
    return _move(session, actor, order, before, "start", _now(now), tell=(order.applicant_id, text))


def request_info(
    session: Session,
    actor: Actor,
    order_id: int,
    question: str,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Order:
    """Ask the applicant for more; the clock stands still until the answer."""
    order, before = _begin(session, actor, order_id, "request_info", expected_version)
    question = _text("question", question)
    now = _now(now)
    order.info_question = question
    order.info_requested_at = now
    order.info_answer = None
    text = (
        f"Для розгляду заяви № {order.registration_number} потрібна додаткова інформація: "
        f"{question}"
    )
    return _move(
        session,
        actor,
        order,
        before,
        "request_info",
        now,
        comment=question,
        tell=(order.applicant_id, text),
    )


def provide_info(
    session: Session,
    actor: Actor,
    order_id: int,
    answer: str,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Order:
    """The applicant answers; the order returns to work and its due date moves by the wait."""
    order, before = _begin(session, actor, order_id, "provide_info", expected_version)
    answer = _text("answer", answer)
    now = _now(now)
    _days, counts = _term_of(order.service)
    waited = calendar.counted_days_between(order.info_requested_at, now, counts)
    order.due_at = calendar.shift_due(order.due_at, waited, counts)
    order.info_answer = answer
    text = (
        f"Заявник відповів на запит щодо заяви № {order.registration_number}. "
        f"Новий строк — до {_day(order.due_at)}."
    )
    return _move(
        session,
        actor,
        order,
        before,
        "provide_info",
        now,
        comment=answer,
        tell=(order.assignee_id, text),
    )


def mark_ready(
    session: Session,
    actor: Actor,
    order_id: int,
    result_name: str,
    result_data: bytes,
    *,
    note: str | None = None,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Order:
    """The result is ready: its file is kept with the order and the applicant is told."""
    order, before = _begin(session, actor, order_id, "mark_ready", expected_version)
    checker = Checker()
    if not result_data:
        checker.fail("result_file", REQUIRED)
    elif not isinstance(result_name, str):
        checker.fail("result_file", WRONG_TYPE)
    else:
        try:
            files.check_upload("result_file", result_name, result_data)
        except InvalidInput as error:
            checker.fail("result_file", error.fields["result_file"])
    note = checker.text("note", note, required=False, max_length=_LONG_TEXT, multiline=True)
    checker.done()
    order.result_file_id = files.store(
        session, actor, result_name, result_data, field="result_file"
    ).id
    order.result_note = note
    text = f"Результат послуги за заявою № {order.registration_number} готовий."
    if note:
        text += f" {note}"
    tell = (order.applicant_id, text)
    return _move(session, actor, order, before, "mark_ready", _now(now), comment=note, tell=tell)


def complete(
    session: Session,
    actor: Actor,
    order_id: int,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Order:
    """The result was handed over: the order is closed."""
    order, before = _begin(session, actor, order_id, "complete", expected_version)
    text = f"Послугу за заявою № {order.registration_number} надано. Заяву закрито."
    return _move(
        session, actor, order, before, "complete", _now(now), tell=(order.applicant_id, text)
    )


def reject(
    session: Session,
    actor: Actor,
    order_id: int,
    reason: str,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Order:
    """Refuse the service; the reason is required and sent to the applicant."""
    order, before = _begin(session, actor, order_id, "reject", expected_version)
    order.rejection_reason = _text("reason", reason)
    text = (
        f"У наданні послуги за заявою № {order.registration_number} відмовлено. "
        f"Причина: {order.rejection_reason}"
    )
    return _move(
        session,
        actor,
        order,
        before,
        "reject",
        _now(now),
        comment=order.rejection_reason,
        tell=(order.applicant_id, text),
    )


def cancel(
    session: Session,
    actor: Actor,
    order_id: int,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Order:
    """The applicant withdraws an order nobody has taken yet."""
    order, before = _begin(session, actor, order_id, "cancel", expected_version)
    text = f"Заявник скасував заяву № {order.registration_number}."
    return _move(session, actor, order, before, "cancel", _now(now), tell=(order.assignee_id, text))


def assign(
    session: Session,
    actor: Actor,
    order_id: int,
    assignee_id: int,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Order:
    """Give an open order to a clerk."""
    require(actor, Perm.ORDER_PROCESS)
    order = _load_for_change(session, actor, order_id, expected_version)
    if order.is_closed:
        raise InvalidTransition("Закриту заяву не можна доручити.", code="order_closed")
    checker = Checker()
    assignee_id = checker.integer("assignee_id", assignee_id, minimum=1)
    assignee = session.get(User, assignee_id) if assignee_id is not None else None
    if assignee_id is not None and (assignee is None or Role.CLERK not in assignee.role_names):
        checker.fail("assignee_id", "Доручити можна лише працівникові ЦНАП.")
    checker.done()
    before = audit.snapshot(order, _AUDITED)
    order.assignee_id = assignee.id
    _event(session, order, actor, ASSIGN, _now(now), assignee.full_name)
    notify(session, assignee.id, f"Вам доручено заяву № {order.registration_number}.")
    changes = audit.changes_between(before, audit.snapshot(order, _AUDITED))
    return _finish(session, actor, order, ASSIGN, changes)


# --- orders: queries -----------------------------------------------------------------------


def get_order_for(session: Session, actor: Actor, order_id: int) -> Order:
    """An order as ``actor`` may see it: staff any, a resident only their own (else NotFound)."""
    if not can(actor, Perm.ORDER_VIEW):
        _require_signed_in(actor)
    order = records.get_or_404(session, Order, order_id)
    if not _visible(actor, order):
        raise NotFound()
    return order


def my_orders(session: Session, actor: Actor, *, limit: int = 100) -> list[Order]:
    """The actor's own orders, newest first."""
    _require_signed_in(actor)
    return list(
        session.scalars(
            select(Order)
            .where(Order.applicant_id == actor.user_id)
            .order_by(Order.submitted_at.desc(), Order.id.desc())
            .limit(limit)
        )
    )


def order_timeline(session: Session, actor: Actor, order_id: int) -> list[OrderEvent]:
    order = get_order_for(session, actor, order_id)
    return list(
        session.scalars(
            select(OrderEvent).where(OrderEvent.order_id == order.id).order_by(OrderEvent.id)
        )
    )


# The clock runs only for these: closed orders are never overdue, and one waiting for the
# applicant's answer has its clock stopped (the answer moves its due date).
_CLOCK_RUNNING = tuple(s for s in S if s not in CLOSED_ORDER_STATUSES and s is not S.NEEDS_INFO)


def overdue_orders(
    session: Session, actor: Actor, *, now: datetime | None = None, limit: int = 500
) -> list[Order]:
    """Open orders past their due moment, the most overdue first."""
    require(actor, Perm.ORDER_VIEW)
    stmt = (
        select(Order)
        .where(Order.status.in_(_CLOCK_RUNNING), Order.due_at < _now(now))
        .order_by(Order.due_at, Order.id)
        .limit(limit)
    )
    return list(session.scalars(stmt))


def due_soon_orders(
    session: Session, actor: Actor, *, now: datetime | None = None, limit: int = 500
) -> list[Order]:
    """Open orders due within the configured number of days and not yet overdue."""
    require(actor, Perm.ORDER_VIEW)
    now = _now(now)
    horizon = now + timedelta(days=get_settings().terms.due_soon_days)
    stmt = (
        select(Order)
        .where(Order.status.in_(_CLOCK_RUNNING), Order.due_at >= now, Order.due_at <= horizon)
        .order_by(Order.due_at, Order.id)
        .limit(limit)
    )
    return list(session.scalars(stmt))


def is_overdue(order: Order, *, now: datetime | None = None) -> bool:
    """The same rule as ``overdue_orders``, for one order already loaded."""
    return order.status in _CLOCK_RUNNING and calendar.is_overdue(order.due_at, _now(now))


def is_due_soon(order: Order, *, now: datetime | None = None) -> bool:
    """The same rule as ``due_soon_orders``, for one order already loaded."""
    return order.status in _CLOCK_RUNNING and calendar.is_due_soon(order.due_at, _now(now))


# --- orders: the desktop list --------------------------------------------------------------

ORDER_SORTS = frozenset(
    {"id", "submitted_at", "due_at", "registration_number", "status", "applicant"}
)
ORDER_FILTERS = frozenset(
    {
        "status",
        "service_id",
        "category_id",
        "assignee_id",
        "overdue",
        "due_soon",
        "submitted_from",
        "submitted_to",
        "channel",
    }
)
# A whole registration number ("ЦНАП-2026/000123"): found by the unique index, not by a scan.
_REGISTRATION_NUMBER = re.compile(r"[^\W\d_]+-\d{4}/\d{6,}")


def _statuses(checker: Checker, value: Any) -> list[str]:
    """One status or a list of them (an empty list: any status)."""
    if value is None or value == "":
        return []
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list | tuple | set | frozenset):
        checker.fail("filters.status", WRONG_TYPE)
        return []
    chosen = [checker.choice("filters.status", v, S) for v in values]
    return [] if "filters.status" in checker.errors else sorted(set(chosen))


def _assignee_condition(checker: Checker, actor: Actor, value: Any) -> ColumnElement | None:
    """``assignee_id``: a person's id, "me" or "none" (nobody assigned yet)."""
    if value is None or value == "":
        return None
    if value == "none":
        return Order.assignee_id.is_(None)
    if value == "me":
        if actor.user_id is None:
            checker.fail("filters.assignee_id", "Доручення «мені» потребує входу.")
            return None
        return Order.assignee_id == actor.user_id
    assignee_id = checker.integer("filters.assignee_id", value, minimum=1)
    return None if assignee_id is None else Order.assignee_id == assignee_id


def _submitted_between(checker: Checker, filters: Mapping[str, Any]) -> list[ColumnElement]:
    """Kyiv calendar days, both ends included."""
    first = checker.date("filters.submitted_from", filters.get("submitted_from"), required=False)
    last = checker.date("filters.submitted_to", filters.get("submitted_to"), required=False)
    if first and last and last < first:
        checker.fail("filters.submitted_to", "Кінець періоду раніше за його початок.")
        return []
    conditions = []
    if first:
        conditions.append(Order.submitted_at > calendar.end_of_day(first - timedelta(days=1)))
    if last:
        conditions.append(Order.submitted_at <= calendar.end_of_day(last))
    return conditions


def _order_search(text: str) -> ColumnElement | None:
    """A whole registration number by equality; else a part of one, or the applicant's name."""
    text = (text or "").strip()[:100]
    if _REGISTRATION_NUMBER.fullmatch(text):
        return Order.registration_number == text.upper()
    pattern = listing.search_pattern(text)
    if pattern is None:
        return None
    named = select(User.id).where(listing.matches(User.full_name, pattern)).correlate(None)
    return or_(listing.matches(Order.registration_number, pattern), Order.applicant_id.in_(named))


def _filtered_orders(actor: Actor, request: ListRequest, now: datetime) -> Select:
    """The ids of the orders the request asks for: filters and search, no display joins."""
    require(actor, Perm.ORDER_VIEW)
    filters = request.filters
    checker = Checker()
    _unknown_filters(checker, filters, ORDER_FILTERS)
    statuses = _statuses(checker, filters.get("status"))
    service_id = checker.integer(
        "filters.service_id", filters.get("service_id"), required=False, minimum=1
    )
    category_id = checker.integer(
        "filters.category_id", filters.get("category_id"), required=False, minimum=1
    )
    assignee = _assignee_condition(checker, actor, filters.get("assignee_id"))
    overdue = _flag(checker, "overdue", filters.get("overdue"))
    due_soon = _flag(checker, "due_soon", filters.get("due_soon"))
    submitted = _submitted_between(checker, filters)
    channel = checker.choice("filters.channel", filters.get("channel"), Channel, required=False)
    checker.done()

    stmt = select(Order.id.label("id"))
    if statuses:
        stmt = stmt.where(Order.status.in_(statuses))
    if service_id is not None:
        stmt = stmt.where(Order.service_id == service_id)
    if category_id is not None:
        in_category = select(Service.id).where(Service.category_id == category_id)
        stmt = stmt.where(Order.service_id.in_(in_category.correlate(None)))
    if assignee is not None:
        stmt = stmt.where(assignee)
    # Ticked: only those; unticked: no filter (the same rules as overdue_orders/due_soon_orders).
    if overdue:
        stmt = stmt.where(Order.status.in_(_CLOCK_RUNNING), Order.due_at < now)
    if due_soon:
        horizon = now + timedelta(days=get_settings().terms.due_soon_days)
        stmt = stmt.where(
            Order.status.in_(_CLOCK_RUNNING), Order.due_at >= now, Order.due_at <= horizon
        )
    if submitted:
        stmt = stmt.where(*submitted)
    if channel:
        stmt = stmt.where(Order.channel == channel)
    found = _order_search(request.search)
    if found is not None:
        stmt = stmt.where(found)
    return stmt


def _order_list_statement(actor: Actor, request: ListRequest, now: datetime) -> Select:
    """``_filtered_orders`` with the columns the table shows; "applicant" is users.full_name."""
    assignee = aliased(User, name="assignee_user")
    stmt = (
        _filtered_orders(actor, request, now)
        .with_only_columns(
            Order.id.label("id"),
            Order.registration_number.label("registration_number"),
            Service.title.label("service"),
            Order.service_id.label("service_id"),
            User.full_name.label("applicant"),
            Order.applicant_id.label("applicant_id"),
            Order.status.label("status"),
            assignee.full_name.label("assignee"),
            Order.assignee_id.label("assignee_id"),
            Order.submitted_at.label("submitted_at"),
            Order.due_at.label("due_at"),
            Order.closed_at.label("closed_at"),
            Order.channel.label("channel"),
            Order.version.label("version"),
            maintain_column_froms=False,
        )
        .select_from(Order)
        .join(Service, Service.id == Order.service_id)
        .join(User, User.id == Order.applicant_id)
        .outerjoin(assignee, assignee.id == Order.assignee_id)
    )
    if request.sort == "applicant" and request.after is not None:
        # The keyset condition spans two tables; its first half alone lets the names index
        # start at the last name shown instead of at the beginning.
        name = request.after[0]
        stmt = stmt.where(User.full_name <= name if request.descending else User.full_name >= name)
    return stmt


def order_rows(
    session: Session, actor: Actor, request: ListRequest, *, now: datetime | None = None
) -> list[dict[str, Any]]:
    """A window of the orders list for the desktop (keyset-paged, filtered in SQL), each row
    with ``is_overdue`` and ``is_due_soon`` by the rules of ``overdue_orders``/``due_soon_orders``.
    """
    now = _now(now)
    rows = listing.fetch_page(
        session, _order_list_statement(actor, request, now), request, ORDER_SORTS
    )
    soon = timedelta(days=get_settings().terms.due_soon_days)
    for row in rows:
        running = row["status"] in _CLOCK_RUNNING
        row["is_overdue"] = running and row["due_at"] < now
        row["is_due_soon"] = running and now <= row["due_at"] <= now + soon
    return rows


def order_count(
    session: Session, actor: Actor, request: ListRequest, *, now: datetime | None = None
) -> int:
    return listing.count_rows(session, _filtered_orders(actor, request, _now(now)))


# --- orders: the desktop detail panel ------------------------------------------------------

PERSONAL_MASK = "••••••••••"
# Answers that are personal data (DESIGN: tax number, phone): masked for roles without
# Perm.USER_VIEW_PERSONAL.
_PERSONAL_ANSWER_TYPES = frozenset({"tax_number", "phone"})


def answers_in_form_order(
    schema: list[dict[str, Any]], answers: Mapping[str, Any], personal: bool
) -> list[dict[str, Any]]:
    """(name, label, type, value) in the order of the form; answers to fields since removed
    from the form follow under their names. File fields are answered by the attachments."""
    shown: list[dict[str, Any]] = []
    known = set()
    for field in schema:
        known.add(field["name"])
        if field["type"] == "file" or field["name"] not in answers:
            continue
        value = answers[field["name"]]
        if field["type"] in _PERSONAL_ANSWER_TYPES and not personal and value:
            value = PERSONAL_MASK
        shown.append(
            {"name": field["name"], "label": field["label"], "type": field["type"], "value": value}
        )
    for name in sorted(set(answers) - known):
        # Its type is no longer known: shown only to those who may see personal data.
        value = answers[name] if personal else PERSONAL_MASK
        shown.append({"name": name, "label": name, "type": None, "value": value})
    return shown


def order_detail(
    session: Session, actor: Actor, order_id: int, *, now: datetime | None = None
) -> dict[str, Any]:
    """Everything the desktop's detail panel shows about one order.

    The applicant's phone, email and tax number (and tax numbers among the answers) only for
    roles that may see personal data, and to the applicant themselves.
    """
    order = get_order_for(session, actor, order_id)
    now = _now(now)
    personal = can(actor, Perm.USER_VIEW_PERSONAL) or _is_applicant(actor, order)
    service = order.service
    applicant = order.applicant
    labels = {field["name"]: field["label"] for field in service.form_schema}
    attachments = session.execute(
        select(
            StoredFile.id,
            StoredFile.name,
            StoredFile.size,
            StoredFile.media_type,
            OrderAttachment.field,
        )
        .join(OrderAttachment, OrderAttachment.file_id == StoredFile.id)
        .where(OrderAttachment.order_id == order.id)
        .order_by(OrderAttachment.id)
    ).all()
    result = None
    if order.result_file_id is not None:
        stored = session.get(StoredFile, order.result_file_id)
        result = {"id": stored.id, "name": stored.name, "size": stored.size}
    timeline = session.execute(
        select(OrderEvent, User.full_name)
        .outerjoin(User, User.id == OrderEvent.actor_id)
        .where(OrderEvent.order_id == order.id)
        .order_by(OrderEvent.id)
    ).all()
    return {
        "id": order.id,
        "registration_number": order.registration_number,
        "status": order.status,
        "channel": order.channel,
        "version": order.version,
        "submitted_at": order.submitted_at,
        "due_at": order.due_at,
        "closed_at": order.closed_at,
        "service_id": service.id,
        "service": service.title,
        "form_schema": service.form_schema,
        "answers": answers_in_form_order(service.form_schema, order.answers, personal),
        "applicant_id": applicant.id,
        "applicant": applicant.full_name,
        "applicant_phone": applicant.phone if personal else None,
        "applicant_email": applicant.email if personal else None,
        "applicant_tax_number": applicant.tax_number if personal else None,
        "assignee_id": order.assignee_id,
        "assignee": order.assignee.full_name if order.assignee else None,
        "info_question": order.info_question,
        "info_requested_at": order.info_requested_at,
        "info_answer": order.info_answer,
        "result_note": order.result_note,
        "rejection_reason": order.rejection_reason,
        "attachments": [
            {
                "file_id": file_id,
                "name": name,
                "size": size,
                "media_type": media_type,
                "field": field,
                "field_label": labels.get(field, field) if field else None,
            }
            for file_id, name, size, media_type, field in attachments
        ],
        "result_file": result,
        "timeline": [
            {
                "action": event.action,
                "status": event.status,
                "comment": event.comment,
                "actor_id": event.actor_id,
                "actor": actor_name,
                "at": event.at,
            }
            for event, actor_name in timeline
        ],
        "available_actions": available_actions(session, actor, order),
        "is_overdue": is_overdue(order, now=now),
        "is_due_soon": is_due_soon(order, now=now),
    }


def order_file_for(session: Session, actor: Actor, order_id: int, file_id: int) -> StoredFile:
    """A file of an order (an attachment, the result or the application) for whoever may see the
    order: staff any order's, a resident their own; a file of another order is NotFound."""
    order = get_order_for(session, actor, order_id)
    if not isinstance(file_id, int) or isinstance(file_id, bool):
        raise NotFound()
    attached = session.scalar(
        select(OrderAttachment.id)
        .where(OrderAttachment.order_id == order.id, OrderAttachment.file_id == file_id)
        .limit(1)
    )
    if attached is None and file_id not in (order.result_file_id, order.application_file_id):
        raise NotFound()
    return files.get(session, file_id)
