"""events: places per company, names of the people coming; film interest from the plan

Revision ID: 0008_year_members
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.types

revision = "0008_year_members"
down_revision = "0008_trust_roles"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("per_company", sa.Integer(), nullable=True))
    with op.batch_alter_table("event_registration", schema=None) as batch_op:
        batch_op.add_column(sa.Column("names", storage.types.JSONText(), nullable=True))
    with op.batch_alter_table("filminterest", schema=None) as batch_op:
        batch_op.add_column(sa.Column("from_plan", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    # Interest seeded from the plan never got a group in the bot; the rest was reported there.
    op.execute(sa.text("UPDATE filminterest SET from_plan = :yes "
                       "WHERE group_key IS NULL AND created_at = updated_at").bindparams(yes=True))
    # Events with sign-up in the bot get the catalogue's default limit (3 places per company).
    op.execute("UPDATE event SET per_company = 3 WHERE kind = 'intern'")


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("filminterest", schema=None) as batch_op:
        batch_op.drop_column("from_plan")
    with op.batch_alter_table("event_registration", schema=None) as batch_op:
        batch_op.drop_column("names")
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_column("per_company")
