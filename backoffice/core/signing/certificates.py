"""What a certificate says about its holder, and which algorithms a CMS signature uses.

Everything here reads asn1crypto objects only, so it works for certificates no cryptographic
library here can handle (DSTU 4145 keys): a signature we cannot check still names its signer.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

from asn1crypto import cms, core, keys, x509

# The arc of Ukraine's national cryptographic algorithms (DSTU 4145 signatures under .3,
# GOST 34.311 and DSTU 7564 hashes under .2, DSTU 7624 and GOST 28147 ciphers under .1).
UA_ALGORITHMS = "1.2.804.2.1.1.1.1."
_UA_NAMES = (
    ("1.2.804.2.1.1.1.1.3.1", "ДСТУ 4145-2002"),
    ("1.2.804.2.1.1.1.1.3", "ДСТУ (національний алгоритм підпису)"),
    ("1.2.804.2.1.1.1.1.2.1", "ГОСТ 34.311-95"),
    ("1.2.804.2.1.1.1.1.2.2", "ДСТУ 7564:2014"),
    ("1.2.804.2.1.1.1.1.", "національний алгоритм України"),
)
# Subject directory attribute of Ukrainian qualified certificates holding the РНОКПП (ДРФО).
_DRFO_ATTRIBUTE = "1.2.804.2.1.1.1.11.1.4.1.1"
# "TINUA-1234567890" (ETSI EN 319 412-1 semantics identifier) or a bare 10-digit number.
_RNOKPP = re.compile(r"(?:TINUA-?)?(\d{10})", re.IGNORECASE)


class AnyPublicKeyInfo(core.Sequence):
    """SubjectPublicKeyInfo for any algorithm: asn1crypto's own refuses to parse a key of an
    algorithm it does not know (DSTU 4145), even to tell which algorithm it is."""

    _fields: ClassVar[list] = [
        ("algorithm", keys.PublicKeyAlgorithm),
        ("public_key", core.OctetBitString),
    ]


def public_key_algorithm(cert: x509.Certificate) -> str:
    """The dotted OID of the certificate's public-key algorithm."""
    info = AnyPublicKeyInfo.load(cert["tbs_certificate"]["subject_public_key_info"].dump())
    return info["algorithm"]["algorithm"].dotted


@dataclass(frozen=True)
class CertificateInfo:
    """The parts of a signer's certificate the people reading a signature care about."""

    signer_name: str
    rnokpp: str | None
    issuer: str
    serial: str  # hexadecimal, upper case
    fingerprint: str  # SHA-256 of the DER certificate, hexadecimal, lower case
    not_before: datetime | None
    not_after: datetime | None
    key_usage: frozenset[str]  # asn1crypto names: digital_signature, non_repudiation, ...


def rnokpp_from_serial_number(value: Any) -> str | None:
    """The РНОКПП in a subject serialNumber: "TINUA-1234567890" or "1234567890"; else None."""
    if not isinstance(value, str):
        return None
    match = _RNOKPP.fullmatch(value.strip())
    return match.group(1) if match else None


def _name_part(name: x509.Name, *keys: str) -> str:
    native = name.native
    for key in keys:
        value = native.get(key)
        if isinstance(value, list):
            value = " ".join(str(v) for v in value)
        if value:
            return str(value).strip()
    return ""


def person_name(name: x509.Name) -> str:
    """Common name; else surname and given name; else the whole name as text."""
    common = _name_part(name, "common_name")
    if common:
        return common
    parts = [_name_part(name, "surname"), _name_part(name, "given_name")]
    joined = " ".join(p for p in parts if p)
    return joined or name.human_friendly


def authority_name(name: x509.Name) -> str:
    return _name_part(name, "common_name", "organization_name") or name.human_friendly


def _rnokpp_of(cert: x509.Certificate) -> str | None:
    found = rnokpp_from_serial_number(cert.subject.native.get("serial_number"))
    if found:
        return found
    for extension in cert["tbs_certificate"]["extensions"]:
        if extension["extn_id"].dotted != "2.5.29.9":  # subjectDirectoryAttributes
            continue
        try:
            for attribute in extension["extn_value"].parsed:
                if attribute["type"].dotted == _DRFO_ATTRIBUTE:
                    for value in attribute["values"]:
                        text = value.parsed.native if hasattr(value, "parsed") else value.native
                        found = rnokpp_from_serial_number(text)
                        if found:
                            return found
        except (ValueError, TypeError, KeyError):
            return None
    return None


