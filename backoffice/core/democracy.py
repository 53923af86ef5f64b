"""E-Democracy: surveys and ballots, discussions and moderated comments.

One ballot per person and survey, across every channel (web and a paper ballot recorded at the
ЦНАП desk): the unique constraint on ``ballots (survey_id, voter_id)`` is the guarantee; the check
before it only gives the friendly message in the common case. Comment moderation takes the
version the moderator saw, because the desktop replays offline decisions later (DESIGN.md,
"Offline moderation"): a decision made on a copy that has moved since is a ``Conflict``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session, aliased, selectinload
from sqlalchemy.sql import ColumnElement

from backoffice.core import audit, listing
from backoffice.core.actor import Actor, Channel
from backoffice.core.errors import (
    Conflict,
    CoreError,
    InvalidInput,
    InvalidTransition,
    NotAllowed,
    NotFound,
)
from backoffice.core.lifecycle import Lifecycle
from backoffice.core.listing import ListRequest
from backoffice.core.notifications import notify
from backoffice.core.permissions import Perm, can, require
from backoffice.core.records import check_version, flush, get_or_404, user_name
from backoffice.core.validation import REQUIRED, WRONG_TYPE, Checker
from backoffice.models import (
    Answer,
    Ballot,
    Comment,
    CommentStatus,
    Discussion,
    DiscussionStatus,
    Option,
    Question,
    QuestionKind,
    ResultsVisibility,
    Survey,
    SurveyStatus,
    User,
    utcnow,
)

SURVEY_LIFECYCLE = Lifecycle(
    "survey",
    {
        SurveyStatus.DRAFT: {SurveyStatus.PUBLISHED: Perm.SURVEY_MANAGE},
        SurveyStatus.PUBLISHED: {SurveyStatus.CLOSED: Perm.SURVEY_MANAGE},
        SurveyStatus.CLOSED: {SurveyStatus.ARCHIVED: Perm.SURVEY_MANAGE},
    },
)
COMMENT_LIFECYCLE = Lifecycle(
    "comment",
    {
        CommentStatus.PENDING: {
            CommentStatus.APPROVED: Perm.COMMENT_MODERATE,
            CommentStatus.REJECTED: Perm.COMMENT_MODERATE,
        },
    },
)

# The lifecycle's target status -> the action a button or a form offers.
_SURVEY_ACTIONS = {
    SurveyStatus.PUBLISHED: "publish",
    SurveyStatus.CLOSED: "close",
    SurveyStatus.ARCHIVED: "archive",
}
_COMMENT_ACTIONS = {CommentStatus.APPROVED: "approve", CommentStatus.REJECTED: "reject"}

ALREADY_VOTED = "Ви вже проголосували в цьому опитуванні."

# Limits: generous for a city survey, small enough that one form cannot flood the database.
MAX_QUESTIONS = 100
MAX_OPTIONS = 50
TITLE_MAX = 300
DESCRIPTION_MAX = 20_000
QUESTION_MAX = 500
OPTION_MAX = 300
TEXT_ANSWER_MAX = 2_000
COMMENT_MAX = 5_000
REASON_MAX = 1_000
PAGE_MAX = 200

SURVEY_FIELDS = ("title", "description", "opens_at", "closes_at", "status", "results_visibility")
COMMENT_FIELDS = ("status", "moderator_id", "moderated_at", "rejection_reason")
DISCUSSION_FIELDS = ("title", "body", "status")


# --- surveys -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _SurveyInput:
    title: str
    description: str
    opens_at: datetime
    closes_at: datetime
    results_visibility: str
    questions: list[dict[str, Any]]


def _check_question(c: Checker, index: int, raw: Any) -> dict[str, Any] | None:
    name = f"questions.{index}"
    if not isinstance(raw, Mapping):
        c.fail(name, WRONG_TYPE)
        return None
    text = c.text(f"{name}.text", raw.get("text"), max_length=QUESTION_MAX)
    kind = c.choice(f"{name}.kind", raw.get("kind", QuestionKind.SINGLE), QuestionKind)
    required = c.boolean(f"{name}.required", raw.get("required", True))
    options = _check_options(c, name, kind, raw.get("options") or [])
    if text is None or kind is None or options is None:
        return None
    return {"text": text, "kind": kind, "required": required, "options": options}


def _check_options(c: Checker, name: str, kind: str | None, raw: Any) -> list[str] | None:
    if not isinstance(raw, list | tuple):
        c.fail(f"{name}.options", WRONG_TYPE)
        return None
    if kind == QuestionKind.TEXT and raw:
        c.fail(f"{name}.options", "Питання з відповіддю-текстом не має варіантів.")
        return None
    if len(raw) > MAX_OPTIONS:
        c.fail(f"{name}.options", f"Не більше {MAX_OPTIONS} варіантів.")
        return None
    options = [c.text(f"{name}.options.{i}", o, max_length=OPTION_MAX) for i, o in enumerate(raw)]
    if any(o is None for o in options):
        return None
    if len({o.casefold() for o in options}) != len(options):
        c.fail(f"{name}.options", "Варіанти відповіді не мають повторюватися.")
        return None
    return options


def _check_survey(
    title: Any,
    description: Any,
    opens_at: Any,
    closes_at: Any,
    results_visibility: Any,
    questions: Any,
) -> _SurveyInput:
    c = Checker()
    title = c.text("title", title, max_length=TITLE_MAX)
    description = c.text(
        "description", description, required=False, max_length=DESCRIPTION_MAX, multiline=True
    )
    opens_at = c.moment("opens_at", opens_at)
    closes_at = c.moment("closes_at", closes_at)
    if opens_at and closes_at and closes_at <= opens_at:
        c.fail("closes_at", "Опитування має завершуватися пізніше, ніж починається.")
    visibility = c.choice("results_visibility", results_visibility, ResultsVisibility)
    checked: list[dict[str, Any]] = []
    if not isinstance(questions, list | tuple):
        c.fail("questions", WRONG_TYPE)
    elif len(questions) > MAX_QUESTIONS:
        c.fail("questions", f"Не більше {MAX_QUESTIONS} питань.")
    else:
        checked = [q for i, raw in enumerate(questions) if (q := _check_question(c, i, raw))]
    c.done()
    return _SurveyInput(title, description or "", opens_at, closes_at, visibility, checked)


def _build_questions(questions: list[dict[str, Any]]) -> list[Question]:
    return [
        Question(
            position=position,
            text=q["text"],
            kind=q["kind"],
            required=q["required"],
            options=[Option(position=i, text=text) for i, text in enumerate(q["options"])],
        )
        for position, q in enumerate(questions)
    ]


def _questions_snapshot(survey: Survey) -> list[dict[str, Any]]:
    return [
        {
            "text": q.text,
            "kind": q.kind,
            "required": q.required,
            "options": [o.text for o in q.options],
        }
        for q in survey.questions
    ]


def _survey_snapshot(survey: Survey) -> dict[str, Any]:
    return {**audit.snapshot(survey, SURVEY_FIELDS), "questions": _questions_snapshot(survey)}


def create_survey(
    session: Session,
    actor: Actor,
    title: str,
    description: str,
    opens_at: datetime,
    closes_at: datetime,
    results_visibility: str = ResultsVisibility.AFTER_CLOSE,
    questions: Sequence[Mapping[str, Any]] = (),
    *,
    now: datetime | None = None,
) -> Survey:
    """A new survey in draft. ``questions``: ``[{"text", "kind", "required", "options"}]``."""
    require(actor, Perm.SURVEY_MANAGE)
    data = _check_survey(title, description, opens_at, closes_at, results_visibility, questions)
    survey = Survey(
        title=data.title,
        description=data.description,
        opens_at=data.opens_at,
        closes_at=data.closes_at,
        results_visibility=data.results_visibility,
        status=SurveyStatus.DRAFT,
        created_by_id=actor.user_id,
        questions=_build_questions(data.questions),
    )
    session.add(survey)
    flush(session)
    audit.record(
        session,
        actor,
        "survey.created",
        "survey",
        survey.id,
        audit.changes_between({}, _survey_snapshot(survey)),
    )
    return survey


def update_survey(
    session: Session,
    actor: Actor,
    survey_id: int,
    title: str,
    description: str,
    opens_at: datetime,
    closes_at: datetime,
    results_visibility: str,
    questions: Sequence[Mapping[str, Any]],
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Survey:
    """Replace a draft's fields and questions. Published surveys are not edited: ballots exist."""
    require(actor, Perm.SURVEY_MANAGE)
    survey = get_or_404(session, Survey, survey_id)
    check_version(survey, _optional_version(expected_version))
    if survey.status != SurveyStatus.DRAFT:
        raise InvalidTransition("Змінювати можна лише чернетку опитування.", status=survey.status)
    data = _check_survey(title, description, opens_at, closes_at, results_visibility, questions)
    before = _survey_snapshot(survey)
    survey.title = data.title
    survey.description = data.description
    survey.opens_at = data.opens_at
    survey.closes_at = data.closes_at
    survey.results_visibility = data.results_visibility
    # Old questions go first: the unit of work inserts before it deletes, and the new rows would
    # collide with the old ones on (survey_id, position).
    survey.questions.clear()
    flush(session)
    survey.questions.extend(_build_questions(data.questions))
    # Questions live in other tables: touch the survey so that its version moves too.
    survey.updated_at = utcnow()
    flush(session)
    audit.record(
        session,
        actor,
        "survey.updated",
        "survey",
        survey.id,
        audit.changes_between(before, _survey_snapshot(survey)),
    )
    return survey


