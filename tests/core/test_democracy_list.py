"""The desktop's survey and comment lists: keyset windows both ways, filters, search, rights."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from backoffice.core import democracy
from backoffice.core.actor import Actor, Channel
from backoffice.core.errors import InvalidInput, NotAllowed
from backoffice.core.listing import ListRequest
from backoffice.models import Ballot, Comment, Discussion, Role, Survey

BASE = datetime(2025, 3, 3, 7, 0, tzinfo=UTC)
SURVEYS = 130
COMMENTS = 140
STATUSES = ["draft", "published", "closed", "archived"]
# Titles repeat (ties in the sort key) and differ in case.
TITLES = ["Парки", "ВЕЛОДОРІЖКИ", "бюджет участі", "Освітлення вулиць", "Зупинки"]

SURVEY_KEYS = {
    "id",
    "title",
    "status",
    "opens_at",
    "closes_at",
    "ballots",
    "results_visibility",
    "version",
}
COMMENT_KEYS = {
    "id",
    "discussion_id",
    "discussion",
    "author",
    "text",
    "status",
    "created_at",
    "moderator",
    "rejection_reason",
    "version",
    "actions",
}
# Every kind of person: each staff role and a resident.
KINDS = [*(r.value for r in Role), "resident"]


def actor_of(people, kind: str) -> Actor:
    if kind == "resident":
        return people.actor(people.resident(), Channel.WEB)
    return people.actor(people.staff(Role(kind)))


def page_all(fetch: Callable, session, actor: Actor, request: ListRequest) -> list[dict]:
    """Every row, window by window, as the desktop's table fetches them."""
    rows: list[dict] = []
    while True:
        window = fetch(session, actor, request)
        assert len(window) <= request.limit
        rows.extend(window)
        if len(window) < request.limit:
            return rows
        request = request.next(window[-1])


def ids(rows: list[dict]) -> list[int]:
    return [row["id"] for row in rows]


# ---------------------------------------------------------------------------------------------
# Surveys
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def surveys(session, people) -> list[Survey]:
    """130 surveys in every status with repeated titles and opening times; a few ballots."""
    made = []
    for i in range(SURVEYS):
        opens = BASE + timedelta(days=i % 13)
        made.append(
            Survey(
                title=f"{TITLES[i % len(TITLES)]} {i % 7}",
                description="",
                opens_at=opens,
                closes_at=opens + timedelta(days=10),
                status=STATUSES[i % 4],
                results_visibility="after_close",
            )
        )
    session.add_all(made)
    session.flush()
    voters = [people.resident() for _ in range(3)]
    for n, voter in enumerate(voters):
        for survey in made[1 : 1 + (n + 1) * 4 : 4]:  # surveys 1, 5, 9 get 3, 2, 1 ballots
            session.add(Ballot(survey_id=survey.id, voter_id=voter.id, cast_at=BASE))
    session.flush()
    return made


def expected_surveys(session, made: list[Survey], sort: str, descending: bool) -> list[int]:
    if sort == "title":  # the database's own collation decides the order of titles
        column = Survey.title
        order = [column.desc(), Survey.id.desc()] if descending else [column, Survey.id]
        return list(session.scalars(select(Survey.id).order_by(*order)))
    return [s.id for s in sorted(made, key=lambda s: (getattr(s, sort), s.id), reverse=descending)]


@pytest.mark.parametrize("limit", [100, 30])
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", sorted(democracy.SURVEY_SORTS))
def test_survey_paging_gives_every_row_once_in_order(
    session, people, surveys, sort, descending, limit
):
    moderator = actor_of(people, "moderator")
    request = ListRequest(sort=sort, descending=descending, limit=limit)
    rows = page_all(democracy.survey_rows, session, moderator, request)
    assert ids(rows) == expected_surveys(session, surveys, sort, descending)
    assert len(set(ids(rows))) == SURVEYS
    assert democracy.survey_count(session, moderator, request) == SURVEYS


