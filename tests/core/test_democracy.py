"""E-Democracy rules: survey and comment lifecycles per role, voting, results, moderation."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from backoffice.core import democracy
from backoffice.core.actor import Actor, Channel
from backoffice.core.audit import verify_chain
from backoffice.core.errors import (
    Conflict,
    InvalidInput,
    InvalidTransition,
    NotAllowed,
    NotFound,
)
from backoffice.models import (
    ActivityEntry,
    Answer,
    Ballot,
    Comment,
    CommentStatus,
    Notification,
    ResultsVisibility,
    Role,
    Survey,
    SurveyStatus,
    User,
    utcnow,
)

NOW = utcnow()
OPENS = NOW - timedelta(days=1)
CLOSES = NOW + timedelta(days=7)

QUESTIONS = [
    {
        "text": "Який парк облаштувати першим?",
        "kind": "single",
        "options": ["Топільче", "Сопільче"],
    },
    {"text": "Що додати?", "kind": "multiple", "required": False, "options": ["Лави", "Світло"]},
    {"text": "Ваші побажання", "kind": "text", "required": False},
]

# Every kind of person who may try an action: each staff role, a resident, a visitor.
ACTOR_KINDS = [*(r.value for r in Role), "resident", "anonymous"]


def actor_of(people, kind: str) -> Actor:
    if kind == "anonymous":
        return Actor.anonymous("203.0.113.5")
    if kind == "resident":
        return people.actor(people.resident(), Channel.WEB)
    return people.actor(people.staff(Role(kind)))


class raises_code:
    """``pytest.raises`` that also checks the error's stable ``code``."""

    def __init__(self, error: type[Exception], code: str) -> None:
        self.error, self.code = error, code

    def __enter__(self):
        self._raises = pytest.raises(self.error)
        self.info = self._raises.__enter__()
        return self.info

    def __exit__(self, *exc) -> bool:
        handled = self._raises.__exit__(*exc)
        assert self.info.value.code == self.code, self.info.value
        return handled


def expect_refusal(kind: str) -> raises_code:
    """A person without the permission: asked to sign in when anonymous, else not allowed."""
    return raises_code(NotAllowed, "sign_in_required" if kind == "anonymous" else "not_allowed")


@pytest.fixture
def moderator(people) -> Actor:
    return people.actor(people.staff(Role.MODERATOR))


def make_survey(session, moderator, *, status=SurveyStatus.PUBLISHED, visibility="after_close"):
    survey = democracy.create_survey(
        session, moderator, "Парки Тернополя", "<b>Опис</b>", OPENS, CLOSES, visibility, QUESTIONS
    )
    if status != SurveyStatus.DRAFT:
        democracy.publish_survey(session, moderator, survey.id, now=NOW)
    if status in (SurveyStatus.CLOSED, SurveyStatus.ARCHIVED):
        democracy.close_survey(session, moderator, survey.id)
    if status == SurveyStatus.ARCHIVED:
        democracy.archive_survey(session, moderator, survey.id)
    return survey


def option(survey: Survey, question: int, index: int) -> int:
    return survey.questions[question].options[index].id


def answers_of(survey: Survey, first=0, second=(0,), text=None) -> dict:
    q1, q2, q3 = survey.questions
    result: dict = {q1.id: q1.options[first].id}
    if second:
        result[q2.id] = [q2.options[i].id for i in second]
    if text is not None:
        result[q3.id] = text
    return result


def audit_actions(session, entity: str, entity_id: int) -> list[str]:
    return list(
        session.scalars(
            select(ActivityEntry.action)
            .where(ActivityEntry.entity == entity, ActivityEntry.entity_id == entity_id)
            .order_by(ActivityEntry.id)
        )
    )


# --- survey lifecycle -----------------------------------------------------------------------------

TRANSITIONS = [
    (SurveyStatus.DRAFT, democracy.publish_survey, SurveyStatus.PUBLISHED),
    (SurveyStatus.PUBLISHED, democracy.close_survey, SurveyStatus.CLOSED),
    (SurveyStatus.CLOSED, democracy.archive_survey, SurveyStatus.ARCHIVED),
]


@pytest.mark.parametrize("kind", ACTOR_KINDS)
@pytest.mark.parametrize(
    ("start", "move", "target"), TRANSITIONS, ids=["publish", "close", "archive"]
)
def test_survey_transitions_per_role(session, people, moderator, kind, start, move, target):
    survey = make_survey(session, moderator, status=start)
    actor = actor_of(people, kind)
    if kind == Role.MODERATOR:
        moved = move(session, actor, survey.id, expected_version=survey.version, now=NOW)
        assert moved.status == target
        assert audit_actions(session, "survey", survey.id)[-1] == f"survey.{target.value}"
    else:
        with expect_refusal(kind):
            move(session, actor, survey.id, now=NOW)
        assert session.get(Survey, survey.id).status == start


