"""Electronic signatures on the portal: the application document, signing it by uploading a
.p7s (the way without JavaScript) or with a signature made in the browser, refusals beside the
field, and the signatures shown with the order (the clerk's signature of the result too).

The browser's own signing (signing.js with PKI.js) is driven in Chromium by tests/e2e.
"""

from __future__ import annotations

import base64
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from backoffice.core import demo_pki, services, signing
from backoffice.core.actor import Actor
from backoffice.core.signing.verification import MAX_SIGNATURE_BYTES
from backoffice.models import Order, OrderSignature, Role, User
from backoffice.web import signing as web_signing
from tests.conftest import People
from tests.web.conftest import csrf_token
from tests.web.test_escaping import SCRIPT, _assert_inert
from tests.web.test_services import _multipart

TAX_NUMBER = "3012345670"
NAME = "Коваленко Марія Іванівна"
PASSPHRASE = "тест-пароль"
SCHEMA = [{"name": "purpose", "label": "Мета отримання", "type": "text", "required": True}]


@dataclass(frozen=True)
class Keys:
    resident: demo_pki.Credential
    foreign: demo_pki.Credential
    expired: demo_pki.Credential
    other_person: demo_pki.Credential
    scripted: demo_pki.Credential
    clerk: demo_pki.Credential


@pytest.fixture(scope="module")
def keys() -> Iterator[Keys]:
    """A demo CA trusted (in the tests' configured trust folder) while this module runs."""
    now = datetime.now(UTC)
    ca = demo_pki.make_ca(now=now)
    foreign_ca = demo_pki.make_ca(demo_pki.FOREIGN_CA_NAME, now=now)
    anchor = signing.add_trust_anchor(ca.cert_pem)
    try:
        yield Keys(
            resident=demo_pki.issue(ca, NAME, rnokpp=TAX_NUMBER, now=now),
            foreign=demo_pki.issue(foreign_ca, NAME, rnokpp=TAX_NUMBER, now=now),
            expired=demo_pki.issue(
                ca,
                NAME,
                rnokpp=TAX_NUMBER,
                not_before=now - timedelta(days=400),
                not_after=now - timedelta(days=10),
            ),
            other_person=demo_pki.issue(ca, "Іншенко Інна", rnokpp="1111111118", now=now),
            scripted=demo_pki.issue(ca, f"{SCRIPT} Коваленко", rnokpp=TAX_NUMBER, now=now),
            clerk=demo_pki.issue(ca, "Шевчук Олена Петрівна", rnokpp="2987654321", now=now),
        )
    finally:
        signing.remove_trust_anchor(anchor.fingerprint)


@dataclass
class Case:
    order_id: int
    clerk: Actor

    @property
    def url(self) -> str:
        return f"/orders/{self.order_id}"


@pytest.fixture
def applicant(make_resident) -> User:
    return make_resident(full_name=NAME, tax_number=TAX_NUMBER)


@pytest.fixture
def case(db, applicant) -> Case:
    admin = Actor.system()
    with db() as session:
        category = services.create_category(session, admin, code="docs", title="Документи")
        service = services.create_service(
            session,
            admin,
            code="family",
            category_id=category.id,
            title="Довідка про склад сім'ї",
            form_schema=SCHEMA,
        )
        mine = Actor.for_user(session.get(User, applicant.id), "web")
        order = services.submit_order(session, mine, service.id, {"purpose": "Субсидія"})
        clerk = People(session).staff(Role.CLERK, full_name="Шевчук Олена Петрівна")
        return Case(order.id, People.actor(clerk))


def _document(portal, case: Case) -> bytes:
    response = portal.get(f"{case.url}/application.pdf")
    assert response.status_code == 200
    return response.data


