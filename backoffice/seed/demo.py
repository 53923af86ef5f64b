"""The deterministic demo data of ``backoffice-admin seed``.

Scale 1 is the city's reference report (60,910 residents, 380 service orders, 1,699 ride
reviews); scale N multiplies every volume. Fixed content (the service catalog, surveys,
discussions, routes, pages, news, staff accounts) does not grow with the scale.

The same ``seed`` and ``now`` give the same data, except the passwords of the demo accounts,
which come from ``secrets`` and are reported once. Generation is shared by both databases; only
the writer (``writers.py``) knows which one it talks to. Nothing goes row by row through the ORM.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine

from backoffice.core import audit, forms
from backoffice.core.actor import Actor
from backoffice.core.passwords import hash_password
from backoffice.db import session_factory, unit_of_work
from backoffice.seed import appeals, civic, orders
from backoffice.seed.catalog import CATEGORIES, SERVICES
from backoffice.seed.people import Person, PersonMaker
from backoffice.seed.world import (
    COMMENTS,
    DAY,
    PORTAL_OPENED,
    RIDE_REVIEWS,
    Ledger,
    World,
    at,
)
from backoffice.seed.writers import BulkWriter, writer_for

STAFF_DOMAIN = "e-ternopil.example"
# The tables that get many rows: their secondary indexes are built once, after the load.
BULK_TABLES = (
    "users",
    "orders",
    "order_events",
    "appeals",
    "appeal_events",
    "ballots",
    "answers",
    "comments",
    "ride_reviews",
    "notifications",
)

Progress = Callable[[str], None]


class SeedError(Exception):
    """The demo data cannot be loaded into this database."""


class DatabaseNotEmpty(SeedError):
    """The database already holds users: loading again would duplicate the demo data."""


@dataclass(frozen=True)
class DemoAccount:
    email: str
    role: str  # a staff role, or "resident"
    password: str
    full_name: str


@dataclass
class SeedReport:
    scale: int
    seed: int
    counts: dict[str, int]
    accounts: list[DemoAccount]
    elapsed_seconds: float
    residents: int
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def staff_accounts(self) -> list[DemoAccount]:
        return [a for a in self.accounts if a.role != "resident"]

    @property
    def resident_accounts(self) -> list[DemoAccount]:
        return [a for a in self.accounts if a.role == "resident"]

    @property
    def total_rows(self) -> int:
        return sum(self.counts.values())


def _password() -> str:
    alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(5)) for _ in range(4))


# --- people ----------------------------------------------------------------------------------

USER_COLUMNS = (
    "id",
    "email",
    "phone",
    "full_name",
    "tax_number",
    "address",
    "password_hash",
    "blocked",
    "blocked_reason",
    "consent_at",
    "failed_sign_ins",
    "locked_until",
    "last_sign_in_at",
    "created_at",
    "updated_at",
    "version",
)
BLOCK_REASONS = (
    "Розсилання реклами через е-приймальню.",
    "Образливі коментарі в обговореннях (повторно).",
    "Реєстрація на чужу адресу електронної пошти.",
)


class Accounts:
    """Staff (one account per role, a few extra clerks and reception officers) and the demo
    residents, with real argon2 hashes of fresh random passwords.

    Hashing takes a fifth of a CPU second per password (argon2's recommended cost), so it runs
    on background threads (argon2 releases the GIL) while the residents are generated.
    """

    def __init__(self, world: World, pool: ThreadPoolExecutor) -> None:
        rng = world.rng("accounts")
        maker = PersonMaker(world.pools, rng, world.today)
        self.plans: list[tuple[int, str, str, Person]] = []
        for role, ids in world.staff.items():
            for n, user_id in enumerate(ids, start=1):
                email = f"{role}{'' if n == 1 else n}@{STAFF_DOMAIN}"
                self.plans.append((user_id, email, role, maker.person(tax_share=0.0)))
        for n, user_id in enumerate(world.demo_resident_ids, start=1):
            email = f"resident{n}@{STAFF_DOMAIN}"
            self.plans.append((user_id, email, "resident", maker.person(tax_share=1.0)))
        self.passwords = [_password() for _ in self.plans]
        self.waited = 0.0  # seconds the load waited for the hashes
        self.hashes = [pool.submit(hash_password, p) for p in self.passwords]
        self.accounts = [
            DemoAccount(email, role, password, person.full_name)
            for (_, email, role, person), password in zip(self.plans, self.passwords, strict=True)
        ]
        self.roles = []
        self.users: list[tuple] = []
        for user_id, email, role, person in self.plans:
            world.maker.reserve(email)
            if role == "resident":
                world.people[user_id] = person
            else:
                world.staff_names[user_id] = person.full_name
                self.roles.append((len(self.roles) + 1, user_id, role))
            created = PORTAL_OPENED + timedelta(
                days=rng.randint(0, 500), seconds=rng.randint(0, int(DAY))
            )
            self.users.append(
                (
                    user_id,
                    email,
                    person.phone or maker.phone(),
                    person.full_name,
                    person.tax_number,
                    person.address or maker.address(),
                    None,  # the hash, when ready
                    False,
                    None,
                    created,
                    0,
                    None,
                    world.now - timedelta(hours=rng.randint(1, 96)),
                    created,
                    created,
                    1,
                )
            )

    def user_rows(self) -> Iterator[tuple]:
        for row, future in zip(self.users, self.hashes, strict=True):
            begun = time.perf_counter()
            password_hash = future.result()
            self.waited += time.perf_counter() - begun
            yield (*row[:6], password_hash, *row[7:])


def _bulk_residents(world: World) -> Iterator[tuple]:
    rng = world.maker.rng
    maker = world.maker
    wanted = world.wanted
    now_ts = world.now_ts
    first = world.bulk_first_id
    for index, created_ts in enumerate(world.created):
        user_id = first + index
        person = maker.person()
        if user_id in wanted:
            world.people[user_id] = person
        created = at(created_ts)
        signed_in = at(created_ts + (now_ts - created_ts) * rng.random())
        blocked = rng.random() < 0.0004
        yield (
            user_id,
            person.email,
            person.phone,
            person.full_name,
            person.tax_number,
            person.address,
            None,  # cannot sign in until a password is set (no 60k argon2 hashes)
            blocked,
            rng.choice(BLOCK_REASONS) if blocked else None,
            created,
            0,
            None,
            signed_in if rng.random() < 0.7 else None,
            created,
            created,
            1,
        )


# --- catalog ---------------------------------------------------------------------------------


def _catalog(world: World) -> tuple[list[tuple], list[tuple], list[orders.CatalogService]]:
    created = PORTAL_OPENED
    categories = [
        (i, c.code, c.title, i * 10, created, created, 1) for i, c in enumerate(CATEGORIES, 1)
    ]
    category_ids = {c.code: i for i, c in enumerate(CATEGORIES, 1)}
    services, catalog = [], []
    for i, s in enumerate(SERVICES, 1):
        # Through core's own check: a catalog core would refuse is a bug here.
        schema = forms.validate_schema([dict(f) for f in s.fields])
        services.append(
            (
                i,
                s.code,
                category_ids[s.category],
                s.title,
                s.description,
                list(s.documents),
                s.term_days,
                s.term_counts,
                s.fee,
                s.department,
                s.active,
                schema,
                created,
                created,
                1,
            )
        )
        if s.active:
            term = s.term_days or world.terms.service_default_days
            counts = s.term_counts if s.term_days else "calendar"
            catalog.append(orders.CatalogService(i, s, schema, term, counts))
    return categories, services, catalog


# --- loading ---------------------------------------------------------------------------------


def _default_now() -> datetime:
    # Whole hours: two loads within the same hour make the same data.
    return datetime.now(UTC).replace(minute=0, second=0, microsecond=0)


def _check_database(writer: BulkWriter) -> None:
    if not writer.table_exists("users") or not writer.table_exists("activity_chain_head"):
        raise SeedError(
            "The database has no schema yet: run «backoffice-admin init» before loading demo data."
        )
    if writer.scalar("SELECT count(*) FROM activity_chain_head") == 0:
        raise SeedError("The activity log is not initialised: run «backoffice-admin init».")


def _check_empty(writer: BulkWriter) -> None:
    users = writer.scalar("SELECT count(*) FROM users")
    if users:
        raise DatabaseNotEmpty(
            f"The database already holds {users} users: demo data is loaded only into an empty "
            "database, so that nothing is duplicated."
        )


def load_demo_data(
    engine: Engine,
    scale: int = 1,
    *,
    seed: int = 2021,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> SeedReport:
    """Load the demo data into an empty, migrated database.

    ``scale`` multiplies every volume (1 = the reference report). ``now`` (default: the current
    hour) is the moment the data leads up to; with the same ``seed`` and ``now`` the data is the
    same, except the passwords of the demo accounts, which are random and reported once.
    Raises ``DatabaseNotEmpty`` when the database already holds users.
    """
    if isinstance(scale, bool) or not isinstance(scale, int) or scale < 1:
        raise ValueError("scale is a whole number from 1 up")
    if now is not None and now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    now = (now or _default_now()).astimezone(UTC)
    say = progress or (lambda _text: None)
    started = time.perf_counter()
    timings: dict[str, float] = {}
    writer = writer_for(engine)
    hashing = ThreadPoolExecutor(max_workers=2, thread_name_prefix="seed-argon2")
    try:
        _check_database(writer)
        writer.begin()
        _check_empty(writer)
        writer.defer_indexes(BULK_TABLES)

        mark = time.perf_counter()
        world = World(seed, scale, now)
        categories, services, catalog = _catalog(world)
        order_plans = orders.plan(world, catalog)
        appeal_plans = appeals.plan(world)
        accounts = Accounts(world, hashing)
        timings["planning"] = time.perf_counter() - mark
        say(f"planned in {timings['planning']:.1f} s")

        def step(table: str, columns, rows, *, quiet: bool = False) -> None:
            begun = time.perf_counter()
            written = writer.write(table, columns, rows)
            timings[table] = timings.get(table, 0.0) + time.perf_counter() - begun
            if not quiet:
                say(f"{table}: {written:,} rows in {time.perf_counter() - begun:.1f} s")

        def all_users():
            yield from _bulk_residents(world)
            yield from accounts.user_rows()

        step("users", USER_COLUMNS, all_users(), quiet=True)
        timings["users: waiting for argon2"] = accounts.waited
        say(
            f"users: {writer.counts['users']:,} rows in {timings['users']:.1f} s "
            f"({accounts.waited:.1f} s of it waiting for the demo accounts' argon2 hashes)"
        )
        step("staff_roles", ("id", "user_id", "role"), accounts.roles)
        step(
            "service_categories",
            ("id", "code", "title", "position", "created_at", "updated_at", "version"),
            categories,
        )
        step(
            "services",
            (
                "id",
                "code",
                "category_id",
                "title",
                "description",
                "required_documents",
                "term_days",
                "term_counts",
                "fee",
                "department",
                "active",
                "form_schema",
                "created_at",
                "updated_at",
                "version",
            ),
            services,
        )

        ledger = Ledger()
        begun = time.perf_counter()
        orders.generate(world, order_plans, ledger)
        appeals.generate(world, appeal_plans, ledger)
        timings["orders and appeals (generation)"] = time.perf_counter() - begun
        step("stored_files", orders.STORED_FILE_COLUMNS, ledger.stored_files)
        step("orders", orders.ORDER_COLUMNS, ledger.orders)
        step("order_events", orders.ORDER_EVENT_COLUMNS, ledger.order_events)
        step("appeals", appeals.APPEAL_COLUMNS, ledger.appeals)
        step("appeal_events", appeals.APPEAL_EVENT_COLUMNS, ledger.appeal_events)

        surveys = civic.Surveys(world)
        step("surveys", civic.SURVEY_COLUMNS, surveys.surveys)
        step("questions", civic.QUESTION_COLUMNS, surveys.questions)
        step("options", civic.OPTION_COLUMNS, surveys.options)
        for ballots, answers in surveys.ballots():  # survey by survey
            step("ballots", civic.BALLOT_COLUMNS, ballots, quiet=True)
            step("answers", civic.ANSWER_COLUMNS, answers, quiet=True)
        for table in ("ballots", "answers"):
            say(f"{table}: {writer.counts[table]:,} rows in {timings[table]:.1f} s")

        discussions, comments = civic.discussions(world, COMMENTS)
        step("discussions", civic.DISCUSSION_COLUMNS, discussions)
        step("comments", civic.COMMENT_COLUMNS, comments)

        carriers, routes, reviews = civic.transport(world, RIDE_REVIEWS)
        step("carriers", civic.CARRIER_COLUMNS, carriers)
        step("routes", civic.ROUTE_COLUMNS, routes)
        step("ride_reviews", civic.REVIEW_COLUMNS, reviews)

        pages, news = civic.pages_and_news(world)
        step("pages", civic.PUBLISHABLE_COLUMNS, pages)
        step("news_items", civic.PUBLISHABLE_COLUMNS, news)
        step(
            "notifications",
            civic.NOTIFICATION_COLUMNS,
            civic.notifications(world, ledger.notifications),
        )

        begun = time.perf_counter()
        writer.restore_indexes()
        timings["indexes"] = time.perf_counter() - begun
        say(f"indexes rebuilt in {timings['indexes']:.1f} s")

        counters = [(scope, year, last) for (scope, year), last in ledger.counters.items()]
        writer.finish(sorted(counters))
        writer.counts["registration_counters"] = len(counters)
        begun = time.perf_counter()
        writer.commit()
        timings["commit"] = time.perf_counter() - begun
    except BaseException:
        writer.rollback()
        raise
    finally:
        hashing.shutdown(wait=True, cancel_futures=True)
        writer.close()

    counts = dict(writer.counts)
    with unit_of_work(session_factory(engine)) as session:
        audit.record(session, Actor.system(), "seed.loaded", "database", None, counts)
    elapsed = time.perf_counter() - started
    say(f"loaded {sum(counts.values()):,} rows in {elapsed:.1f} s")
    return SeedReport(
        scale=scale,
        seed=seed,
        counts=counts,
        accounts=accounts.accounts,
        elapsed_seconds=elapsed,
        residents=world.resident_count,
        timings=timings,
    )
