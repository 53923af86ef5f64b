"""Analytics: covering indexes for the orders received and closed in a period.

The dashboard and the services report count orders by submission time and by closing time
(core.analytics). Over a year at a million orders those are hundreds of thousands of rows; with
every column the counts read inside the index, PostgreSQL (and SQLite) answer from an index-only
scan instead of reading the whole table (closing time had no index at all). The second one
starts with the status, so the orders open now (the backlog) are read from it as well. Plain
indexes: the same on both databases, declared in the models (Order.__table_args__).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_orders_submitted_at_service_id_status": ["submitted_at", "service_id", "status"],
    # The status first: the closed ones of a period are three ranges of it, and the open ones
    # (the backlog) are read from it too, not from the table.
    "ix_orders_status_closed_at_service_id_due_at_submitted_at": [
        "status",
        "closed_at",
        "service_id",
        "due_at",
        "submitted_at",
    ],
}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "orders", columns, unique=False)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="orders")
