"""reminders: Stammtisch subscriptions, per-date changes, series settings, topic suggestions

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.types

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "stammtischsubscription",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("created_at", storage.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"]),
        sa.PrimaryKeyConstraint("person_id"),
    )
    op.create_table(
        "stammtischoverride",
        sa.Column("session", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.Column("moved_to", storage.types.UTCDateTime(), nullable=True),
        sa.Column("changed_at", storage.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("session"),
    )
    op.create_table(
        "stammtischsetting",
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("value", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("changed_at", storage.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "stammtischtopic",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("created_at", storage.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("stammtischtopic", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_stammtischtopic_session"), ["session"], unique=False)


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("stammtischtopic", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stammtischtopic_session"))
    op.drop_table("stammtischtopic")
    op.drop_table("stammtischsetting")
    op.drop_table("stammtischoverride")
    op.drop_table("stammtischsubscription")
