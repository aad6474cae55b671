"""fairs and Schau rein: the catalogue's assumed values ("Annahme") stay marked until the team confirms them

Revision ID: 0010_provisional_more
Revises: 0009_provisional
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.types

revision = "0010_provisional_more"
down_revision = "0009_provisional"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("fair", schema=None) as batch_op:
        batch_op.add_column(sa.Column("provisional", storage.types.JSONText(), nullable=True,
                                      server_default="[]"))
    op.create_table(
        "schaureinconfirmation",
        sa.Column("programme", sa.String(length=80), nullable=False),
        sa.Column("fields", storage.types.JSONText(), nullable=True),
        sa.Column("confirmed_at", storage.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("programme"),
    )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_table("schaureinconfirmation")
    with op.batch_alter_table("fair", schema=None) as batch_op:
        batch_op.drop_column("provisional")
