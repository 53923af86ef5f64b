"""The tamper-evident activity log.

Each entry's hash covers its content and the previous entry's hash. Appends lock the single
chain-head row (``SELECT ... FOR UPDATE``), so concurrent transactions queue and the chain never
forks; the lock is held until commit, which is why core records the entry last. On PostgreSQL a
trigger (see the migrations) refuses UPDATE, DELETE and TRUNCATE of the entries.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.core.actor import Actor
from backoffice.core.errors import CoreError
from backoffice.core.permissions import Perm, require
from backoffice.models import ActivityChainHead, ActivityEntry, utcnow

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
