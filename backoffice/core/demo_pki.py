"""A demo public-key infrastructure: a CA, staff and resident certificates as PKCS#12 files.

For ``backoffice-admin demo-pki`` and for tests (core, web, desktop) — never for production
keys. Certificates are built with ``cryptography`` the way Ukrainian qualified certificates look
where it matters here: the holder's name in commonName (and surname/givenName), the РНОКПП in
the subject serialNumber as "TINUA-1234567890", keyUsage digitalSignature + nonRepudiation
(see core.signing for why either suffices). ECDSA P-256 with SHA-256 by default (fast to make),
RSA 2048 on request.

Also here for tests: detached signatures made the two standard ways (``cryptography``'s PKCS#7
builder and pyHanko's CAdES), and a CMS that looks like a DSTU 4145 signature (not valid
cryptographically: DSTU cannot be made here, only recognised).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal

import asn1crypto.tsp  # noqa: F401  (must be registered before CMS objects are built)
from asn1crypto import cms as asn1_cms
from asn1crypto import keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs7, pkcs12
from cryptography.x509.oid import NameOID

from backoffice.core.signing.certificates import AnyPublicKeyInfo
from backoffice.core.validation import tax_number_check_digit

KeyType = Literal["ecdsa", "rsa"]
PrivateKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey

DEMO_CA_NAME = "Демо ЦСК e-Тернопіль"
DEMO_ORGANIZATION = "Тернопільська міська рада (демонстраційний)"
FOREIGN_CA_NAME = "Сторонній ЦСК (не довірений)"
DEFAULT_PASSPHRASE = "demo-pki"
SIGNING_USAGE = frozenset({"digital_signature", "non_repudiation"})

# DSTU 4145-2002 signature and GOST 34.311-95 hash (the common pair in Ukrainian КЕП).
DSTU_4145 = "1.2.804.2.1.1.1.1.3.1.1"
GOST_34311 = "1.2.804.2.1.1.1.1.2.1"


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now(UTC)).replace(microsecond=0)


def new_key(key_type: KeyType = "ecdsa") -> PrivateKey:
    if key_type == "rsa":
        return rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return ec.generate_private_key(ec.SECP256R1())


def demo_tax_number(text: str) -> str:
    """A valid РНОКПП (checksum right) derived from ``text``, the same for the same text."""
    digest = int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")
    body = f"{digest % 10**9:09d}"
    return body + tax_number_check_digit(body)


@dataclass(frozen=True)
class Credential:
    """A key with its certificate and the chain above it (nearest issuer first)."""

    certificate: x509.Certificate
    private_key: PrivateKey
    chain: tuple[x509.Certificate, ...] = ()

    @property
    def name(self) -> str:
        names = self.certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        return str(names[0].value) if names else self.certificate.subject.rfc4514_string()

    @property
    def cert_der(self) -> bytes:
        return self.certificate.public_bytes(serialization.Encoding.DER)

    @property
    def cert_pem(self) -> bytes:
        return self.certificate.public_bytes(serialization.Encoding.PEM)

    @property
    def fingerprint(self) -> str:
        return self.certificate.fingerprint(hashes.SHA256()).hex()

    def p12(self, passphrase: str = DEFAULT_PASSPHRASE) -> bytes:
        """PKCS#12 with the key, the certificate and its chain: PBES2 (PBKDF2-SHA256,
        AES-256-CBC) and an HMAC-SHA256 MAC, which Windows, OpenSSL 3, the desktop and PKI.js
        in the browser all read."""
        encryption = (
            serialization.PrivateFormat.PKCS12.encryption_builder()
            .kdf_rounds(50_000)
            .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
            .hmac_hash(hashes.SHA256())
            .build(passphrase.encode("utf-8"))
        )
        return pkcs12.serialize_key_and_certificates(
            self.name.encode("utf-8"), self.private_key, self.certificate, self.chain, encryption
        )


def _usage(names: Iterable[str]) -> x509.KeyUsage:
    wanted = set(names)
    return x509.KeyUsage(
        digital_signature="digital_signature" in wanted,
        content_commitment="non_repudiation" in wanted,
        key_encipherment="key_encipherment" in wanted,
        data_encipherment=False,
        key_agreement="key_agreement" in wanted,
        key_cert_sign="key_cert_sign" in wanted,
        crl_sign="crl_sign" in wanted,
        encipher_only=False,
        decipher_only=False,
    )


def make_ca(
    common_name: str = DEMO_CA_NAME,
    *,
    organization: str = DEMO_ORGANIZATION,
    key_type: KeyType = "ecdsa",
    now: datetime | None = None,
    valid_days: int = 3650,
) -> Credential:
    """A self-signed root CA (basicConstraints cA, path length 0; keyCertSign, cRLSign)."""
    now = _now(now)
    key = new_key(key_type)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "UA"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=valid_days))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_usage({"key_cert_sign", "crl_sign"}), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return Credential(cert, key)


def _at_most_bytes(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` bytes of UTF-8, never in the middle of a letter."""
    return text.encode("utf-8")[:limit].decode("utf-8", errors="ignore").rstrip()