def test_survey_rows_carry_the_columns_and_ballot_counts(session, people, surveys):
    moderator = actor_of(people, "moderator")
    rows = democracy.survey_rows(session, moderator, ListRequest(limit=20))
    assert set(rows[0]) == SURVEY_KEYS
    by_id = {row["id"]: row for row in rows}
    assert [by_id[surveys[i].id]["ballots"] for i in (0, 1, 5, 9)] == [0, 3, 2, 1]
    first = by_id[surveys[0].id]
    assert (first["title"], first["status"], first["version"]) == ("Парки 0", "draft", 1)
    assert first["opens_at"] == BASE and first["closes_at"] == BASE + timedelta(days=10)


@pytest.mark.parametrize(
    ("status", "expected"),
    [("draft", 33), ("published", 33), (["closed", "archived"], 64), ([], SURVEYS), (None, 130)],
)
def test_survey_status_filter(session, people, surveys, status, expected):
    moderator = actor_of(people, "moderator")
    request = ListRequest(limit=30, filters={"status": status})
    rows = page_all(democracy.survey_rows, session, moderator, request)
    wanted = {status} if isinstance(status, str) else set(status or STATUSES)
    assert {row["status"] for row in rows} <= wanted
    assert len(rows) == expected == democracy.survey_count(session, moderator, request)


def test_survey_search_is_case_insensitive_in_ukrainian(session, people, surveys):
    moderator = actor_of(people, "moderator")
    for text, title_start in [("велодоріжки", "ВЕЛОДОРІЖКИ"), ("БЮДЖЕТ", "бюджет участі")]:
        request = ListRequest(search=text, limit=200)
        rows = democracy.survey_rows(session, moderator, request)
        assert rows and all(row["title"].startswith(title_start) for row in rows)
        assert len(rows) == SURVEYS // len(TITLES)
        assert democracy.survey_count(session, moderator, request) == len(rows)
    # Every word must match, in any order; a percent sign is a letter, not a wildcard.
    words = democracy.survey_rows(session, moderator, ListRequest(search="  участі  бюджет 3 "))
    assert {row["title"] for row in words} == {"бюджет участі 3"}
    assert democracy.survey_rows(session, moderator, ListRequest(search="%")) == []


def test_survey_filter_and_search_combine_with_paging(session, people, surveys):
    moderator = actor_of(people, "moderator")
    request = ListRequest(sort="opens_at", limit=4, search="парки", filters={"status": "draft"})
    rows = page_all(democracy.survey_rows, session, moderator, request)
    expected = [
        s.id
        for s in sorted(surveys, key=lambda s: (s.opens_at, s.id))
        if s.status == "draft" and s.title.startswith("Парки")
    ]
    assert ids(rows) == expected and len(expected) > 4


@pytest.mark.parametrize(
    ("filters", "fields"),
    [
        ({"bogus": 1}, {"filters.bogus"}),
        ({"status": "lost"}, {"filters.status"}),
        ({"status": ["draft", 3]}, {"filters.status"}),
        ({"status": "lost", "kind": "x"}, {"filters.status", "filters.kind"}),
    ],
)
def test_survey_filters_are_checked(session, people, filters, fields):
    moderator = actor_of(people, "moderator")
    for query in (democracy.survey_rows, democracy.survey_count):
        with pytest.raises(InvalidInput) as error:
            query(session, moderator, ListRequest(filters=filters))
        assert set(error.value.fields) == fields


def test_survey_sort_and_search_types_are_checked(session, people):
    moderator = actor_of(people, "moderator")
    with pytest.raises(InvalidInput) as error:
        democracy.survey_rows(session, moderator, ListRequest(sort="status"))
    assert set(error.value.fields) == {"sort"}
    with pytest.raises(InvalidInput) as error:
        democracy.survey_rows(session, moderator, ListRequest(search=5))
    assert set(error.value.fields) == {"search"}


