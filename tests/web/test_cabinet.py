"""The resident's notifications: their own only, marked read one by one or all at once."""

from __future__ import annotations

from sqlalchemy import select

from backoffice.core import notifications
from backoffice.models import Notification


def _notes(db, user_id):
    with db() as session:
        return session.scalars(
            select(Notification).where(Notification.user_id == user_id).order_by(Notification.id)
        ).all()


def test_the_cabinet_needs_a_signed_in_resident(portal):
    assert portal.get("/cabinet/").headers["Location"] == "/sign-in?next=/cabinet/"


def test_notifications_are_listed_counted_and_marked_read(portal, resident, db):
    with db() as session:
        notifications.notify(session, resident.id, "Заяву №1 прийнято", link="/cabinet/")
        notifications.notify(session, resident.id, "Звернення №2 отримало відповідь")
        notifications.notify(session, resident.id, "Третє")
    portal.sign_in(resident.email)
    page = portal.page("/cabinet/")
    assert "Заяву №1 прийнято" in page and "Звернення №2 отримало відповідь" in page
    assert '<span class="badge">3<' in page
    first, *_rest = _notes(db, resident.id)

    response = portal.submit("/cabinet/", {}, action=f"/cabinet/notifications/{first.id}/read")
    assert response.status_code == 303 and response.headers["Location"] == "/cabinet/"
    page = portal.page("/cabinet/")
    assert "позначено як прочитане" in page and '<span class="badge">2<' in page
    assert f"/cabinet/notifications/{first.id}/read" not in page

    portal.submit("/cabinet/", {}, action="/cabinet/notifications/read-all")
    page = portal.page("/cabinet/")
    assert "Позначено як прочитані: 2." in page
    assert 'class="badge"' not in page and "Позначити всі як прочитані" not in page
    assert all(n.read_at is not None for n in _notes(db, resident.id))


def test_another_residents_notification_is_not_found(portal, resident, make_resident, db):
    other = make_resident()
    with db() as session:
        notifications.notify(session, other.id, "Чуже сповіщення")
    (theirs,) = _notes(db, other.id)
    portal.sign_in(resident.email)
    assert "Чуже сповіщення" not in portal.page("/cabinet/")
    response = portal.submit("/cabinet/", {}, action=f"/cabinet/notifications/{theirs.id}/read")
    assert response.status_code == 404
    assert _notes(db, other.id)[0].read_at is None
    response = portal.submit("/cabinet/", {}, action="/cabinet/notifications/999999/read")
    assert response.status_code == 404


def test_marking_read_while_signed_out_asks_to_sign_in(portal, resident, db):
    with db() as session:
        notifications.notify(session, resident.id, "Сповіщення")
    (note,) = _notes(db, resident.id)
    response = portal.submit(
        "/sign-in", {}, action=f"/cabinet/notifications/{note.id}/read", headers={}
    )
    assert response.status_code == 303
    assert response.headers["Location"].startswith("/sign-in")
    assert _notes(db, resident.id)[0].read_at is None


def test_a_notification_that_turned_read_elsewhere_counts_zero(portal, resident, db):
    with db() as session:
        notifications.notify(session, resident.id, "Сповіщення")
    portal.sign_in(resident.email)
    (note,) = _notes(db, resident.id)
    token_page = portal.page("/cabinet/")
    portal.submit("/cabinet/", {}, action=f"/cabinet/notifications/{note.id}/read")
    from tests.web.conftest import csrf_token

    again = portal.post(
        f"/cabinet/notifications/{note.id}/read", data={"csrf_token": csrf_token(token_page)}
    )
    assert again.status_code == 303  # already read: nothing to do, no error


def test_following_a_notification_marks_it_read_and_goes_to_its_page(
    portal, resident, make_resident, db
):
    with db() as session:
        notifications.notify(session, resident.id, "Заяву прийнято", link="/orders/5")
        notifications.notify(session, resident.id, "Підозріле", link="//evil.example/x")
        notifications.notify(session, resident.id, "Без посилання")
    followed, odd, plain = _notes(db, resident.id)
    portal.sign_in(resident.email)
    page = portal.page("/cabinet/")
    assert f'<a href="/cabinet/notifications/{followed.id}">Заяву прийнято</a>' in page
    assert "evil.example" not in page  # another site's address is never a link

    response = portal.get(f"/cabinet/notifications/{followed.id}")
    assert response.status_code == 303 and response.headers["Location"] == "/orders/5"
    assert _notes(db, resident.id)[0].read_at is not None
    response = portal.get(f"/cabinet/notifications/{odd.id}")
    assert response.headers["Location"] == "/cabinet/"  # never off the site
    assert portal.get(f"/cabinet/notifications/{plain.id}").headers["Location"] == "/cabinet/"

    other = make_resident()
    with db() as session:
        notifications.notify(session, other.id, "Чуже", link="/orders/6")
    (theirs,) = _notes(db, other.id)
    assert portal.get(f"/cabinet/notifications/{theirs.id}").status_code == 404
    assert _notes(db, other.id)[0].read_at is None


def test_local_links_are_this_sites_own_only():
    assert notifications.is_local_link("/orders/1")
    for link in (None, "", "orders/1", "//x.example", "/\\x.example", "https://x.example"):
        assert not notifications.is_local_link(link)
