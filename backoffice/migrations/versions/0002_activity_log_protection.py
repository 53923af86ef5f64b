"""Activity log: the chain head row, and on PostgreSQL a trigger that keeps entries append-only.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Same value as core.audit.GENESIS_HASH; written out so that the migration never changes.
GENESIS_HASH = hashlib.sha256(b"e-Ternopil activity log").hexdigest()


def upgrade() -> None:
    head = sa.table(
        "activity_chain_head",
        sa.column("id", sa.Integer),
        sa.column("last_entry_id", sa.Integer),
        sa.column("last_hash", sa.String),
    )
    op.bulk_insert(head, [{"id": 1, "last_entry_id": 0, "last_hash": GENESIS_HASH}])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            """
            CREATE FUNCTION activity_entries_append_only() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'activity_entries is append-only: % refused', TG_OP
                    USING ERRCODE = 'insufficient_privilege';
            END
            $$
            """
        )
        op.execute(
            "CREATE TRIGGER activity_entries_no_change BEFORE UPDATE OR DELETE "
            "ON activity_entries FOR EACH ROW EXECUTE FUNCTION activity_entries_append_only()"
        )
        op.execute(
            "CREATE TRIGGER activity_entries_no_truncate BEFORE TRUNCATE "
            "ON activity_entries FOR EACH STATEMENT EXECUTE FUNCTION activity_entries_append_only()"
        )
    else:
        # SQLite: the same refusal, so that a stray statement cannot quietly rewrite history.
        for operation in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER activity_entries_no_{operation.lower()} BEFORE {operation} "
                "ON activity_entries BEGIN "
                f"SELECT RAISE(ABORT, 'activity_entries is append-only: {operation} refused'); END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER activity_entries_no_truncate ON activity_entries")
        op.execute("DROP TRIGGER activity_entries_no_change ON activity_entries")
        op.execute("DROP FUNCTION activity_entries_append_only()")
    else:
        op.execute("DROP TRIGGER activity_entries_no_update")
        op.execute("DROP TRIGGER activity_entries_no_delete")
    op.execute("DELETE FROM activity_chain_head")
