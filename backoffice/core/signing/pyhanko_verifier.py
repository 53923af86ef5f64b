"""The default verifier (pyHanko and pyhanko-certvalidator) and PAdES signing with a PKCS#12.

pyHanko is asynchronous; its synchronous wrappers call ``asyncio.run``, which fails in a thread
that already runs an event loop. ``run_async`` runs a coroutine in any thread: directly where
no loop runs (the desktop's worker threads, the portal's request threads), else on a thread of
its own.
"""

from __future__ import annotations

import asyncio
import io
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import datetime
from typing import TypeVar

import asn1crypto.tsp  # noqa: F401  (must be registered before CMS objects are built)
from asn1crypto import cms, x509
from pyhanko.sign.ades.report import AdESIndeterminate
from pyhanko.sign.validation import generic_cms, pdf_embedded
from pyhanko.sign.validation.settings import KeyUsageConstraints
from pyhanko.sign.validation.status import ModificationLevel, StandardCMSSignatureStatus
from pyhanko_certvalidator import ValidationContext

from backoffice.core.signing import certificates
from backoffice.core.signing.verification import (
    BAD_SIGNATURE,
    CERTIFICATE_EXPIRED,
    CERTIFICATE_NOT_YET_VALID,
    CERTIFICATE_REVOKED,
    CHAIN_INVALID,
    DOCUMENT_CHANGED,
    KEY_USAGE,
    MALFORMED,
    UNSUPPORTED_ALGORITHM,
    UNTRUSTED_ISSUER,
    VALID,
    WEAK_ALGORITHM,
    PdfSignature,
    Status,
    Verification,
    VerificationContext,
    outcome,
    with_certificate,
)

T = TypeVar("T")


def run_async(make: Callable[[], Awaitable[T]]) -> T:
    """The result of the coroutine ``make()``, from any thread, with or without a running loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(make())
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pyhanko") as pool:
        return pool.submit(lambda: asyncio.run(make())).result()


def _kyiv_day(moment: datetime | None) -> str:
    from backoffice.core.calendar import KYIV

    return moment.astimezone(KYIV).strftime("%d.%m.%Y %H:%M") if moment else ""


def _validation_context(context: VerificationContext) -> ValidationContext:
    # trust_roots always given (an empty list too): otherwise certvalidator falls back to the
    # operating system's store through oscrypto, which fails on this OpenSSL.
    return ValidationContext(
        trust_roots=[anchor.asn1 for anchor in context.trust],
        moment=context.at,
        allow_fetching=False,
    )


def _key_usage(context: VerificationContext) -> KeyUsageConstraints:
    return KeyUsageConstraints(key_usage=set(context.key_usage), match_all_key_usages=False)


def _signed_at(status: StandardCMSSignatureStatus) -> datetime | None:
    stamp = status.timestamp_validity
    if stamp is not None and stamp.intact and stamp.valid:
        return stamp.timestamp
    return status.signer_reported_dt


def _trust_problem(
    status: StandardCMSSignatureStatus,
    info: certificates.CertificateInfo,
    context: VerificationContext,
) -> Verification:
    """Why an intact, valid signature is not trusted, in our terms."""
    indic = status.trust_problem_indic
    at = context.at
    if info.not_after is not None and at > info.not_after:
        return outcome(Status.EXPIRED, CERTIFICATE_EXPIRED, not_after=_kyiv_day(info.not_after))
    if info.not_before is not None and at < info.not_before:
        return outcome(
            Status.EXPIRED, CERTIFICATE_NOT_YET_VALID, not_before=_kyiv_day(info.not_before)
        )
    if indic in (AdESIndeterminate.REVOKED_NO_POE, AdESIndeterminate.REVOKED_CA_NO_POE):
        return outcome(Status.INVALID, CERTIFICATE_REVOKED)
    if indic is AdESIndeterminate.NO_CERTIFICATE_CHAIN_FOUND:
        return outcome(Status.UNTRUSTED, UNTRUSTED_ISSUER, issuer=info.issuer)
    if indic is AdESIndeterminate.OUT_OF_BOUNDS_NO_POE:
        # The end certificate was fine by the dates above: a CA in the chain had expired.
        return outcome(Status.EXPIRED, CERTIFICATE_EXPIRED, not_after=_kyiv_day(info.not_after))
    if indic in (
        AdESIndeterminate.CRYPTO_CONSTRAINTS_FAILURE,
        AdESIndeterminate.CRYPTO_CONSTRAINTS_FAILURE_NO_POE,
    ):
        return outcome(Status.UNSUPPORTED, WEAK_ALGORITHM, algorithm=status.md_algorithm)
    if not (info.key_usage & context.key_usage):
        return outcome(Status.UNTRUSTED, KEY_USAGE)
    return outcome(Status.UNTRUSTED, CHAIN_INVALID)


def judge(
    status: StandardCMSSignatureStatus,
    context: VerificationContext,
    *,
    changed_after: bool = False,
) -> Verification:
    """A Verification from pyHanko's status fields (its errors are logged, not raised)."""
    info = certificates.describe(status.signing_cert)
    algorithm = certificates.signature_algorithm_name(
        status.pkcs7_signature_mechanism, status.md_algorithm
    )
    if not status.intact or changed_after:
        result = outcome(Status.INVALID, DOCUMENT_CHANGED)
    elif not status.valid:
        result = outcome(Status.INVALID, BAD_SIGNATURE)
    elif status.trust_problem_indic is not None or not status.trusted:
        result = _trust_problem(status, info, context)
    else:
        stamp = status.timestamp_validity
        if stamp is not None and not (stamp.intact and stamp.valid and stamp.trusted):
            result = outcome(Status.UNTRUSTED, CHAIN_INVALID)
        else:
            result = outcome(Status.VALID, VALID)
    result = replace(result, signed_at=_signed_at(status), algorithm=algorithm)
    return with_certificate(result, info)