def _upload(portal, case: Case, signature: bytes, name: str = "заява.pdf.p7s"):
    url = f"{case.url}/sign"
    if len(signature) < 256 * 1024:
        data = {"source": "upload", "signature": (io.BytesIO(signature), name)}
        return portal.submit(url, data, content_type="multipart/form-data")
    # Large: a body of our own (the test client would spool it to a file left open).
    fields = {"source": "upload", "csrf_token": csrf_token(portal.page(url))}
    body, content_type = _multipart(fields, "signature", name, signature)
    return portal.post(url, data=body, content_type=content_type)


def _field_error(page: str, name: str) -> str:
    found = re.search(rf'<p class="field-error" id="f-{name}-error">(.*?)</p>', page, re.S)
    assert found, f"no error beside {name}"
    return re.sub(r"<[^>]+>", "", found.group(1)).strip()


def _signatures(db, case: Case) -> int:
    with db() as session:
        return session.scalar(select(func.count()).where(OrderSignature.order_id == case.order_id))


# --- the document ----------------------------------------------------------------------------


def test_the_application_downloads_with_the_same_bytes_every_time(portal, case, applicant, db):
    portal.sign_in(applicant.email)
    first = portal.get(f"{case.url}/application.pdf")
    assert first.status_code == 200 and first.data.startswith(b"%PDF")
    assert first.headers["Content-Type"] == "application/pdf"
    assert first.headers["Content-Disposition"].startswith("attachment;")
    assert "no-store" in first.headers["Cache-Control"]
    assert first.headers["X-Content-Type-Options"] == "nosniff"
    assert _document(portal, case) == first.data
    with db() as session:  # kept: the first download committed it
        assert session.get(Order, case.order_id).application_file_id is not None

    page = portal.page(f"{case.url}/sign")
    assert f'href="{case.url}/application.pdf"' in page
    assert 'id="browser-signing" hidden' in page  # shown by signing.js only
    assert 'enctype="multipart/form-data"' in page and 'name="signature"' in page
    # The key file and its passphrase have no name: a browser never sends them.
    key_input = re.search(r'<input type="file" id="f-key_file"[^>]*>', page).group(0)
    passphrase = re.search(r'<input type="password" id="f-passphrase"[^>]*>', page).group(0)
    assert "name=" not in key_input and "name=" not in passphrase


def test_signing_an_application_needs_a_signed_in_applicant(
    app, portal, case, applicant, make_resident, keys, db
):
    portal.sign_in(applicant.email)
    document = _document(portal, case)
    assert (
        _upload(portal, case, demo_pki.sign_detached_cms(keys.resident, document)).status_code
        == 303
    )
    with db() as session:
        signature_id = session.scalar(select(OrderSignature.id))

    anonymous = app.test_client()
    response = anonymous.get(f"{case.url}/sign")
    assert response.status_code == 303 and "/sign-in?next=" in response.headers["Location"]

    other = app.test_client()
    other.sign_in(make_resident().email)
    for url in ("/application.pdf", "/sign", f"/signatures/{signature_id}"):
        assert other.get(case.url + url).status_code == 404, url
    token = csrf_token(other.page("/cabinet/"))
    response = other.post(f"{case.url}/sign", data={"csrf_token": token, "source": "upload"})
    assert response.status_code == 404
    assert portal.get(f"/orders/999999/signatures/{signature_id}").status_code == 404


# --- accepted --------------------------------------------------------------------------------