def _check_publishable(survey: Survey, now: datetime) -> None:
    c = Checker()
    if not survey.questions:
        c.fail("questions", "Додайте щонайменше одне питання.")
    for index, question in enumerate(survey.questions):
        if question.kind != QuestionKind.TEXT and len(question.options) < 2:
            c.fail(f"questions.{index}.options", "Потрібно щонайменше два варіанти відповіді.")
    if survey.closes_at <= now:
        c.fail("closes_at", "Дата завершення вже минула.")
    c.done()


def _move_survey(
    session: Session,
    actor: Actor,
    survey_id: int,
    target: SurveyStatus,
    expected_version: int | None,
    now: datetime,
) -> Survey:
    # The permission first, so that a refused person learns nothing about the item.
    require(actor, Perm.SURVEY_MANAGE)
    survey = get_or_404(session, Survey, survey_id)
    check_version(survey, _optional_version(expected_version))
    SURVEY_LIFECYCLE.check(actor, survey.status, target)
    if target == SurveyStatus.PUBLISHED:
        _check_publishable(survey, now)
    before = audit.snapshot(survey, SURVEY_FIELDS)
    survey.status = target
    flush(session)
    audit.record(
        session,
        actor,
        f"survey.{target.value}",
        "survey",
        survey.id,
        audit.changes_between(before, audit.snapshot(survey, SURVEY_FIELDS)),
    )
    return survey


