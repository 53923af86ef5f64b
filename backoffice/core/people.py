"""People: residents' registration, sign-in with throttling, staff accounts and roles, blocking,
and the resident's one file for staff (opening it with personal data is itself logged)."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, literal, or_, select, tuple_, update
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement

from backoffice.config import get_settings
from backoffice.core import audit, passwords
from backoffice.core.actor import Actor, Channel
from backoffice.core.errors import NotAllowed, NotFound
from backoffice.core.listing import ListRequest, count_rows, fetch_page, matches, search_pattern
from backoffice.core.permissions import Perm, can, require
from backoffice.core.records import check_version, flush, get_or_404
from backoffice.core.validation import Checker
from backoffice.models import (
    Appeal,
    Ballot,
    Order,
    RideReview,
    Role,
    StaffRole,
    Survey,
    User,
    utcnow,
)

AUDITED_FIELDS = ("email", "phone", "full_name", "blocked", "blocked_reason")
PERSONAL_FIELDS = ("tax_number", "address", "phone")


def _check_password(checker: Checker, field_name: str, password) -> str | None:
    if not isinstance(password, str) or not password:
        checker.fail(field_name, "Обов'язкове поле.")
        return None
    if len(password) < passwords.MIN_LENGTH:
        checker.fail(field_name, f"Пароль має містити щонайменше {passwords.MIN_LENGTH} символів.")
        return None
    if len(password) > passwords.MAX_LENGTH:
        checker.fail(field_name, f"Пароль не довший за {passwords.MAX_LENGTH} символів.")
        return None
    if len(set(password)) < 4:
        checker.fail(field_name, "Пароль надто простий.")
        return None
    return password


def _email_taken(session: Session, email: str) -> bool:
    return (
        session.scalar(select(User.id).where(func.lower(User.email) == email.lower())) is not None
    )


def register_resident(
    session: Session,
    actor: Actor,
    *,
    email,
    full_name,
    password=None,
    phone=None,
    tax_number=None,
    address=None,
    consent=False,
) -> User:
    """A resident registers on the portal, or a clerk registers one at the desk. At the desk the
    password may be left out: the resident sets one later by the password-reset link."""
    at_desk = actor.signed_in and can(actor, Perm.ORDER_REGISTER_AT_DESK)
    if actor.signed_in and not at_desk:
        raise NotAllowed("Ви вже увійшли до кабінету.", code="already_signed_in")
    c = Checker()
    email = c.email("email", email)
    full_name = c.text("full_name", full_name, max_length=200, min_length=3)
    if not (at_desk and password in (None, "")):
        password = _check_password(c, "password", password)
    phone = c.phone("phone", phone, required=False)
    tax_number = c.tax_number("tax_number", tax_number)
    address = c.text("address", address, required=False, max_length=300)
    if c.boolean("consent", consent) is not True:
        c.fail("consent", "Потрібна згода на обробку персональних даних.")
    if email and _email_taken(session, email):
        c.fail("email", "Ця адреса вже зареєстрована. Увійдіть або відновіть пароль.")
    c.done()
    user = User(
        email=email,
        full_name=full_name,
        password_hash=passwords.hash_password(password) if password else None,
        phone=phone,
        tax_number=tax_number,
        address=address,
        consent_at=utcnow(),
    )
    session.add(user)
    flush(session, duplicate_message="Ця адреса вже зареєстрована.")
    audit.record(session, actor, "user.registered", "user", user.id, {"email": [None, email]})
    return user


@dataclass(frozen=True)
class SignIn:
    """The outcome of a sign-in attempt. Failures are returned, not raised, so that the caller
    commits the failure counter and the activity entry."""

    user: User | None
    code: str = "ok"
    message: str = ""
    retry_after: int = 0

    @property
    def ok(self) -> bool:
        return self.user is not None


_WRONG = "Неправильна адреса електронної пошти або пароль."


def _lock_seconds(failures: int) -> int:
    policy = get_settings().sign_in
    over = failures - policy.free_failures
    if over < 0:
        return 0
    return min(policy.first_lock_seconds * 2**over, policy.max_lock_seconds)


def authenticate(
    session: Session,
    login: str,
    password: str,
    *,
    channel: Channel | str,
    client_address: str | None = None,
    staff_only: bool = False,
    now: datetime | None = None,
) -> SignIn:
    """Check a password. Repeated failures lock the account for a growing time."""
    now = now or utcnow()
    anonymous = Actor(user_id=None, channel=Channel(channel), client_address=client_address)
    login = (login or "").strip() if isinstance(login, str) else ""
    user = None
    if login:
        user = session.scalar(select(User).where(func.lower(User.email) == login.lower()))
    if user is not None and user.locked_until is not None and user.locked_until > now:
        wait = int((user.locked_until - now).total_seconds()) + 1
        audit.record(session, anonymous, "auth.throttled", "user", user.id)
        return SignIn(
            None, "throttled", f"Забагато невдалих спроб. Спробуйте через {wait} с.", wait
        )
    if not passwords.verify_password(user.password_hash if user else None, password or ""):
        if user is not None:
            _count_failure(session, user, now)
        audit.record(
            session, anonymous, "auth.failed", "user", user.id if user else None, {"login": login}
        )
        return SignIn(None, "wrong_credentials", _WRONG)
    if user.blocked:
        audit.record(session, anonymous, "auth.blocked", "user", user.id)
        return SignIn(None, "blocked", "Обліковий запис заблоковано. Зверніться до адміністратора.")
    if staff_only and not user.is_staff:
        audit.record(session, anonymous, "auth.not_staff", "user", user.id)
        return SignIn(None, "not_staff", "Цей обліковий запис не має доступу до робочого місця.")
    # A plain UPDATE: signing in must not bump the version an administrator may be editing.
    session.execute(
        update(User)
        .where(User.id == user.id)
        .values(failed_sign_ins=0, locked_until=None, last_sign_in_at=now)
    )
    if passwords.needs_rehash(user.password_hash):
        session.execute(
            update(User)
            .where(User.id == user.id)
            .values(password_hash=passwords.hash_password(password))
        )
    session.refresh(user)
    audit.record(
        session, Actor.for_user(user, channel, client_address), "auth.signed_in", "user", user.id
    )
    return SignIn(user)


def _count_failure(session: Session, user: User, now: datetime) -> None:
    failures = user.failed_sign_ins + 1
    lock = _lock_seconds(failures)
    session.execute(
        update(User)
        .where(User.id == user.id)
        .values(
            failed_sign_ins=failures,
            locked_until=now + timedelta(seconds=lock) if lock else None,
        )
    )
    session.refresh(user)


def _check_roles(c: Checker, roles) -> list[Role]:
    if not isinstance(roles, list | tuple | set | frozenset):
        c.fail("roles", "Неправильний тип значення.")
        return []
    valid = []
    for role in roles:
        try:
            valid.append(Role(role))
        except ValueError:
            c.fail("roles", f"Невідома роль: {str(role)[:40]}.")
    return sorted(set(valid))


def create_staff(
    session: Session,
    actor: Actor,
    *,
    email,
    full_name,
    roles,
    password,
    phone=None,
) -> User:
    require(actor, Perm.USER_MANAGE)
    require(actor, Perm.USER_ROLES)
    c = Checker()
    email = c.email("email", email)
    full_name = c.text("full_name", full_name, max_length=200, min_length=3)
    password = _check_password(c, "password", password)
    phone = c.phone("phone", phone, required=False)
    role_list = _check_roles(c, roles)
    if not role_list and "roles" not in c.errors:
        c.fail("roles", "Виберіть щонайменше одну роль.")
    if email and _email_taken(session, email):
        c.fail("email", "Ця адреса вже зареєстрована.")
    c.done()
    user = User(
        email=email,
        full_name=full_name,
        phone=phone,
        password_hash=passwords.hash_password(password),
        roles=[StaffRole(role=r.value) for r in role_list],
    )
    session.add(user)
    flush(session, duplicate_message="Ця адреса вже зареєстрована.")
    audit.record(
        session,
        actor,
        "user.staff_created",
        "user",
        user.id,
        {"email": [None, email], "roles": [[], [r.value for r in role_list]]},
    )
    return user


def set_roles(
    session: Session, actor: Actor, user_id: int, roles, *, expected_version: int | None = None
) -> User:
    require(actor, Perm.USER_ROLES)
    user = get_or_404(session, User, user_id)
    check_version(user, expected_version)
    c = Checker()
    role_list = _check_roles(c, roles)
    c.done()
    if user.id == actor.user_id and Role.ADMIN not in role_list:
        raise NotAllowed("Не можна зняти роль адміністратора з себе.", code="self_lockout")
    before = sorted(r.value for r in user.role_names)
    keep = {r.value for r in role_list}
    user.roles = [r for r in user.roles if r.role in keep] + [
        StaffRole(role=r) for r in sorted(keep - set(before))
    ]
    user.updated_at = utcnow()  # the role list lives in another table: bump the user's version
    flush(session)
    audit.record(
        session, actor, "user.roles_changed", "user", user.id, {"roles": [before, sorted(keep)]}
    )
    return user


def block(
    session: Session, actor: Actor, user_id: int, reason, *, expected_version: int | None = None
) -> User:
    require(actor, Perm.USER_MANAGE)
    user = get_or_404(session, User, user_id)
    check_version(user, expected_version)
    c = Checker()
    reason = c.text("reason", reason, max_length=500)
    c.done()
    if user.id == actor.user_id:
        raise NotAllowed("Не можна заблокувати себе.", code="self_lockout")
    before = audit.snapshot(user, AUDITED_FIELDS)
    user.blocked = True
    user.blocked_reason = reason
    flush(session)
    audit.record(
        session,
        actor,
        "user.blocked",
        "user",
        user.id,
        audit.changes_between(before, audit.snapshot(user, AUDITED_FIELDS)),
    )
    return user


def unblock(
    session: Session, actor: Actor, user_id: int, *, expected_version: int | None = None
) -> User:
    require(actor, Perm.USER_MANAGE)
    user = get_or_404(session, User, user_id)
    check_version(user, expected_version)
    before = audit.snapshot(user, AUDITED_FIELDS)
    user.blocked = False
    user.blocked_reason = None
    user.failed_sign_ins = 0
    user.locked_until = None
    flush(session)
    audit.record(
        session,
        actor,
        "user.unblocked",
        "user",
        user.id,
        audit.changes_between(before, audit.snapshot(user, AUDITED_FIELDS)),
    )
    return user


def change_password(session: Session, actor: Actor, current: str, new) -> User:
    """A person changes their own password, proving they know the current one."""
    if not actor.signed_in:
        raise NotAllowed(code="sign_in_required")
    user = get_or_404(session, User, actor.user_id)
    c = Checker()
    if not passwords.verify_password(user.password_hash, current or ""):
        c.fail("current_password", "Поточний пароль неправильний.")
    new = _check_password(c, "new_password", new)
    c.done()
    user.password_hash = passwords.hash_password(new)
    flush(session)
    audit.record(session, actor, "user.password_changed", "user", user.id)
    return user


def search_users(
    session: Session,
    actor: Actor,
    query: str = "",
    *,
    staff: bool | None = None,
    limit: int = 50,
    after: tuple[str, int] | None = None,
) -> list[User]:
    """People by name or e-mail (and by phone or РНОКПП for roles that see personal data),
    ordered by name; ``after`` is the (full_name, id) of the last row already shown."""
    require(actor, Perm.USER_VIEW)
    stmt = select(User)
    text = (query or "").strip()[:100]
    if text:
        pattern = f"%{text.lower()}%"
        conditions = [
            func.lower(User.full_name).like(pattern),
            func.lower(User.email).like(pattern),
        ]
        if can(actor, Perm.USER_VIEW_PERSONAL):
            conditions += [User.phone.like(f"%{text}%"), User.tax_number == text]
        stmt = stmt.where(or_(*conditions))
    has_role = select(StaffRole.id).where(StaffRole.user_id == User.id).exists()
    if staff is True:
        stmt = stmt.where(has_role)
    elif staff is False:
        stmt = stmt.where(~has_role)
    if after is not None:
        stmt = stmt.where(tuple_(User.full_name, User.id) > tuple_(*after))
    stmt = stmt.order_by(User.full_name, User.id).limit(max(1, min(limit, 500)))
    return list(session.scalars(stmt))


@dataclass
class ResidentFile:
    """Everything about one person in one place, for staff."""

    user: User
    personal_data: dict[str, str | None] | None
    orders: list[Order] = field(default_factory=list)
    appeals: list[Appeal] = field(default_factory=list)
    ballots: list[tuple[Ballot, str]] = field(default_factory=list)
    reviews: list[RideReview] = field(default_factory=list)


def resident_file(
    session: Session, actor: Actor, user_id: int, *, limit: int = 200
) -> ResidentFile:
    """The resident's one file. Personal data only for roles that need it; showing it is logged."""
    require(actor, Perm.USER_VIEW)
    user = get_or_404(session, User, user_id)
    personal = None
    if can(actor, Perm.USER_VIEW_PERSONAL):
        personal = {name: getattr(user, name) for name in PERSONAL_FIELDS}
        audit.record(session, actor, "user.personal_data_viewed", "user", user.id)
    card = ResidentFile(user=user, personal_data=personal)
    if can(actor, Perm.ORDER_VIEW):
        card.orders = list(
            session.scalars(
                select(Order)
                .where(Order.applicant_id == user.id)
                .order_by(Order.submitted_at.desc())
                .limit(limit)
            )
        )
    if can(actor, Perm.APPEAL_VIEW):
        card.appeals = list(
            session.scalars(
                select(Appeal)
                .where(Appeal.applicant_id == user.id)
                .order_by(Appeal.received_at.desc())
                .limit(limit)
            )
        )
    if can(actor, Perm.SURVEY_VIEW):
        card.ballots = list(
            session.execute(
                select(Ballot, Survey.title)
                .join(Survey, Survey.id == Ballot.survey_id)
                .where(Ballot.voter_id == user.id)
                .order_by(Ballot.cast_at.desc())
                .limit(limit)
            ).all()
        )
    card.reviews = list(
        session.scalars(
            select(RideReview)
            .where(RideReview.author_id == user.id)
            .order_by(RideReview.created_at.desc())
            .limit(limit)
        )
    )
    return card


