"""A clerk signs an order's result in the desktop with their PKCS#12 key; the passphrase lives
in the system keyring (an in-memory one here), is offered again next time, and is forgotten
when the key refuses it. The orders list and the order card show every signature's status."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import pytest
from reportlab.pdfgen import canvas
from sqlalchemy.orm import Session

from backoffice.core import demo_pki, services, signing
from backoffice.core.actor import Actor, Channel
from backoffice.models import Role
from backoffice.ui import credentials
from backoffice.ui.dialogs.signing import KEY_PATH_SETTING, SignResultDialog, key_digest
from backoffice.ui.listpanel import settings
from backoffice.ui.tabs.orders import Panel
from tests.conftest import People
from tests.ui.helpers import wait_until_loaded

PASSPHRASE = "ключ-клерка-1"


def _pdf() -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, "Decision")
    page.save()
    return buffer.getvalue()


@pytest.fixture(scope="module")
def keys(tmp_path_factory):
    """The clerk's key file, an expired one and a foreign one; the demo CA trusted meanwhile."""
    now = datetime.now(UTC)
    ca = demo_pki.make_ca(now=now)
    folder = tmp_path_factory.mktemp("keys")
    made = {
        "clerk": demo_pki.issue(ca, "Шевчук Олена Петрівна", rnokpp="2987654321", now=now),
        "expired": demo_pki.issue(
            ca,
            "Прострочений Ключ",
            not_before=now - timedelta(days=400),
            not_after=now - timedelta(days=5),
        ),
        "foreign": demo_pki.issue(demo_pki.make_ca(demo_pki.FOREIGN_CA_NAME, now=now), "Чужий"),
    }
    paths = {}
    for name, credential in made.items():
        paths[name] = folder / f"{name}.p12"
        paths[name].write_bytes(credential.p12(PASSPHRASE))
    anchor = signing.add_trust_anchor(ca.cert_pem)
    yield paths
    signing.remove_trust_anchor(anchor.fingerprint)


@pytest.fixture
def ready_order(committed_engine, backend):
    """An order with a PDF result, and the backend signed in as the clerk who made it ready."""
    with Session(committed_engine, expire_on_commit=False) as session, session.begin():
        people = People(session)
        admin = people.actor(people.staff(Role.ADMIN))
        category = services.create_category(session, admin, code="docs", title="Документи")
        service = services.create_service(
            session, admin, code="cert-1", category_id=category.id, title="Довідка"
        )
        resident = people.actor(people.resident(), "web")
        order = services.submit_order(session, resident, service.id, {}, [])
        clerk_user = people.staff(Role.CLERK, full_name="Шевчук Олена Петрівна")
        clerk = people.actor(clerk_user)
        for step in (services.accept, services.start):
            step(session, clerk, order.id)
        services.mark_ready(session, clerk, order.id, "рішення.pdf", _pdf())
    backend.actor = Actor.for_user(clerk_user, Channel.DESKTOP)
    backend.user_id = clerk_user.id
    return order


def _panel(qtbot, backend) -> Panel:
    panel = Panel(backend)
    qtbot.addWidget(panel)
    panel.start()
    wait_until_loaded(qtbot, panel)
    panel.table.selectRow(0)
    qtbot.waitUntil(lambda: panel.detail is not None, timeout=20_000)
    return panel


def _dialog(qtbot, panel) -> SignResultDialog:
    assert panel.sign_button.isVisibleTo(panel)
    dialog = panel.sign_result()
    qtbot.addWidget(dialog)
    return dialog


def _finished(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)


