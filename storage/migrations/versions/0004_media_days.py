"""media_days: media days, offered days, film series interest

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.types

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "filminterest",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("group_key", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=True),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("assigned", sa.Boolean(), nullable=False),
        sa.Column("created_at", storage.types.UTCDateTime(), nullable=False),
        sa.Column("updated_at", storage.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["company_id"], ["company.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("company_id"),
        sa.UniqueConstraint("group_key"),
    )
    op.create_table(
        "mediaday",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("year_slot", sa.Integer(), nullable=True),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("day_slot", sa.Integer(), nullable=True),
        sa.Column("formats", storage.types.JSONText(), nullable=True),
        sa.Column("wishes", storage.types.JSONText(), nullable=True),
        sa.Column("proposed", sa.Date(), nullable=True),
        sa.Column("move_wanted", sa.Boolean(), nullable=False),
        sa.Column("contact_name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("contact_reach", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("decline_reason", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
        sa.Column("requested_by", sa.Integer(), nullable=True),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("requested_at", storage.types.UTCDateTime(), nullable=False),
        sa.Column("updated_at", storage.types.UTCDateTime(), nullable=False),
        sa.Column("confirmed_at", storage.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(["company_id"], ["company.id"]),
        sa.ForeignKeyConstraint(["requested_by"], ["person.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("company_id", "year", "year_slot", name="uq_mediaday_company_year"),
        sa.UniqueConstraint("day", "day_slot", name="uq_mediaday_day_slot"),
    )
    with op.batch_alter_table("mediaday", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mediaday_company_id"), ["company_id"], unique=False)
    op.create_table(
        "mediadayoffer",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", storage.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["created_by"], ["person.id"]),
        sa.PrimaryKeyConstraint("day"),
    )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_table("mediadayoffer")
    with op.batch_alter_table("mediaday", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mediaday_company_id"))
    op.drop_table("mediaday")
    op.drop_table("filminterest")