USER_SORTS = frozenset({"id", "full_name", "email", "created_at"})
USER_FILTERS = {"kind", "role", "blocked"}


def _roles_text() -> ColumnElement:
    return (
        select(func.coalesce(func.aggregate_strings(StaffRole.role, ", "), literal("")))
        .where(StaffRole.user_id == User.id)
        .correlate(User)
        .scalar_subquery()
    )


def _user_list_statement(session: Session, actor: Actor, request: ListRequest):
    require(actor, Perm.USER_VIEW)
    personal = can(actor, Perm.USER_VIEW_PERSONAL)
    columns = [
        User.id.label("id"),
        User.full_name.label("full_name"),
        User.email.label("email"),
        (User.phone if personal else literal(None)).label("phone"),
        _roles_text().label("roles"),
        User.blocked.label("blocked"),
        User.created_at.label("created_at"),
        User.version.label("version"),
    ]
    stmt = select(*columns)
    c = Checker()
    unknown = set(request.filters) - USER_FILTERS
    for key in sorted(unknown):
        c.fail(f"filters.{key}", "Невідомий фільтр.")
    filters = request.filters
    kind = c.choice("filters.kind", filters.get("kind"), ["resident", "staff"], required=False)
    role = c.choice("filters.role", filters.get("role"), list(Role), required=False)
    c.done()
    has_role = select(StaffRole.id).where(StaffRole.user_id == User.id).exists()
    if kind == "staff":
        stmt = stmt.where(has_role)
    elif kind == "resident":
        stmt = stmt.where(~has_role)
    if role:
        stmt = stmt.where(
            select(StaffRole.id)
            .where(StaffRole.user_id == User.id, StaffRole.role == role)
            .exists()
        )
    if filters.get("blocked") is not None:
        stmt = stmt.where(User.blocked.is_(bool(filters["blocked"])))
    pattern = search_pattern(request.search)
    if pattern:
        conditions = [matches(User.full_name, pattern), matches(User.email, pattern)]
        if personal:
            raw = request.search.strip()
            conditions += [User.phone.like(f"%{raw}%"), User.tax_number == raw]
        stmt = stmt.where(or_(*conditions))
    return stmt


