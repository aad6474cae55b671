"""Every table of the bot: importing this module registers them all in SQLModel.metadata.

Alembic's environment and the schema test import it; a feature with tables adds one line.
"""

from storage.audit.models import AuditLog
from storage.chat.models import ChatMenu, DialogState, InstallationKey
from storage.members.models import Company, InviteCode, Person
from storage.models.events import Event, Registration
from storage.models.fairs import BoothRequest, Fair, SchauReinSignup
from storage.models.media_days import FilmInterest, MediaDay, MediaDayOffer
from storage.outbox.models import OutboxMessage, ReminderPreference
from storage.stammtisch.models import (
    StammtischOverride,
    StammtischSetting,
    StammtischSubscription,
    StammtischTopic,
)

__all__ = [
    "AuditLog", "BoothRequest", "ChatMenu", "Company", "DialogState", "Event", "Fair",
    "FilmInterest", "InstallationKey", "InviteCode", "MediaDay", "MediaDayOffer",
    "OutboxMessage", "Person", "Registration", "ReminderPreference", "SchauReinSignup",
    "StammtischOverride", "StammtischSetting", "StammtischSubscription", "StammtischTopic",
]
