"""Verifying signatures: one result type, one entry point per format, verifiers by algorithm.

``verify_detached`` (a CMS/CAdES ``.p7s`` over a file) and ``verify_pdf`` (PAdES signatures
inside a PDF) never raise for bad input: whatever arrives, the answer is a ``Verification``
whose ``status`` says valid / invalid / untrusted / expired / unsupported and whose ``reason``
says why in Ukrainian (``code`` is the stable key of that reason, for translation and tests).

Which code checks a signature depends on its algorithms (``Verifier.accepts``). The default
verifier is pyHanko's (RSA, ECDSA, Ed25519 with SHA-2). Ukrainian DSTU 4145 signatures (OIDs under
1.2.804.2.1.1.1.1) are recognised and reported as ``unsupported`` unless an adapter that accepts
them (UAPKI, for instance) was registered with ``register_verifier``.
"""

from __future__ import annotations

import base64
import binascii
import io
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Protocol, runtime_checkable

import asn1crypto.tsp  # noqa: F401  (pyHanko needs it registered before CMS objects are built)
from asn1crypto import cms

from backoffice.core.signing import certificates
from backoffice.core.signing.trust import TrustAnchor, load_trust_anchors
from backoffice.models import utcnow
from backoffice.models.signatures import SignatureStatus as Status

log = logging.getLogger(__name__)

MAX_SIGNATURE_BYTES = 1024 * 1024
MAX_PDF_BYTES = 20 * 1024 * 1024
# A signature must allow signing: either usage suffices (see core.signing's docstring).
SIGNING_KEY_USAGES = frozenset({"digital_signature", "non_repudiation"})

# The stable codes of the reasons.
VALID = "valid"
EMPTY = "empty"
TOO_LARGE = "too_large"
MALFORMED = "malformed"
NO_CERTIFICATE = "no_certificate"
DOCUMENT_CHANGED = "document_changed"
BAD_SIGNATURE = "bad_signature"
UNTRUSTED_ISSUER = "untrusted_issuer"
CHAIN_INVALID = "chain_invalid"
KEY_USAGE = "key_usage"
CERTIFICATE_EXPIRED = "certificate_expired"
CERTIFICATE_NOT_YET_VALID = "certificate_not_yet_valid"
CERTIFICATE_REVOKED = "certificate_revoked"
UNSUPPORTED_ALGORITHM = "unsupported_algorithm"
WEAK_ALGORITHM = "weak_algorithm"
NOT_A_PDF = "not_a_pdf"
VERIFICATION_FAILED = "verification_failed"

REASONS: dict[str, str] = {
    VALID: "Підпис дійсний: документ не змінено, сертифікат чинний і виданий довіреним центром.",
    EMPTY: "Файл підпису порожній.",
    TOO_LARGE: "Файл підпису завеликий (понад 1 МБ): це не відокремлений підпис документа.",
    MALFORMED: "Це не електронний підпис у форматі CMS/CAdES (.p7s).",
    NO_CERTIFICATE: "У підписі немає сертифіката підписувача.",
    DOCUMENT_CHANGED: (
        "Підпис не відповідає документу: документ змінено після підписання "
        "або підписано інший файл."
    ),
    BAD_SIGNATURE: "Підпис пошкоджено: криптографічна перевірка не пройшла.",
    UNTRUSTED_ISSUER: "Сертифікат видав центр, якому система не довіряє: {issuer}.",
    CHAIN_INVALID: "Ланцюжок сертифікатів до довіреного центру недійсний.",
    KEY_USAGE: "Сертифікат не призначений для електронного підпису документів.",
    CERTIFICATE_EXPIRED: "Строк дії сертифіката минув {not_after}.",
    CERTIFICATE_NOT_YET_VALID: "Сертифікат чинний лише з {not_before}.",
    CERTIFICATE_REVOKED: "Сертифікат скасовано (відкликано).",
    UNSUPPORTED_ALGORITHM: (
        "Алгоритм {algorithm} тут не підтримується: перевірити такий підпис ця система не може. "
        "Підпишіть ключем ECDSA або RSA."
    ),
    WEAK_ALGORITHM: "Алгоритм {algorithm} застарілий і ненадійний: такий підпис не приймається.",
    NOT_A_PDF: "Файл не є коректним PDF.",
    VERIFICATION_FAILED: "Підпис не вдалося перевірити.",
}


