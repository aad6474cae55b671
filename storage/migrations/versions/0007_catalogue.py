"""catalogue versions applied in chat; fairs a new catalogue no longer has are closed

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.types

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "catalogue_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("base_sha", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("uploaded_by", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("uploaded_at", storage.types.UTCDateTime(), nullable=False),
        sa.Column("applied_by", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
        sa.Column("applied_at", storage.types.UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("catalogue_version", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_catalogue_version_status"), ["status"], unique=False)
    with op.batch_alter_table("fair", schema=None) as batch_op:
        batch_op.add_column(sa.Column("cancelled_at", storage.types.UTCDateTime(), nullable=True))


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("fair", schema=None) as batch_op:
        batch_op.drop_column("cancelled_at")
    with op.batch_alter_table("catalogue_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_catalogue_version_status"))
    op.drop_table("catalogue_version")
