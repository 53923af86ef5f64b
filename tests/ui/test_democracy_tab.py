"""The surveys and discussions tab: lists, the survey editor, publishing, paper ballots at the
desk, results, and comment moderation with stale versions — data set up through core in
committed sessions, the screen driven as a person would."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QMessageBox
from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.core import democracy
from backoffice.core.actor import Actor, Channel
from backoffice.models import Ballot, Comment, Role, Survey, User, utcnow
from backoffice.ui.dialogs.democracy import (
    PaperBallotDialog,
    ResultsDialog,
    SurveyEditor,
    results_text,
    text_bar,
)
from backoffice.ui.main_window import MainWindow
from backoffice.ui.tabs.democracy import Panel, tooltip_html
from tests.ui.helpers import wait_until_loaded

QUESTIONS = [
    {
        "text": "Який парк облаштувати першим?",
        "kind": "single",
        "options": ["Топільче", "Сопільче"],
    },
    {"text": "Що додати?", "kind": "multiple", "required": False, "options": ["Лави", "Світло"]},
    {"text": "Ваші побажання", "kind": "text", "required": False},
]


# --- data through core, committed ---------------------------------------------------------------


def as_actor(user: User) -> Actor:
    return Actor.for_user(user, Channel.DESKTOP)


def make_survey(engine, author: User, *, title="Парки Тернополя", publish=True) -> int:
    now = utcnow()
    with Session(engine, expire_on_commit=False) as session, session.begin():
        actor = as_actor(author)
        survey = democracy.create_survey(
            session,
            actor,
            title,
            "Опис",
            now - timedelta(days=1),
            now + timedelta(days=7),
            "after_close",
            QUESTIONS,
        )
        if publish:
            democracy.publish_survey(session, actor, survey.id)
        return survey.id


_serial = itertools.count(1)


def make_residents(engine, *names: str) -> list[int]:
    with Session(engine, expire_on_commit=False) as session, session.begin():
        users = []
        for name in names:
            n = next(_serial)
            users.append(
                User(email=f"voter{n}@example.com", full_name=name, phone=f"+38067{n:07d}")
            )
        session.add_all(users)
        session.flush()
        return [u.id for u in users]


def make_comments(engine, moderator: User, *texts: str, author_name="Ірина Коваленко") -> list[int]:
    (author_id,) = make_residents(engine, author_name)
    with Session(engine, expire_on_commit=False) as session, session.begin():
        author = Actor(user_id=author_id, channel=Channel.WEB, name=author_name)
        discussion = democracy.create_discussion(
            session, as_actor(moderator), "Велодоріжки", "Де їх прокласти?"
        )
        return [democracy.post_comment(session, author, discussion.id, t).id for t in texts]


def comment(engine, comment_id: int) -> Comment:
    with Session(engine) as session:
        found = session.get(Comment, comment_id)
        session.expunge(found)
        return found


def signed_in_user(engine, backend) -> User:
    with Session(engine) as session:
        return session.get(User, backend.user_id)


def open_panel(qtbot, backend, *, show=False) -> Panel:
    panel = Panel(backend)
    qtbot.addWidget(panel)
    if show:
        panel.resize(1400, 800)
        panel.show()
        qtbot.waitExposed(panel)
    panel.start()
    wait_until_loaded(qtbot, panel.surveys)
    return panel


def select_survey(qtbot, panel: Panel, survey_id: int) -> None:
    surveys = panel.surveys
    qtbot.waitUntil(lambda: surveys.model.position_of(survey_id) is not None)
    surveys.table.selectRow(surveys.model.position_of(survey_id))
    qtbot.waitUntil(lambda: surveys.detail is not None and surveys.detail.survey.id == survey_id)


def show_comments(qtbot, panel: Panel):
    panel.tabs.setCurrentWidget(panel.comments)
    wait_until_loaded(qtbot, panel.comments)
    return panel.comments


def error_boxes(widget) -> list[QMessageBox]:
    return [box for box in widget.findChildren(QMessageBox) if box.isVisible()]


@pytest.fixture(autouse=True)
def no_questions_asked(monkeypatch):
    """Publishing, closing and archiving ask first: the person says yes."""
    monkeypatch.setattr("backoffice.ui.tabs.democracy.confirm", lambda *a, **k: True)


# --- the lists ---------------------------------------------------------------------------------


def test_the_surveys_list_loads_and_filters(qtbot, qtmodeltester, signed_in, committed_engine):
    backend = signed_in(Role.MODERATOR)
    moderator = signed_in_user(committed_engine, backend)
    make_survey(committed_engine, moderator, title="Чернетка", publish=False)
    make_survey(committed_engine, moderator, title="Парки")
    panel = open_panel(qtbot, backend)
    assert panel.tabs.count() == 2
    assert panel.tabs.currentWidget() is panel.surveys
    assert [r["title"] for r in panel.surveys.model.rows] == ["Парки", "Чернетка"]  # newest first
    qtmodeltester.check(panel.surveys.model, force_py=True)
    qtbot.waitUntil(lambda: panel.surveys.model.total == 2)
    assert panel.surveys.model.rows[0]["ballots"] == 0

    panel.surveys.status_filter.setCurrentIndex(panel.surveys.status_filter.findData("draft"))
    qtbot.waitUntil(lambda: [r["title"] for r in panel.surveys.model.rows] == ["Чернетка"])
    panel.surveys.search.setText("ПАРКИ")
    panel.surveys.status_filter.setCurrentIndex(0)
    qtbot.waitUntil(lambda: [r["title"] for r in panel.surveys.model.rows] == ["Парки"])
    panel.refresh()
    wait_until_loaded(qtbot, panel.surveys)
    panel.save_layout()


def test_the_comment_queue_loads_pending_first(qtbot, qtmodeltester, signed_in, committed_engine):
    backend = signed_in(Role.MODERATOR)
    moderator = signed_in_user(committed_engine, backend)
    ids = make_comments(committed_engine, moderator, "Перший", "Другий", "Третій")
    with Session(committed_engine) as session, session.begin():
        democracy.approve_comment(session, as_actor(moderator), ids[1], expected_version=1)
    panel = open_panel(qtbot, backend)
    comments = show_comments(qtbot, panel)
    assert [r["text"] for r in comments.model.rows] == ["Перший", "Третій"]  # pending only
    qtmodeltester.check(comments.model, force_py=True)
    qtbot.waitUntil(lambda: comments.discussion_filter.count() == 2)
    assert comments.discussion_filter.itemText(1) == "Велодоріжки"

    comments.status_filter.setCurrentIndex(comments.status_filter.findData(None))
    qtbot.waitUntil(lambda: comments.model.rowCount() == 3 and not comments.model.loading)
    comments.discussion_filter.setCurrentIndex(1)
    comments.search.setText("другий")
    qtbot.waitUntil(lambda: [r["text"] for r in comments.model.rows] == ["Другий"])
    assert comments.model.request.filters == {
        "discussion_id": comments.model.rows[0]["discussion_id"]
    }
    panel.refresh()  # both lists have been shown: both reload
    wait_until_loaded(qtbot, panel.surveys)
    wait_until_loaded(qtbot, comments)


def test_a_clerk_sees_the_paper_ballot_but_not_publish(qtbot, signed_in, committed_engine):
    moderator_backend = signed_in(Role.MODERATOR)
    moderator = signed_in_user(committed_engine, moderator_backend)
    published = make_survey(committed_engine, moderator, title="Триває")
    draft = make_survey(committed_engine, moderator, title="Чернетка", publish=False)
    backend = signed_in(Role.CLERK)
    panel = open_panel(qtbot, backend)
    assert panel.comments is None and panel.tabs.count() == 1
    assert not panel.surveys.new_button.isVisibleTo(panel)
    buttons = panel.surveys.actions.buttons
    select_survey(qtbot, panel, published)
    assert buttons["record_paper_ballot"].isVisibleTo(panel)
    assert buttons["view_results"].isVisibleTo(panel)
    for hidden in ("publish", "close", "archive", "edit"):
        assert not buttons[hidden].isVisibleTo(panel), hidden
    select_survey(qtbot, panel, draft)
    assert not buttons["publish"].isVisibleTo(panel)
    assert not buttons["edit"].isVisibleTo(panel)
    assert not buttons["record_paper_ballot"].isVisibleTo(panel)


# --- the survey editor ---------------------------------------------------------------------------


def kyiv_wall_clock(y, m, d, h, minute=0) -> QDateTime:
    return QDateTime(QDate(y, m, d), QTime(h, minute), QTimeZone.utc())


def fill_question(editor: SurveyEditor, text: str, kind: str, options: list[str], required=True):
    editor.findChild(type(editor.add_question_button), "question-add").click()
    row = editor.table.rowCount() - 1
    editor.table.item(row, 0).setText(text)
    combo = editor.table.cellWidget(row, 1)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(kind))
    if not required:
        editor.table.item(row, 2).setCheckState(Qt.CheckState.Unchecked)
    for position, option in enumerate(options):
        editor.findChild(type(editor.add_question_button), "option-add").click()
        editor.options.item(position).setText(option)


def test_create_a_survey_through_the_editor(qtbot, signed_in, committed_engine):
    backend = signed_in(Role.MODERATOR)
    panel = open_panel(qtbot, backend)
    assert panel.surveys.new_button.isVisibleTo(panel)
    editor = panel.surveys.new_survey()
    editor.title.setText("Нові зупинки")
    editor.description.setPlainText("Де поставити <i>павільйони</i>?")
    editor.opens_at.setDateTime(kyiv_wall_clock(2030, 5, 1, 10))
    editor.closes_at.setDateTime(kyiv_wall_clock(2030, 5, 15, 18, 30))
    editor.visibility.setCurrentIndex(editor.visibility.findData("always"))
    fill_question(editor, "Яка зупинка?", "single", ["Центр", "Дружба", "Аляска"])
    fill_question(editor, "Що потрібно?", "multiple", ["Лава", "Дах"], required=False)
    fill_question(editor, "Коментар", "text", [], required=False)
    # Reorder and remove options of the first question; move the text question up.
    editor.table.setCurrentCell(0, 0)
    editor.options.setCurrentRow(2)
    editor.move_option(-1)  # Центр, Аляска, Дружба
    editor.options.setCurrentRow(2)
    editor.remove_option()  # Центр, Аляска
    editor.table.setCurrentCell(2, 0)
    editor.move_question(-1)
    assert not editor.options_box.isEnabled()  # a text question has no options

    with qtbot.waitSignal(editor.saved, timeout=20_000) as saved:
        editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    survey_id = saved.args[0].id
    with Session(committed_engine) as session:
        survey = session.get(Survey, survey_id)
        assert (survey.title, survey.status, survey.results_visibility) == (
            "Нові зупинки",
            "draft",
            "always",
        )
        assert survey.description == "Де поставити <i>павільйони</i>?"
        # 10:00 in Kyiv on 1 May (summer time, UTC+3) is 07:00 UTC.
        assert survey.opens_at == datetime(2030, 5, 1, 7, 0, tzinfo=UTC)
        assert survey.closes_at == datetime(2030, 5, 15, 15, 30, tzinfo=UTC)
        shape = [
            (q.text, q.kind, q.required, [o.text for o in q.options]) for q in survey.questions
        ]
        assert shape == [
            ("Яка зупинка?", "single", True, ["Центр", "Аляска"]),
            ("Коментар", "text", False, []),
            ("Що потрібно?", "multiple", False, ["Лава", "Дах"]),
        ]
    qtbot.waitUntil(lambda: panel.surveys.model.position_of(survey_id) is not None)
    assert panel.surveys.notice.text() == "Опитування збережено."


def test_edit_a_draft_and_see_core_refuse_bad_input(qtbot, signed_in, committed_engine):
    backend = signed_in(Role.MODERATOR)
    moderator = signed_in_user(committed_engine, backend)
    survey_id = make_survey(committed_engine, moderator, title="Чернетка", publish=False)
    panel = open_panel(qtbot, backend)
    select_survey(qtbot, panel, survey_id)
    panel.surveys.perform("edit")
    editor = panel.surveys.dialog
    assert isinstance(editor, SurveyEditor)
    assert editor.title.text() == "Чернетка" and editor.table.rowCount() == 3
    assert [editor.options.item(i).text() for i in range(2)] == ["Топільче", "Сопільче"]

    editor.title.setText("")
    editor.closes_at.setDateTime(editor.opens_at.dateTime().addSecs(-3600))
    save = editor.buttons.button(QDialogButtonBox.StandardButton.Save)
    save.click()
    qtbot.waitUntil(lambda: editor.error.text() != "")
    assert "Назва" in editor.error.text() and "Завершення" in editor.error.text()
    assert editor.isVisible()  # nothing typed is lost

    editor.title.setText("Парки і сквери")
    editor.closes_at.setDateTime(editor.opens_at.dateTime().addDays(3))
    editor.table.setCurrentCell(0, 0)
    editor.options.item(1).setText("Сопільче-2")
    with qtbot.waitSignal(editor.saved, timeout=20_000):
        save.click()
    with Session(committed_engine) as session:
        survey = session.get(Survey, survey_id)
        assert survey.title == "Парки і сквери" and survey.version > 1
        assert [o.text for o in survey.questions[0].options] == ["Топільче", "Сопільче-2"]


# --- publishing, paper ballots, results ----------------------------------------------------------


def choose_person(qtbot, dialog: PaperBallotDialog, search: str) -> bool:
    """Finds one resident by ``search``, picks them; whether they have voted already."""
    dialog.search.setText(search)

    def one_found() -> bool:
        item = dialog.found.item(0)
        return dialog.found.count() == 1 and item.data(Qt.ItemDataRole.UserRole) is not None

    qtbot.waitUntil(one_found)
    with qtbot.waitSignal(dialog.voterChecked, timeout=20_000) as checked:
        dialog.found.setCurrentRow(0)
    return checked.args[0]


def test_publish_record_paper_ballots_and_see_results(qtbot, signed_in, committed_engine):
    backend = signed_in(Role.MODERATOR)
    moderator = signed_in_user(committed_engine, backend)
    survey_id = make_survey(committed_engine, moderator, publish=False)
    (voter_id,) = make_residents(committed_engine, "Оксана Паперова")
    panel = open_panel(qtbot, backend)
    select_survey(qtbot, panel, survey_id)
    panel.surveys.perform("publish")
    qtbot.waitUntil(
        lambda: (
            panel.surveys.detail is not None and panel.surveys.detail.survey.status == "published"
        )
    )
    assert not panel.surveys.actions.buttons["publish"].isVisibleTo(panel)
    assert panel.surveys.actions.buttons["close"].isVisibleTo(panel)

    # A clerk at the desk records the resident's paper ballot.
    backend = signed_in(Role.CLERK)
    panel = open_panel(qtbot, backend)
    select_survey(qtbot, panel, survey_id)
    panel.surveys.perform("record_paper_ballot")
    dialog = panel.surveys.dialog
    assert isinstance(dialog, PaperBallotDialog)
    assert not choose_person(qtbot, dialog, "паперова")
    assert dialog.ok.isEnabled()
    single, multiple, text = dialog.survey.questions
    dialog.answers[single.id].button(single.options[1].id).setChecked(True)
    for box in dialog.answers[multiple.id]:
        box.setChecked(True)
    dialog.answers[text.id].setPlainText("Більше тіні")
    with qtbot.waitSignal(dialog.recorded, timeout=20_000):
        dialog.ok.click()
    with Session(committed_engine) as session:
        ballot = session.scalar(select(Ballot).where(Ballot.survey_id == survey_id))
        assert (ballot.voter_id, ballot.channel, ballot.recorded_by_id) == (
            voter_id,
            "desktop",
            backend.user_id,
        )
        assert len(ballot.answers) == 4
    qtbot.waitUntil(lambda: panel.surveys.fields.labels["ballots"].text() == "1")
    assert panel.surveys.notice.text() == "Паперовий бюлетень зараховано."

    # The same person again: the dialog says so before any answer is marked ...
    panel.surveys.perform("record_paper_ballot")
    again = panel.surveys.dialog
    assert again is not dialog
    assert choose_person(qtbot, again, "Оксана")
    assert "вже проголосував(ла)" in again.chosen.text()
    assert not again.ok.isEnabled()
    # ... and core refuses it should the ballot be sent anyway.
    again.answers[single.id].button(single.options[0].id).setChecked(True)
    again.submit()
    qtbot.waitUntil(lambda: again.error.text() != "")
    assert again.error.text() == "Ця особа вже проголосувала в цьому опитуванні."
    assert again.isVisible() and not again.ok.isEnabled()
    with Session(committed_engine) as session:
        assert session.query(Ballot).filter_by(survey_id=survey_id).count() == 1
    again.reject()

    # Results: the counts and shares as text bars.
    panel.surveys.perform("view_results")
    qtbot.waitUntil(lambda: isinstance(panel.surveys.dialog, ResultsDialog))
    shown = panel.surveys.dialog.text.toPlainText()
    assert "Бюлетенів: 1" in shown
    assert f"Топільче  {text_bar(0.0)}   0.0%  0" in shown
    assert f"Сопільче  {text_bar(1.0)} 100.0%  1" in shown
    assert "Відповідей текстом: 1" in shown


def test_close_and_archive_and_a_stale_survey(qtbot, signed_in, committed_engine, make_staff):
    backend = signed_in(Role.MODERATOR)
    survey_id = make_survey(committed_engine, signed_in_user(committed_engine, backend))
    panel = open_panel(qtbot, backend)
    surveys = panel.surveys

    def shown_status() -> str | None:
        return surveys.detail.survey.status if surveys.detail is not None else None

    select_survey(qtbot, panel, survey_id)
    surveys.perform("close")
    qtbot.waitUntil(lambda: shown_status() == "closed")
    assert surveys.actions.buttons["archive"].isVisibleTo(panel)
    # Another moderator archives it meanwhile: this screen's copy is stale.
    other = make_staff(Role.MODERATOR, name="Марта Інша")
    with Session(committed_engine) as session, session.begin():
        democracy.archive_survey(session, as_actor(other), survey_id)
    surveys.perform("archive")
    qtbot.waitUntil(lambda: bool(error_boxes(surveys)))
    assert "змінив(ла)" in error_boxes(surveys)[0].text()
    qtbot.waitUntil(lambda: shown_status() == "archived")
    assert surveys.detail.actions == ["view_results"]
    assert not surveys.actions.buttons["archive"].isVisibleTo(panel)


def test_paper_ballot_answers_are_checked_by_core(qtbot, signed_in, committed_engine):
    backend = signed_in(Role.MODERATOR)
    survey_id = make_survey(committed_engine, signed_in_user(committed_engine, backend))
    make_residents(committed_engine, "Петро Неуважний")
    backend = signed_in(Role.CLERK)
    panel = open_panel(qtbot, backend)
    select_survey(qtbot, panel, survey_id)
    panel.surveys.perform("record_paper_ballot")
    dialog = panel.surveys.dialog
    dialog.submit()
    assert dialog.error.text() == "Спочатку знайдіть і виберіть мешканця."
    assert not choose_person(qtbot, dialog, "неуважний")
    dialog.ok.click()  # the required first question left empty
    qtbot.waitUntil(lambda: dialog.error.text() != "")
    assert "Питання 1" in dialog.error.text()
    assert dialog.ok.isEnabled() and dialog.isVisible()


def test_results_text_shares_and_bars():
    results = democracy.SurveyResults(
        1,
        "closed",
        4,
        [
            democracy.QuestionResult(
                10,
                "Парк?",
                "single",
                4,
                [
                    democracy.OptionResult(1, "Топільче", 3, 0.75),
                    democracy.OptionResult(2, "<b>Сопільче</b>", 1, 0.25),
                ],
                0,
            )
        ],
    )
    text = results_text("Парки", results)
    assert f"Топільче         {text_bar(0.75)}  75.0%  3" in text
    assert f"<b>Сопільче</b>  {text_bar(0.25)}  25.0%  1" in text
    assert text_bar(0.5, 4) == "██░░"


# --- comment moderation ---------------------------------------------------------------------------


def wait_for_row(qtbot, queue, comment_id: int) -> None:
    qtbot.waitUntil(lambda: queue.model.position_of(comment_id) is not None)
    queue.table.selectRow(queue.model.position_of(comment_id))
    assert queue.selected["id"] == comment_id


def test_approve_and_reject_update_the_database_and_the_queue(
    qtbot, signed_in, committed_engine, monkeypatch
):
    backend = signed_in(Role.MODERATOR)
    moderator = signed_in_user(committed_engine, backend)
    first, second, third = make_comments(committed_engine, moderator, "Так", "Ні", "Можливо")
    panel = open_panel(qtbot, backend)
    queue = show_comments(qtbot, panel)
    assert [r["id"] for r in queue.model.rows] == [first, second, third]
    wait_for_row(qtbot, queue, first)
    assert queue.actions.buttons["approve"].isVisibleTo(panel)

    with qtbot.waitSignal(panel.changed, timeout=20_000):
        queue.perform("approve")
    qtbot.waitUntil(lambda: [r["id"] for r in queue.model.rows] == [second, third])
    qtbot.waitUntil(lambda: queue.selected is not None and queue.selected["id"] == second)
    approved = comment(committed_engine, first)
    assert (approved.status, approved.moderator_id) == ("approved", backend.user_id)

    monkeypatch.setattr("backoffice.ui.tabs.democracy.ask_text", lambda *a, **k: "Не по темі")
    queue.perform("reject")
    qtbot.waitUntil(lambda: [r["id"] for r in queue.model.rows] == [third])
    rejected = comment(committed_engine, second)
    assert (rejected.status, rejected.rejection_reason) == ("rejected", "Не по темі")

    # Cancelling the reason changes nothing.
    monkeypatch.setattr("backoffice.ui.tabs.democracy.ask_text", lambda *a, **k: None)
    wait_for_row(qtbot, queue, third)
    queue.perform("reject")
    assert comment(committed_engine, third).status == "pending"


def test_keyboard_a_approves_and_r_rejects(qtbot, signed_in, committed_engine, monkeypatch):
    backend = signed_in(Role.MODERATOR)
    moderator = signed_in_user(committed_engine, backend)
    first, second = make_comments(committed_engine, moderator, "Перший", "Другий")
    panel = open_panel(qtbot, backend, show=True)
    queue = show_comments(qtbot, panel)
    wait_for_row(qtbot, queue, first)
    panel.activateWindow()
    queue.table.setFocus()
    qtbot.waitUntil(queue.table.hasFocus)
    qtbot.keyClick(queue.table, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: comment(committed_engine, first).status == "approved")
    qtbot.waitUntil(lambda: queue.selected is not None and queue.selected["id"] == second)
    monkeypatch.setattr("backoffice.ui.tabs.democracy.ask_text", lambda *a, **k: "Спам")
    qtbot.waitUntil(queue.table.hasFocus)
    qtbot.keyClick(queue.table, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: comment(committed_engine, second).status == "rejected")
    qtbot.waitUntil(lambda: queue.model.rowCount() == 0 and not queue.model.loading)


def test_a_stale_version_says_who_changed_it_and_reloads(
    qtbot, signed_in, committed_engine, make_staff
):
    backend = signed_in(Role.MODERATOR)
    moderator = signed_in_user(committed_engine, backend)
    (comment_id,) = make_comments(committed_engine, moderator, "Спірний")
    panel = open_panel(qtbot, backend)
    queue = show_comments(qtbot, panel)
    wait_for_row(qtbot, queue, comment_id)
    # Another moderator decides meanwhile, on another desktop.
    other = make_staff(Role.MODERATOR, name="Марта Інша")
    with Session(committed_engine) as session, session.begin():
        democracy.reject_comment(session, as_actor(other), comment_id, "Дубль", expected_version=1)

    queue.perform("approve")
    qtbot.waitUntil(lambda: bool(error_boxes(queue)))
    assert "Марта Інша" in error_boxes(queue)[0].text()
    qtbot.waitUntil(lambda: queue.model.rowCount() == 0 and not queue.model.loading)
    stored = comment(committed_engine, comment_id)
    assert (stored.status, stored.rejection_reason) == ("rejected", "Дубль")


def test_residents_markup_is_shown_literally(qtbot, signed_in, committed_engine):
    backend = signed_in(Role.MODERATOR)
    moderator = signed_in_user(committed_engine, backend)
    (comment_id,) = make_comments(
        committed_engine, moderator, "<b>x</b>", author_name="<i>Автор</i>"
    )
    survey_id = make_survey(committed_engine, moderator, title="<b>x</b>")
    panel = open_panel(qtbot, backend)
    select_survey(qtbot, panel, survey_id)
    title = panel.surveys.fields.labels["title"]
    assert title.text() == "<b>x</b>" and title.textFormat() == Qt.TextFormat.PlainText

    queue = show_comments(qtbot, panel)
    wait_for_row(qtbot, queue, comment_id)
    assert queue.text_view.text() == "<b>x</b>"
    assert queue.text_view.textFormat() == Qt.TextFormat.PlainText
    author = queue.fields.labels["author"]
    assert author.text() == "<i>Автор</i>" and author.textFormat() == Qt.TextFormat.PlainText
    column = [c.key for c in queue.model.columns].index("text")
    index = queue.model.index(0, column)
    assert queue.model.data(index) == "<b>x</b>"
    assert "&lt;b&gt;x&lt;/b&gt;" in tooltip_html(queue.model.data(index))


# --- screenshots ---------------------------------------------------------------------------------


def test_screenshots(qtbot, signed_in, committed_engine):
    """Each sub-view as the person sees it: /tmp/democracy_*.png (looked at by hand)."""
    backend = signed_in(Role.MODERATOR, Role.CLERK)
    moderator = signed_in_user(committed_engine, backend)
    draft_id = make_survey(committed_engine, moderator, title="Бюджет участі 2026", publish=False)
    survey_id = make_survey(committed_engine, moderator, title="Парки Тернополя")
    make_residents(committed_engine, "Оксана Знімкова")
    make_comments(
        committed_engine,
        moderator,
        "Потрібна велодоріжка вздовж Тернопільського ставу.",
        "<b>x</b> — тег показано як текст",
        "Довгий коментар. " * 30,
    )
    panel = open_panel(qtbot, backend, show=True)
    select_survey(qtbot, panel, survey_id)
    panel.grab().save("/tmp/democracy_surveys.png")

    queue = show_comments(qtbot, panel)
    queue.table.selectRow(1)
    panel.grab().save("/tmp/democracy_comments.png")

    panel.tabs.setCurrentWidget(panel.surveys)
    select_survey(qtbot, panel, draft_id)
    panel.surveys.perform("edit")
    editor = panel.surveys.dialog
    qtbot.waitExposed(editor)
    editor.grab().save("/tmp/democracy_editor.png")
    editor.reject()

    select_survey(qtbot, panel, survey_id)
    panel.surveys.perform("record_paper_ballot")
    dialog = panel.surveys.dialog
    choose_person(qtbot, dialog, "знімкова")
    qtbot.waitExposed(dialog)
    dialog.grab().save("/tmp/democracy_ballot.png")
    single = dialog.survey.questions[0]
    dialog.answers[single.id].button(single.options[0].id).setChecked(True)
    with qtbot.waitSignal(dialog.recorded, timeout=20_000):
        dialog.ok.click()

    panel.surveys.perform("view_results")
    qtbot.waitUntil(lambda: isinstance(panel.surveys.dialog, ResultsDialog))
    qtbot.waitExposed(panel.surveys.dialog)
    panel.surveys.dialog.grab().save("/tmp/democracy_results.png")


def test_the_main_window_shows_the_tab(qtbot, signed_in, committed_engine):
    backend = signed_in(Role.MODERATOR)
    make_comments(committed_engine, signed_in_user(committed_engine, backend), "Новий")
    window = MainWindow(backend)
    qtbot.addWidget(window)
    panel = window.panels["democracy"]
    assert isinstance(panel, Panel)
    window.tabs.setCurrentWidget(panel)
    window.start()
    wait_until_loaded(qtbot, panel.surveys)
    window.on_live_change("democracy")  # a new comment on the portal
    wait_until_loaded(qtbot, panel.surveys)
    with qtbot.waitSignal(panel.changed, timeout=20_000):
        comments = show_comments(qtbot, panel)
        wait_for_row(qtbot, comments, comments.model.rows[0]["id"])
        comments.perform("approve")
    window.close()
