"""Engine and sessions. Every dialect specific (PostgreSQL or SQLite) lives in this module.

SQLite: WAL, foreign keys on, and every transaction starts with ``BEGIN IMMEDIATE`` so that two
writers queue on the busy timeout instead of failing half-way when a read lock cannot be
upgraded (which is what gapless numbering and one-ballot-per-person need under concurrency).
PostgreSQL: psycopg 3; row locks and the append-only trigger are used by core through the
helpers below.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from backoffice.config import Settings, get_settings

SQLITE_BUSY_TIMEOUT_MS = 30_000


def make_engine(url: str | None = None, *, echo: bool = False, pool_size: int = 5) -> Engine:
    """Create an engine for ``url`` (default: the configured database)."""
    settings: Settings = get_settings()
    url = url or settings.effective_database_url
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url, echo=echo or settings.sql_echo)
    if parsed.get_backend_name() == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        return create_engine(
            parsed,
            echo=echo or settings.sql_echo,
            pool_pre_ping=True,
            pool_size=pool_size,
            max_overflow=pool_size * 2,
            connect_args={"connect_timeout": 5, "application_name": "e-ternopil-backoffice"},
        )
    raise ValueError(
        f"unsupported database: {parsed.get_backend_name()} (use SQLite or PostgreSQL)"
    )


def _sqlite_engine(url: str, *, echo: bool) -> Engine:
    parsed = make_url(url)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url,
        echo=echo,
        connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Take transaction control away from the sqlite3 module so that BEGIN is ours.
        dbapi_connection.isolation_level = None
        # SQLite's own lower() folds ASCII only: searching Ukrainian names needs the full one.
        dbapi_connection.create_function("lower", 1, _lower, deterministic=True)
        dbapi_connection.create_collation("uk", ukrainian_order)
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        if parsed.database and parsed.database != ":memory:":
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


UKRAINIAN_ALPHABET = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
_LETTER_RANK = {letter: rank for rank, letter in enumerate(UKRAINIAN_ALPHABET)}


def _ukrainian_key(text: str) -> list[tuple[int, int, int]]:
    """Letters by their place in the alphabet (case second), anything else after, by code."""
    key = []
    for char in text:
        lower = char.lower()
        rank = _LETTER_RANK.get(lower)
        if rank is None:
            key.append((1, ord(lower), 0))
        else:
            key.append((0, rank, 0 if char == lower else 1))
    return key


def ukrainian_order(left: str, right: str) -> int:
    """SQLite collation ``uk``: Ukrainian alphabetical order, as PostgreSQL's ICU gives."""
    a, b = _ukrainian_key(left), _ukrainian_key(right)
    return (a > b) - (a < b)


def _lower(value):
    return value.lower() if isinstance(value, str) else value


def is_postgresql(bind) -> bool:
    """True when ``bind`` (an engine, connection or session) talks to PostgreSQL."""
    if isinstance(bind, Session):
        bind = bind.get_bind()
    return bind.dialect.name == "postgresql"


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


@contextmanager
def unit_of_work(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One session, one transaction: commit when the block ends, roll back on any error."""
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def insert_ignoring_duplicates(session: Session, table, values: dict) -> None:
    """INSERT that does nothing when the row's key already exists (ON CONFLICT DO NOTHING)."""
    if is_postgresql(session):
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    session.execute(insert(table).values(**values).on_conflict_do_nothing())
