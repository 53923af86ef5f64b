"""Electronic signatures: the application residents sign, the results clerks sign, verification."""

from __future__ import annotations

import asyncio
import base64
import io
import threading
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

import pytest
from pypdf import PdfReader
from reportlab.pdfgen import canvas
from sqlalchemy import select

from backoffice.core import demo_pki, services, signing
from backoffice.core.actor import Actor
from backoffice.core.errors import (
    Conflict,
    InvalidInput,
    InvalidTransition,
    NotAllowed,
    NotFound,
)
from backoffice.core.signing import (
    SignatureRefused,
    Status,
    Verification,
    verify_detached,
    verify_pdf,
)
from backoffice.core.signing.certificates import rnokpp_from_serial_number
from backoffice.core.signing.trust import TrustAnchor
from backoffice.models import (
    ActivityEntry,
    Notification,
    Order,
    OrderEvent,
    OrderSignature,
    Role,
    StoredFile,
    User,
)

RESIDENT_TAX = "3012345670"
PASSPHRASE = "тест-пароль"
SCHEMA = [
    {"name": "purpose", "label": "Мета отримання", "type": "text", "required": True},
    {"name": "tax_number", "label": "РНОКПП", "type": "tax_number", "required": True},
    {"name": "copies", "label": "Кількість примірників", "type": "number"},
    {"name": "scan", "label": "Скан паспорта", "type": "file"},
]
ANSWERS = {"purpose": "Для оформлення субсидії", "tax_number": RESIDENT_TAX, "copies": 2}
SCAN = ("scan", "паспорт.txt", "Скан сторінок паспорта (текстовий замінник)".encode())


def _pdf(text: str = "Рішення про надання послуги") -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, text.encode("ascii", "replace").decode())
    page.save()
    return buffer.getvalue()


@dataclass(frozen=True)
class Pki:
    ca: demo_pki.Credential
    resident: demo_pki.Credential  # РНОКПП as "TINUA-..."
    resident_p12: bytes
    other_person: demo_pki.Credential  # another РНОКПП, bare form
    clerk: demo_pki.Credential
    clerk_p12: bytes
    expired: demo_pki.Credential
    expired_p12: bytes
    foreign: demo_pki.Credential
    foreign_p12: bytes
    encryption_only: demo_pki.Credential
    rsa_resident: demo_pki.Credential
    anchor: TrustAnchor


@pytest.fixture(scope="session")
def pki() -> Pki:
    """Keys are made once per run; the demo CA is trusted through the configured trust folder
    (the tests' own data folder) for as long as the session lasts."""
    now = datetime.now(UTC)
    ca = demo_pki.make_ca(now=now)
    resident = demo_pki.issue(ca, "Коваленко Марія Іванівна", rnokpp=RESIDENT_TAX, now=now)
    clerk = demo_pki.issue(ca, "Шевчук Олена Петрівна", rnokpp="2987654321", now=now)
    expired = demo_pki.issue(
        ca,
        "Прострочений Сертифікат",
        rnokpp=RESIDENT_TAX,
        not_before=now - timedelta(days=400),
        not_after=now - timedelta(days=10),
    )
    foreign_ca = demo_pki.make_ca(demo_pki.FOREIGN_CA_NAME, now=now)
    foreign = demo_pki.issue(foreign_ca, "Коваленко Марія Іванівна", rnokpp=RESIDENT_TAX, now=now)
    anchor = signing.add_trust_anchor(ca.cert_pem)
    yield Pki(
        ca=ca,
        resident=resident,
        resident_p12=resident.p12(PASSPHRASE),
        other_person=demo_pki.issue(
            ca, "Іншенко Інна", rnokpp="1111111118", bare_rnokpp=True, now=now
        ),
        clerk=clerk,
        clerk_p12=clerk.p12(PASSPHRASE),
        expired=expired,
        expired_p12=expired.p12(PASSPHRASE),
        foreign=foreign,
        foreign_p12=foreign.p12(PASSPHRASE),
        encryption_only=demo_pki.issue(ca, "Лише Шифрування", key_usage={"key_agreement"}),
        rsa_resident=demo_pki.issue(
            ca, "Коваленко Марія Іванівна", rnokpp=RESIDENT_TAX, key_type="rsa", now=now
        ),
        anchor=anchor,
    )
    signing.remove_trust_anchor(anchor.fingerprint)