def test_a_clerk_signs_and_the_keyring_keeps_the_passphrase(
    qtbot, backend, ready_order, keys, memory_keyring, committed_engine
):
    panel = _panel(qtbot, backend)
    assert [panel.signatures.item(0).text()] == ["Ні заяву, ні результат ще не підписано."]
    dialog = _dialog(qtbot, panel)
    dialog.key_path.setText(str(keys["clerk"]))
    dialog.passphrase.setText(PASSPHRASE)
    dialog.remember.setChecked(True)
    with qtbot.waitSignal(dialog.signed, timeout=60_000):
        dialog.sign_button.click()

    digest = key_digest(keys["clerk"].read_bytes())
    assert credentials.recall_key_passphrase(backend.user_id, digest) == PASSPHRASE
    assert settings().value(KEY_PATH_SETTING) == str(keys["clerk"])
    with Session(committed_engine) as session:
        rows = signing.order_signatures(session, backend.actor, ready_order.id)
        result = services.order_file_for(
            session, backend.actor, ready_order.id, services.get_order_for(
                session, backend.actor, ready_order.id).result_file_id
        )  # fmt: skip
        assert [(r["kind"], r["status"]) for r in rows] == [("result", "valid")]
        assert [v.status for v in signing.verify_pdf(result.content)] == ["valid"]

    qtbot.waitUntil(lambda: "Шевчук" in panel.signatures.item(0).text(), timeout=20_000)
    assert panel.signatures.count() == 1
    line = panel.signatures.item(0).text()
    assert "Шевчук Олена Петрівна" in line and "дійсний" in line
    qtbot.waitUntil(lambda: "результат ✓" in _cell(panel, "signatures"), timeout=20_000)


def _cell(panel, key: str) -> str:
    column = [c.key for c in panel.model.columns].index(key)
    return panel.model.index(0, column).data() or ""


def test_the_next_signing_needs_no_typing(qtbot, backend, ready_order, keys, memory_keyring):
    credentials.remember_key_passphrase(
        backend.user_id, key_digest(keys["clerk"].read_bytes()), PASSPHRASE
    )
    settings().setValue(KEY_PATH_SETTING, str(keys["clerk"]))
    panel = _panel(qtbot, backend)
    dialog = _dialog(qtbot, panel)
    assert dialog.key_path.text() == str(keys["clerk"])
    assert dialog.passphrase.text() == PASSPHRASE
    assert dialog.remember.isChecked()
    with qtbot.waitSignal(dialog.signed, timeout=60_000):
        dialog.sign()


def test_a_wrong_passphrase_is_said_and_forgotten(
    qtbot, backend, ready_order, keys, memory_keyring, committed_engine
):
    digest = key_digest(keys["clerk"].read_bytes())
    credentials.remember_key_passphrase(backend.user_id, digest, "старий-пароль")
    settings().setValue(KEY_PATH_SETTING, str(keys["clerk"]))
    panel = _panel(qtbot, backend)
    dialog = _dialog(qtbot, panel)
    assert dialog.passphrase.text() == "старий-пароль"
    dialog.sign()
    _finished(qtbot, dialog)
    assert "passphrase" in dialog.message.text()
    assert credentials.recall_key_passphrase(backend.user_id, digest) is None
    assert dialog.passphrase.text() == "" and not dialog.remember.isChecked()
    assert dialog.sign_button.isEnabled()  # try again
    with Session(committed_engine) as session:
        assert signing.order_signatures(session, backend.actor, ready_order.id) == []


@pytest.mark.parametrize(
    ("key", "expected"), [("expired", "строк дії сертифіката минув"), ("foreign", "довір")]
)
def test_a_key_core_does_not_trust_is_refused(
    qtbot, backend, ready_order, keys, key, expected, committed_engine
):
    panel = _panel(qtbot, backend)
    dialog = _dialog(qtbot, panel)
    dialog.key_path.setText(str(keys[key]))
    dialog.passphrase.setText(PASSPHRASE)
    dialog.sign()
    _finished(qtbot, dialog)
    assert expected in dialog.message.text().lower()
    with Session(committed_engine) as session:
        assert signing.order_signatures(session, backend.actor, ready_order.id) == []


@pytest.mark.parametrize("path", ["", "/no/such/key.p12"])
def test_a_missing_key_file_is_named(qtbot, backend, ready_order, keys, path):
    panel = _panel(qtbot, backend)
    dialog = _dialog(qtbot, panel)
    dialog.key_path.setText(path)
    dialog.sign()
    assert not dialog.busy
    assert "key_file" in dialog.message.text()


def test_a_file_that_is_not_a_key_is_refused(qtbot, backend, ready_order, keys, tmp_path):
    not_a_key = tmp_path / "notes.p12"
    not_a_key.write_text("це не ключ", encoding="utf-8")
    panel = _panel(qtbot, backend)
    dialog = _dialog(qtbot, panel)
    dialog.key_path.setText(str(not_a_key))
    dialog.passphrase.setText(PASSPHRASE)
    dialog.sign()
    _finished(qtbot, dialog)
    assert "key_file" in dialog.message.text()
