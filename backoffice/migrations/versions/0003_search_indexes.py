"""PostgreSQL: trigram indexes for the "contains" searches of the desktop lists.

Searching a name or part of a registration number is ``lower(column) LIKE '%text%'``; without
these indexes that is a full scan of a million rows. SQLite gets none (it cannot use them).
Their names end in ``_trgm``: the model comparison leaves them out, as the models do not
declare dialect-only indexes.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TRIGRAM_INDEXES = {
    "ix_users_full_name_trgm": ("users", "lower(full_name)"),
    "ix_users_email_trgm": ("users", "lower(email)"),
    "ix_orders_registration_number_trgm": ("orders", "lower(registration_number)"),
    "ix_appeals_subject_trgm": ("appeals", "lower(subject)"),
    "ix_appeals_registration_number_trgm": ("appeals", "lower(registration_number)"),
    "ix_services_title_trgm": ("services", "lower(title)"),
}


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, (table, expression) in TRIGRAM_INDEXES.items():
        op.execute(f"CREATE INDEX {name} ON {table} USING gin ({expression} gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in TRIGRAM_INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")