@pytest.mark.parametrize("kind", ACTOR_KINDS)
def test_create_and_update_survey_per_role(session, people, moderator, kind):
    actor = actor_of(people, kind)
    survey = make_survey(session, moderator, status=SurveyStatus.DRAFT)
    args = ("Назва", "", OPENS, CLOSES, "always", QUESTIONS)
    if kind == Role.MODERATOR:
        assert democracy.create_survey(session, actor, *args).status == SurveyStatus.DRAFT
        assert democracy.update_survey(session, actor, survey.id, *args).title == "Назва"
    else:
        with expect_refusal(kind):
            democracy.create_survey(session, actor, *args)
        with expect_refusal(kind):
            democracy.update_survey(session, actor, survey.id, *args)


@pytest.mark.parametrize(
    ("start", "move"),
    [
        (SurveyStatus.DRAFT, democracy.close_survey),
        (SurveyStatus.DRAFT, democracy.archive_survey),
        (SurveyStatus.PUBLISHED, democracy.publish_survey),
        (SurveyStatus.PUBLISHED, democracy.archive_survey),
        (SurveyStatus.CLOSED, democracy.publish_survey),
        (SurveyStatus.ARCHIVED, democracy.close_survey),
    ],
)
def test_survey_moves_outside_the_lifecycle_are_refused(session, moderator, start, move):
    survey = make_survey(session, moderator, status=start)
    with pytest.raises(InvalidTransition):
        move(session, moderator, survey.id, now=NOW)


def test_create_survey_names_every_bad_field(session, moderator):
    with pytest.raises(InvalidInput) as error:
        democracy.create_survey(
            session,
            moderator,
            "",
            "x" * 20_001,
            "not a date",
            CLOSES,
            "sometimes",
            [
                {"text": "", "kind": "single", "options": ["Так", "так"]},
                {"text": "Q", "kind": "rating"},
                {"text": "Q", "kind": "text", "options": ["зайвий"]},
                "not a question",
                {"text": "Q" * 501, "options": [42]},
            ],
        )
    assert set(error.value.fields) == {
        "title",
        "description",
        "opens_at",
        "results_visibility",
        "questions.0.text",
        "questions.0.options",
        "questions.1.kind",
        "questions.2.options",
        "questions.3",
        "questions.4.text",
        "questions.4.options.0",
    }


def test_create_survey_refuses_closing_before_opening_and_wrong_questions_type(session, moderator):
    with pytest.raises(InvalidInput) as error:
        democracy.create_survey(session, moderator, "Т", "", CLOSES, OPENS, "always", "питання")
    assert set(error.value.fields) == {"closes_at", "questions"}


def test_survey_keeps_html_as_typed_and_logs_creation(session, moderator):
    survey = make_survey(session, moderator, status=SurveyStatus.DRAFT)
    assert survey.description == "<b>Опис</b>"
    assert [q.kind for q in survey.questions] == ["single", "multiple", "text"]
    assert [o.text for o in survey.questions[0].options] == ["Топільче", "Сопільче"]
    entry = session.scalar(
        select(ActivityEntry).where(
            ActivityEntry.action == "survey.created", ActivityEntry.entity_id == survey.id
        )
    )
    assert entry.changes["title"] == [None, "Парки Тернополя"]
    assert len(entry.changes["questions"][1]) == 3


def test_update_survey_replaces_questions_and_moves_the_version(session, moderator):
    survey = make_survey(session, moderator, status=SurveyStatus.DRAFT)
    version = survey.version
    new_questions = [{"text": "Одне питання", "kind": "single", "options": ["А", "Б", "В"]}]
    updated = democracy.update_survey(
        session,
        moderator,
        survey.id,
        "Парки",
        "",
        OPENS,
        CLOSES,
        "always",
        new_questions,
        expected_version=version,
    )
    assert updated.version > version
    assert [q.text for q in updated.questions] == ["Одне питання"]
    assert [o.text for o in updated.questions[0].options] == ["А", "Б", "В"]
    assert audit_actions(session, "survey", survey.id)[-1] == "survey.updated"
    with pytest.raises(Conflict):
        democracy.update_survey(
            session,
            moderator,
            survey.id,
            "Парки",
            "",
            OPENS,
            CLOSES,
            "always",
            new_questions,
            expected_version=version,
        )