@dataclass(frozen=True)
class Verification:
    """What the verification of one signature found.

    ``status``: valid / invalid (bad input, changed document, broken signature) / untrusted (the
    chain does not reach a trust anchor, or the certificate does not allow signing) / expired
    (the certificate was not valid at the moment checked) / unsupported (an algorithm, such as
    DSTU 4145, that cannot be checked here). ``reason`` is for people; ``code`` is its stable key.
    The signer fields are filled whenever the signature names a certificate, whatever the status.
    """

    status: Status
    code: str
    reason: str
    signer_name: str = ""
    rnokpp: str | None = None
    issuer: str = ""
    signed_at: datetime | None = None  # a timestamp token's time, else the signer's own claim
    certificate_serial: str = ""
    certificate_fingerprint: str = ""
    algorithm: str = ""
    checked_at: datetime | None = None  # the moment the certificate was checked against
    field_name: str | None = None  # the signature field, for a PDF signature
    verifier: str = ""

    @property
    def is_valid(self) -> bool:
        return self.status is Status.VALID


def outcome(status: Status, code: str, **details: str) -> Verification:
    """A Verification with the reason of ``code`` (``details`` fill the reason's blanks)."""
    reason = REASONS[code]
    if details:
        reason = reason.format_map({k: v or "—" for k, v in details.items()})
    return Verification(status=status, code=code, reason=reason)


def with_certificate(
    verification: Verification, info: certificates.CertificateInfo | None
) -> Verification:
    if info is None:
        return verification
    return replace(
        verification,
        signer_name=info.signer_name,
        rnokpp=info.rnokpp,
        issuer=info.issuer,
        certificate_serial=info.serial,
        certificate_fingerprint=info.fingerprint,
    )


@dataclass(frozen=True)
class VerificationContext:
    """What a verifier checks against: the trust anchors and the moment of the check."""

    trust: tuple[TrustAnchor, ...]
    at: datetime
    key_usage: frozenset[str] = SIGNING_KEY_USAGES


@dataclass(frozen=True)
class PdfSignature:
    """One signature embedded in a PDF, as a verifier receives it."""

    index: int  # its position among the document's signatures (0: the first)
    field_name: str
    signed_data: cms.SignedData
    signed_bytes: bytes  # the bytes its /ByteRange covers (what a detached check would hash)


@runtime_checkable
class Verifier(Protocol):
    """Checks the signatures of one family of algorithms (see ``register_verifier``).

    Implementations never raise for bad signatures; they return a ``Verification``. They check
    integrity (the digest covers exactly the given bytes), the signature itself, the chain to
    one of ``context.trust`` at ``context.at``, and the key usage (``context.key_usage``: at
    least one of them).
    """

    name: str

    def accepts(self, algorithms: frozenset[str]) -> bool:
        """Whether every algorithm (dotted OIDs from ``certificates.algorithms_of``) is one this
        verifier can check."""
        ...

    def verify_detached(
        self, data: bytes, signed_data: cms.SignedData, context: VerificationContext
    ) -> Verification:
        """A CMS signature over ``data`` (detached, or with ``data`` encapsulated)."""
        ...

    def verify_pdf_signature(
        self, pdf: bytes, signature: PdfSignature, context: VerificationContext
    ) -> Verification:
        """One signature of ``pdf``; besides the CMS checks, that nothing but further
        signatures was added to the document after it (an adapter without such analysis may
        check ``signature.signed_bytes`` as a detached signature)."""
        ...


_registry: list[Verifier] = []


def register_verifier(verifier: Verifier, *, first: bool = True) -> None:
    """Add a verifier (e.g. a UAPKI adapter for DSTU 4145). Verifiers are asked in order; the
    first whose ``accepts`` says yes checks the signature. ``first``: before the others."""
    if not isinstance(verifier, Verifier):
        raise TypeError("a verifier needs name, accepts, verify_detached, verify_pdf_signature")
    unregister_verifier(verifier.name)
    if first:
        _registry.insert(0, verifier)
    else:
        _registry.append(verifier)


