"""Test databases: the whole suite runs on SQLite, and again on PostgreSQL.

``BACKOFFICE_TEST_POSTGRES`` (a server URL, e.g. postgresql+psycopg://postgres@127.0.0.1/postgres)
switches the run to PostgreSQL: throwaway databases are created from a migrated template and
dropped at the end. Without it the run uses SQLite files in a temporary folder.
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

# Never read the developer's own config file or data folder.
_TMP = Path(tempfile.mkdtemp(prefix="backoffice-tests-"))
os.environ["BACKOFFICE_CONFIG"] = str(_TMP / "no-config.toml")
os.environ["BACKOFFICE_DATA_DIR"] = str(_TMP / "data")
os.environ.pop("BACKOFFICE_DATABASE_URL", None)

from sqlalchemy import Engine, create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from backoffice.core.actor import Actor, Channel  # noqa: E402
from backoffice.db import make_engine  # noqa: E402
from backoffice.migrations import upgrade  # noqa: E402
from backoffice.models import Role, StaffRole, User  # noqa: E402


@dataclass
class TestDatabases:
    """Makes migrated databases for tests, and removes them afterwards."""

    dialect: str
    server_url: str | None = None
    _template: str = ""
    _made: list[str] = field(default_factory=list)

    def setup(self) -> None:
        if self.dialect == "sqlite":
            self._template = str(_TMP / "template.sqlite3")
            engine = make_engine(f"sqlite:///{self._template}")
            upgrade(engine)
            engine.dispose()
        else:
            self._template = f"bo_tpl_{uuid.uuid4().hex[:10]}"
            self._admin(f'CREATE DATABASE "{self._template}"')
            engine = make_engine(self._url_of(self._template))
            upgrade(engine)
            engine.dispose()

    def _admin(self, statement: str) -> None:
        admin = create_engine(self.server_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(statement))
        admin.dispose()

    def _url_of(self, name: str) -> str:
        return make_url(self.server_url).set(database=name).render_as_string(hide_password=False)

    def fresh_url(self) -> str:
        """A new database with the whole schema, for tests that commit."""
        if self.dialect == "sqlite":
            path = _TMP / f"db-{uuid.uuid4().hex[:10]}.sqlite3"
            shutil.copyfile(self._template, path)
            self._made.append(str(path))
            return f"sqlite:///{path}"
        name = f"bo_test_{uuid.uuid4().hex[:10]}"
        self._admin(f'CREATE DATABASE "{name}" TEMPLATE "{self._template}"')
        self._made.append(name)
        return self._url_of(name)

    def teardown(self) -> None:
        if self.dialect == "sqlite":
            shutil.rmtree(_TMP, ignore_errors=True)
            return
        for name in [*self._made, self._template]:
            if not name:
                continue
            self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def databases() -> Iterator[TestDatabases]:
    server = os.environ.get("BACKOFFICE_TEST_POSTGRES")
    dbs = TestDatabases("postgresql", server) if server else TestDatabases("sqlite")
    try:
        dbs.setup()
        yield dbs
    finally:
        dbs.teardown()


@pytest.fixture(scope="session")
def engine(databases: TestDatabases) -> Iterator[Engine]:
    engine = make_engine(databases.fresh_url())
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session whose every change is rolled back after the test (commits become savepoints)."""
    connection = engine.connect()
    outer = connection.begin()
    db = Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False)
    try:
        yield db
    finally:
        db.close()
        outer.rollback()
        connection.close()


@pytest.fixture
def committed_engine(databases: TestDatabases) -> Iterator[Engine]:
    """An engine on a database of its own, for tests whose transactions really commit."""
    engine = make_engine(databases.fresh_url(), pool_size=10)
    yield engine
    engine.dispose()


@pytest.fixture(autouse=True)
def _skip_postgresql_only(request, databases: TestDatabases) -> None:
    if request.node.get_closest_marker("postgresql_only") and databases.dialect != "postgresql":
        pytest.skip("PostgreSQL only: runs in the PostgreSQL pass of make test")


_serial = itertools.count(1)


class People:
    """Makes residents and staff directly in the database, for setting up a test."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def resident(self, **fields) -> User:
        n = next(_serial)
        values = {
            "email": f"resident{n}-{uuid.uuid4().hex[:6]}@example.com",
            "full_name": f"Мешканка Тестова {n}",
            "phone": f"+38067{n:07d}"[-13:],
        }
        values.update(fields)
        user = User(**values)
        self.session.add(user)
        self.session.flush()
        return user

    def staff(self, *roles: Role | str, **fields) -> User:
        user = self.resident(full_name=fields.pop("full_name", f"Працівник {'/'.join(roles)}"))
        for key, value in fields.items():
            setattr(user, key, value)
        user.roles = [StaffRole(role=Role(r).value) for r in roles]
        self.session.flush()
        return user

    @staticmethod
    def actor(user: User, channel: Channel | str = Channel.DESKTOP) -> Actor:
        return Actor.for_user(user, channel, client_address="127.0.0.1")


@pytest.fixture
def people(session: Session) -> People:
    return People(session)


@pytest.fixture
def dialect(databases: TestDatabases) -> str:
    return databases.dialect
