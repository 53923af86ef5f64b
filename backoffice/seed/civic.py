"""Demo E-Democracy (surveys, ballots, discussions), transport reviews, pages, news and
notifications. Rows are tuples in the column order given next to each generator."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from datetime import time as clock
from typing import TYPE_CHECKING

from backoffice.core.calendar import KYIV
from backoffice.models import Role
from backoffice.seed import content, texts

if TYPE_CHECKING:
    from backoffice.seed.demo import World

DAY = 86_400.0
HOUR = 3_600.0


def _at(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


def _kyiv(day, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, clock(hour, minute), tzinfo=KYIV).astimezone(UTC)


# --- surveys ---------------------------------------------------------------------------------

SURVEY_COLUMNS = (
    "id",
    "title",
    "description",
    "opens_at",
    "closes_at",
    "status",
    "results_visibility",
    "created_by_id",
    "created_at",
    "updated_at",
    "version",
)
QUESTION_COLUMNS = ("id", "survey_id", "position", "text", "kind", "required")
OPTION_COLUMNS = ("id", "question_id", "position", "text")
BALLOT_COLUMNS = ("id", "survey_id", "voter_id", "cast_at", "channel", "recorded_by_id")
ANSWER_COLUMNS = ("id", "ballot_id", "question_id", "option_id", "text")


class Surveys:
    """The surveys with their questions and options, then ballots survey by survey."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.rng = world.rng("surveys")
        self.surveys: list[tuple] = []
        self.questions: list[tuple] = []
        self.options: list[tuple] = []
        # survey id -> [(question id, kind, required, [option ids], [weights])]
        self._shape: dict[int, list[tuple[int, str, bool, list[int], list[float]]]] = {}
        question_id = option_id = 0
        moderator = world.staff[Role.MODERATOR.value][0]
        for survey_id, spec in enumerate(content.SURVEYS, start=1):
            opens = _kyiv(world.today + timedelta(days=spec.opens_in_days), 9)
            closes = _kyiv(world.today + timedelta(days=spec.closes_in_days), 23, 59)
            created = opens - timedelta(days=7, hours=self.rng.randint(0, 48))
            self.surveys.append(
                (
                    survey_id,
                    spec.title,
                    spec.description,
                    opens,
                    closes,
                    spec.status,
                    spec.results_visibility,
                    moderator,
                    min(created, world.now - timedelta(days=1)),
                    min(created + timedelta(days=2), world.now),
                    {"draft": 1, "published": 2, "closed": 3, "archived": 4}[spec.status],
                )
            )
            shape = []
            for position, question in enumerate(spec.questions, start=1):
                question_id += 1
                self.questions.append(
                    (question_id, survey_id, position, question.text, question.kind,
                     question.required)
                )  # fmt: skip
                option_ids, weights = [], []
                for option_position, text in enumerate(question.options, start=1):
                    option_id += 1
                    self.options.append((option_id, question_id, option_position, text))
                    option_ids.append(option_id)
                    weights.append(0.05 + self.rng.random() ** 1.5)
                shape.append((question_id, question.kind, question.required, option_ids, weights))
            self._shape[survey_id] = shape

    def ballots(self) -> Iterator[tuple[list[tuple], list[tuple]]]:
        """(ballots, answers) of each survey that has votes."""
        world = self.world
        rng = world.rng("ballots")
        ballot_id = answer_id = 0
        clerks = world.staff[Role.CLERK.value]
        for spec, survey in zip(content.SURVEYS, self.surveys, strict=True):
            if spec.ballots == 0:
                continue
            survey_id, opens, closes = survey[0], survey[3], survey[4]
            opens_ts = opens.timestamp()
            until_ts = min(closes.timestamp(), world.now_ts - 60)
            eligible = world.registered_count_before(opens_ts)
            wanted = min(spec.ballots * world.scale, eligible)
            voters = [world.bulk_first_id + i for i in rng.sample(range(eligible), wanted)]
            if voters and spec.status != "published":
                # The second demo resident has voted in the finished surveys.
                voters[0] = world.demo_resident_ids[1]
            moments = sorted(opens_ts + (until_ts - opens_ts) * rng.random() ** 1.6 for _ in voters)
            ballots, answers = [], []
            shape = self._shape[survey_id]
            for voter, ts in zip(voters, moments, strict=True):
                ballot_id += 1
                paper = rng.random() < 0.06
                ballots.append(
                    (
                        ballot_id,
                        survey_id,
                        voter,
                        _at(ts),
                        "desktop" if paper else "web",
                        rng.choice(clerks) if paper else None,
                    )
                )
                for question_id, kind, required, option_ids, weights in shape:
                    if kind == "text":
                        if rng.random() < 0.18 or required:
                            answer_id += 1
                            text = rng.choice(content.TEXT_ANSWERS)
                            answers.append((answer_id, ballot_id, question_id, None, text))
                        continue
                    if kind == "single":
                        chosen = rng.choices(option_ids, weights)
                    else:
                        count = 1 + (rng.random() < 0.55) + (rng.random() < 0.25)
                        chosen = list(dict.fromkeys(rng.choices(option_ids, weights, k=count)))
                    for option in chosen:
                        answer_id += 1
                        answers.append((answer_id, ballot_id, question_id, option, None))
            yield ballots, answers