def user_rows(session: Session, actor: Actor, request: ListRequest) -> list[dict]:
    """A window of the people list for the desktop (keyset-paged, filtered in SQL)."""
    return fetch_page(session, _user_list_statement(session, actor, request), request, USER_SORTS)


def user_count(session: Session, actor: Actor, request: ListRequest) -> int:
    return count_rows(session, _user_list_statement(session, actor, request))


def available_actions(actor: Actor, user: User) -> list[str]:
    """What ``actor`` may do with ``user`` in the Users tab."""
    actions = []
    if can(actor, Perm.USER_VIEW):
        actions.append("open_file")
    if can(actor, Perm.USER_MANAGE) and user.id != actor.user_id:
        actions.append("unblock" if user.blocked else "block")
    if can(actor, Perm.USER_ROLES) and user.is_staff:
        actions.append("roles")
    return actions


def user_for_staff(session: Session, actor: Actor, user_id: int) -> tuple[User, list[str]]:
    """A person as the Users tab shows them, with the actions on offer."""
    require(actor, Perm.USER_VIEW)
    user = get_or_404(session, User, user_id)
    return user, available_actions(actor, user)


# --- the resident's own account: profile and password reset ---------------------------------------

PROFILE_FIELDS = ("full_name", "phone", "address")


def update_profile(
    session: Session,
    actor: Actor,
    *,
    full_name,
    phone=None,
    address=None,
    expected_version: int | None = None,
) -> User:
    """A person corrects their own name, phone and address (the e-mail is their sign-in)."""
    if not actor.signed_in:
        raise NotAllowed(code="sign_in_required")
    c = Checker()
    full_name = c.text("full_name", full_name, max_length=200, min_length=3)
    phone = c.phone("phone", phone, required=False)
    address = c.text("address", address, required=False, max_length=300)
    expected_version = c.expected_version(expected_version)
    c.done()
    user = get_or_404(session, User, actor.user_id)
    check_version(user, expected_version)
    before = audit.snapshot(user, PROFILE_FIELDS)
    user.full_name, user.phone, user.address = full_name, phone, address
    flush(session)
    changes = audit.changes_between(before, audit.snapshot(user, PROFILE_FIELDS))
    if "address" in changes:
        changes["address"] = ["…", "…"]  # personal data: the log says that it changed, not to what
    if changes:
        audit.record(session, actor, "user.profile_updated", "user", user.id, changes)
    return user