def unregister_verifier(name: str) -> None:
    _registry[:] = [v for v in _registry if v.name != name]


def registered_verifiers() -> list[Verifier]:
    if not _registry:
        from backoffice.core.signing.pyhanko_verifier import PyHankoVerifier

        _registry.append(PyHankoVerifier())
    return list(_registry)


def verifier_for(algorithms: frozenset[str]) -> Verifier | None:
    return next((v for v in registered_verifiers() if v.accepts(algorithms)), None)


def unsupported(signed_data: cms.SignedData, algorithms: frozenset[str]) -> Verification:
    """No verifier takes these algorithms: say which, and who signed as far as we can read."""
    national = certificates.national_algorithms(algorithms)
    if national:
        # The signature algorithm first: that is the one people know by name (DSTU 4145).
        national.sort(key=lambda oid: (not oid.startswith("1.2.804.2.1.1.1.1.3"), oid))
        name = certificates.national_algorithm_name(national[0])
    else:
        name = ", ".join(sorted(algorithms))
    verification = replace(
        outcome(Status.UNSUPPORTED, UNSUPPORTED_ALGORITHM, algorithm=name),
        algorithm=name[:100],
        signed_at=certificates.claimed_signing_time(signed_data),
    )
    cert = certificates.signer_certificate(signed_data)
    return with_certificate(verification, certificates.describe(cert) if cert else None)


# --- reading the signature ---------------------------------------------------------------

_PEM = re.compile(rb"-----BEGIN [A-Z0-9 ]+-----(.*?)-----END [A-Z0-9 ]+-----", re.S)
_BASE64 = re.compile(rb"[A-Za-z0-9+/=\s]+")


def signature_der(signature: bytes | str) -> bytes | Verification:
    """The DER bytes of a CMS given as DER, PEM or base64 text; else the Verification saying
    what is wrong with it."""
    if isinstance(signature, str):
        signature = signature.encode("ascii", "replace")
    if not isinstance(signature, bytes | bytearray | memoryview):
        return outcome(Status.INVALID, MALFORMED)
    signature = bytes(signature)
    if not signature.strip():
        return outcome(Status.INVALID, EMPTY)
    if len(signature) > MAX_SIGNATURE_BYTES * 4 // 3 + 1024:
        return outcome(Status.INVALID, TOO_LARGE)
    if signature[:1] != b"\x30":  # not DER: PEM or base64 text
        pem = _PEM.search(signature)
        text = pem.group(1) if pem else signature.strip()
        if not _BASE64.fullmatch(text):
            return outcome(Status.INVALID, MALFORMED)
        try:
            signature = base64.b64decode(b"".join(text.split()), validate=True)
        except (binascii.Error, ValueError):
            return outcome(Status.INVALID, MALFORMED)
    if len(signature) > MAX_SIGNATURE_BYTES:
        return outcome(Status.INVALID, TOO_LARGE)
    return signature


def load_signed_data(der: bytes) -> cms.SignedData | Verification:
    """The SignedData of a CMS ContentInfo, fully parsed; else an invalid Verification."""
    try:
        info = cms.ContentInfo.load(der, strict=True)
        if info["content_type"].native != "signed_data":
            return outcome(Status.INVALID, MALFORMED)
        signed_data = info["content"]
        # Parse now what will be read (asn1crypto is lazy), all but the certificates' public
        # keys, which asn1crypto cannot parse for algorithms it does not know (DSTU 4145).
        for name in ("version", "digest_algorithms", "encap_content_info", "signer_infos"):
            signed_data[name].native  # noqa: B018
        for cert in certificates.certificates_of(signed_data):
            certificates.parse_certificate_fields(cert)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError):
        return outcome(Status.INVALID, MALFORMED)
    if len(signed_data["signer_infos"]) == 0:
        return outcome(Status.INVALID, MALFORMED)
    if certificates.signer_certificate(signed_data) is None:
        return outcome(Status.INVALID, NO_CERTIFICATE)
    return signed_data