# --- discussions -----------------------------------------------------------------------------

DISCUSSION_COLUMNS = (
    "id",
    "title",
    "body",
    "status",
    "created_by_id",
    "created_at",
    "updated_at",
    "version",
)
COMMENT_COLUMNS = (
    "id",
    "discussion_id",
    "author_id",
    "text",
    "status",
    "moderator_id",
    "moderated_at",
    "rejection_reason",
    "created_at",
    "updated_at",
    "version",
)


def discussions(world: World, per_scale: int) -> tuple[list[tuple], list[tuple]]:
    rng = world.rng("discussions")
    moderators = world.staff[Role.MODERATOR.value]
    rows, spans = [], []
    for discussion_id, spec in enumerate(content.DISCUSSIONS, start=1):
        start = world.now_ts - spec.started_days_ago * DAY
        end = world.now_ts - 60 if spec.status == "open" else start + 30 * DAY
        spans.append((discussion_id, spec, start, end))
        rows.append(
            (
                discussion_id,
                spec.title,
                spec.body,
                spec.status,
                moderators[0],
                _at(start),
                _at(end if spec.status == "closed" else start),
                1 if spec.status == "open" else 2,
            )
        )
    total = per_scale * world.scale
    first_open = next(s for s in spans if s[1].status == "open")
    plans: list[tuple[float, int, str]] = [
        (world.now_ts - rng.uniform(1, 3) * HOUR, first_open[0], "pending"),
        (world.now_ts - rng.uniform(26, 30) * HOUR, first_open[0], "rejected"),
        (world.now_ts - rng.uniform(40, 50) * HOUR, first_open[0], "approved"),
    ]
    weights = [s[1].weight for s in spans]
    for _ in range(total - len(plans)):
        discussion_id, spec, start, end = rng.choices(spans, weights)[0]
        ts = rng.uniform(start + HOUR, end)
        spam = rng.random() < 0.08
        recent = spec.status == "open" and world.now_ts - ts < 5 * DAY
        status = "rejected" if spam else "pending" if recent and rng.random() < 0.7 else "approved"
        plans.append((ts, discussion_id, status))
    plans.sort()
    comments = []
    for comment_id, (ts, discussion_id, status) in enumerate(plans, start=1):
        author = world.resident_before(rng, ts)
        if status == "rejected":
            pick = rng.randrange(len(content.SPAM_COMMENTS))
            text = content.SPAM_COMMENTS[pick]
            reason = content.REJECTION_REASONS[pick]
        else:
            text, reason = rng.choice(content.COMMENTS), None
        moderated = None
        if status != "pending":
            moderated = _at(min(ts + rng.uniform(600, DAY), world.now_ts - 30))
        comments.append(
            (
                comment_id,
                discussion_id,
                author,
                text,
                status,
                rng.choice(moderators) if moderated else None,
                moderated,
                reason,
                _at(ts),
                moderated or _at(ts),
                2 if moderated else 1,
            )
        )
    return rows, comments


# --- transport -------------------------------------------------------------------------------

CARRIER_COLUMNS = ("id", "name", "created_at", "updated_at", "version")
ROUTE_COLUMNS = (
    "id",
    "number",
    "mode",
    "name",
    "carrier_id",
    "active",
    "created_at",
    "updated_at",
    "version",
)
REVIEW_COLUMNS = (
    "id",
    "route_id",
    "board_number",
    "ride_at",
    "rating",
    "punctuality",
    "cleanliness",
    "driver",
    "crowding",
    "comment",
    "author_id",
    "created_at",
)
_PLATE_LETTERS = "АВЕІКМНОРСТХ"
_RIDE_HOURS = list(range(6, 23))
_RIDE_HOUR_WEIGHTS = [3, 8, 10, 7, 5, 4, 4, 4, 5, 6, 8, 9, 7, 5, 3, 2, 1]


