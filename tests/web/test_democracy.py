"""E-Democracy on the portal: surveys, ballots, results, discussions and moderated comments."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from backoffice.core import democracy
from backoffice.models import Ballot, Comment, Notification, Role, SurveyStatus, User, utcnow
from tests.conftest import People
from tests.web.conftest import csrf_token

NOW = utcnow()
SCRIPT = '<script>alert("x")</script>'
QUESTIONS = [
    {
        "text": "Який парк облаштувати першим?",
        "kind": "single",
        "options": ["Топільче", "Сопільче"],
    },
    {"text": "Що додати?", "kind": "multiple", "required": False, "options": ["Лави", "Світло"]},
    {"text": "Ваші побажання", "kind": "text", "required": False},
]


@dataclass(frozen=True)
class Made:
    id: int
    questions: list[int]
    options: list[list[int]]

    @property
    def url(self) -> str:
        return f"/democracy/surveys/{self.id}"

    def field(self, index: int) -> str:
        return f"answers.{self.questions[index]}"

    def ballot(self, first=0, second=(0,), text="") -> dict:
        return {
            self.field(0): str(self.options[0][first]),
            self.field(1): [str(self.options[1][i]) for i in second],
            self.field(2): text,
        }


@pytest.fixture
def make_survey(db):
    def make(
        status=SurveyStatus.PUBLISHED,
        visibility="always",
        *,
        opens=-1,
        closes=7,
        title="Парки Тернополя",
        description="Опис опитування",
    ) -> Made:
        with db() as session:
            people = People(session)
            moderator = people.actor(people.staff(Role.MODERATOR))
            survey = democracy.create_survey(
                session,
                moderator,
                title,
                description,
                NOW + timedelta(days=opens),
                NOW + timedelta(days=closes),
                visibility,
                QUESTIONS,
            )
            if status != SurveyStatus.DRAFT:
                published = NOW + timedelta(days=opens)
                democracy.publish_survey(session, moderator, survey.id, now=published)
            if status == SurveyStatus.CLOSED:
                democracy.close_survey(session, moderator, survey.id)
            return Made(
                survey.id,
                [q.id for q in survey.questions],
                [[o.id for o in q.options] for q in survey.questions],
            )

    return make


def _ballots(db, survey_id: int) -> int:
    with db() as session:
        return session.scalar(select(func.count(Ballot.id)).where(Ballot.survey_id == survey_id))


def _vote_directly(db, made: Made, voters: list, first=0) -> None:
    """Ballots cast through core, as if on other days and devices."""
    with db() as session:
        for user in voters:
            actor = People.actor(session.get(User, user.id), "web")
            answers = {made.questions[0]: made.options[0][first]}
            democracy.cast_ballot(session, actor, made.id, answers, now=NOW)


# --- every page, signed out and signed in ---------------------------------------------------------


def test_every_democracy_page_answers_signed_out_and_signed_in(
    portal, resident, db, make_survey, discussion
):
    current = make_survey()
    upcoming = make_survey(opens=2, closes=9)
    closed = make_survey(SurveyStatus.CLOSED, "after_close")
    draft = make_survey(SurveyStatus.DRAFT, title="Чернетка")
    for signed_in in (False, True):
        if signed_in:
            portal.sign_in(resident.email)
        listing = portal.page("/democracy/surveys")
        assert "Чернетка" not in listing
        for made in (current, upcoming, closed):
            assert f'href="{made.url}"' in listing
            portal.page(made.url)
        portal.page(draft.url, 404)
        portal.page("/democracy/surveys/999999", 404)
        assert f"/democracy/discussions/{discussion}" in portal.page("/democracy/discussions")
        portal.page(f"/democracy/discussions/{discussion}")
        portal.page("/democracy/discussions/999999", 404)


def test_the_lists_page_on_and_refuse_a_wrong_page_key(portal, make_survey):
    made = [make_survey(SurveyStatus.CLOSED) for _ in range(21)]
    first = portal.page("/democracy/surveys")
    assert f'href="{made[0].url}"' not in first  # the oldest is on the next page
    link = re.search(r'href="(/democracy/surveys\?after=\d+)"', first).group(1)
    second = portal.page(link)
    assert f'href="{made[0].url}"' in second and "Тривають і незабаром" not in second
    portal.page("/democracy/surveys?after=abc", 400)
    portal.page("/democracy/discussions?after=-1", 400)


# --- voting ---------------------------------------------------------------------------------------


def test_voting_signed_out_leads_to_the_sign_in_page(portal, db, make_survey):
    made = make_survey()
    page = portal.page(made.url)
    assert f'href="/sign-in?next={made.url}"' in page
    assert 'type="radio"' not in page  # the questions are listed, the ballot is not offered
    response = portal.post(made.url, data={**made.ballot(), "csrf_token": csrf_token(page)})
    assert response.status_code == 303
    assert response.headers["Location"].startswith("/sign-in")
    assert _ballots(db, made.id) == 0


def test_a_resident_votes_once_through_an_accessible_ballot(portal, resident, db, make_survey):
    made = make_survey()
    portal.sign_in(resident.email)
    page = portal.page(made.url)
    # Radio buttons and checkboxes in fieldsets with legends; every input has its label.
    assert page.count("<fieldset") == 2 and page.count("<legend>") == 2
    first = f'id="f-{made.field(0)}" type="radio" name="{made.field(0)}"'
    assert f'{first} value="{made.options[0][0]}">' in page
    assert 'type="radio"' in page and 'type="checkbox"' in page
    assert f'<textarea id="f-{made.field(2)}" name="{made.field(2)}"' in page
    for input_id in re.findall(r'<input id="([^"]+)"', page):
        assert f'<label for="{input_id}">' in page

    ballot = made.ballot(first=1, second=(0, 1), text="Більше дерев")
    response = portal.submit(made.url, ballot)
    assert response.status_code == 303 and response.headers["Location"] == made.url
    page = portal.page(made.url)
    assert "Ваш голос зараховано" in page and "Ви вже проголосували" in page
    assert 'type="radio"' not in page
    assert _ballots(db, made.id) == 1
    with db() as session:
        (saved,) = session.scalars(select(Ballot).where(Ballot.survey_id == made.id))
        chosen = sorted((a.question_id, a.option_id, a.text) for a in saved.answers)
    assert saved.voter_id == resident.id and saved.channel == "web"
    assert chosen == sorted(
        [
            (made.questions[0], made.options[0][1], None),
            (made.questions[1], made.options[1][0], None),
            (made.questions[1], made.options[1][1], None),
            (made.questions[2], None, "Більше дерев"),
        ]
    )


def test_voting_twice_says_so_and_keeps_one_ballot(portal, resident, db, make_survey):
    made = make_survey()
    portal.sign_in(resident.email)
    form_page = portal.page(made.url)  # a second tab still shows the ballot
    assert portal.submit(made.url, made.ballot()).status_code == 303
    again = portal.post(made.url, data={**made.ballot(1), "csrf_token": csrf_token(form_page)})
    assert again.status_code == 409
    text = again.get_data(as_text=True)
    assert democracy.ALREADY_VOTED in text and 'role="alert"' in text
    assert 'type="radio"' not in text
    assert _ballots(db, made.id) == 1


def test_a_required_answer_missing_is_named_beside_its_question(portal, resident, db, make_survey):
    made = make_survey()
    portal.sign_in(resident.email)
    ballot = {**made.ballot(second=(1,), text="Мій текст"), made.field(0): ""}
    response = portal.submit(made.url, ballot)
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    error_id = f"f-{made.field(0)}-error"
    assert f'<p class="field-error" id="{error_id}">' in page
    assert f'aria-describedby="{error_id}"' in page
    summary = (
        f'<a href="#f-{made.field(0)}">Який парк облаштувати першим? — Обов&#39;язкове поле.</a>'
    )
    assert summary in page
    # What was chosen and typed stays.
    assert f'value="{made.options[1][1]}" checked' in page and ">Мій текст</textarea>" in page
    assert _ballots(db, made.id) == 0


def test_a_closed_survey_refuses_votes_and_shows_results_it_allows(
    portal, resident, make_resident, db, make_survey
):
    made = make_survey(SurveyStatus.PUBLISHED, "after_close")
    _vote_directly(db, made, [make_resident(), make_resident()], first=0)
    _vote_directly(db, made, [make_resident()], first=1)
    portal.sign_in(resident.email)
    running = portal.page(made.url)
    assert "Результати буде оприлюднено після завершення голосування." in running
    form_page = running
    with db() as session:
        moderator = People(session).actor(People(session).staff(Role.MODERATOR))
        democracy.close_survey(session, moderator, made.id)

    response = portal.post(made.url, data={**made.ballot(), "csrf_token": csrf_token(form_page)})
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert "Голосування в цьому опитуванні завершено." in page
    assert _ballots(db, made.id) == 3
    page = portal.page(made.url)
    assert 'type="radio"' not in page and "Голосування в цьому опитуванні завершено." in page
    # Numbers and shares in text, the bar only beside them.
    assert "Бюлетенів: <strong>3</strong>" in page
    assert "Топільче</span>" in page and ">2 (66,7%)<" in page and ">1 (33,3%)<" in page
    assert '<meter min="0" max="1" value="0.6667">' in page
    assert "Письмових відповідей: 0" in page


def test_results_hidden_by_the_survey_are_not_shown(
    portal, resident, db, make_survey, make_resident
):
    hidden = make_survey(SurveyStatus.CLOSED, "staff_only")
    page = portal.page(hidden.url)
    assert "Результати цього опитування не оприлюднюються." in page and "<meter" not in page
    running = make_survey(SurveyStatus.PUBLISHED, "always")
    _vote_directly(db, running, [make_resident()])
    page = portal.page(running.url)
    assert "Бюлетенів: <strong>1</strong>" in page and "дані попередні" in page


def test_an_upcoming_survey_shows_its_questions_and_when_it_opens(portal, resident, make_survey):
    made = make_survey(opens=2, closes=9)
    portal.sign_in(resident.email)
    page = portal.page(made.url)
    assert "Голосування ще не почалося" in page and 'type="radio"' not in page
    assert "Топільче" in page and "Незабаром" in page


def test_my_votes_in_the_cabinet(portal, resident, make_survey):
    made = make_survey(title="Сквери")
    portal.sign_in(resident.email)
    assert "Ви ще не голосували." in portal.page("/cabinet/")
    portal.submit(made.url, made.ballot())
    page = portal.page("/cabinet/")
    assert "Мої голосування" in page and f'<a href="{made.url}">Сквери</a>' in page


# --- discussions ----------------------------------------------------------------------------------


@pytest.fixture
def discussion(db) -> int:
    with db() as session:
        people = People(session)
        moderator = people.actor(people.staff(Role.MODERATOR))
        return democracy.create_discussion(session, moderator, "Велодоріжки", "Де їх прокласти?").id


def _comments(db, discussion_id: int) -> list[Comment]:
    with db() as session:
        return list(session.scalars(select(Comment).where(Comment.discussion_id == discussion_id)))


def test_a_pending_comment_is_seen_by_its_author_only(
    portal, app, resident, make_resident, db, discussion
):
    url = f"/democracy/discussions/{discussion}"
    portal.sign_in(resident.email)
    response = portal.submit(url, {"text": "Уздовж ставу, будь ласка"})
    (comment,) = _comments(db, discussion)
    assert response.status_code == 303
    assert response.headers["Location"] == f"{url}#comment-{comment.id}"
    assert comment.status == "pending" and comment.author_id == resident.id
    page = portal.page(url)
    assert f'id="comment-{comment.id}"' in page
    assert "Уздовж ставу, будь ласка" in page and "на модерації" in page

    visitor = app.test_client()
    assert "Уздовж ставу" not in visitor.page(url)
    other = app.test_client()
    other.sign_in(make_resident().email)
    assert "Уздовж ставу" not in other.page(url)

    with db() as session:
        moderator = People(session).actor(People(session).staff(Role.MODERATOR))
        democracy.approve_comment(session, moderator, comment.id, expected_version=comment.version)
    for client in (visitor, other):
        page = client.page(url)
        assert "Уздовж ставу, будь ласка" in page and "на модерації" not in page
    # The notification's link leads (marking it read) to the comment's anchor.
    with db() as session:
        note = session.scalars(
            select(Notification).where(Notification.user_id == resident.id)
        ).one()
    assert f'href="/cabinet/notifications/{note.id}"' in portal.page("/cabinet/")
    followed = portal.get(f"/cabinet/notifications/{note.id}")
    assert followed.headers["Location"] == f"{url}#comment-{comment.id}"


def test_a_rejected_comment_shows_its_reason_to_the_author(portal, resident, db, discussion):
    url = f"/democracy/discussions/{discussion}"
    portal.sign_in(resident.email)
    portal.submit(url, {"text": "Реклама"})
    (comment,) = _comments(db, discussion)
    with db() as session:
        moderator = People(session).actor(People(session).staff(Role.MODERATOR))
        democracy.reject_comment(
            session, moderator, comment.id, "Реклама заборонена", expected_version=comment.version
        )
    page = portal.page(url)
    assert "не опубліковано" in page and "Реклама заборонена" in page


def test_commenting_needs_sign_in_and_text(portal, resident, db, discussion):
    url = f"/democracy/discussions/{discussion}"
    page = portal.page(url)
    assert f'href="/sign-in?next={url}"' in page and "<textarea" not in page
    response = portal.post(url, data={"text": "Анонімно", "csrf_token": csrf_token(page)})
    assert response.status_code == 303 and response.headers["Location"].startswith("/sign-in")
    portal.sign_in(resident.email)
    response = portal.submit(url, {"text": "   "})
    assert response.status_code == 422
    assert 'id="f-text-error"' in response.get_data(as_text=True)
    assert _comments(db, discussion) == []


def test_a_closed_discussion_takes_no_comments(portal, resident, db, discussion):
    url = f"/democracy/discussions/{discussion}"
    portal.sign_in(resident.email)
    form_page = portal.page(url)
    with db() as session:
        moderator = People(session).actor(People(session).staff(Role.MODERATOR))
        democracy.close_discussion(session, moderator, discussion)
    response = portal.post(url, data={"text": "Запізно", "csrf_token": csrf_token(form_page)})
    assert response.status_code == 409
    assert "Обговорення закрито для коментарів." in response.get_data(as_text=True)
    page = portal.page(url)
    assert "<textarea" not in page and "Обговорення закрито" in page
    assert _comments(db, discussion) == []
    listing = portal.page("/democracy/discussions")
    assert listing.index("Закриті обговорення") < listing.index("Велодоріжки")


# --- escaping -------------------------------------------------------------------------------------


def _inert(page: str) -> None:
    assert "<script>alert" not in page


def test_markup_in_every_text_comes_back_as_text(portal, resident, db, make_survey):
    made = make_survey(title=SCRIPT, description=SCRIPT)
    with db() as session:
        moderator = People(session).actor(People(session).staff(Role.MODERATOR))
        discussion = democracy.create_discussion(session, moderator, SCRIPT, SCRIPT).id
    for url in ("/democracy/surveys", made.url, "/democracy/discussions"):
        page = portal.page(url)
        _inert(page)
        assert "&lt;script&gt;" in page  # the title; a description is sanitised Markdown
    portal.sign_in(resident.email)
    # A text answer echoed by a ballot that came back with an error.
    ballot = {**made.ballot(text=SCRIPT), made.field(0): ""}
    page = portal.submit(made.url, ballot).get_data(as_text=True)
    _inert(page)
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</textarea>" in page
    # A comment: shown to its author as text.
    url = f"/democracy/discussions/{discussion}"
    portal.submit(url, {"text": SCRIPT})
    page = portal.page(url)
    _inert(page)
    assert (
        page.count("&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;") >= 3
    )  # title, body, comment
    assert "<script>alert" not in portal.page("/cabinet/")


def test_long_discussions_page_on_and_a_new_comment_is_shown_on_its_page(
    portal, resident, make_resident, db, discussion, monkeypatch
):
    monkeypatch.setattr("backoffice.web.democracy.COMMENTS_PAGE", 2)
    url = f"/democracy/discussions/{discussion}"
    with db() as session:
        people = People(session)
        moderator = people.actor(people.staff(Role.MODERATOR))
        author = people.actor(people.resident(), "web")
        for n in range(3):
            made = democracy.post_comment(session, author, discussion, f"Думка {n}")
            democracy.approve_comment(session, moderator, made.id, expected_version=made.version)
    first = portal.page(url)
    assert "Думка 0" in first and "Думка 1" in first and "Думка 2" not in first
    following = re.search(r'href="([^"]+after=\d+)"', first).group(1).replace("&amp;", "&")
    assert "Думка 2" in portal.page(following)
    portal.sign_in(resident.email)
    response = portal.submit(url, {"text": "Моя думка"})
    comment = _comments(db, discussion)[-1]
    assert response.headers["Location"] == f"{url}?after={comment.id - 1}#comment-{comment.id}"
    assert "Моя думка" in portal.page(response.headers["Location"].split("#")[0])


def test_descriptions_are_sanitised_markdown(portal, make_survey):
    made = make_survey(description="**Важливо**: <img src=x onerror=alert(1)>")
    page = portal.page(made.url)
    assert "<strong>Важливо</strong>" in page and "onerror" not in page