def test_only_a_draft_is_edited(session, moderator):
    survey = make_survey(session, moderator)
    with pytest.raises(InvalidTransition):
        democracy.update_survey(
            session, moderator, survey.id, "Т", "", OPENS, CLOSES, "always", QUESTIONS
        )


def test_stale_version_on_a_survey_transition_is_a_conflict(session, moderator):
    survey = make_survey(session, moderator, status=SurveyStatus.DRAFT)
    with pytest.raises(Conflict):
        democracy.publish_survey(
            session, moderator, survey.id, expected_version=survey.version + 1, now=NOW
        )
    with pytest.raises(InvalidInput) as error:
        democracy.publish_survey(session, moderator, survey.id, expected_version="v1", now=NOW)
    assert set(error.value.fields) == {"version"}


def test_publish_needs_questions_with_enough_options_and_a_future_close(session, moderator):
    empty = democracy.create_survey(session, moderator, "Т", "", OPENS, CLOSES, "always", [])
    with pytest.raises(InvalidInput) as error:
        democracy.publish_survey(session, moderator, empty.id, now=NOW)
    assert set(error.value.fields) == {"questions"}
    thin = democracy.create_survey(
        session,
        moderator,
        "Т",
        "",
        OPENS,
        CLOSES,
        "always",
        [
            {"text": "?", "kind": "multiple", "options": ["Лише один"]},
            {"text": "?", "kind": "text"},
        ],
    )
    with pytest.raises(InvalidInput) as error:
        democracy.publish_survey(session, moderator, thin.id, now=CLOSES)
    assert set(error.value.fields) == {"questions.0.options", "closes_at"}
    assert thin.status == SurveyStatus.DRAFT


def test_available_actions_follow_the_rules(session, people, moderator):
    draft = make_survey(session, moderator, status=SurveyStatus.DRAFT)
    published = make_survey(session, moderator, visibility="always")
    resident = actor_of(people, "resident")
    clerk = actor_of(people, Role.CLERK)
    assert democracy.available_actions(session, moderator, draft, now=NOW) == [
        "edit",
        "publish",
        "view_results",
    ]
    assert democracy.available_actions(session, moderator, published, now=NOW) == [
        "close",
        "vote",
        "view_results",
    ]
    assert democracy.available_actions(session, resident, published, now=NOW) == [
        "vote",
        "view_results",
    ]
    democracy.cast_ballot(session, resident, published.id, answers_of(published), now=NOW)
    assert democracy.available_actions(session, resident, published, now=NOW) == ["view_results"]
    assert "record_paper_ballot" in democracy.available_actions(session, clerk, published, now=NOW)
    assert democracy.available_actions(session, Actor.anonymous(), draft, now=NOW) == []


def test_residents_do_not_see_drafts(session, people, moderator):
    draft = make_survey(session, moderator, status=SurveyStatus.DRAFT)
    published = make_survey(session, moderator)
    resident = actor_of(people, "resident")
    with pytest.raises(NotFound):
        democracy.get_survey(session, resident, draft.id)
    assert democracy.get_survey(session, moderator, draft.id) is draft
    listed = democracy.list_surveys(session, resident)
    assert published in listed and draft not in listed
    assert draft in democracy.list_surveys(session, moderator)
    with pytest.raises(InvalidInput) as error:
        democracy.list_surveys(session, resident, status="secret", limit=0, after_id="x")
    assert set(error.value.fields) == {"status", "limit", "after_id"}


# --- voting ---------------------------------------------------------------------------------------


def test_a_resident_votes_once_and_the_vote_is_logged_without_answers(session, people, moderator):
    survey = make_survey(session, moderator)
    resident_user = people.resident()
    resident = people.actor(resident_user, Channel.WEB)
    assert not democracy.has_voted(session, resident, survey.id)
    ballot = democracy.cast_ballot(
        session, resident, survey.id, answers_of(survey, text="<i>Так</i>")
    )
    assert ballot.voter_id == resident_user.id and ballot.channel == "web"
    assert ballot.recorded_by_id is None
    assert democracy.has_voted(session, resident, survey.id)
    texts = [a.text for a in ballot.answers if a.text]
    assert texts == ["<i>Так</i>"]
    entry = session.scalar(
        select(ActivityEntry).where(
            ActivityEntry.action == "ballot.cast", ActivityEntry.entity_id == ballot.id
        )
    )
    assert entry.changes["survey_id"] == [None, survey.id]
    assert "answers" not in entry.changes
    with raises_code(Conflict, "already_voted") as error:
        democracy.cast_ballot(session, resident, survey.id, answers_of(survey, first=1))
    assert error.value.message == "Ви вже проголосували в цьому опитуванні."
    assert session.scalar(select(func.count(Ballot.id)).where(Ballot.survey_id == survey.id)) == 1