def describe(cert: x509.Certificate) -> CertificateInfo:
    validity = cert["tbs_certificate"]["validity"]
    try:
        usage = frozenset(cert.key_usage_value.native) if cert.key_usage_value else frozenset()
    except ValueError:
        usage = frozenset()
    return CertificateInfo(
        signer_name=person_name(cert.subject)[:300],
        rnokpp=_rnokpp_of(cert),
        issuer=authority_name(cert.issuer)[:300],
        serial=format(cert.serial_number, "X"),
        fingerprint=hashlib.sha256(cert.dump()).hexdigest(),
        not_before=validity["not_before"].native,
        not_after=validity["not_after"].native,
        key_usage=usage,
    )


def parse_certificate_fields(cert: x509.Certificate) -> None:
    """Parse what this module reads of a certificate now (asn1crypto is lazy): ValueError and
    friends surface here rather than later. The public key is left alone (see above)."""
    tbs = cert["tbs_certificate"]
    for name in ("serial_number", "signature", "issuer", "validity", "subject", "extensions"):
        tbs[name].native  # noqa: B018
    cert["signature_algorithm"].native  # noqa: B018
    public_key_algorithm(cert)


def certificates_of(signed_data: cms.SignedData) -> list[x509.Certificate]:
    found = []
    for choice in signed_data["certificates"] or []:
        if choice.name == "certificate":
            found.append(choice.chosen)
    return found


def signer_certificate(signed_data: cms.SignedData) -> x509.Certificate | None:
    """The certificate the (first) signer info points at, by issuer and serial or by key id."""
    infos = signed_data["signer_infos"]
    if not infos:
        return None
    sid = infos[0]["sid"]
    for cert in certificates_of(signed_data):
        if sid.name == "issuer_and_serial_number":
            wanted = sid.chosen
            if (
                cert.serial_number == wanted["serial_number"].native
                and cert.issuer == wanted["issuer"]
            ):
                return cert
        elif cert.key_identifier == sid.chosen.native:
            return cert
    return None


def claimed_signing_time(signed_data: cms.SignedData) -> datetime | None:
    """The signingTime attribute of the (first) signer: what the signer's computer said."""
    infos = signed_data["signer_infos"]
    if not infos or not infos[0]["signed_attrs"]:
        return None
    for attribute in infos[0]["signed_attrs"]:
        if attribute["type"].native == "signing_time" and len(attribute["values"]):
            value = attribute["values"][0].native
            return value if isinstance(value, datetime) else None
    return None


def algorithms_of(signed_data: cms.SignedData) -> frozenset[str]:
    """Dotted OIDs of every algorithm the signature relies on: the signers' digest and
    signature algorithms and the key and signature algorithms of the certificates it carries."""
    oids: set[str] = set()
    for algorithm in signed_data["digest_algorithms"]:
        oids.add(algorithm["algorithm"].dotted)
    for info in signed_data["signer_infos"]:
        oids.add(info["digest_algorithm"]["algorithm"].dotted)
        oids.add(info["signature_algorithm"]["algorithm"].dotted)
    for cert in certificates_of(signed_data):
        oids.add(cert["signature_algorithm"]["algorithm"].dotted)
        oids.add(
            cert["tbs_certificate"]["subject_public_key_info"]["algorithm"]["algorithm"].dotted
        )
    return frozenset(oids)


def national_algorithms(algorithms: frozenset[str]) -> list[str]:
    """The Ukrainian national algorithms (DSTU 4145 and its hashes) among ``algorithms``."""
    return sorted(oid for oid in algorithms if oid.startswith(UA_ALGORITHMS))


def national_algorithm_name(oid: str) -> str:
    for prefix, name in _UA_NAMES:
        if oid.startswith(prefix):
            return f"{name} ({oid})"
    return oid


def signature_algorithm_name(mechanism: str, digest: str) -> str:
    """A readable "ECDSA / SHA-256" from asn1crypto's names ("sha256_ecdsa", "sha256")."""
    families = {"ecdsa": "ECDSA", "rsassa_pss": "RSA-PSS", "rsa": "RSA", "ed25519": "Ed25519"}
    family = next((v for k, v in families.items() if k in mechanism), mechanism.upper())
    digests = {"sha": "SHA-"}
    text = digest
    for prefix, shown in digests.items():
        if digest.startswith(prefix) and digest[len(prefix) :].isdigit():
            text = shown + digest[len(prefix) :]
    return f"{family} / {text.upper()}"[:100]
