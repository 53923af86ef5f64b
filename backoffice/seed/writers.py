"""Bulk writers: the only dialect-specific part of the demo-data loader.

Rows arrive as tuples of Python values (aware datetimes, Decimals, dicts and lists for JSON)
with explicit ids, in foreign-key order, all inside one transaction.

- PostgreSQL: ``COPY ... FROM STDIN`` through psycopg 3 on the raw connection; JSON is sent as
  text (JSONB parses it); the identity sequences are moved past the ids given.
- SQLite: ``executemany`` with each value passed through the column type's own bind processor,
  so that the stored text (timestamps as naive UTC ``YYYY-MM-DD HH:MM:SS.ffffff``, JSON,
  booleans, numerics) is exactly what the ORM writes and reads back.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC
from typing import Any

from sqlalchemy import JSON, Engine

from backoffice.models import Base
from backoffice.models.base import UTCDateTime

# The page cache of the loading connection (KiB, negative as SQLite wants it): random inserts
# into the e-mail and name indexes of 60k users are much faster when the indexes stay in memory.
SQLITE_LOAD_CACHE_KIB = 256 * 1024


def sqlite_utc_text(value):
    """What ``UTCDateTime`` stores on SQLite (naive UTC text), without the generic processors."""
    if value is None:
        return None
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


class BulkWriter:
    """Writes rows table by table in one transaction; counts what it wrote."""

    dialect_name = ""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.raw = engine.raw_connection()
        self.counts: dict[str, int] = {}

    # -- transaction ---------------------------------------------------------------------------

    def begin(self) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        self.raw.commit()

    def rollback(self) -> None:
        self.raw.rollback()

    def close(self) -> None:
        self.raw.close()

    # -- queries -------------------------------------------------------------------------------

    def scalar(self, sql: str) -> Any:
        cursor = self.raw.cursor()
        try:
            cursor.execute(sql)
            row = cursor.fetchone()
            return row[0] if row else None
        finally:
            cursor.close()

    def table_exists(self, name: str) -> bool:
        raise NotImplementedError

    # -- writing -------------------------------------------------------------------------------

    def write(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
        raise NotImplementedError

    def _counted(self, table: str, rows: Iterable[Sequence[Any]]):
        n = 0
        for row in rows:
            n += 1
            yield row
        self.counts[table] = self.counts.get(table, 0) + n

    def finish(self, counters: Iterable[tuple[str, int, int]]) -> None:
        """Upsert the registration counters and move identity sequences past the ids used."""
        raise NotImplementedError

    # -- indexes -------------------------------------------------------------------------------

    def defer_indexes(self, tables: Iterable[str]) -> None:
        """Drop the secondary indexes of ``tables`` (not those behind a primary key or a unique
        constraint) until ``restore_indexes``, as pg_restore does: building an index once over
        sorted data is far cheaper than updating it row by row (trigram GIN indexes most of
        all). Their own definitions are kept and replayed, in the same transaction."""
        self._deferred = self._secondary_indexes(list(tables))
        cursor = self.raw.cursor()
        try:
            for name, _definition in self._deferred:
                cursor.execute(f"DROP INDEX {name}")
        finally:
            cursor.close()

    def restore_indexes(self) -> None:
        cursor = self.raw.cursor()
        try:
            for _name, definition in getattr(self, "_deferred", ()):
                cursor.execute(definition)
        finally:
            cursor.close()
        self._deferred = []

    def _secondary_indexes(self, tables: list[str]) -> list[tuple[str, str]]:
        raise NotImplementedError


class SQLiteWriter(BulkWriter):
    dialect_name = "sqlite"

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine)
        connection = self.raw.driver_connection
        self._cache_size = connection.execute("PRAGMA cache_size").fetchone()[0]
        connection.execute(f"PRAGMA cache_size = -{SQLITE_LOAD_CACHE_KIB}")

    def close(self) -> None:
        # The connection goes back to the pool: leave it as the application configured it.
        self.raw.driver_connection.execute(f"PRAGMA cache_size = {self._cache_size}")
        super().close()

    def begin(self) -> None:
        # The engine hands transaction control to us (isolation_level None); take the write
        # lock at once, as every transaction of the application does.
        self.raw.driver_connection.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        self.raw.driver_connection.execute("COMMIT")

    def rollback(self) -> None:
        connection = self.raw.driver_connection
        if connection.in_transaction:
            connection.execute("ROLLBACK")

    def table_exists(self, name: str) -> bool:
        cursor = self.raw.driver_connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
        )
        return cursor.fetchone() is not None

    def _converter(self, table: str, columns: Sequence[str]) -> Callable | None:
        dialect = self.engine.dialect
        columns_of = Base.metadata.tables[table].c
        processors = []
        for index, name in enumerate(columns):
            column_type = columns_of[name].type
            if isinstance(column_type, UTCDateTime):
                processors.append((index, sqlite_utc_text))
                continue
            process = column_type.dialect_impl(dialect).bind_processor(dialect)
            if process is not None:
                processors.append((index, process))
        if not processors:
            return None

        def convert(row: Sequence[Any]) -> list[Any]:
            values = list(row)
            for index, process in processors:
                values[index] = process(values[index])
            return values

        return convert

    def write(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
        before = self.counts.get(table, 0)
        convert = self._converter(table, columns)
        placeholders = ", ".join("?" for _ in columns)
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})"
        counted = self._counted(table, rows)
        values = counted if convert is None else map(convert, counted)
        self.raw.driver_connection.executemany(sql, values)
        self.counts.setdefault(table, 0)
        return self.counts[table] - before

    def _secondary_indexes(self, tables: list[str]) -> list[tuple[str, str]]:
        # Indexes behind constraints are "sqlite_autoindex_..." and have no SQL of their own.
        marks = ", ".join("?" for _ in tables)
        return self.raw.driver_connection.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({marks}) ORDER BY name",
            tables,
        ).fetchall()

    def finish(self, counters: Iterable[tuple[str, int, int]]) -> None:
        # SQLite's rowid tables continue from max(id) by themselves.
        self.raw.driver_connection.executemany(
            "INSERT INTO registration_counters (scope, year, last_number) VALUES (?, ?, ?) "
            "ON CONFLICT (scope, year) DO UPDATE SET last_number = "
            "max(registration_counters.last_number, excluded.last_number)",
            list(counters),
        )


class PostgreSQLWriter(BulkWriter):
    dialect_name = "postgresql"

    def begin(self) -> None:
        # Two loaders at once would both see an empty table: the second one waits here.
        cursor = self.raw.cursor()
        cursor.execute("LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE")
        # Room to build the deferred indexes (trigram GIN ones) in memory; this transaction only.
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        cursor.close()

    def table_exists(self, name: str) -> bool:
        return bool(self.scalar(f"SELECT to_regclass('public.{name}') IS NOT NULL"))

    def write(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
        before = self.counts.get(table, 0)
        columns_of = Base.metadata.tables[table].c
        json_indexes = [i for i, c in enumerate(columns) if isinstance(columns_of[c].type, JSON)]
        connection = self.raw.driver_connection
        with (
            connection.cursor() as cursor,
            cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy,
        ):
            for row in self._counted(table, rows):
                if json_indexes:
                    row = list(row)
                    for i in json_indexes:
                        if row[i] is not None:
                            row[i] = json.dumps(row[i], ensure_ascii=False)
                copy.write_row(row)
        self.counts.setdefault(table, 0)
        return self.counts[table] - before

    def _secondary_indexes(self, tables: list[str]) -> list[tuple[str, str]]:
        with self.raw.driver_connection.cursor() as cursor:
            cursor.execute(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i "
                "WHERE i.schemaname = current_schema() AND i.tablename = ANY(%s) "
                "AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
                "WHERE c.conindid = to_regclass(quote_ident(i.indexname))) "
                "ORDER BY i.indexname",
                (tables,),
            )
            return cursor.fetchall()

    def finish(self, counters: Iterable[tuple[str, int, int]]) -> None:
        connection = self.raw.driver_connection
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO registration_counters (scope, year, last_number) "
                "VALUES (%s, %s, %s) ON CONFLICT (scope, year) DO UPDATE SET last_number = "
                "GREATEST(registration_counters.last_number, EXCLUDED.last_number)",
                list(counters),
            )
            for table in self.counts:
                if "id" not in Base.metadata.tables[table].c:
                    continue
                cursor.execute(
                    "SELECT setval(pg_get_serial_sequence(%s, 'id'), "
                    f"(SELECT max(id) FROM {table}))",
                    (table,),
                )


def writer_for(engine: Engine) -> BulkWriter:
    name = engine.dialect.name
    if name == "sqlite":
        return SQLiteWriter(engine)
    if name == "postgresql":
        return PostgreSQLWriter(engine)
    raise ValueError(f"no bulk writer for {name}")