def test_the_unique_constraint_catches_a_second_ballot_the_check_missed(
    session, people, moderator, monkeypatch
):
    survey = make_survey(session, moderator)
    resident = actor_of(people, "resident")
    democracy.cast_ballot(session, resident, survey.id, answers_of(survey))
    # As if a second request had checked before the first one's ballot existed.
    monkeypatch.setattr(democracy, "_has_ballot", lambda *args: False)
    with raises_code(Conflict, "already_voted"):
        democracy.cast_ballot(session, resident, survey.id, answers_of(survey))


def test_anonymous_visitors_must_sign_in_to_vote(session, moderator):
    survey = make_survey(session, moderator)
    with raises_code(NotAllowed, "sign_in_required"):
        democracy.cast_ballot(session, Actor.anonymous(), survey.id, answers_of(survey))
    assert not democracy.has_voted(session, Actor.anonymous(), survey.id)


@pytest.mark.parametrize(
    ("status", "when", "code"),
    [
        (SurveyStatus.DRAFT, NOW, "survey_not_published"),
        (SurveyStatus.CLOSED, NOW, "voting_closed"),
        (SurveyStatus.ARCHIVED, NOW, "voting_closed"),
        (SurveyStatus.PUBLISHED, OPENS - timedelta(microseconds=1), "voting_not_started"),
        (SurveyStatus.PUBLISHED, CLOSES, "voting_closed"),
        (SurveyStatus.PUBLISHED, CLOSES + timedelta(days=1), "voting_closed"),
    ],
)
def test_voting_only_while_published_and_open(session, people, moderator, status, when, code):
    survey = make_survey(session, moderator, status=status)
    resident = actor_of(people, "resident")
    with raises_code(InvalidTransition, code):
        democracy.cast_ballot(session, resident, survey.id, answers_of(survey), now=when)


def test_voting_opens_exactly_at_opens_at(session, people, moderator):
    survey = make_survey(session, moderator)
    resident = actor_of(people, "resident")
    assert democracy.cast_ballot(session, resident, survey.id, answers_of(survey), now=OPENS)


def test_voting_in_a_missing_survey_is_not_found(session, people):
    resident = actor_of(people, "resident")
    with pytest.raises(NotFound):
        democracy.cast_ballot(session, resident, 10**9, {})
    with pytest.raises(NotFound):
        democracy.cast_ballot(session, resident, "1", {})


def test_answers_are_checked_per_question(session, people, moderator):
    survey = make_survey(session, moderator)
    other = make_survey(session, moderator)
    resident = actor_of(people, "resident")
    q1, q2, q3 = survey.questions
    with pytest.raises(InvalidInput) as error:
        democracy.cast_ballot(
            session,
            resident,
            survey.id,
            {
                q2.id: [option(other, 1, 0)],  # an option of another survey's question
                q3.id: "x" * 2001,
                other.questions[0].id: option(other, 0, 0),
                "garbage": 1,
            },
        )
    assert set(error.value.fields) == {
        f"answers.{q1.id}",  # required, missing
        f"answers.{q2.id}",
        f"answers.{q3.id}",
        f"answers.{other.questions[0].id}",
        "answers.garbage",
    }
    with pytest.raises(InvalidInput) as error:
        democracy.cast_ballot(
            session, resident, survey.id, {q1.id: [option(survey, 0, 0), option(survey, 0, 1)]}
        )
    assert set(error.value.fields) == {f"answers.{q1.id}"}
    with pytest.raises(InvalidInput) as error:
        democracy.cast_ballot(session, resident, survey.id, {q1.id: "перший"})
    assert set(error.value.fields) == {f"answers.{q1.id}"}
    with pytest.raises(InvalidInput) as error:
        democracy.cast_ballot(session, resident, survey.id, ["not", "a", "mapping"])
    assert set(error.value.fields) == {"answers"}
    assert not democracy.has_voted(session, resident, survey.id)


def test_form_values_as_strings_are_accepted(session, people, moderator):
    survey = make_survey(session, moderator)
    resident = actor_of(people, "resident")
    q1, q2, _ = survey.questions
    ballot = democracy.cast_ballot(
        session,
        resident,
        survey.id,
        {str(q1.id): str(q1.options[1].id), str(q2.id): [str(q2.options[0].id)] * 2},
    )
    assert sorted(a.option_id for a in ballot.answers) == sorted(
        [q1.options[1].id, q2.options[0].id]
    )


# --- paper ballots --------------------------------------------------------------------------------