@pytest.mark.parametrize("tool", ["cades", "cms"])
def test_a_valid_p7s_is_accepted_and_shown_with_the_order(portal, case, applicant, keys, db, tool):
    portal.sign_in(applicant.email)
    page = portal.page(case.url)
    assert "Заяву ще не підписано" in page and f'href="{case.url}/sign"' in page
    document = _document(portal, case)
    make = demo_pki.sign_detached_cades if tool == "cades" else demo_pki.sign_detached_cms
    signature = make(keys.resident, document)

    response = _upload(portal, case, signature)
    assert response.status_code == 303 and response.headers["Location"] == case.url
    page = portal.page(case.url)
    assert "Заяву підписано: Коваленко Марія Іванівна" in page  # the flash
    assert re.search(r"Підписано: Коваленко Марія Іванівна · \d{1,2} \w+ \d{4}, \d\d:\d\d", page)
    assert "підпис дійсний" in page and "Демо ЦСК e-Тернопіль" in page
    assert "Підписати ще раз" in page
    with db() as session:
        row = session.scalar(select(OrderSignature))
        assert (row.kind, row.source, row.status) == ("application", "upload", "valid")
    download = portal.get(f"{case.url}/signatures/{row.id}")
    assert download.status_code == 200 and download.data == signature
    assert download.headers["Content-Type"] == "application/pkcs7-signature"
    # The timeline tells it too.
    assert "Заяву підписано електронним підписом" in page
    assert "Підписав(ла) Коваленко Марія Іванівна" in page


def test_a_signature_made_in_the_browser_is_posted_as_base64(portal, case, applicant, keys, db):
    portal.sign_in(applicant.email)
    document = _document(portal, case)
    der = demo_pki.sign_detached_cades(keys.resident, document)
    data = {"source": "browser", "signature": base64.b64encode(der).decode()}
    response = portal.submit(f"{case.url}/sign", data)
    assert response.status_code == 303
    with db() as session:
        assert session.scalar(select(OrderSignature.source)) == "browser"

    page = portal.submit(f"{case.url}/sign", {"source": "browser", "signature": "bm90IGEgc2ln"})
    assert page.status_code == 422
    text = page.get_data(as_text=True)
    assert "Це не електронний підпис" in _field_error(text, "key_file")
    response = portal.submit(f"{case.url}/sign", {"source": "browser"})
    assert "виберіть файл ключа" in _field_error(response.get_data(as_text=True), "key_file")


# --- refused ---------------------------------------------------------------------------------


def _refused(portal, case, signature: bytes, expected: str, status: int = 422) -> str:
    response = _upload(portal, case, signature)
    assert response.status_code == status
    page = response.get_data(as_text=True)
    message = _field_error(page, "signature")
    assert expected in message, message
    assert 'href="#f-signature"' in page  # the summary leads to the field
    assert "<title>Помилка:" in page
    return message


def test_a_changed_document_is_refused_and_nothing_is_kept(portal, case, applicant, keys, db):
    portal.sign_in(applicant.email)
    changed = bytearray(_document(portal, case))
    changed[len(changed) // 2] ^= 0x01
    signature = demo_pki.sign_detached_cades(keys.resident, bytes(changed))
    message = _refused(portal, case, signature, "документ змінено після підписання")
    assert "Завантажте файл заяви з порталу ще раз" in message
    assert _signatures(db, case) == 0
    assert "Заяву ще не підписано" in portal.page(case.url)


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("foreign", "центр, якому система не довіряє: Сторонній ЦСК (не довірений)"),
        ("expired", "Строк дії сертифіката минув"),
        ("other_person", "ключем іншої особи (Іншенко Інна)"),
    ],
)
def test_a_foreign_expired_or_other_persons_key_is_refused(
    portal, case, applicant, keys, db, who, expected
):
    portal.sign_in(applicant.email)
    signature = demo_pki.sign_detached_cades(getattr(keys, who), _document(portal, case))
    _refused(portal, case, signature, expected)
    assert _signatures(db, case) == 0