def issue(
    ca: Credential,
    full_name: str,
    *,
    rnokpp: str | None = None,
    bare_rnokpp: bool = False,
    email: str | None = None,
    key_type: KeyType = "ecdsa",
    now: datetime | None = None,
    not_before: datetime | None = None,
    not_after: datetime | None = None,
    key_usage: Iterable[str] = SIGNING_USAGE,
) -> Credential:
    """A person's signing certificate from ``ca``: commonName ``full_name`` (surname = its first
    word, givenName the rest), serialNumber "TINUA-<rnokpp>" (or the bare number), valid from a
    day ago for two years unless ``not_before``/``not_after`` say otherwise."""
    now = _now(now)
    key = new_key(key_type)
    surname, _, given = full_name.partition(" ")
    attributes = [
        x509.NameAttribute(NameOID.COUNTRY_NAME, "UA"),
        x509.NameAttribute(NameOID.LOCALITY_NAME, "Тернопіль"),
        # A commonName holds 64 characters at most (RFC 5280 ub-common-name), which
        # cryptography counts in UTF-8 bytes (32 Cyrillic letters); the whole name is still in
        # the surname and givenName.
        x509.NameAttribute(NameOID.COMMON_NAME, _at_most_bytes(full_name, 64)),
        x509.NameAttribute(NameOID.SURNAME, surname),
    ]
    if given:
        attributes.append(x509.NameAttribute(NameOID.GIVEN_NAME, given))
    if rnokpp:
        serial = rnokpp if bare_rnokpp else f"TINUA-{rnokpp}"
        attributes.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, serial))
    builder = (
        x509.CertificateBuilder()
        .subject_name(x509.Name(attributes))
        .issuer_name(ca.certificate.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before or now - timedelta(days=1))
        .not_valid_after(not_after or now + timedelta(days=730))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_usage(key_usage), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca.private_key.public_key()),
            critical=False,
        )
    )
    if email:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.RFC822Name(email)]), critical=False
        )
    cert = builder.sign(ca.private_key, hashes.SHA256())
    return Credential(cert, key, (ca.certificate, *ca.chain))


# --- signatures, for tests -------------------------------------------------------------------


def sign_detached_cms(credential: Credential, data: bytes) -> bytes:
    """A detached CMS (DER) the way ``openssl cms -sign -binary`` makes it: ``cryptography``'s
    PKCS#7 builder with DetachedSignature **and Binary** (without Binary, line endings would be
    converted before hashing). Carries the chain."""
    builder = pkcs7.PKCS7SignatureBuilder().set_data(data)
    builder = builder.add_signer(credential.certificate, credential.private_key, hashes.SHA256())
    for cert in credential.chain:
        builder = builder.add_certificate(cert)
    return builder.sign(
        serialization.Encoding.DER,
        [pkcs7.PKCS7Options.DetachedSignature, pkcs7.PKCS7Options.Binary],
    )


def sign_detached_cades(credential: Credential, data: bytes, passphrase: str = "x") -> bytes:
    """A detached CAdES-BES signature (DER) made with pyHanko, as desktop signing tools do."""
    from pyhanko.sign import signers

    from backoffice.core.signing.pyhanko_verifier import run_async

    signer = signers.SimpleSigner.load_pkcs12_data(
        credential.p12(passphrase), [], passphrase=passphrase.encode("utf-8")
    )

    async def sign() -> bytes:
        info = await signer.async_sign_general_data(data, "sha256", detached=True, use_cades=True)
        return info.dump()

    return run_async(sign)


def dstu_certificate(
    full_name: str, *, rnokpp: str | None = None, now: datetime | None = None
) -> asn1_x509.Certificate:
    """A certificate whose key and signature algorithm are DSTU 4145 (random bytes for both:
    only its algorithm identifiers and names matter here)."""
    now = _now(now)
    issuer = asn1_x509.Name.build(
        {"country_name": "UA", "common_name": "Демо КНЕДП (ДСТУ 4145)"}, use_printable=False
    )
    subject_fields = {"country_name": "UA", "common_name": full_name}
    if rnokpp:
        subject_fields["serial_number"] = f"TINUA-{rnokpp}"
    public_key = keys.PublicKeyInfo.load(
        AnyPublicKeyInfo(
            {"algorithm": {"algorithm": DSTU_4145}, "public_key": b"\x04" + os.urandom(32)}
        ).dump()
    )
    tbs = asn1_x509.TbsCertificate(
        {
            "version": "v3",
            "serial_number": int.from_bytes(os.urandom(8), "big"),
            "signature": {"algorithm": DSTU_4145},
            "issuer": issuer,
            "validity": {
                "not_before": asn1_x509.Time({"utc_time": now - timedelta(days=1)}),
                "not_after": asn1_x509.Time({"utc_time": now + timedelta(days=365)}),
            },
            "subject": asn1_x509.Name.build(subject_fields, use_printable=False),
            "subject_public_key_info": public_key,
            "extensions": [
                {
                    "extn_id": "key_usage",
                    "critical": True,
                    "extn_value": {"digital_signature", "non_repudiation"},
                }
            ],
        }
    )
    return asn1_x509.Certificate(
        {
            "tbs_certificate": tbs,
            "signature_algorithm": {"algorithm": DSTU_4145},
            "signature_value": os.urandom(64),
        }
    )