def _context(trust: Sequence[TrustAnchor] | None, at: datetime | None) -> VerificationContext:
    at = at or utcnow()
    if at.tzinfo is None:
        raise ValueError("at must be timezone-aware")
    return VerificationContext(trust=tuple(load_trust_anchors() if trust is None else trust), at=at)


def verify_detached(
    data: bytes,
    signature: bytes | str,
    *,
    at: datetime | None = None,
    trust: Sequence[TrustAnchor] | None = None,
) -> Verification:
    """Verify a CMS/CAdES signature (``.p7s``: DER, PEM or base64) of exactly the bytes ``data``.

    ``at``: the moment the certificate must be valid at (default now — for a signature just
    received, the latest moment it can have been made). ``trust``: the anchors (default: the
    configured ones, ``trust.load_trust_anchors``). Pure: no database; never raises for bad input.
    """
    context = _context(trust, at)
    try:
        der = signature_der(signature)
        if isinstance(der, Verification):
            return replace(der, checked_at=context.at)
        signed_data = load_signed_data(der)
        if isinstance(signed_data, Verification):
            return replace(signed_data, checked_at=context.at)
        algorithms = certificates.algorithms_of(signed_data)
        verifier = verifier_for(algorithms)
        if verifier is None:
            return replace(unsupported(signed_data, algorithms), checked_at=context.at)
        if not isinstance(data, bytes | bytearray | memoryview):
            raise TypeError("data must be bytes")
        result = verifier.verify_detached(bytes(data), signed_data, context)
        return replace(result, checked_at=context.at, verifier=verifier.name)
    except Exception:  # a verifier's bug must not become a crash of the page that asked
        log.exception("signature verification failed")
        return replace(outcome(Status.INVALID, VERIFICATION_FAILED), checked_at=context.at)


def pdf_signatures(pdf: bytes) -> list[PdfSignature] | Verification:
    """The signatures embedded in ``pdf`` in document order; an invalid Verification when the
    bytes are not a readable PDF."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    if not isinstance(pdf, bytes | bytearray) or not bytes(pdf).startswith(b"%PDF-"):
        return outcome(Status.INVALID, NOT_A_PDF)
    if len(pdf) > MAX_PDF_BYTES:
        return outcome(Status.INVALID, TOO_LARGE)
    try:
        reader = PdfFileReader(io.BytesIO(bytes(pdf)), strict=False)
        found = []
        for index, embedded in enumerate(reader.embedded_signatures):
            byte_range = [int(v) for v in embedded.sig_object["/ByteRange"]]
            pairs = zip(byte_range[0::2], byte_range[1::2], strict=True)
            covered = b"".join(bytes(pdf[start : start + length]) for start, length in pairs)
            found.append(
                PdfSignature(
                    index=index,
                    field_name=str(embedded.field_name),
                    signed_data=embedded.signed_data,
                    signed_bytes=covered,
                )
            )
        return found
    except Exception:  # pyHanko's reader raises many kinds of errors for broken files
        log.info("unreadable PDF given for signature verification", exc_info=True)
        return outcome(Status.INVALID, NOT_A_PDF)


def verify_pdf(
    data: bytes,
    *,
    at: datetime | None = None,
    trust: Sequence[TrustAnchor] | None = None,
) -> list[Verification]:
    """Verify every signature in a PDF, in document order ([] when it has none; one invalid
    Verification when the bytes are not a readable PDF). ``at`` and ``trust`` as for
    ``verify_detached``; for a document signed earlier, pass the moment it was signed."""
    context = _context(trust, at)
    found = pdf_signatures(data)
    if isinstance(found, Verification):
        return [replace(found, checked_at=context.at)]
    results = []
    for signature in found:
        try:
            algorithms = certificates.algorithms_of(signature.signed_data)
            verifier = verifier_for(algorithms)
            if verifier is None:
                result = unsupported(signature.signed_data, algorithms)
            else:
                result = verifier.verify_pdf_signature(bytes(data), signature, context)
                result = replace(result, verifier=verifier.name)
        except Exception:
            log.exception("PDF signature verification failed")
            result = outcome(Status.INVALID, VERIFICATION_FAILED)
        results.append(replace(result, checked_at=context.at, field_name=signature.field_name))
    return results