@dataclass
class World:
    session: object
    order: Order
    applicant_user: User
    applicant: Actor
    other: Actor
    clerk_user: User
    clerk: Actor
    manager: Actor

    def document(self) -> bytes:
        return signing.application_document(self.session, self.applicant, self.order.id).data

    def ready_with_result(self, data: bytes | None = None, name: str = "рішення.pdf") -> Order:
        for step in (services.accept, services.start):
            step(self.session, self.clerk, self.order.id)
        return services.mark_ready(
            self.session, self.clerk, self.order.id, name, _pdf() if data is None else data
        )


@pytest.fixture
def world(session, people, pki) -> World:
    admin = people.actor(people.staff(Role.ADMIN))
    category = services.create_category(session, admin, code="docs", title="Документи")
    service = services.create_service(
        session,
        admin,
        code="cert-1",
        category_id=category.id,
        title="Довідка про склад сім'ї",
        form_schema=SCHEMA,
    )
    applicant_user = people.resident(full_name="Коваленко Марія Іванівна", tax_number=RESIDENT_TAX)
    applicant = people.actor(applicant_user, "web")
    order = services.submit_order(session, applicant, service.id, ANSWERS, [SCAN])
    clerk_user = people.staff(Role.CLERK, full_name="Шевчук Олена Петрівна")
    return World(
        session=session,
        order=order,
        applicant_user=applicant_user,
        applicant=applicant,
        other=people.actor(people.resident(), "web"),
        clerk_user=clerk_user,
        clerk=people.actor(clerk_user),
        manager=people.actor(people.staff(Role.MANAGER)),
    )


def _refused(excinfo) -> SignatureRefused:
    error = excinfo.value
    assert isinstance(error, SignatureRefused) and isinstance(error, InvalidInput)
    return error


# --- the application document ------------------------------------------------------------


def test_application_document_is_made_once_and_never_changes(world):
    version = world.order.version
    first = signing.application_document(world.session, world.applicant, world.order.id)
    assert first.media_type == "application/pdf" and first.name.endswith(".pdf")
    assert world.order.registration_number.replace("/", "_") in first.name
    again = signing.application_document(world.session, world.applicant, world.order.id)
    by_clerk = signing.application_document(world.session, world.clerk, world.order.id)
    assert first.data == again.data == by_clerk.data
    world.session.expire_all()
    order = world.session.get(Order, world.order.id)
    assert order.application_file_id is not None
    assert order.version == version  # making the document is not an edit
    stored = world.session.get(StoredFile, order.application_file_id)
    assert stored.uploaded_by_id is None  # made by the system
    # The portal's file download serves the same bytes.
    served = services.order_file_for(
        world.session, world.applicant, order.id, order.application_file_id
    )
    assert served.content == first.data


def test_application_document_holds_the_application(world):
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(world.document())).pages)
    for expected in (
        world.order.registration_number,
        "Довідка про склад сім'ї",
        "Коваленко Марія Іванівна",
        "Для оформлення субсидії",
        "Кількість примірників",
        "паспорт.txt",
    ):
        assert expected in text
    scan_hash = world.session.scalar(select(StoredFile.sha256).where(StoredFile.name == SCAN[1]))
    assert scan_hash in text.replace("\n", "")


def test_application_document_is_for_the_applicant_and_staff_only(world):
    with pytest.raises(NotFound):
        signing.application_document(world.session, world.other, world.order.id)
    with pytest.raises(NotAllowed):
        signing.application_document(world.session, Actor.anonymous(), world.order.id)
    with pytest.raises(NotFound):
        signing.application_document(world.session, world.applicant, 999_999)


# --- the resident signs -------------------------------------------------------------------------


