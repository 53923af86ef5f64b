"""Residents' registration, sign-in and its throttling, staff accounts, roles, blocking."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from backoffice.core import people as accounts
from backoffice.core.actor import Actor, Channel
from backoffice.core.errors import Conflict, InvalidInput, NotAllowed, NotFound
from backoffice.core.passwords import hash_password
from backoffice.models import ActivityEntry, Role, utcnow

VISITOR = Actor.anonymous("10.0.0.1")
GOOD = {
    "email": "olena.koval@example.com",
    "full_name": "Олена Коваль",
    "password": "Тернопіль-2026!",
    "phone": "067 123 45 67",
    "tax_number": "3006202563",
    "consent": True,
}


def _entries(session, action):
    return session.scalars(select(ActivityEntry).where(ActivityEntry.action == action)).all()


def test_a_resident_registers(session):
    user = accounts.register_resident(session, VISITOR, **GOOD)
    assert user.id is not None
    assert user.phone == "+380671234567"
    assert user.password_hash.startswith("$argon2id$")
    assert user.consent_at is not None
    assert not user.is_staff
    assert _entries(session, "user.registered")[-1].entity_id == user.id


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("email", ""),
        ("email", "not-an-email"),
        ("email", 42),
        ("full_name", ""),
        ("full_name", "Я" * 201),
        ("full_name", ["list"]),
        ("password", "short"),
        ("password", "aaaaaaaaaaaa"),
        ("phone", "12345"),
        ("tax_number", "1234567890"),
        ("tax_number", "12345"),
        ("consent", False),
    ],
)
def test_bad_registration_names_the_field(session, field, value):
    with pytest.raises(InvalidInput) as caught:
        accounts.register_resident(session, VISITOR, **{**GOOD, field: value})
    assert field in caught.value.fields


def test_every_bad_field_is_named_at_once(session):
    with pytest.raises(InvalidInput) as caught:
        accounts.register_resident(
            session, VISITOR, email="", full_name="", password="", consent=None
        )
    assert {"email", "full_name", "password", "consent"} <= set(caught.value.fields)


def test_html_in_a_name_is_kept_as_typed(session):
    user = accounts.register_resident(
        session, VISITOR, **{**GOOD, "full_name": "<script>alert(1)</script>"}
    )
    assert user.full_name == "<script>alert(1)</script>"


def test_an_email_registers_once_whatever_its_case(session):
    accounts.register_resident(session, VISITOR, **GOOD)
    with pytest.raises(InvalidInput) as caught:
        accounts.register_resident(session, VISITOR, **{**GOOD, "email": "Olena.Koval@EXAMPLE.com"})
    assert "email" in caught.value.fields


def test_sign_in_with_the_right_password(session):
    accounts.register_resident(session, VISITOR, **GOOD)
    result = accounts.authenticate(
        session, "OLENA.koval@example.com", GOOD["password"], channel="web"
    )
    assert result.ok
    assert result.user.last_sign_in_at is not None
    assert _entries(session, "auth.signed_in")


def test_wrong_password_and_unknown_email_say_the_same(session):
    accounts.register_resident(session, VISITOR, **GOOD)
    wrong = accounts.authenticate(session, GOOD["email"], "wrong password!", channel="web")
    unknown = accounts.authenticate(session, "nobody@example.com", "wrong password!", channel="web")
    assert (wrong.ok, unknown.ok) == (False, False)
    assert wrong.message == unknown.message
    assert len(_entries(session, "auth.failed")) >= 2


def test_repeated_failures_lock_the_account_for_a_growing_time(session):
    user = accounts.register_resident(session, VISITOR, **GOOD)
    now = utcnow()
    for _ in range(5):
        assert accounts.authenticate(
            session, GOOD["email"], "nope", channel="web", now=now
        ).code == ("wrong_credentials")
    assert user.locked_until is not None
    first_lock = user.locked_until - now
    # Locked: even the right password is refused until the lock ends.
    locked = accounts.authenticate(session, GOOD["email"], GOOD["password"], channel="web", now=now)
    assert locked.code == "throttled"
    assert locked.retry_after > 0
    later = user.locked_until + timedelta(seconds=1)
    accounts.authenticate(session, GOOD["email"], "nope", channel="web", now=later)
    assert user.locked_until - later > first_lock
    after_lock = user.locked_until + timedelta(seconds=1)
    ok = accounts.authenticate(
        session, GOOD["email"], GOOD["password"], channel="web", now=after_lock
    )
    assert ok.ok
    assert user.failed_sign_ins == 0


def test_blocked_account_cannot_sign_in(session):
    user = accounts.register_resident(session, VISITOR, **GOOD)
    user.blocked = True
    session.flush()
    result = accounts.authenticate(session, GOOD["email"], GOOD["password"], channel="web")
    assert result.code == "blocked"


def test_desktop_sign_in_is_for_staff_only(session):
    accounts.register_resident(session, VISITOR, **GOOD)
    result = accounts.authenticate(
        session, GOOD["email"], GOOD["password"], channel=Channel.DESKTOP, staff_only=True
    )
    assert result.code == "not_staff"


def test_signing_in_does_not_bump_the_version(session):
    user = accounts.register_resident(session, VISITOR, **GOOD)
    version = user.version
    accounts.authenticate(session, GOOD["email"], GOOD["password"], channel="web")
    accounts.authenticate(session, GOOD["email"], "nope", channel="web")
    session.refresh(user)
    assert user.version == version


STAFF = {
    "email": "clerk.new@ternopil.example",
    "full_name": "Іван Петренко",
    "password": "Надійний-пароль-1",
}


def test_admin_creates_staff(session, people):
    admin = people.actor(people.staff(Role.ADMIN))
    clerk = accounts.create_staff(session, admin, **STAFF, roles=["clerk", "reception"])
    assert clerk.role_names == {Role.CLERK, Role.RECEPTION}
    assert _entries(session, "user.staff_created")[-1].entity_id == clerk.id


@pytest.mark.parametrize("role", [Role.CLERK, Role.RECEPTION, Role.MODERATOR, Role.MANAGER])
def test_only_admins_create_staff(session, people, role):
    with pytest.raises(NotAllowed):
        accounts.create_staff(session, people.actor(people.staff(role)), **STAFF, roles=["clerk"])


@pytest.mark.parametrize("roles", [[], ["mayor"], "clerk", None])
def test_staff_needs_known_roles(session, people, roles):
    admin = people.actor(people.staff(Role.ADMIN))
    with pytest.raises(InvalidInput) as caught:
        accounts.create_staff(session, admin, **STAFF, roles=roles)
    assert "roles" in caught.value.fields


def test_roles_change_with_the_version_seen(session, people):
    admin = people.actor(people.staff(Role.ADMIN))
    clerk = people.staff(Role.CLERK)
    seen = clerk.version
    accounts.set_roles(session, admin, clerk.id, ["clerk", "manager"], expected_version=seen)
    assert clerk.role_names == {Role.CLERK, Role.MANAGER}
    assert clerk.version > seen
    with pytest.raises(Conflict):
        accounts.set_roles(session, admin, clerk.id, ["clerk"], expected_version=seen)


def test_an_admin_cannot_lock_themselves_out(session, people):
    user = people.staff(Role.ADMIN)
    admin = people.actor(user)
    with pytest.raises(NotAllowed):
        accounts.set_roles(session, admin, user.id, ["clerk"])
    with pytest.raises(NotAllowed):
        accounts.block(session, admin, user.id, "помилка")


def test_block_and_unblock(session, people):
    admin = people.actor(people.staff(Role.ADMIN))
    resident = people.resident()
    accounts.block(session, admin, resident.id, "Спам у коментарях")
    assert resident.blocked and resident.blocked_reason == "Спам у коментарях"
    with pytest.raises(InvalidInput) as caught:
        accounts.block(session, admin, resident.id, "")
    assert "reason" in caught.value.fields
    accounts.unblock(session, admin, resident.id)
    assert not resident.blocked
    assert {"user.blocked", "user.unblocked"} <= {e.action for e in _entries_of(session, resident)}


def _entries_of(session, user):
    return session.scalars(
        select(ActivityEntry).where(
            ActivityEntry.entity == "user", ActivityEntry.entity_id == user.id
        )
    ).all()


def test_missing_person_is_not_found(session, people):
    admin = people.actor(people.staff(Role.ADMIN))
    with pytest.raises(NotFound):
        accounts.block(session, admin, 10**9, "причина")
    with pytest.raises(NotFound):
        accounts.block(session, admin, "1", "причина")


def test_change_own_password(session):
    user = accounts.register_resident(session, VISITOR, **GOOD)
    me = Actor.for_user(user, Channel.WEB)
    with pytest.raises(InvalidInput) as caught:
        accounts.change_password(session, me, "wrong", "Новий-пароль-2026")
    assert "current_password" in caught.value.fields
    accounts.change_password(session, me, GOOD["password"], "Новий-пароль-2026")
    assert accounts.authenticate(session, GOOD["email"], "Новий-пароль-2026", channel="web").ok


def test_search_hides_personal_data_from_roles_without_it(session, people):
    resident = people.resident(full_name="Зоряна Шевчук", tax_number="3006202563")
    clerk = people.actor(people.staff(Role.CLERK))
    moderator = people.actor(people.staff(Role.MODERATOR))
    assert resident in accounts.search_users(session, clerk, "шевчук")
    assert resident in accounts.search_users(session, clerk, "3006202563")
    assert resident not in accounts.search_users(session, moderator, "3006202563")
    with pytest.raises(NotAllowed):
        accounts.search_users(session, people.actor(people.resident()), "шевчук")


def test_search_pages_with_a_keyset(session, people):
    clerk = people.actor(people.staff(Role.CLERK))
    for n in range(5):
        people.resident(full_name=f"Ярема Keyset {n}")
    first = accounts.search_users(session, clerk, "keyset", limit=3)
    rest = accounts.search_users(
        session, clerk, "keyset", limit=3, after=(first[-1].full_name, first[-1].id)
    )
    assert [u.full_name for u in first + rest] == [f"Ярема Keyset {n}" for n in range(5)]


def test_resident_file_logs_who_saw_personal_data(session, people):
    resident = people.resident(address="вул. Руська, 1, Тернопіль")
    reception = people.actor(people.staff(Role.RECEPTION))
    card = accounts.resident_file(session, reception, resident.id)
    assert card.personal_data["address"] == "вул. Руська, 1, Тернопіль"
    viewed = [e for e in _entries_of(session, resident) if e.action == "user.personal_data_viewed"]
    assert viewed and viewed[-1].actor_id == reception.user_id


def test_resident_file_without_personal_data_is_not_logged(session, people):
    resident = people.resident(address="вул. Руська, 1")
    manager = people.actor(people.staff(Role.MANAGER))
    card = accounts.resident_file(session, manager, resident.id)
    assert card.personal_data is None
    assert not [
        e for e in _entries_of(session, resident) if e.action == "user.personal_data_viewed"
    ]


def test_staff_password_hash_is_argon2():
    assert hash_password("x" * 12).startswith("$argon2id$")


def test_user_rows_filter_and_page(session, people):
    from backoffice.core.listing import ListRequest

    admin = people.actor(people.staff(Role.ADMIN))
    for n in range(7):
        people.resident(full_name=f"Ольга Сторінка {n}")
    people.staff(Role.CLERK, Role.RECEPTION, full_name="Ольга Сторінка Працівниця")
    request = ListRequest(
        sort="full_name", limit=3, search="сторінка", filters={"kind": "resident"}
    )
    seen = []
    rows = accounts.user_rows(session, admin, request)
    while rows:
        seen += rows
        rows = accounts.user_rows(session, admin, request.next(rows[-1]))
    assert [r["full_name"] for r in seen] == [f"Ольга Сторінка {n}" for n in range(7)]
    assert accounts.user_count(session, admin, request) == 7
    staff = accounts.user_rows(
        session, admin, ListRequest(search="сторінка", filters={"kind": "staff"})
    )
    assert [r["roles"] for r in staff] in (["clerk, reception"], ["reception, clerk"])


def test_user_rows_hide_phone_without_personal_data_permission(session, people):
    from backoffice.core.listing import ListRequest

    people.resident(full_name="Тарас Телефон", phone="+380671112233")
    moderator = people.actor(people.staff(Role.MODERATOR))
    rows = accounts.user_rows(session, moderator, ListRequest(search="тарас телефон"))
    assert rows and rows[0]["phone"] is None


def test_user_rows_refuse_unknown_filters_and_sorts(session, people):
    from backoffice.core.listing import ListRequest

    admin = people.actor(people.staff(Role.ADMIN))
    with pytest.raises(InvalidInput) as caught:
        accounts.user_rows(session, admin, ListRequest(filters={"colour": "red"}))
    assert "filters.colour" in caught.value.fields
    with pytest.raises(InvalidInput) as caught:
        accounts.user_rows(session, admin, ListRequest(sort="password_hash"))
    assert "sort" in caught.value.fields


def test_available_actions_follow_the_permissions(session, people):
    admin_user = people.staff(Role.ADMIN)
    admin = people.actor(admin_user)
    clerk_user = people.staff(Role.CLERK)
    resident = people.resident()
    assert accounts.available_actions(admin, resident) == ["open_file", "block"]
    assert accounts.available_actions(admin, clerk_user) == ["open_file", "block", "roles"]
    assert accounts.available_actions(admin, admin_user) == ["open_file", "roles"]
    assert accounts.available_actions(people.actor(clerk_user), resident) == ["open_file"]
    resident.blocked = True
    assert "unblock" in accounts.available_actions(admin, resident)
    with pytest.raises(NotAllowed):
        accounts.user_for_staff(session, people.actor(people.resident()), resident.id)


def test_a_clerk_registers_a_walk_in_resident_without_a_password(session, people):
    clerk = people.actor(people.staff(Role.CLERK))
    user = accounts.register_resident(
        session, clerk, email="walkin@example.com", full_name="Петро Прийомний", consent=True
    )
    assert user.password_hash is None
    assert not accounts.authenticate(session, "walkin@example.com", "", channel="web").ok
    with pytest.raises(InvalidInput) as caught:
        accounts.register_resident(session, VISITOR, **{**GOOD, "password": None})
    assert "password" in caught.value.fields
    with pytest.raises(NotAllowed):
        accounts.register_resident(
            session, people.actor(people.resident()), **{**GOOD, "email": "x@example.com"}
        )


def test_names_sort_in_ukrainian_alphabetical_order(session, people):
    from backoffice.core.listing import ListRequest

    admin = people.actor(people.staff(Role.ADMIN))
    names = [
        "Іваненко Абетка",
        "Євдокименко Абетка",
        "Андрієнко Абетка",
        "Ґалаґан Абетка",
        "Бойко Абетка",
        "Гнатюк Абетка",
        "Їжак Абетка",
        "Яковенко Абетка",
        "Дмитрук Абетка",
    ]
    for name in names:
        people.resident(full_name=name)
    rows = accounts.user_rows(session, admin, ListRequest(sort="full_name", search="абетка"))
    assert [r["full_name"].split()[0] for r in rows] == [
        "Андрієнко",
        "Бойко",
        "Гнатюк",
        "Ґалаґан",
        "Дмитрук",
        "Євдокименко",
        "Іваненко",
        "Їжак",
        "Яковенко",
    ]
    # Windows of two keep the same order (the keyset compares in the same collation).
    request = ListRequest(sort="full_name", search="абетка", limit=2, descending=True)
    seen, window = [], accounts.user_rows(session, admin, request)
    while window:
        seen += window
        window = accounts.user_rows(session, admin, request.next(window[-1]))
    assert [r["full_name"] for r in seen] == [r["full_name"] for r in reversed(rows)]
