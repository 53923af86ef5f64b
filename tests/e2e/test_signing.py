"""Signing an application in the browser: Chromium opens the resident's PKCS#12 key with PKI.js,
signs the application document with WebCrypto and posts only the signature; the portal's core
verifies it against the demo CA, which the test trusts in the folder the portal reads.

The bundle static/vendor/pkijs.js is built by `make assets` (npm). Without it the tests are
skipped with the reason, except under CI (CI=true), where that is a failure.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from asn1crypto import cms
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from playwright.sync_api import Page, Request, expect
from sqlalchemy import select

from backoffice.core import demo_pki, services, signing
from backoffice.core.actor import Actor
from backoffice.models import OrderSignature, User
from tests.e2e.conftest import PASSWORD, PDF, ROOT, numbered, screenshot, sign_in
from tests.e2e.test_accessibility import _check

BUNDLE = ROOT / "backoffice" / "web" / "static" / "vendor" / "pkijs.js"
PASSPHRASE = "ключ-демо 2026"  # not ASCII: the browser must read it as PKCS#12 does
ANSWERS = {
    "full_name": "Ірина Мельник",
    "birthday": "1988-03-02",
    "purpose": "Робота",
    "consent": True,
}


def _require_bundle() -> None:
    if BUNDLE.exists():
        return
    reason = f"{BUNDLE.relative_to(ROOT)} is not built (make assets needs npm)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}: browser signing must be tested under CI", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def demo_ca() -> Iterator[demo_pki.Credential]:
    """A demo CA, trusted for this module in the configured trust folder. The portal's server
    process inherited this process's environment (BACKOFFICE_DATA_DIR, see tests/conftest.py),
    so it reads the same folder; anchors are read on every verification."""
    _require_bundle()
    data_dir = Path(os.environ["BACKOFFICE_DATA_DIR"]).resolve()
    assert signing.configured_trust_dir().resolve().is_relative_to(data_dir)
    ca = demo_pki.make_ca(now=datetime.now(UTC))
    anchor = signing.add_trust_anchor(ca.cert_pem)
    try:
        yield ca
    finally:
        signing.remove_trust_anchor(anchor.fingerprint)


@dataclass(frozen=True)
class Applicant:
    email: str
    full_name: str
    order_id: int


@pytest.fixture
def applicant(db, make_resident, make_service) -> Applicant:
    """A resident with a РНОКПП and an order submitted on the portal (through core)."""
    full_name = numbered("Мельник Ірина")
    tax_number = demo_pki.demo_tax_number(full_name)
    user = make_resident(full_name=full_name, tax_number=tax_number)
    service_id = make_service(numbered("Довідка про доходи"))
    with db() as session:
        mine = Actor.for_user(session.get(User, user.id), "web")
        order = services.submit_order(
            session, mine, service_id, ANSWERS, [("passport", "паспорт.pdf", PDF)]
        )
        return Applicant(user.email, full_name, order.id)


def _key_file(tmp_path: Path, ca, applicant: Applicant, key_type: str = "ecdsa") -> Path:
    """The resident's demo key, written where a person keeps it: a .p12 file."""
    tax_number = demo_pki.demo_tax_number(applicant.full_name)
    credential = demo_pki.issue(ca, applicant.full_name, rnokpp=tax_number, key_type=key_type)
    path = tmp_path / f"{key_type}-key.p12"
    path.write_bytes(credential.p12(PASSPHRASE))
    return path


def _open_signing_page(page: Page, applicant: Applicant) -> None:
    sign_in(page, applicant.email)
    page.goto(f"/orders/{applicant.order_id}")
    expect(page.get_by_text("Заяву ще не підписано електронним підписом.")).to_be_visible()
    page.get_by_role("link", name="Підписати заяву").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Підписати заяву")
    expect(page.get_by_role("heading", name="Підписати в браузері")).to_be_visible()


