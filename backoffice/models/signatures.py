"""Electronic signatures of orders: the resident's signature of the application and the
clerk's PAdES signature of the result (see core.signing)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, deferred, mapped_column

from backoffice.models.base import Base, IdMixin, TimestampMixin


class SignatureKind(StrEnum):
    APPLICATION = "application"  # the resident signed the application document (detached CMS)
    RESULT = "result"  # a clerk signed the result PDF (PAdES, inside the PDF)


class SignatureSource(StrEnum):
    BROWSER = "browser"  # made in the portal page from the resident's PKCS#12 (WebCrypto)
    UPLOAD = "upload"  # a .p7s made with any tool and uploaded
    PKCS12 = "pkcs12"  # made by core from a staff member's PKCS#12 key


class SignatureStatus(StrEnum):
    VALID = "valid"
    INVALID = "invalid"
    UNTRUSTED = "untrusted"
    EXPIRED = "expired"
    UNSUPPORTED = "unsupported"


def _in(column: str, values: type[StrEnum]) -> str:
    return f"{column} IN ({', '.join(repr(v.value) for v in values)})"


class OrderSignature(IdMixin, TimestampMixin, Base):
    """One signature of an order's document, with what its verification found when it was
    recorded. Rows are evidence: never changed, never deleted; a newer signature of the same
    kind is added beside the older ones (the newest is the current one)."""

    __tablename__ = "order_signatures"
    __table_args__ = (
        CheckConstraint(_in("kind", SignatureKind), name="known_kind"),
        CheckConstraint(_in("source", SignatureSource), name="known_source"),
        CheckConstraint(_in("status", SignatureStatus), name="known_status"),
        # An application signature is a detached CMS kept here; a result's is inside its PDF.
        CheckConstraint(
            "kind <> 'application' OR signature IS NOT NULL", name="application_has_signature"
        ),
        CheckConstraint(
            "kind <> 'result' OR signed_file_id IS NOT NULL", name="result_has_signed_file"
        ),
        # The order's signatures, newest last; also the index of the foreign key.
        Index("ix_order_signatures_order_id_id", "order_id", "id"),
    )

    order_id: Mapped[int] = mapped_column(
        ForeignKey("orders.id", ondelete="CASCADE"), nullable=False
    )
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    source: Mapped[str] = mapped_column(String(20), nullable=False)
    # What was signed: the application document, or the result file before this signature.
    document_file_id: Mapped[int] = mapped_column(
        ForeignKey("stored_files.id", ondelete="RESTRICT"), nullable=False, index=True
    )
    # The detached CMS (DER) of an application signature; deferred: lists never pull it.
    signature: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))
    # The signed PDF a result signature produced (it became the order's result file).
    signed_file_id: Mapped[int | None] = mapped_column(
        ForeignKey("stored_files.id", ondelete="RESTRICT"), index=True
    )
    signer_name: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    # РНОКПП from the certificate's subject serialNumber, when it has one.
    rnokpp: Mapped[str | None] = mapped_column(String(10))
    issuer: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    certificate_serial: Mapped[str] = mapped_column(String(80), nullable=False, default="")
    certificate_fingerprint: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    algorithm: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    # The signing time the signature states (a timestamp token's, else the signer's own claim).
    signed_at: Mapped[datetime | None] = mapped_column()
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    code: Mapped[str] = mapped_column(String(40), nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
