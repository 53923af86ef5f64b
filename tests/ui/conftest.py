"""Desktop tests: offscreen Qt, an in-memory keyring, settings in a temporary folder, and a real
database the background workers reach through their own sessions (so data is committed)."""

from __future__ import annotations

import gc
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtCore import QSettings
from sqlalchemy.orm import Session

from backoffice.core.actor import Actor, Channel
from backoffice.core.passwords import hash_password
from backoffice.models import Role, StaffRole, User
from backoffice.ui import qtfixes
from backoffice.ui.backend import Backend
from backoffice.ui.tasks import wait_for_background

qtfixes.apply()  # as the application does at start-up, before any signal is emitted

PASSWORD = "Службовий-пароль-1"


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        self.secrets.pop((service, username), None)


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread():
    """As the application does (backoffice.ui.collector): no cyclic collection may run in a
    database worker and free a Qt object there; the test thread collects at the end."""
    gc.disable()
    yield
    gc.collect()
    gc.enable()


@pytest.fixture(autouse=True)
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def qt_settings(tmp_path, qapp):
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    yield
    QSettings("e-Ternopil", "backoffice").clear()


@pytest.fixture
def make_staff(committed_engine):
    """Creates a committed staff account; returns (user id, e-mail)."""
    counter = iter(range(1, 10_000))

    def make(*roles: Role | str, name: str | None = None) -> User:
        n = next(counter)
        with Session(committed_engine, expire_on_commit=False) as session, session.begin():
            user = User(
                email=f"staff{n}@ternopil.example",
                full_name=name or f"Працівник {n}",
                password_hash=hash_password(PASSWORD),
                roles=[StaffRole(role=Role(r).value) for r in roles],
            )
            session.add(user)
            session.flush()
            session.refresh(user)
            _ = user.roles
        return user

    return make


@pytest.fixture
def backend(committed_engine):
    """A Backend on the committed test database, not yet signed in."""
    backend = Backend(committed_engine)
    yield backend
    # No timer of a window still open may start new work; every worker returns its
    # connection before the test database goes away.
    backend.closed = True
    assert wait_for_background(120_000)


@pytest.fixture
def signed_in(backend, make_staff):
    """``signed_in(*roles)`` → the backend signed in as a new staff member with those roles."""

    def sign_in(*roles: Role | str) -> Backend:
        user = make_staff(*roles)
        backend.actor = Actor.for_user(user, Channel.DESKTOP)
        backend.user_id = user.id
        return backend

    return sign_in