def test_a_paper_ballot_blocks_a_later_web_vote(session, people, moderator):
    survey = make_survey(session, moderator)
    clerk_user = people.staff(Role.CLERK)
    clerk = people.actor(clerk_user, Channel.DESKTOP)
    voter = people.resident()
    ballot = democracy.record_paper_ballot(session, clerk, survey.id, voter.id, answers_of(survey))
    assert ballot.channel == "desktop" and ballot.recorded_by_id == clerk_user.id
    assert ballot.voter_id == voter.id
    assert audit_actions(session, "ballot", ballot.id) == ["ballot.paper_recorded"]
    told = session.scalar(select(Notification.text).where(Notification.user_id == voter.id))
    assert "Парки Тернополя" in told
    with raises_code(Conflict, "already_voted"):
        democracy.cast_ballot(
            session, people.actor(voter, Channel.WEB), survey.id, answers_of(survey)
        )


def test_a_web_vote_blocks_a_later_paper_ballot(session, people, moderator):
    survey = make_survey(session, moderator)
    clerk = people.actor(people.staff(Role.CLERK))
    voter = people.resident()
    democracy.cast_ballot(session, people.actor(voter, Channel.WEB), survey.id, answers_of(survey))
    with raises_code(Conflict, "already_voted"):
        democracy.record_paper_ballot(session, clerk, survey.id, voter.id, answers_of(survey))


@pytest.mark.parametrize("kind", ACTOR_KINDS)
def test_paper_ballots_are_recorded_by_clerks_only(session, people, moderator, kind):
    survey = make_survey(session, moderator)
    voter = people.resident()
    actor = actor_of(people, kind)
    if kind == Role.CLERK:
        ballot = democracy.record_paper_ballot(
            session, actor, survey.id, voter.id, answers_of(survey)
        )
        assert ballot.id
    else:
        with expect_refusal(kind):
            democracy.record_paper_ballot(session, actor, survey.id, voter.id, answers_of(survey))


def test_paper_ballots_are_recorded_at_the_desk_and_for_a_real_person(session, people, moderator):
    survey = make_survey(session, moderator)
    clerk_user = people.staff(Role.CLERK)
    with raises_code(NotAllowed, "desktop_only"):
        democracy.record_paper_ballot(
            session, people.actor(clerk_user, Channel.WEB), survey.id, 1, answers_of(survey)
        )
    clerk = people.actor(clerk_user)
    for bad in ("x", None, 0):
        with pytest.raises(InvalidInput) as error:
            democracy.record_paper_ballot(session, clerk, survey.id, bad, answers_of(survey))
        assert set(error.value.fields) == {"voter_id"}
    with pytest.raises(InvalidInput) as error:
        democracy.record_paper_ballot(session, clerk, survey.id, 10**9, answers_of(survey))
    assert set(error.value.fields) == {"voter_id"}
    with raises_code(InvalidTransition, "voting_closed"):
        democracy.record_paper_ballot(
            session, clerk, survey.id, people.resident().id, answers_of(survey), now=CLOSES
        )


# --- one ballot per person under concurrency ------------------------------------------------------


@pytest.mark.parametrize("check_first", [True, False], ids=["checked", "constraint_only"])
def test_a_hundred_people_voting_twice_at_once_leave_a_hundred_ballots(
    committed_engine, monkeypatch, check_first
):
    if not check_first:
        # Without the friendly check the unique constraint alone must still hold.
        monkeypatch.setattr(democracy, "_has_ballot", lambda *args: False)
    with Session(committed_engine) as setup:
        system = Actor.system()
        survey = democracy.create_survey(
            setup, system, "Одночасно", "", OPENS, CLOSES, "always", QUESTIONS[:1]
        )
        democracy.publish_survey(setup, system, survey.id, now=NOW)
        voters = [User(email=f"v{i}@example.com", full_name=f"Виборець {i}") for i in range(100)]
        setup.add_all(voters)
        setup.commit()
        survey_id = survey.id
        choice = {survey.questions[0].id: survey.questions[0].options[0].id}
        voter_ids = [v.id for v in voters]

    attempts = [uid for uid in voter_ids for _ in range(2)]
    start = threading.Barrier(len(attempts), timeout=60)
    outcomes: Counter[str] = Counter()
    lock = threading.Lock()

    def vote(user_id: int) -> None:
        start.wait()
        actor = Actor(user_id=user_id, channel=Channel.WEB)
        try:
            with Session(committed_engine) as session:
                try:
                    democracy.cast_ballot(session, actor, survey_id, choice)
                    session.commit()
                    outcome = "ok"
                except Conflict as error:
                    session.rollback()
                    outcome = error.code
        except Exception as error:  # reported below, so that a thread's failure is seen
            outcome = f"{type(error).__name__}: {error}"
        with lock:
            outcomes[outcome] += 1

    threads = [threading.Thread(target=vote, args=(uid,)) for uid in attempts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)

    assert outcomes == {"ok": 100, "already_voted": 100}
    with Session(committed_engine) as check:
        per_voter = check.execute(
            select(Ballot.voter_id, func.count()).group_by(Ballot.voter_id)
        ).all()
        assert len(per_voter) == 100 and all(n == 1 for _, n in per_voter)
        assert check.scalar(select(func.count(Answer.id))) == 100
        cast = select(func.count()).where(ActivityEntry.action == "ballot.cast")
        assert check.scalar(cast) == 100
        assert verify_chain(check, Actor.system()).ok


