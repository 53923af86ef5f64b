"""Analytics: covering indexes for the orders received and closed in a period.

The dashboard and the services report count orders by submission time and by closing time
(core.analytics). Over a year at a million orders those are hundreds of thousands of rows; with
every column the counts read inside the index, PostgreSQL (and SQLite) answer from an index-only
scan instead of reading the whole table (closing time had no index at all).

The closing-time one holds the closed orders only (``closed_at IS NOT NULL``) and starts with
the status: an order enters it when it is closed, at the end of its status's range, so it
stays small and dense however often open orders change; the completed orders of a period are
one range of it and the rejected and cancelled two more. The same on both databases (SQLite has
partial indexes too), declared in the models (Order.__table_args__).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

CLOSED = "closed_at IS NOT NULL"
INDEXES: dict[str, tuple[list[str], str | None]] = {
    "ix_orders_submitted_at_service_id_status": (["submitted_at", "service_id", "status"], None),
    "ix_orders_status_closed_at_service_id_due_at_submitted_at": (
        ["status", "closed_at", "service_id", "due_at", "submitted_at"],
        CLOSED,
    ),
}


def upgrade() -> None:
    for name, (columns, where) in INDEXES.items():
        only = {}
        if where is not None:
            only = {"postgresql_where": sa.text(where), "sqlite_where": sa.text(where)}
        op.create_index(name, "orders", columns, unique=False, **only)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="orders")
