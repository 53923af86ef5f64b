"""What every generator of the demo data shares: the clock, the randomness, who exists since
when, and the registration numbers given so far."""

from __future__ import annotations

import random
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import UTC, datetime

from backoffice.config import get_settings
from backoffice.core.calendar import local_date
from backoffice.core.numbering import PREFIXES
from backoffice.models import Role
from backoffice.seed import content
from backoffice.seed.people import TERNOPIL_STREETS, NamePools, Person, PersonMaker

# Volumes at scale 1: the reference report, and what goes with it.
RESIDENTS = 60_910
ORDERS = 380
APPEALS = {"appeal": 560, "info_request": 180, "message": 200}
COMMENTS = 420
RIDE_REVIEWS = 1_699

# Accounts with a password; they do not grow with the scale.
STAFF = (
    (Role.CLERK, 4),
    (Role.RECEPTION, 3),
    (Role.MODERATOR, 2),
    (Role.MANAGER, 1),
    (Role.ADMIN, 1),
)
DEMO_RESIDENTS = 3

PORTAL_OPENED = datetime(2019, 9, 2, 7, 0, tzinfo=UTC)
DAY = 86_400.0
HOUR = 3_600.0
MINUTE = 60.0


def at(ts: float) -> datetime:
    """An aware UTC moment from epoch seconds."""
    return datetime.fromtimestamp(ts, UTC)


@dataclass
class Ledger:
    """Rows made by the areas whose items carry registration numbers, and the numbers given."""

    orders: list[tuple] = field(default_factory=list)
    order_events: list[tuple] = field(default_factory=list)
    stored_files: list[tuple] = field(default_factory=list)
    appeals: list[tuple] = field(default_factory=list)
    appeal_events: list[tuple] = field(default_factory=list)
    # (user id, text, link, epoch seconds)
    notifications: list[tuple[int, str, str, float]] = field(default_factory=list)
    counters: dict[tuple[str, int], int] = field(default_factory=dict)

    def number(self, scope: str, moment: datetime) -> str:
        """The next gapless number of ``scope`` in the Kyiv year of ``moment``."""
        year = local_date(moment).year
        last = self.counters.get((scope, year), 0) + 1
        self.counters[(scope, year)] = last
        return f"{PREFIXES[scope]}-{year}/{last:06d}"


class World:
    def __init__(self, seed: int, scale: int, now: datetime) -> None:
        self.seed = seed
        self.scale = scale
        self.now = now
        self.now_ts = now.timestamp()
        self.today = local_date(now)
        self.terms = get_settings().terms
        self.pools = NamePools.build(seed)
        self.maker = PersonMaker(self.pools, self.rng("people"), self.today)
        # People other areas need to know (applicants of orders, demo accounts).
        self.people: dict[int, Person] = {}
        self.wanted: set[int] = set()
        self.staff: dict[str, list[int]] = {}
        self.staff_names: dict[int, str] = {}
        next_id = 1
        for role, count in STAFF:
            self.staff[role.value] = list(range(next_id, next_id + count))
            next_id += count
        self.demo_resident_ids = list(range(next_id, next_id + DEMO_RESIDENTS))
        self.bulk_first_id = next_id + DEMO_RESIDENTS
        self.resident_count = RESIDENTS * scale
        self.bulk_count = self.resident_count - DEMO_RESIDENTS
        self.created = self._registration_times()
        self.street_names = TERNOPIL_STREETS
        self.route_numbers = tuple(r[1] for r in content.ROUTES)

    def rng(self, area: str) -> random.Random:
        """An independent stream per area, so that one area's change leaves the others be."""
        return random.Random(f"e-ternopil/{self.seed}/{area}")

    def _registration_times(self) -> array:
        """When each bulk resident registered: sorted (ids follow time), more in recent years."""
        rng = self.rng("registered")
        start = PORTAL_OPENED.timestamp()
        span = self.now_ts - 2 * DAY - start
        # Density growing linearly (1 + 3x) over the portal's life: x from the inverse CDF.
        values = sorted(
            start + span * ((-1 + (1 + 15 * rng.random()) ** 0.5) / 3)
            for _ in range(self.bulk_count)
        )
        return array("d", values)

    def registered_count_before(self, ts: float) -> int:
        """How many bulk residents had an account at least an hour before ``ts``."""
        return bisect_right(self.created, ts - HOUR)

    def resident_before(self, rng: random.Random, ts: float) -> int:
        """A resident who had an account at least an hour before ``ts``."""
        registered = self.registered_count_before(ts)
        if registered == 0:
            return rng.choice(self.demo_resident_ids)
        return self.bulk_first_id + rng.randrange(registered)

    def staff_member(self, rng: random.Random, role: Role) -> int:
        return rng.choice(self.staff[role.value])