class PyHankoVerifier:
    """RSA, ECDSA and EdDSA signatures with SHA-2, as OpenSSL (through cryptography) does them."""

    name = "pyhanko"

    def accepts(self, algorithms: frozenset[str]) -> bool:
        # Anything but the national algorithms pyHanko judges itself (a weak or unknown one is
        # reported as unsupported by it).
        return not certificates.national_algorithms(algorithms)

    def verify_detached(
        self, data: bytes, signed_data: cms.SignedData, context: VerificationContext
    ) -> Verification:
        content = signed_data["encap_content_info"]["content"].native
        if content is not None:
            # An enveloped ("attached") signature: it must hold exactly these bytes.
            if content != data:
                cert = certificates.signer_certificate(signed_data)
                return with_certificate(
                    outcome(Status.INVALID, DOCUMENT_CHANGED),
                    certificates.describe(cert) if cert else None,
                )

            async def check():
                return await generic_cms.async_validate_cms_signature(
                    signed_data,
                    signer_validation_context=_validation_context(context),
                    key_usage_settings=_key_usage(context),
                )
        else:

            async def check():
                return await generic_cms.async_validate_detached_cms(
                    data,
                    signed_data,
                    signer_validation_context=_validation_context(context),
                    key_usage_settings=_key_usage(context),
                )

        return self._run(check, signed_data, context)

    def verify_pdf_signature(
        self, pdf: bytes, signature: PdfSignature, context: VerificationContext
    ) -> Verification:
        from pyhanko.pdf_utils.reader import PdfFileReader

        async def check():
            reader = PdfFileReader(io.BytesIO(pdf), strict=False)
            embedded = reader.embedded_signatures[signature.index]
            return await pdf_embedded.async_validate_pdf_signature(
                embedded,
                signer_validation_context=_validation_context(context),
                key_usage_settings=_key_usage(context),
            )

        return self._run(check, signature.signed_data, context, pdf=True)

    def _run(
        self,
        check: Callable[[], Awaitable[StandardCMSSignatureStatus]],
        signed_data: cms.SignedData,
        context: VerificationContext,
        *,
        pdf: bool = False,
    ) -> Verification:
        cert = certificates.signer_certificate(signed_data)
        try:
            status = run_async(check)
        except NotImplementedError:
            return self._unsupported(signed_data, cert)
        except Exception as error:  # pyHanko's SignatureValidationError and structural errors
            name = type(error).__name__
            unsupported = "Unsupported" in name or "not supported" in str(error).lower()
            if unsupported:
                return self._unsupported(signed_data, cert)
            return with_certificate(
                outcome(Status.INVALID, MALFORMED), certificates.describe(cert) if cert else None
            )
        changed_after = False
        if pdf:
            level = status.modification_level
            changed_after = level is ModificationLevel.OTHER or status.docmdp_ok is False
        return judge(status, context, changed_after=changed_after)

    @staticmethod
    def _unsupported(signed_data: cms.SignedData, cert: x509.Certificate | None) -> Verification:
        info = signed_data["signer_infos"][0]
        name = certificates.signature_algorithm_name(
            info["signature_algorithm"]["algorithm"].native,
            info["digest_algorithm"]["algorithm"].native,
        )
        return with_certificate(
            replace(
                outcome(Status.UNSUPPORTED, UNSUPPORTED_ALGORITHM, algorithm=name), algorithm=name
            ),
            certificates.describe(cert) if cert else None,
        )
