"""Every table of the bot: importing this module registers them all in SQLModel.metadata.

Alembic's environment and the schema test import it; a feature with tables adds one line.
"""

from storage.audit.models import AuditLog
from storage.broadcasts.models import Broadcast, BroadcastFile
from storage.catalogue.models import CatalogueVersion
from storage.chat.models import ChatMenu, DialogState, InstallationKey
from storage.events.models import Event, Registration
from storage.fairs.models import BoothRequest, Fair
from storage.feedback.models import EventFeedback, FeedbackRound
from storage.films.models import FilmInterest
from storage.ideas.models import Idea, IdeaVote
from storage.media_days.models import MediaDay, MediaDayOffer
from storage.members.models import Company, InviteAttempt, InviteCode, Person
from storage.outbox.models import OutboxMessage, ReminderPreference
from storage.pace.models import SendPace
from storage.polls.models import CompanyRole, Poll, PollBallot, PollOption, PollRecipient
from storage.schau_rein.models import SchauReinConfirmation, SchauReinSignup
from storage.stammtisch.models import (
    StammtischOverride,
    StammtischSetting,
    StammtischSubscription,
    StammtischTopic,
)
from storage.web.models import WebFeed, WebLogin, WebLoginTry, WebSession

__all__ = [
    "AuditLog", "BoothRequest", "Broadcast", "BroadcastFile", "CatalogueVersion", "ChatMenu",
    "Company", "CompanyRole",
    "DialogState", "Event", "EventFeedback", "Fair", "FeedbackRound", "FilmInterest", "Idea",
    "IdeaVote", "InstallationKey", "InviteAttempt", "InviteCode", "MediaDay", "MediaDayOffer",
    "OutboxMessage", "Person", "Poll", "PollBallot", "PollOption", "PollRecipient", "Registration",
    "ReminderPreference", "SchauReinConfirmation", "SchauReinSignup", "SendPace",
    "StammtischOverride", "StammtischSetting", "StammtischSubscription", "StammtischTopic",
    "WebFeed", "WebLogin", "WebLoginTry", "WebSession",
]
