"""Electronic signatures of orders: the resident's signature of the application and the
clerk's signature of the result (``order_signatures``).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "order_signatures",
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("document_file_id", sa.Integer(), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=True),
        sa.Column("signed_file_id", sa.Integer(), nullable=True),
        sa.Column("signer_name", sa.String(length=300), nullable=False),
        sa.Column("rnokpp", sa.String(length=10), nullable=True),
        sa.Column("issuer", sa.String(length=300), nullable=False),
        sa.Column("certificate_serial", sa.String(length=80), nullable=False),
        sa.Column("certificate_fingerprint", sa.String(length=64), nullable=False),
        sa.Column("algorithm", sa.String(length=100), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.CheckConstraint(
            "kind <> 'application' OR signature IS NOT NULL",
            name=op.f("ck_order_signatures_application_has_signature"),
        ),
        sa.CheckConstraint(
            "kind <> 'result' OR signed_file_id IS NOT NULL",
            name=op.f("ck_order_signatures_result_has_signed_file"),
        ),
        sa.CheckConstraint(
            "kind IN ('application', 'result')", name=op.f("ck_order_signatures_known_kind")
        ),
        sa.CheckConstraint(
            "source IN ('browser', 'upload', 'pkcs12')",
            name=op.f("ck_order_signatures_known_source"),
        ),
        sa.CheckConstraint(
            "status IN ('valid', 'invalid', 'untrusted', 'expired', 'unsupported')",
            name=op.f("ck_order_signatures_known_status"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_order_signatures_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["document_file_id"],
            ["stored_files.id"],
            name=op.f("fk_order_signatures_document_file_id_stored_files"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["orders.id"],
            name=op.f("fk_order_signatures_order_id_orders"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["signed_file_id"],
            ["stored_files.id"],
            name=op.f("fk_order_signatures_signed_file_id_stored_files"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_signatures")),
    )
    with op.batch_alter_table("order_signatures", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_order_signatures_created_by_id"), ["created_by_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_order_signatures_document_file_id"), ["document_file_id"], unique=False
        )
        batch_op.create_index("ix_order_signatures_order_id_id", ["order_id", "id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_order_signatures_signed_file_id"), ["signed_file_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("order_signatures", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_order_signatures_signed_file_id"))
        batch_op.drop_index("ix_order_signatures_order_id_id")
        batch_op.drop_index(batch_op.f("ix_order_signatures_document_file_id"))
        batch_op.drop_index(batch_op.f("ix_order_signatures_created_by_id"))

    op.drop_table("order_signatures")
