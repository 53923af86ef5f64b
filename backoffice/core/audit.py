"""The tamper-evident activity log.

Each entry's hash covers its content and the previous entry's hash. Appends lock the single
chain-head row (``SELECT ... FOR UPDATE``), so concurrent transactions queue and the chain never
forks; the lock is held until commit, which is why core records the entry last. On PostgreSQL a
trigger (see the migrations) refuses UPDATE, DELETE and TRUNCATE of the entries.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import Select, func, literal, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from backoffice.core.actor import Actor
from backoffice.core.calendar import end_of_day
from backoffice.core.errors import CoreError
from backoffice.core.listing import ListRequest, count_rows, fetch_page, matches, search_pattern
from backoffice.core.permissions import Perm, require
from backoffice.core.records import get_or_404, user_name
from backoffice.core.validation import WRONG_TYPE, Checker
from backoffice.models import ActivityChainHead, ActivityEntry, User, utcnow

GENESIS_HASH = hashlib.sha256(b"e-Ternopil activity log").hexdigest()
CHAIN_HEAD_ID = 1


def jsonable(value: Any) -> Any:
    """A JSON value that survives a round trip through the database unchanged."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Enum):
        return jsonable(value.value)
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal | float):
        return str(value)
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted(jsonable(v) for v in value)
    raise TypeError(f"cannot record {type(value).__name__} in the activity log")


def snapshot(obj: Any, fields: list[str] | tuple[str, ...]) -> dict[str, Any]:
    return {name: jsonable(getattr(obj, name)) for name in fields}


def changes_between(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """``{field: [before, after]}`` for the fields whose value changed."""
    keys = list(dict.fromkeys([*before, *after]))
    return {k: [before.get(k), after.get(k)] for k in keys if before.get(k) != after.get(k)}


def entry_hash(entry: ActivityEntry) -> str:
    payload = [
        entry.id,
        entry.at.astimezone(UTC).isoformat(timespec="microseconds"),
        entry.actor_id,
        entry.channel,
        entry.client_address,
        entry.action,
        entry.entity,
        entry.entity_id,
        entry.changes,
        entry.previous_hash,
    ]
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _locked_head(session: Session) -> ActivityChainHead:
    head = session.execute(
        select(ActivityChainHead).where(ActivityChainHead.id == CHAIN_HEAD_ID).with_for_update()
    ).scalar_one_or_none()
    if head is None:
        raise CoreError(
            "Журнал дій не ініціалізовано: виконайте «backoffice-admin init».",
            code="audit_not_initialised",
        )
    return head


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: int | None,
    changes: dict[str, Any] | None = None,
) -> ActivityEntry:
    """Append one entry to the chain, in the caller's transaction."""
    session.flush()  # the business change first, so that a failing change never holds the head
    head = _locked_head(session)
    entry = ActivityEntry(
        id=head.last_entry_id + 1,
        # Rounded to microseconds: what both databases keep, so the hash survives the round trip.
        at=utcnow(),
        actor_id=actor.user_id,
        channel=actor.channel.value,
        client_address=actor.client_address,
        action=action,
        entity=entity,
        entity_id=entity_id,
        changes=jsonable(changes or {}),
        previous_hash=head.last_hash,
    )
    entry.hash = entry_hash(entry)
    head.last_entry_id = entry.id
    head.last_hash = entry.hash
    session.add(entry)
    session.flush()
    return entry


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    checked: int
    broken_entry_id: int | None = None
    reason: str = ""


def verify_chain(session: Session, actor: Actor, batch: int = 5000) -> ChainCheck:
    """Recompute every link; name the first entry whose hash or link does not hold."""
    require(actor, Perm.AUDIT_VERIFY)
    expected_previous = GENESIS_HASH
    expected_id = 1
    checked = 0
    rows = session.execute(
        select(ActivityEntry).order_by(ActivityEntry.id).execution_options(yield_per=batch)
    ).scalars()
    try:
        for entry in rows:
            if entry.id != expected_id:
                return ChainCheck(False, checked, expected_id, f"entry {expected_id} is missing")
            if entry.previous_hash != expected_previous:
                return ChainCheck(False, checked, entry.id, "link to the previous entry is broken")
            if entry_hash(entry) != entry.hash:
                return ChainCheck(False, checked, entry.id, "content does not match its hash")
            expected_previous = entry.hash
            expected_id += 1
            checked += 1
            session.expunge(entry)
    finally:
        rows.close()  # a server-side cursor on PostgreSQL: release it even when stopping early
    head = session.get(ActivityChainHead, CHAIN_HEAD_ID)
    if head is not None and (head.last_entry_id != checked or head.last_hash != expected_previous):
        return ChainCheck(
            False,
            checked,
            checked + 1 if head.last_entry_id > checked else checked,
            "the newest entries were removed (chain head points past the last entry)",
        )
    return ChainCheck(True, checked)


# --- reading the log: the desktop's list and one entry -------------------------------------------
# Reading is not itself logged: the log would grow with every look at it, and what a manager or
# administrator reads here is already the record of what happened.

SYSTEM_ACTOR = "система"
ACTIVITY_SORTS = frozenset({"id"})  # ids are the chain order, which is the order in time
ACTIVITY_FILTERS = frozenset({"actor_id", "action", "entity", "entity_id", "at_from", "at_to"})
_ACTION_MAX = 60
_ENTITY_MAX = 40


