"""The desktop's activity log: newest first in keyset windows, filters, search, one entry's
changes, and who may read it (reading is not itself logged)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from backoffice.core import audit
from backoffice.core.actor import Actor, Channel
from backoffice.core.calendar import KYIV
from backoffice.core.errors import InvalidInput, NotAllowed, NotFound
from backoffice.core.listing import ListRequest
from backoffice.models import ActivityEntry, Role

ROW_KEYS = {
    "id",
    "at",
    "actor_id",
    "actor",
    "channel",
    "client_address",
    "action",
    "entity",
    "entity_id",
}
NEWEST_FIRST = ListRequest(sort="id", descending=True, limit=100)


def kyiv(y: int, m: int, d: int, h: int = 12, minute: int = 0) -> datetime:
    return datetime(y, m, d, h, minute, tzinfo=KYIV).astimezone(UTC)


def page_all(session, actor: Actor, request: ListRequest) -> list[dict]:
    rows: list[dict] = []
    while True:
        window = audit.activity_rows(session, actor, request)
        assert len(window) <= request.limit
        rows.extend(window)
        if len(window) < request.limit:
            return rows
        request = request.next(window[-1])


def ids(rows: list[dict]) -> list[int]:
    return [row["id"] for row in rows]


class Log:
    """Entries written through ``audit.record`` at chosen moments (the chain stays whole)."""

    def __init__(self, session, people, monkeypatch) -> None:
        self.session = session
        self.monkeypatch = monkeypatch
        self.admin_user = people.staff(Role.ADMIN, full_name="Олена Адміністраторка")
        self.clerk_user = people.staff(Role.CLERK, full_name="Іван Клерк")
        self.manager_user = people.staff(Role.MANAGER, full_name="Марта Керівниця")
        self.admin = people.actor(self.admin_user)
        self.clerk = people.actor(self.clerk_user)
        self.manager = people.actor(self.manager_user)
        self.web = Actor.anonymous(client_address="10.0.0.7")
        self.entries: list[ActivityEntry] = []

    def add(self, at: datetime, actor: Actor, action: str, entity: str, entity_id, changes=None):
        self.monkeypatch.setattr(audit, "utcnow", lambda: at)
        entry = audit.record(self.session, actor, action, entity, entity_id, changes)
        self.monkeypatch.undo()
        self.entries.append(entry)
        return entry


@pytest.fixture
def log(session, people, monkeypatch) -> Log:
    log = Log(session, people, monkeypatch)
    day = kyiv(2025, 4, 1, 9)
    for i in range(30):
        at = day + timedelta(hours=5 * i)
        kind = i % 5
        if kind == 0:
            log.add(at, log.clerk, "order.accepted", "order", 100 + i, {"status": ["a", "b"]})
        elif kind == 1:
            log.add(at, log.clerk, "order.rejected", "order", 100 + i)
        elif kind == 2:
            log.add(at, log.admin, "page.updated", "page", 7, {"title": ["Старе", "Нове"]})
        elif kind == 3:
            log.add(at, log.web, "auth.failed", "user", None, {"login": "хтось"})
        else:
            log.add(at, log.admin, "news_item.published", "news_item", 3)
    return log


def test_newest_first_every_entry_exactly_once(session, log):
    for limit in (7, 100):
        rows = page_all(session, log.manager, ListRequest(sort="id", descending=True, limit=limit))
        assert ids(rows) == sorted((e.id for e in log.entries), reverse=True)
        # id order is time order
        assert [r["at"] for r in rows] == sorted((r["at"] for r in rows), reverse=True)
    oldest_first = page_all(session, log.admin, ListRequest(sort="id", limit=11))
    assert ids(oldest_first) == [e.id for e in log.entries]
    assert audit.activity_count(session, log.manager, NEWEST_FIRST) == 30


def test_rows_name_the_actor_or_the_system(session, log):
    rows = {r["id"]: r for r in audit.activity_rows(session, log.admin, NEWEST_FIRST)}
    first = rows[log.entries[0].id]
    assert set(first) == ROW_KEYS
    assert first == {
        "id": log.entries[0].id,
        "at": kyiv(2025, 4, 1, 9),
        "actor_id": log.clerk_user.id,
        "actor": "Іван Клерк",
        "channel": "desktop",
        "client_address": "127.0.0.1",
        "action": "order.accepted",
        "entity": "order",
        "entity_id": 100,
    }
    anonymous = rows[log.entries[3].id]
    assert (anonymous["actor"], anonymous["actor_id"], anonymous["channel"]) == (
        audit.SYSTEM_ACTOR,
        None,
        "web",
    )
    assert anonymous["client_address"] == "10.0.0.7"


def _found(session, log, **filters) -> list[int]:
    request = ListRequest(sort="id", descending=True, limit=500, filters=filters)
    rows = audit.activity_rows(session, log.manager, request)
    assert audit.activity_count(session, log.manager, request) == len(rows)
    return sorted(ids(rows))


def _expected(log, keep) -> list[int]:
    return sorted(e.id for e in log.entries if keep(e))


def test_filter_by_person(session, log):
    assert _found(session, log, actor_id=log.admin_user.id) == _expected(
        log, lambda e: e.actor_id == log.admin_user.id
    )
    assert _found(session, log, actor_id=10**8) == []


def test_filter_by_action_exact_or_prefix(session, log):
    assert _found(session, log, action="order.rejected") == _expected(
        log, lambda e: e.action == "order.rejected"
    )
    assert _found(session, log, action="order.") == _expected(
        log, lambda e: e.action.startswith("order.")
    )
    assert _found(session, log, action="order") == []  # a word is no prefix
    assert _found(session, log, action="news_item.") == _expected(
        log, lambda e: e.entity == "news_item"
    )
    assert _found(session, log, action="news%.") == []  # wildcards are plain characters


def test_filter_by_item(session, log):
    assert _found(session, log, entity="page", entity_id=7) == _expected(
        log, lambda e: e.entity == "page"
    )
    assert _found(session, log, entity="order", entity_id=105) == [log.entries[5].id]
    assert _found(session, log, entity="order", entity_id=7) == []
    assert _found(session, log, entity_id=3) == _expected(log, lambda e: e.entity_id == 3)


def test_filter_by_kyiv_dates(session, log):
    # Entries every five hours from 1 April 09:00 Kyiv: 2 April has 10:00 ... 23:00 (Kyiv).
    on_second = _expected(log, lambda e: e.at.astimezone(KYIV).date().day == 2)
    assert len(on_second) == 5
    assert _found(session, log, at_from="2025-04-02", at_to="2025-04-02") == on_second
    from_third = _found(session, log, at_from=datetime(2025, 4, 3).date())
    assert from_third == _expected(log, lambda e: e.at >= kyiv(2025, 4, 3, 0))
    # 23:00 Kyiv on 2 April is 20:00 UTC: it belongs to the 2nd, not the 3rd.
    late = log.add(kyiv(2025, 4, 2, 23, 59), log.admin, "page.updated", "page", 8)
    assert late.id in _found(session, log, at_to="2025-04-02")
    assert late.id not in _found(session, log, at_from="2025-04-03")


def test_filters_together_and_search(session, log):
    assert _found(
        session, log, actor_id=log.clerk_user.id, action="order.", at_to="2025-04-02"
    ) == _expected(log, lambda e: e.action.startswith("order.") and e.at < kyiv(2025, 4, 3, 0))
    request = ListRequest(sort="id", descending=True, search="NEWS_ITEM", limit=500)
    assert sorted(ids(audit.activity_rows(session, log.admin, request))) == _expected(
        log, lambda e: e.entity == "news_item"
    )
    request = ListRequest(sort="id", search="auth.", limit=500)
    assert audit.activity_count(session, log.admin, request) == 6


@pytest.mark.parametrize(
    ("filters", "fields"),
    [
        ({"who": 1}, {"filters.who"}),
        ({"actor_id": "Іван"}, {"filters.actor_id"}),
        ({"entity_id": 0}, {"filters.entity_id"}),
        ({"action": "x" * 61}, {"filters.action"}),
        ({"entity": "a\nb"}, {"filters.entity"}),
        ({"at_from": "вчора"}, {"filters.at_from"}),
        ({"at_from": "2025-04-03", "at_to": "2025-04-02"}, {"filters.at_to"}),
        ({"actor_id": "x", "entity_id": "y"}, {"filters.actor_id", "filters.entity_id"}),
    ],
)
def test_bad_filters_are_named(session, log, filters, fields):
    with pytest.raises(InvalidInput) as caught:
        audit.activity_rows(session, log.manager, ListRequest(sort="id", filters=filters))
    assert set(caught.value.fields) == fields


def test_only_the_id_order(session, log):
    with pytest.raises(InvalidInput) as caught:
        audit.activity_rows(session, log.manager, ListRequest(sort="at"))
    assert set(caught.value.fields) == {"sort"}


@pytest.mark.parametrize("role", list(Role))
def test_who_reads_the_log(session, people, log, role):
    actor = people.actor(people.staff(role))
    entry_id = log.entries[0].id
    if role in (Role.MANAGER, Role.ADMIN):
        assert len(audit.activity_rows(session, actor, NEWEST_FIRST)) == 30
        assert audit.activity_entry(session, actor, entry_id).entry.id == entry_id
        return
    with pytest.raises(NotAllowed):
        audit.activity_rows(session, actor, NEWEST_FIRST)
    with pytest.raises(NotAllowed):
        audit.activity_count(session, actor, NEWEST_FIRST)
    with pytest.raises(NotAllowed):
        audit.activity_entry(session, actor, entry_id)


def test_residents_and_visitors_do_not_read_the_log(session, people, log):
    for actor in (people.actor(people.resident(), Channel.WEB), Actor.anonymous()):
        with pytest.raises(NotAllowed):
            audit.activity_rows(session, actor, NEWEST_FIRST)


def test_one_entry_with_its_changes(session, log):
    changed = audit.activity_entry(session, log.manager, log.entries[2].id)
    assert changed.entry.action == "page.updated"
    assert changed.actor_name == "Олена Адміністраторка"
    assert changed.changes == [audit.FieldChange("title", "Старе", "Нове")]
    note = audit.activity_entry(session, log.manager, log.entries[3].id)
    assert note.actor_name == audit.SYSTEM_ACTOR
    assert note.changes == [audit.FieldChange("login", None, "хтось", is_change=False)]
    assert audit.activity_entry(session, log.manager, log.entries[1].id).changes == []
    with pytest.raises(NotFound):
        audit.activity_entry(session, log.manager, 10**9)


def test_reading_the_log_is_not_logged(session, log):
    def entries() -> int:
        return session.scalar(select(func.count()).select_from(ActivityEntry))

    before = entries()
    audit.activity_rows(session, log.manager, NEWEST_FIRST)
    audit.activity_count(session, log.manager, NEWEST_FIRST)
    audit.activity_entry(session, log.manager, log.entries[0].id)
    assert entries() == before


def test_field_changes_of_odd_documents():
    assert audit.field_changes({}) == []
    assert audit.field_changes(None) == []
    # By field name: the same on both databases (JSONB reorders keys).
    assert audit.field_changes({"roles": [["clerk"], ["clerk", "admin"]], "n": [1, 2, 3]}) == [
        audit.FieldChange("n", None, [1, 2, 3], is_change=False),
        audit.FieldChange("roles", ["clerk"], ["clerk", "admin"]),
    ]
