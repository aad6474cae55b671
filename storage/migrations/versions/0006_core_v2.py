"""core v2: signed buttons (button tokens gone), numbered menus, dialog runs, rendered notices

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.types

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("buttontoken", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_buttontoken_person_id"))
        batch_op.drop_index(batch_op.f("ix_buttontoken_created_at"))
        batch_op.drop_index(batch_op.f("ix_buttontoken_batch"))
    op.drop_table("buttontoken")
    op.create_table(
        "chatmenu",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("actions", storage.types.JSONText(), nullable=True),
        sa.Column("offered_at", storage.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"]),
        sa.PrimaryKeyConstraint("person_id", "chat_id"),
    )
    op.create_table(
        "installationkey",
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("value", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    with op.batch_alter_table("dialogstate", schema=None) as batch_op:
        batch_op.add_column(sa.Column("run", sqlmodel.sql.sqltypes.AutoString(length=12),
                                      nullable=False, server_default=""))
    with op.batch_alter_table("outboxmessage", schema=None) as batch_op:
        batch_op.add_column(sa.Column("params", storage.types.JSONText(), nullable=True))


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("outboxmessage", schema=None) as batch_op:
        batch_op.drop_column("params")
    with op.batch_alter_table("dialogstate", schema=None) as batch_op:
        batch_op.drop_column("run")
    op.drop_table("installationkey")
    op.drop_table("chatmenu")
    op.create_table(
        "buttontoken",
        sa.Column("token", sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(length=400), nullable=False),
        sa.Column("batch", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", storage.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"]),
        sa.PrimaryKeyConstraint("token"),
    )
