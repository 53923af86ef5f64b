"""E-Democracy: surveys (vote while open, results as the survey allows) and discussions whose
comments wait for a moderator (their author sees them meanwhile).

Core decides everything: which surveys are listed (``public_surveys``), whether this visitor may
vote (``available_actions``), whether the results are public (``results`` refuses otherwise),
which comments are visible (``visible_comments``). The ballot's field names are
``answers.<question id>``: core's field errors come back under the same names.
"""

from __future__ import annotations

from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from backoffice.core import democracy
from backoffice.core.errors import Conflict, InvalidTransition, NotAllowed
from backoffice.models import QuestionKind
from backoffice.web import cabinet, db
from backoffice.web.forms import Form
from backoffice.web.nav import NavItem

bp = Blueprint("democracy", __name__, url_prefix="/democracy")
NAV = [
    NavItem(
        "democracy.surveys",
        _l("Опитування"),
        _l("Голосуйте в опитуваннях громади та дивіться їхні результати."),
    ),
    NavItem(
        "democracy.discussions",
        _l("Обговорення"),
        _l("Громадські обговорення міських рішень: читайте й коментуйте."),
        header=False,
    ),
]

CURRENT_SHOWN = 50  # surveys open now or soon: a handful at any time
FINISHED_PAGE = 20
DISCUSSIONS_PAGE = 30
COMMENTS_PAGE = 200  # the notification links (#comment-<id>) land on the first page
PANEL_SHOWN = 20


def _answer_field(question_id: int) -> str:
    return f"answers.{question_id}"


# --- surveys -------------------------------------------------------------------------------------


@bp.get("/surveys")
def surveys():
    session = db.session()
    after = request.args.get("after") or None
    current = (
        []
        if after
        else democracy.public_surveys(session, g.actor, phase="current", limit=CURRENT_SHOWN)
    )
    finished = democracy.public_surveys(
        session, g.actor, phase="finished", limit=FINISHED_PAGE, after_id=after
    )
    return render_template(
        "democracy/surveys.html",
        current=[(s, democracy.voting_phase(s)) for s in current],
        finished=finished,
        after=after,
        more=finished[-1].id if len(finished) == FINISHED_PAGE else None,
    )


@bp.route("/surveys/<int:survey_id>", methods=["GET", "POST"])
def survey(survey_id: int):
    session = db.session()
    item = democracy.get_survey(session, g.actor, survey_id)
    questions = list(item.questions)
    form = Form([_answer_field(q.id) for q in questions])
    chosen: dict[str, list[str]] = {}
    refusal = None
    if form.submitted:
        answers: dict[int, str | list[str]] = {}
        for q in questions:
            name = _answer_field(q.id)
            values = request.form.getlist(name)
            chosen[name] = values
            answers[q.id] = values if q.kind == QuestionKind.MULTIPLE else (values or [""])[0]
        with form.core_errors():  # a missing or wrong answer: beside its question
            try:
                democracy.cast_ballot(session, g.actor, item.id, answers)
            except (Conflict, InvalidTransition) as error:  # voted already, voting closed
                db.failed()
                refusal = error.message
            else:
                flash(_("Дякуємо! Ваш голос зараховано."), "success")
                return redirect(url_for(".survey", survey_id=item.id), code=303)
        item = democracy.get_survey(session, g.actor, survey_id)  # the failure rolled back
        questions = list(item.questions)

    actions = democracy.available_actions(session, g.actor, item)
    outcome, results_note = None, None
    try:
        outcome = democracy.results(session, g.actor, item.id)
    except NotAllowed as error:  # not public (yet): core says why
        results_note = error.message
    status = form.status if form.has_errors else (409 if refusal else 200)
    return render_template(
        "democracy/survey.html",
        survey=item,
        questions=questions,
        phase=democracy.voting_phase(item),
        can_vote="vote" in actions,
        voted=democracy.has_voted(session, g.actor, item.id),
        form=form,
        chosen=chosen,
        refusal=refusal,
        outcome=outcome,
        results_note=results_note,
    ), status


# --- discussions ---------------------------------------------------------------------------------


@bp.get("/discussions")
def discussions():
    session = db.session()
    after = request.args.get("after") or None
    open_ones = (
        []
        if after
        else democracy.list_discussions(session, g.actor, status="open", limit=DISCUSSIONS_PAGE)
    )
    closed = democracy.list_discussions(
        session, g.actor, status="closed", limit=DISCUSSIONS_PAGE, after_id=after
    )
    return render_template(
        "democracy/discussions.html",
        open_ones=open_ones,
        closed=closed,
        after=after,
        more=closed[-1].id if len(closed) == DISCUSSIONS_PAGE else None,
    )


@bp.route("/discussions/<int:discussion_id>", methods=["GET", "POST"])
def discussion(discussion_id: int):
    session = db.session()
    item = democracy.get_discussion(session, g.actor, discussion_id)
    form = Form(("text",))
    refusal = None
    if form.submitted:
        with form.core_errors():  # an empty or too long comment: beside the field
            try:
                comment = democracy.post_comment(session, g.actor, item.id, form["text"])
            except InvalidTransition as error:  # the discussion has closed meanwhile
                db.failed()
                refusal = error.message
            else:
                flash(
                    _("Коментар надіслано. Його опублікують після перевірки модератором."),
                    "success",
                )
                return redirect(_comment_url(item.id, comment.id), code=303)
        item = democracy.get_discussion(session, g.actor, discussion_id)

    after = request.args.get("after") or None
    comments = democracy.visible_comments(
        session, g.actor, item.id, limit=COMMENTS_PAGE, after_id=after
    )
    status = form.status if form.has_errors else (409 if refusal else 200)
    return render_template(
        "democracy/discussion.html",
        discussion=item,
        comments=comments,
        can_comment="comment" in democracy.discussion_actions(g.actor, item),
        form=form,
        refusal=refusal,
        after=after,
        more=comments[-1].id if len(comments) == COMMENTS_PAGE else None,
    ), status


def _comment_url(discussion_id: int, comment_id: int) -> str:
    """The page that shows the comment: the first one, or the one starting at it."""
    first = democracy.visible_comments(db.session(), g.actor, discussion_id, limit=COMMENTS_PAGE)
    on_first = any(c.id == comment_id for c in first)
    return url_for(
        ".discussion",
        discussion_id=discussion_id,
        after=None if on_first else comment_id - 1,
        _anchor=f"comment-{comment_id}",
    )


# --- the cabinet's panel -------------------------------------------------------------------------


def _my_votes(session, actor) -> dict:
    return {"ballots": democracy.my_ballots(session, actor, limit=PANEL_SHOWN)}


@bp.record_once
def _add_panel(state) -> None:
    cabinet.add_panel(state.app, cabinet.Panel("democracy/panel.html", _my_votes))