# --- results --------------------------------------------------------------------------------------


@pytest.fixture
def voted_survey(session, people, moderator):
    """Four ballots, counted by hand:

    Q1 (single, required): A, A, B, A -> answered 4: A 3 (0.75), B 1 (0.25)
    Q2 (multiple, optional): [X, Y], [X], [Y], skipped -> answered 3: X 2 (2/3), Y 2 (2/3)
    Q3 (text, optional): two texts, two skipped.
    """
    survey = make_survey(session, moderator, visibility=ResultsVisibility.ALWAYS)
    plans = [
        (0, (0, 1), "Більше тіні"),
        (0, (0,), None),
        (1, (1,), "<script>alert(1)</script>"),
        (0, (), None),
    ]
    for first, second, text in plans:
        voter = actor_of(people, "resident")
        democracy.cast_ballot(session, voter, survey.id, answers_of(survey, first, second, text))
    return survey


def test_results_counts_and_shares(session, moderator, voted_survey):
    res = democracy.results(session, moderator, voted_survey.id)
    assert res.ballots == 4
    q1, q2, q3 = res.questions
    assert (q1.answered, [o.count for o in q1.options]) == (4, [3, 1])
    assert [o.share for o in q1.options] == [0.75, 0.25]
    assert (q2.answered, [o.count for o in q2.options]) == (3, [2, 2])
    assert [o.share for o in q2.options] == pytest.approx([2 / 3, 2 / 3])
    assert (q3.answered, q3.text_answers, q3.options) == (2, 2, [])
    assert [o.text for o in q1.options] == ["Топільче", "Сопільче"]


def test_results_of_a_survey_without_ballots(session, moderator):
    survey = make_survey(session, moderator)
    res = democracy.results(session, moderator, survey.id)
    assert res.ballots == 0
    assert all(o.count == 0 and o.share == 0.0 for q in res.questions for o in q.options)


VISIBILITY_CASES = [
    # visibility, status, resident may see, code when refused
    ("always", SurveyStatus.PUBLISHED, True, None),
    ("always", SurveyStatus.CLOSED, True, None),
    ("after_close", SurveyStatus.PUBLISHED, False, "results_not_yet"),
    ("after_close", SurveyStatus.CLOSED, True, None),
    ("after_close", SurveyStatus.ARCHIVED, True, None),
    ("staff_only", SurveyStatus.CLOSED, False, "results_hidden"),
    ("staff_only", SurveyStatus.PUBLISHED, False, "results_hidden"),
]


@pytest.mark.parametrize(("visibility", "status", "visible", "code"), VISIBILITY_CASES)
@pytest.mark.parametrize("kind", ACTOR_KINDS)
def test_results_visibility(session, people, moderator, visibility, status, visible, code, kind):
    survey = make_survey(session, moderator, status=status, visibility=visibility)
    actor = actor_of(people, kind)
    staff_viewer = kind in (Role.CLERK, Role.MODERATOR, Role.MANAGER)
    if staff_viewer or visible:
        assert democracy.results(session, actor, survey.id, now=NOW).survey_id == survey.id
    else:
        with raises_code(NotAllowed, code):
            democracy.results(session, actor, survey.id, now=NOW)


def test_after_close_results_show_once_the_voting_time_is_over(session, people, moderator):
    survey = make_survey(session, moderator, visibility="after_close")
    resident = actor_of(people, "resident")
    assert democracy.results(session, resident, survey.id, now=CLOSES).ballots == 0


def test_draft_results_are_not_found_for_residents(session, people, moderator):
    survey = make_survey(session, moderator, status=SurveyStatus.DRAFT, visibility="always")
    with pytest.raises(NotFound):
        democracy.results(session, actor_of(people, "resident"), survey.id)


# --- discussions and comments ---------------------------------------------------------------------