def test_a_detached_cms_signature_is_accepted_and_recorded(world, pki):
    document = world.document()
    signature = demo_pki.sign_detached_cms(pki.resident, document)
    version = world.order.version
    row = signing.attach_application_signature(
        world.session, world.applicant, world.order.id, signature, source="upload"
    )
    assert row.status == "valid" and row.kind == "application" and row.source == "upload"
    assert row.signer_name == "Коваленко Марія Іванівна"
    assert row.rnokpp == RESIDENT_TAX
    assert row.issuer == demo_pki.DEMO_CA_NAME
    assert row.signature == signature
    assert row.certificate_fingerprint == pki.resident.fingerprint
    assert row.signed_at is not None and row.algorithm == "ECDSA / SHA-256"
    world.session.expire_all()
    assert world.session.get(Order, world.order.id).version == version
    event = world.session.scalars(
        select(OrderEvent).where(OrderEvent.order_id == world.order.id).order_by(OrderEvent.id)
    ).all()[-1]
    assert event.action == "sign_application"
    assert event.comment.startswith("Підписав(ла) Коваленко Марія Іванівна · ")
    entry = world.session.scalars(select(ActivityEntry).order_by(ActivityEntry.id.desc())).first()
    assert entry.action == "order.sign_application" and entry.entity_id == world.order.id
    assert entry.changes["signature_id"] == [None, row.id]
    assert RESIDENT_TAX not in str(entry.changes)  # personal data stays out of the log


def test_a_cades_signature_made_with_pyhanko_is_accepted(world, pki):
    signature = demo_pki.sign_detached_cades(pki.resident, world.document())
    row = signing.attach_application_signature(
        world.session, world.applicant, world.order.id, signature, source="browser"
    )
    assert row.status == "valid" and row.source == "browser"


def test_pem_and_base64_signatures_are_accepted_and_kept_as_der(world, pki):
    der = demo_pki.sign_detached_cms(pki.resident, world.document())
    text = base64.b64encode(der).decode()
    pem = f"-----BEGIN PKCS7-----\n{text}\n-----END PKCS7-----\n"
    for given in (text, pem.encode()):
        row = signing.attach_application_signature(
            world.session, world.applicant, world.order.id, given, source="browser"
        )
        assert row.signature == der


def test_an_rsa_key_works_too(world, pki):
    signature = demo_pki.sign_detached_cms(pki.rsa_resident, world.document())
    row = signing.attach_application_signature(
        world.session, world.applicant, world.order.id, signature
    )
    assert row.algorithm == "RSA / SHA-256"


