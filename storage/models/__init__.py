"""All tables; importing this package registers every table in SQLModel.metadata."""

from storage.models.chat_state import ButtonToken, DialogState
from storage.models.events import Event, Registration
from storage.models.media_days import FilmInterest, MediaDay, MediaDayOffer
from storage.models.org import AuditLog, Company, InviteCode, Person
from storage.models.outbox import OutboxMessage, ReminderPreference

__all__ = [
    "AuditLog",
    "ButtonToken",
    "Company",
    "DialogState",
    "Event",
    "FilmInterest",
    "InviteCode",
    "MediaDay",
    "MediaDayOffer",
    "OutboxMessage",
    "Person",
    "Registration",
    "ReminderPreference",
]
