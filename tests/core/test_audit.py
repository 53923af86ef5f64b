"""The activity log: chained, verified, and append-only."""

import threading

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from backoffice.cli import main as admin_main
from backoffice.core import audit
from backoffice.core.actor import Actor, Channel
from backoffice.core.errors import NotAllowed
from backoffice.models import ActivityEntry, Role

SYSTEM = Actor.system()


def _append(session, n, action="test.done"):
    return [audit.record(session, SYSTEM, action, "thing", i, {"n": [i, i + 1]}) for i in range(n)]


def test_entries_are_chained(session):
    entries = _append(session, 3)
    assert entries[1].previous_hash == entries[0].hash
    assert entries[2].previous_hash == entries[1].hash
    assert [e.id for e in entries] == [entries[0].id, entries[0].id + 1, entries[0].id + 2]
    assert audit.verify_chain(session, SYSTEM).ok


def test_values_survive_the_round_trip(session):
    from datetime import UTC, datetime
    from decimal import Decimal

    entry = audit.record(
        session,
        SYSTEM,
        "test.types",
        "thing",
        1,
        {
            "when": [None, datetime(2026, 12, 4, 10, 0, tzinfo=UTC)],
            "fee": ["0", Decimal("12.50")],
            "text": ["<script>alert(1)</script>", "Ґанок і їжак"],
        },
    )
    session.expire_all()
    stored = session.get(ActivityEntry, entry.id)
    assert audit.entry_hash(stored) == stored.hash
    assert stored.changes["text"][1] == "Ґанок і їжак"


def test_only_managers_and_admins_verify(session, people):
    resident = people.actor(people.resident())
    with pytest.raises(NotAllowed):
        audit.verify_chain(session, resident)
    assert audit.verify_chain(session, people.actor(people.staff(Role.MANAGER))).ok


def test_changes_between_lists_only_changed_fields():
    assert audit.changes_between({"a": 1, "b": 2}, {"a": 1, "b": 3}) == {"b": [2, 3]}


def _tamper(connection, dialect, statement):
    """Change an entry behind the application's back: the protection must be lifted first."""
    if dialect == "postgresql":
        connection.execute(text("ALTER TABLE activity_entries DISABLE TRIGGER USER"))
        connection.execute(text(statement))
        connection.execute(text("ALTER TABLE activity_entries ENABLE TRIGGER USER"))
    else:
        connection.execute(text("DROP TRIGGER activity_entries_no_update"))
        connection.execute(text("DROP TRIGGER activity_entries_no_delete"))
        connection.execute(text(statement))


def test_an_entry_changed_by_direct_sql_is_named_by_verify_log(committed_engine, dialect, capsys):
    with Session(committed_engine) as s, s.begin():
        target = [e.id for e in _append(s, 5)][2]
    url = committed_engine.url.render_as_string(hide_password=False)
    assert admin_main(["--database-url", url, "verify-log"]) == 0
    with committed_engine.begin() as connection:
        _tamper(
            connection,
            dialect,
            f"UPDATE activity_entries SET action = 'test.forged' WHERE id = {target}",
        )
    with Session(committed_engine) as s:
        check = audit.verify_chain(s, SYSTEM)
    assert not check.ok
    assert check.broken_entry_id == target
    capsys.readouterr()
    assert admin_main(["--database-url", url, "verify-log"]) == 1
    assert f"entry {target}" in capsys.readouterr().err


def test_a_deleted_entry_is_found(committed_engine, dialect):
    with Session(committed_engine) as s, s.begin():
        ids = [e.id for e in _append(s, 4)]
    with committed_engine.begin() as connection:
        _tamper(connection, dialect, f"DELETE FROM activity_entries WHERE id = {ids[1]}")
    with Session(committed_engine) as s:
        check = audit.verify_chain(s, SYSTEM)
    assert (check.ok, check.broken_entry_id) == (False, ids[1])


def test_removing_the_newest_entries_is_found(committed_engine, dialect):
    with Session(committed_engine) as s, s.begin():
        ids = [e.id for e in _append(s, 3)]
    with committed_engine.begin() as connection:
        _tamper(connection, dialect, f"DELETE FROM activity_entries WHERE id = {ids[2]}")
    with Session(committed_engine) as s:
        assert not audit.verify_chain(s, SYSTEM).ok


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE activity_entries SET action = 'x'",
        "DELETE FROM activity_entries",
    ],
)
def test_the_database_refuses_to_change_entries(session, statement):
    _append(session, 1)
    with pytest.raises(DBAPIError, match="append-only"), session.begin_nested():
        session.execute(text(statement))


@pytest.mark.postgresql_only
def test_postgresql_refuses_truncate(session):
    with pytest.raises(DBAPIError, match="append-only"), session.begin_nested():
        session.execute(text("TRUNCATE activity_entries"))


def test_concurrent_appends_never_fork_the_chain(committed_engine):
    errors = []

    def worker(n):
        try:
            for i in range(5):
                with Session(committed_engine) as s, s.begin():
                    audit.record(
                        s,
                        Actor(user_id=None, channel=Channel.CLI),
                        "test.concurrent",
                        "thing",
                        n * 100 + i,
                    )
        except Exception as error:  # reported below: a thread cannot fail the test itself
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with Session(committed_engine) as s:
        check = audit.verify_chain(s, SYSTEM)
    assert check.ok
    assert check.checked == 40
