"""the whole schema

Revision ID: 0001
Revises:
Create Date: 2026-12-04 21:13:32.130324
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "activity_chain_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("last_entry_id", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_chain_head")),
    )
    op.create_table(
        "carriers",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_carriers")),
        sa.UniqueConstraint("name", name=op.f("uq_carriers_name")),
    )
    op.create_table(
        "registration_counters",
        sa.Column("scope", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("scope", "year", name=op.f("pk_registration_counters")),
    )
    op.create_table(
        "service_categories",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column(
            "title",
            sa.String(length=200)
            .with_variant(sa.String(length=200, collation="uk-x-icu"), "postgresql")
            .with_variant(sa.String(length=200, collation="uk"), "sqlite"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_categories")),
        sa.UniqueConstraint("code", name=op.f("uq_service_categories_code")),
    )
    op.create_table(
        "users",
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column(
            "full_name",
            sa.String(length=200)
            .with_variant(sa.String(length=200, collation="uk-x-icu"), "postgresql")
            .with_variant(sa.String(length=200, collation="uk"), "sqlite"),
            nullable=False,
        ),
        sa.Column("tax_number", sa.String(length=10), nullable=True),
        sa.Column("address", sa.String(length=300), nullable=True),
        sa.Column("password_hash", sa.String(length=200), nullable=True),
        sa.Column("blocked", sa.Boolean(), nullable=False),
        sa.Column("blocked_reason", sa.String(length=500), nullable=True),
        sa.Column("consent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("failed_sign_ins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_sign_in_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.CheckConstraint(
            "failed_sign_ins >= 0", name=op.f("ck_users_failed_sign_ins_not_negative")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("email", name=op.f("uq_users_email")),
    )
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_users_blocked"), ["blocked"], unique=False)
        batch_op.create_index("ix_users_created_at_id", ["created_at", "id"], unique=False)
        batch_op.create_index("ix_users_full_name_id", ["full_name", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_users_phone"), ["phone"], unique=False)
        batch_op.create_index(batch_op.f("ix_users_tax_number"), ["tax_number"], unique=False)

    op.create_table(
        "activity_entries",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("client_address", sa.String(length=64), nullable=True),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column(
            "changes",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("previous_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["users.id"],
            name=op.f("fk_activity_entries_actor_id_users"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity_entries")),
        sa.UniqueConstraint("hash", name=op.f("uq_activity_entries_hash")),
    )
    with op.batch_alter_table("activity_entries", schema=None) as batch_op:
        batch_op.create_index("ix_activity_entries_action", ["action"], unique=False)
        batch_op.create_index("ix_activity_entries_actor_id_at", ["actor_id", "at"], unique=False)
        batch_op.create_index("ix_activity_entries_at_id", ["at", "id"], unique=False)
        batch_op.create_index(
            "ix_activity_entries_entity_entity_id", ["entity", "entity_id"], unique=False
        )

    op.create_table(
        "appeals",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("registration_number", sa.String(length=30), nullable=True),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=100), nullable=False),
        sa.Column("applicant_id", sa.Integer(), nullable=True),
        sa.Column("applicant_name", sa.String(length=200), nullable=True),
        sa.Column("applicant_contact", sa.String(length=300), nullable=True),
        sa.Column("hide_identity", sa.Boolean(), nullable=False),
        sa.Column("urgent", sa.Boolean(), nullable=False),
        sa.Column("urgent_reason", sa.Text(), nullable=True),
        sa.Column("needs_study", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("assignee_id", sa.Integer(), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("registered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("original_due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("extension_reason", sa.Text(), nullable=True),
        sa.Column("forwarded_to", sa.String(length=300), nullable=True),
        sa.Column("not_considered_reason", sa.Text(), nullable=True),
        sa.Column("response_text", sa.Text(), nullable=True),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answered_by_id", sa.Integer(), nullable=True),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.CheckConstraint(
            "NOT urgent OR kind = 'info_request'", name=op.f("ck_appeals_only_requests_urgent")
        ),
        sa.CheckConstraint(
            "kind IN ('appeal', 'info_request', 'message')", name=op.f("ck_appeals_known_kind")
        ),
        sa.CheckConstraint(
            "status IN ('received', 'registered', 'assigned', 'extended', 'answered', 'forwarded', 'not_considered')",
            name=op.f("ck_appeals_known_status"),
        ),
        sa.ForeignKeyConstraint(
            ["answered_by_id"],
            ["users.id"],
            name=op.f("fk_appeals_answered_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["applicant_id"],
            ["users.id"],
            name=op.f("fk_appeals_applicant_id_users"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["assignee_id"],
            ["users.id"],
            name=op.f("fk_appeals_assignee_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appeals")),
        sa.UniqueConstraint("registration_number", name=op.f("uq_appeals_registration_number")),
    )
    with op.batch_alter_table("appeals", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_appeals_answered_by_id"), ["answered_by_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_appeals_applicant_id"), ["applicant_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_appeals_assignee_id"), ["assignee_id"], unique=False)
        batch_op.create_index("ix_appeals_category", ["category"], unique=False)
        batch_op.create_index("ix_appeals_due_at_id", ["due_at", "id"], unique=False)
        batch_op.create_index(
            "ix_appeals_kind_status_received_at_id",
            ["kind", "status", "received_at", "id"],
            unique=False,
        )
        batch_op.create_index("ix_appeals_received_at_id", ["received_at", "id"], unique=False)

    op.create_table(
        "discussions",
        sa.Column(
            "title",
            sa.String(length=300)
            .with_variant(sa.String(length=300, collation="uk-x-icu"), "postgresql")
            .with_variant(sa.String(length=300, collation="uk"), "sqlite"),
            nullable=False,
        ),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.CheckConstraint(
            "status IN ('open', 'closed')", name=op.f("ck_discussions_known_status")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_discussions_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_discussions")),
    )
    with op.batch_alter_table("discussions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_discussions_created_by_id"), ["created_by_id"], unique=False
        )
        batch_op.create_index(
            "ix_discussions_status_created_at_id", ["status", "created_at", "id"], unique=False
        )

    op.create_table(
        "news_items",
        sa.Column("slug", sa.String(length=120), nullable=False),
        sa.Column(
            "title",
            sa.String(length=300)
            .with_variant(sa.String(length=300, collation="uk-x-icu"), "postgresql")
            .with_variant(sa.String(length=300, collation="uk"), "sqlite"),
            nullable=False,
        ),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("published", sa.Boolean(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name=op.f("fk_news_items_author_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_news_items")),
        sa.UniqueConstraint("slug", name=op.f("uq_news_items_slug")),
    )
    with op.batch_alter_table("news_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_news_items_author_id"), ["author_id"], unique=False)
        batch_op.create_index(
            "ix_news_items_published_published_at", ["published", "published_at"], unique=False
        )

    op.create_table(
        "notifications",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=1000), nullable=False),
        sa.Column("link", sa.String(length=300), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_notifications_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notifications")),
    )
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.create_index(
            "ix_notifications_user_id_created_at", ["user_id", "created_at"], unique=False
        )

    op.create_table(
        "pages",
        sa.Column("slug", sa.String(length=120), nullable=False),
        sa.Column(
            "title",
            sa.String(length=300)
            .with_variant(sa.String(length=300, collation="uk-x-icu"), "postgresql")
            .with_variant(sa.String(length=300, collation="uk"), "sqlite"),
            nullable=False,
        ),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("published", sa.Boolean(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"], ["users.id"], name=op.f("fk_pages_author_id_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pages")),
        sa.UniqueConstraint("slug", name=op.f("uq_pages_slug")),
    )
    with op.batch_alter_table("pages", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pages_author_id"), ["author_id"], unique=False)
        batch_op.create_index("ix_pages_published", ["published"], unique=False)

    op.create_table(
        "routes",
        sa.Column("number", sa.String(length=10), nullable=False),
        sa.Column("mode", sa.String(length=12), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("carrier_id", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.CheckConstraint(
            "mode IN ('bus', 'trolleybus', 'minibus', 'tram')", name=op.f("ck_routes_known_mode")
        ),
        sa.ForeignKeyConstraint(
            ["carrier_id"],
            ["carriers.id"],
            name=op.f("fk_routes_carrier_id_carriers"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_routes")),
        sa.UniqueConstraint("mode", "number", name=op.f("uq_routes_mode_number")),
    )
    with op.batch_alter_table("routes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_routes_carrier_id"), ["carrier_id"], unique=False)

    op.create_table(
        "services",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column(
            "title",
            sa.String(length=300)
            .with_variant(sa.String(length=300, collation="uk-x-icu"), "postgresql")
            .with_variant(sa.String(length=300, collation="uk"), "sqlite"),
            nullable=False,
        ),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column(
            "required_documents",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("term_days", sa.Integer(), nullable=True),
        sa.Column("term_counts", sa.String(length=10), nullable=False),
        sa.Column("fee", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column("department", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column(
            "form_schema",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.CheckConstraint(
            "term_counts IN ('calendar', 'working')", name=op.f("ck_services_known_term_counts")
        ),
        sa.CheckConstraint("fee >= 0", name=op.f("ck_services_fee_not_negative")),
        sa.CheckConstraint(
            "term_days IS NULL OR term_days > 0", name=op.f("ck_services_term_positive")
        ),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["service_categories.id"],
            name=op.f("fk_services_category_id_service_categories"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_services")),
        sa.UniqueConstraint("code", name=op.f("uq_services_code")),
    )
    with op.batch_alter_table("services", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_services_active"), ["active"], unique=False)
        batch_op.create_index(batch_op.f("ix_services_category_id"), ["category_id"], unique=False)
        batch_op.create_index("ix_services_title_id", ["title", "id"], unique=False)

    op.create_table(
        "staff_roles",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "role IN ('clerk', 'reception', 'moderator', 'manager', 'admin')",
            name=op.f("ck_staff_roles_known_role"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_staff_roles_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_roles")),
        sa.UniqueConstraint("user_id", "role", name=op.f("uq_staff_roles_user_id_role")),
    )
    with op.batch_alter_table("staff_roles", schema=None) as batch_op:
        batch_op.create_index("ix_staff_roles_role", ["role"], unique=False)

    op.create_table(
        "stored_files",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("uploaded_by_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["uploaded_by_id"],
            ["users.id"],
            name=op.f("fk_stored_files_uploaded_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stored_files")),
    )
    with op.batch_alter_table("stored_files", schema=None) as batch_op:
        batch_op.create_index("ix_stored_files_sha256", ["sha256"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_stored_files_uploaded_by_id"), ["uploaded_by_id"], unique=False
        )

    op.create_table(
        "surveys",
        sa.Column(
            "title",
            sa.String(length=300)
            .with_variant(sa.String(length=300, collation="uk-x-icu"), "postgresql")
            .with_variant(sa.String(length=300, collation="uk"), "sqlite"),
            nullable=False,
        ),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("opens_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closes_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("results_visibility", sa.String(length=20), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.CheckConstraint(
            "results_visibility IN ('always', 'after_close', 'staff_only')",
            name=op.f("ck_surveys_known_results_visibility"),
        ),
        sa.CheckConstraint(
            "status IN ('draft', 'published', 'closed', 'archived')",
            name=op.f("ck_surveys_known_status"),
        ),
        sa.CheckConstraint("closes_at > opens_at", name=op.f("ck_surveys_closes_after_opening")),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_surveys_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_surveys")),
    )
    with op.batch_alter_table("surveys", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_surveys_created_by_id"), ["created_by_id"], unique=False
        )
        batch_op.create_index(
            "ix_surveys_status_opens_at_id", ["status", "opens_at", "id"], unique=False
        )

    op.create_table(
        "appeal_events",
        sa.Column("appeal_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["users.id"],
            name=op.f("fk_appeal_events_actor_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["appeal_id"],
            ["appeals.id"],
            name=op.f("fk_appeal_events_appeal_id_appeals"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appeal_events")),
    )
    with op.batch_alter_table("appeal_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_appeal_events_actor_id"), ["actor_id"], unique=False)
        batch_op.create_index("ix_appeal_events_appeal_id_id", ["appeal_id", "id"], unique=False)

    op.create_table(
        "appeal_files",
        sa.Column("appeal_id", sa.Integer(), nullable=False),
        sa.Column("file_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(length=20), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "purpose IN ('attachment', 'response')", name=op.f("ck_appeal_files_known_purpose")
        ),
        sa.ForeignKeyConstraint(
            ["appeal_id"],
            ["appeals.id"],
            name=op.f("fk_appeal_files_appeal_id_appeals"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["file_id"],
            ["stored_files.id"],
            name=op.f("fk_appeal_files_file_id_stored_files"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appeal_files")),
        sa.UniqueConstraint(
            "appeal_id",
            "file_id",
            "purpose",
            name=op.f("uq_appeal_files_appeal_id_file_id_purpose"),
        ),
    )
    with op.batch_alter_table("appeal_files", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_appeal_files_appeal_id"), ["appeal_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_appeal_files_file_id"), ["file_id"], unique=False)

    op.create_table(
        "ballots",
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("voter_id", sa.Integer(), nullable=False),
        sa.Column("cast_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "channel IN ('web', 'desktop', 'cli')", name=op.f("ck_ballots_known_channel")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"],
            ["users.id"],
            name=op.f("fk_ballots_recorded_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["survey_id"],
            ["surveys.id"],
            name=op.f("fk_ballots_survey_id_surveys"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["voter_id"], ["users.id"], name=op.f("fk_ballots_voter_id_users"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ballots")),
        sa.UniqueConstraint("survey_id", "voter_id", name=op.f("uq_ballots_survey_id_voter_id")),
    )
    with op.batch_alter_table("ballots", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_ballots_recorded_by_id"), ["recorded_by_id"], unique=False
        )
        batch_op.create_index("ix_ballots_voter_id", ["voter_id"], unique=False)

    op.create_table(
        "comments",
        sa.Column("discussion_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("moderator_id", sa.Integer(), nullable=True),
        sa.Column("moderated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("rejection_reason", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.CheckConstraint(
            "status <> 'rejected' OR rejection_reason IS NOT NULL",
            name=op.f("ck_comments_rejection_has_reason"),
        ),
        sa.CheckConstraint(
            "status IN ('pending', 'approved', 'rejected')", name=op.f("ck_comments_known_status")
        ),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name=op.f("fk_comments_author_id_users"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["discussion_id"],
            ["discussions.id"],
            name=op.f("fk_comments_discussion_id_discussions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["moderator_id"],
            ["users.id"],
            name=op.f("fk_comments_moderator_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comments")),
    )
    with op.batch_alter_table("comments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_comments_author_id"), ["author_id"], unique=False)
        batch_op.create_index(
            "ix_comments_discussion_id_status_id", ["discussion_id", "status", "id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_comments_moderator_id"), ["moderator_id"], unique=False
        )
        batch_op.create_index(
            "ix_comments_status_created_at_id", ["status", "created_at", "id"], unique=False
        )

    op.create_table(
        "orders",
        sa.Column("registration_number", sa.String(length=30), nullable=False),
        sa.Column("service_id", sa.Integer(), nullable=False),
        sa.Column("applicant_id", sa.Integer(), nullable=False),
        sa.Column(
            "answers",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("assignee_id", sa.Integer(), nullable=True),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("info_question", sa.Text(), nullable=True),
        sa.Column("info_requested_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("info_answer", sa.Text(), nullable=True),
        sa.Column("result_file_id", sa.Integer(), nullable=True),
        sa.Column("result_note", sa.Text(), nullable=True),
        sa.Column("rejection_reason", sa.Text(), nullable=True),
        sa.Column("application_file_id", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.CheckConstraint(
            "channel IN ('web', 'desktop', 'cli')", name=op.f("ck_orders_known_channel")
        ),
        sa.CheckConstraint(
            "status <> 'rejected' OR rejection_reason IS NOT NULL",
            name=op.f("ck_orders_rejection_has_reason"),
        ),
        sa.CheckConstraint(
            "status IN ('submitted', 'accepted', 'in_progress', 'needs_info', 'ready', 'completed', 'rejected', 'cancelled')",
            name=op.f("ck_orders_known_status"),
        ),
        sa.ForeignKeyConstraint(
            ["applicant_id"],
            ["users.id"],
            name=op.f("fk_orders_applicant_id_users"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["application_file_id"],
            ["stored_files.id"],
            name=op.f("fk_orders_application_file_id_stored_files"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["assignee_id"],
            ["users.id"],
            name=op.f("fk_orders_assignee_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["result_file_id"],
            ["stored_files.id"],
            name=op.f("fk_orders_result_file_id_stored_files"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["service_id"],
            ["services.id"],
            name=op.f("fk_orders_service_id_services"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_orders")),
        sa.UniqueConstraint("registration_number", name=op.f("uq_orders_registration_number")),
    )
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_orders_applicant_id"), ["applicant_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_orders_application_file_id"), ["application_file_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_orders_assignee_id"), ["assignee_id"], unique=False)
        batch_op.create_index("ix_orders_due_at_id", ["due_at", "id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_orders_result_file_id"), ["result_file_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_orders_service_id"), ["service_id"], unique=False)
        batch_op.create_index("ix_orders_status_id", ["status", "id"], unique=False)
        batch_op.create_index(
            "ix_orders_status_submitted_at_id", ["status", "submitted_at", "id"], unique=False
        )
        batch_op.create_index("ix_orders_submitted_at_id", ["submitted_at", "id"], unique=False)

    op.create_table(
        "questions",
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=500), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("required", sa.Boolean(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('single', 'multiple', 'text')", name=op.f("ck_questions_known_kind")
        ),
        sa.ForeignKeyConstraint(
            ["survey_id"],
            ["surveys.id"],
            name=op.f("fk_questions_survey_id_surveys"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_questions")),
        sa.UniqueConstraint("survey_id", "position", name=op.f("uq_questions_survey_id_position")),
    )
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_questions_survey_id"), ["survey_id"], unique=False)

    op.create_table(
        "ride_reviews",
        sa.Column("route_id", sa.Integer(), nullable=False),
        sa.Column("board_number", sa.String(length=12), nullable=False),
        sa.Column("ride_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("rating", sa.SmallInteger(), nullable=False),
        sa.Column("punctuality", sa.SmallInteger(), nullable=True),
        sa.Column("cleanliness", sa.SmallInteger(), nullable=True),
        sa.Column("driver", sa.SmallInteger(), nullable=True),
        sa.Column("crowding", sa.SmallInteger(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "cleanliness IS NULL OR cleanliness BETWEEN 1 AND 5",
            name=op.f("ck_ride_reviews_cleanliness_1_to_5"),
        ),
        sa.CheckConstraint(
            "crowding IS NULL OR crowding BETWEEN 1 AND 5",
            name=op.f("ck_ride_reviews_crowding_1_to_5"),
        ),
        sa.CheckConstraint(
            "driver IS NULL OR driver BETWEEN 1 AND 5", name=op.f("ck_ride_reviews_driver_1_to_5")
        ),
        sa.CheckConstraint(
            "punctuality IS NULL OR punctuality BETWEEN 1 AND 5",
            name=op.f("ck_ride_reviews_punctuality_1_to_5"),
        ),
        sa.CheckConstraint("rating BETWEEN 1 AND 5", name=op.f("ck_ride_reviews_rating_1_to_5")),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name=op.f("fk_ride_reviews_author_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["route_id"],
            ["routes.id"],
            name=op.f("fk_ride_reviews_route_id_routes"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ride_reviews")),
    )
    with op.batch_alter_table("ride_reviews", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_ride_reviews_author_id"), ["author_id"], unique=False)
        batch_op.create_index("ix_ride_reviews_ride_at_id", ["ride_at", "id"], unique=False)
        batch_op.create_index(
            "ix_ride_reviews_route_id_ride_at", ["route_id", "ride_at"], unique=False
        )

    op.create_table(
        "options",
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=300), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["questions.id"],
            name=op.f("fk_options_question_id_questions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_options")),
        sa.UniqueConstraint(
            "question_id", "position", name=op.f("uq_options_question_id_position")
        ),
    )
    with op.batch_alter_table("options", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_options_question_id"), ["question_id"], unique=False)

    op.create_table(
        "order_attachments",
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("file_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["file_id"],
            ["stored_files.id"],
            name=op.f("fk_order_attachments_file_id_stored_files"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["orders.id"],
            name=op.f("fk_order_attachments_order_id_orders"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_attachments")),
        sa.UniqueConstraint(
            "order_id", "file_id", "field", name=op.f("uq_order_attachments_order_id_file_id_field")
        ),
    )
    with op.batch_alter_table("order_attachments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_order_attachments_file_id"), ["file_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_order_attachments_order_id"), ["order_id"], unique=False
        )

    op.create_table(
        "order_events",
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["users.id"],
            name=op.f("fk_order_events_actor_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["order_id"],
            ["orders.id"],
            name=op.f("fk_order_events_order_id_orders"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_events")),
    )
    with op.batch_alter_table("order_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_order_events_actor_id"), ["actor_id"], unique=False)
        batch_op.create_index("ix_order_events_order_id_id", ["order_id", "id"], unique=False)

    op.create_table(
        "answers",
        sa.Column("ballot_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=False),
        sa.Column("option_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "option_id IS NOT NULL OR text IS NOT NULL", name=op.f("ck_answers_option_or_text")
        ),
        sa.ForeignKeyConstraint(
            ["ballot_id"],
            ["ballots.id"],
            name=op.f("fk_answers_ballot_id_ballots"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["option_id"],
            ["options.id"],
            name=op.f("fk_answers_option_id_options"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["questions.id"],
            name=op.f("fk_answers_question_id_questions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_answers")),
    )
    with op.batch_alter_table("answers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_answers_ballot_id"), ["ballot_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_answers_option_id"), ["option_id"], unique=False)
        batch_op.create_index(
            "ix_answers_question_id_option_id", ["question_id", "option_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("answers", schema=None) as batch_op:
        batch_op.drop_index("ix_answers_question_id_option_id")
        batch_op.drop_index(batch_op.f("ix_answers_option_id"))
        batch_op.drop_index(batch_op.f("ix_answers_ballot_id"))

    op.drop_table("answers")
    with op.batch_alter_table("order_events", schema=None) as batch_op:
        batch_op.drop_index("ix_order_events_order_id_id")
        batch_op.drop_index(batch_op.f("ix_order_events_actor_id"))

    op.drop_table("order_events")
    with op.batch_alter_table("order_attachments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_order_attachments_order_id"))
        batch_op.drop_index(batch_op.f("ix_order_attachments_file_id"))

    op.drop_table("order_attachments")
    with op.batch_alter_table("options", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_options_question_id"))

    op.drop_table("options")
    with op.batch_alter_table("ride_reviews", schema=None) as batch_op:
        batch_op.drop_index("ix_ride_reviews_route_id_ride_at")
        batch_op.drop_index("ix_ride_reviews_ride_at_id")
        batch_op.drop_index(batch_op.f("ix_ride_reviews_author_id"))

    op.drop_table("ride_reviews")
    with op.batch_alter_table("questions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_questions_survey_id"))

    op.drop_table("questions")
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_index("ix_orders_submitted_at_id")
        batch_op.drop_index("ix_orders_status_submitted_at_id")
        batch_op.drop_index("ix_orders_status_id")
        batch_op.drop_index(batch_op.f("ix_orders_service_id"))
        batch_op.drop_index(batch_op.f("ix_orders_result_file_id"))
        batch_op.drop_index("ix_orders_due_at_id")
        batch_op.drop_index(batch_op.f("ix_orders_assignee_id"))
        batch_op.drop_index(batch_op.f("ix_orders_application_file_id"))
        batch_op.drop_index(batch_op.f("ix_orders_applicant_id"))

    op.drop_table("orders")
    with op.batch_alter_table("comments", schema=None) as batch_op:
        batch_op.drop_index("ix_comments_status_created_at_id")
        batch_op.drop_index(batch_op.f("ix_comments_moderator_id"))
        batch_op.drop_index("ix_comments_discussion_id_status_id")
        batch_op.drop_index(batch_op.f("ix_comments_author_id"))

    op.drop_table("comments")
    with op.batch_alter_table("ballots", schema=None) as batch_op:
        batch_op.drop_index("ix_ballots_voter_id")
        batch_op.drop_index(batch_op.f("ix_ballots_recorded_by_id"))

    op.drop_table("ballots")
    with op.batch_alter_table("appeal_files", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_appeal_files_file_id"))
        batch_op.drop_index(batch_op.f("ix_appeal_files_appeal_id"))

    op.drop_table("appeal_files")
    with op.batch_alter_table("appeal_events", schema=None) as batch_op:
        batch_op.drop_index("ix_appeal_events_appeal_id_id")
        batch_op.drop_index(batch_op.f("ix_appeal_events_actor_id"))

    op.drop_table("appeal_events")
    with op.batch_alter_table("surveys", schema=None) as batch_op:
        batch_op.drop_index("ix_surveys_status_opens_at_id")
        batch_op.drop_index(batch_op.f("ix_surveys_created_by_id"))

    op.drop_table("surveys")
    with op.batch_alter_table("stored_files", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stored_files_uploaded_by_id"))
        batch_op.drop_index("ix_stored_files_sha256")

    op.drop_table("stored_files")
    with op.batch_alter_table("staff_roles", schema=None) as batch_op:
        batch_op.drop_index("ix_staff_roles_role")

    op.drop_table("staff_roles")
    with op.batch_alter_table("services", schema=None) as batch_op:
        batch_op.drop_index("ix_services_title_id")
        batch_op.drop_index(batch_op.f("ix_services_category_id"))
        batch_op.drop_index(batch_op.f("ix_services_active"))

    op.drop_table("services")
    with op.batch_alter_table("routes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_routes_carrier_id"))

    op.drop_table("routes")
    with op.batch_alter_table("pages", schema=None) as batch_op:
        batch_op.drop_index("ix_pages_published")
        batch_op.drop_index(batch_op.f("ix_pages_author_id"))

    op.drop_table("pages")
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.drop_index("ix_notifications_user_id_created_at")

    op.drop_table("notifications")
    with op.batch_alter_table("news_items", schema=None) as batch_op:
        batch_op.drop_index("ix_news_items_published_published_at")
        batch_op.drop_index(batch_op.f("ix_news_items_author_id"))

    op.drop_table("news_items")
    with op.batch_alter_table("discussions", schema=None) as batch_op:
        batch_op.drop_index("ix_discussions_status_created_at_id")
        batch_op.drop_index(batch_op.f("ix_discussions_created_by_id"))

    op.drop_table("discussions")
    with op.batch_alter_table("appeals", schema=None) as batch_op:
        batch_op.drop_index("ix_appeals_received_at_id")
        batch_op.drop_index("ix_appeals_kind_status_received_at_id")
        batch_op.drop_index("ix_appeals_due_at_id")
        batch_op.drop_index("ix_appeals_category")
        batch_op.drop_index(batch_op.f("ix_appeals_assignee_id"))
        batch_op.drop_index(batch_op.f("ix_appeals_applicant_id"))
        batch_op.drop_index(batch_op.f("ix_appeals_answered_by_id"))

    op.drop_table("appeals")
    with op.batch_alter_table("activity_entries", schema=None) as batch_op:
        batch_op.drop_index("ix_activity_entries_entity_entity_id")
        batch_op.drop_index("ix_activity_entries_at_id")
        batch_op.drop_index("ix_activity_entries_actor_id_at")
        batch_op.drop_index("ix_activity_entries_action")

    op.drop_table("activity_entries")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_users_tax_number"))
        batch_op.drop_index(batch_op.f("ix_users_phone"))
        batch_op.drop_index("ix_users_full_name_id")
        batch_op.drop_index("ix_users_created_at_id")
        batch_op.drop_index(batch_op.f("ix_users_blocked"))

    op.drop_table("users")
    op.drop_table("service_categories")
    op.drop_table("registration_counters")
    op.drop_table("carriers")
    op.drop_table("activity_chain_head")