def transport(world: World, per_scale: int) -> tuple[list[tuple], list[tuple], list[tuple]]:
    rng = world.rng("transport")
    since = datetime(2020, 1, 10, 8, tzinfo=UTC)
    carriers = [(i, name, since, since, 1) for i, name in enumerate(content.CARRIERS, start=1)]
    routes, vehicles = [], []
    for route_id, (mode, number, name, carrier, _share) in enumerate(content.ROUTES, start=1):
        routes.append((route_id, number, mode, name, carrier + 1, True, since, since, 1))
        if mode == "trolleybus":
            fleet = [f"{rng.randint(1, 3)}{rng.randint(0, 99):02d}" for _ in range(8)]
        else:
            fleet = [
                f"ВО{rng.randrange(10_000):04d}{rng.choice(_PLATE_LETTERS)}"
                f"{rng.choice(_PLATE_LETTERS)}"
                for _ in range(6)
            ]
        vehicles.append(fleet)
    shares = [r[4] for r in content.ROUTES]
    plans = []
    for _ in range(per_scale * world.scale):
        route_index = rng.choices(range(len(routes)), shares)[0]
        day = world.today - timedelta(days=rng.randrange(365))
        ride = _kyiv(day, rng.choices(_RIDE_HOURS, _RIDE_HOUR_WEIGHTS)[0], rng.randrange(60))
        ride_ts = ride.timestamp() + rng.randrange(60)
        if ride_ts > world.now_ts - 600:
            ride_ts -= DAY
        plans.append((ride_ts, route_index))
    plans.sort()
    reviews = []
    for review_id, (ride_ts, route_index) in enumerate(plans, start=1):
        rating = rng.choices((1, 2, 3, 4, 5), (11, 11, 17, 27, 34))[0]
        aspects = [
            max(1, min(5, rating + rng.choice((-1, 0, 0, 0, 1)))) if rng.random() < 0.75 else None
            for _ in range(4)
        ]
        comment = rng.choice(texts.REVIEW_COMMENTS[rating]) if rng.random() < 0.45 else None
        created = min(ride_ts + rng.uniform(120, 10 * HOUR), world.now_ts - 60)
        reviews.append(
            (
                review_id,
                route_index + 1,
                rng.choice(vehicles[route_index]),
                _at(ride_ts),
                rating,
                *aspects,
                comment,
                world.resident_before(rng, ride_ts),
                _at(created),
            )
        )
    return carriers, routes, reviews


# --- pages, news, notifications --------------------------------------------------------------

PUBLISHABLE_COLUMNS = (
    "id",
    "slug",
    "title",
    "body",
    "published",
    "published_at",
    "author_id",
    "created_at",
    "updated_at",
    "version",
)
NOTIFICATION_COLUMNS = ("id", "user_id", "text", "link", "created_at", "read_at")


def pages_and_news(world: World) -> tuple[list[tuple], list[tuple]]:
    admin = world.staff[Role.ADMIN.value][0]
    since = datetime(2021, 3, 1, 9, tzinfo=UTC)
    pages = [
        (i, slug, title, body, True, since, admin, since, since, 1)
        for i, (slug, title, body) in enumerate(content.PAGES, start=1)
    ]
    news = []
    for i, (slug, title, body, days) in enumerate(content.NEWS, start=1):
        published = days < 0
        moment = _kyiv(world.today + timedelta(days=days), 10) if published else world.now
        moment = min(moment, world.now)
        news.append(
            (
                i,
                slug,
                title,
                body,
                published,
                moment if published else None,
                admin,
                moment - timedelta(hours=2),
                moment,
                2 if published else 1,
            )
        )
    return pages, news


def notifications(world: World, items: list[tuple[int, str, str, float]]) -> list[tuple]:
    rng = world.rng("notifications")
    rows = []
    for notification_id, (user_id, text, link, ts) in enumerate(
        sorted(items, key=lambda item: item[3]), start=1
    ):
        read = None
        read_ts = ts + rng.uniform(600, 3 * DAY)
        if rng.random() < 0.55 and read_ts < world.now_ts - 60:
            read = _at(read_ts)
        rows.append((notification_id, user_id, text, link, _at(ts), read))
    return rows
