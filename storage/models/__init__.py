"""All tables; importing this package registers every table in SQLModel.metadata."""

from storage.models.chat_state import ButtonToken, DialogState
from storage.models.org import AuditLog, Company, InviteCode, Person
from storage.models.outbox import OutboxMessage, ReminderPreference

__all__ = [
    "AuditLog",
    "ButtonToken",
    "Company",
    "DialogState",
    "InviteCode",
    "OutboxMessage",
    "Person",
    "ReminderPreference",
]
