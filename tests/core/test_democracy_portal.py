"""E-Democracy's lists for the portal: surveys by phase, discussions, a resident's ballots."""

from __future__ import annotations

from datetime import timedelta

import pytest

from backoffice.core import democracy
from backoffice.core.actor import Actor, Channel
from backoffice.core.democracy import VotingPhase
from backoffice.core.errors import InvalidInput, NotAllowed, NotFound
from backoffice.models import Role, SurveyStatus, utcnow

NOW = utcnow()
QUESTIONS = [{"text": "Так чи ні?", "kind": "single", "options": ["Так", "Ні"]}]


@pytest.fixture
def moderator(people) -> Actor:
    return people.actor(people.staff(Role.MODERATOR))


def survey(session, moderator, status, *, opens=-1, closes=7, title="Опитування"):
    made = democracy.create_survey(
        session,
        moderator,
        title,
        "",
        NOW + timedelta(days=opens),
        NOW + timedelta(days=closes),
        "always",
        QUESTIONS,
    )
    if status != SurveyStatus.DRAFT:
        # Published "yesterday", so that a closing time already passed is allowed.
        democracy.publish_survey(session, moderator, made.id, now=NOW + timedelta(days=opens))
    if status in (SurveyStatus.CLOSED, SurveyStatus.ARCHIVED):
        democracy.close_survey(session, moderator, made.id)
    if status == SurveyStatus.ARCHIVED:
        democracy.archive_survey(session, moderator, made.id)
    return made


@pytest.fixture
def surveys(session, moderator):
    return {
        "draft": survey(session, moderator, SurveyStatus.DRAFT),
        "open": survey(session, moderator, SurveyStatus.PUBLISHED),
        "upcoming": survey(session, moderator, SurveyStatus.PUBLISHED, opens=2, closes=9),
        "lapsed": survey(session, moderator, SurveyStatus.PUBLISHED, opens=-9, closes=-1),
        "closed": survey(session, moderator, SurveyStatus.CLOSED),
        "archived": survey(session, moderator, SurveyStatus.ARCHIVED),
    }


def test_voting_phase_of_each_survey(surveys):
    phases = {name: democracy.voting_phase(s, now=NOW) for name, s in surveys.items()}
    assert phases == {
        "draft": VotingPhase.DRAFT,
        "open": VotingPhase.OPEN,
        "upcoming": VotingPhase.UPCOMING,
        "lapsed": VotingPhase.OVER,
        "closed": VotingPhase.OVER,
        "archived": VotingPhase.OVER,
    }
    opens_at = surveys["open"].opens_at
    assert democracy.voting_phase(surveys["open"], now=opens_at) == VotingPhase.OPEN
    closes_at = surveys["open"].closes_at
    assert democracy.voting_phase(surveys["open"], now=closes_at) == VotingPhase.OVER


@pytest.mark.parametrize("kind", ["anonymous", "resident", "moderator"])
def test_public_surveys_by_phase_never_list_drafts(session, people, surveys, kind):
    if kind == "anonymous":
        actor = Actor.anonymous()
    elif kind == "resident":
        actor = people.actor(people.resident(), Channel.WEB)
    else:
        actor = people.actor(people.staff(Role.MODERATOR), Channel.WEB)

    def ids(phase, **page):
        found = democracy.public_surveys(session, actor, phase=phase, now=NOW, **page)
        return [s.id for s in found]

    current = ids("current")
    finished = ids("finished")
    assert current == [surveys["upcoming"].id, surveys["open"].id]
    assert finished == [surveys[n].id for n in ("archived", "closed", "lapsed")]
    assert ids("finished", limit=1, after_id=surveys["archived"].id) == [surveys["closed"].id]


def test_public_surveys_check_their_input(session):
    with pytest.raises(InvalidInput) as error:
        democracy.public_surveys(session, Actor.anonymous(), phase="draft", limit=0, after_id="x")
    assert set(error.value.fields) == {"phase", "limit", "after_id"}


def test_discussions_are_listed_and_read_by_anyone(session, people, moderator):
    first = democracy.create_discussion(session, moderator, "Велодоріжки", "")
    second = democracy.create_discussion(session, moderator, "Сквер", "Опис")
    democracy.close_discussion(session, moderator, first.id)
    visitor = Actor.anonymous()
    resident = people.actor(people.resident(), Channel.WEB)

    def ids(**kwargs):
        return [d.id for d in democracy.list_discussions(session, visitor, **kwargs)]

    assert ids()[:2] == [second.id, first.id]
    assert second.id in ids(status="open") and first.id not in ids(status="open")
    assert first.id in ids(status="closed")
    assert ids(limit=1, after_id=second.id) == [first.id]
    assert democracy.get_discussion(session, visitor, first.id).title == "Велодоріжки"
    with pytest.raises(NotFound):
        democracy.get_discussion(session, visitor, 10**9)
    with pytest.raises(NotFound):
        democracy.get_discussion(session, visitor, "1")
    with pytest.raises(InvalidInput) as error:
        democracy.list_discussions(session, visitor, status="hidden", limit=500)
    assert set(error.value.fields) == {"status", "limit"}

    assert democracy.discussion_actions(resident, second) == ["comment"]
    assert democracy.discussion_actions(resident, first) == []
    assert democracy.discussion_actions(visitor, second) == []


def test_my_ballots_are_the_residents_own_newest_first(session, people, moderator, surveys):
    alice = people.actor(people.resident(), Channel.WEB)
    bob = people.actor(people.resident(), Channel.WEB)
    second = survey(session, moderator, SurveyStatus.PUBLISHED, title="Друге")
    for target in (surveys["open"], second):
        answers = {target.questions[0].id: target.questions[0].options[0].id}
        democracy.cast_ballot(session, alice, target.id, answers, now=NOW)
    mine = democracy.my_ballots(session, alice)
    assert [(b.survey_id, b.title, b.channel) for b in mine] == [
        (second.id, "Друге", "web"),
        (surveys["open"].id, "Опитування", "web"),
    ]
    assert democracy.my_ballots(session, bob) == []
    older = democracy.my_ballots(session, alice, limit=1, after_id=mine[0].ballot_id)
    assert [b.survey_id for b in older] == [surveys["open"].id]
    with pytest.raises(NotAllowed) as error:
        democracy.my_ballots(session, Actor.anonymous())
    assert error.value.code == "sign_in_required"
