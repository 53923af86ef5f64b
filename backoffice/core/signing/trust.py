"""Trust anchors: the CA certificates a signer's certificate must chain to.

Two folders, both read on every verification (a handful of small files; a change is seen at
once, by every process):

- ``resources/trust/`` — shipped with the program (read-only; the installer's copy in a frozen
  build); ``BACKOFFICE_SHIPPED_TRUST_DIR`` overrides it (tests);
- the configured folder (``Settings.effective_trust_dir``: ``BACKOFFICE_TRUST_DIR``, the
  ``trust_dir`` setting, or ``trust`` in the data folder) that administrators manage with
  ``backoffice-admin trust list|add FILE|remove FINGERPRINT``.

Files ending in .pem, .crt, .cer or .der; a PEM file may hold several certificates. Only CA
certificates (basicConstraints cA=TRUE) are used: a leaf certificate dropped there by mistake
would otherwise be trusted for itself without any check of its usage.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization

import backoffice
from backoffice.config import get_settings
from backoffice.core.errors import InvalidInput, NotFound

log = logging.getLogger(__name__)

SUFFIXES = frozenset({".pem", ".crt", ".cer", ".der"})
MAX_ANCHOR_FILE_BYTES = 1024 * 1024


@dataclass(frozen=True)
class TrustAnchor:
    """One trusted CA certificate and where it was found."""

    der: bytes
    fingerprint: str  # SHA-256 of the DER certificate, hexadecimal, lower case
    subject: str
    not_before: datetime
    not_after: datetime
    path: Path
    shipped: bool  # from resources/trust (not removable with backoffice-admin trust)

    @property
    def asn1(self) -> asn1_x509.Certificate:
        return asn1_x509.Certificate.load(self.der)

    def is_current(self, at: datetime | None = None) -> bool:
        at = at or datetime.now(UTC)
        return self.not_before <= at <= self.not_after


def shipped_trust_dir() -> Path:
    """``resources/trust`` next to the package (or in the frozen build's data)."""
    if os.environ.get("BACKOFFICE_SHIPPED_TRUST_DIR"):
        return Path(os.environ["BACKOFFICE_SHIPPED_TRUST_DIR"])
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources" / "trust"
    return Path(backoffice.__file__).resolve().parents[1] / "resources" / "trust"


def configured_trust_dir() -> Path:
    return get_settings().effective_trust_dir


def parse_certificates(data: bytes) -> list[x509.Certificate]:
    """Certificates in PEM (one or more) or DER bytes; ValueError when there are none."""
    if b"-----BEGIN CERTIFICATE-----" in data:
        return x509.load_pem_x509_certificates(data)
    return [x509.load_der_x509_certificate(data)]


def is_ca_certificate(cert: x509.Certificate) -> bool:
    try:
        constraints = cert.extensions.get_extension_for_class(x509.BasicConstraints).value
    except x509.ExtensionNotFound:
        return False
    if not constraints.ca:
        return False
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return True
    return usage.key_cert_sign


def fingerprint_of(cert: x509.Certificate) -> str:
    return cert.fingerprint(hashes.SHA256()).hex()


def _anchor(cert: x509.Certificate, path: Path, shipped: bool) -> TrustAnchor:
    return TrustAnchor(
        der=cert.public_bytes(serialization.Encoding.DER),
        fingerprint=fingerprint_of(cert),
        subject=cert.subject.rfc4514_string(),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        path=path,
        shipped=shipped,
    )


def _read_folder(folder: Path, shipped: bool) -> list[TrustAnchor]:
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in SUFFIXES or not path.is_file():
            continue
        try:
            if path.stat().st_size > MAX_ANCHOR_FILE_BYTES:
                raise ValueError("file too large")
            certs = parse_certificates(path.read_bytes())
        except (OSError, ValueError) as error:
            log.warning("trust anchor %s skipped: %s", path, error)
            continue
        for cert in certs:
            if is_ca_certificate(cert):
                found.append(_anchor(cert, path, shipped))
            else:
                log.warning("trust anchor %s skipped: not a CA certificate", path)
    return found


def load_trust_anchors(*, folder: Path | None = None) -> tuple[TrustAnchor, ...]:
    """Every trusted CA certificate, shipped first; each fingerprint once. ``folder`` replaces
    the configured folder (the shipped one is always read)."""
    seen: set[str] = set()
    anchors = []
    for anchor in [
        *_read_folder(shipped_trust_dir(), True),
        *_read_folder(folder or configured_trust_dir(), False),
    ]:
        if anchor.fingerprint not in seen:
            seen.add(anchor.fingerprint)
            anchors.append(anchor)
    return tuple(anchors)


def add_trust_anchor(data: bytes, *, folder: Path | None = None) -> TrustAnchor:
    """Trust the CA certificate in ``data`` (PEM or DER): written to the configured folder as
    ``<fingerprint>.pem``. InvalidInput when it is not one CA certificate."""
    try:
        certs = parse_certificates(data)
    except ValueError:
        raise InvalidInput({"certificate": "Це не сертифікат X.509 (PEM або DER)."}) from None
    if len(certs) != 1:
        raise InvalidInput({"certificate": "Додавайте сертифікати по одному."})
    cert = certs[0]
    if not is_ca_certificate(cert):
        raise InvalidInput(
            {"certificate": "Це не сертифікат центру сертифікації (немає ознаки CA)."}
        )
    folder = folder or configured_trust_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{fingerprint_of(cert)}.pem"
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return _anchor(cert, path, False)


def _clean_fingerprint(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch not in ": ")


def remove_trust_anchor(fingerprint: str, *, folder: Path | None = None) -> TrustAnchor:
    """Stop trusting the anchor whose SHA-256 fingerprint is (or starts with, 8 characters at
    least) ``fingerprint``: its file leaves the configured folder. Shipped anchors cannot be
    removed this way (InvalidInput); an unknown fingerprint is NotFound, an ambiguous one
    InvalidInput."""
    wanted = _clean_fingerprint(fingerprint)
    if len(wanted) < 8 or any(ch not in "0123456789abcdef" for ch in wanted):
        raise InvalidInput({"fingerprint": "Відбиток SHA-256: щонайменше 8 шістнадцяткових цифр."})
    folder = folder or configured_trust_dir()
    candidates = [
        a
        for a in [*_read_folder(shipped_trust_dir(), True), *_read_folder(folder, False)]
        if a.fingerprint.startswith(wanted)
    ]
    if not candidates:
        raise NotFound("Довіреного сертифіката з таким відбитком немає.")
    if len({a.fingerprint for a in candidates}) > 1:
        raise InvalidInput({"fingerprint": "Під цей відбиток підходять кілька сертифікатів."})
    if any(a.shipped for a in candidates):
        raise InvalidInput(
            {"fingerprint": "Цей сертифікат постачається з програмою (resources/trust)."}
        )
    anchor = candidates[0]
    others = [
        c
        for c in parse_certificates(anchor.path.read_bytes())
        if fingerprint_of(c) != anchor.fingerprint
    ]
    if others:  # a bundle: keep the rest of it
        anchor.path.write_bytes(
            b"".join(c.public_bytes(serialization.Encoding.PEM) for c in others)
        )
    else:
        anchor.path.unlink()
    return anchor
