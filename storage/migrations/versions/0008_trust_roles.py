"""invite codes: number of uses and revocation; wrong codes counted per person

Revision ID: 0008_trust_roles
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.types

revision = "0008_trust_roles"
down_revision = "0008_polls"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("invitecode", schema=None) as batch_op:
        batch_op.add_column(sa.Column("max_uses", sa.Integer(), nullable=False,
                                      server_default="1"))
        batch_op.add_column(sa.Column("revoked_at", storage.types.UTCDateTime(), nullable=True))
    # Codes issued before were reusable until they expired: they stay so.
    op.execute("UPDATE invitecode SET max_uses = 500")
    op.create_table(
        "invite_attempt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("at", storage.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("invite_attempt", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invite_attempt_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_invite_attempt_person_id"), ["person_id"],
                              unique=False)


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("invite_attempt", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invite_attempt_person_id"))
        batch_op.drop_index(batch_op.f("ix_invite_attempt_at"))
    op.drop_table("invite_attempt")
    with op.batch_alter_table("invitecode", schema=None) as batch_op:
        batch_op.drop_column("revoked_at")
        batch_op.drop_column("max_uses")
