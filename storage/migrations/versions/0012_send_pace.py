"""sendpace: a send budget shared by every bot process (Telegram's 30 msg/s per token)

Revision ID: 0012_send_pace
Revises: 0011_desk_gaps
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0012_send_pace"
down_revision = "0011_desk_gaps"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "sendpace",
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("next_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )


def downgrade() -> None:
    """Undo this revision."""
    op.drop_table("sendpace")
