"""How fast the demo data loads, on SQLite and PostgreSQL, against a naive ORM loop.

Each run gets a throwaway database (a temporary SQLite file; a PostgreSQL database created on
the server and dropped afterwards), migrated to the head. The baseline, measured in the same
run on its own throwaway database, adds the first 5,000 demo residents one ``session.add()`` at
a time and commits once; the ratio compares rows per second of the users table (generation
included both ways, the wait for the staff passwords' argon2 hashes left out), which holds most
of the rows and is made by the same generator both ways.

    .venv/bin/python benchmarks/seed.py                       # scale 1 and 10, both databases
    .venv/bin/python benchmarks/seed.py --scales 1 --sqlite-only
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path

# Never touch the developer's own configuration or data folder.
_TMP = Path(tempfile.mkdtemp(prefix="backoffice-bench-"))
os.environ.setdefault("BACKOFFICE_CONFIG", str(_TMP / "no-config.toml"))
os.environ.setdefault("BACKOFFICE_DATA_DIR", str(_TMP / "data"))

from sqlalchemy import Engine, create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.exc import OperationalError  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from backoffice.db import make_engine  # noqa: E402
from backoffice.migrations import upgrade  # noqa: E402
from backoffice.models import User  # noqa: E402
from backoffice.seed import load_demo_data  # noqa: E402
from backoffice.seed.demo import USER_COLUMNS, _bulk_residents  # noqa: E402
from backoffice.seed.world import World  # noqa: E402

DEFAULT_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
BASELINE_ROWS = 5_000


@contextmanager
def sqlite_database() -> Iterator[Engine]:
    path = _TMP / f"bench-{uuid.uuid4().hex[:8]}.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    try:
        upgrade(engine)
        yield engine
    finally:
        engine.dispose()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


@contextmanager
def postgresql_database(server_url: str) -> Iterator[Engine]:
    name = f"bo_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(
        make_url(server_url).set(database=name).render_as_string(hide_password=False)
    )
    try:
        upgrade(engine)
        yield engine
    finally:
        engine.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def postgresql_reachable(server_url: str) -> str | None:
    """None when the server answers, else why not."""
    try:
        engine = create_engine(server_url, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
    except OperationalError as error:
        return str(error.orig).strip().splitlines()[0]
    return None


def orm_baseline(engine: Engine, now: datetime) -> float:
    """Rows per second of the naive way: one ``session.add()`` per resident, one commit."""
    world = World(2021, 1, now)
    started = time.perf_counter()  # generation included, as in the fast path's figure
    with Session(engine) as session:
        for row in islice(_bulk_residents(world), BASELINE_ROWS):
            values = dict(zip(USER_COLUMNS, row, strict=True))
            values.pop("id")
            session.add(User(**values))
        session.commit()
    return BASELINE_ROWS / (time.perf_counter() - started)


def _fmt(number: float) -> str:
    return f"{number:,.0f}".replace(",", " ")


def run(label: str, database, scales: list[int], now: datetime) -> None:
    print(f"\n== {label}")
    with database() as engine:
        baseline = orm_baseline(engine, now)
    print(f"  ORM baseline   {BASELINE_ROWS:>10} users    {_fmt(baseline):>9} rows/s (add() loop)")
    for scale in scales:
        with database() as engine:
            report = load_demo_data(engine, scale, now=now)
        rows = report.total_rows
        users = report.counts["users"]
        # The users step without the wait for the staff passwords' argon2 hashes.
        seconds = report.timings["users"] - report.timings["users: waiting for argon2"]
        users_rate = users / seconds
        print(
            f"  scale {scale:<4}  {_fmt(rows):>12} rows  {report.elapsed_seconds:7.1f} s  "
            f"{_fmt(rows / report.elapsed_seconds):>9} rows/s overall; users "
            f"{_fmt(users_rate)} rows/s: fast path is {users_rate / baseline:.1f}x the ORM loop"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,10", help="comma-separated, e.g. 1,10")
    parser.add_argument("--postgres", default=os.environ.get("BENCH_POSTGRES", DEFAULT_POSTGRES))
    parser.add_argument("--sqlite-only", action="store_true")
    args = parser.parse_args(argv)
    scales = [int(s) for s in args.scales.split(",") if s.strip()]
    now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    python = sys.version.split()[0]
    print(f"demo data load, scales {scales}, {os.cpu_count()} CPUs, Python {python}")

    run("SQLite (temporary file, WAL)", sqlite_database, scales, now)
    if args.sqlite_only:
        print("\n== PostgreSQL: skipped (--sqlite-only)")
        return 0
    problem = postgresql_reachable(args.postgres)
    if problem:
        print(f"\n== PostgreSQL: skipped, {args.postgres} is unreachable ({problem})")
        return 0
    run(
        "PostgreSQL (COPY)",
        lambda: postgresql_database(args.postgres),
        scales,
        now,
    )
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    finally:
        shutil.rmtree(_TMP, ignore_errors=True)
