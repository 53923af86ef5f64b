"""Reads the resident portal needs: one service of the public catalog, an appeal's files."""

from __future__ import annotations

import pytest

from backoffice.core import reception, services
from backoffice.core.actor import Actor
from backoffice.core.errors import NotAllowed, NotFound
from backoffice.models import Role

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


@pytest.fixture
def catalog(session, people):
    admin = people.actor(people.staff(Role.ADMIN))
    category = services.create_category(session, admin, code="docs", title="Документи")
    open_one = services.create_service(
        session, admin, code="open", category_id=category.id, title="Довідка"
    )
    closed = services.create_service(
        session, admin, code="closed", category_id=category.id, title="Закрита", active=False
    )
    return open_one, closed


def test_public_service_is_an_active_one_for_anyone(session, catalog):
    open_one, closed = catalog
    assert services.public_service(session, open_one.id) is open_one
    with pytest.raises(NotFound):
        services.public_service(session, closed.id)
    for wrong in (999_999, "1", True, None):
        with pytest.raises(NotFound):
            services.public_service(session, wrong)


def test_appeal_files_are_listed_for_the_applicant_and_staff_only(session, people):
    owner_user = people.resident()
    owner = people.actor(owner_user, "web")
    officer = people.actor(people.staff(Role.RECEPTION))
    appeal = reception.submit(
        session,
        owner,
        kind="appeal",
        subject="Тема",
        text="Текст",
        attachments=[("photo.png", PNG)],
    )
    reception.register(session, officer, appeal.id)
    reception.assign(session, officer, appeal.id, officer.user_id)
    reception.answer(session, officer, appeal.id, "Відповідь", [("answer.pdf", PDF)])

    listed = reception.appeal_files(session, owner, appeal.id)
    assert [(f["name"], f["purpose"], f["media_type"]) for f in listed] == [
        ("photo.png", "attachment", "image/png"),
        ("answer.pdf", "response", "application/pdf"),
    ]
    assert listed[1]["size"] == len(PDF)
    assert reception.appeal_files(session, officer, appeal.id) == listed

    stranger = people.actor(people.resident(), "web")
    with pytest.raises(NotFound):
        reception.appeal_files(session, stranger, appeal.id)
    with pytest.raises(NotAllowed) as refused:
        reception.appeal_files(session, Actor.anonymous(), appeal.id)
    assert refused.value.code == "sign_in_required"


def test_service_term_falls_back_to_the_default(session, catalog, people):
    open_one, _closed = catalog
    assert services.service_term(open_one) == (30, "calendar")  # no term of its own
    open_one.term_days, open_one.term_counts = 5, "working"
    assert services.service_term(open_one) == (5, "working")
