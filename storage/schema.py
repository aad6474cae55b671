"""Every table of the bot: importing this module registers them all in SQLModel.metadata.

Alembic's environment and the schema test import it; a feature with tables adds one line.
"""

from storage.audit.models import AuditLog
from storage.catalogue.models import CatalogueVersion
from storage.chat.models import ChatMenu, DialogState, InstallationKey
from storage.events.models import Event, Registration
from storage.fairs.models import BoothRequest, Fair
from storage.films.models import FilmInterest
from storage.media_days.models import MediaDay, MediaDayOffer
from storage.members.models import Company, InviteCode, Person
from storage.outbox.models import OutboxMessage, ReminderPreference
from storage.polls.models import Poll, PollBallot, PollOption, PollRecipient
from storage.schau_rein.models import SchauReinSignup
from storage.stammtisch.models import (
    StammtischOverride,
    StammtischSetting,
    StammtischSubscription,
    StammtischTopic,
)

__all__ = [
    "AuditLog", "BoothRequest", "CatalogueVersion", "ChatMenu", "Company", "DialogState",
    "Event", "Fair", "FilmInterest", "InstallationKey", "InviteCode", "MediaDay", "MediaDayOffer",
    "OutboxMessage", "Person", "Poll", "PollBallot", "PollOption", "PollRecipient",
    "Registration", "ReminderPreference", "SchauReinSignup",
    "StammtischOverride", "StammtischSetting", "StammtischSubscription", "StammtischTopic",
]
