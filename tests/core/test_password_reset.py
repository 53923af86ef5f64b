"""A resident's own account: password reset by a one-hour, one-use link, and profile edits."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from backoffice.core import people as accounts
from backoffice.core.actor import Actor
from backoffice.core.errors import Conflict, InvalidInput, NotAllowed
from backoffice.core.passwords import hash_password, verify_password
from backoffice.models import ActivityEntry, utcnow

VISITOR = Actor.anonymous("10.0.0.2")
NEW = "Нове-гасло-2026"


def _actions(session):
    return [e.action for e in session.scalars(select(ActivityEntry).order_by(ActivityEntry.id))]


@pytest.fixture
def resident(people):
    return people.resident(password_hash=hash_password("Старе-гасло-2025"))


def test_a_reset_request_names_the_account_and_the_current_password(session, resident):
    request = accounts.request_password_reset(session, VISITOR, resident.email.upper())
    assert request.user_id == resident.id
    assert request.fingerprint == accounts.password_fingerprint(resident)
    assert request.email == resident.email
    assert "user.password_reset_requested" in _actions(session)


@pytest.mark.parametrize("blocked", [False, True])
def test_unknown_or_blocked_addresses_get_nothing(session, people, blocked):
    if blocked:
        email = people.resident(blocked=True, password_hash=hash_password("x" * 12)).email
    else:
        email = "nobody@example.com"
    assert accounts.request_password_reset(session, VISITOR, email) is None
    assert "user.password_reset_refused" in _actions(session)


def test_a_malformed_address_is_invalid_input(session):
    with pytest.raises(InvalidInput) as caught:
        accounts.request_password_reset(session, VISITOR, "not an address")
    assert "email" in caught.value.fields


def test_the_link_sets_a_new_password_once(session, resident):
    issued = utcnow()
    request = accounts.request_password_reset(session, VISITOR, resident.email, now=issued)
    resident.failed_sign_ins, resident.locked_until = 7, issued + timedelta(minutes=10)
    session.flush()
    user = accounts.reset_password(
        session, VISITOR, request.user_id, request.fingerprint, NEW, issued_at=issued
    )
    assert verify_password(user.password_hash, NEW)
    assert user.failed_sign_ins == 0 and user.locked_until is None
    assert "user.password_reset" in _actions(session)
    with pytest.raises(NotAllowed) as caught:
        accounts.reset_password(
            session,
            VISITOR,
            request.user_id,
            request.fingerprint,
            "Ще-одне-гасло-1",
            issued_at=issued,
        )
    assert caught.value.code == "reset_invalid"


def test_a_link_older_than_an_hour_is_refused(session, resident):
    issued = utcnow() - accounts.RESET_VALID_FOR - timedelta(seconds=1)
    request = accounts.request_password_reset(session, VISITOR, resident.email)
    with pytest.raises(NotAllowed) as caught:
        accounts.reset_password(
            session, VISITOR, request.user_id, request.fingerprint, NEW, issued_at=issued
        )
    assert caught.value.code == "reset_expired"


def test_a_link_from_the_future_is_refused(session, resident):
    request = accounts.request_password_reset(session, VISITOR, resident.email)
    with pytest.raises(NotAllowed) as caught:
        accounts.reset_password(
            session,
            VISITOR,
            request.user_id,
            request.fingerprint,
            NEW,
            issued_at=utcnow() + timedelta(hours=2),
        )
    assert caught.value.code == "reset_expired"


def test_a_password_changed_meanwhile_voids_the_link(session, resident):
    request = accounts.request_password_reset(session, VISITOR, resident.email)
    accounts.change_password(session, Actor.for_user(resident, "web"), "Старе-гасло-2025", NEW)
    with pytest.raises(NotAllowed) as caught:
        accounts.reset_password(
            session,
            VISITOR,
            request.user_id,
            request.fingerprint,
            "Інше-гасло-77",
            issued_at=utcnow(),
        )
    assert caught.value.code == "reset_invalid"


@pytest.mark.parametrize(("user_id", "fingerprint"), [(10**9, "0" * 32), (None, "x"), ("1", None)])
def test_made_up_links_are_invalid(session, resident, user_id, fingerprint):
    with pytest.raises(NotAllowed) as caught:
        accounts.reset_password(session, VISITOR, user_id, fingerprint, NEW, issued_at=utcnow())
    assert caught.value.code == "reset_invalid"


def test_a_wrong_fingerprint_is_invalid(session, resident):
    with pytest.raises(NotAllowed) as caught:
        accounts.reset_password(session, VISITOR, resident.id, "0" * 32, NEW, issued_at=utcnow())
    assert caught.value.code == "reset_invalid"


def test_a_blocked_account_cannot_reset(session, resident):
    request = accounts.request_password_reset(session, VISITOR, resident.email)
    resident.blocked = True
    session.flush()
    with pytest.raises(NotAllowed) as caught:
        accounts.reset_password(
            session, VISITOR, request.user_id, request.fingerprint, NEW, issued_at=utcnow()
        )
    assert caught.value.code == "blocked"


def test_a_weak_new_password_names_the_field(session, resident):
    request = accounts.request_password_reset(session, VISITOR, resident.email)
    with pytest.raises(InvalidInput) as caught:
        accounts.reset_password(
            session, VISITOR, request.user_id, request.fingerprint, "short", issued_at=utcnow()
        )
    assert "new_password" in caught.value.fields


def test_a_walk_in_resident_without_a_password_sets_one(session, people):
    walk_in = people.resident()
    request = accounts.request_password_reset(session, VISITOR, walk_in.email)
    user = accounts.reset_password(
        session, VISITOR, walk_in.id, request.fingerprint, NEW, issued_at=utcnow()
    )
    assert verify_password(user.password_hash, NEW)


# --- profile ---------------------------------------------------------------------------------


def test_a_resident_edits_their_profile(session, resident):
    actor = Actor.for_user(resident, "web")
    user = accounts.update_profile(
        session,
        actor,
        full_name="  Олена Нова  ",
        phone="067 765 43 21",
        address="вул. Руська, 1",
        expected_version=resident.version,
    )
    assert (user.full_name, user.phone, user.address) == (
        "Олена Нова",
        "+380677654321",
        "вул. Руська, 1",
    )
    entry = session.scalars(
        select(ActivityEntry).where(ActivityEntry.action == "user.profile_updated")
    ).one()
    assert entry.changes["full_name"][1] == "Олена Нова"
    assert entry.changes["address"] == ["…", "…"]  # personal data is not copied into the log


def test_profile_needs_a_signed_in_person(session):
    with pytest.raises(NotAllowed) as caught:
        accounts.update_profile(session, VISITOR, full_name="Хтось Такий")
    assert caught.value.code == "sign_in_required"


@pytest.mark.parametrize(
    ("field", "value"),
    [("full_name", ""), ("full_name", "Я" * 201), ("phone", "12"), ("address", "a\nb")],
)
def test_bad_profile_names_the_field(session, resident, field, value):
    values = {"full_name": "Олена Нова", "phone": None, "address": None, field: value}
    with pytest.raises(InvalidInput) as caught:
        accounts.update_profile(session, Actor.for_user(resident, "web"), **values)
    assert field in caught.value.fields


def test_a_stale_profile_form_is_a_conflict(session, resident):
    with pytest.raises(Conflict):
        accounts.update_profile(
            session,
            Actor.for_user(resident, "web"),
            full_name="Олена Нова",
            expected_version=resident.version + 5,
        )


def test_a_link_can_be_checked_before_use(session, resident):
    request = accounts.request_password_reset(session, VISITOR, resident.email)
    accounts.check_password_reset(session, resident.id, request.fingerprint, issued_at=utcnow())
    with pytest.raises(NotAllowed) as caught:
        accounts.check_password_reset(
            session, resident.id, request.fingerprint, issued_at=utcnow() - timedelta(hours=2)
        )
    assert caught.value.code == "reset_expired"


def test_the_profile_form_version_may_come_as_text(session, resident):
    user = accounts.update_profile(
        session,
        Actor.for_user(resident, "web"),
        full_name="Олена Нова",
        expected_version=str(resident.version),
    )
    assert user.full_name == "Олена Нова"