@pytest.mark.parametrize("kind", KINDS)
def test_survey_list_permission(session, people, surveys, kind):
    actor = actor_of(people, kind)
    request = ListRequest(limit=5)
    if kind in ("clerk", "moderator", "manager"):
        assert len(democracy.survey_rows(session, actor, request)) == 5
        assert democracy.survey_count(session, actor, request) == SURVEYS
        return
    for query in (democracy.survey_rows, democracy.survey_count):
        with pytest.raises(NotAllowed):
            query(session, actor, request)


def test_survey_detail_and_person_has_voted(session, people):
    moderator = actor_of(people, "moderator")
    clerk = actor_of(people, "clerk")
    now = datetime.now(UTC)
    survey = democracy.create_survey(
        session,
        moderator,
        "Сквер",
        "",
        now - timedelta(days=1),
        now + timedelta(days=1),
        "after_close",
        [{"text": "Так?", "kind": "single", "options": ["Так", "Ні"]}],
    )
    detail = democracy.survey_detail(session, moderator, survey.id)
    assert (detail.ballots, detail.actions) == (0, ["edit", "publish", "view_results"])
    assert [o.text for o in detail.survey.questions[0].options] == ["Так", "Ні"]
    democracy.publish_survey(session, moderator, survey.id)
    resident = people.resident()
    assert not democracy.person_has_voted(session, clerk, survey.id, resident.id)
    question = detail.survey.questions[0]
    democracy.record_paper_ballot(
        session, clerk, survey.id, resident.id, {question.id: question.options[0].id}
    )
    assert democracy.person_has_voted(session, clerk, survey.id, resident.id)
    detail = democracy.survey_detail(session, clerk, survey.id)
    assert detail.ballots == 1
    assert {"record_paper_ballot", "view_results"} <= set(detail.actions)
    assert not {"edit", "publish", "close"} & set(detail.actions)
    with pytest.raises(NotAllowed):
        democracy.person_has_voted(session, moderator, survey.id, resident.id)
    with pytest.raises(NotAllowed):
        democracy.survey_detail(session, actor_of(people, "resident"), survey.id)


# ---------------------------------------------------------------------------------------------
# Comments
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def comments(session, people) -> list[Comment]:
    """140 comments in two discussions by three authors; created times tie often."""
    first = Discussion(title="Велодоріжки", body="")
    second = Discussion(title="Сквер на Замковій", body="")
    session.add_all([first, second])
    authors = [
        people.resident(full_name="Ірина Коваленко"),
        people.resident(full_name="Тарас Шевчук"),
        people.resident(full_name="Ölga Müller"),
    ]
    moderator = people.staff(Role.MODERATOR, full_name="Модераторка Оксана")
    session.flush()
    made = []
    for i in range(COMMENTS):
        status = ["pending", "pending", "approved", "rejected"][i % 4]
        made.append(
            Comment(
                discussion_id=(first if i % 2 else second).id,
                author_id=authors[i % 3].id,
                text=f"Коментар {i}: ПОТРІБНІ лавки" if i % 5 == 0 else f"Коментар {i}",
                status=status,
                created_at=BASE + timedelta(hours=i % 17),
                moderator_id=None if status == "pending" else moderator.id,
                moderated_at=None if status == "pending" else BASE,
                rejection_reason="Образи" if status == "rejected" else None,
            )
        )
    session.add_all(made)
    session.flush()
    return made


@pytest.mark.parametrize("limit", [100, 30])
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", sorted(democracy.COMMENT_SORTS))
def test_comment_paging_gives_every_row_once_in_order(
    session, people, comments, sort, descending, limit
):
    moderator = actor_of(people, "moderator")
    request = ListRequest(sort=sort, descending=descending, limit=limit)
    rows = page_all(democracy.comment_rows, session, moderator, request)
    expected = sorted(comments, key=lambda c: (getattr(c, sort), c.id), reverse=descending)
    assert ids(rows) == [c.id for c in expected]
    assert len(set(ids(rows))) == COMMENTS
    assert democracy.comment_count(session, moderator, request) == COMMENTS


