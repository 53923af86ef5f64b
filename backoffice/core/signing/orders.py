"""Signatures of orders: the application a resident signs, the result a clerk signs."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from sqlalchemy import select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from backoffice.core import audit, calendar, files, forms, records, services
from backoffice.core.actor import Actor
from backoffice.core.errors import InvalidInput, InvalidTransition, NotAllowed, NotFound
from backoffice.core.notifications import notify
from backoffice.core.permissions import Perm, can, require
from backoffice.core.signing import pades
from backoffice.core.signing.verification import (
    DOCUMENT_CHANGED,
    UNTRUSTED_ISSUER,
    Verification,
    signature_der,
    verify_detached,
    verify_pdf,
)
from backoffice.models import (
    Order,
    OrderAttachment,
    OrderEvent,
    OrderSignature,
    SignatureKind,
    SignatureSource,
    StoredFile,
    User,
    utcnow,
)

PDF = "application/pdf"
P7S = "application/pkcs7-signature"
SIGN_APPLICATION = "sign_application"
SIGN_RESULT = "sign_result"
MAX_STATUS_IDS = 1000
CLOCK_SKEW = timedelta(minutes=5)  # a signer's clock a little ahead of ours is not a lie
_PERSONAL_MASK = "••••••••••"
_RESULT_REASON = "Результат надання адміністративної послуги"


@dataclass(frozen=True)
class Document:
    """A file to hand to a person: its name, media type and bytes."""

    name: str
    media_type: str
    data: bytes


class SignatureRefused(InvalidInput):
    """A signature was not accepted: ``fields`` names the input (``signature`` or ``key_file``),
    ``code`` is ``signature_<Verification.code>`` (or ``signature_other_person``), and
    ``verification`` is what the check found."""

    def __init__(self, field: str, verification: Verification | None, message: str, code: str):
        super().__init__({field: message})
        self.code = code
        self.verification = verification


def _now(now: datetime | None) -> datetime:
    return calendar.moment_or_now(now)


def _kyiv(moment: datetime) -> str:
    return moment.astimezone(calendar.KYIV).strftime("%d.%m.%Y %H:%M")


def _is_applicant(actor: Actor, order: Order) -> bool:
    return actor.user_id is not None and actor.user_id == order.applicant_id


# --- the application document ---------------------------------------------------------------


def _size_text(size: int) -> str:
    return f"{size} Б" if size < 1024 else f"{size / 1024:.1f} КБ".replace(".", ",")


def build_application_pdf(session: Session, order: Order, *, generated_at: datetime) -> bytes:
    """The application as a PDF: the service, registration number, applicant, the answers in the
    order of the form, and each attached file's name, size and SHA-256 (so the signature covers
    the attachments too)."""
    # Reports build on core; core reaches into them only here, at call time.
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer

    from backoffice.reports.fonts import FONT
    from backoffice.reports.labels import CHANNELS, label
    from backoffice.reports.layout import (
        build_pdf,
        content_width,
        field_table,
        fmt_moment,
        para,
        section,
        styles,
    )

    s = styles()
    hash_style = ParagraphStyle("hash", parent=s.small, fontName=FONT, fontSize=7)
    width = content_width()
    service = order.service
    applicant = session.get(User, order.applicant_id)
    number = order.registration_number
    pairs = [
        ("Реєстраційний номер заяви", f"№ {number}"),
        ("Адміністративна послуга", f"{service.title} (код {service.code})"),
        ("Суб'єкт звернення (заявник)", applicant.full_name),
        ("РНОКПП заявника", applicant.tax_number or "—"),
        ("Дата і час подання", fmt_moment(order.submitted_at)),
        ("Спосіб подання", label(CHANNELS, order.channel)),
    ]
    answers = [
        (answer["label"], forms.answer_text(answer["type"], answer["value"]))
        for answer in services.answers_in_form_order(
            service.form_schema, order.answers, personal=True
        )
    ]
    labels = {field["name"]: field["label"] for field in service.form_schema}
    attached = session.execute(
        select(StoredFile.name, StoredFile.size, StoredFile.sha256, OrderAttachment.field)
        .join(OrderAttachment, OrderAttachment.file_id == StoredFile.id)
        .where(OrderAttachment.order_id == order.id)
        .order_by(OrderAttachment.id)
    ).all()
    story = [
        para("Заява про надання адміністративної послуги", s.title),
        para(
            "До Центру надання адміністративних послуг Тернопільської міської ради. "
            "Прошу надати адміністративну послугу, зазначену нижче.",
            s.body,
        ),
        Spacer(1, 4 * mm),
        field_table(pairs, [62 * mm, width - 62 * mm]),
    ]
    if answers:
        story += section(
            "Відомості, зазначені в заяві", field_table(answers, [62 * mm, width - 62 * mm])
        )
    story += [para("Додані файли", s.heading)]
    if not attached:
        story.append(para("Немає.", s.body))
    for i, (name, size, sha256, field) in enumerate(attached, start=1):
        where = f" — {labels.get(field, field)}" if field else ""
        story.append(para(f"{i}. {name} ({_size_text(size)}){where}", s.body))
        story.append(para(f"SHA-256: {sha256}", hash_style))
    story += [
        Spacer(1, 8 * mm),
        para(
            "Заявник підписує саме цей файл своїм кваліфікованим електронним підписом "
            "(відокремлений підпис CAdES, файл .p7s) і тим підтверджує, що відомості в заяві "
            "правдиві. Будь-яка зміна файлу робить підпис недійсним.",
            s.small,
        ),
    ]
    return build_pdf(
        "Заява про надання адміністративної послуги",
        f"Заява № {number} · подано {fmt_moment(order.submitted_at)}",
        story,
        generated_at=generated_at,
    )


def _application_file(session: Session, order: Order) -> StoredFile:
    """The stored application document of ``order``, made and kept on first use.

    Made under the order's row lock, set without moving the order's version: producing the
    document is not an edit a clerk could conflict with.
    """
    if order.application_file_id is None:
        current = session.scalar(
            select(Order.application_file_id).where(Order.id == order.id).with_for_update()
        )
        if current is None:
            data = build_application_pdf(session, order, generated_at=utcnow())
            # Generated by the system, not uploaded by the person who asked for it first.
            stored = files.store(
                session,
                Actor.system(),
                f"Заява {order.registration_number}.pdf",
                data,
                field="application",
            )
            session.execute(
                update(Order)
                .where(Order.id == order.id, Order.application_file_id.is_(None))
                .values(application_file_id=stored.id),
                execution_options={"synchronize_session": False},
            )
            current = stored.id
        set_committed_value(order, "application_file_id", current)
    return files.get(session, order.application_file_id)


def application_document(session: Session, actor: Actor, order_id: int) -> Document:
    """The application file of an order that residents download and sign (a PDF).

    Its bytes never change: the PDF is made once, on the first request, and kept as a stored
    file referenced by ``Order.application_file_id``; every later download returns those bytes.
    Storing beats regenerating deterministically: a new reportlab, font or layout, or a changed
    name of the applicant or the service, would change a regenerated file and break every
    signature made over the old one. The first request therefore writes (the caller commits).

    Staff who may see orders and the applicant; anyone else NotFound.
    """
    order = services.get_order_for(session, actor, order_id)
    stored = _application_file(session, order)
    return Document(name=stored.name, media_type=stored.media_type, data=stored.content)


# --- recording a signature --------------------------------------------------------------------


def _signed_at(verification: Verification, now: datetime) -> datetime:
    """The signing time to show: the one the signature states, unless it has none or claims a
    moment after it reached us — then that moment, the latest it can have been made."""
    claimed = verification.signed_at
    if claimed is None or claimed > now + CLOCK_SKEW:
        return now
    return claimed


def _record(
    session: Session,
    actor: Actor,
    order: Order,
    kind: SignatureKind,
    source: SignatureSource,
    document_file_id: int,
    verification: Verification,
    now: datetime,
    *,
    signature: bytes | None = None,
    signed_file_id: int | None = None,
) -> OrderSignature:
    row = OrderSignature(
        order_id=order.id,
        kind=kind.value,
        source=source.value,
        document_file_id=document_file_id,
        signature=signature,
        signed_file_id=signed_file_id,
        signer_name=verification.signer_name[:300],
        rnokpp=verification.rnokpp,
        issuer=verification.issuer[:300],
        certificate_serial=verification.certificate_serial[:80],
        certificate_fingerprint=verification.certificate_fingerprint[:64],
        algorithm=verification.algorithm[:100],
        signed_at=_signed_at(verification, now),
        status=verification.status.value,
        code=verification.code,
        reason=verification.reason,
        created_by_id=actor.user_id,
    )
    session.add(row)
    return row


def signed_line(signer_name: str, signed_at: datetime | None) -> str:
    """«Підписав(ла) … · 04.12.2026 10:15»: how an order shows who signed and when."""
    when = f" · {_kyiv(signed_at)}" if signed_at else ""
    return f"Підписав(ла) {signer_name or 'невідома особа'}{when}"


def _refusal(field: str, verification: Verification) -> SignatureRefused:
    message = f"Підпис не прийнято. {verification.reason}"
    if verification.code == DOCUMENT_CHANGED and field == "signature":
        message += (
            " Завантажте файл заяви з порталу ще раз і підпишіть саме його, нічого в ньому "
            "не змінюючи."
        )
    elif verification.code == UNTRUSTED_ISSUER:
        message += " Приймаються ключі, видані довіреними центрами (їх перелік веде адміністратор)."
    return SignatureRefused(field, verification, message, f"signature_{verification.code}")


SourceName = Literal["browser", "upload"]
_SOURCES = {"browser": SignatureSource.BROWSER, "upload": SignatureSource.UPLOAD}


def attach_application_signature(
    session: Session,
    actor: Actor,
    order_id: int,
    signature: bytes | str,
    *,
    source: SourceName = "upload",
    now: datetime | None = None,
) -> OrderSignature:
    """The applicant's detached CMS/CAdES signature (DER, PEM or base64) of the application
    document (``application_document``), checked and kept with the order.

    Only the applicant (others: NotFound, or NotAllowed for staff), on an order not closed.
    Refused with ``SignatureRefused`` (an InvalidInput naming ``signature``) unless the
    verification is VALID — a changed or another file, a broken signature, a CA not trusted, an
    expired certificate, a DSTU 4145 key — or when the certificate's РНОКПП is not the
    applicant's (both known and different). Signing again adds a signature beside the earlier
    ones (signatures are evidence and are never replaced); the newest is the current one.
    """
    require(actor, Perm.ORDER_SUBMIT)
    if not isinstance(source, str) or source not in _SOURCES:
        raise InvalidInput({"source": "Виберіть одне із запропонованих значень."})
    now = _now(now)
    order = services.get_order_for(session, actor, order_id)
    if not _is_applicant(actor, order):
        raise NotAllowed("Підписати заяву може лише заявник.", code="applicant_only")
    if order.is_closed:
        raise InvalidTransition(
            "Заяву закрито: підписувати її вже не потрібно.", code="order_closed"
        )
    document = _application_file(session, order)
    verification = verify_detached(document.content, signature, at=now)
    if not verification.is_valid:
        raise _refusal("signature", verification)
    applicant = session.get(User, order.applicant_id)
    if verification.rnokpp and applicant.tax_number and verification.rnokpp != applicant.tax_number:
        raise SignatureRefused(
            "signature",
            verification,
            f"Підпис не прийнято: заяву підписано ключем іншої особи ({verification.signer_name}). "
            "Підписати заяву може лише заявник своїм ключем.",
            "signature_other_person",
        )
    der = verification_der(signature)
    row = _record(
        session,
        actor,
        order,
        SignatureKind.APPLICATION,
        _SOURCES[source],
        document.id,
        verification,
        now,
        signature=der,
    )
    records.flush(session)
    session.add(
        OrderEvent(
            order_id=order.id,
            action=SIGN_APPLICATION,
            status=order.status,
            comment=f"{signed_line(row.signer_name, row.signed_at)} (сертифікат: {row.issuer}).",
            actor_id=actor.user_id,
            at=now,
        )
    )
    notify(
        session,
        order.assignee_id,
        f"Заявник підписав заяву № {order.registration_number} електронним підписом.",
        services.order_link(order),
    )
    audit.record(
        session,
        actor,
        f"order.{SIGN_APPLICATION}",
        "order",
        order.id,
        {
            "signature_id": [None, row.id],
            "certificate": [None, row.certificate_fingerprint],
            "source": [None, row.source],
        },
    )
    records.flush(session)
    return row


def verification_der(signature: bytes | str) -> bytes:
    """The DER bytes of a signature that verified (it was given as DER, PEM or base64)."""
    der = signature_der(signature)
    if isinstance(der, Verification):  # cannot happen after a VALID verification
        raise ValueError(der.reason)
    return der


# --- the clerk signs the result ------------------------------------------------------------------


def sign_result(
    session: Session,
    actor: Actor,
    order_id: int,
    p12_data: bytes,
    passphrase: str,
    *,
    expected_version: int | None = None,
    now: datetime | None = None,
) -> OrderSignature:
    """A clerk signs the order's result PDF (PAdES, with the key and certificate of a PKCS#12
    file): the signed PDF becomes the order's result file (the unsigned one is kept and linked
    from the returned signature as ``document_file_id``), and the applicant is told.

    Staff with ORDER_PROCESS. InvalidInput: ``result_file`` (no result, not a PDF, a PDF that
    cannot be signed), ``key_file`` (not a PKCS#12 file; ``SignatureRefused`` when its
    certificate is not trusted, expired or not for signing), ``passphrase`` (wrong). A result
    already signed gets one more signature (earlier ones stay valid). Works in any thread, with
    or without a running event loop.
    """
    require(actor, Perm.ORDER_PROCESS)
    now = _now(now)
    order = records.get_or_404(session, Order, order_id, for_update=True)
    if expected_version is not None and order.version != expected_version:
        changed_by = services.last_changed_by(session, order)
        records.check_version(order, expected_version, changed_by=changed_by)
    if order.result_file_id is None:
        raise InvalidInput({"result_file": "У заяви ще немає файлу результату."})
    unsigned = files.get(session, order.result_file_id)
    if unsigned.media_type != PDF:
        raise InvalidInput({"result_file": "Підписати можна лише результат у форматі PDF."})
    signer = pades.load_signer(p12_data, passphrase)
    pdf = unsigned.content
    try:
        field_name = f"Signature{pades.signature_count(pdf) + 1}"
        signed = pades.sign_pdf(pdf, signer, field_name=field_name, reason=_RESULT_REASON)
    except Exception as error:  # pyHanko: PdfReadError, PdfWriteError, SigningError, ...
        raise InvalidInput(
            {"result_file": "Файл результату пошкоджений: підписати його не вдалося."}
        ) from error
    mine = [v for v in verify_pdf(signed, at=now) if v.field_name == field_name]
    verification = mine[-1] if mine else None
    if verification is None or not verification.is_valid:
        if verification is None:
            raise InvalidInput({"result_file": "Підписаний файл не вдалося перевірити."})
        raise _refusal(pades.KEY_FILE, verification)
    stored = files.store(session, actor, unsigned.name, signed, field="result_file")
    before = audit.snapshot(order, ("result_file_id",))
    order.result_file_id = stored.id
    row = _record(
        session,
        actor,
        order,
        SignatureKind.RESULT,
        SignatureSource.PKCS12,
        unsigned.id,
        verification,
        now,
        signed_file_id=stored.id,
    )
    with session.no_autoflush:
        order.events.append(
            OrderEvent(
                action=SIGN_RESULT,
                status=order.status,
                comment=f"Результат підписано. {signed_line(row.signer_name, row.signed_at)}.",
                actor_id=actor.user_id,
                at=now,
            )
        )
    records.flush(session)
    notify(
        session,
        order.applicant_id,
        f"Результат послуги за заявою № {order.registration_number} підписано електронним "
        "підписом: його можна завантажити.",
        services.order_link(order),
    )
    changes = audit.changes_between(before, audit.snapshot(order, ("result_file_id",)))
    changes["signature_id"] = [None, row.id]
    changes["certificate"] = [None, row.certificate_fingerprint]
    audit.record(session, actor, f"order.{SIGN_RESULT}", "order", order.id, changes)
    records.flush(session)
    return row


# --- reading signatures ------------------------------------------------------------------------


def signing_actions(session: Session, actor: Actor, order: Order) -> list[str]:
    """Which signing actions ``actor`` may take on ``order`` now: ``sign_application`` (the
    applicant, order not closed), ``sign_result`` (ORDER_PROCESS, the result is a PDF)."""
    actions = []
    if _is_applicant(actor, order) and can(actor, Perm.ORDER_SUBMIT) and not order.is_closed:
        actions.append(SIGN_APPLICATION)
    if can(actor, Perm.ORDER_PROCESS) and order.result_file_id is not None:
        media_type = session.scalar(
            select(StoredFile.media_type).where(StoredFile.id == order.result_file_id)
        )
        if media_type == PDF:
            actions.append(SIGN_RESULT)
    return actions


def _row(signature: OrderSignature, current: bool, personal: bool) -> dict[str, Any]:
    rnokpp = signature.rnokpp
    if rnokpp and not personal:
        rnokpp = _PERSONAL_MASK
    return {
        "id": signature.id,
        "order_id": signature.order_id,
        "kind": signature.kind,
        "source": signature.source,
        "signer_name": signature.signer_name,
        "rnokpp": rnokpp,
        "issuer": signature.issuer,
        "signed_at": signature.signed_at,
        "recorded_at": signature.created_at,
        "status": signature.status,
        "code": signature.code,
        "reason": signature.reason,
        "algorithm": signature.algorithm,
        "certificate_serial": signature.certificate_serial,
        "certificate_fingerprint": signature.certificate_fingerprint,
        "document_file_id": signature.document_file_id,
        "signed_file_id": signature.signed_file_id,
        "is_current": current,
        "summary": signed_line(signature.signer_name, signature.signed_at),
    }


def order_signatures(session: Session, actor: Actor, order_id: int) -> list[dict[str, Any]]:
    """Every signature of an order, oldest first, for whoever may see the order (staff any, the
    applicant their own; others NotFound). Keys: id, order_id, kind (application/result),
    source, signer_name, rnokpp (masked for roles without personal data), issuer, signed_at,
    recorded_at, status, code, reason, algorithm, certificate_serial, certificate_fingerprint,
    document_file_id, signed_file_id, is_current (the newest of its kind), summary («Підписав(ла)
    … · дата»). The status is the one found when the signature was recorded."""
    order = services.get_order_for(session, actor, order_id)
    personal = can(actor, Perm.USER_VIEW_PERSONAL) or _is_applicant(actor, order)
    signatures = list(
        session.scalars(
            select(OrderSignature)
            .where(OrderSignature.order_id == order.id)
            .order_by(OrderSignature.id)
        )
    )
    newest = {s.kind: s.id for s in signatures}
    return [_row(s, newest[s.kind] == s.id, personal) for s in signatures]


def order_signing(session: Session, actor: Actor, order_id: int) -> dict[str, Any]:
    """What an order's page or card shows about signatures, in one call: ``signatures`` (every
    one, as ``order_signatures``), the current ``application`` and ``result`` signature (or
    None), and ``actions`` — the signing actions ``actor`` may take now (``signing_actions``)."""
    order = services.get_order_for(session, actor, order_id)
    rows = order_signatures(session, actor, order.id)
    current = {row["kind"]: row for row in rows if row["is_current"]}
    return {
        "signatures": rows,
        "application": current.get(SignatureKind.APPLICATION.value),
        "result": current.get(SignatureKind.RESULT.value),
        "actions": signing_actions(session, actor, order),
    }


def signature_status_of(
    session: Session, actor: Actor, order_ids: Iterable[int]
) -> dict[int, dict[str, str | None]]:
    """For list rows: ``{order_id: {"application": status or None, "result": status or None}}``
    (the newest signature of each kind) for the given orders that have a signature and that
    ``actor`` may see (staff with ORDER_VIEW any; a resident only their own, others omitted).
    At most 1000 ids at once."""
    if not actor.signed_in and not actor.is_system:
        raise NotAllowed("Увійдіть до кабінету, щоб виконати цю дію.", code="sign_in_required")
    ids = list(order_ids) if not isinstance(order_ids, str | bytes) else None
    if ids is None or any(not isinstance(i, int) or isinstance(i, bool) for i in ids):
        raise InvalidInput({"order_ids": "Неправильний тип значення."})
    if len(ids) > MAX_STATUS_IDS:
        raise InvalidInput({"order_ids": f"Не більше {MAX_STATUS_IDS} заяв за раз."})
    if not ids:
        return {}
    stmt = (
        select(OrderSignature.order_id, OrderSignature.kind, OrderSignature.status)
        .where(OrderSignature.order_id.in_(set(ids)))
        .order_by(OrderSignature.id)
    )
    if not can(actor, Perm.ORDER_VIEW):
        stmt = stmt.join(Order, Order.id == OrderSignature.order_id).where(
            Order.applicant_id == actor.user_id
        )
    found: dict[int, dict[str, str | None]] = {}
    for order_id, kind, status in session.execute(stmt):
        found.setdefault(order_id, {k.value: None for k in SignatureKind})[kind] = status
    return found


def signature_file(session: Session, actor: Actor, order_id: int, signature_id: int) -> Document:
    """The file of one signature of an order, for whoever may see the order: the detached
    ``.p7s`` of an application signature, the signed PDF of a result signature."""
    order = services.get_order_for(session, actor, order_id)
    signature = records.get_or_404(session, OrderSignature, signature_id)
    if signature.order_id != order.id:
        raise NotFound()
    if signature.kind == SignatureKind.APPLICATION:
        return Document(
            name=f"Заява {order.registration_number}.pdf.p7s".replace("/", "_"),
            media_type=P7S,
            data=signature.signature,
        )
    stored = files.get(session, signature.signed_file_id)
    return Document(name=stored.name, media_type=stored.media_type, data=stored.content)
