"""Electronic signatures (issue #6): residents sign their applications, clerks sign results.

The interface the portal and the desktop build on (everything else here is internal):

Orders (database; permission-checked like the order itself; never commit)
    ``application_document(session, actor, order_id) -> Document``
        The application PDF a resident downloads and signs; the same bytes on every download.
    ``attach_application_signature(session, actor, order_id, signature, *, source, now=None)``
        The applicant's detached ``.p7s`` (DER, PEM or base64) of that PDF, verified and kept;
        ``SignatureRefused`` (an ``InvalidInput`` on ``signature``) unless it is VALID.
    ``sign_result(session, actor, order_id, p12_data, passphrase, *, expected_version, now)``
        A clerk's PAdES signature of the result PDF with a PKCS#12 key; the signed PDF becomes
        the result file. InvalidInput on ``result_file``, ``key_file`` or ``passphrase``.
    ``order_signatures(session, actor, order_id) -> list[dict]``
        Every signature of an order (kind, signer, РНОКПП, issuer, time, status, reason, ...).
    ``order_signing(session, actor, order_id) -> dict``
        For an order's page or card: every signature, the current application and result
        signature, and the signing actions the actor may take now.
    ``signature_status_of(session, actor, order_ids) -> {order_id: {kind: status}}``
        The newest signature status of each kind, for list rows.
    ``signing_actions(session, actor, order) -> list[str]``
        ``sign_application`` / ``sign_result`` when the actor may do them now (for buttons).
    ``signature_file(session, actor, order_id, signature_id) -> Document``
        The ``.p7s`` of an application signature, the signed PDF of a result signature.

Verification (pure: no database; never raises for bad input)
    ``verify_detached(data, signature, *, at=None, trust=None) -> Verification``
    ``verify_pdf(data, *, at=None, trust=None) -> list[Verification]``
    ``Verification``: status (``Status``: valid, invalid, untrusted, expired, unsupported), code
    (stable), reason (Ukrainian), signer_name, rnokpp, issuer, signed_at, certificate_serial,
    certificate_fingerprint, algorithm, checked_at, field_name (PDF), verifier.
    ``Verifier`` (protocol), ``register_verifier``: where an adapter for DSTU 4145 (UAPKI) plugs in.

Trust anchors: ``load_trust_anchors``, ``add_trust_anchor``, ``remove_trust_anchor`` (see
``trust``; ``backoffice-admin trust list|add|remove``).

What a VALID signature means: the signed digest covers exactly the bytes given (the stored
application document; for a PDF, the document with nothing but further signatures added after
it); the signature verifies with the certificate's key; the certificate chains to a trust anchor
and is within its validity at ``at`` (for a signature just received, the moment it arrived —
signer-claimed times are shown, never trusted); its key usage allows signing. Revocation is not
checked (no CRL/OCSP is fetched: the system runs offline); a weak hash (SHA-1, MD5) is refused.

Key usage, decided deliberately: a signer's certificate must carry a keyUsage extension with
digitalSignature or nonRepudiation — either suffices. pyHanko's default asks for nonRepudiation
only, which would refuse certificates some providers issue with digitalSignature alone; a
certificate with neither (an encryption-only key-agreement certificate) or without keyUsage is
refused. The demo certificates carry both.

DSTU 4145 (the algorithm of most Ukrainian qualified keys; OIDs under 1.2.804.2.1.1.1.1) cannot
be checked with OpenSSL: such a signature is recognised before any cryptography, and reported as
``unsupported`` with the reason "algorithm not supported here", naming the signer. An adapter
that can check it implements ``Verifier`` and is registered with ``register_verifier``.
"""

from backoffice.core.signing.orders import (
    SIGN_APPLICATION,
    SIGN_RESULT,
    Document,
    SignatureRefused,
    application_document,
    attach_application_signature,
    build_application_pdf,
    order_signatures,
    order_signing,
    sign_result,
    signature_file,
    signature_status_of,
    signed_line,
    signing_actions,
)
from backoffice.core.signing.trust import (
    TrustAnchor,
    add_trust_anchor,
    configured_trust_dir,
    load_trust_anchors,
    remove_trust_anchor,
    shipped_trust_dir,
)
from backoffice.core.signing.verification import (
    REASONS,
    PdfSignature,
    Status,
    Verification,
    VerificationContext,
    Verifier,
    register_verifier,
    registered_verifiers,
    unregister_verifier,
    verify_detached,
    verify_pdf,
)

__all__ = [
    "REASONS",
    "SIGN_APPLICATION",
    "SIGN_RESULT",
    "Document",
    "PdfSignature",
    "SignatureRefused",
    "Status",
    "TrustAnchor",
    "Verification",
    "VerificationContext",
    "Verifier",
    "add_trust_anchor",
    "application_document",
    "attach_application_signature",
    "build_application_pdf",
    "configured_trust_dir",
    "load_trust_anchors",
    "order_signatures",
    "order_signing",
    "register_verifier",
    "registered_verifiers",
    "remove_trust_anchor",
    "shipped_trust_dir",
    "sign_result",
    "signature_file",
    "signature_status_of",
    "signed_line",
    "signing_actions",
    "unregister_verifier",
    "verify_detached",
    "verify_pdf",
]
