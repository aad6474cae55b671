"""polls and broadcasts: a person's role in their company (audience "one company role"); a file or picture with a broadcast

Revision ID: 0013_polls_gaps
Revises: 0012_send_pace
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import storage.types

revision = "0013_polls_gaps"
down_revision = "0012_send_pace"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "company_role",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("set_at", storage.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["company_id"], ["company.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("person_id"),
    )
    with op.batch_alter_table("company_role", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_company_role_company_id"), ["company_id"],
                              unique=False)
    op.create_table(
        "broadcast_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("mime", sa.String(length=100), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", storage.types.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("broadcast", schema=None) as batch_op:
        batch_op.add_column(sa.Column("file_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key("fk_broadcast_file_id", "broadcast_file", ["file_id"],
                                    ["id"], ondelete="SET NULL")


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("broadcast", schema=None) as batch_op:
        batch_op.drop_constraint("fk_broadcast_file_id", type_="foreignkey")
        batch_op.drop_column("file_id")
    op.drop_table("broadcast_file")
    with op.batch_alter_table("company_role", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_company_role_company_id"))
    op.drop_table("company_role")