@pytest.mark.parametrize("key_type", ["ecdsa", "rsa"])
def test_a_resident_signs_the_application_in_the_browser(
    page: Page, db, demo_ca, applicant, tmp_path, key_type
):
    key_file = _key_file(tmp_path, demo_ca, applicant, key_type)
    posted: list[Request] = []
    page.on("request", lambda request: request.method == "POST" and posted.append(request))
    _open_signing_page(page, applicant)

    # A wrong passphrase: said beside the field, in the browser; nothing is sent.
    page.get_by_label("Файл ключа (.p12, .pfx)").set_input_files(str(key_file))
    page.get_by_label("Пароль ключа").fill("не той пароль")
    page.get_by_role("button", name="Підписати в браузері").click()
    passphrase = page.get_by_label("Пароль ключа")
    expect(passphrase).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#f-passphrase-error")).to_contain_text(
        "Пароль не підходить до цього ключа."
    )
    assert not [r for r in posted if r.url.endswith("/sign")]

    passphrase.fill(PASSPHRASE)
    page.get_by_role("button", name="Підписати в браузері").click()
    expect(page).to_have_url(re.compile(rf"/orders/{applicant.order_id}$"))
    expect(page.get_by_role("status")).to_contain_text(f"Заяву підписано: {applicant.full_name}")
    section = page.get_by_role("region", name="Електронний підпис заяви")
    expect(section).to_contain_text(f"Підписано: {applicant.full_name} ·")
    expect(section).to_contain_text("підпис дійсний")
    screenshot(page, f"signed-in-browser-{key_type}")

    # Only the signature went to the server: never the key file nor its passphrase.
    [sent] = [r for r in posted if r.url.endswith(f"/orders/{applicant.order_id}/sign")]
    body = sent.post_data_buffer or b""
    assert b"signature=" in body and b"source=browser" in body
    assert key_file.read_bytes()[:64] not in body
    assert PASSPHRASE.encode() not in body and b"passphrase" not in body
    with db() as session:
        row = session.scalar(
            select(OrderSignature).where(OrderSignature.order_id == applicant.order_id)
        )
        assert (row.source, row.status, row.signer_name) == (
            "browser",
            "valid",
            applicant.full_name,
        )
        assert row.algorithm.lower().startswith(key_type)
        _assert_cades_bes(row.signature)


def _assert_cades_bes(der: bytes) -> None:
    """Detached SignedData with the signer's certificate, SHA-2 and the CAdES-BES attributes:
    signing-certificate-v2 names the signer's certificate by its SHA-256, issuer and serial."""
    signed_data = cms.ContentInfo.load(der)["content"]
    assert signed_data["encap_content_info"]["content"].native is None  # detached
    [signer] = signed_data["signer_infos"]
    assert signer["digest_algorithm"]["algorithm"].native in {"sha256", "sha384"}
    attributes = {a["type"].native: a["values"][0] for a in signer["signed_attrs"]}
    assert set(attributes) == {
        "content_type",
        "message_digest",
        "signing_time",
        "signing_certificate_v2",
    }
    assert attributes["content_type"].native == "data"
    certificates = {c.chosen.serial_number: c.chosen for c in signed_data["certificates"]}
    serial = signer["sid"].chosen["serial_number"].native
    certificate = certificates[serial]
    [cert_id] = attributes["signing_certificate_v2"]["certs"]
    assert cert_id["hash_algorithm"]["algorithm"].native == "sha256"
    assert cert_id["cert_hash"].native == hashlib.sha256(certificate.dump()).digest()
    assert cert_id["issuer_serial"]["serial_number"].native == serial
    [issuer] = cert_id["issuer_serial"]["issuer"]
    assert issuer.chosen == certificate.issuer