@pytest.fixture
def discussion(session, moderator):
    return democracy.create_discussion(session, moderator, "Велодоріжки", "Де їх прокласти?")


@pytest.fixture
def pending(session, people, discussion) -> Comment:
    author = people.actor(people.resident(), Channel.WEB)
    return democracy.post_comment(session, author, discussion.id, "<b>Уздовж ставу</b>")


@pytest.mark.parametrize("kind", ACTOR_KINDS)
def test_discussion_management_per_role(session, people, discussion, kind):
    actor = actor_of(people, kind)
    if kind == Role.MODERATOR:
        created = democracy.create_discussion(session, actor, "Тема", "")
        closed = democracy.close_discussion(
            session, actor, created.id, expected_version=created.version
        )
        assert closed.status == "closed"
        assert audit_actions(session, "discussion", created.id) == [
            "discussion.created",
            "discussion.closed",
        ]
    else:
        with expect_refusal(kind):
            democracy.create_discussion(session, actor, "Тема", "")
        with expect_refusal(kind):
            democracy.close_discussion(session, actor, discussion.id)


def test_discussion_input_and_closing_twice(session, moderator, discussion):
    with pytest.raises(InvalidInput) as error:
        democracy.create_discussion(session, moderator, " ", 42)
    assert set(error.value.fields) == {"title", "body"}
    democracy.close_discussion(session, moderator, discussion.id)
    with raises_code(InvalidTransition, "discussion_closed"):
        democracy.close_discussion(session, moderator, discussion.id)


@pytest.mark.parametrize("kind", ACTOR_KINDS)
def test_posting_comments_per_role(session, people, discussion, kind):
    actor = actor_of(people, kind)
    if kind == "anonymous":
        with raises_code(NotAllowed, "sign_in_required"):
            democracy.post_comment(session, actor, discussion.id, "Привіт")
    else:  # every signed-in person, staff included, may take part
        comment = democracy.post_comment(session, actor, discussion.id, "Привіт")
        assert comment.status == CommentStatus.PENDING and comment.author_id == actor.user_id
        assert audit_actions(session, "comment", comment.id) == ["comment.posted"]


def test_comments_keep_html_and_are_checked(session, people, discussion, pending):
    assert pending.text == "<b>Уздовж ставу</b>"
    author = people.actor(people.resident(), Channel.WEB)
    for bad in ("", "   ", "x" * 5001, 17, "a\x00b"):
        with pytest.raises(InvalidInput) as error:
            democracy.post_comment(session, author, discussion.id, bad)
        assert set(error.value.fields) == {"text"}
    with pytest.raises(NotFound):
        democracy.post_comment(session, author, 10**9, "текст")


def test_no_comments_in_a_closed_discussion(session, people, moderator, discussion):
    democracy.close_discussion(session, moderator, discussion.id)
    with raises_code(InvalidTransition, "discussion_closed"):
        democracy.post_comment(session, actor_of(people, "resident"), discussion.id, "Пізно")


MODERATIONS = [
    ("approve", CommentStatus.APPROVED),
    ("reject", CommentStatus.REJECTED),
]


def moderate(session, actor, comment, action, *, version=None):
    version = comment.version if version is None else version
    if action == "approve":
        return democracy.approve_comment(session, actor, comment.id, expected_version=version)
    return democracy.reject_comment(
        session, actor, comment.id, "Образливі вислови", expected_version=version
    )


@pytest.mark.parametrize("kind", ACTOR_KINDS)
@pytest.mark.parametrize(("action", "target"), MODERATIONS)
def test_comment_moderation_per_role(session, people, pending, kind, action, target):
    actor = actor_of(people, kind)
    if kind == Role.MODERATOR:
        done = moderate(session, actor, pending, action)
        assert done.status == target and done.moderator_id == actor.user_id
        assert done.moderated_at is not None
        assert audit_actions(session, "comment", pending.id)[-1] == f"comment.{target.value}"
        assert democracy.comment_actions(actor, done) == []
    else:
        with expect_refusal(kind):
            moderate(session, actor, pending, action)
        assert pending.status == CommentStatus.PENDING
        assert democracy.comment_actions(actor, pending) == []


@pytest.mark.parametrize("first", ["approve", "reject"])
@pytest.mark.parametrize("second", ["approve", "reject"])
def test_a_moderated_comment_is_not_moderated_again(session, moderator, pending, first, second):
    moderate(session, moderator, pending, first)
    with pytest.raises(InvalidTransition):
        moderate(session, moderator, pending, second)