# A reset link is good for one hour and for one use. The front end signs (user id, fingerprint,
# time issued) with its own secret; core decides whether such a link is still good.
RESET_VALID_FOR = timedelta(hours=1)
_RESET_INVALID = "Посилання для відновлення пароля недійсне або вже використане. Запросіть нове."
_RESET_EXPIRED = "Посилання для відновлення пароля застаріло. Запросіть нове."


def password_fingerprint(user: User) -> str:
    """Changes whenever the password does: a reset link (or a web sign-in) carrying an older
    fingerprint is no longer good once the password was set."""
    basis = f"{user.id}:{user.password_hash or '-'}".encode()
    return hashlib.sha256(basis).hexdigest()[:32]


@dataclass(frozen=True)
class PasswordResetRequest:
    """What the front end puts in the signed link it sends to ``email``."""

    user_id: int
    fingerprint: str
    email: str
    full_name: str


def request_password_reset(
    session: Session, actor: Actor, email, *, now: datetime | None = None
) -> PasswordResetRequest | None:
    """A person who forgot the password asks for a link. None when no active account has that
    address: the caller must say the same thing either way, so that nobody learns who is
    registered."""
    c = Checker()
    email = c.email("email", email)
    c.done()
    user = session.scalar(select(User).where(func.lower(User.email) == email.lower()))
    if user is None or user.blocked:
        audit.record(session, actor, "user.password_reset_refused", "user", None, {})
        return None
    audit.record(session, actor, "user.password_reset_requested", "user", user.id)
    return PasswordResetRequest(user.id, password_fingerprint(user), user.email, user.full_name)


