"""events: events and their registrations (capacity in people, waiting list)

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.types

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table('event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=True),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('start', storage.types.UTCDateTime(), nullable=False),
    sa.Column('end', storage.types.UTCDateTime(), nullable=True),
    sa.Column('date_note', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
    sa.Column('place', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
    sa.Column('city', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
    sa.Column('topic', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=True),
    sa.Column('booked', sa.Integer(), nullable=False),
    sa.Column('deadline', storage.types.UTCDateTime(), nullable=True),
    sa.Column('link', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
    sa.Column('directions', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
    sa.Column('reminder_days', storage.types.JSONText(), nullable=True),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('cancelled_at', storage.types.UTCDateTime(), nullable=True),
    sa.Column('edited_in_chat', sa.Boolean(), nullable=False),
    sa.Column('created_at', storage.types.UTCDateTime(), nullable=False),
    sa.CheckConstraint("kind IN ('intern', 'extern', 'info')", name='ck_event_kind'),
    sa.CheckConstraint('booked >= 0', name='ck_event_booked_positive'),
    sa.CheckConstraint('capacity IS NULL OR booked <= capacity', name='ck_event_not_overbooked'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_start'), ['start'], unique=False)

    op.create_table('event_registration',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('company_id', sa.Integer(), nullable=True),
    sa.Column('people', sa.Integer(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
    sa.Column('created_at', storage.types.UTCDateTime(), nullable=False),
    sa.Column('promoted_at', storage.types.UTCDateTime(), nullable=True),
    sa.Column('cancelled_at', storage.types.UTCDateTime(), nullable=True),
    sa.CheckConstraint("status IN ('registered', 'waitlist', 'cancelled')", name='ck_registration_status'),
    sa.CheckConstraint('people BETWEEN 1 AND 5', name='ck_registration_people'),
    sa.ForeignKeyConstraint(['company_id'], ['company.id'], ),
    sa.ForeignKeyConstraint(['event_id'], ['event.id'], ),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('event_registration', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_registration_company_id'), ['company_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_registration_person_id'), ['person_id'], unique=False)
        batch_op.create_index('ix_registration_event_status', ['event_id', 'status', 'created_at', 'id'], unique=False)
        batch_op.create_index('ux_registration_active', ['event_id', 'person_id'], unique=True, sqlite_where=sa.text("status != 'cancelled'"), postgresql_where=sa.text("status != 'cancelled'"))


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table('event_registration', schema=None) as batch_op:
        batch_op.drop_index('ux_registration_active', sqlite_where=sa.text("status != 'cancelled'"), postgresql_where=sa.text("status != 'cancelled'"))
        batch_op.drop_index('ix_registration_event_status')
        batch_op.drop_index(batch_op.f('ix_event_registration_person_id'))
        batch_op.drop_index(batch_op.f('ix_event_registration_company_id'))

    op.drop_table('event_registration')
    with op.batch_alter_table('event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_start'))

    op.drop_table('event')
