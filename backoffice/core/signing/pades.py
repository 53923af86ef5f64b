"""PAdES signing of a PDF with a key from a PKCS#12 file (pyHanko), from any thread."""

from __future__ import annotations

import io

import asn1crypto.tsp  # noqa: F401  (must be registered before CMS objects are built)
from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography.hazmat.primitives.serialization import pkcs12
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko.sign.signers.pdf_signer import PdfSignatureMetadata

from backoffice.core.errors import InvalidInput
from backoffice.core.signing.pyhanko_verifier import run_async
from backoffice.core.validation import WRONG_TYPE

MAX_KEY_FILE_BYTES = 1024 * 1024
KEY_FILE = "key_file"
PASSPHRASE = "passphrase"
NOT_A_KEY_FILE = "Це не файл ключа PKCS#12 (.p12, .pfx)."
WRONG_PASSPHRASE = "Неправильний пароль до ключа."


def load_signer(p12_data: bytes, passphrase: str) -> signers.SimpleSigner:
    """The key and certificate chain of a PKCS#12 file. InvalidInput names ``key_file`` (not a
    key file, no key in it) or ``passphrase`` (wrong passphrase)."""
    if not isinstance(p12_data, bytes | bytearray) or not p12_data:
        raise InvalidInput({KEY_FILE: "Оберіть файл ключа (.p12 або .pfx)."})
    if len(p12_data) > MAX_KEY_FILE_BYTES:
        raise InvalidInput({KEY_FILE: NOT_A_KEY_FILE})
    if not isinstance(passphrase, str):
        raise InvalidInput({PASSPHRASE: WRONG_TYPE})
    data = bytes(p12_data)
    try:
        asn1_pkcs12.Pfx.load(data, strict=True)["auth_safe"]["content_type"].native  # noqa: B018
    except (ValueError, TypeError, KeyError):
        raise InvalidInput({KEY_FILE: NOT_A_KEY_FILE}) from None
    # An empty passphrase may mean "no encryption" (None) or an empty password (b"").
    candidates = [passphrase.encode("utf-8")] + ([None] if passphrase == "" else [])
    for candidate in candidates:
        try:
            key, cert, _others = pkcs12.load_key_and_certificates(data, candidate)
            break
        except ValueError:
            continue
    else:
        raise InvalidInput({PASSPHRASE: WRONG_PASSPHRASE})
    if key is None or cert is None:
        raise InvalidInput({KEY_FILE: "У файлі немає особистого ключа з сертифікатом."})
    return signers.SimpleSigner.load_pkcs12_data(data, [], passphrase=candidate)


def signature_count(pdf: bytes) -> int:
    from pyhanko.pdf_utils.reader import PdfFileReader

    return len(PdfFileReader(io.BytesIO(pdf), strict=False).embedded_signatures)


def sign_pdf(
    pdf: bytes,
    signer: signers.SimpleSigner,
    *,
    field_name: str,
    reason: str = "",
    location: str = "Тернопіль",
) -> bytes:
    """``pdf`` with one more PAdES (B-B) signature, added as an incremental update so that
    earlier signatures stay valid. ValueError-like pyHanko errors when ``pdf`` is not usable."""
    metadata = PdfSignatureMetadata(
        field_name=field_name,
        subfilter=SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        reason=reason or None,
        location=location or None,
    )

    async def sign() -> bytes:
        writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
        output = await signers.async_sign_pdf(writer, metadata, signer=signer)
        return output.getvalue()

    return run_async(sign)