def test_garbage_empty_missing_and_oversized_uploads_get_a_clear_message(
    portal, case, applicant, db
):
    portal.sign_in(applicant.email)
    _document(portal, case)
    _refused(portal, case, b"%PDF-1.4 not a signature", "Це не електронний підпис у форматі")
    _refused(portal, case, b"", "Файл підпису порожній.")
    _refused(portal, case, b"0" * (MAX_SIGNATURE_BYTES + 1), "Файл підпису завеликий")
    response = _upload(portal, case, b"0" * (3 * 1024 * 1024))  # refused before it is read
    assert response.status_code == 303 and response.headers["Location"] == f"{case.url}/sign"
    page = portal.page(f"{case.url}/sign")
    assert "Підпис не прийнято: файл завеликий. Файл підпису (.p7s) — не більше 1 МБ" in page
    response = portal.submit(f"{case.url}/sign", {"source": "upload"})
    assert "Виберіть файл підпису (.p7s)." in _field_error(
        response.get_data(as_text=True), "signature"
    )
    assert _signatures(db, case) == 0
    assert web_signing.SIGNATURE_LIMIT_MB * 1024 * 1024 == MAX_SIGNATURE_BYTES


def test_a_post_without_the_csrf_token_is_refused(portal, case, applicant, keys, db):
    portal.sign_in(applicant.email)
    signature = demo_pki.sign_detached_cms(keys.resident, _document(portal, case))
    response = portal.post(
        f"{case.url}/sign",
        data={"source": "upload", "signature": (io.BytesIO(signature), "a.p7s")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400 and "Форма застаріла" in response.get_data(as_text=True)
    assert _signatures(db, case) == 0


def test_refusals_are_in_english_by_their_code(portal, case, applicant, keys):
    portal.sign_in(applicant.email)
    token = csrf_token(portal.page("/cabinet/"))
    portal.post("/language", data={"lang": "en", "csrf_token": token})
    signature = demo_pki.sign_detached_cades(keys.foreign, _document(portal, case))
    page = _upload(portal, case, signature).get_data(as_text=True)
    message = _field_error(page, "signature")
    assert message.startswith("Error: Signature not accepted. The certificate was issued by")
    assert "Сторонній ЦСК (не довірений)" in message  # the issuer's own name
    assert "Sign the application" in page


# --- what the order shows -----------------------------------------------------------------------


def test_a_signers_name_with_markup_comes_back_as_text(portal, case, applicant, keys):
    portal.sign_in(applicant.email)
    signature = demo_pki.sign_detached_cades(keys.scripted, _document(portal, case))
    assert _upload(portal, case, signature).status_code == 303
    page = portal.page(case.url)
    _assert_inert(page)
    assert "Підписано: &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; Коваленко" in page
    _assert_inert(portal.page(f"{case.url}/sign"))


def test_the_signed_result_downloads_as_a_valid_pades_pdf(portal, case, applicant, keys, db):
    from tests.core.test_signatures import _pdf

    with db() as session:
        for step in (services.accept, services.start):
            step(session, case.clerk, case.order_id)
        services.mark_ready(session, case.clerk, case.order_id, "рішення.pdf", _pdf())
        signing.sign_result(session, case.clerk, case.order_id, keys.clerk.p12("x"), "x")
        result_id = session.get(Order, case.order_id).result_file_id
    portal.sign_in(applicant.email)
    page = portal.page(case.url)
    assert "Результат підписано електронним підписом працівника ЦНАП: Шевчук Олена Петрівна" in page
    link = f"{case.url}/files/{result_id}"
    assert f'href="{link}"' in page
    signed = portal.get(link)
    assert signed.status_code == 200 and signed.headers["Content-Type"] == "application/pdf"
    [verification] = signing.verify_pdf(signed.data)
    assert verification.is_valid and verification.signer_name == "Шевчук Олена Петрівна"


def test_a_closed_order_is_not_signed_any_more(portal, case, applicant):
    portal.sign_in(applicant.email)
    token = csrf_token(portal.page(f"{case.url}/cancel"))
    assert portal.post(f"{case.url}/cancel", data={"csrf_token": token}).status_code == 303
    page = portal.page(case.url)
    assert f'href="{case.url}/sign"' not in page and "Електронний підпис заяви" not in page
    response = portal.get(f"{case.url}/sign")
    assert response.status_code == 303 and response.headers["Location"] == case.url
    assert "Цю заяву зараз не можна підписати." in portal.page(case.url)
