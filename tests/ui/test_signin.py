"""Sign-in: core checks the password; the keyring keeps it only when asked; clear messages."""

import keyring
import pytest
from keyring.backends.fail import Keyring as NoKeyring
from sqlalchemy.orm import Session

from backoffice.models import User
from backoffice.ui import credentials
from backoffice.ui.signin import SignInDialog, check_database_url
from tests.ui.conftest import PASSWORD


@pytest.fixture
def url(committed_engine):
    return committed_engine.url.render_as_string(hide_password=False)


def _dialog(qtbot, url, login=""):
    dialog = SignInDialog()
    qtbot.addWidget(dialog)
    dialog.database.setText(url)
    dialog.login.setText(login)
    return dialog


def test_staff_signs_in_and_the_password_is_remembered(qtbot, make_staff, url, memory_keyring):
    user = make_staff("clerk")
    dialog = _dialog(qtbot, url, user.email)
    dialog.password.setText(PASSWORD)
    dialog.remember.setChecked(True)
    with qtbot.waitSignal(dialog.signedIn, timeout=10_000):
        dialog.submit()
    assert dialog.backend.actor.user_id == user.id
    assert credentials.recall(user.email, url) == PASSWORD
    # Next time the dialog offers the remembered password.
    again = _dialog(qtbot, url, user.email)
    again._recall_password()
    assert again.password.text() == PASSWORD
    assert again.remember.isChecked()
    dialog.backend.close()


def test_not_remembering_forgets_a_stored_password(qtbot, make_staff, url):
    user = make_staff("clerk")
    credentials.remember(user.email, url, "old secret")
    dialog = _dialog(qtbot, url, user.email)
    dialog.password.setText(PASSWORD)
    dialog.remember.setChecked(False)
    with qtbot.waitSignal(dialog.signedIn, timeout=10_000):
        dialog.submit()
    assert credentials.recall(user.email, url) is None
    dialog.backend.close()


def test_wrong_password_says_so_and_allows_retry(qtbot, make_staff, url):
    user = make_staff("reception")
    dialog = _dialog(qtbot, url, user.email)
    dialog.password.setText("not the password")
    dialog.submit()
    qtbot.waitUntil(lambda: "Неправильна" in dialog.message.text(), timeout=10_000)
    assert dialog.buttons.isEnabled()
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.signedIn, timeout=10_000):
        dialog.submit()
    dialog.backend.close()


def test_blocked_account_is_told(qtbot, make_staff, url, committed_engine):
    user = make_staff("clerk")
    with Session(committed_engine) as session, session.begin():
        session.get(User, user.id).blocked = True
    dialog = _dialog(qtbot, url, user.email)
    dialog.password.setText(PASSWORD)
    dialog.submit()
    qtbot.waitUntil(lambda: "заблоковано" in dialog.message.text(), timeout=10_000)
    dialog.backend.close()


def test_resident_cannot_use_the_desktop(qtbot, url, committed_engine):
    from backoffice.core.passwords import hash_password

    with Session(committed_engine) as session, session.begin():
        session.add(
            User(
                email="res@example.com",
                full_name="Мешканець",
                password_hash=hash_password(PASSWORD),
            )
        )
    dialog = _dialog(qtbot, url, "res@example.com")
    dialog.password.setText(PASSWORD)
    dialog.submit()
    qtbot.waitUntil(lambda: "не має доступу" in dialog.message.text(), timeout=10_000)
    dialog.backend.close()


def test_unreachable_database_is_a_clear_message_not_a_crash(qtbot):
    dialog = _dialog(qtbot, "postgresql+psycopg://nobody@127.0.0.1:1/none", "a@b.cd")
    dialog.password.setText("whatever-password")
    dialog.submit()
    qtbot.waitUntil(lambda: "недоступна" in dialog.message.text(), timeout=15_000)
    assert dialog.buttons.isEnabled()  # the person can fix the address and retry
    dialog.backend.close()


def test_empty_database_says_it_needs_init(qtbot, tmp_path):
    dialog = _dialog(qtbot, f"sqlite:///{tmp_path / 'empty.sqlite3'}", "a@b.cd")
    dialog.password.setText("whatever-password")
    dialog.submit()
    qtbot.waitUntil(lambda: "backoffice-admin init" in dialog.message.text(), timeout=10_000)
    dialog.backend.close()


def test_empty_fields_are_refused_before_any_lookup(qtbot, url):
    dialog = _dialog(qtbot, url, "")
    dialog.submit()
    assert "Введіть" in dialog.message.text()
    assert dialog.backend is None


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("postgresql+psycopg://user:secret@db/x", "пароль"),
        ("mysql://db/x", "PostgreSQL"),
        ("::::", "Неправильна"),
        ("sqlite:///tmp/x.sqlite3", None),
    ],
)
def test_database_address_checks(qapp, address, problem):
    message = check_database_url(address)
    assert (message is None) if problem is None else (problem in message)


def test_without_a_keyring_nothing_is_stored_and_the_box_is_disabled(qtbot, url):
    keyring.set_keyring(NoKeyring())
    assert credentials.remember("a@b.cd", url, "secret") is False
    assert credentials.recall("a@b.cd", url) is None
    dialog = _dialog(qtbot, url, "a@b.cd")
    assert not dialog.remember.isEnabled()
