"""The migrations build exactly the schema the models describe, on both databases."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from backoffice.migrations import current_revision
from backoffice.migrations.rules import include_object
from backoffice.models import Base


def test_migrations_and_models_agree(engine):
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": include_object}
        )
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_database_is_at_the_newest_revision(engine):
    from alembic.script import ScriptDirectory

    from backoffice.migrations import alembic_config

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert current_revision(engine) == head


def test_every_foreign_key_is_indexed(engine):
    """Lists filter and join on foreign keys: each needs an index whose first column it is."""
    inspector = inspect(engine)
    missing = []
    for table in inspector.get_table_names():
        if table == "alembic_version":
            continue
        leading = {tuple(i["column_names"][:1]) for i in inspector.get_indexes(table)}
        leading |= {tuple(u["column_names"][:1]) for u in inspector.get_unique_constraints(table)}
        leading.add(tuple(inspector.get_pk_constraint(table)["constrained_columns"][:1]))
        for fk in inspector.get_foreign_keys(table):
            if tuple(fk["constrained_columns"][:1]) not in leading:
                missing.append(f"{table}.{fk['constrained_columns'][0]}")
    assert missing == []


def test_postgresql_has_trigram_search_indexes(engine):
    names = {i["name"] for i in inspect(engine).get_indexes("users")}
    if engine.dialect.name == "postgresql":
        assert "ix_users_full_name_trgm" in names
    else:
        assert not any(n.endswith("_trgm") for n in names)
