"""All tables; importing this package registers every table in SQLModel.metadata."""

from storage.models.chat_state import ButtonToken, DialogState
from storage.models.events import Event, Registration
from storage.models.fairs import BoothRequest, Fair, SchauReinSignup
from storage.models.media_days import FilmInterest, MediaDay, MediaDayOffer
from storage.models.org import AuditLog, Company, InviteCode, Person
from storage.models.outbox import OutboxMessage, ReminderPreference
from storage.models.reminders import (
    StammtischOverride,
    StammtischSetting,
    StammtischSubscription,
    StammtischTopic,
)

__all__ = [
    "AuditLog",
    "BoothRequest",
    "ButtonToken",
    "Company",
    "DialogState",
    "Event",
    "Fair",
    "FilmInterest",
    "InviteCode",
    "MediaDay",
    "MediaDayOffer",
    "OutboxMessage",
    "Person",
    "Registration",
    "ReminderPreference",
    "SchauReinSignup",
]
__all__ += ["StammtischOverride", "StammtischSetting", "StammtischSubscription", "StammtischTopic"]
