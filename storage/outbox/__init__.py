"""The outbox: every message the bot pushes is a row, planned in the caller's unit of work.

`plan`/`unplan`/`reconcile` (planning), `queue` (claiming and settling due rows for the
scheduler), `preferences` (per-person switches per kind), `deadlines` (reminders before a
sign-up deadline to companies that have not answered, shared by fairs, events, Schau rein).
"""

from storage.outbox import preferences, queue
from storage.outbox.models import OutboxMessage, ReminderPreference
from storage.outbox.plan import FilePayload, Plan, pending_for, plan, reconcile, unplan

__all__ = [
    "FilePayload", "OutboxMessage", "Plan", "ReminderPreference", "pending_for", "plan",
    "preferences", "queue", "reconcile", "unplan",
]