def dstu_signature(
    data: bytes, *, full_name: str, rnokpp: str | None = None, now: datetime | None = None
) -> bytes:
    """A detached CMS (DER) shaped like a DSTU 4145 signature with a GOST 34.311 digest over
    ``data``: right structure and algorithm identifiers, meaningless signature value."""
    now = _now(now)
    cert = dstu_certificate(full_name, rnokpp=rnokpp, now=now)
    signed_attrs = asn1_cms.CMSAttributes(
        [
            {"type": "content_type", "values": ["data"]},
            {"type": "message_digest", "values": [hashlib.sha256(data).digest()]},
            {"type": "signing_time", "values": [asn1_cms.Time({"utc_time": now})]},
        ]
    )
    signer_info = asn1_cms.SignerInfo(
        {
            "version": "v1",
            "sid": asn1_cms.SignerIdentifier(
                {
                    "issuer_and_serial_number": {
                        "issuer": cert.issuer,
                        "serial_number": cert.serial_number,
                    }
                }
            ),
            "digest_algorithm": {"algorithm": GOST_34311},
            "signed_attrs": signed_attrs,
            "signature_algorithm": {"algorithm": DSTU_4145},
            "signature": os.urandom(64),
        }
    )
    signed_data = asn1_cms.SignedData(
        {
            "version": "v1",
            "digest_algorithms": [{"algorithm": GOST_34311}],
            "encap_content_info": {"content_type": "data"},
            "certificates": [cert],
            "signer_infos": [signer_info],
        }
    )
    return asn1_cms.ContentInfo({"content_type": "signed_data", "content": signed_data}).dump()


# --- the demo set ----------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoPerson:
    full_name: str
    email: str
    role: str  # a staff role, or "resident"
    tax_number: str | None = None


@dataclass
class DemoPki:
    """What ``write_demo_pki`` made: the CA and each person's credential and file."""

    ca: Credential
    out_dir: Path
    passphrase: str
    people: list[tuple[DemoPerson, Credential, Path]] = field(default_factory=list)
    extra: list[tuple[str, Path]] = field(default_factory=list)  # (what it is, file)

    @property
    def ca_path(self) -> Path:
        return self.out_dir / "demo-ca.pem"


# When the database holds no demo people (the certificates are still useful for a try-out).
FALLBACK_PEOPLE = (
    DemoPerson("Демо Працівниця ЦНАП", "clerk@e-ternopil.example", "clerk"),
    DemoPerson("Демо Мешканець", "resident1@e-ternopil.example", "resident"),
)


def _file_name(person: DemoPerson) -> str:
    local = person.email.split("@", 1)[0]
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in local)
    return f"{safe or 'person'}.p12"


def write_demo_pki(
    out_dir: Path,
    people: Sequence[DemoPerson],
    *,
    passphrase: str = DEFAULT_PASSPHRASE,
    key_type: KeyType = "ecdsa",
    now: datetime | None = None,
) -> DemoPki:
    """Make a CA, a certificate for each person (РНОКПП: theirs, or a made-up valid one for
    those without), and two that must be refused — an expired one and one from a CA nobody
    trusts — and write them to ``out_dir``: ``demo-ca.pem``, ``<email name>.p12`` each,
    ``expired-resident.p12``, ``foreign-resident.p12``, ``foreign-ca.pem``."""
    now = _now(now)
    out_dir.mkdir(parents=True, exist_ok=True)
    ca = make_ca(key_type=key_type, now=now)
    made = DemoPki(ca=ca, out_dir=out_dir, passphrase=passphrase)
    made.ca_path.write_bytes(ca.cert_pem)
    for person in people or FALLBACK_PEOPLE:
        rnokpp = person.tax_number or demo_tax_number(person.email)
        credential = issue(
            ca, person.full_name, rnokpp=rnokpp, email=person.email, key_type=key_type, now=now
        )
        path = out_dir / _file_name(person)
        path.write_bytes(credential.p12(passphrase))
        made.people.append((person, credential, path))
    expired = issue(
        ca,
        "Прострочений Сертифікат",
        rnokpp=demo_tax_number("expired"),
        key_type=key_type,
        not_before=now - timedelta(days=400),
        not_after=now - timedelta(days=10),
    )
    foreign_ca = make_ca(FOREIGN_CA_NAME, organization="Невідома організація", now=now)
    foreign = issue(foreign_ca, "Сторонній Підписувач", rnokpp=demo_tax_number("foreign"), now=now)
    for what, name, data in (
        ("expired certificate", "expired-resident.p12", expired.p12(passphrase)),
        ("certificate of an untrusted CA", "foreign-resident.p12", foreign.p12(passphrase)),
        ("the untrusted CA", "foreign-ca.pem", foreign_ca.cert_pem),
    ):
        (out_dir / name).write_bytes(data)
        made.extra.append((what, out_dir / name))
    return made