def test_an_offline_decision_on_a_moved_comment_is_a_conflict(session, people, pending):
    first = people.actor(people.staff(Role.MODERATOR, full_name="Оксана Модераторка"))
    second = people.actor(people.staff(Role.MODERATOR))
    seen = pending.version
    assert democracy.comment_actions(first, pending) == ["approve", "reject"]
    democracy.approve_comment(session, first, pending.id, expected_version=seen)
    with pytest.raises(Conflict) as error:
        democracy.reject_comment(session, second, pending.id, "Спам", expected_version=seen)
    assert error.value.changed_by == "Оксана Модераторка"
    with pytest.raises(Conflict):
        democracy.approve_comment(session, second, pending.id, expected_version=seen)


def test_moderation_needs_the_version_and_a_reason(session, moderator, pending):
    with pytest.raises(TypeError):
        democracy.approve_comment(session, moderator, pending.id)  # type: ignore[call-arg]
    for bad in (None, "п'ять", 0):
        with pytest.raises(InvalidInput) as error:
            democracy.approve_comment(session, moderator, pending.id, expected_version=bad)
        assert set(error.value.fields) == {"version"}
    with pytest.raises(InvalidInput) as error:
        democracy.reject_comment(session, moderator, pending.id, "  ", expected_version=1)
    assert set(error.value.fields) == {"reason"}
    with pytest.raises(NotFound):
        democracy.approve_comment(session, moderator, 10**9, expected_version=1)


def test_authors_are_told_the_outcome(session, people, discussion, moderator):
    author = people.resident()
    actor = people.actor(author, Channel.WEB)
    kept = democracy.post_comment(session, actor, discussion.id, "Добра ідея")
    dropped = democracy.post_comment(session, actor, discussion.id, "Реклама")
    moderate(session, moderator, kept, "approve")
    democracy.reject_comment(
        session, moderator, dropped.id, "Реклама заборонена", expected_version=dropped.version
    )
    texts = session.scalars(
        select(Notification.text).where(Notification.user_id == author.id).order_by(Notification.id)
    ).all()
    assert texts == [
        "Ваш коментар опубліковано.",
        "Ваш коментар не опубліковано. Причина: Реклама заборонена",
    ]
    assert dropped.rejection_reason == "Реклама заборонена"


def test_visible_comments_are_approved_ones_and_the_authors_own(
    session, people, moderator, discussion
):
    alice_user, bob_user = people.resident(), people.resident()
    alice, bob = people.actor(alice_user, Channel.WEB), people.actor(bob_user, Channel.WEB)
    a_ok = democracy.post_comment(session, alice, discussion.id, "1")
    a_pending = democracy.post_comment(session, alice, discussion.id, "2")
    b_rejected = democracy.post_comment(session, bob, discussion.id, "3")
    b_pending = democracy.post_comment(session, bob, discussion.id, "4")
    moderate(session, moderator, a_ok, "approve")
    moderate(session, moderator, b_rejected, "reject")

    def ids(actor, **page):
        return [c.id for c in democracy.visible_comments(session, actor, discussion.id, **page)]

    assert ids(Actor.anonymous()) == [a_ok.id]
    assert ids(alice) == [a_ok.id, a_pending.id]
    assert ids(bob) == [a_ok.id, b_rejected.id, b_pending.id]
    assert ids(bob, limit=1, after_id=a_ok.id) == [b_rejected.id]
    with pytest.raises(NotFound):
        democracy.visible_comments(session, bob, 10**9)
    with pytest.raises(InvalidInput) as error:
        democracy.visible_comments(session, bob, discussion.id, limit=1000, after_id="x")
    assert set(error.value.fields) == {"limit", "after_id"}


@pytest.mark.parametrize("kind", ACTOR_KINDS)
def test_moderation_queue_keyset_and_permission(session, people, discussion, kind):
    author = people.actor(people.resident(), Channel.WEB)
    made = [democracy.post_comment(session, author, discussion.id, f"№{i}").id for i in range(5)]
    actor = actor_of(people, kind)
    if kind != Role.MODERATOR:
        with expect_refusal(kind):
            democracy.moderation_queue(session, actor)
        return
    moderate(session, actor, session.get(Comment, made[1]), "approve")
    waiting = [made[0], *made[2:]]
    first = democracy.moderation_queue(session, actor, 2, discussion_id=discussion.id)
    assert [c.id for c in first] == waiting[:2]
    rest = democracy.moderation_queue(session, actor, 10, first[-1].id, discussion_id=discussion.id)
    assert [c.id for c in rest] == waiting[2:]
    with pytest.raises(InvalidInput) as error:
        democracy.moderation_queue(session, actor, "many")
    assert set(error.value.fields) == {"limit"}