def _reset_target(
    session: Session, user_id, fingerprint, issued_at: datetime, now: datetime | None
) -> User:
    now = now or utcnow()
    if issued_at > now + timedelta(minutes=1) or now - issued_at > RESET_VALID_FOR:
        raise NotAllowed(_RESET_EXPIRED, code="reset_expired")
    try:
        user = get_or_404(session, User, user_id, for_update=True)
    except NotFound:
        raise NotAllowed(_RESET_INVALID, code="reset_invalid") from None
    if not isinstance(fingerprint, str) or not hmac.compare_digest(
        fingerprint, password_fingerprint(user)
    ):
        raise NotAllowed(_RESET_INVALID, code="reset_invalid")
    if user.blocked:
        raise NotAllowed(
            "Обліковий запис заблоковано. Зверніться до адміністратора.", code="blocked"
        )
    return user


def check_password_reset(
    session: Session, user_id, fingerprint, *, issued_at: datetime, now: datetime | None = None
) -> None:
    """Raise ``NotAllowed`` (reset_expired, reset_invalid, blocked) when a reset link is no
    longer good, so that the front end can say so before the person types a new password."""
    _reset_target(session, user_id, fingerprint, issued_at, now)


def reset_password(
    session: Session,
    actor: Actor,
    user_id,
    fingerprint,
    new_password,
    *,
    issued_at: datetime,
    now: datetime | None = None,
) -> User:
    """Set a new password from a reset link issued at ``issued_at``. Refused when the link is
    older than ``RESET_VALID_FOR``, when the password changed since (which makes every link
    single-use), or when the account is blocked. Clears the sign-in lock."""
    user = _reset_target(session, user_id, fingerprint, issued_at, now)
    c = Checker()
    new_password = _check_password(c, "new_password", new_password)
    c.done()
    user.password_hash = passwords.hash_password(new_password)
    user.failed_sign_ins = 0
    user.locked_until = None
    flush(session)
    audit.record(session, actor, "user.password_reset", "user", user.id)
    return user