def _activity_conditions(request: ListRequest) -> list[ColumnElement[bool]]:
    """The conditions of the request's filters and search; every bad value named at once.

    ``action`` ending in a dot is a prefix ("order." is every order action); otherwise it is one
    action exactly. ``at_from``/``at_to`` are Kyiv calendar dates, both days included.
    """
    c = Checker()
    filters = request.filters
    if not isinstance(filters, Mapping):
        c.fail("filters", WRONG_TYPE)
        c.done()
    conditions: list[ColumnElement[bool]] = []
    at_from = at_to = None
    for key, value in filters.items():
        field = f"filters.{str(key)[:40]}"
        if key not in ACTIVITY_FILTERS:
            c.fail(field, "Невідомий фільтр.")
            continue
        if value is None or value == "":
            continue
        if key in ("actor_id", "entity_id"):
            number = c.integer(field, value, minimum=1)
            if number is not None:
                conditions.append(getattr(ActivityEntry, key) == number)
        elif key == "action":
            action = c.text(field, value, max_length=_ACTION_MAX)
            if action and action.endswith("."):
                escaped = action.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                conditions.append(ActivityEntry.action.like(f"{escaped}%", escape="\\"))
            elif action:
                conditions.append(ActivityEntry.action == action)
        elif key == "entity":
            entity = c.text(field, value, max_length=_ENTITY_MAX)
            if entity:
                conditions.append(ActivityEntry.entity == entity)
        elif key == "at_from":
            at_from = c.date(field, value)
            if at_from is not None:
                # From the start of that Kyiv day: after the end of the day before.
                conditions.append(ActivityEntry.at > end_of_day(at_from - timedelta(days=1)))
        else:
            at_to = c.date(field, value)
            if at_to is not None:
                conditions.append(ActivityEntry.at <= end_of_day(at_to))
    if at_from and at_to and at_to < at_from:
        c.fail("filters.at_to", "Кінцева дата не може бути раніше початкової.")
    if request.search is not None and not isinstance(request.search, str):
        c.fail("search", WRONG_TYPE)
    c.done()
    pattern = search_pattern(request.search)
    if pattern:
        conditions.append(
            or_(matches(ActivityEntry.action, pattern), matches(ActivityEntry.entity, pattern))
        )
    return conditions


def _activity_statement(actor: Actor, request: ListRequest) -> Select:
    require(actor, Perm.AUDIT_VIEW)
    conditions = _activity_conditions(request)
    stmt = select(
        ActivityEntry.id.label("id"),
        ActivityEntry.at.label("at"),
        ActivityEntry.actor_id.label("actor_id"),
        func.coalesce(User.full_name, literal(SYSTEM_ACTOR)).label("actor"),
        ActivityEntry.channel.label("channel"),
        ActivityEntry.client_address.label("client_address"),
        ActivityEntry.action.label("action"),
        ActivityEntry.entity.label("entity"),
        ActivityEntry.entity_id.label("entity_id"),
    ).outerjoin(User, User.id == ActivityEntry.actor_id)
    if conditions:
        stmt = stmt.where(*conditions)
    return stmt


def activity_rows(session: Session, actor: Actor, request: ListRequest) -> list[dict[str, Any]]:
    """A window of the activity log for the desktop: id, at, actor_id, actor (the person's name,
    or "система" for the system and anonymous visitors), channel, client_address, action, entity,
    entity_id. Sorted by id only (the chain order, which is the order in time); the desktop asks
    for it descending, newest first. Filters: actor_id, action (exact, or a prefix ending in a
    dot), entity, entity_id, at_from, at_to (Kyiv dates); search in action and entity."""
    return fetch_page(session, _activity_statement(actor, request), request, ACTIVITY_SORTS)


def activity_count(session: Session, actor: Actor, request: ListRequest) -> int:
    """How many entries ``activity_rows`` has with the same filters and search."""
    return count_rows(session, _activity_statement(actor, request))


@dataclass(frozen=True)
class FieldChange:
    """One line of an entry's changes: ``field`` went from ``before`` to ``after``; a value that
    is not a before/after pair (a note, a login) has ``is_change`` False and only ``after``."""

    field: str
    before: Any
    after: Any
    is_change: bool = True


@dataclass(frozen=True)
class ActivityDetail:
    entry: ActivityEntry
    actor_name: str
    changes: list[FieldChange]


def field_changes(changes: Any) -> list[FieldChange]:
    """An entry's ``changes`` document as lines for a before/after table, by field name (JSONB
    on PostgreSQL does not keep the order the keys were written in)."""
    if not isinstance(changes, Mapping):
        return [] if changes in (None, "") else [FieldChange("", None, changes, False)]
    lines = []
    for name, value in sorted(changes.items(), key=lambda pair: str(pair[0])):
        if isinstance(value, list) and len(value) == 2:
            lines.append(FieldChange(str(name), value[0], value[1]))
        else:
            lines.append(FieldChange(str(name), None, value, False))
    return lines


def activity_entry(session: Session, actor: Actor, entry_id: int) -> ActivityDetail:
    """One entry with who made it and its changes, for the before/after view."""
    require(actor, Perm.AUDIT_VIEW)
    entry = get_or_404(session, ActivityEntry, entry_id)
    name = user_name(session, entry.actor_id) if entry.actor_id is not None else None
    return ActivityDetail(entry, name or SYSTEM_ACTOR, field_changes(entry.changes))