def test_one_changed_byte_of_the_application_is_refused(world, pki):
    document = bytearray(world.document())
    document[len(document) // 2] ^= 0x01
    signature = demo_pki.sign_detached_cms(pki.resident, bytes(document))
    with pytest.raises(InvalidInput) as excinfo:
        signing.attach_application_signature(
            world.session, world.applicant, world.order.id, signature
        )
    error = _refused(excinfo)
    assert error.code == "signature_document_changed"
    assert "змінено" in error.fields["signature"]
    assert "Завантажте файл заяви" in error.fields["signature"]
    assert error.verification.status is Status.INVALID
    assert world.session.scalar(select(OrderSignature.id)) is None


def test_a_certificate_of_an_untrusted_ca_is_refused(world, pki):
    signature = demo_pki.sign_detached_cms(pki.foreign, world.document())
    with pytest.raises(InvalidInput) as excinfo:
        signing.attach_application_signature(
            world.session, world.applicant, world.order.id, signature
        )
    error = _refused(excinfo)
    assert error.code == "signature_untrusted_issuer"
    assert demo_pki.FOREIGN_CA_NAME in error.fields["signature"]
    assert error.verification.status is Status.UNTRUSTED


def test_an_expired_certificate_is_refused(world, pki):
    signature = demo_pki.sign_detached_cms(pki.expired, world.document())
    with pytest.raises(InvalidInput) as excinfo:
        signing.attach_application_signature(
            world.session, world.applicant, world.order.id, signature
        )
    error = _refused(excinfo)
    assert error.code == "signature_certificate_expired"
    assert "Строк дії сертифіката минув" in error.fields["signature"]
    assert error.verification.status is Status.EXPIRED


def test_a_certificate_not_for_signing_is_refused(world, pki):
    signature = demo_pki.sign_detached_cms(pki.encryption_only, world.document())
    with pytest.raises(InvalidInput) as excinfo:
        signing.attach_application_signature(
            world.session, world.applicant, world.order.id, signature
        )
    assert _refused(excinfo).code == "signature_key_usage"


@pytest.mark.parametrize(
    ("signature", "code", "words"),
    [
        (b"", "empty", "порожній"),
        ("   ", "empty", "порожній"),
        (b"not a signature at all", "malformed", "CMS/CAdES"),
        (b"\x30\x82\x01\x00garbage", "malformed", "CMS/CAdES"),
        (b"\x30" * (2 * 1024 * 1024), "too_large", "завеликий"),
        (12345, "malformed", "CMS/CAdES"),
    ],
)
def test_bad_signature_files_get_a_clear_message(world, signature, code, words):
    with pytest.raises(InvalidInput) as excinfo:
        signing.attach_application_signature(
            world.session, world.applicant, world.order.id, signature
        )
    error = _refused(excinfo)
    assert error.code == f"signature_{code}"
    assert words in error.fields["signature"]


def test_a_signature_with_another_persons_key_is_refused(world, pki):
    signature = demo_pki.sign_detached_cms(pki.other_person, world.document())
    with pytest.raises(InvalidInput) as excinfo:
        signing.attach_application_signature(
            world.session, world.applicant, world.order.id, signature
        )
    error = _refused(excinfo)
    assert error.code == "signature_other_person"
    assert "Іншенко Інна" in error.fields["signature"]


def test_a_dstu_4145_signature_is_reported_as_not_supported_here(world):
    document = world.document()
    signature = demo_pki.dstu_signature(
        document, full_name="Коваленко Марія Іванівна", rnokpp=RESIDENT_TAX
    )
    with pytest.raises(InvalidInput) as excinfo:
        signing.attach_application_signature(
            world.session, world.applicant, world.order.id, signature
        )
    error = _refused(excinfo)
    assert error.code == "signature_unsupported_algorithm"
    assert "ДСТУ 4145" in error.fields["signature"]
    assert "тут не підтримується" in error.fields["signature"]
    verification = error.verification
    assert verification.status is Status.UNSUPPORTED
    assert verification.signer_name == "Коваленко Марія Іванівна"
    assert verification.rnokpp == RESIDENT_TAX
    assert verification.algorithm.startswith("ДСТУ 4145-2002")


def test_another_residents_order_is_not_found(world, pki):
    signature = demo_pki.sign_detached_cms(pki.resident, world.document())
    with pytest.raises(NotFound):
        signing.attach_application_signature(world.session, world.other, world.order.id, signature)
    with pytest.raises(NotAllowed):  # staff see the order but do not sign for the applicant
        signing.attach_application_signature(world.session, world.clerk, world.order.id, signature)
    with pytest.raises(NotAllowed):
        signing.attach_application_signature(
            world.session, Actor.anonymous(), world.order.id, signature
        )


def test_a_closed_order_is_not_signed(world, pki):
    signature = demo_pki.sign_detached_cms(pki.resident, world.document())
    services.cancel(world.session, world.applicant, world.order.id)
    with pytest.raises(InvalidTransition) as excinfo:
        signing.attach_application_signature(
            world.session, world.applicant, world.order.id, signature
        )
    assert excinfo.value.code == "order_closed"


def test_an_unknown_source_is_refused(world, pki):
    with pytest.raises(InvalidInput) as excinfo:
        signing.attach_application_signature(
            world.session, world.applicant, world.order.id, b"x", source="fax"
        )
    assert set(excinfo.value.fields) == {"source"}


def test_signing_again_adds_a_signature_and_the_newest_is_current(world, pki):
    document = world.document()
    first = signing.attach_application_signature(
        world.session,
        world.applicant,
        world.order.id,
        demo_pki.sign_detached_cms(pki.resident, document),
    )
    second = signing.attach_application_signature(
        world.session,
        world.applicant,
        world.order.id,
        demo_pki.sign_detached_cades(pki.resident, document),
    )
    rows = signing.order_signatures(world.session, world.applicant, world.order.id)
    assert [(r["id"], r["is_current"]) for r in rows] == [(first.id, False), (second.id, True)]
    assert rows[1]["summary"].startswith("Підписав(ла) Коваленко Марія Іванівна · ")
    assert rows[1]["rnokpp"] == RESIDENT_TAX


# --- the clerk signs the result ---------------------------------------------------------------


def test_a_signed_result_validates_and_fails_after_one_byte_changes(world, pki):
    order = world.ready_with_result()
    unsigned_id = order.result_file_id
    row = signing.sign_result(
        world.session,
        world.clerk,
        order.id,
        pki.clerk_p12,
        PASSPHRASE,
        expected_version=order.version,
    )
    assert row.kind == "result" and row.status == "valid" and row.source == "pkcs12"
    assert row.signer_name == "Шевчук Олена Петрівна" and row.rnokpp == "2987654321"
    assert row.document_file_id == unsigned_id
    world.session.expire_all()
    order = world.session.get(Order, order.id)
    assert order.result_file_id == row.signed_file_id != unsigned_id
    assert world.session.get(StoredFile, unsigned_id) is not None  # the unsigned one is kept
    signed = world.session.get(StoredFile, order.result_file_id)
    assert signed.name == "рішення.pdf"
    [verification] = verify_pdf(signed.content)
    assert verification.is_valid and verification.signer_name == "Шевчук Олена Петрівна"
    assert verification.field_name == "Signature1"
    # One byte of the signed document (the signature's own /Contents is not covered by design).
    changed = bytearray(signed.content)
    changed[world.session.get(StoredFile, unsigned_id).size // 2] ^= 0x01
    [broken] = verify_pdf(bytes(changed))
    assert broken.status is Status.INVALID and broken.code == "document_changed"
    # The resident downloads the signed PDF as the order's result, and is told.
    served = services.order_file_for(world.session, world.applicant, order.id, signed.id)
    assert served.content == signed.content
    notice = world.session.scalars(
        select(Notification)
        .where(Notification.user_id == world.applicant_user.id)
        .order_by(Notification.id.desc())
    ).first()
    assert "підписано" in notice.text
    entry = world.session.scalars(select(ActivityEntry).order_by(ActivityEntry.id.desc())).first()
    assert entry.action == "order.sign_result"
    assert entry.changes["result_file_id"] == [unsigned_id, signed.id]
    event = world.session.scalars(
        select(OrderEvent).where(OrderEvent.order_id == order.id).order_by(OrderEvent.id.desc())
    ).first()
    assert event.action == "sign_result" and "Шевчук Олена Петрівна" in event.comment


def test_a_second_signature_keeps_the_first_valid(world, pki):
    order = world.ready_with_result()
    signing.sign_result(world.session, world.clerk, order.id, pki.clerk_p12, PASSPHRASE)
    signing.sign_result(world.session, world.clerk, order.id, pki.resident_p12, PASSPHRASE)
    world.session.expire_all()
    signed = world.session.get(StoredFile, world.session.get(Order, order.id).result_file_id)
    results = verify_pdf(signed.content)
    assert [(v.field_name, v.status) for v in results] == [
        ("Signature1", Status.VALID),
        ("Signature2", Status.VALID),
    ]


def test_a_wrong_passphrase_or_key_file_is_named(world, pki):
    order = world.ready_with_result()
    with pytest.raises(InvalidInput) as excinfo:
        signing.sign_result(world.session, world.clerk, order.id, pki.clerk_p12, "не той")
    assert excinfo.value.fields == {"passphrase": "Неправильний пароль до ключа."}
    for bad in (b"", b"not a key file", _pdf()):
        with pytest.raises(InvalidInput) as excinfo:
            signing.sign_result(world.session, world.clerk, order.id, bad, PASSPHRASE)
        assert set(excinfo.value.fields) == {"key_file"}


@pytest.mark.parametrize(
    ("which", "code"),
    [
        ("expired_p12", "signature_certificate_expired"),
        ("foreign_p12", "signature_untrusted_issuer"),
    ],
)
def test_a_clerk_key_not_trusted_or_expired_is_refused(world, pki, which, code):
    order = world.ready_with_result()
    result_before = order.result_file_id
    with pytest.raises(InvalidInput) as excinfo:
        signing.sign_result(world.session, world.clerk, order.id, getattr(pki, which), PASSPHRASE)
    error = _refused(excinfo)
    assert error.code == code and set(error.fields) == {"key_file"}
    world.session.expire_all()
    assert world.session.get(Order, order.id).result_file_id == result_before


def test_only_a_pdf_result_is_signed(world, pki):
    with pytest.raises(InvalidInput) as excinfo:
        signing.sign_result(world.session, world.clerk, world.order.id, pki.clerk_p12, PASSPHRASE)
    assert "ще немає" in excinfo.value.fields["result_file"]
    order = world.ready_with_result("Рішення".encode(), name="рішення.txt")
    with pytest.raises(InvalidInput) as excinfo:
        signing.sign_result(world.session, world.clerk, order.id, pki.clerk_p12, PASSPHRASE)
    assert "PDF" in excinfo.value.fields["result_file"]


def test_a_broken_result_pdf_is_refused(world, pki):
    order = world.ready_with_result(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
    with pytest.raises(InvalidInput) as excinfo:
        signing.sign_result(world.session, world.clerk, order.id, pki.clerk_p12, PASSPHRASE)
    assert set(excinfo.value.fields) == {"result_file"}


def test_signing_the_result_needs_order_processing_and_a_fresh_version(world, pki):
    order = world.ready_with_result()
    for actor in (world.applicant, world.manager):
        with pytest.raises(NotAllowed):
            signing.sign_result(world.session, actor, order.id, pki.clerk_p12, PASSPHRASE)
    with pytest.raises(Conflict):
        signing.sign_result(
            world.session,
            world.clerk,
            order.id,
            pki.clerk_p12,
            PASSPHRASE,
            expected_version=order.version - 1,
        )


def test_signing_works_in_a_worker_thread_and_under_a_running_event_loop(world, pki):
    """The desktop calls core in a worker thread without a loop; an async host may call it with
    a loop running. pyHanko's own sync wrappers (asyncio.run inside) would fail in the latter."""
    order = world.ready_with_result()
    document = world.document()
    signature = demo_pki.sign_detached_cms(pki.resident, document)
    found: dict[str, object] = {}

    def in_worker():
        found["worker"] = verify_detached(document, signature)

    thread = threading.Thread(target=in_worker)
    thread.start()
    thread.join()

    async def under_loop():
        found["loop"] = verify_detached(document, signature)
        found["signed"] = signing.sign_result(
            world.session, world.clerk, order.id, pki.clerk_p12, PASSPHRASE
        )

    asyncio.run(under_loop())
    assert found["worker"].is_valid and found["loop"].is_valid
    assert found["signed"].status == "valid"


# --- reading signatures ---------------------------------------------------------------------


def test_signatures_are_shown_to_whoever_may_see_the_order(world, pki):
    signing.attach_application_signature(
        world.session,
        world.applicant,
        world.order.id,
        demo_pki.sign_detached_cms(pki.resident, world.document()),
    )
    order = world.ready_with_result()
    signing.sign_result(world.session, world.clerk, order.id, pki.clerk_p12, PASSPHRASE)
    by_clerk = signing.order_signatures(world.session, world.clerk, order.id)
    assert [(r["kind"], r["status"], r["rnokpp"]) for r in by_clerk] == [
        ("application", "valid", RESIDENT_TAX),
        ("result", "valid", "2987654321"),
    ]
    by_manager = signing.order_signatures(world.session, world.manager, order.id)
    assert {r["rnokpp"] for r in by_manager} == {"••••••••••"}  # no personal data for managers
    assert by_manager[0]["issuer"] == demo_pki.DEMO_CA_NAME
    with pytest.raises(NotFound):
        signing.order_signatures(world.session, world.other, order.id)
    p7s = signing.signature_file(world.session, world.applicant, order.id, by_clerk[0]["id"])
    assert p7s.name.endswith(".p7s") and p7s.media_type == "application/pkcs7-signature"
    signed_pdf = signing.signature_file(world.session, world.applicant, order.id, by_clerk[1]["id"])
    assert verify_pdf(signed_pdf.data)[0].is_valid
    with pytest.raises(NotFound):
        signing.signature_file(world.session, world.other, order.id, by_clerk[0]["id"])


def test_list_rows_get_the_signature_status_of_visible_orders_only(world, pki, people):
    signing.attach_application_signature(
        world.session,
        world.applicant,
        world.order.id,
        demo_pki.sign_detached_cms(pki.resident, world.document()),
    )
    wanted = [world.order.id, 999_999]
    expected = {world.order.id: {"application": "valid", "result": None}}
    assert signing.signature_status_of(world.session, world.clerk, wanted) == expected
    assert signing.signature_status_of(world.session, world.applicant, wanted) == expected
    assert signing.signature_status_of(world.session, world.other, wanted) == {}
    assert signing.signature_status_of(world.session, world.clerk, []) == {}
    with pytest.raises(NotAllowed):
        signing.signature_status_of(world.session, Actor.anonymous(), wanted)
    with pytest.raises(InvalidInput):
        signing.signature_status_of(world.session, world.clerk, range(1, 1002))
    with pytest.raises(InvalidInput):
        signing.signature_status_of(world.session, world.clerk, ["1"])


def test_signing_actions_tell_which_buttons_to_show(world, pki):
    assert signing.signing_actions(world.session, world.applicant, world.order) == [
        "sign_application"
    ]
    assert signing.signing_actions(world.session, world.clerk, world.order) == []
    order = world.ready_with_result()
    assert signing.signing_actions(world.session, world.clerk, order) == ["sign_result"]
    assert signing.signing_actions(world.session, world.other, order) == []


# --- verification without a database -----------------------------------------------------------


def test_rnokpp_is_read_from_both_forms_of_the_serial_number(pki):
    assert rnokpp_from_serial_number("TINUA-1234567890") == "1234567890"
    assert rnokpp_from_serial_number("tinua1234567890") == "1234567890"
    assert rnokpp_from_serial_number(" 1234567890 ") == "1234567890"
    for other in ("UA-12345678", "123456789", "TINUA-12345678901", None, 5):
        assert rnokpp_from_serial_number(other) is None
    data = b"any bytes"
    bare = verify_detached(data, demo_pki.sign_detached_cms(pki.other_person, data))
    assert bare.is_valid and bare.rnokpp == "1111111118"
    tinua = verify_detached(data, demo_pki.sign_detached_cms(pki.resident, data))
    assert tinua.rnokpp == RESIDENT_TAX


def test_verification_is_pure_and_takes_its_trust_and_moment(pki):
    data = b"line one\r\nline two\n"  # line endings must not be touched
    signature = demo_pki.sign_detached_cms(pki.resident, data)
    assert verify_detached(data, signature, trust=[pki.anchor]).is_valid
    untrusted = verify_detached(data, signature, trust=[])
    assert untrusted.status is Status.UNTRUSTED and untrusted.code == "untrusted_issuer"
    later = verify_detached(data, signature, at=datetime.now(UTC) + timedelta(days=800))
    assert later.status is Status.EXPIRED
    assert later.checked_at is not None and later.signer_name == "Коваленко Марія Іванівна"
    with pytest.raises(ValueError):
        verify_detached(data, signature, at=datetime(2026, 1, 1))  # a naive moment is a bug


def test_verify_pdf_never_raises(pki):
    assert verify_pdf(_pdf()) == []
    for garbage in (b"", b"%PDF-1.7 broken", b"not a pdf", None):
        [result] = verify_pdf(garbage)
        assert result.status is Status.INVALID and result.code == "not_a_pdf"


def test_an_adapter_registered_for_dstu_gets_those_signatures(pki):
    class FakeUapki:
        name = "uapki-test"

        def accepts(self, algorithms):
            return any(oid.startswith("1.2.804.2.1.1.1.1.3") for oid in algorithms)

        def verify_detached(self, data, signed_data, context):
            return Verification(status=Status.VALID, code="valid", reason="ok (test adapter)")

        def verify_pdf_signature(self, pdf, signature, context):
            return self.verify_detached(signature.signed_bytes, signature.signed_data, context)

    data = b"document"
    signature = demo_pki.dstu_signature(data, full_name="Тест")
    assert verify_detached(data, signature).status is Status.UNSUPPORTED
    signing.register_verifier(FakeUapki())
    try:
        result = verify_detached(data, signature)
        assert result.is_valid and result.verifier == "uapki-test"
        # Other algorithms still go to pyHanko.
        ecdsa = verify_detached(data, demo_pki.sign_detached_cms(pki.resident, data))
        assert ecdsa.verifier == "pyhanko"
    finally:
        signing.unregister_verifier("uapki-test")
    assert [v.name for v in signing.registered_verifiers()] == ["pyhanko"]
    with pytest.raises(TypeError):
        signing.register_verifier(object())


def test_a_verifier_that_crashes_gives_an_invalid_result(pki):
    class Broken:
        name = "broken"

        def accepts(self, algorithms):
            return True

        def verify_detached(self, data, signed_data, context):
            raise RuntimeError("bug")

        def verify_pdf_signature(self, pdf, signature, context):
            raise RuntimeError("bug")

    data = b"document"
    signing.register_verifier(Broken())
    try:
        result = verify_detached(data, demo_pki.sign_detached_cms(pki.resident, data))
    finally:
        signing.unregister_verifier("broken")
    assert result.status is Status.INVALID and result.code == "verification_failed"


def test_trust_anchors_are_ca_certificates(pki, tmp_path):
    assert pki.anchor.fingerprint in {a.fingerprint for a in signing.load_trust_anchors()}
    with pytest.raises(InvalidInput) as excinfo:
        signing.add_trust_anchor(pki.resident.cert_pem, folder=tmp_path)
    assert "CA" in excinfo.value.fields["certificate"]
    with pytest.raises(InvalidInput):
        signing.add_trust_anchor(b"not a certificate", folder=tmp_path)
    added = signing.add_trust_anchor(pki.ca.cert_der, folder=tmp_path)  # DER is fine too
    assert added.path.parent == tmp_path and added.is_current()
    (tmp_path / "leaf.pem").write_bytes(pki.resident.cert_pem)  # dropped in by hand: ignored
    (tmp_path / "README.md").write_text("not a certificate")
    found = signing.load_trust_anchors(folder=tmp_path)
    assert [a.fingerprint for a in found if not a.shipped] == [pki.ca.fingerprint]
    with pytest.raises(NotFound):
        signing.remove_trust_anchor("00000000", folder=tmp_path)
    with pytest.raises(InvalidInput):
        signing.remove_trust_anchor("xyz", folder=tmp_path)
    signing.remove_trust_anchor(pki.ca.fingerprint[:12], folder=tmp_path)
    assert signing.load_trust_anchors(folder=tmp_path) == ()


def test_verification_results_are_frozen(pki):
    result = verify_detached(b"x", b"")
    with pytest.raises(AttributeError):
        result.status = Status.VALID  # type: ignore[misc]
    assert replace(result, code="x").code == "x"


def test_a_signing_time_claimed_after_receipt_is_not_shown(world, pki):
    """The signer's own clock is shown, unless it claims a moment after the signature reached
    us: then the moment of receipt (the latest it can have been made)."""
    received = datetime.now(UTC) - timedelta(hours=2)
    row = signing.attach_application_signature(
        world.session,
        world.applicant,
        world.order.id,
        demo_pki.sign_detached_cms(pki.resident, world.document()),
        now=received,
    )
    assert row.signed_at == received


def test_a_dstu_signature_still_names_its_signer_and_time():
    now = datetime.now(UTC).replace(microsecond=0)
    signature = demo_pki.dstu_signature(b"x", full_name="Петренко Петро", now=now)
    result = verify_detached(b"x", signature)
    assert result.status is Status.UNSUPPORTED and result.signed_at == now
    assert result.issuer == "Демо КНЕДП (ДСТУ 4145)" and result.rnokpp is None
    assert result.certificate_fingerprint and result.certificate_serial


def test_a_demo_certificate_for_a_very_long_name_keeps_what_a_common_name_holds(pki):
    name = "Костянтинопольська-Переяславська Олександра-Вікторія Святославівна Друга"
    credential = demo_pki.issue(pki.ca, name)
    assert len(credential.name.encode()) <= 64 and name.startswith(credential.name)
    assert credential.name == "Костянтинопольська-Переяславська"  # 63 bytes
    surname = credential.certificate.subject.get_attributes_for_oid(demo_pki.NameOID.SURNAME)[
        0
    ].value
    assert surname == "Костянтинопольська-Переяславська"


def test_order_signing_gives_a_page_everything_at_once(world, pki):
    before = signing.order_signing(world.session, world.applicant, world.order.id)
    assert before == {
        "signatures": [],
        "application": None,
        "result": None,
        "actions": ["sign_application"],
    }
    signature = demo_pki.sign_detached_cms(pki.resident, world.document())
    row = signing.attach_application_signature(
        world.session, world.applicant, world.order.id, signature, source="upload"
    )
    after = signing.order_signing(world.session, world.applicant, world.order.id)
    assert [s["id"] for s in after["signatures"]] == [row.id]
    assert after["application"]["id"] == row.id and after["result"] is None
    assert signing.order_signing(world.session, world.clerk, world.order.id)["actions"] == []
    with pytest.raises(NotFound):
        signing.order_signing(world.session, world.other, world.order.id)