def test_comment_rows_carry_names_and_actions(session, people, comments):
    moderator = actor_of(people, "moderator")
    rows = democracy.comment_rows(session, moderator, ListRequest(limit=4))
    assert all(set(row) == COMMENT_KEYS for row in rows)
    pending, _, approved, rejected = rows
    assert pending["discussion"] == "Сквер на Замковій"
    assert pending["author"] == "Ірина Коваленко"
    assert pending["text"] == "Коментар 0: ПОТРІБНІ лавки"
    assert (pending["moderator"], pending["actions"]) == (None, ["approve", "reject"])
    assert (approved["moderator"], approved["actions"]) == ("Модераторка Оксана", [])
    assert (rejected["status"], rejected["rejection_reason"]) == ("rejected", "Образи")


def test_comment_filters(session, people, comments):
    moderator = actor_of(people, "moderator")
    discussion_id = comments[1].discussion_id

    def listed(**filters) -> list[int]:
        request = ListRequest(limit=50, filters=filters)
        rows = page_all(democracy.comment_rows, session, moderator, request)
        assert democracy.comment_count(session, moderator, request) == len(rows)
        return ids(rows)

    pending = [c.id for c in comments if c.status == "pending"]
    assert listed(status="pending") == pending
    assert listed(status=["approved", "rejected"]) == [
        c.id for c in comments if c.id not in pending
    ]
    in_first = [c.id for c in comments if c.discussion_id == discussion_id]
    assert listed(discussion_id=discussion_id) == in_first
    assert listed(discussion_id=str(discussion_id), status="pending") == [
        i for i in in_first if i in pending
    ]
    assert listed(status=None, discussion_id=None) == [c.id for c in comments]


def test_comment_search_in_text_and_author_ignoring_case(session, people, comments):
    moderator = actor_of(people, "moderator")

    def found(text: str) -> list[int]:
        request = ListRequest(search=text, limit=200)
        rows = democracy.comment_rows(session, moderator, request)
        assert democracy.comment_count(session, moderator, request) == len(rows)
        return ids(rows)

    assert found("КОВАЛЕНКО") == [c.id for i, c in enumerate(comments) if i % 3 == 0]
    assert found("ірина") == found("КОВАЛЕНКО")
    assert found("потрібні лавки") == [c.id for i, c in enumerate(comments) if i % 5 == 0]
    assert found("müller ЛАВКИ") == [c.id for i, c in enumerate(comments) if i % 15 == 5]
    assert found("ÖLGA") == [c.id for i, c in enumerate(comments) if i % 3 == 2]
    assert found("немає_такого") == []


@pytest.mark.parametrize(
    ("filters", "fields"),
    [
        ({"author": "x"}, {"filters.author"}),
        ({"status": "hidden"}, {"filters.status"}),
        ({"discussion_id": "перша"}, {"filters.discussion_id"}),
        ({"discussion_id": 0, "status": "x"}, {"filters.discussion_id", "filters.status"}),
    ],
)
def test_comment_filters_are_checked(session, people, filters, fields):
    moderator = actor_of(people, "moderator")
    for query in (democracy.comment_rows, democracy.comment_count):
        with pytest.raises(InvalidInput) as error:
            query(session, moderator, ListRequest(filters=filters))
        assert set(error.value.fields) == fields
    with pytest.raises(InvalidInput) as error:
        democracy.comment_rows(session, moderator, ListRequest(sort="author"))
    assert set(error.value.fields) == {"sort"}


@pytest.mark.parametrize("kind", KINDS)
def test_comment_list_is_for_moderators_only(session, people, comments, kind):
    actor = actor_of(people, kind)
    request = ListRequest(limit=5, filters={"status": "pending"})
    if kind == "moderator":
        assert len(democracy.comment_rows(session, actor, request)) == 5
        assert democracy.comment_count(session, actor, request) == COMMENTS // 2
        assert [title for _, title in democracy.discussion_choices(session, actor)] == [
            "Сквер на Замковій",
            "Велодоріжки",
        ]
        return
    for query in (democracy.comment_rows, democracy.comment_count):
        with pytest.raises(NotAllowed):
            query(session, actor, request)
    with pytest.raises(NotAllowed):
        democracy.discussion_choices(session, actor)
