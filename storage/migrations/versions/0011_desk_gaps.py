"""web desk: a person's last own activity, login tries shared by all processes

Revision ID: 0011_desk_gaps
Revises: 0010_provisional_more
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.types

revision = "0011_desk_gaps"
down_revision = "0010_provisional_more"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_seen_at", storage.types.UTCDateTime(), nullable=True))
    op.create_table(
        "weblogintry",
        sa.Column("client", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("window_start", storage.types.UTCDateTime(), nullable=False),
        sa.Column("tries", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("client"),
    )
    with op.batch_alter_table("weblogintry", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_weblogintry_window_start"), ["window_start"],
                              unique=False)


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("weblogintry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_weblogintry_window_start"))
    op.drop_table("weblogintry")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_column("last_seen_at")