def test_keys_the_browser_cannot_use_point_to_the_upload(page: Page, demo_ca, applicant, tmp_path):
    tax_number = demo_pki.demo_tax_number(applicant.full_name)
    credential = demo_pki.issue(demo_ca, applicant.full_name, rnokpp=tax_number)
    legacy = tmp_path / "legacy.pfx"  # 3DES and a SHA-1 MAC, as old exports have it
    legacy.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"key",
            credential.private_key,
            credential.certificate,
            None,
            serialization.PrivateFormat.PKCS12.encryption_builder()
            .key_cert_algorithm(pkcs12.PBES.PBESv1SHA1And3KeyTripleDESCBC)
            .hmac_hash(hashes.SHA1())
            .build(PASSPHRASE.encode()),
        )
    )
    not_a_key = tmp_path / "photo.p12"
    not_a_key.write_bytes(PDF)
    _open_signing_page(page, applicant)
    for path, expected in (
        (not_a_key, "Цей файл не є ключем у форматі PKCS#12"),
        (legacy, "Ключ зашифровано застарілим способом, який браузер не читає. Підпишіть"),
    ):
        page.get_by_label("Файл ключа (.p12, .pfx)").set_input_files(str(path))
        page.get_by_label("Пароль ключа").fill(PASSPHRASE)
        page.get_by_role("button", name="Підписати в браузері").click()
        expect(page.locator("#f-key_file-error")).to_contain_text(expected)
        expect(page.get_by_label("Файл ключа (.p12, .pfx)")).to_have_attribute(
            "aria-invalid", "true"
        )
    expect(page.locator(".field-error")).to_have_count(1)  # a new problem replaces the old


def test_the_signing_page_works_without_javascript(browser, portal_url, demo_ca, applicant):
    """No JavaScript: the browser form stays hidden; the .p7s upload signs the application."""
    context = browser.new_context(base_url=portal_url, locale="uk-UA", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/sign-in")
        page.get_by_label("Електронна пошта").fill(applicant.email)
        page.get_by_label("Пароль").fill(PASSWORD)
        page.get_by_role("button", name="Увійти", exact=True).click()
        page.goto(f"/orders/{applicant.order_id}/sign")
        expect(page.get_by_role("heading", name="Підписати в браузері")).to_be_hidden()
        with page.expect_download() as download:
            page.get_by_role("link", name="Завантажити заяву (PDF)").click()
        document = Path(download.value.path()).read_bytes()
        tax_number = demo_pki.demo_tax_number(applicant.full_name)
        credential = demo_pki.issue(demo_ca, applicant.full_name, rnokpp=tax_number)
        signature = demo_pki.sign_detached_cades(credential, document)
        page.get_by_label("Файл підпису (.p7s)").set_input_files(
            files=[{"name": "заява.pdf.p7s", "mimeType": "application/pkcs7-signature",
                    "buffer": signature}]
        )  # fmt: skip
        page.get_by_role("button", name="Надіслати підпис").click()
        expect(page).to_have_url(re.compile(rf"/orders/{applicant.order_id}$"))
        expect(page.get_by_text(f"Підписано: {applicant.full_name} ·")).to_be_visible()
    finally:
        context.close()


def test_the_signing_page_has_no_serious_accessibility_violations(page: Page, demo_ca, applicant):
    _open_signing_page(page, applicant)
    _check(page, "sign")
    screenshot(page, "sign")
    # With a problem shown beside a field, as signing.js shows it.
    page.get_by_role("button", name="Підписати в браузері").click()
    expect(page.locator("#f-key_file-error")).to_contain_text("Виберіть файл ключа")
    _check(page, "sign-error")
    # And a refusal from the server beside the upload field.
    page.get_by_label("Файл підпису (.p7s)").set_input_files(
        files=[{"name": "x.p7s", "mimeType": "application/pkcs7-signature", "buffer": b"x"}]
    )
    page.get_by_role("button", name="Надіслати підпис").click()
    expect(page.locator("#f-signature-error")).to_contain_text("Це не електронний підпис")
    _check(page, "sign-refused")