def publish_survey(
    session: Session,
    actor: Actor,
    survey_id: int,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Survey:
    """Draft -> published: needs a question, and two options for every choice question."""
    now = now or utcnow()
    return _move_survey(session, actor, survey_id, SurveyStatus.PUBLISHED, expected_version, now)


def close_survey(
    session: Session,
    actor: Actor,
    survey_id: int,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Survey:
    """Published -> closed (also before ``closes_at``: a moderator may stop a survey early)."""
    now = now or utcnow()
    return _move_survey(session, actor, survey_id, SurveyStatus.CLOSED, expected_version, now)


def archive_survey(
    session: Session,
    actor: Actor,
    survey_id: int,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Survey:
    now = now or utcnow()
    return _move_survey(session, actor, survey_id, SurveyStatus.ARCHIVED, expected_version, now)


def get_survey(session: Session, actor: Actor, survey_id: int) -> Survey:
    """A survey as the actor may see it: drafts only for staff who view surveys."""
    survey = get_or_404(session, Survey, survey_id)
    if survey.status == SurveyStatus.DRAFT and not can(actor, Perm.SURVEY_VIEW):
        raise NotFound()
    return survey


def list_surveys(
    session: Session,
    actor: Actor,
    *,
    status: str | None = None,
    limit: int = 50,
    after_id: int | None = None,
) -> list[Survey]:
    """Newest first, keyset on id. Residents see published, closed and archived surveys."""
    c = Checker()
    status = c.choice("status", status, SurveyStatus, required=False)
    limit = c.integer("limit", limit, minimum=1, maximum=PAGE_MAX)
    after_id = c.integer("after_id", after_id, required=False, minimum=1)
    c.done()
    query = select(Survey).order_by(Survey.id.desc()).limit(limit)
    if not can(actor, Perm.SURVEY_VIEW):
        query = query.where(Survey.status != SurveyStatus.DRAFT)
    if status is not None:
        query = query.where(Survey.status == status)
    if after_id is not None:
        query = query.where(Survey.id < after_id)
    return list(session.scalars(query))


def _voting_open(survey: Survey, now: datetime) -> bool:
    return survey.status == SurveyStatus.PUBLISHED and survey.opens_at <= now < survey.closes_at


def available_actions(
    session: Session, actor: Actor, survey: Survey, *, now: datetime | None = None
) -> list[str]:
    """What ``actor`` may do with ``survey`` now: the buttons and forms to show.

    Among: edit, publish, close, archive, vote, record_paper_ballot, view_results.
    """
    now = now or utcnow()
    actions: list[str] = []
    if survey.status == SurveyStatus.DRAFT and can(actor, Perm.SURVEY_MANAGE):
        actions.append("edit")
    actions += [_SURVEY_ACTIONS[t] for t in SURVEY_LIFECYCLE.targets(actor, survey.status)]
    if _voting_open(survey, now):
        if can(actor, Perm.BALLOT_CAST) and not _has_ballot(session, survey.id, actor.user_id):
            actions.append("vote")
        if can(actor, Perm.BALLOT_RECORD_PAPER):
            actions.append("record_paper_ballot")
    if _results_refusal(actor, survey, now) is None:
        actions.append("view_results")
    return actions


# --- ballots -------------------------------------------------------------------------------------


def _has_ballot(session: Session, survey_id: int, voter_id: int | None) -> bool:
    if voter_id is None:
        return False
    found = session.scalar(
        select(Ballot.id).where(Ballot.survey_id == survey_id, Ballot.voter_id == voter_id)
    )
    return found is not None


def has_voted(session: Session, actor: Actor, survey_id: int) -> bool:
    """Whether the signed-in actor has a ballot in the survey (on any channel)."""
    if not actor.signed_in:
        return False
    return _has_ballot(session, survey_id, actor.user_id)


def _survey_with_questions(session: Session, survey_id: Any, *, share_lock: bool) -> Survey:
    """The survey with its questions and options loaded in two queries, or NotFound.

    ``share_lock`` (ballots) lets ballots of one survey proceed side by side on PostgreSQL while
    a moderator closing the survey waits for the ballots in flight, and ballots after it see it
    closed.
    """
    if not isinstance(survey_id, int) or isinstance(survey_id, bool):
        raise NotFound()
    query = (
        select(Survey)
        .where(Survey.id == survey_id)
        .options(selectinload(Survey.questions).selectinload(Question.options))
    )
    if share_lock:
        query = query.with_for_update(read=True)
    survey = session.scalar(query)
    if survey is None:
        raise NotFound()
    return survey


def _require_voting_open(survey: Survey, now: datetime) -> None:
    if survey.status == SurveyStatus.DRAFT:
        raise InvalidTransition("Опитування ще не опубліковано.", code="survey_not_published")
    if survey.status != SurveyStatus.PUBLISHED or now >= survey.closes_at:
        raise InvalidTransition("Голосування в цьому опитуванні завершено.", code="voting_closed")
    if now < survey.opens_at:
        raise InvalidTransition(
            "Голосування в цьому опитуванні ще не почалося.", code="voting_not_started"
        )


def _answer_key(raw_key: Any) -> int | None:
    """Question ids arrive as ints (core callers) or digit strings (a web form)."""
    if isinstance(raw_key, bool):
        return None
    if isinstance(raw_key, int):
        return raw_key
    if isinstance(raw_key, str) and raw_key.strip().isdigit():
        return int(raw_key)
    return None


def _check_answers(c: Checker, survey: Survey, answers: Any) -> list[Answer]:
    if not isinstance(answers, Mapping):
        c.fail("answers", WRONG_TYPE)
        return []
    by_id = {q.id: q for q in survey.questions}
    given: dict[int, Any] = {}
    for raw_key, value in answers.items():
        key = _answer_key(raw_key)
        if key not in by_id:
            c.fail(f"answers.{raw_key}", "Такого питання в опитуванні немає.")
            continue
        given[key] = value
    rows: list[Answer] = []
    for question in survey.questions:
        rows += _check_answer(c, question, given.get(question.id))
    return rows


def _check_answer(c: Checker, question: Question, value: Any) -> list[Answer]:
    field = f"answers.{question.id}"
    if question.kind == QuestionKind.TEXT:
        text = c.text(
            field, value, required=question.required, max_length=TEXT_ANSWER_MAX, multiline=True
        )
        return [] if text is None else [Answer(question_id=question.id, text=text)]
    if question.kind == QuestionKind.SINGLE:
        if isinstance(value, list | tuple):
            c.fail(field, "Виберіть один варіант.")
            return []
        chosen = [value] if value not in (None, "") else []
    else:
        chosen = list(value) if isinstance(value, list | tuple | set) else [value]
        chosen = [v for v in chosen if v not in (None, "")]
    if not chosen:
        if question.required:
            c.fail(field, REQUIRED)
        return []
    option_ids = {o.id for o in question.options}
    picked: list[int] = []
    for raw in chosen:
        option_id = c.integer(field, raw)
        if option_id is None:
            return []
        if option_id not in option_ids:
            c.fail(field, "Такого варіанта немає в цьому питанні.")
            return []
        if option_id not in picked:
            picked.append(option_id)
    return [Answer(question_id=question.id, option_id=o) for o in picked]


def _store_ballot(
    session: Session,
    actor: Actor,
    survey: Survey,
    voter_id: int,
    rows: list[Answer],
    *,
    channel: str,
    recorded_by_id: int | None,
    now: datetime,
) -> Ballot:
    ballot = Ballot(
        survey_id=survey.id,
        voter_id=voter_id,
        cast_at=now,
        channel=channel,
        recorded_by_id=recorded_by_id,
        answers=rows,
    )
    session.add(ballot)
    try:
        flush(session, duplicate_message=ALREADY_VOTED)
    except Conflict as error:
        # The unique constraint caught a ballot that the check before missed (two at once).
        if error.code == "duplicate":
            raise Conflict(ALREADY_VOTED, code="already_voted") from error
        raise
    # The answers are not logged: the log is read by staff, and a vote is the person's own.
    audit.record(
        session,
        actor,
        "ballot.paper_recorded" if recorded_by_id else "ballot.cast",
        "ballot",
        ballot.id,
        {"survey_id": [None, survey.id], "voter_id": [None, voter_id], "channel": [None, channel]},
    )
    return ballot


def cast_ballot(
    session: Session,
    actor: Actor,
    survey_id: int,
    answers: Mapping[int, int | list[int] | str],
    *,
    now: datetime | None = None,
) -> Ballot:
    """A signed-in resident votes: ``answers`` maps question id -> option id, ids or text."""
    now = now or utcnow()
    require(actor, Perm.BALLOT_CAST)
    survey = _survey_with_questions(session, survey_id, share_lock=True)
    _require_voting_open(survey, now)
    if _has_ballot(session, survey.id, actor.user_id):
        raise Conflict(ALREADY_VOTED, code="already_voted")
    c = Checker()
    rows = _check_answers(c, survey, answers)
    c.done()
    return _store_ballot(
        session,
        actor,
        survey,
        actor.user_id,
        rows,
        channel=actor.channel.value,
        recorded_by_id=None,
        now=now,
    )


def record_paper_ballot(
    session: Session,
    actor: Actor,
    survey_id: int,
    voter_id: int,
    answers: Mapping[int, int | list[int] | str],
    *,
    now: datetime | None = None,
) -> Ballot:
    """A ЦНАП clerk records a resident's paper ballot at the desk; the resident is told."""
    now = now or utcnow()
    require(actor, Perm.BALLOT_RECORD_PAPER)
    if actor.channel == Channel.WEB:
        raise NotAllowed("Паперовий бюлетень вносять у робочому місці ЦНАП.", code="desktop_only")
    c = Checker()
    voter_id = c.integer("voter_id", voter_id, minimum=1)
    c.done()
    if session.get(User, voter_id) is None:
        raise InvalidInput({"voter_id": "Такої особи немає."})
    survey = _survey_with_questions(session, survey_id, share_lock=True)
    _require_voting_open(survey, now)
    if _has_ballot(session, survey.id, voter_id):
        raise Conflict("Ця особа вже проголосувала в цьому опитуванні.", code="already_voted")
    answers_checker = Checker()
    rows = _check_answers(answers_checker, survey, answers)
    answers_checker.done()
    ballot = _store_ballot(
        session,
        actor,
        survey,
        voter_id,
        rows,
        channel=actor.channel.value,
        recorded_by_id=actor.user_id,
        now=now,
    )
    # The person learns that a vote was recorded in their name: a wrong one is then noticed.
    notify(
        session,
        voter_id,
        f"Ваш паперовий бюлетень в опитуванні «{survey.title}» зараховано.",
        f"/democracy/surveys/{survey.id}",
    )
    flush(session)
    return ballot


# --- results -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OptionResult:
    option_id: int
    text: str
    count: int
    # Of the ballots that answered the question; for multiple choice the shares may add up to
    # more than 1.
    share: float


@dataclass(frozen=True)
class QuestionResult:
    question_id: int
    text: str
    kind: str
    answered: int  # ballots that answered this question
    options: list[OptionResult]
    text_answers: int


@dataclass(frozen=True)
class SurveyResults:
    survey_id: int
    status: str
    ballots: int
    questions: list[QuestionResult]


def _results_refusal(actor: Actor, survey: Survey, now: datetime) -> CoreError | None:
    """Why ``actor`` may not see the results now, or None when they may."""
    if can(actor, Perm.SURVEY_VIEW):
        return None
    if survey.status == SurveyStatus.DRAFT:
        return NotFound()
    if survey.results_visibility == ResultsVisibility.STAFF_ONLY:
        return NotAllowed("Результати цього опитування не оприлюднюються.", code="results_hidden")
    voting_over = survey.status != SurveyStatus.PUBLISHED or now >= survey.closes_at
    if survey.results_visibility == ResultsVisibility.AFTER_CLOSE and not voting_over:
        return NotAllowed(
            "Результати буде оприлюднено після завершення голосування.", code="results_not_yet"
        )
    return None


def results(
    session: Session, actor: Actor, survey_id: int, *, now: datetime | None = None
) -> SurveyResults:
    """Counts per option and shares, per question; counted in SQL."""
    now = now or utcnow()
    survey = _survey_with_questions(session, survey_id, share_lock=False)
    refusal = _results_refusal(actor, survey, now)
    if refusal is not None:
        raise refusal
    ballots = session.scalar(select(func.count(Ballot.id)).where(Ballot.survey_id == survey.id))
    in_survey = Answer.question_id.in_(select(Question.id).where(Question.survey_id == survey.id))
    per_question = {
        qid: (answered, texts)
        for qid, answered, texts in session.execute(
            select(
                Answer.question_id,
                func.count(func.distinct(Answer.ballot_id)),
                func.count(Answer.text),
            )
            .where(in_survey)
            .group_by(Answer.question_id)
        )
    }
    per_option = dict(
        session.execute(
            select(Answer.option_id, func.count())
            .where(in_survey, Answer.option_id.is_not(None))
            .group_by(Answer.option_id)
        ).all()
    )
    questions = []
    for q in survey.questions:
        answered, texts = per_question.get(q.id, (0, 0))
        options = [
            OptionResult(
                o.id,
                o.text,
                per_option.get(o.id, 0),
                per_option.get(o.id, 0) / answered if answered else 0.0,
            )
            for o in q.options
        ]
        questions.append(QuestionResult(q.id, q.text, q.kind, answered, options, texts))
    return SurveyResults(survey.id, survey.status, ballots, questions)


# --- discussions and comments --------------------------------------------------------------------


def create_discussion(
    session: Session, actor: Actor, title: str, body: str, *, now: datetime | None = None
) -> Discussion:
    require(actor, Perm.DISCUSSION_MANAGE)
    c = Checker()
    title = c.text("title", title, max_length=TITLE_MAX)
    body = c.text("body", body, required=False, max_length=DESCRIPTION_MAX, multiline=True)
    c.done()
    discussion = Discussion(
        title=title, body=body or "", status=DiscussionStatus.OPEN, created_by_id=actor.user_id
    )
    session.add(discussion)
    flush(session)
    audit.record(
        session,
        actor,
        "discussion.created",
        "discussion",
        discussion.id,
        audit.changes_between({}, audit.snapshot(discussion, DISCUSSION_FIELDS)),
    )
    return discussion


def close_discussion(
    session: Session,
    actor: Actor,
    discussion_id: int,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> Discussion:
    """No more comments; pending ones can still be moderated."""
    require(actor, Perm.DISCUSSION_MANAGE)
    discussion = get_or_404(session, Discussion, discussion_id)
    check_version(discussion, _optional_version(expected_version))
    if discussion.status != DiscussionStatus.OPEN:
        raise InvalidTransition("Обговорення вже закрито.", code="discussion_closed")
    before = audit.snapshot(discussion, DISCUSSION_FIELDS)
    discussion.status = DiscussionStatus.CLOSED
    flush(session)
    audit.record(
        session,
        actor,
        "discussion.closed",
        "discussion",
        discussion.id,
        audit.changes_between(before, audit.snapshot(discussion, DISCUSSION_FIELDS)),
    )
    return discussion


def post_comment(
    session: Session, actor: Actor, discussion_id: int, text: str, *, now: datetime | None = None
) -> Comment:
    """A signed-in person comments; the comment waits for a moderator (the author sees it)."""
    require(actor, Perm.COMMENT_POST)
    discussion = get_or_404(session, Discussion, discussion_id)
    if discussion.status != DiscussionStatus.OPEN:
        raise InvalidTransition("Обговорення закрито для коментарів.", code="discussion_closed")
    c = Checker()
    text = c.text("text", text, max_length=COMMENT_MAX, multiline=True)
    c.done()
    comment = Comment(
        discussion_id=discussion.id,
        author_id=actor.user_id,
        text=text,
        status=CommentStatus.PENDING,
    )
    session.add(comment)
    flush(session)
    audit.record(
        session,
        actor,
        "comment.posted",
        "comment",
        comment.id,
        {"discussion_id": [None, discussion.id], "status": [None, comment.status]},
    )
    return comment


def _required_version(value: Any) -> int:
    c = Checker()
    version = c.integer("version", value, minimum=1)
    c.done()
    return version


def _optional_version(value: Any) -> int | None:
    c = Checker()
    version = c.expected_version(value)
    c.done()
    return version


def _moderate(
    session: Session,
    actor: Actor,
    comment_id: int,
    target: CommentStatus,
    reason: str | None,
    expected_version: int,
    now: datetime,
) -> Comment:
    require(actor, Perm.COMMENT_MODERATE)
    version = _required_version(expected_version)
    comment = get_or_404(session, Comment, comment_id)
    # A replayed offline decision on a comment that moved since is the moderator's to resolve.
    check_version(comment, version, changed_by=user_name(session, comment.moderator_id))
    COMMENT_LIFECYCLE.check(actor, comment.status, target)
    before = audit.snapshot(comment, COMMENT_FIELDS)
    comment.status = target
    comment.moderator_id = actor.user_id
    comment.moderated_at = now
    comment.rejection_reason = reason
    flush(session)
    audit.record(
        session,
        actor,
        f"comment.{target.value}",
        "comment",
        comment.id,
        audit.changes_between(before, audit.snapshot(comment, COMMENT_FIELDS)),
    )
    return comment


def approve_comment(
    session: Session,
    actor: Actor,
    comment_id: int,
    *,
    expected_version: int,
    now: datetime | None = None,
) -> Comment:
    """Pending -> approved. ``expected_version`` is required (offline replay, DESIGN.md)."""
    now = now or utcnow()
    comment = _moderate(
        session, actor, comment_id, CommentStatus.APPROVED, None, expected_version, now
    )
    notify(
        session,
        comment.author_id,
        "Ваш коментар опубліковано.",
        f"/democracy/discussions/{comment.discussion_id}#comment-{comment.id}",
    )
    flush(session)
    return comment


def reject_comment(
    session: Session,
    actor: Actor,
    comment_id: int,
    reason: str,
    *,
    expected_version: int,
    now: datetime | None = None,
) -> Comment:
    """Pending -> rejected with a reason, which the author receives."""
    now = now or utcnow()
    c = Checker()
    reason = c.text("reason", reason, max_length=REASON_MAX, multiline=True)
    require(actor, Perm.COMMENT_MODERATE)  # before the field errors: they are for moderators
    c.done()
    comment = _moderate(
        session, actor, comment_id, CommentStatus.REJECTED, reason, expected_version, now
    )
    notify(
        session,
        comment.author_id,
        f"Ваш коментар не опубліковано. Причина: {reason}",
        f"/democracy/discussions/{comment.discussion_id}",
    )
    flush(session)
    return comment


def comment_actions(actor: Actor, comment: Comment) -> list[str]:
    """The moderation buttons for ``comment``: approve / reject when pending."""
    return [_COMMENT_ACTIONS[t] for t in COMMENT_LIFECYCLE.targets(actor, comment.status)]


def _check_page(limit: Any, after_id: Any) -> tuple[int, int | None]:
    c = Checker()
    limit = c.integer("limit", limit, minimum=1, maximum=PAGE_MAX)
    after_id = c.integer("after_id", after_id, required=False, minimum=0)
    c.done()
    return limit, after_id


def visible_comments(
    session: Session,
    actor: Actor,
    discussion_id: int,
    *,
    limit: int = 100,
    after_id: int | None = None,
) -> list[Comment]:
    """Approved comments, plus the actor's own pending and rejected ones; oldest first."""
    limit, after_id = _check_page(limit, after_id)
    discussion = get_or_404(session, Discussion, discussion_id)
    visible = Comment.status == CommentStatus.APPROVED
    if actor.signed_in:
        visible = or_(visible, Comment.author_id == actor.user_id)
    query = (
        select(Comment)
        .where(Comment.discussion_id == discussion.id, visible)
        .order_by(Comment.id)
        .limit(limit)
    )
    if after_id is not None:
        query = query.where(Comment.id > after_id)
    return list(session.scalars(query))


def moderation_queue(
    session: Session,
    actor: Actor,
    limit: int = 50,
    after_id: int | None = None,
    *,
    discussion_id: int | None = None,
) -> list[Comment]:
    """Pending comments, oldest first, a window at a time (keyset on id)."""
    require(actor, Perm.COMMENT_MODERATE)
    limit, after_id = _check_page(limit, after_id)
    query = (
        select(Comment)
        .where(Comment.status == CommentStatus.PENDING)
        .order_by(Comment.id)
        .limit(limit)
    )
    if after_id is not None:
        query = query.where(Comment.id > after_id)
    if discussion_id is not None:
        query = query.where(Comment.discussion_id == discussion_id)
    return list(session.scalars(query))


# --- the desktop's lists -------------------------------------------------------------------------
# Windows of rows for the moderator's tables (keyset on the sort key and id, filtered in SQL);
# the totals come from the ``*_count`` functions with the same request.

SURVEY_SORTS = frozenset({"id", "opens_at", "title"})
SURVEY_FILTERS = ("status",)
COMMENT_SORTS = frozenset({"id", "created_at"})
COMMENT_FILTERS = ("status", "discussion_id")
SEARCH_WORDS = 5
DISCUSSION_CHOICES_MAX = 200


def _filters_of(request: ListRequest, known: tuple[str, ...]) -> tuple[Checker, dict[str, Any]]:
    """A checker with every unknown filter named, and the known ones that have a value."""
    c = Checker()
    filters = request.filters
    if filters is None:
        return c, {}
    if not isinstance(filters, Mapping):
        c.fail("filters", WRONG_TYPE)
        c.done()
    chosen: dict[str, Any] = {}
    for key, value in filters.items():
        if key not in known:
            c.fail(f"filters.{str(key)[:40]}", "Невідомий фільтр.")
        elif value is not None and value != "":
            chosen[key] = value
    return c, chosen


def _statuses(c: Checker, field: str, value: Any, allowed: type) -> list[str]:
    """One status or a list of them, each one of ``allowed``."""
    values = list(value) if isinstance(value, list | tuple | set | frozenset) else [value]
    chosen: list[str] = []
    for item in values:
        if not isinstance(item, str):
            c.fail(field, WRONG_TYPE)
            return []
        status = c.choice(field, item, allowed)
        if status is None:
            return []
        chosen.append(status)
    return chosen


def _search_condition(text: Any, fields: list[ColumnElement]) -> ColumnElement[bool] | None:
    """Every word (up to ``SEARCH_WORDS``) somewhere in ``fields``, ignoring case."""
    if text is None:
        return None
    if not isinstance(text, str):
        raise InvalidInput({"search": WRONG_TYPE})
    words = []
    for word in text[:100].split()[:SEARCH_WORDS]:
        pattern = listing.search_pattern(word)
        if pattern:
            words.append(or_(*(listing.matches(column, pattern) for column in fields)))
    return and_(*words) if words else None


def _survey_list_statement(actor: Actor, request: ListRequest) -> Select:
    require(actor, Perm.SURVEY_VIEW)
    c, filters = _filters_of(request, SURVEY_FILTERS)
    statuses = (
        _statuses(c, "filters.status", filters["status"], SurveyStatus)
        if "status" in filters
        else []
    )
    c.done()
    ballots = (
        select(func.count(Ballot.id))
        .where(Ballot.survey_id == Survey.id)
        .correlate(Survey)
        .scalar_subquery()
    )
    stmt = select(
        Survey.id.label("id"),
        Survey.title.label("title"),
        Survey.status.label("status"),
        Survey.opens_at.label("opens_at"),
        Survey.closes_at.label("closes_at"),
        ballots.label("ballots"),
        Survey.results_visibility.label("results_visibility"),
        Survey.version.label("version"),
    )
    if statuses:
        stmt = stmt.where(Survey.status.in_(statuses))
    search = _search_condition(request.search, [Survey.title])
    if search is not None:
        stmt = stmt.where(search)
    return stmt


def survey_rows(session: Session, actor: Actor, request: ListRequest) -> list[dict[str, Any]]:
    """A window of the surveys list for the desktop, drafts included.

    Each row: id, title, status, opens_at, closes_at, ballots (how many so far),
    results_visibility, version. Sorts: id, opens_at, title; filter: status (one or a list);
    the search looks in the title.
    """
    stmt = _survey_list_statement(actor, request)
    return listing.fetch_page(session, stmt, request, SURVEY_SORTS)


def survey_count(session: Session, actor: Actor, request: ListRequest) -> int:
    """How many rows ``survey_rows`` has with the same search and filters."""
    return listing.count_rows(session, _survey_list_statement(actor, request))


@dataclass(frozen=True)
class SurveyDetail:
    """A survey for the desktop's detail panel: questions and options loaded, the actions."""

    survey: Survey
    actions: list[str]
    ballots: int


def survey_detail(
    session: Session, actor: Actor, survey_id: int, *, now: datetime | None = None
) -> SurveyDetail:
    require(actor, Perm.SURVEY_VIEW)
    survey = _survey_with_questions(session, survey_id, share_lock=False)
    ballots = session.scalar(select(func.count(Ballot.id)).where(Ballot.survey_id == survey.id))
    return SurveyDetail(survey, available_actions(session, actor, survey, now=now), ballots or 0)


def person_has_voted(session: Session, actor: Actor, survey_id: int, voter_id: int) -> bool:
    """Whether ``voter_id`` has a ballot in the survey: the clerk asks before the paper one."""
    require(actor, Perm.BALLOT_RECORD_PAPER)
    c = Checker()
    survey_id = c.integer("survey_id", survey_id, minimum=1)
    voter_id = c.integer("voter_id", voter_id, minimum=1)
    c.done()
    return _has_ballot(session, survey_id, voter_id)


def _comment_list_statement(actor: Actor, request: ListRequest) -> Select:
    require(actor, Perm.COMMENT_MODERATE)
    c, filters = _filters_of(request, COMMENT_FILTERS)
    statuses = (
        _statuses(c, "filters.status", filters["status"], CommentStatus)
        if "status" in filters
        else []
    )
    discussion_id = (
        c.integer("filters.discussion_id", filters["discussion_id"], minimum=1)
        if "discussion_id" in filters
        else None
    )
    c.done()
    author = aliased(User)
    moderator = aliased(User)
    stmt = (
        select(
            Comment.id.label("id"),
            Comment.discussion_id.label("discussion_id"),
            Discussion.title.label("discussion"),
            author.full_name.label("author"),
            Comment.text.label("text"),
            Comment.status.label("status"),
            Comment.created_at.label("created_at"),
            moderator.full_name.label("moderator"),
            Comment.rejection_reason.label("rejection_reason"),
            Comment.version.label("version"),
        )
        .select_from(Comment)
        .join(Discussion, Discussion.id == Comment.discussion_id)
        .join(author, author.id == Comment.author_id)
        .outerjoin(moderator, moderator.id == Comment.moderator_id)
    )
    if statuses:
        stmt = stmt.where(Comment.status.in_(statuses))
    if discussion_id is not None:
        stmt = stmt.where(Comment.discussion_id == discussion_id)
    search = _search_condition(request.search, [Comment.text, author.full_name])
    if search is not None:
        stmt = stmt.where(search)
    return stmt


def comment_rows(session: Session, actor: Actor, request: ListRequest) -> list[dict[str, Any]]:
    """A window of comments for the moderator (the desktop asks ``status: pending`` first).

    Each row: id, discussion_id, discussion (title), author (name), text, status, created_at,
    moderator (name), rejection_reason, version, and ``actions`` (approve / reject while
    pending, from the lifecycle). Sorts: id, created_at; filters: status (one or a list),
    discussion_id; the search looks in the text and the author's name.
    """
    stmt = _comment_list_statement(actor, request)
    rows = listing.fetch_page(session, stmt, request, COMMENT_SORTS)
    for row in rows:
        row["actions"] = [
            _COMMENT_ACTIONS[t] for t in COMMENT_LIFECYCLE.targets(actor, row["status"])
        ]
    return rows


def comment_count(session: Session, actor: Actor, request: ListRequest) -> int:
    """How many rows ``comment_rows`` has with the same search and filters."""
    return listing.count_rows(session, _comment_list_statement(actor, request))


def discussion_choices(session: Session, actor: Actor) -> list[tuple[int, str]]:
    """(id, title) of the newest discussions, for the moderator's filter."""
    require(actor, Perm.COMMENT_MODERATE)
    return [
        (row.id, row.title)
        for row in session.execute(
            select(Discussion.id, Discussion.title)
            .order_by(Discussion.id.desc())
            .limit(DISCUSSION_CHOICES_MAX)
        )
    ]


# --- the portal's lists --------------------------------------------------------------------------
# What residents browse: surveys by phase, discussions, the ballots they cast. No drafts ever.


class VotingPhase(StrEnum):
    DRAFT = "draft"
    UPCOMING = "upcoming"  # published, voting not started yet
    OPEN = "open"
    OVER = "over"  # closed, archived, or published with the closing time passed


def voting_phase(survey: Survey, *, now: datetime | None = None) -> VotingPhase:
    """Where ``survey`` stands for voting now (the label a list shows beside a survey)."""
    now = now or utcnow()
    if survey.status == SurveyStatus.DRAFT:
        return VotingPhase.DRAFT
    if survey.status != SurveyStatus.PUBLISHED or now >= survey.closes_at:
        return VotingPhase.OVER
    if now < survey.opens_at:
        return VotingPhase.UPCOMING
    return VotingPhase.OPEN


PUBLIC_PHASES = ("current", "finished")


def public_surveys(
    session: Session,
    actor: Actor,
    *,
    phase: str,
    limit: int = 50,
    after_id: int | None = None,
    now: datetime | None = None,
) -> list[Survey]:
    """Surveys everyone may browse, newest first (keyset on id); drafts never, staff included.

    ``phase``: ``current`` — published and not past the closing time (voting now or soon);
    ``finished`` — closed, archived, or published with the closing time passed.
    """
    now = now or utcnow()
    c = Checker()
    phase = c.choice("phase", phase, PUBLIC_PHASES)
    limit, after_id = _check_page_in(c, limit, after_id)
    c.done()
    published = Survey.status == SurveyStatus.PUBLISHED
    if phase == "current":
        condition = and_(published, Survey.closes_at > now)
    else:
        condition = or_(
            Survey.status.in_((SurveyStatus.CLOSED, SurveyStatus.ARCHIVED)),
            and_(published, Survey.closes_at <= now),
        )
    query = select(Survey).where(condition).order_by(Survey.id.desc()).limit(limit)
    if after_id is not None:
        query = query.where(Survey.id < after_id)
    return list(session.scalars(query))


def _check_page_in(c: Checker, limit: Any, after_id: Any) -> tuple[int | None, int | None]:
    limit = c.integer("limit", limit, minimum=1, maximum=PAGE_MAX)
    after_id = c.integer("after_id", after_id, required=False, minimum=1)
    return limit, after_id


def get_discussion(session: Session, actor: Actor, discussion_id: int) -> Discussion:
    """A discussion, open or closed: discussions are public."""
    if not isinstance(discussion_id, int) or isinstance(discussion_id, bool):
        raise NotFound()
    return get_or_404(session, Discussion, discussion_id)


def list_discussions(
    session: Session,
    actor: Actor,
    *,
    status: str | None = None,
    limit: int = 50,
    after_id: int | None = None,
) -> list[Discussion]:
    """Discussions, newest first (keyset on id); ``status``: open or closed, None for both."""
    c = Checker()
    status = c.choice("status", status, DiscussionStatus, required=False)
    limit, after_id = _check_page_in(c, limit, after_id)
    c.done()
    query = select(Discussion).order_by(Discussion.id.desc()).limit(limit)
    if status is not None:
        query = query.where(Discussion.status == status)
    if after_id is not None:
        query = query.where(Discussion.id < after_id)
    return list(session.scalars(query))


def discussion_actions(actor: Actor, discussion: Discussion) -> list[str]:
    """What ``actor`` may do in ``discussion`` now: ``comment`` while it is open."""
    if discussion.status == DiscussionStatus.OPEN and can(actor, Perm.COMMENT_POST):
        return ["comment"]
    return []


@dataclass(frozen=True)
class CastBallot:
    """A survey the resident voted in (the answers stay in the ballot: nobody lists them)."""

    ballot_id: int
    survey_id: int
    title: str
    status: str
    cast_at: datetime
    channel: str


def my_ballots(
    session: Session, actor: Actor, *, limit: int = 50, after_id: int | None = None
) -> list[CastBallot]:
    """The signed-in person's ballots, newest first (keyset on the ballot id), paper ones too."""
    if not actor.signed_in:
        raise NotAllowed(code="sign_in_required")
    c = Checker()
    limit, after_id = _check_page_in(c, limit, after_id)
    c.done()
    query = (
        select(Ballot.id, Survey.id, Survey.title, Survey.status, Ballot.cast_at, Ballot.channel)
        .join(Survey, Survey.id == Ballot.survey_id)
        .where(Ballot.voter_id == actor.user_id)
        .order_by(Ballot.id.desc())
        .limit(limit)
    )
    if after_id is not None:
        query = query.where(Ballot.id < after_id)
    return [CastBallot(*row) for row in session.execute(query)]
